// Model-law utility-model procedure: filing (or conversion of a patent application), formalities,
// registration without substantive examination, publication, maintenance fees, lapse and expiry after
// 10 years. Citations ("ML r. n") refer to docs/model-law.md (utility models: r. 40-44).
import {
  addYears, compareDates, lastDayOfMonth, parseLegalDate, type LegalDate, type PeriodSpec,
} from '../../common/calendar.ts';
import { formalDeficiencyNotice, payFees, remarksSchema } from '../../common/standard.ts';
import { st27 } from '../../common/st27.ts';
import type { ActContext, ActDefinition, FeeCharge, PartyData, ProcedureDefinition, Refusal, TimeLimitOpening } from '../../common/types.ts';
import {
  PATENT_APPLICATION_STATES, all, claimsAmended, contentOf, effectiveClaims, extraClaims, feesPaid, filingParties,
  lastDayWithoutSurcharge, missingElements, pdfUploads, priorityRefusal, type PriorityClaim,
} from '../patent/procedure.ts';
import {
  completeUtilityModelFilingSchema, conversionSchema, fileClaimsSchema, fileUtilityModelSchema, remedyDeficiencySchema,
} from './payloads.ts';

/** ML r. 43(1): a utility model lasts 10 years from its filing date. */
export const UTILITY_MODEL_TERM_YEARS = 10;

/**
 * ML r. 43(2): maintenance fees keep the utility model in force beyond the 3rd, 6th and 8th years; each
 * falls due on the last day of the month of that anniversary of the filing date.
 */
export const MAINTENANCE = [
  { anniversary: 3, code: 'maintenance-4-6', covers: 'years 4 to 6' },
  { anniversary: 6, code: 'maintenance-7-8', covers: 'years 7 and 8' },
  { anniversary: 8, code: 'maintenance-9-10', covers: 'years 9 and 10' },
] as const;

export const UTILITY_MODEL_PERIODS: Record<string, PeriodSpec> = {
  completeFiling: { months: 2, citation: 'ML r. 40(2)' },
  claims: { months: 2, citation: 'ML r. 40(3)' },
  priority: { months: 12, citation: 'ML r. 40(4); Paris Convention art. 4C' },
  remedyDeficiency: { months: 2, citation: 'ML r. 41(2)' },
  term: { years: UTILITY_MODEL_TERM_YEARS, extendToWorkingDay: false, citation: 'ML r. 43(1)' },
  maintenanceDue: { endOfMonth: true, extendToWorkingDay: false, citation: 'ML r. 43(2)' },
  maintenanceWindow: { months: 6, citation: 'ML r. 43(3)' },
  maintenanceGrace: { months: 6, endOfMonth: true, citation: 'ML r. 43(4)' },
};

const APPLICATION = ['formalities', 'formalities-deficient'] as const;
const PENDING = ['incomplete', ...APPLICATION] as const;
const REGISTERED = ['registered', 'in-force'] as const;
const MAINTAINED = [...APPLICATION, ...REGISTERED] as const;

export function maintenanceDueDate(filingDate: LegalDate, index: number): LegalDate {
  return lastDayOfMonth(addYears(filingDate, MAINTENANCE[index].anniversary));
}

/** Instalments that had fallen due before `on` (owed at once by an application converted late). */
const instalmentsDueBefore = (filingDate: LegalDate, on: LegalDate): number[] =>
  MAINTENANCE.map((_, i) => i).filter((i) => compareDates(maintenanceDueDate(filingDate, i), on) < 0);
const nextInstalment = (filingDate: LegalDate, on: LegalDate): number =>
  instalmentsDueBefore(filingDate, on).length;

const maintenanceCharges = (indexesOf: (ctx: ActContext) => number[]): FeeCharge[] =>
  MAINTENANCE.map((m, i) => ({ code: m.code, when: (ctx: ActContext) => indexesOf(ctx).includes(i) }));

