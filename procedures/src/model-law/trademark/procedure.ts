// Model-law trademark procedure: the reference framework an office starts from.
// Citations ("ML r. n") refer to the model law rules shipped in docs/model-law.md.
import { addYears, compareDates, parseLegalDate } from '../../common/calendar.ts';
import { allOf, feesPaid, formalDeficiencyNotice, groundsSchema, parisPriority, payFees, remarksSchema, responseUploads, st61, withResponseDocuments } from '../../common/standard.ts';
import type { ActContext, ActDefinition, PartyChange, ProcedureDefinition, Refusal, UploadRef } from '../../common/types.ts';
import { madridActs, madridPeriods, madridStates } from './madrid.ts';
import { viennaCodesKnown } from './vienna.ts';
import {
  amendClassificationSchema, completeFilingSchema, deficiencySchema, fileTrademarkSchema, oppositionSchema,
} from './payloads.ts';

const PENDING = [
  'incomplete', 'formalities', 'formalities-deficient', 'classification', 'classification-objection',
  'examination', 'provisionally-refused', 'accepted', 'published', 'opposed', 'awaiting-registration',
] as const;

const classCount = (ctx: ActContext): number => (ctx.payload.goodsServices ?? ctx.case.data.goodsServices ?? []).length;

/** Classes beyond those already paid for (the application fee covers one). */
const extraClasses = (ctx: ActContext): number => {
  const charged = Number(ctx.case.data.classesCharged ?? 1);
  return Math.max(0, classCount(ctx) - Math.max(charged, 1));
};

function distinctClasses(ctx: ActContext): Refusal | null {
  const list: { classNumber: number }[] = ctx.payload.goodsServices ?? [];
  const seen = new Set<number>();
  for (const g of list) {
    if (seen.has(g.classNumber)) {
      return { code: 'DUPLICATE_NICE_CLASS', message: `Nice class ${g.classNumber} is listed twice; put all its terms in one entry`, details: { classNumber: g.classNumber } };
    }
    seen.add(g.classNumber);
  }
  return null;
}

/** The filing date is accorded when the minimum requirements are met: applicant, mark, goods/services. */
const minimumRequirementsMet = (ctx: ActContext) => classCount(ctx) > 0;

/** States in which an opposition can still be pending: the application may have ended meanwhile. */
const OPPOSITION_OUTCOME_STATES = ['opposed', 'refused', 'withdrawn'] as const;

const afterOppositionEnds = (ctx: ActContext): string => {
  if (ctx.case.state !== 'opposed') return ctx.case.state;
  const pending = Number(ctx.case.data.pendingOppositions ?? 0) - 1;
  if (pending > 0) return 'opposed';
  return ctx.case.data.oppositionPeriodClosed ? 'awaiting-registration' : 'published';
};

/** The applicant and any representative the filing names become parties to the case. */
export const applicantAndRepresentative = (ctx: ActContext): PartyChange[] => [
  ...(ctx.payload.applicant ? [{ role: 'applicant' as const, party: ctx.payload.applicant }] : []),
  ...(ctx.payload.representative ? [{ role: 'representative' as const, party: ctx.payload.representative }] : []),
];

/** The representation of the mark, uploaded first (PNG or JPEG). */
const markImage = (payload: Record<string, any>): UploadRef[] => (payload.mark?.image
  ? [{ sha256: String(payload.mark.image.sha256), kind: 'mark-image', title: 'Representation of the mark', accept: ['image/png', 'image/jpeg'], at: payload.mark.image }]
  : []);

