// The procedure engine: the only code that changes a case. One call = one act, appended to the
// case's hash-chained journal together with every projection it changes (state, data, time limits,
// fees, payments) and the outbox jobs it causes, inside the caller's transaction.
import { randomUUID } from 'node:crypto';
import {
  findFramework, findProcedure, procedureInForce,
  type CaseView, type Framework, type LegalDate, type OfficeCalendar, type PartyChange, type PartyRole, type Performer,
  type ProcedureDefinition, type Right,
} from '@registrum/procedures';
import type { Actor } from '../kernel/actor.ts';
import type { Clock } from '../kernel/clock.ts';
import { DomainError } from '../kernel/errors.ts';
import type { Queryable } from '../platform/db/db.ts';
import { decide, type Decision } from './decide.ts';
import { genesisHash } from './hash-chain.ts';
import * as repo from './journal.repository.ts';
import type { CaseRow, PartyInput } from './journal.repository.ts';

export interface PaymentInput { amount: number; currency: string; method?: string; reference?: string }

export interface FileRequest {
  framework: string;
  right: string;
  payload: Record<string, any>;
  actor: Actor;
  payment?: PaymentInput;
  /** The initial act (default: the procedure's filing act). */
  act?: string;
  /** Parties named in the filing, created and linked to the case. */
  parties?: { role: string; party: PartyInput }[];
  /** Existing parties linked to the case in a role (a child's parties carried over from its parent). */
  links?: { partyId: string; role: string }[];
  parentId?: string;
  /** Kinds of the parent's open time limits the new case takes over. */
  inheritTimeLimits?: readonly string[];
  /**
   * The number the case keeps instead of one from the office's series: a record taken over from a
   * previous register under its own number (the caller has checked it is free and not of the series' form).
   */
  number?: string;
  /**
   * The caller's own writes for the new case (its documents, the debit of its payment), run in the
   * transaction after the case and its first act exist and before the application number is taken:
   * the number series' row lock is held from then to the commit, so nothing else should run under it.
   */
  beforeNumber?: (q: Queryable, c: { caseId: string; actId: number }) => Promise<void>;
  /**
   * A filing that reached the office through a fallback channel while its electronic services were
   * unavailable, entered by office staff (the actor, journaled as who entered it): decided and recorded
   * as of `on`, the date the office received it, as the filer's own act (performer 'party'). `filer`: the
   * applicant's or agent's account it is filed for, if it has one (the case is then theirs as if they had
   * filed it online). `record` is kept in the act's effects (how and when it was received).
   */
  received?: { on: LegalDate; filer: (Actor & { kind: 'user' }) | null; record: Record<string, unknown> };
}

/** Calendar versions an office added to those its frameworks ship. */
export interface CalendarSource {
  forFramework(framework: string): OfficeCalendar[];
  /** Checks, in the transaction, that the versions in memory are all there are; reloads and says so if not. */
  ensureFresh(q: Queryable): Promise<boolean>;
}

/** Fee-schedule versions an office added to those its procedures ship (see modules/admin/fee-schedules.ts). */
export interface FeeScheduleSource {
  /** The framework with the office's versions in each procedure's fee schedules (the framework itself if none). */
  withOfficeFees(framework: Framework): Framework;
  /**
   * Checks, in the transaction, that the versions in memory are all there are; reloads and says so if
   * not. Given the office date of the act, it may skip the look if it already looked that day (versions
   * take effect only after the day they are added).
   */
  ensureFresh(q: Queryable, today?: LegalDate): Promise<boolean>;
}

/**
 * Derived data kept with a case's projection, in the act's own transaction (e.g. the full-text index of a
 * patent's title, abstract and claims): told the case's data before and after each act. A listener
 * that fails fails the act, so what it keeps is never behind the register.
 */
export type ProjectionListener = (q: Queryable, c: { caseId: string; right: string; data: Record<string, any>; previous: Record<string, any> }) => Promise<void>;

