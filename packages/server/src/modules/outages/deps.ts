import type { Clock } from '../../kernel/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { ProcedureEngine } from '../../procedure-engine/engine.ts';
import type { CasesDeps } from '../cases/index.ts';

export interface OutagesDeps {
  db: Db;
  engine: ProcedureEngine;
  clock: Clock;
  /** The office's time zone: its dates are calendar dates there. */
  timeZone: string;
  /** The office's present instant (the office date may have been moved forward in demo mode). */
  now: () => Date;
  /** Filing, for filings received through a fallback channel. */
  cases: CasesDeps;
}