const acts: Record<string, ActDefinition> = {
  file: {
    title: 'Application filed',
    legalBasis: 'ML r. 2, r. 3 (minimum requirements for a filing date)',
    from: [],
    to: (ctx) => (minimumRequirementsMet(ctx) ? 'formalities' : 'incomplete'),
    performers: ['party'],
    guard: allOf(parisPriority('priority'), distinctClasses, (ctx) => viennaCodesKnown(ctx.payload.mark?.viennaCodes)),
    payloadSchema: fileTrademarkSchema,
    parties: applicantAndRepresentative,
    uploads: markImage,
    fees: [{ code: 'application' }, { code: 'class', quantity: (ctx) => Math.max(0, classCount(ctx) - 1) }],
    payment: 'later',
    opens: [{ kind: 'complete-filing', period: 'completeFiling', onExpiry: 'filing-date-not-accorded', when: (ctx) => !minimumRequirementsMet(ctx) }],
    effects: (ctx) => ({
      filingDate: minimumRequirementsMet(ctx) ? ctx.today : null,
      receiptDate: ctx.today,
      mark: ctx.payload.mark,
      goodsServices: ctx.payload.goodsServices ?? [],
      priorityClaims: ctx.payload.priorityClaims ?? [],
      language: ctx.payload.language ?? null,
      classesCharged: Math.max(1, classCount(ctx)),
    }),
    event: (ctx) => (minimumRequirementsMet(ctx)
      ? st61('Filing date accorded', 'Filing date accorded')
      : st61('Application filed', 'Application Filed')),
    documents: ['filing-receipt'],
  },
  'complete-filing': {
    title: 'Missing elements filed; filing date accorded',
    legalBasis: 'ML r. 3(2)',
    from: ['incomplete'],
    to: 'formalities',
    performers: ['party'],
    within: 'complete-filing',
    closes: ['complete-filing'],
    guard: distinctClasses,
    payloadSchema: completeFilingSchema,
    fees: [{ code: 'class', quantity: extraClasses }],
    effects: (ctx) => ({ filingDate: ctx.today, goodsServices: ctx.payload.goodsServices, classesCharged: Math.max(1, classCount(ctx)) }),
    event: st61('Filing date accorded', 'Filing date accorded'),
    documents: ['filing-receipt'],
  },
  'filing-date-not-accorded': {
    title: 'Application not treated as filed (missing elements not supplied)',
    legalBasis: 'ML r. 3(3)',
    from: ['incomplete'],
    to: 'not-accorded',
    performers: ['system'],
    automatic: true,
    event: st61('Application withdrawn', 'Application withdrawn'),
  },
  'accept-formalities': {
    title: 'Formalities examination passed',
    legalBasis: 'ML r. 5',
    from: ['formalities'],
    to: 'classification',
    performers: ['formalities'],
    guard: feesPaid,
    closes: ['complete-filing'],
  },
  'notify-formal-deficiency': formalDeficiencyNotice('ML r. 5(2)'),
  'remedy-deficiency': {
    title: 'Deficiency remedied',
    legalBasis: 'ML r. 5(2)',
    from: ['formalities-deficient'],
    to: 'formalities',
    performers: ['party'],
    within: 'remedy-deficiency',
    closes: ['remedy-deficiency'],
    payloadSchema: remarksSchema,
  },
  'deem-withdrawn': {
    title: 'Application deemed withdrawn (time limit not met)',
    legalBasis: 'ML r. 5(3)',
    from: ['formalities-deficient', 'classification-objection'],
    to: 'deemed-withdrawn',
    performers: ['system'],
    automatic: true,
    event: st61('Application withdrawn', 'Application withdrawn'),
  },
  'approve-classification': {
    title: 'Classification checked',
    legalBasis: 'ML r. 6 (Nice Agreement)',
    from: ['classification'],
    to: 'examination',
    performers: ['formalities', 'examiner'],
    event: st61('Classification checked', 'Classification checked'),
  },
  'object-classification': {
    title: 'Objection to the classification',
    legalBasis: 'ML r. 6(2)',
    from: ['classification'],
    to: 'classification-objection',
    performers: ['formalities', 'examiner'],
    payloadSchema: deficiencySchema,
    opens: [{ kind: 'classification-response', period: 'remedyDeficiency', onExpiry: 'deem-withdrawn' }],
    documents: ['deficiency-notice'],
  },
  'amend-classification': {
    title: 'Goods and services amended',
    legalBasis: 'ML r. 6(2)',
    from: ['classification-objection'],
    to: 'classification',
    performers: ['party'],
    within: 'classification-response',
    closes: ['classification-response'],
    guard: distinctClasses,
    payloadSchema: amendClassificationSchema,
    fees: [{ code: 'class', quantity: extraClasses }],
    effects: (ctx) => ({
      goodsServices: ctx.payload.goodsServices,
      classesCharged: Math.max(Number(ctx.case.data.classesCharged ?? 1), classCount(ctx)),
    }),
  },
  accept: {
    title: 'Application accepted (no absolute grounds for refusal)',
    legalBasis: 'ML r. 7',
    from: ['examination'],
    to: 'accepted',
    performers: ['examiner'],
    event: st61('Application accepted', 'Application accepted'),
  },
  'refuse-provisionally': {
    title: 'Provisional refusal (absolute grounds)',
    legalBasis: 'ML r. 7(2)',
    from: ['examination'],
    to: 'provisionally-refused',
    performers: ['examiner'],
    payloadSchema: groundsSchema,
    opens: [{ kind: 'refusal-response', period: 'refusalResponse', onExpiry: 'refuse-for-no-response' }],
    documents: ['provisional-refusal'],
  },
  'respond-to-refusal': {
    title: 'Response to provisional refusal',
    legalBasis: 'ML r. 7(3)',
    from: ['provisionally-refused'],
    to: 'examination',
    performers: ['party'],
    within: 'refusal-response',
    closes: ['refusal-response'],
    payloadSchema: withResponseDocuments(remarksSchema),
    uploads: responseUploads,
  },
  refuse: {
    title: 'Final refusal',
    legalBasis: 'ML r. 7(4)',
    from: ['examination'],
    to: 'refused',
    performers: ['examiner'],
    payloadSchema: groundsSchema,
    event: st61('Application refused', 'Application refused'),
    documents: ['refusal-decision'],
  },
  'refuse-for-no-response': {
    title: 'Refusal becomes final (no response within the time limit)',
    legalBasis: 'ML r. 7(4)',
    from: ['provisionally-refused'],
    to: 'refused',
    performers: ['system'],
    automatic: true,
    event: st61('Application refused', 'Application refused'),
  },
  publish: {
    title: 'Application published',
    legalBasis: 'ML r. 8',
    from: ['accepted'],
    to: 'published',
    performers: ['registrar'],
    publishes: true,
    opens: [{ kind: 'opposition', period: 'opposition', onExpiry: 'close-opposition-period' }],
    effects: (ctx) => ({ publicationDate: ctx.today, pendingOppositions: 0, oppositionPeriodClosed: false }),
    event: st61('Application published', 'Application published'),
    documents: ['publication-notice'],
  },
  'file-opposition': {
    title: 'Opposition filed',
    legalBasis: 'ML r. 9',
    from: ['published', 'opposed'],
    to: 'opposed',
    performers: ['third-party'],
    within: 'opposition',
    payloadSchema: oppositionSchema,
    createsChild: {
      right: 'trademark-opposition', act: 'file',
      parties: {
        fromPayload: { opponent: 'opponent', representative: 'representative' },
        fromParent: { applicant: 'respondent', holder: 'respondent', representative: 'respondent' },
      },
    },
    effects: (ctx) => ({ pendingOppositions: Number(ctx.case.data.pendingOppositions ?? 0) + 1 }),
    event: st61('Opposition pending', 'Opposition pending'),
  },
  'close-opposition-period': {
    title: 'Opposition period ended',
    legalBasis: 'ML r. 9(1)',
    from: ['published', 'opposed'],
    to: (ctx) => (ctx.case.state === 'published' ? 'awaiting-registration' : 'opposed'),
    performers: ['system'],
    automatic: true,
    effects: () => ({ oppositionPeriodClosed: true }),
  },
  'opposition-upheld': {
    title: 'Application refused following opposition',
    legalBasis: 'ML r. 9(5)',
    from: OPPOSITION_OUTCOME_STATES,
    to: (ctx) => (ctx.case.state === 'opposed' ? 'refused' : ctx.case.state),
    performers: ['system'],
    automatic: true,
    effects: (ctx) => ({ pendingOppositions: Number(ctx.case.data.pendingOppositions ?? 1) - 1 }),
    event: (ctx) => (ctx.case.state === 'opposed' ? st61('Application refused', 'Application refused') : null),
  },
  'opposition-ended': {
    title: 'Opposition rejected, withdrawn or closed',
    legalBasis: 'ML r. 9(5)',
    from: OPPOSITION_OUTCOME_STATES,
    to: afterOppositionEnds,
    performers: ['system'],
    automatic: true,
    effects: (ctx) => ({ pendingOppositions: Number(ctx.case.data.pendingOppositions ?? 1) - 1 }),
  },
  register: {
    title: 'Mark registered',
    legalBasis: 'ML r. 10',
    from: ['awaiting-registration'],
    to: 'registered',
    performers: ['registrar'],
    guard: feesPaid,
    // The registration is published (ST.61 Registration published); the application already was (r. 8).
    publishes: true,
    opens: [{
      kind: 'renewal', period: 'registrationTerm',
      from: (ctx) => ctx.case.filingDate!,
      windowBefore: 'renewalWindow', grace: 'renewalGrace', onExpiry: 'lapse',
    }],
    effects: (ctx) => ({
      registrationDate: ctx.today,
      registrationNumber: ctx.case.number,
      expiryDate: addYears(ctx.case.filingDate!, 10),
    }),
    event: st61('Registration published', 'Registration published'),
    documents: ['registration-certificate'],
  },
  renew: {
    title: 'Registration renewed',
    legalBasis: 'ML r. 11',
    from: ['registered'],
    performers: ['party'],
    within: 'renewal',
    closes: ['renewal'],
    guard: (ctx) => {
      const limit = ctx.case.openTimeLimits.find((t) => t.kind === 'renewal');
      if (limit?.windowOpensOn && compareDates(ctx.today, limit.windowOpensOn) < 0) {
        return { code: 'RENEWAL_WINDOW_NOT_OPEN', message: `Renewal can be requested from ${limit.windowOpensOn}`, details: { windowOpensOn: limit.windowOpensOn } };
      }
      return null;
    },
    fees: [
      { code: 'renewal' },
      { code: 'renewal-class', quantity: (ctx) => Math.max(0, classCount(ctx) - 1) },
      {
        code: 'renewal-surcharge',
        when: (ctx) => {
          const limit = ctx.case.openTimeLimits.find((t) => t.kind === 'renewal');
          return !!limit && compareDates(ctx.today, limit.dueOn) > 0;
        },
      },
    ],
    payment: 'before',
    opens: [{
      kind: 'renewal', period: 'registrationTerm',
      from: (ctx) => parseLegalDate(ctx.case.data.expiryDate),
      windowBefore: 'renewalWindow', grace: 'renewalGrace', onExpiry: 'lapse',
    }],
    effects: (ctx) => ({
      expiryDate: addYears(parseLegalDate(ctx.case.data.expiryDate), 10),
      renewals: [...(ctx.case.data.renewals ?? []), { on: ctx.today, previousExpiry: ctx.case.data.expiryDate }],
    }),
    event: { standard: 'ST.61', category: 'National prosecution history entry', detailedCode: 'renewal' },
    documents: ['renewal-certificate'],
  },
  lapse: {
    title: 'Registration lapsed (not renewed)',
    legalBasis: 'ML r. 11(4)',
    from: ['registered'],
    to: 'lapsed',
    performers: ['system'],
    automatic: true,
    event: st61('Registration cancelled', 'Registration cancelled'),
  },
  withdraw: {
    title: 'Application withdrawn at the applicant\'s request',
    legalBasis: 'ML r. 12',
    from: PENDING,
    to: 'withdrawn',
    performers: ['party'],
    payloadSchema: remarksSchema,
    event: st61('Application withdrawn', 'Application withdrawn'),
  },
  surrender: {
    title: 'Registration surrendered',
    legalBasis: 'ML r. 13',
    from: ['registered'],
    to: 'surrendered',
    performers: ['party'],
    payloadSchema: remarksSchema,
    event: st61('Registration surrendered', 'Registration surrendered'),
  },
  'pay-fees': payFees,
  ...madridActs,
};

