// decide(): given the law (a procedure version), a case view and a requested act, says whether the act
// is allowed now and exactly what it does. Pure: no IO, no clock; the caller supplies `today`.
import {
  ANY_STATE, compareDates, computePeriodEnd, periodTable, subtractPeriod,
  type ActContext, type ActDefinition, type ChildFiling, type Framework, type LegalDate, type PartyChange, type Performer,
  type FeeScheduleVersion, type ProcedureDefinition, type StatusEvent, type TimeLimitExtension,
} from '@registrum/procedures';
import { DomainError } from '../kernel/errors.ts';

/** Which fee-schedule version a fee was charged under: one the law ships or one the office added. */
export interface FeeScheduleRef { source: 'law' | 'office'; effectiveFrom: LegalDate }

export interface FeeLine { code: string; title: string; quantity: number; amount: number; currency: string; schedule?: FeeScheduleRef }

/** A schedule version as the engine may be given it: those the office added say so (default: the law's). */
export type SourcedFeeSchedule = FeeScheduleVersion & { source?: 'law' | 'office' };

export interface TimeLimitPlan {
  kind: string;
  startsFrom: LegalDate;
  windowOpensOn: LegalDate | null;
  dueOn: LegalDate;
  graceEndsOn: LegalDate | null;
  expiresAfter: LegalDate;
  onExpiry: string;
  /** How the dates were computed: period, citation, calendar version, extension. */
  computation: Record<string, unknown>;
}

export interface Decision {
  act: string;
  definition: ActDefinition;
  stateAfter: string;
  data: Record<string, unknown>;
  fees: FeeLine[];
  opens: TimeLimitPlan[];
  closes: string[];
  /** Time limits given later last days (see ActDefinition.extendsTimeLimits). */
  extended: TimeLimitExtension[];
  event: StatusEvent | null;
  documents: string[];
  paymentBefore: boolean;
  /** The act publishes the case: it is public from now on (see ActDefinition.publishes). */
  publishes: boolean;
  /** Who joins, replaces or leaves the case's parties. */
  parties: PartyChange[];
  /** The child case the act files, if it files one now. */
  child: { right: string; act: string; payload: Record<string, any>; parties: NonNullable<ChildFiling['parties']>; inheritTimeLimits: readonly string[] } | null;
}

/** The acts that create a case of this procedure: the filing act and the other initial acts. */
export function initialActsOf(procedure: ProcedureDefinition): string[] {
  return [procedure.filingAct, ...(procedure.initialActs ?? [])];
}

