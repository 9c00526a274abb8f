import type { CasesDeps } from '../cases/index.ts';

/** Quotes read cases and the law as the engine applies it (its lawOf), nothing of their own. */
export type FeesDeps = CasesDeps;
