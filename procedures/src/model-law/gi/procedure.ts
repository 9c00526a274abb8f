// Model-law geographical indication procedure (ML r. 60-64 in docs/model-law.md): an application by a
// group of producers with its specification, formalities, examination, publication with a period in
// which any person may object, registration without limit of time, amendment of the specification
// and cancellation.
//
// Objections are recorded on the case itself (`objections`, numbered 1, 2 ...) and decided by the
// examiner one by one; they are not proceedings of their own.
//
// Legal-status events: there is no WIPO standard for the legal status of geographical indications, and
// the vocabulary names none; the procedure emits the ST.61 categories (ST.96 MarkEventCategory) whose
// meaning fits a registration procedure of this shape: filing date accorded, application published,
// opposition pending (an objection), registration published, refused, withdrawn, cancelled, and a
// revocation proceeding pending (a cancellation request).
import { parseLegalDate } from '../../common/calendar.ts';
import { feesPaid, formalDeficiencyNotice, groundsSchema, payFees, remarksSchema, st61 } from '../../common/standard.ts';
import type { ActContext, ActDefinition, Performer, ProcedureDefinition, Refusal, UploadRef } from '../../common/types.ts';
import {
  amendmentSchema, cancellationRequestSchema, decideObjectionSchema, decisionSchema, documentRefSchema,
  fileGiSchema, objectionSchema, replyToObjectionSchema,
} from './payloads.ts';

/** The applicant's side of the case (an objector or a requester of cancellation is a party too). */
const APPLICANT: readonly Performer[] = ['party:applicant', 'party:holder', 'party:representative'];

const PENDING = [
  'formalities', 'formalities-deficient', 'examination', 'provisionally-refused', 'accepted', 'published', 'opposed',
  'awaiting-registration',
] as const;

/** The specification, uploaded first as a PDF; the office records its type and size in the payload. */
const specificationUpload = (ref: { sha256?: string } | undefined, title: string): UploadRef[] =>
  ref?.sha256 ? [{ sha256: ref.sha256, kind: 'gi-specification', title, accept: ['application/pdf'], at: ref }] : [];

interface Objection { number: number; filedOn: string; objector: string | null; grounds: string[]; status: 'pending' | 'upheld' | 'rejected' | 'withdrawn'; repliedOn?: string; decidedOn?: string }

const objectionsOf = (ctx: ActContext): Objection[] => ctx.case.data.objections ?? [];

function pendingObjection(ctx: ActContext): Refusal | null {
  const n = ctx.payload.objection;
  const o = objectionsOf(ctx).find((x) => x.number === n);
  if (!o) return { code: 'UNKNOWN_OBJECTION', message: `There is no objection ${n} on this application`, details: { objection: n } };
  if (o.status !== 'pending') return { code: 'OBJECTION_ALREADY_DECIDED', message: `Objection ${n} was already decided (${o.status})`, details: { objection: n, status: o.status } };
  return null;
}

const pendingCount = (objections: Objection[]) => objections.filter((o) => o.status === 'pending').length;

/** The state once an objection is decided: refused if upheld, else opposed while others are pending. */
function afterDecision(ctx: ActContext): string {
  if (ctx.payload.outcome === 'upheld') return 'refused';
  const others = objectionsOf(ctx).filter((o) => o.status === 'pending' && o.number !== ctx.payload.objection).length;
  if (others > 0) return 'opposed';
  return ctx.case.data.objectionPeriodClosed ? 'awaiting-registration' : 'published';
}