export interface ActRequest {
  caseId: string;
  act: string;
  payload?: Record<string, any>;
  actor: Actor;
  payment?: PaymentInput;
}

export interface ActResult {
  caseId: string;
  number: string;
  actId: number;
  seq: number;
  act: string;
  state: string;
  officeDate: LegalDate;
  /** The case's filing date after the act (null while none is accorded). */
  filingDate: LegalDate | null;
  hash: string;
  fees: { code: string; amount: number; currency: string }[];
  child?: { caseId: string; number: string };
}

export class ProcedureEngine {
  /** `calendars`: the office calendar versions an administrator added (see modules/admin/calendars.ts). */
  constructor(
    private readonly clock: Clock, private readonly calendars?: CalendarSource, private readonly feeSchedules?: FeeScheduleSource,
    private readonly listeners: readonly ProjectionListener[] = [],
  ) {}

  procedureOf(c: Pick<CaseRow, 'framework' | 'right_kind' | 'procedure_version'>): { framework: Framework; procedure: ProcedureDefinition } {
    const framework = findFramework(c.framework);
    const procedure = findProcedure(c.framework, c.right_kind, c.procedure_version);
    if (!framework || !procedure) throw new Error(`case pinned to unknown procedure ${c.framework}/${c.right_kind}@${c.procedure_version}`);
    return { framework, procedure };
  }

  /** Files a new case: creates it under the procedure version in force today and records its first act. */
  async file(q: Queryable, req: FileRequest): Promise<ActResult> {
    const today = req.received?.on ?? this.clock.today();
    const framework = findFramework(req.framework);
    if (!framework) throw new DomainError('UNKNOWN_FRAMEWORK', `There is no legal framework '${req.framework}'`, 400, { framework: req.framework });
    const procedure = procedureInForce(req.framework, req.right, today);
    if (!procedure) throw new DomainError('UNKNOWN_RIGHT', `The framework '${req.framework}' has no procedure for '${req.right}'`, 400, { right: req.right, framework: req.framework });
    const actType = req.act ?? procedure.filingAct;

    let parent: CaseView['parent'] = null;
    if (req.parentId) {
      const p = await repo.getCase(q, req.parentId);
      if (!p) throw new DomainError('CASE_NOT_FOUND', `Case ${req.parentId} not found`, 404);
      parent = { id: p.id, number: p.number, right: p.right_kind as Right, state: p.state, filingDate: p.filing_date, data: p.data };
    }
    const draft: CaseView = { id: randomUUID(), number: '', right: procedure.right, state: '', filingDate: null, data: {}, openTimeLimits: [], parent };
    const payload = req.payload ?? {};
    const ctx = { case: draft, payload, today };
    // A filing entered for its filer is decided as the filer's (a party's) own.
    const filer: Actor | null = req.received ? req.received.filer : req.actor;
    const capacities: Set<Performer> = filer ? performerCapacities(filer, true, []) : new Set<Performer>(['party', 'third-party']);
    const decision = await this.decide(q, framework, procedure, actType, ctx, capacities);

    const schedule = procedure.fees.at(-1);
    const currency = schedule?.currency ?? framework.office.currency;
    // The case is recorded under a provisional number; the application number is taken last (below),
    // because the counter's row lock is held until commit and would otherwise serialise every filing.
    const row = await repo.insertCase(q, {
      id: draft.id, number: req.number ?? `pending-${draft.id}`, right: procedure.right, framework: framework.id, version: procedure.version,
      state: decision.stateAfter, parentId: req.parentId ?? null, filedBy: filer?.kind === 'user' ? filer.id : null,
      currency, genesisHash: genesisHash(draft.id),
    });
    // Parties: those the filing act names, those the caller names (a child's parties taken from the
    // request), and existing parties carried over from the parent. The filer's own party takes part in
    // its capacity unless the filing names someone else in it.
    const changes: PartyChange[] = [...decision.parties, ...(req.parties ?? []).map((p) => ({ role: p.role as PartyRole, party: p.party }))];
    const links = [...(req.links ?? [])];
    const actor = filer;
    if (actor?.kind === 'user' && actor.partyId) {
      const role: PartyRole = actor.role === 'agent' ? 'representative' : procedure.filerRole ?? 'applicant';
      if (!changes.some((c) => c.role === role) && !links.some((l) => l.role === role)) links.push({ role, partyId: actor.partyId });
    }
    // A derived case takes over the parent's running time limits it names (e.g. the renewal of a divided
    // registration), dates unchanged; they are recorded as opened by its first act.
    const inherited = req.parentId && req.inheritTimeLimits?.length
      ? (await repo.openTimeLimits(q, req.parentId)).filter((t) => req.inheritTimeLimits!.includes(t.kind)).map((t) => ({
        kind: t.kind, startsFrom: t.starts_from, windowOpensOn: t.window_opens_on, dueOn: t.due_on, graceEndsOn: t.grace_ends_on,
        expiresAfter: t.expires_after, onExpiry: t.on_expiry, computation: { ...t.computation, takenOverFrom: parent!.number },
      }))
      : [];
    const result = await this.append(q, row, procedure, { ...decision, parties: changes, opens: [...decision.opens, ...inherited] }, payload, req.actor, req.payment, today, null, links,
      req.received ? { received: req.received.record } : undefined);
    await req.beforeNumber?.(q, { caseId: row.id, actId: result.actId });
    const year = today.slice(0, 4);
    const number = req.number ?? await repo.assignNumber(q, row.id, `${framework.id}:${procedure.numberPrefix}:${year}`, `${procedure.numberPrefix}-${year}-`);
    return { ...result, number };
  }

