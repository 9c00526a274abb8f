// Declaring a period during which the office's electronic services were unavailable (ML r. 80): a legal
// fact, recorded once and never changed (the database chains and freezes it), published at once
// (GET /api/v1/outages, the public register), and followed by the extension of every time limit of a
// party that ended in it. A period is declared when it is over: its end is not after now.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../kernel/actor.ts';
import { calendarDateIn } from '../../../kernel/clock.ts';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import type { OutagesDeps } from '../deps.ts';
import * as repo from '../outages.repository.ts';
import { parseOfficeDateTime } from '../time.ts';
import { extendForOutage, type ExtensionOptions, type ExtensionReport } from './extend-time-limits.ts';

/** The office's means of filing and acting that can be unavailable. */
export const OUTAGE_CHANNELS = ['web', 'api', 'payments'] as const;
/** A longer interruption is declared as consecutive periods (a mistyped year cannot extend a year of time limits). */
export const MAX_OUTAGE_DAYS = 31;

export interface DeclareOutageInput { startsAt: string; endsAt: string; reason: string; channels: string[] }

export async function declareOutage(deps: OutagesDeps, actor: Actor, input: DeclareOutageInput, opts: ExtensionOptions = {}): Promise<{ outage: repo.OutageRow; extension: ExtensionReport }> {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in to declare an outage', 401);
  const startsAt = parseOfficeDateTime(input.startsAt, deps.timeZone);
  if (!startsAt) throw invalid('INVALID_DATE_TIME', `startsAt must be a date and time, e.g. 2026-03-02T08:30 (office time, ${deps.timeZone}) or with an offset (got '${String(input.startsAt)}')`, { field: 'startsAt' });
  const endsAt = parseOfficeDateTime(input.endsAt, deps.timeZone);
  if (!endsAt) throw invalid('INVALID_DATE_TIME', `endsAt must be a date and time, e.g. 2026-03-02T17:00 (office time, ${deps.timeZone}) or with an offset (got '${String(input.endsAt)}')`, { field: 'endsAt' });
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw new DomainError('OUTAGE_END_BEFORE_START', 'The outage must end after it starts', 422, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
  }
  const now = deps.now();
  if (endsAt.getTime() > now.getTime()) {
    throw new DomainError('OUTAGE_IN_FUTURE', 'An outage is declared once it is over: its end is after now', 422, { endsAt: endsAt.toISOString(), now: now.toISOString() });
  }
  if (endsAt.getTime() - startsAt.getTime() > MAX_OUTAGE_DAYS * 86_400_000) {
    throw new DomainError('OUTAGE_TOO_LONG', `An outage is declared for at most ${MAX_OUTAGE_DAYS} days at a time; declare a longer one as consecutive periods`, 422, { maxDays: MAX_OUTAGE_DAYS });
  }
  const reason = input.reason.trim();
  if (!reason) throw invalid('VALIDATION_FAILED', 'Give the reason for the outage', { errors: [{ path: '/reason', message: 'must not be empty', keyword: 'minLength' }] });
  const channels = [...new Set(input.channels)];

  const outage = await deps.db.tx(async (q) => {
    await repo.lockOutages(q);
    const other = await repo.overlapping(q, startsAt, endsAt);
    if (other) {
      throw new DomainError('OUTAGE_OVERLAPS', `The period overlaps outage no. ${other.seq} (${other.starts_at.toISOString()} to ${other.ends_at.toISOString()}), declared already`, 409,
        { outage: other.id, number: other.seq });
    }
    return repo.insertOutage(q, {
      id: randomUUID(), startsAt, endsAt, timeZone: deps.timeZone,
      // The office dates it overlaps: an outage ending at midnight does not touch the day that begins then.
      firstDay: calendarDateIn(deps.timeZone, startsAt), lastDay: calendarDateIn(deps.timeZone, new Date(endsAt.getTime() - 1)),
      reason, channels, declaredOn: deps.clock.today(), declaredAt: now, declaredBy: actor.id, declaredByName: actor.name,
    });
  });
  const extension = await extendForOutage(deps, outage.id, opts);
  return { outage: (await repo.findOutage(deps.db, outage.id))!, extension };
}
