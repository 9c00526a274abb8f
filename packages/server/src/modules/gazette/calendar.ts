// The gazette's publication calendar, an office setting the administrator keeps: weekly on a weekday,
// every other week from a first issue, or monthly on a day of the month. An issue is compiled for one
// of its dates (or an extra date the registrar names, e.g. after a holiday).
import { addDays, compareDates, isLegalDate, type LegalDate } from '@registrum/procedures';
import { invalid } from '../../kernel/errors.ts';

export interface GazetteCalendar {
  frequency: 'weekly' | 'fortnightly' | 'monthly';
  /** ISO weekday of a weekly or fortnightly issue: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Day of the month of a monthly issue (1 to 28, so every month has it). */
  monthDay: number;
  /** A fortnightly calendar counts its weeks from this date (an issue date). */
  startsOn: LegalDate | null;
}

/** Unless the administrator sets another: an issue every Wednesday. */
export const DEFAULT_CALENDAR: GazetteCalendar = { frequency: 'weekly', weekday: 3, monthDay: 1, startsOn: null };

export const calendarSchema = {
  type: 'object', additionalProperties: false, required: ['frequency'],
  properties: {
    frequency: { type: 'string', enum: ['weekly', 'fortnightly', 'monthly'] },
    weekday: { type: 'integer', minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' },
    monthDay: { type: 'integer', minimum: 1, maximum: 28 },
    startsOn: { type: ['string', 'null'], format: 'date', description: 'first issue of a fortnightly calendar' },
  },
} as const;

export function normaliseCalendar(input: Partial<GazetteCalendar> & { frequency: GazetteCalendar['frequency'] }): GazetteCalendar {
  const cal: GazetteCalendar = {
    frequency: input.frequency,
    weekday: input.weekday ?? DEFAULT_CALENDAR.weekday,
    monthDay: input.monthDay ?? DEFAULT_CALENDAR.monthDay,
    startsOn: input.startsOn ?? null,
  };
  if (cal.startsOn !== null && !isLegalDate(cal.startsOn)) throw invalid('INVALID_DATE', `startsOn must be a date YYYY-MM-DD (got '${cal.startsOn}')`);
  if (cal.frequency === 'fortnightly') {
    if (!cal.startsOn) throw invalid('VALIDATION_FAILED', 'A fortnightly calendar needs the date of its first issue (startsOn)', { errors: [{ path: '/startsOn', message: 'required for a fortnightly calendar', keyword: 'required' }] });
    if (isoWeekday(cal.startsOn) !== cal.weekday) cal.weekday = isoWeekday(cal.startsOn);
  }
  return cal;
}

/** ISO weekday of a date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(d: LegalDate): number {
  const day = new Date(`${d}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether the calendar has an issue on this date. */
export function isIssueDay(cal: GazetteCalendar, d: LegalDate): boolean {
  if (cal.frequency === 'monthly') return Number(d.slice(8, 10)) === cal.monthDay;
  if (isoWeekday(d) !== cal.weekday) return false;
  if (cal.frequency === 'weekly') return true;
  const days = Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${cal.startsOn}T00:00:00Z`)) / 86_400_000);
  return days >= 0 && days % 14 === 0;
}

/** The next `n` issue dates on or after `from`. */
export function nextIssueDates(cal: GazetteCalendar, from: LegalDate, n: number): LegalDate[] {
  const out: LegalDate[] = [];
  let d = from;
  if (cal.frequency === 'fortnightly' && cal.startsOn && compareDates(d, cal.startsOn) < 0) d = cal.startsOn;
  for (let i = 0; out.length < n && i < 400 * n; i++, d = addDays(d, 1)) if (isIssueDay(cal, d)) out.push(d);
  return out;
}
