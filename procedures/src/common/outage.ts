// Interruptions of the office's service (ML r. 80, 81), the same for every right. When the means the
// office offers to file and act (its web portal, its API, its online payment) were unavailable, the
// office declares the period of unavailability and publishes it. A time limit of a party whose last day
// falls on a day of that period then runs to the next day on which the office is open and available
// again (r. 80(1)); where the office declares the period only after that day, to the first working day
// after the declaration (r. 80(2)), so no one loses a right for a last day they could not know had moved.
// A time limit the expiry sweep has already acted on, although its last day fell in the period, is
// reinstated (r. 80(3)): the case returns to the state it was in and the time limit runs again to its
// extended last day. Filings received meanwhile through a fallback channel keep the date on which the
// office received them (r. 81; the office enters them, see the server's outages module).
//
// Only time limits a party meets by an act of its own (or a third party, an opponent) are extended:
// those some act of a party's is performed within or closes. The office's own time limits and the
// term of a right are not time limits to act, and run as they are.
import { addDays, calendarInForce, compareDates, isLegalDate, isWorkingDay, type LegalDate, type OfficeCalendar } from './calendar.ts';
import { ANY_STATE } from './standard.ts';
import type { ActContext, ActDefinition, Performer, ProcedureDefinition, Refusal, TimeLimitExtension, TimeLimitView } from './types.ts';

export const EXTEND_FOR_OUTAGE = 'extend-for-outage';
export const REINSTATE_AFTER_OUTAGE = 'reinstate-after-outage';

/** A declared period of unavailability as office dates: every day it overlaps, from the first to the last. */
export interface OutageDays { id: string; firstDay: LegalDate; lastDay: LegalDate }

/** The period an act is performed for, with the office date on which the office declared it. */
export interface DeclaredOutage extends OutageDays { declaredOn: LegalDate }

/** What the acts are told: the period, and every declared period (the next available day is in none of them). */
export interface OutageInput { outage: DeclaredOutage; unavailable: OutageDays[] }

/** A last day moved, and why. */
export interface ExtendedDay {
  lastDay: LegalDate;
  /** The next day on which the office was open and available after the period. */
  afterOutage: LegalDate;
  /** The declaration came later than that day: the last day is the first working day after it (r. 80(2)). */
  afterDeclaration: boolean;
  calendar: { id: string; version: string };
}

export function isUnavailable(day: LegalDate, outages: readonly OutageDays[]): boolean {
  return outages.some((o) => compareDates(o.firstDay, day) <= 0 && compareDates(day, o.lastDay) <= 0);
}

/**
 * The first day after `day` on which the office is open (a working day of the calendar in force on that
 * day) and available (in no declared period of unavailability).
 */
export function nextAvailableDay(day: LegalDate, outages: readonly OutageDays[], calendars: OfficeCalendar[]): { day: LegalDate; calendar: { id: string; version: string } } {
  let d = addDays(day, 1);
  // Calendars and declared periods are finite: a year without an open day is a misconfiguration.
  for (let i = 0; i <= 366; i++) {
    const cal = calendarInForce(calendars, d);
    if (isWorkingDay(cal, d) && !isUnavailable(d, outages)) return { day: d, calendar: { id: cal.id, version: cal.version } };
    d = addDays(d, 1);
  }
  throw new RangeError(`no day on which the office is open and available within a year after ${day}`);
}

/** Where a last day falls on a day of the period: the day it moves to (r. 80(1), (2)); else null. */
export function extendedLastDay(day: LegalDate, input: OutageInput, calendars: OfficeCalendar[]): ExtendedDay | null {
  const o = input.outage;
  if (compareDates(day, o.firstDay) < 0 || compareDates(day, o.lastDay) > 0) return null;
  const unavailable = [...input.unavailable, o];
  const after = nextAvailableDay(o.lastDay, unavailable, calendars);
  if (compareDates(o.declaredOn, after.day) < 0) return { lastDay: after.day, afterOutage: after.day, afterDeclaration: false, calendar: after.calendar };
  const late = nextAvailableDay(o.declaredOn, unavailable, calendars);
  return { lastDay: late.day, afterOutage: after.day, afterDeclaration: true, calendar: late.calendar };
}