const acts: Record<string, ActDefinition> = {
  file: {
    title: 'Application filed',
    legalBasis: 'ML r. 60',
    from: [],
    to: 'formalities',
    performers: ['party'],
    payloadSchema: fileGiSchema,
    fees: [{ code: 'application' }],
    payment: 'later',
    parties: (ctx) => [
      ...(ctx.payload.applicant ? [{
        role: 'applicant' as const,
        party: {
          kind: 'legal' as const, name: ctx.payload.applicant.name,
          ...(ctx.payload.applicant.address ? { address: ctx.payload.applicant.address } : {}),
          ...(ctx.payload.applicant.country ? { country: ctx.payload.applicant.country } : {}),
          ...(ctx.payload.applicant.email ? { email: ctx.payload.applicant.email } : {}),
        },
      }] : []),
      ...(ctx.payload.representative ? [{ role: 'representative' as const, party: ctx.payload.representative }] : []),
    ],
    uploads: (payload) => specificationUpload(payload.specification, 'Product specification'),
    effects: (ctx) => ({
      filingDate: ctx.today,
      kind: ctx.payload.kind,
      name: ctx.payload.name,
      product: ctx.payload.product,
      area: ctx.payload.area,
      specification: ctx.payload.specification,
      linkToOrigin: ctx.payload.linkToOrigin,
      controlBody: ctx.payload.controlBody,
      applicantGroup: { legalForm: ctx.payload.applicant?.legalForm, membersCount: ctx.payload.applicant?.membersCount },
      language: ctx.payload.language ?? null,
    }),
    event: st61('Filing date accorded', 'Filing date accorded'),
    documents: ['filing-receipt'],
  },
  'accept-formalities': {
    title: 'Formalities examination passed',
    legalBasis: 'ML r. 61(1)',
    from: ['formalities'],
    to: 'examination',
    performers: ['formalities'],
    guard: feesPaid,
  },
  'notify-formal-deficiency': formalDeficiencyNotice('ML r. 61(2)'),
  'remedy-deficiency': {
    title: 'Deficiency remedied',
    legalBasis: 'ML r. 61(2)',
    from: ['formalities-deficient'],
    to: 'formalities',
    performers: APPLICANT,
    within: 'remedy-deficiency',
    closes: ['remedy-deficiency'],
    payloadSchema: {
      type: 'object', additionalProperties: false,
      properties: { specification: documentRefSchema, remarks: { type: 'string', maxLength: 20_000 } },
    },
    uploads: (payload) => specificationUpload(payload.specification, 'Product specification (corrected)'),
    effects: (ctx) => (ctx.payload.specification ? { specification: ctx.payload.specification } : {}),
  },
  'deem-withdrawn': {
    title: 'Application deemed withdrawn (deficiency not remedied in time)',
    legalBasis: 'ML r. 61(3)',
    from: ['formalities-deficient'],
    to: 'deemed-withdrawn',
    performers: ['system'],
    automatic: true,
    event: st61('Application withdrawn', 'Application withdrawn'),
  },
  accept: {
    title: 'Application accepted (the name is a geographical indication; no ground for refusal)',
    legalBasis: 'ML r. 62(1)',
    from: ['examination'],
    to: 'accepted',
    performers: ['examiner'],
    event: st61('Application accepted', 'Application accepted'),
  },
  'refuse-provisionally': {
    title: 'Provisional refusal',
    legalBasis: 'ML r. 62(2)',
    from: ['examination'],
    to: 'provisionally-refused',
    performers: ['examiner'],
    payloadSchema: groundsSchema,
    opens: [{ kind: 'refusal-response', period: 'refusalResponse', onExpiry: 'refuse-for-no-response' }],
    documents: ['provisional-refusal'],
  },
  'respond-to-refusal': {
    title: 'Response to the provisional refusal',
    legalBasis: 'ML r. 62(3)',
    from: ['provisionally-refused'],
    to: 'examination',
    performers: APPLICANT,
    within: 'refusal-response',
    closes: ['refusal-response'],
    payloadSchema: remarksSchema,
  },
  refuse: {
    title: 'Final refusal',
    legalBasis: 'ML r. 62(4)',
    from: ['examination'],
    to: 'refused',
    performers: ['examiner'],
    payloadSchema: groundsSchema,
    event: st61('Application refused', 'Application refused'),
    documents: ['refusal-decision'],
  },
  'refuse-for-no-response': {
    title: 'Refusal becomes final (no response within the time limit)',
    legalBasis: 'ML r. 62(4)',
    from: ['provisionally-refused'],
    to: 'refused',
    performers: ['system'],
    automatic: true,
    event: st61('Application refused', 'Application refused'),
  },
  publish: {
    title: 'Application published',
    legalBasis: 'ML r. 62(5)',
    from: ['accepted'],
    to: 'published',
    performers: ['registrar'],
    publishes: true,
    opens: [{ kind: 'objection', period: 'objection', onExpiry: 'close-objection-period' }],
    effects: (ctx) => ({ publicationDate: ctx.today, objections: [], objectionPeriodClosed: false }),
    event: st61('Application published', 'Application published'),
    documents: ['publication-notice'],
  },
  'file-objection': {
    title: 'Objection filed',
    legalBasis: 'ML r. 63(1)',
    from: ['published', 'opposed'],
    to: 'opposed',
    performers: ['third-party'],
    within: 'objection',
    payloadSchema: objectionSchema,
    fees: [{ code: 'objection' }],
    payment: 'before',
    parties: (ctx) => (ctx.payload.objector ? [{ role: 'opponent', party: ctx.payload.objector }] : []),
    effects: (ctx) => {
      const list = objectionsOf(ctx);
      const objection: Objection = {
        number: list.length + 1, filedOn: ctx.today, objector: ctx.payload.objector?.name ?? null, grounds: ctx.payload.grounds ?? [], status: 'pending',
      };
      return { objections: [...list, objection], pendingObjections: pendingCount(list) + 1 };
    },
    event: st61('Opposition pending', 'Opposition pending'),
    documents: ['objection-receipt'],
  },
  'reply-to-objection': {
    title: 'Applicant\'s reply to an objection',
    legalBasis: 'ML r. 63(2)',
    from: ['opposed'],
    performers: APPLICANT,
    payloadSchema: replyToObjectionSchema,
    guard: pendingObjection,
    effects: (ctx) => ({
      objections: objectionsOf(ctx).map((o) => (o.number === ctx.payload.objection ? { ...o, repliedOn: ctx.today } : o)),
    }),
  },
  'decide-objection': {
    title: 'Decision on an objection',
    legalBasis: 'ML r. 63(3)',
    from: ['opposed'],
    to: afterDecision,
    performers: ['examiner'],
    payloadSchema: decideObjectionSchema,
    guard: pendingObjection,
    effects: (ctx) => {
      const objections = objectionsOf(ctx).map((o) => (o.number === ctx.payload.objection
        ? { ...o, status: ctx.payload.outcome, decidedOn: ctx.today } : o));
      return { objections, pendingObjections: pendingCount(objections) };
    },
    event: (ctx) => (ctx.payload.outcome === 'upheld' ? st61('Application refused', 'Application refused') : null),
    documents: ['opposition-decision'],
  },
  'close-objection-period': {
    title: 'Objection period ended',
    legalBasis: 'ML r. 63(1)',
    from: ['published', 'opposed'],
    to: (ctx) => (ctx.case.state === 'published' ? 'awaiting-registration' : 'opposed'),
    performers: ['system'],
    automatic: true,
    effects: () => ({ objectionPeriodClosed: true }),
  },
  register: {
    title: 'Geographical indication registered',
    legalBasis: 'ML r. 63(4)',
    from: ['awaiting-registration'],
    to: 'registered',
    performers: ['registrar'],
    guard: feesPaid,
    publishes: true,
    effects: (ctx) => ({ registrationDate: ctx.today, registrationNumber: ctx.case.number }),
    event: st61('Registration published', 'Registration published'),
    documents: ['registration-certificate'],
  },
  'request-amendment': {
    title: 'Amendment of the specification requested',
    legalBasis: 'ML r. 64(1)',
    from: ['registered'],
    to: 'amendment-pending',
    performers: APPLICANT,
    payloadSchema: amendmentSchema,
    fees: [{ code: 'amendment' }],
    payment: 'before',
    uploads: (payload) => specificationUpload(payload.specification, 'Amended product specification'),
    effects: (ctx) => ({
      pendingAmendment: {
        requestedOn: ctx.today, specification: ctx.payload.specification, summary: ctx.payload.summary,
        ...(ctx.payload.area ? { area: ctx.payload.area } : {}),
      },
    }),
  },
  'approve-amendment': {
    title: 'Amendment of the specification approved and entered in the register',
    legalBasis: 'ML r. 64(1)',
    from: ['amendment-pending'],
    to: 'registered',
    performers: ['examiner'],
    payloadSchema: decisionSchema,
    effects: (ctx) => {
      const a = ctx.case.data.pendingAmendment ?? {};
      return {
        specification: a.specification ?? ctx.case.data.specification,
        area: a.area ?? ctx.case.data.area,
        amendments: [...(ctx.case.data.amendments ?? []), { requestedOn: a.requestedOn, summary: a.summary, outcome: 'approved', decidedOn: ctx.today }],
        pendingAmendment: null,
      };
    },
    documents: ['publication-notice'],
  },
  'reject-amendment': {
    title: 'Amendment of the specification refused',
    legalBasis: 'ML r. 64(1)',
    from: ['amendment-pending'],
    to: 'registered',
    performers: ['examiner'],
    payloadSchema: decisionSchema,
    effects: (ctx) => {
      const a = ctx.case.data.pendingAmendment ?? {};
      return {
        amendments: [...(ctx.case.data.amendments ?? []), { requestedOn: a.requestedOn, summary: a.summary, outcome: 'refused', decidedOn: ctx.today }],
        pendingAmendment: null,
      };
    },
    documents: ['refusal-decision'],
  },
  'request-cancellation': {
    title: 'Cancellation requested',
    legalBasis: 'ML r. 64(2)',
    from: ['registered'],
    to: 'cancellation-pending',
    performers: ['third-party'],
    payloadSchema: cancellationRequestSchema,
    fees: [{ code: 'cancellation' }],
    payment: 'before',
    parties: (ctx) => (ctx.payload.requester ? [{ role: 'requester', party: ctx.payload.requester }] : []),
    effects: (ctx) => ({ cancellationRequest: { filedOn: ctx.today, requester: ctx.payload.requester?.name ?? null, grounds: ctx.payload.grounds ?? [] } }),
    event: st61('Revocation proceeding pending', 'Revocation proceeding pending'),
  },
  cancel: {
    title: 'Registration cancelled',
    legalBasis: 'ML r. 64(3)',
    from: ['registered', 'amendment-pending', 'cancellation-pending'],
    to: 'cancelled',
    performers: ['examiner'],
    // A registered indication waits for no one: only pending requests put it on the examiner's list.
    worklist: ['amendment-pending', 'cancellation-pending'],
    payloadSchema: groundsSchema,
    effects: (ctx) => ({ cancellationDate: ctx.today }),
    event: st61('Registration cancelled', 'Registration cancelled'),
    documents: ['cancellation-decision'],
  },
  'reject-cancellation': {
    title: 'Request for cancellation rejected',
    legalBasis: 'ML r. 64(3)',
    from: ['cancellation-pending'],
    to: 'registered',
    performers: ['examiner'],
    payloadSchema: decisionSchema,
    effects: (ctx) => ({
      cancellationRequests: [...(ctx.case.data.cancellationRequests ?? []), { ...ctx.case.data.cancellationRequest, outcome: 'rejected', decidedOn: ctx.today }],
      cancellationRequest: null,
    }),
    event: st61('Registration published', 'Registration published'),
    documents: ['cancellation-decision'],
  },
  withdraw: {
    title: 'Application withdrawn at the applicant\'s request',
    legalBasis: 'ML r. 61(4)',
    from: PENDING,
    to: 'withdrawn',
    performers: APPLICANT,
    payloadSchema: remarksSchema,
    event: st61('Application withdrawn', 'Application withdrawn'),
  },
  'pay-fees': payFees,
};

