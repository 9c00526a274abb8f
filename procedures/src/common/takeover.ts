// Taking over the register of a previous system. A case that existed before the office moved to
// Registrum enters the journal like any other: by an act of its own ('take-over'), performed by the
// office, which records where the record came from, the case data in the procedure's own shape, the
// parties, the state the case is in and its history in the previous register. A later change of the
// same source record is a second act ('take-over-update'). Both are added to every right's procedure.
//
// Time limits. A taken-over registration gets the time limits that run to the end of its term from the
// expiry date the previous register gives (the renewal of a mark or design, the end of a patent's
// term), exactly to that date. A case taken over in a state that waits for a time limit (an
// opposition period after publication, a time limit to remedy a deficiency) gets it as the act that
// brought the case into that state would have opened it, running from the date the case entered that
// state in the previous register (`since`), or from the take-over. An update closes these time limits
// and opens them afresh from what the record now says: while the previous register is still kept, it
// is the authority on the case. Fees, annuities and maintenance
// fees are not derived: the previous register's fee accounts are not part of what is taken over.
import { compareDates, isLegalDate, subtractPeriod } from './calendar.ts';
import { ANY_STATE, partySchema } from './standard.ts';
import { goodsServicesSchema, markSchema } from '../model-law/trademark/payloads.ts';
import type {
  ActContext, ActDefinition, LegalDate, PartyChange, PartyRole, ProcedureDefinition, Refusal, TimeLimitOpening, UploadRef,
} from './types.ts';

export const TAKE_OVER = 'take-over';
export const TAKE_OVER_UPDATE = 'take-over-update';

/** The period the time limits at the end of a taken-over term run for: none, they end on the expiry date itself. */
export const TAKEN_OVER_TERM = 'takenOverTerm';

/** The roles a record of the previous register names; others (an opponent, a licensee) come from proceedings here. */
export const TAKE_OVER_ROLES: readonly PartyRole[] = ['applicant', 'holder', 'representative', 'inventor', 'designer'];

/** Case data the office keeps itself, never taken from a previous register. */
const RESERVED = ['takenOver', 'feesOutstanding', 'credit'];

const date = { type: 'string', format: 'date' } as const;

/** The case data as the procedure keeps it; the fields every right shares are typed, the right's own as its filing shapes them. */
function dataSchema(procedure: ProcedureDefinition) {
  return {
    type: 'object', maxProperties: 200,
    properties: {
      filingDate: date,
      registrationDate: date,
      expiryDate: date,
      ...(procedure.right === 'trademark' ? { mark: markSchema, goodsServices: goodsServicesSchema } : {}),
    },
  };
}

export function takeOverSchema(procedure: ProcedureDefinition) {
  return {
    type: 'object', required: ['source', 'state', 'data'], additionalProperties: false,
    properties: {
      /** The record in the previous register: its format, office (ST.3), identifier and number there. */
      source: {
        type: 'object', required: ['format', 'id'], additionalProperties: false,
        properties: {
          format: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]{0,39}$' },
          office: { type: 'string', pattern: '^[A-Z]{2}$' },
          id: { type: 'string', minLength: 1, maxLength: 200 },
          number: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      /** The state of the procedure the case is in (checked against the procedure's states). */
      state: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}$' },
      /** Since when the case has been in that state in the previous register. */
      since: date,
      public: { type: 'boolean' },
      data: dataSchema(procedure),
      parties: {
        type: 'array', maxItems: 500,
        items: {
          type: 'object', required: ['role', 'party'], additionalProperties: false,
          properties: { role: { type: 'string', pattern: '^[a-z-]{1,40}$' }, party: partySchema },
        },
      },
      /** What happened to the case in the previous register, as it recorded it. */
      history: {
        type: 'array', maxItems: 10_000,
        items: {
          type: 'object', required: ['date', 'text'], additionalProperties: false,
          properties: { date, code: { type: 'string', maxLength: 100 }, text: { type: 'string', minLength: 1, maxLength: 5000 } },
        },
      },
    },
  };
}

const payloadData = (ctx: ActContext): Record<string, any> => ctx.payload.data ?? {};