  /** Performs an act on an existing case. */
  async perform(q: Queryable, req: ActRequest): Promise<ActResult> {
    const today = this.clock.today();
    const row = await repo.lockCase(q, req.caseId);
    if (!row) throw new DomainError('CASE_NOT_FOUND', `Case ${req.caseId} not found`, 404, { caseId: req.caseId });
    const { framework, procedure } = this.procedureOf(row);
    const parties = await repo.caseParties(q, row.id);
    const view = await this.view(q, row, parties);
    const payload = req.payload ?? {};
    const ctx = { case: view, payload, today };
    const roles = this.partyRolesIn(parties, row, req.actor);
    const decision = await this.decide(q, framework, procedure, req.act, ctx, performerCapacities(req.actor, false, roles));

    let child: ActResult | undefined;
    let recordedPayload = payload;
    if (decision.child) {
      // The child proceeding pays its own fees; the payment goes with it.
      const c = decision.child;
      const named = Object.entries(c.parties.fromPayload ?? {})
        .filter(([field]) => c.payload[field] && typeof c.payload[field] === 'object')
        .map(([field, role]) => ({ role, party: c.payload[field] as PartyInput }));
      const carried = parties.flatMap((p) => {
        const to = c.parties.fromParent?.[p.role as PartyRole];
        return to ? [{ partyId: p.party_id, role: to }] : [];
      });
      child = await this.file(q, {
        framework: row.framework, right: c.right, act: c.act, payload: c.payload, actor: req.actor, payment: req.payment,
        parties: named, links: carried, parentId: row.id, inheritTimeLimits: c.inheritTimeLimits,
      });
      const ref = { right: c.right, caseId: child.caseId, number: child.number };
      recordedPayload = c.payload === payload ? { child: ref } : { ...payload, child: ref };
    }
    const result = await this.append(q, row, procedure, decision, recordedPayload, req.actor,
      decision.child ? undefined : req.payment, today, child ? { caseId: child.caseId, number: child.number } : null, []);

    if (decision.definition.parentAct && row.parent_id) {
      await this.perform(q, {
        caseId: row.parent_id, act: decision.definition.parentAct, actor: { kind: 'system', name: 'Registrum (automatic)' },
        payload: { child: { right: procedure.right, caseId: row.id, number: row.number, act: req.act, data: { ...row.data, ...decision.data } } },
      });
    }
    return child ? { ...result, child: { caseId: child.caseId, number: child.number } } : result;
  }

