// Declared outages as the API shows them: the period as instants and as the office's own wall-clock
// time, the office dates it overlaps, and its place in the chain of declarations.
import type { OutageRow } from './outages.repository.ts';
import { officeWallClock } from './time.ts';

export function presentOutage(o: OutageRow, effects?: Record<string, number>, office = false) {
  return {
    id: o.id,
    number: o.seq,
    startsAt: o.starts_at.toISOString(),
    endsAt: o.ends_at.toISOString(),
    timeZone: o.time_zone,
    /** The same instants as the office's wall-clock time. */
    local: { startsAt: officeWallClock(o.time_zone, o.starts_at), endsAt: officeWallClock(o.time_zone, o.ends_at) },
    firstDay: o.first_day,
    lastDay: o.last_day,
    reason: o.reason,
    channels: o.channels,
    declaredOn: o.declared_on,
    declaredAt: o.declared_at.toISOString(),
    ...(office ? { declaredBy: o.declared_by_name } : {}),
    extension: { complete: o.extended_at !== null, completedAt: o.extended_at?.toISOString() ?? null, ...(effects ? { counts: { extended: effects.extended ?? 0, reinstated: effects.reinstated ?? 0, review: effects.review ?? 0 } } : {}) },
    prevHash: o.prev_hash,
    hash: o.hash,
  };
}