function checkRecord(procedure: ProcedureDefinition, update: boolean) {
  return (ctx: ActContext): Refusal | null => {
    const p = ctx.payload;
    if (!Object.hasOwn(procedure.states, p.state)) {
      return {
        code: 'TAKE_OVER_UNKNOWN_STATE',
        message: `The ${procedure.title} procedure has no state '${p.state}'`,
        details: { state: p.state, states: Object.keys(procedure.states) },
      };
    }
    const invalid = (message: string, details: Record<string, unknown>) => ({ code: 'TAKE_OVER_INVALID', message, details });
    const data = payloadData(ctx);
    const reserved = RESERVED.filter((k) => Object.hasOwn(data, k));
    if (reserved.length) return invalid(`The office keeps ${reserved.join(', ')} itself: a record cannot set it`, { fields: reserved });
    const roles = (p.parties ?? []).map((x: { role: string }) => x.role).filter((r: string) => !TAKE_OVER_ROLES.includes(r as PartyRole));
    if (roles.length) return invalid(`A record names parties only as ${TAKE_OVER_ROLES.join(', ')}`, { roles });
    if (data.filingDate && data.expiryDate && isLegalDate(data.filingDate) && isLegalDate(data.expiryDate)
      && compareDates(data.expiryDate, data.filingDate) <= 0) {
      return invalid(`The expiry date ${data.expiryDate} is not after the filing date ${data.filingDate}`, { filingDate: data.filingDate, expiryDate: data.expiryDate });
    }
    if (update) {
      const was = ctx.case.data.takenOver;
      if (!was || was.id !== p.source.id || (was.office ?? null) !== (p.source.office ?? null)) {
        return invalid('The record updates only the case taken over from it', { source: p.source, takenOver: was ?? null });
      }
    }
    return null;
  };
}

/**
 * The time limits at the end of the term: those the renewal opens (renewal, or the end of the longest
 * term), else those ending in the expiry of the right (a patent's term).
 */
function termOpenings(procedure: ProcedureDefinition): TimeLimitOpening[] {
  const renew = procedure.acts.renew?.opens;
  const all = renew?.length ? renew : Object.values(procedure.acts).flatMap((a) => (a.opens ?? []).filter((o) => o.onExpiry === 'expire'));
  return [...new Map(all.map((o) => [o.kind, o])).values()];
}

/**
 * Per state: the time limits the act bringing a case into it opens from its own date, where the act
 * performed when they expire acts in that state (the opposition period of a published mark).
 */
function stateOpenings(procedure: ProcedureDefinition): Map<string, TimeLimitOpening[]> {
  const out = new Map<string, Map<string, TimeLimitOpening>>();
  for (const a of Object.values(procedure.acts)) {
    if (typeof a.to !== 'string' || a.from.length === 0) continue;
    for (const o of a.opens ?? []) {
      if (o.from || o.when || o.requestedLength) continue;
      const onExpiry = procedure.acts[o.onExpiry];
      if (!onExpiry || !(onExpiry.from.includes(a.to) || onExpiry.from.includes(ANY_STATE))) continue;
      const m = out.get(a.to) ?? new Map<string, TimeLimitOpening>();
      if (!m.has(o.kind)) m.set(o.kind, o);
      out.set(a.to, m);
    }
  }
  return new Map([...out].map(([s, m]) => [s, [...m.values()]]));
}

function openings(procedure: ProcedureDefinition): TimeLimitOpening[] {
  const expiry = (ctx: ActContext): LegalDate | null => {
    const e = payloadData(ctx).expiryDate;
    return typeof e === 'string' && isLegalDate(e) ? e : null;
  };
  /** The case as the renewal's own conditions see it: in its state, its current term started as a renewal would have left it. */
  const renewed = (ctx: ActContext, o: TimeLimitOpening): ActContext => {
    const data = payloadData(ctx);
    return {
      ...ctx,
      case: {
        ...ctx.case, state: ctx.payload.state, filingDate: data.filingDate,
        data: { ...ctx.case.data, ...data, expiryDate: subtractPeriod(expiry(ctx)!, ctx.periods.spec(o.period)) },
      },
    };
  };
  const terms = termOpenings(procedure).map((o): TimeLimitOpening => ({
    kind: o.kind, period: TAKEN_OVER_TERM, onExpiry: o.onExpiry,
    ...(o.windowBefore ? { windowBefore: o.windowBefore } : {}),
    ...(o.grace ? { grace: o.grace } : {}),
    from: (ctx) => expiry(ctx)!,
    when: (ctx) => {
      const act = procedure.acts[o.onExpiry];
      return expiry(ctx) !== null && !!act && (act.from.includes(ctx.payload.state) || act.from.includes(ANY_STATE))
        // A condition of the renewal (is another term possible?) needs the filing date the term counts from.
        && (!o.when || (isLegalDate(payloadData(ctx).filingDate) && o.when(renewed(ctx, o))));
    },
  }));
  const byState = stateOpenings(procedure);
  const waiting = [...byState].flatMap(([state, list]) => list.map((o): TimeLimitOpening => ({
    ...o,
    from: (ctx) => (isLegalDate(ctx.payload.since) ? ctx.payload.since : ctx.today),
    when: (ctx) => ctx.payload.state === state,
  })));
  return [...terms, ...waiting];
}

