import type { Clock } from '../../kernel/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { PaymentProvider } from '../../platform/payments/payments.ts';

export interface AccountsDeps {
  db: Db;
  clock: Clock;
  /** The currency accounts are kept in: the office's. */
  currency: string;
  /** Where a party's own deposits go through; null: none configured (the office books bank transfers itself). */
  provider: PaymentProvider | null;
}
