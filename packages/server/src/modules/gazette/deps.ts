import type { OfficeSigningKey } from '../../platform/signing/signing.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { ProcedureEngine } from '../../procedure-engine/engine.ts';

export interface GazetteDeps {
  db: Db;
  engine: ProcedureEngine;
  clock: Clock;
  storage: BlobStorage;
  /** The office that publishes the gazette (its framework's office: ST.3 code and name). */
  office: { code: string; name: string };
  log: { error(o: unknown, msg?: string): void };
  /** The office key the PDF is signed with. */
  signingKey(): OfficeSigningKey;
}