const maintenanceOpening = (filingOf: (ctx: ActContext) => LegalDate | null, indexOf: (ctx: ActContext) => number): TimeLimitOpening => ({
  kind: 'maintenance', period: 'maintenanceDue',
  from: (ctx) => addYears(filingOf(ctx)!, MAINTENANCE[indexOf(ctx)].anniversary),
  windowBefore: 'maintenanceWindow', grace: 'maintenanceGrace', onExpiry: 'maintenance-not-paid',
  when: (ctx) => filingOf(ctx) !== null && indexOf(ctx) < MAINTENANCE.length,
});

/** Claims may follow the filing date by 2 months (from the receipt, for an application converted without any). */
const claimsOpening = (
  startOf: (ctx: ActContext) => LegalDate | null,
  claimsOf: (ctx: ActContext) => unknown[] | null | undefined = (ctx) => ctx.payload.claims ?? ctx.case.data.claims,
): TimeLimitOpening => ({
  kind: 'claims', period: 'claims', from: (ctx) => startOf(ctx)!, onExpiry: 'deem-withdrawn',
  when: (ctx) => startOf(ctx) !== null && !claimsOf(ctx)?.length,
});

const priorityCheck = (claimsOf: (ctx: ActContext) => PriorityClaim[]) => (ctx: ActContext) =>
  priorityRefusal(claimsOf(ctx), ctx.today, ctx.periods, null);

const described = (ctx: ActContext) => !!ctx.payload.description?.sha256;
const fileFilingDate = (ctx: ActContext): LegalDate | null => (described(ctx) ? ctx.today : null);

const parentFilingDate = (ctx: ActContext): LegalDate | null => {
  const p = ctx.case.parent;
  if (!p) return null;
  return p.filingDate ?? (typeof p.data.filingDate === 'string' ? parseLegalDate(p.data.filingDate) : null);
};

const instalment = (ctx: ActContext): number => Number(ctx.case.data.nextMaintenance);
const maintenanceLimit = (ctx: ActContext) => ctx.case.openTimeLimits.find((t) => t.kind === 'maintenance');

function formalRequirementsMet(ctx: ActContext): Refusal | null {
  const missing = missingElements(ctx.case.data);
  return missing.length
    ? { code: 'FORMAL_REQUIREMENTS_NOT_MET', message: `The application lacks: ${missing.join(', ')}; notify a deficiency`, details: { missing } }
    : null;
}

const uploads = pdfUploads({ description: 'Description', drawings: 'Drawings' });