export function decide(
  framework: Framework,
  procedure: ProcedureDefinition,
  actType: string,
  caseCtx: Omit<ActContext, 'calendars' | 'periods'>,
  performerAs: ReadonlySet<Performer>,
): Decision {
  // The rules and the time limits below compute periods with one table, so they cannot disagree.
  const periods = periodTable(procedure.periods, framework.calendars, `procedure ${procedure.framework}/${procedure.right}@${procedure.version}`);
  const ctx: ActContext = { ...caseCtx, calendars: framework.calendars, periods };
  const def = Object.hasOwn(procedure.acts, actType) ? procedure.acts[actType] : undefined;
  if (!def) {
    throw new DomainError('UNKNOWN_ACT', `The ${procedure.title} procedure has no act '${actType}'`, 404, { act: actType, right: procedure.right });
  }
  if (!def.performers.some((p) => performerAs.has(p))) {
    throw new DomainError('ACT_NOT_PERMITTED', `You may not perform '${def.title}' on this case`, 403, { act: actType, performers: def.performers });
  }
  // A case that does not exist yet (the engine decides a filing on an empty draft) is created only by an
  // initial act; an initial act on an existing case is refused below (its `from` is empty).
  const creating = ctx.case.state === '';
  const isFiling = creating && initialActsOf(procedure).includes(actType);
  if (creating && !isFiling) {
    throw new DomainError('NOT_AN_INITIAL_ACT', `'${def.title}' is an act on an existing case; a ${procedure.title} case is created by ${initialActsOf(procedure).map((a) => `'${a}'`).join(' or ')}`, 400, { act: actType, initialActs: initialActsOf(procedure) });
  }
  if (!isFiling && !(def.from.includes(ANY_STATE) || def.from.includes(ctx.case.state))) {
    throw new DomainError('ACT_NOT_ALLOWED_IN_STATE', `'${def.title}' is not possible while the case is '${procedure.states[ctx.case.state]?.title ?? ctx.case.state}'`, 409, { act: actType, state: ctx.case.state, allowedIn: def.from });
  }
  if (def.within) {
    const limit = ctx.case.openTimeLimits.find((t) => t.kind === def.within);
    const lapsed = limit ? undefined : ctx.case.expiredTimeLimits?.filter((t) => t.kind === def.within).at(-1);
    if (lapsed) {
      const last = lapsed.graceEndsOn ?? lapsed.dueOn;
      throw new DomainError('TIME_LIMIT_EXPIRED', `The time limit for '${def.title}' expired on ${last}`, 409, { act: actType, timeLimit: def.within, lastDay: last });
    }
    if (!limit) {
      throw new DomainError('NO_OPEN_TIME_LIMIT', `There is no open time limit '${def.within}' for this act`, 409, { act: actType, timeLimit: def.within });
    }
    const last = limit.graceEndsOn ?? limit.dueOn;
    if (compareDates(ctx.today, last) > 0) {
      throw new DomainError('TIME_LIMIT_EXPIRED', `The time limit for '${def.title}' expired on ${last}`, 409, { act: actType, timeLimit: def.within, lastDay: last });
    }
  }
  const refusal = def.guard?.(ctx);
  if (refusal) throw new DomainError(refusal.code, refusal.message, refusal.code === 'FEES_UNPAID' ? 409 : 422, refusal.details ?? {});

  const stateAfter = typeof def.to === 'function' ? def.to(ctx) : def.to ?? ctx.case.state;
  if (!procedure.states[stateAfter]) throw new Error(`procedure ${procedure.framework}/${procedure.right}: act ${actType} leads to unknown state ${stateAfter}`);
  const event = typeof def.event === 'function' ? def.event(ctx) : def.event ?? null;

  return {
    act: actType,
    definition: def,
    stateAfter,
    data: def.effects?.(ctx) ?? {},
    fees: feesFor(framework, procedure, def, ctx),
    opens: (def.opens ?? []).filter((o) => !o.when || o.when(ctx)).map((o) => {
      const startsFrom = o.from ? o.from(ctx) : ctx.today;
      const longest = periods.spec(o.period);
      const requested = o.requestedLength?.(ctx) ?? null;
      // A length the party chose keeps the period's citation and working-day rule.
      const period = requested ? { ...requested, extendToWorkingDay: longest.extendToWorkingDay, citation: longest.citation } : longest;
      const end = requested ? computePeriodEnd(startsFrom, period, framework.calendars) : periods.end(o.period, startsFrom);
      const windowOpensOn = o.windowBefore ? subtractPeriod(end.lastDay, periods.spec(o.windowBefore)) : null;
      const grace = o.grace ? periods.end(o.grace, end.lastDay) : null;
      return {
        kind: o.kind,
        startsFrom,
        windowOpensOn,
        dueOn: end.lastDay,
        graceEndsOn: grace?.lastDay ?? null,
        expiresAfter: grace?.lastDay ?? end.lastDay,
        onExpiry: o.onExpiry,
        computation: {
          period: o.period, spec: period, nominalLastDay: end.nominalLastDay, extended: end.extended,
          calendar: end.calendar, citation: period.citation ?? null,
          ...(requested ? { requested: true, longest } : {}),
          ...(grace ? { grace: { period: o.grace, nominalLastDay: grace.nominalLastDay, extended: grace.extended, calendar: grace.calendar } } : {}),
          ...(o.windowBefore ? { windowBefore: o.windowBefore } : {}),
        },
      };
    }),
    closes: [...(def.closes ?? [])],
    extended: def.extendsTimeLimits?.(ctx) ?? [],
    event,
    documents: [...(def.documents ?? [])],
    paymentBefore: def.payment === 'before',
    publishes: typeof def.publishes === 'function' ? def.publishes(ctx) : def.publishes === true,
    parties: (def.parties?.(ctx) ?? []).filter((c) => 'remove' in c || !!c.party),
    child: def.createsChild && (!def.createsChild.when || def.createsChild.when(ctx))
      ? {
        right: def.createsChild.right, act: def.createsChild.act, payload: def.createsChild.payload?.(ctx) ?? ctx.payload,
        parties: def.createsChild.parties ?? {}, inheritTimeLimits: def.createsChild.inheritTimeLimits ?? [],
      }
      : null,
  };
}

/**
 * Fees are charged at the rates in force on the day of the act, whatever procedure version the case
 * was filed under: the schedules of every version of the right are one effective-dated series.
 */
export function feesFor(framework: Framework, procedure: ProcedureDefinition, def: ActDefinition, ctx: ActContext): FeeLine[] {
  if (!def.fees?.length) return [];
  const schedules = framework.procedures.filter((p) => p.right === procedure.right).flatMap((p) => p.fees);
  const schedule = [...schedules]
    .filter((s) => compareDates(s.effectiveFrom, ctx.today) <= 0)
    .sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom))
    .at(-1);
  if (!schedule) throw new Error(`procedure ${procedure.framework}/${procedure.right}: no fee schedule in force on ${ctx.today}`);
  const lines: FeeLine[] = [];
  for (const charge of def.fees) {
    if (charge.when && !charge.when(ctx)) continue;
    const quantity = charge.quantity ? charge.quantity(ctx) : 1;
    if (quantity <= 0) continue;
    const code = charge.codeFor ? charge.codeFor(ctx) : charge.code;
    const item = Object.hasOwn(schedule.items, code) ? schedule.items[code] : undefined;
    if (!item) throw new Error(`fee schedule ${schedule.effectiveFrom} of ${procedure.framework} has no fee '${code}'`);
    const ref: FeeScheduleRef = { source: (schedule as SourcedFeeSchedule).source ?? 'law', effectiveFrom: schedule.effectiveFrom };
    lines.push({ code, title: item.title, quantity, amount: item.amount * quantity, currency: schedule.currency, schedule: ref });
  }
  return lines;
}

/** Acts a holder of these performer capacities could perform in the case's current state. */
export function availableActs(procedure: ProcedureDefinition, state: string, performerAs: ReadonlySet<Performer>): string[] {
  return Object.entries(procedure.acts)
    .filter(([type, a]) => !initialActsOf(procedure).includes(type) && !a.automatic)
    .filter(([, a]) => a.from.includes(ANY_STATE) || a.from.includes(state))
    .filter(([, a]) => a.performers.some((p) => performerAs.has(p)))
    .map(([type]) => type);
}
