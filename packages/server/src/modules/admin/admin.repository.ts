// SQL of the administration module: the calendar versions the office maintains.
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';

export interface CalendarVersionRow {
  framework: string; calendar_id: string; version: string; effective_from: LegalDate; weekend_days: number[]; holidays: LegalDate[];
}

export async function calendarVersions(q: Queryable): Promise<CalendarVersionRow[]> {
  return (await q.query<CalendarVersionRow>(
    `SELECT framework, calendar_id, version, effective_from::text AS effective_from, weekend_days,
            ARRAY(SELECT h::text FROM unnest(holidays) h ORDER BY h) AS holidays
       FROM calendar_versions ORDER BY framework, effective_from`)).rows;
}

/** Changes whenever a version is added (versions are never changed or removed). */
export async function calendarSignature(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ s: string }>("SELECT count(*)::text || ':' || coalesce(max(created_at)::text, '') AS s FROM calendar_versions");
  return rows[0].s;
}

export async function insertCalendarVersion(q: Queryable, v: {
  framework: string; calendarId: string; version: string; effectiveFrom: LegalDate; weekendDays: number[]; holidays: LegalDate[]; note: string | null; createdBy: string | null;
}): Promise<void> {
  await q.query(
    `INSERT INTO calendar_versions (framework, calendar_id, version, effective_from, weekend_days, holidays, note, created_by)
     VALUES ($1, $2, $3, $4, $5::smallint[], $6::date[], $7, $8)`,
    [v.framework, v.calendarId, v.version, v.effectiveFrom, v.weekendDays, v.holidays, v.note, v.createdBy]);
}
