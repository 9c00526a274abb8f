// Watches on marks: a user names a mark (and its classes) and a threshold; each trademark the office
// publishes afterwards is compared with every active watch by the 'act.recorded' job (the outbox), and a
// watch it scores at or above is recorded once with the reasons and the watcher gets a notice in the portal.
import { randomUUID } from 'node:crypto';
import { TAKE_OVER, TAKE_OVER_UPDATE } from '@registrum/procedures';
import { DomainError } from '../../../kernel/errors.ts';
import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { SearchService } from '../search-service.ts';
import { compareMarks, prepareMark } from '../similarity/compare.ts';
import * as repo from '../watches.repository.ts';

export const MAX_WATCHES = 200;
export const DEFAULT_THRESHOLD = 0.75;

export interface NewWatch { markText: string; niceClasses?: number[]; threshold?: number; label?: string }

const present = (w: repo.WatchRow & { hits?: number }) => ({
  id: w.id, markText: w.mark_text, niceClasses: w.classes, threshold: w.threshold, label: w.label, createdAt: w.created_at,
  ...(w.hits !== undefined ? { hits: w.hits } : {}),
});

export async function createWatch(service: SearchService, actor: Actor & { kind: 'user' }, w: NewWatch) {
  // The mark is read as a search would read it: a script the office does not search is refused now, not at publication.
  const prepared = prepareMark(w.markText, service.lex, service.scripts);
  if (!prepared.fused) throw new DomainError('SEARCH_TEXT_EMPTY', 'The mark to watch has no letters or digits', 422, { field: 'markText' });
  return service.db.tx(async (q) => {
    if (await repo.countActive(q, actor.id) >= MAX_WATCHES) {
      throw new DomainError('TOO_MANY_WATCHES', `An account keeps at most ${MAX_WATCHES} watches; end one first`, 409, { max: MAX_WATCHES });
    }
    return present(await repo.insertWatch(q, {
      id: randomUUID(), userId: actor.id, markText: w.markText.trim(), classes: [...new Set(w.niceClasses ?? [])].sort((a, b) => a - b),
      threshold: w.threshold ?? DEFAULT_THRESHOLD, label: w.label?.trim() || null,
    }));
  });
}

export async function listWatches(service: SearchService, actor: Actor & { kind: 'user' }) {
  return { items: (await repo.watchesOf(service.db, actor.id)).map(present) };
}

export async function readWatch(service: SearchService, actor: Actor & { kind: 'user' }, id: string) {
  const w = await repo.watchOf(service.db, id, actor.id);
  if (!w) throw new DomainError('WATCH_NOT_FOUND', `No watch ${id} of yours`, 404);
  const hits = await repo.hitsOf(service.db, id);
  return {
    ...present(w),
    hits: hits.map((h) => ({ caseId: h.case_id, applicationNumber: h.number, markText: h.mark_text, niceClasses: h.classes, status: h.state, score: h.score, why: h.why, foundAt: h.found_at })),
  };
}

export async function endWatch(service: SearchService, actor: Actor & { kind: 'user' }, id: string) {
  if (!await repo.endWatch(service.db, id, actor.id)) throw new DomainError('WATCH_NOT_FOUND', `No watch ${id} of yours`, 404);
}

// Taking a previous register over publishes nothing new: its marks are not news for a watch.
const NOT_NEWS = new Set([TAKE_OVER, TAKE_OVER_UPDATE]);

/** The 'act.recorded' job's part: an act that published a trademark is compared with every active watch. */
export function watchJob(service: SearchService) {
  return async (q: Queryable, job: { caseId: string; actId: number; act: string }): Promise<number> => {
    if (NOT_NEWS.has(job.act)) return 0;
    const pub = await repo.publication(q, job.actId);
    if (!pub?.mark_text) return 0;
    let mark;
    try { mark = prepareMark(pub.mark_text, service.lex, service.scripts); } catch { return 0; }
    if (!mark.fused) return 0;
    let found = 0;
    for (const w of await repo.activeWatches(q)) {
      // A watcher is not told of its own publications.
      if (pub.user_ids.includes(w.user_id)) continue;
      let watched;
      try { watched = prepareMark(w.mark_text, service.lex, service.scripts); } catch { continue; }
      const r = compareMarks(watched, mark, { query: w.classes, mark: pub.classes, lex: service.lex });
      if (r.score < w.threshold) continue;
      if (await repo.recordHit(q, { watch: w, caseId: pub.case_id, number: pub.number, actId: job.actId, score: r.score, why: r.why, markText: pub.mark_text })) found++;
    }
    return found;
  };
}
