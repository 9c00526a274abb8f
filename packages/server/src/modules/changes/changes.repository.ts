// SQL of the change feed: sealed acts in (seal, act) order, with whether the public may see each.
import type { Queryable } from '../../platform/db/db.ts';

export interface FeedRow {
  id: number; seal_id: number; seq: number; type: string; office_date: string; recorded_at: Date; event: any; state_after: string;
  number: string; right_kind: string; framework: string; procedure_version: string;
  /** The case is public and the act is its publication or later. */
  visible: boolean;
}

/**
 * Up to `scan` sealed acts after the cursor, in order. A seal's acts are fixed when it is made and every
 * new seal comes after the last, so reading in this order never skips an act that committed late.
 */
export async function sealedActsAfter(q: Queryable, after: { seal: number; act: number }, scan: number, f: { right?: string; event?: string }): Promise<FeedRow[]> {
  return (await q.query<FeedRow>(
    `WITH w AS (
       SELECT a.id, a.seal_id, a.case_id, a.seq, a.type, a.office_date, a.recorded_at, a.event, a.state_after
         FROM acts a WHERE a.seal_id IS NOT NULL AND (a.seal_id, a.id) > ($1::bigint, $2::bigint)
        ORDER BY a.seal_id, a.id LIMIT $3
     )
     SELECT w.id, w.seal_id, w.seq, w.type, w.office_date, w.recorded_at, w.event, w.state_after,
            c.number, c.right_kind, c.framework, c.procedure_version,
            (c.public
             AND w.seq >= coalesce((SELECT min(p.seq) FROM acts p WHERE p.case_id = w.case_id AND (p.effects->>'published') = 'true'), 2147483647)
             AND ($4::text IS NULL OR c.right_kind = $4)
             AND ($5::text IS NULL OR w.event->>'category' = $5 OR w.event->>'detailedCode' = $5)) AS visible
       FROM w JOIN cases c ON c.id = w.case_id
      ORDER BY w.seal_id, w.id`, [after.seal, after.act, scan, f.right ?? null, f.event ?? null])).rows;
}
