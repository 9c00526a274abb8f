// Legal calendar dates and time limits of an IP office.
//
// Pure: no IO, no clock, no time zones. A legal date is a calendar date ('YYYY-MM-DD'); all arithmetic is
// done on integers (day numbers from the civil calendar), never with JavaScript Date in local time.
// Period computation follows the common PCT Rule 80 / EPC Rule 131 / Rule 134 approach.

export type LegalDate = string & { readonly __legalDate: unique symbol };

export class InvalidLegalDateError extends Error {
  readonly code = 'INVALID_DATE' as const;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidLegalDateError';
  }
}

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function validParts(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d)
    && y >= MIN_YEAR && y <= MAX_YEAR && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function show(s: unknown): string {
  return typeof s === 'string' ? JSON.stringify(s) : typeof s;
}

export function legalDate(y: number, m: number, d: number): LegalDate {
  if (!validParts(y, m, d)) {
    throw new InvalidLegalDateError(`not a valid legal date: year ${y}, month ${m}, day ${d} (years ${MIN_YEAR}..${MAX_YEAR})`);
  }
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` as LegalDate;
}

export function parseLegalDate(s: string): LegalDate {
  const match = typeof s === 'string' ? ISO.exec(s) : null;
  if (!match) throw new InvalidLegalDateError(`not a legal date in the form YYYY-MM-DD: ${show(s)}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (!validParts(y, m, d)) throw new InvalidLegalDateError(`no such calendar date: ${show(s)}`);
  return s as LegalDate;
}

