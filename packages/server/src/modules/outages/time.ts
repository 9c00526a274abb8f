// Date-times of the office: a declared period starts and ends at instants, given as the office's own
// wall-clock time ('2026-03-02T08:30', in its time zone) or with an offset ('...Z', '...+01:00').
import { isLegalDate } from '@registrum/procedures';

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in the zone at an instant, as its parts. */
function wallClock(timeZone: string, ms: number) {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { y: +p.year, m: +p.month, d: +p.day, h: +p.hour % 24, mi: +p.minute, s: +p.second };
}

/** How far the zone's wall clock is ahead of UTC at an instant (ms). */
function offsetAt(timeZone: string, ms: number): number {
  const w = wallClock(timeZone, ms);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - Math.floor(ms / 1000) * 1000;
}

const validTime = (h: string, mi: string, s?: string) => +h < 24 && +mi < 60 && (s === undefined || +s < 60);

/** The instant a date-time names (wall-clock time in `timeZone` unless it carries an offset); null if it is not one. */
export function parseOfficeDateTime(text: unknown, timeZone: string): Date | null {
  if (typeof text !== 'string') return null;
  const z = WITH_OFFSET.exec(text);
  if (z) {
    if (!isLegalDate(z[1]) || !validTime(z[2], z[3], z[4]) || (z[5] !== undefined && (+z[5] > 23 || +z[6] > 59))) return null;
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = LOCAL.exec(text);
  if (!m || !isLegalDate(m[1]) || !validTime(m[2], m[3], m[4])) return null;
  const [y, mo, d] = m[1].split('-').map(Number);
  const wall = Date.UTC(y, mo - 1, d, +m[2], +m[3], +(m[4] ?? 0));
  // The offset at the guess, then at the instant it gives (a guess across a change of offset moves once).
  let at = wall - offsetAt(timeZone, wall);
  const again = wall - offsetAt(timeZone, at);
  if (again !== at) at = again;
  return new Date(at);
}

/** An instant as the office's wall-clock time, 'YYYY-MM-DDTHH:mm'. */
export function officeWallClock(timeZone: string, at: Date): string {
  const w = wallClock(timeZone, at.getTime());
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${p(w.y, 4)}-${p(w.m)}-${p(w.d)}T${p(w.h)}:${p(w.mi)}`;
}
