import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { PaymentInput, ProcedureEngine } from '../../procedure-engine/engine.ts';

export interface CasesDeps { db: Db; engine: ProcedureEngine; clock: Clock; storage: BlobStorage; defaultFramework: string; accounts: AccountPayments }

/** Paying from the filer's current account with the office (modules/accounts): debited in the act's own transaction. */
export interface AccountPayments {
  /**
   * For a payment by current account: the payment as the engine records it (its reference is the ledger
   * entry) and the debit to make, in the same transaction, once the act is recorded. Null for other methods.
   */
  prepare(actor: Actor, payment: PaymentInput | undefined): PreparedDebit | null;
}

export interface PreparedDebit {
  payment: PaymentInput;
  /** Throws (and so rolls the act back) when the account cannot pay. */
  debit(q: Queryable, ref: { caseId: string; caseNumber: string | null; actId: number | null; description: string }): Promise<void>;
}