const acts: Record<string, ActDefinition> = {
  file: {
    title: 'Utility-model application filed',
    legalBasis: 'ML r. 40(1) (filing date as r. 21), r. 40(4) (priority)',
    from: [],
    to: (ctx) => (described(ctx) ? 'formalities' : 'incomplete'),
    performers: ['party'],
    guard: priorityCheck((ctx) => ctx.payload.priorityClaims ?? []),
    payloadSchema: fileUtilityModelSchema,
    parties: filingParties,
    uploads,
    fees: [{ code: 'filing' }, { code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) }],
    payment: 'later',
    opens: [
      { kind: 'complete-filing', period: 'completeFiling', onExpiry: 'filing-date-not-accorded', when: (ctx) => !described(ctx) },
      claimsOpening(fileFilingDate),
      maintenanceOpening(fileFilingDate, () => 0),
    ],
    effects: (ctx) => ({
      ...contentOf(ctx.payload, ctx.today),
      filingDate: fileFilingDate(ctx),
      receiptDate: ctx.today,
      priorityClaims: ctx.payload.priorityClaims ?? [],
      ...(described(ctx) ? { nextMaintenance: 0 } : {}),
    }),
    event: (ctx) => (described(ctx) ? st27('A10', 'A12') : null),
    documents: ['filing-receipt'],
  },
  'complete-filing': {
    title: 'Description filed; filing date accorded',
    legalBasis: 'ML r. 40(2)',
    from: ['incomplete'],
    to: 'formalities',
    performers: ['party'],
    within: 'complete-filing',
    closes: ['complete-filing'],
    guard: priorityCheck((ctx) => ctx.case.data.priorityClaims ?? []),
    payloadSchema: completeUtilityModelFilingSchema,
    uploads,
    fees: [{ code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) }],
    opens: [claimsOpening((ctx) => ctx.today), maintenanceOpening((ctx) => ctx.today, () => 0)],
    effects: (ctx) => ({
      filingDate: ctx.today,
      description: ctx.payload.description,
      ...(ctx.payload.drawings ? { drawings: ctx.payload.drawings } : {}),
      ...(ctx.payload.claims ? claimsAmended(ctx, ctx.payload.claims) : {}),
      nextMaintenance: 0,
    }),
    event: st27('A10', 'A12'),
    documents: ['filing-receipt'],
  },
  'filing-date-not-accorded': {
    title: 'Application not treated as filed (no description supplied)',
    legalBasis: 'ML r. 40(2)',
    from: ['incomplete'],
    to: 'not-accorded',
    performers: ['system'],
    automatic: true,
    event: st27('N10', 'N11'),
  },
  'file-by-conversion': {
    title: 'Utility-model application filed by conversion of a patent application',
    legalBasis: 'ML r. 35, r. 40(5)',
    from: [],
    to: 'formalities',
    performers: ['party'],
    guard: (ctx) => {
      const parent = ctx.case.parent;
      const filingDate = parentFilingDate(ctx);
      if (!parent || parent.right !== 'patent' || !(PATENT_APPLICATION_STATES as readonly string[]).includes(parent.state) || !filingDate) {
        return { code: 'CONVERSION_NEEDS_PENDING_PATENT_APPLICATION', message: 'Only a pending patent application with a filing date can be converted into a utility-model application', details: { parent: parent ? { number: parent.number, right: parent.right, state: parent.state } : null } };
      }
      const end = addYears(filingDate, UTILITY_MODEL_TERM_YEARS);
      if (compareDates(ctx.today, end) >= 0) {
        return { code: 'UTILITY_MODEL_TERM_EXPIRED', message: `A utility model from the filing date ${filingDate} would have expired on ${end}`, details: { filingDate, expiryDate: end } };
      }
      return null;
    },
    payloadSchema: conversionSchema,
    fees: [
      { code: 'filing' },
      { code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims ?? ctx.case.parent?.data.claims) },
      ...maintenanceCharges((ctx) => instalmentsDueBefore(parentFilingDate(ctx)!, ctx.today)),
    ],
    payment: 'later',
    opens: [
      claimsOpening((ctx) => ctx.today, (ctx) => ctx.payload.claims ?? ctx.case.parent?.data.claims),
      maintenanceOpening(parentFilingDate, (ctx) => nextInstalment(parentFilingDate(ctx)!, ctx.today)),
    ],
    effects: (ctx) => {
      const parent = ctx.case.parent!;
      const filingDate = parentFilingDate(ctx)!;
      const claims = ctx.payload.claims ?? parent.data.claims ?? undefined;
      return {
        ...contentOf({ ...parent.data, claims }, ctx.today),
        filingDate,
        receiptDate: ctx.today,
        convertedFrom: { right: parent.right, number: parent.number, filingDate },
        priorityClaims: effectiveClaims(parent.data.priorityClaims).map(({ office, number, date }) => ({ office, number, date })),
        maintenance: instalmentsDueBefore(filingDate, ctx.today).map((i) => ({ instalment: MAINTENANCE[i].code, paidOn: ctx.today, dueOn: maintenanceDueDate(filingDate, i), with: 'conversion' })),
        nextMaintenance: nextInstalment(filingDate, ctx.today),
      };
    },
    event: st27('A10', 'A21'),
    documents: ['filing-receipt'],
  },
  'file-claims': {
    title: 'Claims filed after the filing date',
    legalBasis: 'ML r. 40(3)',
    from: APPLICATION,
    performers: ['party'],
    within: 'claims',
    closes: ['claims'],
    payloadSchema: fileClaimsSchema,
    fees: [{ code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) }],
    effects: (ctx) => claimsAmended(ctx, ctx.payload.claims),
  },
  'notify-formal-deficiency': formalDeficiencyNotice('ML r. 41(2)', { effects: (ctx) => ({ deficiencies: ctx.payload.deficiencies }) }),
  'remedy-deficiency': {
    title: 'Deficiency remedied',
    legalBasis: 'ML r. 41(2)',
    from: ['formalities-deficient'],
    to: 'formalities',
    performers: ['party'],
    within: 'remedy-deficiency',
    closes: ['remedy-deficiency'],
    payloadSchema: remedyDeficiencySchema,
    parties: (ctx) => (ctx.payload.inventors ?? []).map((party: PartyData, i: number) => ({ role: 'inventor' as const, party, ...(i === 0 ? { replace: true } : {}) })),
    effects: (ctx) => Object.fromEntries(['title', 'abstract', 'inventors'].filter((k) => ctx.payload[k] !== undefined).map((k) => [k, ctx.payload[k]])),
  },
  'deem-withdrawn': {
    title: 'Application deemed withdrawn (time limit not met)',
    legalBasis: 'ML r. 40(3), r. 41(3), r. 44(1)',
    from: APPLICATION,
    to: 'deemed-withdrawn',
    performers: ['system'],
    automatic: true,
    event: st27('B10', 'B12'),
  },
  register: {
    title: 'Utility model registered (no substantive examination)',
    legalBasis: 'ML r. 41(1), r. 41(4)',
    from: ['formalities'],
    to: 'registered',
    performers: ['formalities', 'registrar'],
    guard: all(feesPaid, formalRequirementsMet),
    opens: [{ kind: 'term', period: 'term', from: (ctx) => ctx.case.filingDate!, onExpiry: 'expire' }],
    effects: (ctx) => ({
      registrationDate: ctx.today,
      registrationNumber: ctx.case.number,
      expiryDate: addYears(ctx.case.filingDate!, UTILITY_MODEL_TERM_YEARS),
    }),
    event: st27('F10', 'F12'),
    documents: ['registration-certificate'],
  },
  'publish-registration': {
    title: 'Registration published',
    legalBasis: 'ML r. 42',
    from: ['registered'],
    to: 'in-force',
    performers: ['registrar'],
    publishes: true,
    effects: (ctx) => ({ publicationDate: ctx.today }),
    event: st27('Q10', 'Q13'),
    documents: ['utility-model-publication'],
  },
  'pay-maintenance': {
    title: 'Maintenance fee paid',
    legalBasis: 'ML r. 43',
    from: MAINTAINED,
    performers: ['party'],
    within: 'maintenance',
    closes: ['maintenance'],
    guard: (ctx) => {
      const limit = maintenanceLimit(ctx);
      if (limit?.windowOpensOn && compareDates(ctx.today, limit.windowOpensOn) < 0) {
        return { code: 'MAINTENANCE_WINDOW_NOT_OPEN', message: `The maintenance fee for ${MAINTENANCE[instalment(ctx)].covers} can be paid from ${limit.windowOpensOn}`, details: { windowOpensOn: limit.windowOpensOn } };
      }
      return null;
    },
    fees: [
      ...maintenanceCharges((ctx) => [instalment(ctx)]),
      {
        code: 'maintenance-surcharge',
        when: (ctx) => {
          const limit = maintenanceLimit(ctx);
          return !!limit && compareDates(ctx.today, lastDayWithoutSurcharge(limit.dueOn, ctx.calendars)) > 0;
        },
      },
    ],
    payment: 'before',
    opens: [maintenanceOpening((ctx) => ctx.case.filingDate, (ctx) => instalment(ctx) + 1)],
    effects: (ctx) => ({
      maintenance: [...(ctx.case.data.maintenance ?? []), { instalment: MAINTENANCE[instalment(ctx)].code, paidOn: ctx.today, dueOn: maintenanceLimit(ctx)?.dueOn ?? null }],
      nextMaintenance: instalment(ctx) + 1,
    }),
    event: st27('U10', 'U11'),
    documents: ['maintenance-receipt'],
  },
  'maintenance-not-paid': {
    title: 'Maintenance fee not paid: application deemed withdrawn, or utility model lapsed',
    legalBasis: 'ML r. 44(1)',
    from: MAINTAINED,
    to: (ctx) => ((REGISTERED as readonly string[]).includes(ctx.case.state) ? 'lapsed' : 'deemed-withdrawn'),
    performers: ['system'],
    automatic: true,
    event: (ctx) => ((REGISTERED as readonly string[]).includes(ctx.case.state) ? st27('H10', 'H13') : st27('B10', 'B12')),
  },
  expire: {
    title: 'Utility model expired (end of the 10-year term)',
    legalBasis: 'ML r. 43(1)',
    from: REGISTERED,
    to: 'expired',
    performers: ['system'],
    automatic: true,
    event: st27('H10', 'H14'),
  },
  withdraw: {
    title: 'Application withdrawn at the applicant\'s request',
    legalBasis: 'ML r. 44(2)',
    from: PENDING,
    to: 'withdrawn',
    performers: ['party'],
    payloadSchema: remarksSchema,
    event: st27('B10', 'B11'),
  },
  surrender: {
    title: 'Utility model surrendered',
    legalBasis: 'ML r. 44(3)',
    from: REGISTERED,
    to: 'surrendered',
    performers: ['party'],
    payloadSchema: remarksSchema,
    event: st27('H10', 'H15'),
  },
  'pay-fees': payFees,
};