/** The new due date and end of grace of a time limit whose due date or end of grace falls in the period; null if neither does. */
export function extendTimeLimit(limit: Pick<TimeLimitView, 'dueOn' | 'graceEndsOn'>, input: OutageInput, calendars: OfficeCalendar[]) {
  const due = extendedLastDay(limit.dueOn, input, calendars);
  const grace = limit.graceEndsOn ? extendedLastDay(limit.graceEndsOn, input, calendars) : null;
  if (!due && !grace) return null;
  const dueOn = due?.lastDay ?? limit.dueOn;
  let graceEndsOn = grace?.lastDay ?? limit.graceEndsOn;
  // A grace period never ends before the time limit it follows.
  if (graceEndsOn && compareDates(graceEndsOn, dueOn) < 0) graceEndsOn = dueOn;
  return { dueOn, graceEndsOn, due, grace };
}

const PARTY: (p: Performer) => boolean = (p) => p === 'party' || p.startsWith('party:') || p === 'third-party';

/** The kinds of time limit a party or a third party meets by an act: those an interruption extends. */
export function partyTimeLimitKinds(procedure: ProcedureDefinition): Set<string> {
  const kinds = new Set<string>();
  for (const a of Object.values(procedure.acts)) {
    if (!a.performers.some(PARTY)) continue;
    if (a.within) kinds.add(a.within);
    for (const k of a.closes ?? []) kinds.add(k);
  }
  return kinds;
}

const isDays = (o: any): o is OutageDays => !!o && typeof o.id === 'string' && isLegalDate(o.firstDay) && isLegalDate(o.lastDay) && compareDates(o.firstDay, o.lastDay) <= 0;

function inputOf(payload: Record<string, any>): OutageInput | null {
  const o = payload.outage;
  if (!isDays(o) || !isLegalDate((o as any).declaredOn)) return null;
  const unavailable = Array.isArray(payload.unavailable) ? payload.unavailable : [];
  if (!unavailable.every(isDays)) return null;
  return { outage: o as DeclaredOutage, unavailable };
}

const malformed = (): Refusal => ({ code: 'OUTAGE_INVALID', message: 'The act names no valid period of unavailability' });

type LimitRef = Pick<TimeLimitView, 'kind' | 'dueOn' | 'graceEndsOn'>;
const same = (a: LimitRef, b: LimitRef) => a.kind === b.kind && a.dueOn === b.dueOn && (a.graceEndsOn ?? null) === (b.graceEndsOn ?? null);

function reasonFor(input: OutageInput, citation: string, limit: LimitRef, moved: NonNullable<ReturnType<typeof extendTimeLimit>>, extra: Record<string, unknown> = {}) {
  const how = moved.due ?? moved.grace!;
  return {
    outage: { id: input.outage.id, firstDay: input.outage.firstDay, lastDay: input.outage.lastDay, declaredOn: input.outage.declaredOn },
    citation,
    previousDueOn: limit.dueOn,
    previousGraceEndsOn: limit.graceEndsOn ?? null,
    dueOn: moved.dueOn,
    graceEndsOn: moved.graceEndsOn ?? null,
    afterOutage: how.afterOutage,
    afterDeclaration: how.afterDeclaration,
    calendar: how.calendar,
    ...extra,
  };
}

export interface OutageCitations { extend?: string; reinstate?: string }

