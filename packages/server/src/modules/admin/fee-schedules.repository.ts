// SQL of the fee-schedule versions the office adds (see fee-schedules.ts).
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';

export interface FeeScheduleVersionRow {
  framework: string; right_kind: string; effective_from: LegalDate; currency: string; amounts: Record<string, number>;
  note: string | null; created_by: string | null; created_at: string;
}

export async function feeScheduleVersions(q: Queryable): Promise<FeeScheduleVersionRow[]> {
  return (await q.query<FeeScheduleVersionRow>(
    `SELECT framework, right_kind, effective_from::text AS effective_from, currency, amounts, note, created_by, created_at::text AS created_at
       FROM fee_schedule_versions ORDER BY framework, right_kind, effective_from`)).rows;
}

/** Changes whenever a version is added (versions are never changed or removed). */
export async function feeScheduleSignature(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ s: string }>("SELECT count(*)::text || ':' || coalesce(max(created_at)::text, '') AS s FROM fee_schedule_versions");
  return rows[0].s;
}

/** False if a version of that right for that date exists already (including one added concurrently). */
export async function insertFeeScheduleVersion(q: Queryable, v: {
  framework: string; right: string; effectiveFrom: LegalDate; currency: string; amounts: Record<string, number>; note: string | null; createdBy: string | null;
}): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO fee_schedule_versions (framework, right_kind, effective_from, currency, amounts, note, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING framework`,
    [v.framework, v.right, v.effectiveFrom, v.currency, JSON.stringify(v.amounts), v.note, v.createdBy]);
  return rows.length === 1;
}