  /**
   * decide() under the framework with the calendar and fee-schedule versions the office added; an act
   * that opens time limits or charges fees is decided again if another process added a version meanwhile.
   */
  private async decide(q: Queryable, framework: Framework, procedure: ProcedureDefinition, act: string, ctx: Parameters<typeof decide>[3], as: Set<Performer>): Promise<Decision> {
    const decision = decide(this.lawOf(framework), procedure, act, ctx, as);
    // Both sources are checked (no short cut): the decision is taken again once, with everything fresh.
    const calendarsChanged = (decision.opens.length > 0 || decision.extended.length > 0) && !!this.calendars && await this.calendars.ensureFresh(q);
    const feesChanged = decision.fees.length > 0 && !!this.feeSchedules && await this.feeSchedules.ensureFresh(q, this.clock.today());
    if (!calendarsChanged && !feesChanged) return decision;
    return decide(this.lawOf(framework), procedure, act, ctx, as);
  }

  /**
   * The framework with the holiday calendars and fee-schedule versions the administrator maintains added
   * to those it ships: the law as the engine applies it (e.g. for a fee quote that must match the charge).
   */
  lawOf(framework: Framework): Framework {
    const extra = this.calendars?.forFramework(framework.id) ?? [];
    const law = extra.length ? { ...framework, calendars: [...framework.calendars, ...extra] } : framework;
    return this.feeSchedules ? this.feeSchedules.withOfficeFees(law) : law;
  }

  async view(q: Queryable, row: CaseRow, parties?: repo.CasePartyRow[]): Promise<CaseView> {
    const list = parties ?? await repo.caseParties(q, row.id);
    const limits = await repo.openTimeLimits(q, row.id);
    const expired = await repo.expiredTimeLimits(q, row.id);
    let parent: CaseView['parent'] = null;
    if (row.parent_id) {
      const p = await repo.getCase(q, row.parent_id);
      if (p) parent = { id: p.id, number: p.number, right: p.right_kind as Right, state: p.state, filingDate: p.filing_date, data: p.data };
    }
    return {
      id: row.id, number: row.number, right: row.right_kind as Right, state: row.state, filingDate: row.filing_date,
      data: { ...row.data, feesOutstanding: row.fees_outstanding, credit: row.credit },
      openTimeLimits: limits.map(limitView),
      expiredTimeLimits: expired.map(limitView),
      parent,
      parties: list.map((p) => ({ role: p.role as PartyRole, name: p.name })),
    };
  }

  /** The roles in which the actor is a party to the case; the filer counts as a party. */
  async partyRolesOf(q: Queryable, row: Pick<CaseRow, 'id' | 'filed_by'>, actor: Actor): Promise<PartyRole[]> {
    return actor.kind === 'user' ? this.partyRolesIn(await repo.caseParties(q, row.id), row, actor) : [];
  }

  private partyRolesIn(parties: repo.CasePartyRow[], row: Pick<CaseRow, 'filed_by'>, actor: Actor): PartyRole[] {
    if (actor.kind !== 'user') return [];
    const roles = parties
      .filter((p) => p.user_id === actor.id || (actor.partyId !== null && p.party_id === actor.partyId))
      .map((p) => p.role as PartyRole);
    // The filer counts as a party (in its account's capacity) until a transfer of the case ends that.
    if (row.filed_by === actor.id && roles.length === 0) roles.push(actor.role === 'agent' ? 'representative' : 'applicant');
    return [...new Set(roles)];
  }

