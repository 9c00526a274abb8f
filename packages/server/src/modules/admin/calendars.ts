// Holiday calendars as effective-dated data the administrator maintains. A framework ships its
// calendar versions; the office adds new versions (from a future date: a period already computed
// never changes under it) and every time limit records the calendar version it was computed with.
// The engine reads them from memory; before it records an act that opens time limits it checks, in
// the same transaction, that no other process added a version meanwhile (one small query).
import { findFramework, isLegalDate, parseLegalDate, compareDates, type LegalDate, type OfficeCalendar } from '@registrum/procedures';
import type { Actor } from '../../kernel/actor.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import type { CalendarSource } from '../../procedure-engine/engine.ts';
import * as repo from './admin.repository.ts';

export interface NewCalendarVersion {
  framework: string;
  version: string;
  effectiveFrom: string;
  weekendDays: number[];
  holidays: string[];
  note?: string;
}

export class OfficeCalendars implements CalendarSource {
  private byFramework = new Map<string, OfficeCalendar[]>();
  private signature = '';

  async load(q: Queryable): Promise<void> {
    const rows = await repo.calendarVersions(q);
    const next = new Map<string, OfficeCalendar[]>();
    for (const r of rows) {
      const list = next.get(r.framework) ?? [];
      list.push({ id: r.calendar_id, version: r.version, effectiveFrom: r.effective_from, weekendDays: r.weekend_days.map(Number), holidays: r.holidays });
      next.set(r.framework, list);
    }
    this.byFramework = next;
    this.signature = await repo.calendarSignature(q);
  }

  forFramework(framework: string): OfficeCalendar[] {
    return this.byFramework.get(framework) ?? [];
  }

  /** Reloads if another process added a version since this one last looked; true if it did. */
  async ensureFresh(q: Queryable): Promise<boolean> {
    if ((await repo.calendarSignature(q)) === this.signature) return false;
    await this.load(q);
    return true;
  }

  /** Every version of the framework's calendars: those it ships and those the office added. */
  list(framework: string): (OfficeCalendar & { source: 'framework' | 'office' })[] {
    const f = findFramework(framework);
    if (!f) throw new DomainError('UNKNOWN_FRAMEWORK', `There is no legal framework '${framework}'`, 404, { framework });
    return [
      ...f.calendars.map((c) => ({ ...c, source: 'framework' as const })),
      ...this.forFramework(framework).map((c) => ({ ...c, source: 'office' as const })),
    ].sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  }

  async add(db: Db, clock: Clock, actor: Actor, v: NewCalendarVersion): Promise<OfficeCalendar> {
    const f = findFramework(v.framework);
    if (!f) throw invalid('UNKNOWN_FRAMEWORK', `There is no legal framework '${v.framework}'`, { framework: v.framework });
    if (!isLegalDate(v.effectiveFrom)) throw invalid('INVALID_DATE', `'${v.effectiveFrom}' is not a date (YYYY-MM-DD)`, { effectiveFrom: v.effectiveFrom });
    const from = parseLegalDate(v.effectiveFrom);
    if (compareDates(from, clock.today()) <= 0) {
      throw invalid('CALENDAR_NOT_IN_FUTURE', `A new calendar version takes effect after today (${clock.today()}): time limits already computed keep the calendar they were computed with`, { effectiveFrom: from, today: clock.today() });
    }
    const bad = v.holidays.filter((h) => !isLegalDate(h));
    if (bad.length) throw invalid('INVALID_DATE', `Not dates (YYYY-MM-DD): ${bad.join(', ')}`, { holidays: bad });
    const weekend = [...new Set(v.weekendDays)].sort();
    if (weekend.some((d) => !Number.isInteger(d) || d < 0 || d > 6) || weekend.length > 5) {
      throw invalid('INVALID_WEEKEND', 'Weekend days are 0 (Sunday) to 6 (Saturday), at most five of them', { weekendDays: v.weekendDays });
    }
    const holidays = [...new Set(v.holidays.map(parseLegalDate))].sort() as LegalDate[];
    const calendarId = f.calendars[0]?.id ?? f.id;
    const known = this.list(v.framework);
    if (known.some((c) => c.version === v.version)) throw new DomainError('CALENDAR_VERSION_EXISTS', `Calendar version '${v.version}' exists already`, 409, { version: v.version });
    await db.tx(async (q) => {
      await repo.insertCalendarVersion(q, { framework: f.id, calendarId, version: v.version, effectiveFrom: from, weekendDays: weekend, holidays, note: v.note ?? null, createdBy: actor.kind === 'user' ? actor.id : null });
      await this.load(q);
    });
    return { id: calendarId, version: v.version, effectiveFrom: from, weekendDays: weekend, holidays };
  }
}
