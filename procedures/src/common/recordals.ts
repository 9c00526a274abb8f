// Recordals, the same for every right: a transfer of ownership (of the whole, or of some classes or
// designs), a licence, a security interest, a change of the holder's or the representative's name or
// address, the appointment of a representative. Each is a request of its own (a 'recordal' case, child of
// the case it concerns) with its fee, examination and decision; once recorded, the entry is made on the
// case itself by the act 'enter-recordal', in the same transaction, and shows in its history.
import { parseLegalDate } from './calendar.ts';
import { extendProcedure } from './extend.ts';
import { partySchema, payFees, remarksSchema } from './standard.ts';
import type {
  ActContext, ActDefinition, FeeScheduleVersion, PartyChange, PartyData, PartyRole, ProcedureDefinition, Refusal, Right, StatusEvent,
} from './types.ts';

export const RECORDAL_KINDS = ['transfer', 'licence', 'security-interest', 'change-of-name', 'change-of-address', 'representative'] as const;
export type RecordalKind = typeof RECORDAL_KINDS[number];

export const recordalRequestSchema = {
  type: 'object', required: ['kind'], additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: RECORDAL_KINDS },
    /** transfer: the new owner, and the representative it appoints (the old one stops acting). */
    newHolder: partySchema,
    newRepresentative: partySchema,
    /** transfer of only a part: the Nice classes (trademarks) or design numbers (designs) transferred. */
    parts: {
      type: 'object', additionalProperties: false,
      properties: {
        classes: { type: 'array', minItems: 1, maxItems: 45, uniqueItems: true, items: { type: 'integer', minimum: 1, maximum: 45 } },
        designs: { type: 'array', minItems: 1, maxItems: 1000, uniqueItems: true, items: { type: 'integer', minimum: 1 } },
      },
    },
    /** licence */
    licensee: partySchema,
    licence: {
      type: 'object', additionalProperties: false,
      properties: {
        exclusive: { type: 'boolean' },
        territory: { type: 'string', maxLength: 500 },
        until: { type: 'string', format: 'date' },
        classes: { type: 'array', maxItems: 45, items: { type: 'integer', minimum: 1, maximum: 45 } },
      },
    },
    /** security interest */
    creditor: partySchema,
    security: { type: 'object', additionalProperties: false, properties: { description: { type: 'string', maxLength: 2000 } } },
    /** change of name or address: whose (the holder or applicant, or the representative) and the data as they now are */
    of: { type: 'string', enum: ['holder', 'representative'] },
    party: partySchema,
    /** appointment of a representative */
    representative: partySchema,
    /** The deed, licence agreement or other evidence, uploaded first as a PDF. */
    evidence: { type: 'object', required: ['sha256'], additionalProperties: false, properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;

/** What a request of each kind must name. */
const REQUIRED: Record<RecordalKind, string[]> = {
  transfer: ['newHolder'], licence: ['licensee'], 'security-interest': ['creditor'],
  'change-of-name': ['of', 'party'], 'change-of-address': ['of', 'party'], representative: ['representative'],
};

function requestComplete(ctx: ActContext): Refusal | null {
  const kind = ctx.payload.kind as RecordalKind;
  const missing = REQUIRED[kind].filter((f) => ctx.payload[f] === undefined);
  if (missing.length) {
    return { code: 'RECORDAL_INCOMPLETE', message: `A request to record a ${kind.replace(/-/g, ' ')} must name ${missing.join(' and ')}`, details: { kind, missing } };
  }
  if (ctx.payload.parts && kind !== 'transfer') {
    return { code: 'RECORDAL_INCOMPLETE', message: 'Only a transfer can concern a part of the goods, services or designs', details: { kind } };
  }
  return null;
}

const uploadsOfRequest = (p: Record<string, any>) => (p.evidence
  ? [{ sha256: String(p.evidence.sha256), kind: 'recordal-evidence', title: 'Evidence of the change', accept: ['application/pdf'] as const, at: p.evidence }]
  : []);

/** The recordal request: a proceeding of its own, filed as a child of the case it concerns. */
export const recordalModelLaw: ProcedureDefinition = {
  framework: 'model-law',
  right: 'recordal',
  version: '2026.1',
  effectiveFrom: parseLegalDate('2000-01-01'),
  title: 'Request for recordal (model law)',
  numberPrefix: 'RC',
  statusStandard: 'ST.61',
  filingAct: 'file',
  filerRole: 'requester',
  caseTitle: (data) => (data.kind ? `Recordal: ${String(data.kind).replace(/-/g, ' ')}` : 'Recordal'),
  states: {
    requested: { title: 'Request under examination' },
    deficient: { title: 'Deficiency notified, awaiting remedy' },
    recorded: { title: 'Recorded in the register', terminal: true },
    refused: { title: 'Request refused', terminal: true },
    withdrawn: { title: 'Request withdrawn', terminal: true },
  },
  acts: {
    file: {
      title: 'Request for recordal filed',
      legalBasis: 'ML r. 70',
      from: [],
      to: 'requested',
      performers: ['party', 'formalities', 'registrar'],
      payloadSchema: recordalRequestSchema,
      guard: requestComplete,
      uploads: uploadsOfRequest,
      fees: [{ code: 'recordal' }],
      payment: 'before',
      effects: (ctx) => ({ ...ctx.payload, receivedOn: ctx.today, concerns: ctx.case.parent ? { number: ctx.case.parent.number, right: ctx.case.parent.right } : null }),
      documents: ['recordal-receipt'],
    },
    'notify-deficiency': {
      title: 'Deficiency in the request notified',
      legalBasis: 'ML r. 71(2)',
      from: ['requested'],
      to: 'deficient',
      performers: ['formalities', 'registrar'],
      payloadSchema: {
        type: 'object', required: ['deficiencies'], additionalProperties: false,
        properties: { deficiencies: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', maxLength: 100 }, description: { type: 'string', maxLength: 5000 } } } } },
      },
      opens: [{ kind: 'recordal-remedy', period: 'recordalRemedy', onExpiry: 'deem-withdrawn' }],
      documents: ['deficiency-notice'],
    },
    remedy: {
      title: 'Deficiency remedied',
      legalBasis: 'ML r. 71(2)',
      from: ['deficient'],
      to: 'requested',
      performers: ['party'],
      within: 'recordal-remedy',
      closes: ['recordal-remedy'],
      payloadSchema: { type: 'object', additionalProperties: false, properties: { evidence: recordalRequestSchema.properties.evidence, remarks: { type: 'string', maxLength: 20_000 } } },
      uploads: uploadsOfRequest,
      effects: (ctx) => (ctx.payload.evidence ? { evidence: ctx.payload.evidence } : {}),
    },
    'deem-withdrawn': {
      title: 'Request deemed withdrawn (deficiency not remedied in time)',
      legalBasis: 'ML r. 71(3)',
      from: ['deficient'],
      to: 'withdrawn',
      performers: ['system'],
      automatic: true,
      parentAct: 'recordal-not-entered',
    },
    record: {
      title: 'Recorded in the register',
      legalBasis: 'ML r. 72',
      from: ['requested'],
      to: 'recorded',
      performers: ['formalities', 'registrar'],
      effects: (ctx) => ({ recordedOn: ctx.today }),
      parentAct: 'enter-recordal',
      documents: ['recordal-certificate'],
    },
    refuse: {
      title: 'Request refused',
      legalBasis: 'ML r. 72(2)',
      from: ['requested', 'deficient'],
      to: 'refused',
      performers: ['formalities', 'registrar'],
      payloadSchema: { type: 'object', required: ['grounds'], additionalProperties: false, properties: { grounds: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', maxLength: 100 }, explanation: { type: 'string', maxLength: 20_000 } } } } } },
      parentAct: 'recordal-not-entered',
      documents: ['refusal-decision'],
    },
    withdraw: {
      title: 'Request withdrawn',
      legalBasis: 'ML r. 70(3)',
      from: ['requested', 'deficient'],
      to: 'withdrawn',
      performers: ['party'],
      payloadSchema: remarksSchema,
      parentAct: 'recordal-not-entered',
    },
    'pay-fees': payFees,
  },
  periods: { recordalRemedy: { months: 2, citation: 'ML r. 71(2)' } },
  fees: [{
    effectiveFrom: parseLegalDate('2000-01-01'),
    currency: 'EUR',
    items: { recordal: { title: 'Fee for a request for recordal', amount: 100_00 } },
  }],
};

/** Where the parts of a case are, for a transfer of only some of them. */
const PARTS: Partial<Record<Right, { field: string; key: string; payload: 'classes' | 'designs'; what: string; whats: string }>> = {
  trademark: { field: 'goodsServices', key: 'classNumber', payload: 'classes', what: 'Nice class', whats: 'Nice classes' },
  design: { field: 'designs', key: 'number', payload: 'designs', what: 'design', whats: 'designs' },
};

const partsOf = (right: Right, data: Record<string, any>): number[] => {
  const p = PARTS[right];
  return p ? (data[p.field] ?? []).map((x: any) => Number(x[p.key])) : [];
};

const requestedParts = (right: Right, payload: Record<string, any>): number[] | null => {
  const p = PARTS[right];
  return p && payload.parts?.[p.payload] ? payload.parts[p.payload] : null;
};

/** The recordal as the parent sees it when it is entered: the recordal case's data. */
const entered = (ctx: ActContext): Record<string, any> => ctx.payload.child?.data ?? {};
const isPartial = (ctx: ActContext, right: Right) => (requestedParts(right, entered(ctx))?.length ?? 0) > 0;

const holderRoles = (ctx: ActContext): PartyRole[] => {
  const roles = new Set((ctx.case.parties ?? []).map((p) => p.role));
  return roles.has('holder') ? ['holder'] : ['applicant'];
};

function entryParties(ctx: ActContext, right: Right): PartyChange[] {
  const r = entered(ctx);
  switch (r.kind as RecordalKind) {
    case 'transfer':
      if (isPartial(ctx, right)) return [];
      return [
        ...holderRoles(ctx).map((role) => ({ role, party: r.newHolder as PartyData, replace: true, transfer: true })),
        r.newRepresentative ? { role: 'representative' as const, party: r.newRepresentative as PartyData, replace: true } : { role: 'representative' as const, remove: true as const },
      ];
    case 'licence': return [{ role: 'licensee', party: r.licensee }];
    case 'security-interest': return [{ role: 'secured-creditor', party: r.creditor }];
    case 'change-of-name':
    case 'change-of-address':
      return r.of === 'representative'
        ? [{ role: 'representative', party: r.party, replace: true }]
        : holderRoles(ctx).map((role) => ({ role, party: r.party as PartyData, replace: true }));
    case 'representative': return [{ role: 'representative', party: r.representative, replace: true }];
    default: return [];
  }
}

function entryEffects(ctx: ActContext, right: Right): Record<string, unknown> {
  const r = entered(ctx);
  const entry = { recordal: ctx.payload.child?.number, kind: r.kind, on: ctx.today };
  const history = { recordals: [...(ctx.case.data.recordals ?? []), entry] };
  switch (r.kind as RecordalKind) {
    case 'transfer': {
      const parts = requestedParts(right, r);
      if (!parts?.length) return { ...history, holder: r.newHolder?.name ?? null };
      const p = PARTS[right]!;
      return { ...history, [p.field]: (ctx.case.data[p.field] ?? []).filter((x: any) => !parts.includes(Number(x[p.key]))) };
    }
    case 'licence':
      return { ...history, licences: [...(ctx.case.data.licences ?? []), { ...entry, licensee: r.licensee.name, ...(r.licence ?? {}) }] };
    case 'security-interest':
      return { ...history, securityInterests: [...(ctx.case.data.securityInterests ?? []), { ...entry, creditor: r.creditor.name, ...(r.security ?? {}) }] };
    default:
      return history;
  }
}

const ST27_ENTRY: Record<RecordalKind, string> = {
  transfer: 'R14', licence: 'S11', 'security-interest': 'S20', 'change-of-name': 'R13', 'change-of-address': 'R18', representative: 'R17',
};

function entryEvent(standard: StatusEvent['standard'], kind: RecordalKind, exclusive?: boolean): StatusEvent | null {
  if (standard === 'ST.27') {
    const detailedCode = kind === 'licence' ? (exclusive === true ? 'S14' : exclusive === false ? 'S17' : 'S11') : ST27_ENTRY[kind];
    return { standard, category: detailedCode.startsWith('S') ? 'S10' : 'R10', detailedCode };
  }
  if (standard === 'ST.61') {
    return { standard, category: kind === 'transfer' ? 'National assignment history entry' : 'National prosecution history entry', detailedCode: `recordal-${kind}` };
  }
  return null; // ST.87 has no category for recordals
}

/**
 * The same procedure with the recordal acts added: the request (which files the recordal case), the
 * entry made when it is recorded, and the note made when it is not. A transfer of only some classes or
 * designs divides the case: the transferred part becomes a new case of its own ('divide-out'), with the
 * same filing date and the running time limits of the original, in the new holder's name.
 */
export type RecordalCitations = Partial<Record<'request-recordal' | 'enter-recordal' | 'recordal-not-entered' | 'divide-out', string>>;

export function withRecordals(procedure: ProcedureDefinition, cite: RecordalCitations = {}): ProcedureDefinition {
  const right = procedure.right;
  const live = Object.entries(procedure.states).filter(([, s]) => !s.terminal).map(([k]) => k);
  const parts = PARTS[right];
  const limitKinds = [...new Set(Object.values(procedure.acts).flatMap((a) => (a.opens ?? []).map((o) => o.kind)))];
  const acts: Record<string, ActDefinition> = {
    'request-recordal': {
      title: 'Request for recordal filed',
      legalBasis: cite['request-recordal'] ?? 'ML r. 70',
      from: live,
      // The holder or its representative asks; a new owner without them asks the office with the evidence.
      performers: ['party', 'formalities', 'registrar'],
      worklist: false,
      payloadSchema: recordalRequestSchema,
      uploads: uploadsOfRequest,
      guard: (ctx) => {
        const wanted = requestedParts(right, ctx.payload);
        if (ctx.payload.parts && !parts) {
          return { code: 'PARTIAL_TRANSFER_NOT_POSSIBLE', message: `A ${procedure.title} case cannot be transferred in part`, details: { right } };
        }
        if (wanted && parts) {
          const have = partsOf(right, ctx.case.data);
          const unknown = wanted.filter((n) => !have.includes(n));
          if (unknown.length) return { code: 'UNKNOWN_PART', message: `The case has no ${parts.what} ${unknown.join(', ')}`, details: { unknown, have } };
          if (wanted.length >= have.length) return { code: 'PARTIAL_TRANSFER_OF_ALL', message: `A transfer of every ${parts.what} is a transfer of the whole: leave out "parts"`, details: { have } };
        }
        return null;
      },
      createsChild: { right: 'recordal', act: 'file', parties: { fromParent: { applicant: 'holder', holder: 'holder' } } },
    },
    'enter-recordal': {
      title: 'Recordal entered in the register',
      legalBasis: cite['enter-recordal'] ?? 'ML r. 72(3)',
      from: live,
      performers: ['system'],
      automatic: true,
      parties: (ctx) => entryParties(ctx, right),
      effects: (ctx) => entryEffects(ctx, right),
      event: (ctx) => entryEvent(procedure.statusStandard, entered(ctx).kind, entered(ctx).licence?.exclusive),
      ...(parts ? {
        createsChild: {
          right, act: 'divide-out',
          when: (ctx: ActContext) => isPartial(ctx, right),
          parties: { fromPayload: { newHolder: 'applicant' as const, newRepresentative: 'representative' as const } },
          payload: (ctx: ActContext) => ({ ...entered(ctx), recordal: ctx.payload.child?.number }),
          inheritTimeLimits: limitKinds,
        },
      } : {}),
    },
    'recordal-not-entered': {
      title: 'Request for recordal refused or withdrawn',
      legalBasis: cite['recordal-not-entered'] ?? 'ML r. 72(2)',
      from: [...live, ...Object.keys(procedure.states).filter((k) => procedure.states[k].terminal)],
      performers: ['system'],
      automatic: true,
      event: () => (procedure.statusStandard === 'ST.27' ? { standard: 'ST.27', category: 'R10', detailedCode: 'R19' } : null),
    },
  };
  if (parts) {
    acts['divide-out'] = {
      title: `Divided out by a partial transfer (${parts.whats} transferred)`,
      legalBasis: cite['divide-out'] ?? 'ML r. 73',
      from: [],
      to: (ctx) => ctx.case.parent!.state,
      performers: ['system'],
      automatic: true,
      effects: (ctx) => {
        const wanted: number[] = requestedParts(right, ctx.payload) ?? [];
        const parent = ctx.case.parent!;
        return {
          ...parent.data,
          filingDate: parent.filingDate ?? parent.data.filingDate ?? null,
          [parts.field]: (parent.data[parts.field] ?? []).filter((x: any) => wanted.includes(Number(x[parts.key]))),
          dividedFrom: { number: parent.number, recordal: ctx.payload.recordal ?? null, on: ctx.today },
          recordals: [],
          licences: [], securityInterests: [],
        };
      },
      event: (ctx) => entryEvent(procedure.statusStandard, 'transfer'),
    };
  }
  return { ...procedure, initialActs: [...(procedure.initialActs ?? []), ...(parts ? ['divide-out'] : [])], acts: { ...procedure.acts, ...acts } };
}

/** A framework's procedures with recordals for every right, and the recordal procedure itself. */
export function withRecordalsForAll(procedures: ProcedureDefinition[], recordal: ProcedureDefinition, citations: Partial<Record<Right, RecordalCitations>> = {}): ProcedureDefinition[] {
  return [
    ...procedures.map((p) => (p.right === 'trademark-opposition' || p.right === 'recordal' ? p : withRecordals(p, citations[p.right]))),
    recordal,
  ];
}

/** The recordal procedure of an office framework: model law with its own fees and citations. */
export function recordalFor(framework: string, fees: FeeScheduleVersion[], legalBasis?: Record<string, string>): ProcedureDefinition {
  return extendProcedure(recordalModelLaw, {
    framework, version: recordalModelLaw.version, effectiveFrom: recordalModelLaw.effectiveFrom, fees,
    acts: legalBasis ? Object.fromEntries(Object.entries(legalBasis).map(([act, lb]) => [act, { legalBasis: lb }])) : undefined,
  });
}