export function isLegalDate(s: unknown): s is LegalDate {
  if (typeof s !== 'string') return false;
  const match = ISO.exec(s);
  return match !== null && validParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function parts(d: LegalDate): { y: number; m: number; d: number } {
  const p = parseLegalDate(d);
  return { y: Number(p.slice(0, 4)), m: Number(p.slice(5, 7)), d: Number(p.slice(8, 10)) };
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function dayNumber(date: LegalDate): number {
  const { y: year, m, d } = parts(date);
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): LegalDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return legalDate(y, m, d);
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

export function addDays(d: LegalDate, n: number): LegalDate {
  requireInteger(n, 'number of days');
  return fromDayNumber(dayNumber(d) + n);
}

export function addMonths(d: LegalDate, n: number): LegalDate {
  requireInteger(n, 'number of months');
  const p = parts(d);
  const index = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw new InvalidLegalDateError(`${d} plus ${n} months is outside years ${MIN_YEAR}..${MAX_YEAR}`);
  }
  return legalDate(y, m, Math.min(p.d, daysInMonth(y, m)));
}

export function addYears(d: LegalDate, n: number): LegalDate {
  requireInteger(n, 'number of years');
  return addMonths(d, n * 12);
}

export function lastDayOfMonth(d: LegalDate): LegalDate {
  const p = parts(d);
  return legalDate(p.y, p.m, daysInMonth(p.y, p.m));
}

export function compareDates(a: LegalDate, b: LegalDate): number {
  // The fixed-width ISO form sorts lexicographically in date order.
  const x = parseLegalDate(a);
  const y = parseLegalDate(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function daysBetween(a: LegalDate, b: LegalDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function dayOfWeek(d: LegalDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

export function minDate(...ds: LegalDate[]): LegalDate {
  if (ds.length === 0) throw new RangeError('minDate needs at least one date');
  return ds.reduce((acc, d) => (compareDates(d, acc) < 0 ? d : acc));
}

export function maxDate(...ds: LegalDate[]): LegalDate {
  if (ds.length === 0) throw new RangeError('maxDate needs at least one date');
  return ds.reduce((acc, d) => (compareDates(d, acc) > 0 ? d : acc));
}

// ---------------------------------------------------------------------------------------------------------
// Office calendars

export interface OfficeCalendar {
  id: string;
  version: string;
  effectiveFrom: LegalDate;
  weekendDays: number[];
  holidays: LegalDate[];
}

export function isWorkingDay(cal: OfficeCalendar, d: LegalDate): boolean {
  return !cal.weekendDays.includes(dayOfWeek(d)) && !cal.holidays.includes(d);
}

export function nextWorkingDay(cal: OfficeCalendar, d: LegalDate): LegalDate {
  let day = d;
  // A misconfigured calendar (every day closed) must fail loudly rather than loop forever.
  for (let i = 0; i <= 366; i++) {
    if (isWorkingDay(cal, day)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(`calendar ${cal.id} ${cal.version}: no working day within a year after ${d}`);
}

export function calendarInForce(versions: OfficeCalendar[], on: LegalDate): OfficeCalendar {
  let best: OfficeCalendar | undefined;
  for (const v of versions) {
    if (compareDates(v.effectiveFrom, on) > 0) continue;
    if (!best || compareDates(v.effectiveFrom, best.effectiveFrom) >= 0) best = v;
  }
  if (!best) {
    const ids = [...new Set(versions.map((v) => v.id))].join(', ') || 'none given';
    throw new Error(`no office calendar in force on ${on} (calendars: ${ids})`);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Periods

export interface PeriodSpec {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  endOfMonth?: boolean;
  extendToWorkingDay?: boolean;
  citation?: string;
}

export interface PeriodEnd {
  start: LegalDate;
  lastDay: LegalDate;
  nominalLastDay: LegalDate;
  extended: boolean;
  calendar: { id: string; version: string } | null;
  citation?: string;
}

function amounts(spec: PeriodSpec): { months: number; days: number } {
  const { years = 0, months = 0, weeks = 0, days = 0 } = spec;
  for (const [name, v] of [['years', years], ['months', months], ['weeks', weeks], ['days', days]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`period ${name} must be a non-negative integer, got ${v}`);
  }
  return { months: years * 12 + months, days: weeks * 7 + days };
}

export function computePeriodEnd(start: LegalDate, spec: PeriodSpec, calendars: OfficeCalendar[] | null): PeriodEnd {
  const { months, days } = amounts(spec);
  // Years and months are counted together from the event date, so the period ends on the day with the same
  // number as the event (29 Feb 2024 + 1 year 1 month = 29 Mar 2025, not 28 Mar) as Rule 131(4) EPC requires.
  let nominal = addDays(addMonths(parseLegalDate(start), months), days);
  if (spec.endOfMonth) nominal = lastDayOfMonth(nominal);

  let lastDay = nominal;
  let calendar: PeriodEnd['calendar'] = null;
  if (calendars !== null && spec.extendToWorkingDay !== false) {
    const cal = calendarInForce(calendars, nominal);
    lastDay = nextWorkingDay(cal, nominal);
    calendar = { id: cal.id, version: cal.version };
  }
  const result: PeriodEnd = { start, lastDay, nominalLastDay: nominal, extended: lastDay !== nominal, calendar };
  if (spec.citation !== undefined) result.citation = spec.citation;
  return result;
}

/**
 * The date a period of this length before `d` (no working-day extension). Steps are undone in reverse order:
 * weeks/days first, then years and months. `endOfMonth` moves the result to the last day of its month.
 */
export function subtractPeriod(d: LegalDate, spec: PeriodSpec): LegalDate {
  const { months, days } = amounts(spec);
  const result = addMonths(addDays(parseLegalDate(d), -days), -months);
  return spec.endOfMonth ? lastDayOfMonth(result) : result;
}

export function isWithin(d: LegalDate, from: LegalDate, to: LegalDate): boolean {
  return compareDates(from, d) <= 0 && compareDates(d, to) <= 0;
}

export function formatPeriod(spec: PeriodSpec): string {
  const units: Array<[number | undefined, string]> = [
    [spec.years, 'year'], [spec.months, 'month'], [spec.weeks, 'week'], [spec.days, 'day'],
  ];
  const text = units
    .filter(([n]) => n !== undefined && n !== 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`)
    .join(' ');
  return text || '0 days';
}

/**
 * The periods of a procedure as its rules see them. A rule that computes a period itself (a priority year,
 * the entry into the national phase) gets the same spec an office framework overrides and the same
 * computation a time limit of that period gets, so a guard and a time limit never disagree on a last day.
 */
export interface PeriodTable {
  readonly specs: Readonly<Record<string, PeriodSpec>>;
  /** The spec of `key`; an unknown key is an error in the procedure, not in the request. */
  spec(key: string): PeriodSpec;
  /** When the period `key` running from `start` ends, extended to a working day unless its spec says not. */
  end(key: string, start: LegalDate): PeriodEnd;
}

export function periodTable(specs: Readonly<Record<string, PeriodSpec>>, calendars: OfficeCalendar[] | null, owner = 'procedure'): PeriodTable {
  const spec = (key: string): PeriodSpec => {
    const p = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!p) throw new Error(`${owner} has no period '${key}'`);
    return p;
  };
  return { specs, spec, end: (key, start) => computePeriodEnd(start, spec(key), calendars) };
}
