// SQL of watches on marks: the watches of a user, the active ones a publication is compared with, what
// each found (once per watch and case) and the watcher's notice of it.
import type { Queryable } from '../../platform/db/db.ts';

export interface WatchRow { id: string; user_id: string; mark_text: string; classes: number[]; threshold: number; label: string | null; created_at: string; ended_at: string | null }

const COLUMNS = `id, user_id, mark_text, classes::int[] AS classes, threshold::float8 AS threshold, label, created_at, ended_at`;

export async function insertWatch(q: Queryable, w: { id: string; userId: string; markText: string; classes: number[]; threshold: number; label: string | null }): Promise<WatchRow> {
  const { rows } = await q.query<WatchRow>(
    `INSERT INTO mark_watches (id, user_id, mark_text, classes, threshold, label) VALUES ($1, $2, $3, $4::smallint[], $5, $6) RETURNING ${COLUMNS}`,
    [w.id, w.userId, w.markText, w.classes, w.threshold, w.label]);
  return rows[0];
}

export async function countActive(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM mark_watches WHERE user_id = $1 AND ended_at IS NULL', [userId]);
  return rows[0].n;
}

export async function watchesOf(q: Queryable, userId: string): Promise<(WatchRow & { hits: number })[]> {
  const { rows } = await q.query<WatchRow & { hits: number }>(
    `SELECT ${COLUMNS}, (SELECT count(*)::int FROM mark_watch_hits h WHERE h.watch_id = w.id) AS hits
       FROM mark_watches w WHERE user_id = $1 AND ended_at IS NULL ORDER BY created_at DESC, id`, [userId]);
  return rows;
}

export async function watchOf(q: Queryable, id: string, userId: string): Promise<WatchRow | null> {
  const { rows } = await q.query<WatchRow>(`SELECT ${COLUMNS} FROM mark_watches WHERE id = $1 AND user_id = $2 AND ended_at IS NULL`, [id, userId]);
  return rows[0] ?? null;
}

export async function endWatch(q: Queryable, id: string, userId: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE mark_watches SET ended_at = now() WHERE id = $1 AND user_id = $2 AND ended_at IS NULL', [id, userId]);
  return (rowCount ?? 0) > 0;
}

export async function hitsOf(q: Queryable, watchId: string) {
  const { rows } = await q.query<{ case_id: string; number: string; mark_text: string | null; classes: number[]; state: string; score: number; why: unknown; found_at: string }>(
    `SELECT h.case_id, c.number, m.mark_text, m.classes::int[] AS classes, c.state, h.score::float8 AS score, h.why, h.found_at
       FROM mark_watch_hits h JOIN cases c ON c.id = h.case_id JOIN mark_search m ON m.case_id = h.case_id
      WHERE h.watch_id = $1 AND c.public ORDER BY h.found_at DESC, c.number LIMIT 500`, [watchId]);
  return rows;
}

export async function activeWatches(q: Queryable): Promise<WatchRow[]> {
  return (await q.query<WatchRow>(`SELECT ${COLUMNS} FROM mark_watches WHERE ended_at IS NULL`)).rows;
}

/** The act, if it made a trademark public: the mark as published. */
export async function publication(q: Queryable, actId: number): Promise<{ case_id: string; number: string; mark_text: string | null; classes: number[]; user_ids: string[] } | null> {
  const { rows } = await q.query<{ case_id: string; number: string; mark_text: string | null; classes: number[]; user_ids: string[] }>(
    `SELECT a.case_id, c.number, m.mark_text, m.classes::int[] AS classes,
            array(SELECT c.filed_by WHERE c.filed_by IS NOT NULL
                  UNION SELECT u.id FROM case_parties cp JOIN users u ON u.party_id = cp.party_id WHERE cp.case_id = c.id
                  UNION SELECT p.user_id FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = c.id AND p.user_id IS NOT NULL)::text[] AS user_ids
       FROM acts a JOIN cases c ON c.id = a.case_id JOIN mark_search m ON m.case_id = c.id
      WHERE a.id = $1 AND (a.effects ->> 'published')::boolean IS TRUE`, [actId]);
  return rows[0] ?? null;
}

/** Records what a watch found and tells its user, once per watch and case: returns whether it was new. */
export async function recordHit(q: Queryable, h: { watch: WatchRow; caseId: string; number: string; actId: number; score: number; why: unknown; markText: string }): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO mark_watch_hits (watch_id, case_id, act_id, score, why) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [h.watch.id, h.caseId, h.actId, h.score, JSON.stringify(h.why)]);
  if (!rowCount) return false;
  // One notice per user and act: two watches finding the same publication are one notice.
  await q.query(
    `INSERT INTO notifications (id, user_id, case_id, act_id, title, body) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)
     ON CONFLICT (user_id, act_id) DO NOTHING`,
    [h.watch.user_id, h.caseId, h.actId, `${h.number}: a published mark close to your watch "${h.watch.label ?? h.watch.mark_text}"`,
      `The mark ${h.markText} (${h.number}) was published. It scores ${Math.round(h.score * 100)}% against your watch on ${h.watch.mark_text}. Check the opposition period on the case.`]);
  return true;
}
