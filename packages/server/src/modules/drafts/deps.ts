import type { CasesDeps } from '../cases/index.ts';

/** Drafts are stored in the cases' database and submitted through the cases module's filing. */
export type DraftsDeps = CasesDeps;
