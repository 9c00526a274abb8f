// The change feed: what changed in the public register since a cursor. Each entry is an act of a public
// case, from the act that published the case on (what came before is seen only in the case's own
// public history), read from the sealed journal in (seal, act) order, so the cursor only moves forward
// and no act is ever skipped; the feed follows the journal by one worker pass (the sealer).
import { findProcedure } from '@registrum/procedures';
import { invalid } from '../../kernel/errors.ts';
import type { Queryable } from '../../platform/db/db.ts';
import * as repo from './changes.repository.ts';

export const FEED_MAX_LIMIT = 500;
const SCAN = 5000;

export function parseCursor(raw: string | undefined): { seal: number; act: number } {
  if (raw === undefined || raw === '' || raw === '0') return { seal: 0, act: 0 };
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(raw);
  if (!m) throw invalid('INVALID_CURSOR', `'${raw}' is not a cursor of the change feed (use the 'next' value of a previous page)`);
  return { seal: Number(m[1]), act: Number(m[2]) };
}

const cursorOf = (r: { seal_id: number; id: number }) => `${r.seal_id}.${r.id}`;

export async function changesSince(q: Queryable, f: { since?: string; limit?: number; right?: string; event?: string }, publicUrl = '') {
  const limit = Math.min(Math.max(f.limit ?? 100, 1), FEED_MAX_LIMIT);
  let at = parseCursor(f.since);
  const items: ReturnType<typeof present>[] = [];
  let more = false;
  // Reads windows of the journal until the page is full or the sealed journal ends.
  for (let round = 0; round < 4 && items.length < limit; round++) {
    const rows = await repo.sealedActsAfter(q, at, SCAN, { right: f.right, event: f.event });
    for (const r of rows) {
      if (items.length >= limit) { more = true; break; }
      at = { seal: r.seal_id, act: r.id };
      if (r.visible) items.push(present(r, publicUrl));
    }
    if (rows.length < SCAN) break;
    more = true;
  }
  const next = `${at.seal}.${at.act}`;
  const query = new URLSearchParams({ since: next, limit: String(limit), ...(f.right ? { right: f.right } : {}), ...(f.event ? { event: f.event } : {}) });
  return { items, next, hasMore: more, links: { next: `/api/v1/changes?${query}` } };
}

function present(r: repo.FeedRow, base: string) {
  const p = findProcedure(r.framework, r.right_kind, r.procedure_version);
  const n = encodeURIComponent(r.number);
  return {
    cursor: cursorOf(r),
    caseNumber: r.number,
    right: r.right_kind,
    act: { type: r.type, title: p?.acts[r.type]?.title ?? r.type },
    officeDate: r.office_date,
    recordedAt: r.recorded_at,
    event: r.event ? { standard: r.event.standard, category: r.event.category, detailedCode: r.event.detailedCode ?? null, statusCategory: r.event.statusCategory ?? null } : null,
    stateAfter: r.state_after,
    stateTitle: p?.states[r.state_after]?.title ?? r.state_after,
    links: { case: `${base}/api/v1/cases/${n}`, st96: `${base}/api/v1/register/${n}/st96.xml` },
  };
}