  private async append(
    q: Queryable, row: CaseRow, procedure: ProcedureDefinition, d: Decision,
    payload: Record<string, any>, actor: Actor, payment: PaymentInput | undefined, today: LegalDate,
    child: { caseId: string; number: string } | null, links: { partyId: string; role: string }[],
    /** More the act's effects record (how a filing entered by the office was received). */
    more?: Record<string, unknown>,
  ): Promise<ActResult> {
    const recordedAt = new Date(Math.floor(this.clock.now().getTime()));
    const ledger = await this.settleFees(q, row, d, payment);
    const stateDef = procedure.states[d.stateAfter];
    const data = { ...row.data, ...d.data };
    const filingDate = (Object.hasOwn(d.data, 'filingDate') ? d.data.filingDate : row.filing_date) as LegalDate | null;
    const title = procedure.caseTitle ? procedure.caseTitle(data) : row.title;
    const partyEffects = await this.applyParties(q, row.id, d.parties, links);
    // Recorded in the act, so an "as of" read knows from which act on the case was public.
    const becomesPublic = !row.public && (d.publishes || !!stateDef.public);
    const effects = {
      data: d.data,
      fees: d.fees,
      ...(ledger.payment ? { payment: ledger.payment } : {}),
      allocated: ledger.allocated,
      timeLimits: { opened: d.opens, closed: d.closes, ...(d.extended.length ? { extended: d.extended } : {}) },
      ...(child ? { child } : {}),
      ...(partyEffects ? { parties: partyEffects } : {}),
      ...(becomesPublic ? { published: true } : {}),
      ...(more ?? {}),
    };
    const event = d.event ? { ...d.event, eventDate: today, effectiveDate: today } : null;
    const act = {
      case_id: row.id, seq: row.act_count + 1, type: d.act, office_date: today, recorded_at: recordedAt,
      actor_id: actor.kind === 'user' ? actor.id : null, actor_role: actor.kind === 'user' ? actor.role : 'system',
      actor_name: actor.name, legal_basis: d.definition.legalBasis,
      state_before: row.act_count === 0 ? null : row.state, state_after: d.stateAfter,
      payload, effects, event, prev_hash: row.head_hash,
    };
    const { id: actId, hash } = await repo.recordAct(q, {
      act,
      fees: ledger.newFees,
      payment: ledger.payment,
      projection: {
        state: d.stateAfter, public: row.public || becomesPublic, filingDate, title, data,
        feesOutstanding: ledger.outstanding, credit: ledger.credit,
      },
      // One job per act: render its documents, then notify the parties (see app/office.ts).
      jobs: [{ topic: 'act.recorded', payload: { caseId: row.id, act: d.act, documents: d.documents } }],
    });
    for (const listener of this.listeners) await listener(q, { caseId: row.id, right: procedure.right, data, previous: row.data });
    for (const [feeId, amount] of ledger.olderFeePayments) await repo.addFeePayment(q, feeId, amount);
    if (d.closes.length) await repo.closeTimeLimits(q, row.id, d.closes, 'met', actId, today);
    for (const e of d.extended) await repo.extendTimeLimit(q, row.id, actId, today, e);
    if (stateDef.terminal) await repo.closeTimeLimits(q, row.id, 'all', 'closed', actId, today);
    else for (const t of d.opens) await repo.insertTimeLimit(q, row.id, actId, t);

    return {
      caseId: row.id, number: row.number, actId, seq: act.seq, act: d.act, state: d.stateAfter,
      officeDate: today, filingDate, hash, fees: d.fees.map((f) => ({ code: f.code, amount: f.amount, currency: f.currency })),
    };
  }