/** The protected name, with its transliteration where there is one. */
export function giCaseTitle(data: Record<string, any>): string | null {
  const name = data.name?.text;
  if (!name) return null;
  return data.name.transliteration ? `${name} (${data.name.transliteration})` : name;
}

export const giModelLaw: ProcedureDefinition = {
  framework: 'model-law',
  right: 'gi',
  version: '2026.1',
  effectiveFrom: parseLegalDate('2000-01-01'),
  title: 'Geographical indication (model law)',
  numberPrefix: 'GI',
  // The vocabulary requires a standard; ST.61 is the one whose categories the events use (see above).
  statusStandard: 'ST.61',
  filingAct: 'file',
  caseTitle: giCaseTitle,
  publicFields: ['filingDate', 'kind', 'name', 'product', 'area', 'specification', 'linkToOrigin', 'controlBody', 'applicantGroup', 'publicationDate', 'registrationDate', 'registrationNumber'],
  states: {
    formalities: { title: 'Formalities examination', statusCategory: 'Filing date accorded' },
    'formalities-deficient': { title: 'Deficiency notified, awaiting remedy', statusCategory: 'Filing date accorded' },
    examination: { title: 'Examination', statusCategory: 'Filing date accorded' },
    'provisionally-refused': { title: 'Provisionally refused, awaiting response', statusCategory: 'Filing date accorded' },
    accepted: { title: 'Accepted, awaiting publication', statusCategory: 'Application accepted' },
    published: { title: 'Published, objection period running', public: true, statusCategory: 'Application published' },
    opposed: { title: 'Objection pending', public: true, statusCategory: 'Opposition pending' },
    'awaiting-registration': { title: 'Awaiting registration', public: true, statusCategory: 'Application published' },
    registered: { title: 'Registered', public: true, statusCategory: 'Registration published' },
    'amendment-pending': { title: 'Registered; amendment of the specification under examination', public: true, statusCategory: 'Registration published' },
    'cancellation-pending': { title: 'Registered; request for cancellation pending', public: true, statusCategory: 'Revocation proceeding pending' },
    refused: { title: 'Refused', terminal: true, statusCategory: 'Application refused' },
    withdrawn: { title: 'Withdrawn', terminal: true, statusCategory: 'Application withdrawn' },
    'deemed-withdrawn': { title: 'Deemed withdrawn', terminal: true, statusCategory: 'Application withdrawn' },
    cancelled: { title: 'Cancelled', terminal: true, public: true, statusCategory: 'Registration cancelled' },
  },
  acts,
  periods: {
    remedyDeficiency: { months: 2, citation: 'ML r. 61(2)' },
    refusalResponse: { months: 3, citation: 'ML r. 62(3)' },
    objection: { months: 3, citation: 'ML r. 63(1)' },
  },
  fees: [{
    effectiveFrom: parseLegalDate('2000-01-01'),
    currency: 'EUR',
    items: {
      application: { title: 'Application fee', amount: 600_00 },
      objection: { title: 'Objection fee', amount: 150_00 },
      amendment: { title: 'Fee for a request to amend the specification', amount: 200_00 },
      cancellation: { title: 'Fee for a request for cancellation', amount: 300_00 },
    },
  }],
};