/** The procedure with the acts that extend its parties' time limits for a declared period of unavailability, and reinstate one acted on meanwhile. */
export function withOutageActs(procedure: ProcedureDefinition, cite: OutageCitations = {}): ProcedureDefinition {
  const kinds = partyTimeLimitKinds(procedure);
  const extendBasis = cite.extend ?? 'ML r. 80(1), (2)';
  const reinstateBasis = cite.reinstate ?? 'ML r. 80(3)';

  const openExtensions = (ctx: ActContext, input: OutageInput): TimeLimitExtension[] => ctx.case.openTimeLimits
    .filter((t) => kinds.has(t.kind))
    .flatMap((t) => {
      const moved = extendTimeLimit(t, input, ctx.calendars);
      return moved ? [{
        kind: t.kind, dueOn: t.dueOn, graceEndsOn: t.graceEndsOn ?? null, status: 'open' as const,
        newDueOn: moved.dueOn, newGraceEndsOn: moved.graceEndsOn ?? null, reason: reasonFor(input, extendBasis, t, moved),
      }] : [];
    });

  /** The time limit the sweep acted on, and those the act it performed closed with it. */
  const reinstated = (ctx: ActContext, input: OutageInput): TimeLimitExtension[] => {
    const p = ctx.payload;
    const expired: LimitRef = p.expired;
    const moved = extendTimeLimit(expired, input, ctx.calendars)!;
    const actId = Number(p.expired.act.id);
    const extra = { reinstated: { act: p.expired.act.type, actSeq: p.expired.act.seq } };
    const others = (Array.isArray(p.alsoClosed) ? p.alsoClosed : []).map((c: LimitRef & { status: 'closed' | 'met' }): TimeLimitExtension => {
      const m = extendTimeLimit(c, input, ctx.calendars);
      return {
        kind: c.kind, dueOn: c.dueOn, graceEndsOn: c.graceEndsOn ?? null, status: c.status, closedByAct: actId,
        newDueOn: m?.dueOn ?? c.dueOn, newGraceEndsOn: m ? m.graceEndsOn ?? null : c.graceEndsOn ?? null,
        reason: m ? reasonFor(input, reinstateBasis, c, m, extra) : { outage: { id: input.outage.id }, citation: reinstateBasis, ...extra },
      };
    });
    return [{
      kind: expired.kind, dueOn: expired.dueOn, graceEndsOn: expired.graceEndsOn ?? null, status: 'expired', closedByAct: actId,
      newDueOn: moved.dueOn, newGraceEndsOn: moved.graceEndsOn ?? null, reason: reasonFor(input, reinstateBasis, expired, moved, extra),
    }, ...others];
  };

  const acts: Record<string, ActDefinition> = {
    [EXTEND_FOR_OUTAGE]: {
      title: 'Time limits extended: the office was unavailable',
      legalBasis: extendBasis,
      from: [ANY_STATE],
      performers: ['system'],
      automatic: true,
      worklist: false,
      guard: (ctx) => {
        const input = inputOf(ctx.payload);
        if (!input) return malformed();
        if (openExtensions(ctx, input).length === 0) {
          return { code: 'OUTAGE_NOTHING_TO_EXTEND', message: `No time limit of this case ends on a day from ${input.outage.firstDay} to ${input.outage.lastDay}`, details: { outage: input.outage.id } };
        }
        return null;
      },
      extendsTimeLimits: (ctx) => openExtensions(ctx, inputOf(ctx.payload)!),
    },
    [REINSTATE_AFTER_OUTAGE]: {
      title: 'Time limit reinstated: it ended while the office was unavailable',
      legalBasis: reinstateBasis,
      from: [ANY_STATE],
      to: (ctx) => ctx.payload.expired.act.stateBefore,
      performers: ['system'],
      automatic: true,
      worklist: false,
      guard: (ctx) => {
        const input = inputOf(ctx.payload);
        const e = ctx.payload.expired;
        if (!input || !e || typeof e.kind !== 'string' || !isLegalDate(e.dueOn) || typeof e.act?.stateBefore !== 'string') return malformed();
        const refuse = (message: string): Refusal => ({ code: 'OUTAGE_NOT_REINSTATABLE', message, details: { kind: e.kind, outage: input.outage.id } });
        if (!kinds.has(e.kind)) return refuse(`'${e.kind}' is not a time limit of a party`);
        if (!Object.hasOwn(procedure.states, e.act.stateBefore)) return refuse(`The procedure has no state '${e.act.stateBefore}'`);
        if (ctx.case.state !== e.act.stateAfter) return refuse('The case has moved on since the time limit was acted on');
        if (!(ctx.case.expiredTimeLimits ?? []).some((t) => same(t, e))) return refuse('The case has no such expired time limit');
        if (!extendTimeLimit(e, input, ctx.calendars)) return refuse(`The time limit did not end on a day from ${input.outage.firstDay} to ${input.outage.lastDay}`);
        return null;
      },
      // The fields the act performed on expiry had set, as they were before it.
      effects: (ctx) => (ctx.payload.restore && typeof ctx.payload.restore === 'object' ? ctx.payload.restore : {}),
      extendsTimeLimits: (ctx) => reinstated(ctx, inputOf(ctx.payload)!),
    },
  };
  return { ...procedure, acts: { ...procedure.acts, ...acts } };
}

/** A framework's procedures, each with the acts for interruptions of the office's service. */
/** Every procedure with the outage acts; `byRight` cites each right's own Act where the Acts differ. */
export function withOutageActsForAll(procedures: ProcedureDefinition[], cite: OutageCitations = {}, byRight: Partial<Record<string, OutageCitations>> = {}): ProcedureDefinition[] {
  return procedures.map((p) => withOutageActs(p, { ...cite, ...byRight[p.right] }));
}
