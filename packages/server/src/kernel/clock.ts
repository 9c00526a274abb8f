// The office clock. Legal dates are calendar dates in the office's time zone. In demo and test mode an
// administrator may move the office date forward (stored in settings, so every process agrees), to
// walk a whole procedure through in minutes. Moving it backwards is refused: acts must stay in order.
import { addDays, compareDates, daysBetween, parseLegalDate, type LegalDate } from '@registrum/procedures';
import type { Queryable } from '../platform/db/db.ts';
import { DomainError } from './errors.ts';

export interface Clock {
  /** The office date now. */
  today(): LegalDate;
  now(): Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function calendarDateIn(timeZone: string, at: Date): LegalDate {
  // Building a DateTimeFormat costs far more than using one: keep one per zone.
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return parseLegalDate(f.format(at));
}

export class OfficeClock implements Clock {
  private offsetDays = 0;
  constructor(readonly timeZone: string, private readonly settable: boolean, private readonly realNow: () => Date = () => new Date()) {}

  now(): Date { return this.realNow(); }
  today(): LegalDate { return addDays(calendarDateIn(this.timeZone, this.realNow()), this.offsetDays); }
  get isSettable() { return this.settable; }
  get offset() { return this.offsetDays; }

  async load(q: Queryable): Promise<void> {
    const { rows } = await q.query<{ value: { offsetDays: number } }>("SELECT value FROM settings WHERE key = 'office-clock'");
    this.offsetDays = this.settable ? Number(rows[0]?.value.offsetDays ?? 0) : 0;
  }

  /** Sets the office date (demo/test mode only); persisted so restarts and other processes agree. */
  async setDate(q: Queryable, date: LegalDate): Promise<LegalDate> {
    if (!this.settable) throw new DomainError('CLOCK_NOT_SETTABLE', 'The office clock can only be set in demo mode', 409);
    await this.load(q);
    if (compareDates(date, this.today()) < 0) {
      throw new DomainError('CLOCK_BACKWARDS', `The office date cannot move back from ${this.today()} to ${date}`, 409, { today: this.today() });
    }
    const offsetDays = daysBetween(calendarDateIn(this.timeZone, this.realNow()), date);
    await q.query(
      "INSERT INTO settings (key, value) VALUES ('office-clock', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [JSON.stringify({ offsetDays })],
    );
    this.offsetDays = offsetDays;
    return this.today();
  }
}