/** The kinds of time limit a take-over opens (an update closes them and opens them afresh). */
function openedKinds(procedure: ProcedureDefinition): string[] {
  return [...new Set(openings(procedure).map((o) => o.kind))];
}

/** Parties named by the record; an update replaces those of a role it names and ends those of a role it no longer names. */
function recordParties(update: boolean) {
  return (ctx: ActContext): PartyChange[] => {
    const named: { role: PartyRole; party: any }[] = ctx.payload.parties ?? [];
    if (!update) return named.map((p) => ({ role: p.role, party: p.party }));
    const before = ctx.case.parties ?? [];
    const changes: PartyChange[] = [];
    for (const role of TAKE_OVER_ROLES) {
      const now = named.filter((p) => p.role === role);
      const had = before.filter((p) => p.role === role).map((p) => p.name).sort();
      const same = now.length === had.length && now.map((p) => p.party.name).sort().every((n, i) => n === had[i]);
      if (same) continue;
      if (now.length === 0) changes.push({ role, remove: true });
      else changes.push(...now.map((p) => ({ role, party: p.party, replace: true })));
    }
    return changes;
  };
}

function takenOver(ctx: ActContext) {
  const s = ctx.payload.source;
  return {
    format: s.format, id: s.id, ...(s.office ? { office: s.office } : {}), ...(s.number ? { number: s.number } : {}),
    on: ctx.today, fields: Object.keys(payloadData(ctx)).sort(),
  };
}

/** A mark's representation the record names (stored beforehand), filed on the case with the act. */
const markImage = (payload: Record<string, any>): UploadRef[] => {
  const image = payload.data?.mark?.image;
  return image?.sha256
    ? [{ sha256: String(image.sha256), kind: 'mark-image', title: 'Representation of the mark', accept: ['image/png', 'image/jpeg'], at: image }]
    : [];
};

export interface TakeOverCitations { [TAKE_OVER]?: string; [TAKE_OVER_UPDATE]?: string }

/** The procedure with the acts that take a record over from a previous register and update it. */
export function withTakeOver(procedure: ProcedureDefinition, cite: TakeOverCitations = {}): ProcedureDefinition {
  const terms = termOpenings(procedure);
  const schema = takeOverSchema(procedure);
  const kinds = openedKinds(procedure);
  const common = {
    legalBasis: cite[TAKE_OVER] ?? 'Transitional provisions (records of the previous register)',
    to: (ctx: ActContext) => ctx.payload.state,
    performers: ['registrar', 'admin', 'system'] as const,
    automatic: true,
    worklist: false as const,
    payloadSchema: schema,
    publishes: (ctx: ActContext) => ctx.payload.public === true,
    opens: openings(procedure),
    ...(procedure.right === 'trademark' ? { uploads: markImage } : {}),
  };
  const acts: Record<string, ActDefinition> = {
    [TAKE_OVER]: {
      ...common,
      title: 'Record taken over from the previous register',
      from: [],
      guard: checkRecord(procedure, false),
      parties: recordParties(false),
      effects: (ctx) => ({ ...payloadData(ctx), takenOver: takenOver(ctx) }),
    },
    [TAKE_OVER_UPDATE]: {
      ...common,
      title: 'Record updated from the previous register',
      legalBasis: cite[TAKE_OVER_UPDATE] ?? common.legalBasis,
      from: [ANY_STATE],
      guard: checkRecord(procedure, true),
      parties: recordParties(true),
      closes: kinds,
      effects: (ctx) => {
        const data = payloadData(ctx);
        // Fields the previous record had and this one no longer has are cleared.
        const gone = ((ctx.case.data.takenOver?.fields ?? []) as string[]).filter((k) => !Object.hasOwn(data, k));
        return { ...Object.fromEntries(gone.map((k) => [k, null])), ...data, takenOver: takenOver(ctx) };
      },
    },
  };
  return {
    ...procedure,
    initialActs: [...(procedure.initialActs ?? []), TAKE_OVER],
    periods: terms.length
      ? {
        ...procedure.periods,
        [TAKEN_OVER_TERM]: {
          days: 0, extendToWorkingDay: procedure.periods[terms[0].period]?.extendToWorkingDay ?? false,
          citation: 'Expiry date recorded in the previous register',
        },
      }
      : procedure.periods,
    acts: { ...procedure.acts, ...acts },
  };
}

/** A framework's procedures with the take-over acts for every right (proceedings on a case are taken over with it, in its history). */
export function withTakeOverForAll(procedures: ProcedureDefinition[], citations: Partial<Record<string, TakeOverCitations>> = {}): ProcedureDefinition[] {
  return procedures.map((p) => (p.right === 'trademark-opposition' || p.right === 'recordal' ? p : withTakeOver(p, citations[p.right])));
}