export const utilityModelModelLaw: ProcedureDefinition = {
  framework: 'model-law',
  right: 'utility-model',
  version: '2026.1',
  effectiveFrom: parseLegalDate('2000-01-01'),
  title: 'Utility model (model law)',
  numberPrefix: 'UM',
  statusStandard: 'ST.27',
  filingAct: 'file',
  initialActs: ['file-by-conversion'],
  caseTitle: (data) => data.title ?? null,
  // What the publication of the registration (r. 42) contains; the bookkeeping stays with the parties and the office.
  publicFields: [
    'title', 'applicants', 'inventors', 'abstract', 'description', 'drawings', 'claims', 'ipc', 'language', 'filingDate',
    'priorityClaims', 'convertedFrom', 'publicationDate', 'registrationDate', 'registrationNumber', 'expiryDate',
  ],
  publicDocuments: ['description', 'drawings', 'utility-model-publication'],
  states: {
    incomplete: { title: 'Received, filing date not yet accorded' },
    formalities: { title: 'Formalities examination' },
    'formalities-deficient': { title: 'Deficiency notified, awaiting remedy' },
    registered: { title: 'Registered, awaiting publication' },
    'in-force': { title: 'Registered and published, in force', public: true },
    lapsed: { title: 'Lapsed (maintenance fee not paid)', terminal: true, public: true },
    expired: { title: 'Expired (end of term)', terminal: true, public: true },
    surrendered: { title: 'Surrendered', terminal: true, public: true },
    withdrawn: { title: 'Withdrawn', terminal: true },
    'deemed-withdrawn': { title: 'Deemed withdrawn', terminal: true },
    'not-accorded': { title: 'Not treated as an application', terminal: true },
  },
  acts,
  periods: UTILITY_MODEL_PERIODS,
  fees: [{
    effectiveFrom: parseLegalDate('2000-01-01'),
    currency: 'EUR',
    items: {
      filing: { title: 'Filing fee (including 10 claims)', amount: 50_00 },
      claims: { title: 'Claims fee for each claim beyond 10', amount: 15_00 },
      'maintenance-4-6': { title: 'Maintenance fee for years 4 to 6', amount: 210_00 },
      'maintenance-7-8': { title: 'Maintenance fee for years 7 and 8', amount: 350_00 },
      'maintenance-9-10': { title: 'Maintenance fee for years 9 and 10', amount: 530_00 },
      'maintenance-surcharge': { title: 'Surcharge for a maintenance fee paid in the grace period', amount: 50_00 },
    },
  }],
};
