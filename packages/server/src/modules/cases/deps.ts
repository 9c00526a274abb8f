import type { Clock } from '../../kernel/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { ProcedureEngine } from '../../procedure-engine/engine.ts';

export interface CasesDeps { db: Db; engine: ProcedureEngine; clock: Clock; storage: BlobStorage; defaultFramework: string }