export const trademarkModelLaw: ProcedureDefinition = {
  framework: 'model-law',
  right: 'trademark',
  version: '2026.1',
  effectiveFrom: parseLegalDate('2000-01-01'),
  title: 'Trademark (model law)',
  numberPrefix: 'TM',
  statusStandard: 'ST.61',
  filingAct: 'file',
  initialActs: ['receive-designation'],
  publicFields: ['mark', 'goodsServices', 'priorityClaims', 'publicationDate', 'registrationDate', 'registrationNumber', 'expiryDate', 'filingDate', 'holder', 'international', 'protectedOn', 'licences', 'recordals', 'dividedFrom'],
  caseTitle: (data) => data.mark?.text ?? (data.mark?.image ? '(figurative mark)' : null),
  states: {
    incomplete: { title: 'Received, filing date not yet accorded', statusCategory: 'Application Filed' },
    formalities: { title: 'Formalities examination', statusCategory: 'Filing date accorded' },
    'formalities-deficient': { title: 'Deficiency notified, awaiting remedy', statusCategory: 'Filing date accorded' },
    classification: { title: 'Classification check', statusCategory: 'Filing date accorded' },
    'classification-objection': { title: 'Classification objection, awaiting amendment', statusCategory: 'Filing date accorded' },
    examination: { title: 'Examination on absolute grounds', statusCategory: 'Classification checked' },
    'provisionally-refused': { title: 'Provisionally refused, awaiting response', statusCategory: 'Classification checked' },
    accepted: { title: 'Accepted, awaiting publication', statusCategory: 'Application accepted' },
    published: { title: 'Published, opposition period running', public: true, statusCategory: 'Application published' },
    opposed: { title: 'Opposition pending', public: true, statusCategory: 'Opposition pending' },
    'awaiting-registration': { title: 'Awaiting registration', public: true, statusCategory: 'Application published' },
    registered: { title: 'Registered', public: true, statusCategory: 'Registration published' },
    refused: { title: 'Refused', terminal: true, statusCategory: 'Application refused' },
    withdrawn: { title: 'Withdrawn', terminal: true, statusCategory: 'Application withdrawn' },
    'deemed-withdrawn': { title: 'Deemed withdrawn', terminal: true, statusCategory: 'Application withdrawn' },
    'not-accorded': { title: 'Not treated as an application', terminal: true, statusCategory: 'Application withdrawn' },
    lapsed: { title: 'Lapsed (not renewed)', terminal: true, public: true, statusCategory: 'Registration cancelled' },
    surrendered: { title: 'Surrendered', terminal: true, public: true, statusCategory: 'Registration surrendered' },
    ...madridStates,
  },
  acts,
  periods: {
    completeFiling: { months: 2, citation: 'ML r. 3(2)' },
    priority: { months: 6, citation: 'ML r. 4; Paris Convention art. 4C' },
    remedyDeficiency: { months: 2, citation: 'ML r. 5(2)' },
    refusalResponse: { months: 3, citation: 'ML r. 7(3)' },
    opposition: { months: 3, citation: 'ML r. 9(1)' },
    registrationTerm: { years: 10, extendToWorkingDay: false, citation: 'ML r. 11(1)' },
    renewalWindow: { months: 6, citation: 'ML r. 11(2)' },
    renewalGrace: { months: 6, citation: 'ML r. 11(3)' },
    ...madridPeriods,
  },
  fees: [{
    effectiveFrom: parseLegalDate('2000-01-01'),
    currency: 'EUR',
    items: {
      application: { title: 'Application fee (one class)', amount: 250_00 },
      class: { title: 'Fee for each class beyond the first', amount: 50_00 },
      renewal: { title: 'Renewal fee (one class)', amount: 300_00 },
      'renewal-class': { title: 'Renewal fee for each class beyond the first', amount: 50_00 },
      'renewal-surcharge': { title: 'Surcharge for renewal in the grace period', amount: 150_00 },
      opposition: { title: 'Opposition fee', amount: 320_00 },
    },
  }],
};