  /**
   * Who joins and who leaves the case: new parties are recorded and linked, `replace` and `remove` end
   * the links in a role (the journal keeps who they were). Returns what changed, for the act's effects.
   */
  private async applyParties(q: Queryable, caseId: string, changes: readonly PartyChange[], links: { partyId: string; role: string }[]) {
    if (changes.length === 0 && links.length === 0) return null;
    const ended: { role: string; partyId: string; name: string }[] = [];
    for (const c of changes) {
      if ('remove' in c || c.replace) ended.push(...await repo.unlinkParties(q, caseId, c.role));
    }
    const added = changes.filter((c): c is Extract<PartyChange, { party: unknown }> => 'party' in c);
    const ids = await repo.insertParties(q, added.map((c) => c.party as PartyInput));
    const transferred = changes.some((c) => 'transfer' in c && c.transfer);
    if (transferred) await repo.endFilerStanding(q, caseId);
    const all = [...added.map((c, i) => ({ role: c.role as string, partyId: ids[i], name: c.party.name })), ...links.map((l) => ({ ...l, name: null as string | null }))];
    await repo.linkParties(q, caseId, all);
    return {
      added: all.map((a) => ({ role: a.role, partyId: a.partyId, ...(a.name ? { name: a.name } : {}) })),
      ...(ended.length ? { ended } : {}), ...(transferred ? { filerStandingEnded: true } : {}),
    };
  }

  /**
   * Charges the act's fees, records the payment that came with it, and allocates the case's credit:
   * first to this act's fees (that is what a payment with a request is for), then to older fees.
   */
  private async settleFees(q: Queryable, row: CaseRow, d: Decision, payment: PaymentInput | undefined) {
    if (payment) {
      if (payment.currency !== row.currency) {
        throw new DomainError('CURRENCY_MISMATCH', `Fees of this case are payable in ${row.currency}, not ${payment.currency}`, 422, { currency: row.currency });
      }
      if (!Number.isInteger(payment.amount) || payment.amount <= 0) {
        throw new DomainError('INVALID_AMOUNT', 'A payment amount is a positive whole number of minor units (cents)', 422);
      }
    }
    let credit = row.credit + (payment?.amount ?? 0);
    const newFees = d.fees.map((f) => {
      const paid = Math.min(credit, f.amount);
      credit -= paid;
      return { ...f, id: randomUUID(), paid };
    });
    if (d.paymentBefore && newFees.some((f) => f.paid < f.amount)) {
      const missing = newFees.reduce((s, f) => s + f.amount - f.paid, 0);
      throw new DomainError('FEE_NOT_PAID', `This act requires payment of its fees first: ${formatMinor(missing, row.currency)} missing`, 402, { missing, currency: row.currency, fees: d.fees });
    }
    const olderFeePayments: [string, number][] = [];
    if (credit > 0 && row.fees_outstanding > 0) {
      for (const f of await repo.unpaidFees(q, row.id)) {
        if (credit <= 0) break;
        const pay = Math.min(credit, f.amount - f.paid);
        olderFeePayments.push([f.id, pay]);
        credit -= pay;
      }
    }
    const charged = newFees.reduce((s, f) => s + f.amount, 0);
    const allocated = newFees.reduce((s, f) => s + f.paid, 0) + olderFeePayments.reduce((s, [, a]) => s + a, 0);
    return {
      newFees,
      olderFeePayments,
      allocated,
      credit,
      outstanding: row.fees_outstanding + charged - allocated,
      payment: payment ? { amount: payment.amount, currency: payment.currency, method: payment.method ?? 'other', reference: payment.reference ?? null } : null,
    };
  }
}

/** In which capacities an actor may act on a case: as a party (and in which roles), as anyone, as an office role. */
export function performerCapacities(actor: Actor, filing: boolean, partyRoles: readonly PartyRole[]): Set<Performer> {
  if (actor.kind === 'system') return new Set(['system']);
  if (actor.role === 'applicant' || actor.role === 'agent') {
    if (!filing && partyRoles.length === 0) return new Set<Performer>(['third-party']);
    return new Set<Performer>(['party', 'third-party', ...partyRoles.map((r) => `party:${r}` as const)]);
  }
  return new Set<Performer>([actor.role]);
}

const limitView = (t: repo.TimeLimitRow) => ({ kind: t.kind, startsFrom: t.starts_from, dueOn: t.due_on, windowOpensOn: t.window_opens_on, graceEndsOn: t.grace_ends_on });

export function formatMinor(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}
