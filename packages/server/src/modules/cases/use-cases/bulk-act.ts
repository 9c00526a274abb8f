// One act on many cases ("publish this batch"): each case in a transaction of its own through the
// ordinary perform-act use case, so a refusal of one case never affects another; the reply says, case
// by case, what happened.
import { InvalidLegalDateError } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import { DatabaseUnavailableError } from '../../../platform/db/db.ts';
import { isOffice, type Viewer } from '../cases.policy.ts';
import type { CasesDeps } from '../deps.ts';
import { performAct } from './perform-act.ts';

export const BULK_MAX_CASES = 200;

export type BulkResult =
  | { case: string; ok: true; number: string; state: string }
  | { case: string; ok: false; code: string; detail: string };

export async function bulkAct(
  deps: CasesDeps, actor: Actor, viewer: Viewer, act: string, cases: string[], payload: Record<string, any> = {},
  onUnexpected: (err: unknown, caseRef: string) => void = () => {},
): Promise<{ act: string; succeeded: number; failed: number; results: BulkResult[] }> {
  if (!viewer || !isOffice(viewer)) throw new DomainError('FORBIDDEN', 'Acts on several cases at once are for office staff', 403);
  if (cases.length === 0 || cases.length > BULK_MAX_CASES) {
    throw new DomainError('VALIDATION_FAILED', `Name 1 to ${BULK_MAX_CASES} cases`, 400, { max: BULK_MAX_CASES });
  }
  const results: BulkResult[] = [];
  // One after the other: each case's own transaction locks only that case, and the order of the
  // results (and of the journal entries) is the order of the request.
  for (const ref of cases) {
    try {
      const res = await performAct(deps, actor, ref, act, payload);
      results.push({ case: ref, ok: true, number: res.number, state: res.state });
    } catch (err) {
      if (err instanceof DomainError) results.push({ case: ref, ok: false, code: err.code, detail: err.message });
      else if (err instanceof InvalidLegalDateError) results.push({ case: ref, ok: false, code: 'INVALID_DATE', detail: err.message });
      else if (err instanceof DatabaseUnavailableError) {
        results.push({ case: ref, ok: false, code: 'DATABASE_UNAVAILABLE', detail: err.outcome === 'not-recorded' ? 'The database was not reachable; nothing was recorded for this case' : 'The database was not reachable while the act was committed; look at the case before repeating it' });
      }
      else {
        onUnexpected(err, ref);
        results.push({ case: ref, ok: false, code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred; nothing was recorded for this case' });
      }
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { act, succeeded, failed: results.length - succeeded, results };
}
