// Model-law patent procedure: filing (or PCT national-phase entry, or a divisional), formalities, search
// and examination on request, publication at 18 months, grant, annuities, lapse and restoration.
// Citations ("ML r. n") refer to the model law rules in docs/model-law.md (patents: r. 20-39).
//
// The procedure is built by `patentProcedure(options)`: the first annuity year is an option, because it
// decides which annuity fees and time limits exist. Periods, including those the rules compute themselves
// (the priority year, national-phase entry ...), are read through `ctx.periods`, so an office framework
// overrides them with `extendProcedure` like every other period (see offices/ruritania/patent.ts).
import {
  addYears, compareDates, computePeriodEnd, formatPeriod, lastDayOfMonth, minDate, parseLegalDate,
  type LegalDate, type OfficeCalendar, type PeriodSpec, type PeriodTable,
} from '../../common/calendar.ts';
import { formalDeficiencyNotice, groundsSchema, payFees, remarksSchema, responseUploads, withResponseDocuments } from '../../common/standard.ts';
import { st27 } from '../../common/st27.ts';
import type {
  ActContext, ActDefinition, FeeCharge, PartyChange, PartyData, ProcedureDefinition, Refusal, TimeLimitOpening, UploadRef,
} from '../../common/types.ts';
import {
  amendClaimsSchema, completePatentFilingSchema, conversionSchema, divisionalSchema, fileClaimsSchema, filePatentSchema,
  nationalPhaseSchema, officeActionResponseSchema, priorityDecisionSchema, remedyPatentDeficiencySchema, reportSchema,
  restorationRequestSchema,
} from './payloads.ts';

/** ML r. 31: a patent lasts 20 years from its filing date; annuities are paid up to the 20th year. */
export const PATENT_TERM_YEARS = 20;
/** ML r. 23(2): the filing fee covers this many claims. */
export const INCLUDED_CLAIMS = 10;

export interface PatentLawOptions {
  /** The first year of the application or patent for which an annuity is paid (ML r. 32(1)). */
  annuitiesFrom: number;
}

export const PATENT_MODEL_LAW_OPTIONS: PatentLawOptions = { annuitiesFrom: 5 };

export const PATENT_PERIODS: Record<string, PeriodSpec> = {
  completeFiling: { months: 2, citation: 'ML r. 21(2)' },
  claims: { months: 2, citation: 'ML r. 21(4)' },
  priority: { months: 12, citation: 'ML r. 22(1); Paris Convention art. 4C' },
  priorityRestoration: { months: 2, citation: 'ML r. 22(3)' },
  remedyDeficiency: { months: 2, citation: 'ML r. 24(2)' },
  examinationRequest: { months: 36, citation: 'ML r. 25(1)' },
  examinationRequestDerived: { months: 2, citation: 'ML r. 25(2)' },
  officeActionResponse: { months: 4, citation: 'ML r. 27(2)' },
  publication: { months: 18, extendToWorkingDay: false, citation: 'ML r. 29(1)' },
  // As soon as possible after the request: the publication falls due the day of the request, so the next
  // sweep publishes it. An office that needs time to prepare the publication sets that time here.
  earlyPublication: { days: 0, extendToWorkingDay: false, citation: 'ML r. 29(2)' },
  grantFee: { months: 4, citation: 'ML r. 30(1)' },
  term: { years: PATENT_TERM_YEARS, extendToWorkingDay: false, citation: 'ML r. 31' },
  annuityDue: { endOfMonth: true, extendToWorkingDay: false, citation: 'ML r. 32(2)' },
  annuityWindow: { months: 3, citation: 'ML r. 32(3)' },
  annuityGrace: { months: 6, endOfMonth: true, citation: 'ML r. 32(4)' },
  restoration: { months: 12, citation: 'ML r. 33(2)' },
  nationalPhaseEntry: { months: 30, citation: 'ML r. 36(1); PCT art. 22(1), 39(1)' },
};

/** Applications with a filing date that have not ended: where divisionals, conversion, annuities ... apply. */
export const PATENT_APPLICATION_STATES = [
  'formalities', 'formalities-deficient', 'awaiting-examination-request', 'search', 'examination', 'office-action',
  'grant-intended', 'awaiting-grant',
] as const;
const PENDING = ['incomplete', ...PATENT_APPLICATION_STATES] as const;
const ANNUITY_STATES = [...PATENT_APPLICATION_STATES, 'granted'] as const;

// ---------------------------------------------------------------------------------------------------------
// Rules shared with the utility-model procedure

/** The act is creating the case (the engine decides a filing on an empty draft). */
export const isNewCase = (ctx: ActContext): boolean => ctx.case.state === '';

const asDate = (s: unknown): LegalDate | null => (typeof s === 'string' ? parseLegalDate(s) : null);

export interface PriorityClaim {
  office: string; number: string; date: string;
  restoration?: { reasons: string; status?: 'requested' | 'granted' | 'refused'; requestedOn?: string; decidedOn?: string };
}

/** Claims that still count: a claim whose restoration was refused is lost (ML r. 22(3)). */
export const effectiveClaims = (claims: PriorityClaim[] | undefined): PriorityClaim[] =>
  (claims ?? []).filter((c) => c.restoration?.status !== 'refused');

/** The date 18-month publication and national-phase entry run from: the earliest priority, else the filing date. */
export function earliestDate(filingDate: LegalDate, claims: PriorityClaim[] | undefined): LegalDate {
  return minDate(filingDate, ...effectiveClaims(claims).map((c) => parseLegalDate(c.date)));
}

/**
 * Paris Convention art. 4C: a priority period (the procedure's period `priority`) runs forward from the
 * priority date to the day with the same number (or the last day of a shorter month) and, if the office is
 * closed that day, to the next working day. `restoration`: the key of the period after it within which a
 * request for restoration saves the claim (ML r. 22(3)); null where the law has no restoration.
 */
export function priorityRefusal(
  claims: PriorityClaim[], filingDate: LegalDate, periods: PeriodTable, restoration: string | null,
): Refusal | null {
  for (const claim of claims) {
    const date = parseLegalDate(claim.date);
    if (compareDates(date, filingDate) > 0) {
      return { code: 'PRIORITY_DATE_AFTER_FILING_DATE', message: `Priority date ${date} is after the filing date ${filingDate}`, details: { claim } };
    }
    const lastDay = periods.end('priority', date).lastDay;
    const inTime = compareDates(filingDate, lastDay) <= 0;
    if (inTime && claim.restoration) {
      return { code: 'PRIORITY_RESTORATION_NOT_NEEDED', message: `The priority period from ${date} ends on ${lastDay}: the claim needs no restoration`, details: { claim, lastDay } };
    }
    if (inTime) continue;
    const restorableUntil = restoration ? periods.end(restoration, lastDay).lastDay : null;
    if (restorableUntil && compareDates(filingDate, restorableUntil) <= 0) {
      if (claim.restoration) continue;
      return {
        code: 'PRIORITY_PERIOD_EXPIRED',
        message: `The priority period from ${date} ended on ${lastDay}, before the filing date ${filingDate}; the claim can be kept only with a request for restoration (possible until ${restorableUntil})`,
        details: { claim, lastDay, restorableUntil },
      };
    }
    return {
      code: 'PRIORITY_PERIOD_EXPIRED',
      message: `The priority period from ${date} ended on ${lastDay}, before the filing date ${filingDate} (Paris Convention art. 4C)`,
      details: { claim, lastDay, ...(restorableUntil ? { restorableUntil } : {}) },
    };
  }
  return null;
}

export function feesPaid(ctx: ActContext): Refusal | null {
  const due = Number(ctx.case.data.feesOutstanding ?? 0);
  return due > 0
    ? { code: 'FEES_UNPAID', message: 'Fees are outstanding on this case', details: { outstanding: due } }
    : null;
}

export const all = (...guards: ((ctx: ActContext) => Refusal | null)[]) => (ctx: ActContext): Refusal | null => {
  for (const g of guards) { const r = g(ctx); if (r) return r; }
  return null;
};

/** Claims beyond those already paid for (the filing fee covers INCLUDED_CLAIMS). */
export const extraClaims = (ctx: ActContext, claims: unknown[] | undefined): number =>
  Math.max(0, (claims?.length ?? 0) - Math.max(INCLUDED_CLAIMS, Number(ctx.case.data.claimsCharged ?? INCLUDED_CLAIMS)));

/** The claims as amended: the current set, the versions kept (ML r. 28(2)) and how many are paid for. */
export function claimsAmended(ctx: ActContext, claims: string[]): Record<string, unknown> {
  const versions: { version: number; on: string; claims: string[] }[] = ctx.case.data.claimsVersions ?? [];
  return {
    claims,
    claimsVersions: [...versions, { version: versions.length + 1, on: ctx.today, claims }],
    claimsCharged: Math.max(INCLUDED_CLAIMS, Number(ctx.case.data.claimsCharged ?? INCLUDED_CLAIMS), claims.length),
  };
}

/** Description, drawings and other documents named by the SHA-256 of an upload, PDF only. */
export const pdfUploads = (fields: Record<string, string>) => (payload: Record<string, any>): UploadRef[] =>
  Object.entries(fields).filter(([field]) => payload[field]?.sha256).map(([field, title]) => ({
    sha256: String(payload[field].sha256), kind: field, title, accept: ['application/pdf'] as const, at: payload[field],
  }));

const partiesIn = (role: 'applicant' | 'inventor', list: PartyData[] | undefined): PartyChange[] =>
  (list ?? []).map((party) => ({ role, party }));

/** The applicants, inventors and representative a filing names become parties to the new case. */
export const filingParties = (ctx: ActContext): PartyChange[] => (isNewCase(ctx)
  ? [
    ...partiesIn('applicant', ctx.payload.applicants),
    ...partiesIn('inventor', ctx.payload.inventors),
    ...(ctx.payload.representative ? [{ role: 'representative' as const, party: ctx.payload.representative }] : []),
  ]
  : []);

/** What the application consists of, as filed. */
export function contentOf(p: Record<string, any>, today: LegalDate): Record<string, unknown> {
  const claims: string[] | undefined = p.claims;
  return {
    title: p.title ?? null,
    applicants: p.applicants ?? [],
    inventors: p.inventors ?? [],
    description: p.description ?? null,
    drawings: p.drawings ?? null,
    abstract: p.abstract ?? null,
    ipc: p.ipc ?? [],
    language: p.language ?? null,
    claims: claims ?? null,
    claimsVersions: claims ? [{ version: 1, on: today, claims }] : [],
    claimsCharged: Math.max(INCLUDED_CLAIMS, claims?.length ?? 0),
  };
}

/** What the formalities officer checks beyond the filing-date requirements (ML r. 24(1)). */
export function missingElements(data: Record<string, any>): string[] {
  const missing: string[] = [];
  if (!data.title) missing.push('title');
  if (!data.abstract) missing.push('abstract');
  if (!data.inventors?.length) missing.push('inventors');
  if (!data.claims?.length) missing.push('claims');
  return missing;
}

function formalRequirementsMet(ctx: ActContext): Refusal | null {
  const missing = missingElements(ctx.case.data);
  return missing.length
    ? { code: 'FORMAL_REQUIREMENTS_NOT_MET', message: `The application lacks: ${missing.join(', ')}; notify a deficiency`, details: { missing } }
    : null;
}

// ---------------------------------------------------------------------------------------------------------
// Annuities (ML r. 32)

/** The annuity for the k-th year falls due on the last day of the month in which that year begins. */
export function annuityDueDate(filingDate: LegalDate, year: number): LegalDate {
  return lastDayOfMonth(addYears(filingDate, year - 1));
}

/** Paid without surcharge up to the due date, or the next working day if the office is closed on it. */
export function lastDayWithoutSurcharge(dueOn: LegalDate, calendars: OfficeCalendar[]): LegalDate {
  return computePeriodEnd(dueOn, {}, calendars).lastDay;
}

// ---------------------------------------------------------------------------------------------------------

export function patentProcedure(options: PatentLawOptions): ProcedureDefinition {
  const FIRST = options.annuitiesFrom;
  if (!Number.isInteger(FIRST) || FIRST < 2 || FIRST > PATENT_TERM_YEARS) throw new RangeError(`annuitiesFrom must be a year from 2 to ${PATENT_TERM_YEARS}, got ${FIRST}`);
  const YEARS = Array.from({ length: PATENT_TERM_YEARS - FIRST + 1 }, (_, i) => FIRST + i);

  /** Years whose annuity had already fallen due before `on` (owed at once by a divisional or national-phase entry). */
  const yearsDueBefore = (filingDate: LegalDate, on: LegalDate, from = FIRST): number[] =>
    YEARS.filter((y) => y >= from && compareDates(annuityDueDate(filingDate, y), on) < 0);
  /** The first year whose annuity is not yet due on `on`. */
  const nextYearDue = (filingDate: LegalDate, on: LegalDate): number =>
    YEARS.find((y) => compareDates(annuityDueDate(filingDate, y), on) >= 0) ?? PATENT_TERM_YEARS + 1;

  const annuityCharges = (yearsOf: (ctx: ActContext) => number[]): FeeCharge[] =>
    YEARS.map((y) => ({ code: `annuity-${y}`, when: (ctx: ActContext) => yearsOf(ctx).includes(y) }));

  const annuityOpening = (filingOf: (ctx: ActContext) => LegalDate | null, yearOf: (ctx: ActContext) => number): TimeLimitOpening => ({
    kind: 'annuity', period: 'annuityDue',
    from: (ctx) => addYears(filingOf(ctx)!, yearOf(ctx) - 1),
    windowBefore: 'annuityWindow', grace: 'annuityGrace', onExpiry: 'annuity-not-paid',
    when: (ctx) => filingOf(ctx) !== null && yearOf(ctx) <= PATENT_TERM_YEARS,
  });

  /**
   * The time limits that start once a case has a filing date: claims (if none were filed), publication,
   * the request for examination (unless made), the next annuity. `filingOf` and `priorityOf` say what
   * filing date and priority claims the act gives the case; `derived`: a divisional or national-phase application.
   */
  const afterFilingDate = (
    filingOf: (ctx: ActContext) => LegalDate | null,
    priorityOf: (ctx: ActContext) => PriorityClaim[],
    opts: { derived?: boolean; published?: (ctx: ActContext) => boolean } = {},
  ): TimeLimitOpening[] => {
    const accorded = (ctx: ActContext) => filingOf(ctx) !== null;
    const requested = (ctx: ActContext) => !!(ctx.payload.requestExamination ?? ctx.case.data.examinationRequested);
    const claimsFiled = (ctx: ActContext) => !!(ctx.payload.claims ?? ctx.case.data.claims)?.length;
    // A derived application (divisional, national phase) gets at least 2 months from its receipt (r. 25(2)).
    const derivedLate = (ctx: ActContext) => !!opts.derived && compareDates(
      ctx.periods.end('examinationRequest', filingOf(ctx)!).lastDay,
      ctx.periods.end('examinationRequestDerived', ctx.today).lastDay,
    ) < 0;
    return [
      // Claims may follow by 2 months: from the filing date, or from the receipt of a derived application (r. 21(4)).
      { kind: 'claims', period: 'claims', from: (ctx) => (opts.derived ? ctx.today : filingOf(ctx)!), onExpiry: 'deem-withdrawn', when: (ctx) => accorded(ctx) && !claimsFiled(ctx) },
      {
        kind: 'publication', period: 'publication', from: (ctx) => earliestDate(filingOf(ctx)!, priorityOf(ctx)), onExpiry: 'publish-application',
        when: (ctx) => accorded(ctx) && !opts.published?.(ctx),
      },
      {
        kind: 'examination-request', period: 'examinationRequest', from: (ctx) => filingOf(ctx)!, onExpiry: 'deem-withdrawn',
        when: (ctx) => accorded(ctx) && !requested(ctx) && !derivedLate(ctx),
      },
      {
        kind: 'examination-request', period: 'examinationRequestDerived', onExpiry: 'deem-withdrawn',
        when: (ctx) => accorded(ctx) && !requested(ctx) && derivedLate(ctx),
      },
      annuityOpening(filingOf, (ctx) => nextYearDue(filingOf(ctx)!, ctx.today)),
    ];
  };

  const examinationFees: FeeCharge[] = [
    { code: 'search', when: (ctx) => !!ctx.payload.requestExamination },
    { code: 'examination', when: (ctx) => !!ctx.payload.requestExamination },
  ];
  const restorationRequests = (claims: PriorityClaim[] | undefined) => (claims ?? []).filter((c) => c.restoration).length;
  const withRestorationStatus = (claims: PriorityClaim[] | undefined, today: LegalDate): PriorityClaim[] =>
    (claims ?? []).map((c) => (c.restoration ? { ...c, restoration: { ...c.restoration, status: 'requested' as const, requestedOn: today } } : c));
  const priorityCheck = (claimsOf: (ctx: ActContext) => PriorityClaim[], filingOf: (ctx: ActContext) => LegalDate) =>
    (ctx: ActContext) => priorityRefusal(claimsOf(ctx), filingOf(ctx), ctx.periods, 'priorityRestoration');

  // --- the filing: the filing date needs the applicant (schema), an indication that a patent is sought
  // (the act itself) and a description; claims may follow (r. 21).
  const describedOnFiling = (ctx: ActContext) => !!ctx.payload.description?.sha256;
  const fileFilingDate = (ctx: ActContext): LegalDate | null => (describedOnFiling(ctx) ? ctx.today : null);

  // --- a divisional: the same act files it on the parent and is the child's first act (r. 34)
  const parentFilingDate = (ctx: ActContext): LegalDate | null =>
    ctx.case.parent ? (ctx.case.parent.filingDate ?? asDate(ctx.case.parent.data.filingDate)) : null;
  const divisionalFilingDate = (ctx: ActContext): LegalDate | null => (isNewCase(ctx) ? parentFilingDate(ctx) : null);
  const parentPriorities = (ctx: ActContext): PriorityClaim[] => effectiveClaims(ctx.case.parent?.data.priorityClaims);

  // --- national phase (r. 36): the filing date is the international filing date
  const internationalFilingDate = (ctx: ActContext): LegalDate => parseLegalDate(ctx.payload.internationalApplication.filingDate);
  const internationallyPublished = (ctx: ActContext) => !!ctx.payload.internationalApplication?.publicationDate;

  // --- publication (r. 29)
  const publicationLimit = (ctx: ActContext) => ctx.case.openTimeLimits.find((t) => t.kind === 'publication');

  // --- annuities (r. 32, 33)
  const annuityYear = (ctx: ActContext): number => Number(ctx.case.data.nextAnnuityYear);
  const annuityLimit = (ctx: ActContext) => ctx.case.openTimeLimits.find((t) => t.kind === 'annuity');
  const owedOnRestoration = (ctx: ActContext): number[] => {
    const first = Number(ctx.case.data.lapse?.year ?? ctx.case.data.nextAnnuityYear);
    const late = yearsDueBefore(ctx.case.filingDate!, ctx.today, first);
    return late.includes(first) ? late : [first, ...late];
  };

  const claimByNumber = (ctx: ActContext): PriorityClaim | undefined =>
    (ctx.case.data.priorityClaims as PriorityClaim[] | undefined ?? []).find((c) => c.number === ctx.payload.priorityNumber);
  const restorationPending = (ctx: ActContext): Refusal | null => (claimByNumber(ctx)?.restoration?.status === 'requested'
    ? null
    : { code: 'NO_PRIORITY_RESTORATION_REQUESTED', message: `No request to restore the priority of application ${ctx.payload.priorityNumber} is pending`, details: { priorityNumber: ctx.payload.priorityNumber } });
  const decidePriority = (ctx: ActContext, status: 'granted' | 'refused') => ({
    priorityClaims: (ctx.case.data.priorityClaims as PriorityClaim[]).map((c) => (c.number === ctx.payload.priorityNumber
      ? { ...c, restoration: { ...c.restoration!, status, decidedOn: ctx.today } }
      : c)),
  });
  const remainingPriorities = (ctx: ActContext): PriorityClaim[] =>
    (decidePriority(ctx, 'refused').priorityClaims as PriorityClaim[]);

  const uploads = pdfUploads({ description: 'Description', drawings: 'Drawings' });

  const acts: Record<string, ActDefinition> = {
    file: {
      title: 'Patent application filed',
      legalBasis: 'ML r. 20, r. 21 (filing date), r. 22 (priority)',
      from: [],
      to: (ctx) => (describedOnFiling(ctx) ? 'formalities' : 'incomplete'),
      performers: ['party'],
      guard: priorityCheck((ctx) => ctx.payload.priorityClaims ?? [], (ctx) => ctx.today),
      payloadSchema: filePatentSchema,
      parties: filingParties,
      uploads,
      fees: [
        { code: 'filing' },
        { code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) },
        { code: 'priority-restoration', quantity: (ctx) => restorationRequests(ctx.payload.priorityClaims) },
        ...examinationFees,
      ],
      payment: 'later',
      opens: [
        { kind: 'complete-filing', period: 'completeFiling', onExpiry: 'filing-date-not-accorded', when: (ctx) => !describedOnFiling(ctx) },
        ...afterFilingDate(fileFilingDate, (ctx) => ctx.payload.priorityClaims ?? []),
      ],
      effects: (ctx) => {
        const filingDate = fileFilingDate(ctx);
        return {
          ...contentOf(ctx.payload, ctx.today),
          filingDate,
          receiptDate: ctx.today,
          priorityClaims: withRestorationStatus(ctx.payload.priorityClaims, ctx.today),
          examinationRequested: !!ctx.payload.requestExamination,
          ...(filingDate ? { nextAnnuityYear: FIRST } : {}),
        };
      },
      event: (ctx) => (describedOnFiling(ctx) ? st27('A10', 'A12') : null),
      documents: ['filing-receipt'],
    },
    'complete-filing': {
      title: 'Description filed; filing date accorded',
      legalBasis: 'ML r. 21(2)',
      from: ['incomplete'],
      to: 'formalities',
      performers: ['party'],
      within: 'complete-filing',
      closes: ['complete-filing'],
      guard: priorityCheck((ctx) => ctx.payload.priorityClaims ?? ctx.case.data.priorityClaims ?? [], (ctx) => ctx.today),
      payloadSchema: completePatentFilingSchema,
      uploads,
      fees: [
        { code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) },
        // Restoration requests added to the priority claims now (those filed with the application were charged then).
        {
          code: 'priority-restoration',
          quantity: (ctx) => (ctx.payload.priorityClaims as PriorityClaim[] | undefined ?? []).filter((c) => c.restoration
            && !(ctx.case.data.priorityClaims as PriorityClaim[] | undefined ?? []).some((o) => o.number === c.number && o.restoration)).length,
        },
      ],
      opens: afterFilingDate((ctx) => ctx.today, (ctx) => ctx.payload.priorityClaims ?? ctx.case.data.priorityClaims ?? []),
      effects: (ctx) => ({
        filingDate: ctx.today,
        description: ctx.payload.description,
        ...(ctx.payload.drawings ? { drawings: ctx.payload.drawings } : {}),
        ...(ctx.payload.claims ? claimsAmended(ctx, ctx.payload.claims) : {}),
        ...(ctx.payload.priorityClaims ? { priorityClaims: withRestorationStatus(ctx.payload.priorityClaims, ctx.today) } : {}),
        nextAnnuityYear: FIRST,
      }),
      event: st27('A10', 'A12'),
      documents: ['filing-receipt'],
    },
    'filing-date-not-accorded': {
      title: 'Application not treated as filed (no description supplied)',
      legalBasis: 'ML r. 21(3)',
      from: ['incomplete'],
      to: 'not-accorded',
      performers: ['system'],
      automatic: true,
      event: st27('N10', 'N11'),
    },
    'enter-national-phase': {
      title: 'International application entered the national phase',
      legalBasis: 'ML r. 36; PCT art. 22, 39',
      from: [],
      to: 'formalities',
      performers: ['party'],
      guard: (ctx) => {
        const ifd = internationalFilingDate(ctx);
        const claims: PriorityClaim[] = ctx.payload.priorityClaims ?? [];
        for (const claim of claims) {
          if (compareDates(parseLegalDate(claim.date), ifd) > 0) {
            return { code: 'PRIORITY_DATE_AFTER_FILING_DATE', message: `Priority date ${claim.date} is after the international filing date ${ifd}`, details: { claim } };
          }
        }
        if (compareDates(ifd, ctx.today) > 0) {
          return { code: 'INTERNATIONAL_FILING_DATE_IN_FUTURE', message: `The international filing date ${ifd} is after today`, details: { filingDate: ifd } };
        }
        const from = earliestDate(ifd, claims);
        const lastDay = ctx.periods.end('nationalPhaseEntry', from).lastDay;
        if (compareDates(ctx.today, lastDay) > 0) {
          return {
            code: 'NATIONAL_PHASE_PERIOD_EXPIRED',
            message: `The period for entering the national phase (${formatPeriod(ctx.periods.spec('nationalPhaseEntry'))} from the priority date ${from}) ended on ${lastDay}`,
            details: { priorityDate: from, lastDay },
          };
        }
        return null;
      },
      payloadSchema: nationalPhaseSchema,
      // The international publication takes the place of the national one (r. 36(3); PCT art. 29).
      publishes: internationallyPublished,
      parties: filingParties,
      uploads,
      fees: [
        { code: 'national-fee' },
        { code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) },
        ...examinationFees,
        ...annuityCharges((ctx) => yearsDueBefore(internationalFilingDate(ctx), ctx.today)),
      ],
      payment: 'later',
      opens: afterFilingDate(internationalFilingDate, (ctx) => ctx.payload.priorityClaims ?? [], { derived: true, published: internationallyPublished }),
      effects: (ctx) => {
        const ifd = internationalFilingDate(ctx);
        const ia = ctx.payload.internationalApplication;
        return {
          ...contentOf(ctx.payload, ctx.today),
          filingDate: ifd,
          receiptDate: ctx.today,
          internationalApplication: ia,
          nationalPhaseEntryDate: ctx.today,
          priorityClaims: ctx.payload.priorityClaims ?? [],
          examinationRequested: !!ctx.payload.requestExamination,
          annuities: yearsDueBefore(ifd, ctx.today).map((year) => ({ year, paidOn: ctx.today, dueOn: annuityDueDate(ifd, year), with: 'national-phase entry' })),
          nextAnnuityYear: nextYearDue(ifd, ctx.today),
          ...(ia.publicationDate ? { publicationDate: ia.publicationDate, publishedBy: ia.publicationNumber ?? 'WIPO' } : {}),
        };
      },
      event: st27('A10', 'A15'),
      documents: ['filing-receipt'],
    },
    'file-divisional': {
      title: 'Divisional application filed',
      legalBasis: 'ML r. 34',
      from: PATENT_APPLICATION_STATES,
      to: (ctx) => (isNewCase(ctx) ? 'formalities' : ctx.case.state),
      performers: ['party'],
      guard: (ctx) => {
        if (!isNewCase(ctx)) return null;
        const parent = ctx.case.parent;
        if (!parent || parent.right !== 'patent' || !(PATENT_APPLICATION_STATES as readonly string[]).includes(parent.state) || !parentFilingDate(ctx)) {
          return { code: 'DIVISIONAL_NEEDS_PENDING_PARENT', message: 'A divisional application is filed on a pending patent application that has a filing date', details: { parent: parent ? { number: parent.number, state: parent.state } : null } };
        }
        return null;
      },
      payloadSchema: divisionalSchema,
      // The applicants and representative are the parent's (carried over by the engine); inventors may differ.
      parties: (ctx) => (isNewCase(ctx) ? partiesIn('inventor', ctx.payload.inventors ?? ctx.case.parent?.data.inventors) : []),
      uploads,
      createsChild: {
        right: 'patent', act: 'file-divisional',
        when: (ctx) => !isNewCase(ctx),
        parties: { fromParent: { applicant: 'applicant', representative: 'representative' } },
      },
      fees: [
        { code: 'filing', when: isNewCase },
        { code: 'claims', quantity: (ctx) => (isNewCase(ctx) ? extraClaims(ctx, ctx.payload.claims) : 0) },
        ...examinationFees.map((f) => ({ ...f, when: (ctx: ActContext) => isNewCase(ctx) && f.when!(ctx) })),
        ...annuityCharges((ctx) => (isNewCase(ctx) ? yearsDueBefore(parentFilingDate(ctx)!, ctx.today) : [])),
      ],
      payment: 'later',
      opens: afterFilingDate(divisionalFilingDate, parentPriorities, { derived: true }),
      effects: (ctx) => {
        if (!isNewCase(ctx)) {
          return { divisionals: [...(ctx.case.data.divisionals ?? []), { filedOn: ctx.today, title: ctx.payload.title ?? ctx.case.data.title ?? null }] };
        }
        const parent = ctx.case.parent!;
        const filingDate = parentFilingDate(ctx)!;
        const content = contentOf({ ...ctx.payload, applicants: parent.data.applicants, inventors: ctx.payload.inventors ?? parent.data.inventors }, ctx.today);
        return {
          ...content,
          title: ctx.payload.title ?? parent.data.title ?? null,
          abstract: ctx.payload.abstract ?? null,
          filingDate,
          receiptDate: ctx.today,
          parentApplication: { number: parent.number, filingDate },
          priorityClaims: parentPriorities(ctx),
          examinationRequested: !!ctx.payload.requestExamination,
          annuities: yearsDueBefore(filingDate, ctx.today).map((year) => ({ year, paidOn: ctx.today, dueOn: annuityDueDate(filingDate, year), with: 'divisional filing' })),
          nextAnnuityYear: nextYearDue(filingDate, ctx.today),
        };
      },
      event: (ctx) => (isNewCase(ctx) ? st27('A10', 'A16') : null),
      documents: ['filing-receipt'],
    },
    'convert-to-utility-model': {
      title: 'Application converted into a utility-model application',
      legalBasis: 'ML r. 35',
      from: PATENT_APPLICATION_STATES,
      to: 'converted',
      performers: ['party'],
      payloadSchema: conversionSchema,
      createsChild: {
        right: 'utility-model', act: 'file-by-conversion',
        parties: { fromParent: { applicant: 'applicant', representative: 'representative', inventor: 'inventor' } },
      },
      effects: (ctx) => ({ convertedOn: ctx.today }),
      event: st27('A10', 'A19'),
    },
    'grant-priority-restoration': {
      title: 'Right of priority restored',
      legalBasis: 'ML r. 22(3)',
      from: PATENT_APPLICATION_STATES,
      performers: ['formalities', 'examiner'],
      // Decided while the case is wherever it is: the request shows in the case, not as a worklist lane.
      worklist: false,
      guard: restorationPending,
      payloadSchema: priorityDecisionSchema,
      effects: (ctx) => decidePriority(ctx, 'granted'),
      event: st27('C10', 'C14'),
    },
    'refuse-priority-restoration': {
      title: 'Restoration of the right of priority refused; the priority claim is lost',
      legalBasis: 'ML r. 22(3)',
      from: PATENT_APPLICATION_STATES,
      performers: ['formalities', 'examiner'],
      // Decided while the case is wherever it is: the request shows in the case, not as a worklist lane.
      worklist: false,
      guard: restorationPending,
      payloadSchema: priorityDecisionSchema,
      // Publication runs again from the earliest date that still counts (if not yet published).
      closes: ['publication'],
      opens: [{
        kind: 'publication', period: 'publication', onExpiry: 'publish-application',
        from: (ctx) => earliestDate(ctx.case.filingDate!, remainingPriorities(ctx)),
        when: (ctx) => !ctx.case.data.publicationDate,
      }],
      effects: (ctx) => decidePriority(ctx, 'refused'),
      event: st27('P10', 'P18'),
      documents: ['priority-decision'],
    },
    'file-claims': {
      title: 'Claims filed after the filing date',
      legalBasis: 'ML r. 21(4)',
      from: ['formalities', 'formalities-deficient'],
      performers: ['party'],
      within: 'claims',
      closes: ['claims'],
      payloadSchema: fileClaimsSchema,
      fees: [{ code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) }],
      effects: (ctx) => claimsAmended(ctx, ctx.payload.claims),
    },
    'accept-formalities': {
      title: 'Formalities examination passed',
      legalBasis: 'ML r. 24(1)',
      from: ['formalities'],
      to: (ctx) => (ctx.case.data.examinationRequested ? 'search' : 'awaiting-examination-request'),
      performers: ['formalities'],
      guard: all(feesPaid, formalRequirementsMet),
    },
    'notify-formal-deficiency': formalDeficiencyNotice('ML r. 24(2)', { effects: (ctx) => ({ deficiencies: ctx.payload.deficiencies }) }),
    'remedy-deficiency': {
      title: 'Deficiency remedied',
      legalBasis: 'ML r. 24(2)',
      from: ['formalities-deficient'],
      to: 'formalities',
      performers: ['party'],
      within: 'remedy-deficiency',
      closes: ['remedy-deficiency'],
      payloadSchema: remedyPatentDeficiencySchema,
      parties: (ctx) => (ctx.payload.inventors ?? []).map((party: PartyData, i: number) => ({ role: 'inventor' as const, party, ...(i === 0 ? { replace: true } : {}) })),
      effects: (ctx) => Object.fromEntries(['title', 'abstract', 'inventors'].filter((k) => ctx.payload[k] !== undefined).map((k) => [k, ctx.payload[k]])),
    },
    'deem-withdrawn': {
      title: 'Application deemed withdrawn (time limit not met)',
      legalBasis: 'ML r. 21(4), r. 24(3), r. 25(3), r. 27(3), r. 30(1)',
      from: PATENT_APPLICATION_STATES,
      to: 'deemed-withdrawn',
      performers: ['system'],
      automatic: true,
      event: st27('B10', 'B12'),
    },
    'request-examination': {
      title: 'Search and examination requested',
      legalBasis: 'ML r. 25(1)',
      from: ['formalities', 'formalities-deficient', 'awaiting-examination-request'],
      to: (ctx) => (ctx.case.state === 'awaiting-examination-request' ? 'search' : ctx.case.state),
      performers: ['party'],
      within: 'examination-request',
      closes: ['examination-request'],
      fees: [{ code: 'search' }, { code: 'examination' }],
      payment: 'before',
      effects: (ctx) => ({ examinationRequested: true, examinationRequestedOn: ctx.today }),
      event: st27('D10', 'D11'),
    },
    'issue-search-report': {
      title: 'Search report issued',
      legalBasis: 'ML r. 26',
      from: ['search'],
      to: 'examination',
      performers: ['examiner'],
      payloadSchema: reportSchema,
      uploads: pdfUploads({ report: 'Search report' }),
      effects: (ctx) => ({ searchReportDate: ctx.today, searchCitations: ctx.payload.citations ?? [] }),
      event: st27('D10', 'D14'),
      documents: ['search-report'],
    },
    'issue-office-action': {
      title: 'Examination report (office action) issued',
      legalBasis: 'ML r. 27(2)',
      from: ['examination'],
      to: 'office-action',
      performers: ['examiner'],
      payloadSchema: reportSchema,
      uploads: pdfUploads({ report: 'Examination report' }),
      opens: [{ kind: 'office-action-response', period: 'officeActionResponse', onExpiry: 'deem-withdrawn' }],
      effects: (ctx) => ({ officeActions: [...(ctx.case.data.officeActions ?? []), { on: ctx.today, objections: ctx.payload.objections ?? [] }] }),
      event: st27('D10', 'D15'),
      documents: ['examination-report'],
    },
    'respond-to-office-action': {
      title: 'Response to the examination report',
      legalBasis: 'ML r. 27(2), r. 28',
      from: ['office-action'],
      to: 'examination',
      performers: ['party'],
      within: 'office-action-response',
      closes: ['office-action-response'],
      payloadSchema: withResponseDocuments(officeActionResponseSchema),
      uploads: responseUploads,
      fees: [{ code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) }],
      effects: (ctx) => (ctx.payload.claims ? claimsAmended(ctx, ctx.payload.claims) : {}),
      event: (ctx) => (ctx.payload.claims ? st27('P10', 'P13') : null),
    },
    'amend-claims': {
      title: 'Claims amended',
      legalBasis: 'ML r. 28(1)',
      from: ['examination'],
      performers: ['party'],
      payloadSchema: amendClaimsSchema,
      fees: [{ code: 'claims', quantity: (ctx) => extraClaims(ctx, ctx.payload.claims) }],
      effects: (ctx) => claimsAmended(ctx, ctx.payload.claims),
      event: st27('P10', 'P13'),
    },
    'request-early-publication': {
      title: 'Early publication requested',
      legalBasis: 'ML r. 29(2)',
      from: PATENT_APPLICATION_STATES,
      performers: ['party'],
      guard: (ctx) => (ctx.case.data.publicationDate
        ? { code: 'ALREADY_PUBLISHED', message: `The application was published on ${ctx.case.data.publicationDate}` }
        : null),
      payloadSchema: remarksSchema,
      // The publication then falls due now instead of after the 18 months (published by the sweep).
      closes: ['publication'],
      opens: [{ kind: 'publication', period: 'earlyPublication', onExpiry: 'publish-application' }],
      effects: (ctx) => ({ earlyPublicationRequestedOn: ctx.today }),
    },
    'publish-application': {
      title: 'Application published',
      legalBasis: 'ML r. 29',
      from: PATENT_APPLICATION_STATES,
      performers: ['system', 'registrar'],
      automatic: true,
      guard: (ctx) => {
        if (ctx.case.data.publicationDate) return { code: 'ALREADY_PUBLISHED', message: `The application was published on ${ctx.case.data.publicationDate}` };
        const limit = publicationLimit(ctx);
        if (limit && compareDates(ctx.today, limit.dueOn) <= 0 && !ctx.case.data.earlyPublicationRequestedOn) {
          return { code: 'EARLY_PUBLICATION_NOT_REQUESTED', message: `The application is published after ${limit.dueOn}, earlier only at the applicant's request`, details: { dueOn: limit.dueOn } };
        }
        return null;
      },
      closes: ['publication'],
      publishes: true,
      effects: (ctx) => ({ publicationDate: ctx.today }),
      event: st27('Q10', 'Q12'),
      documents: ['application-publication'],
    },
    'decide-grant': {
      title: 'Intention to grant; grant fee to be paid',
      legalBasis: 'ML r. 30(1)',
      from: ['examination'],
      to: 'grant-intended',
      performers: ['examiner'],
      guard: feesPaid,
      payloadSchema: remarksSchema,
      opens: [{ kind: 'grant-fee', period: 'grantFee', onExpiry: 'deem-withdrawn' }],
      effects: (ctx) => ({ grantIntendedOn: ctx.today, claimsVersionForGrant: (ctx.case.data.claimsVersions ?? []).length }),
      event: st27('D10', 'D22'),
      documents: ['intention-to-grant'],
    },
    'pay-grant-fee': {
      title: 'Grant fee paid; text for grant approved',
      legalBasis: 'ML r. 30(1)',
      from: ['grant-intended'],
      to: 'awaiting-grant',
      performers: ['party'],
      within: 'grant-fee',
      closes: ['grant-fee'],
      fees: [{ code: 'grant' }],
      payment: 'before',
    },
    grant: {
      title: 'Patent granted',
      legalBasis: 'ML r. 30(2), r. 31',
      from: ['awaiting-grant'],
      to: 'granted',
      performers: ['registrar'],
      guard: feesPaid,
      // The grant is published with the specification: an application not yet published needs no publication of its own.
      closes: ['publication'],
      publishes: true,
      opens: [{ kind: 'term', period: 'term', from: (ctx) => ctx.case.filingDate!, onExpiry: 'expire' }],
      effects: (ctx) => ({
        grantDate: ctx.today,
        patentNumber: ctx.case.number,
        expiryDate: addYears(ctx.case.filingDate!, PATENT_TERM_YEARS),
        grantPublicationDate: ctx.today,
        publicationDate: ctx.case.data.publicationDate ?? ctx.today,
      }),
      event: st27('F10', 'F11'),
      documents: ['patent-certificate', 'patent-specification'],
    },
    refuse: {
      title: 'Application refused',
      legalBasis: 'ML r. 27(4)',
      from: ['examination'],
      to: 'refused',
      performers: ['examiner'],
      payloadSchema: groundsSchema,
      event: st27('B10', 'B15'),
      documents: ['refusal-decision'],
    },
    withdraw: {
      title: 'Application withdrawn at the applicant\'s request',
      legalBasis: 'ML r. 37',
      from: PENDING,
      to: 'withdrawn',
      performers: ['party'],
      payloadSchema: remarksSchema,
      event: st27('B10', 'B11'),
    },
    'pay-annuity': {
      title: 'Annuity paid',
      legalBasis: 'ML r. 32',
      from: ANNUITY_STATES,
      performers: ['party'],
      within: 'annuity',
      closes: ['annuity'],
      guard: (ctx) => {
        const limit = annuityLimit(ctx);
        if (limit?.windowOpensOn && compareDates(ctx.today, limit.windowOpensOn) < 0) {
          return { code: 'ANNUITY_WINDOW_NOT_OPEN', message: `The annuity for year ${annuityYear(ctx)} can be paid from ${limit.windowOpensOn}`, details: { year: annuityYear(ctx), windowOpensOn: limit.windowOpensOn } };
        }
        return null;
      },
      fees: [
        ...annuityCharges((ctx) => [annuityYear(ctx)]),
        {
          code: 'annuity-surcharge',
          when: (ctx) => {
            const limit = annuityLimit(ctx);
            return !!limit && compareDates(ctx.today, lastDayWithoutSurcharge(limit.dueOn, ctx.calendars)) > 0;
          },
        },
      ],
      payment: 'before',
      opens: [annuityOpening((ctx) => ctx.case.filingDate, (ctx) => annuityYear(ctx) + 1)],
      effects: (ctx) => ({
        annuities: [...(ctx.case.data.annuities ?? []), { year: annuityYear(ctx), paidOn: ctx.today, dueOn: annuityLimit(ctx)?.dueOn ?? null }],
        nextAnnuityYear: annuityYear(ctx) + 1,
      }),
      event: st27('U10', 'U11'),
      documents: ['annuity-receipt'],
    },
    'annuity-not-paid': {
      title: 'Annuity not paid: application deemed withdrawn, or patent lapsed',
      legalBasis: 'ML r. 33(1)',
      from: ANNUITY_STATES,
      to: (ctx) => (ctx.case.state === 'granted' ? 'lapsed' : 'deemed-withdrawn'),
      performers: ['system'],
      automatic: true,
      opens: [{
        kind: 'restoration', period: 'restoration', onExpiry: 'restoration-period-ended',
        from: (ctx) => annuityLimit(ctx)?.graceEndsOn ?? ctx.today,
        when: (ctx) => ctx.case.state === 'granted',
      }],
      effects: (ctx) => ({ lapse: { year: annuityYear(ctx), on: ctx.today, graceEndedOn: annuityLimit(ctx)?.graceEndsOn ?? null } }),
      event: (ctx) => (ctx.case.state === 'granted' ? st27('H10', 'H13') : st27('B10', 'B12')),
    },
    'request-restoration': {
      title: 'Restoration of the lapsed patent requested',
      legalBasis: 'ML r. 33(2)',
      from: ['lapsed'],
      to: 'restoration-requested',
      performers: ['party'],
      within: 'restoration',
      closes: ['restoration'],
      payloadSchema: restorationRequestSchema,
      uploads: pdfUploads({ evidence: 'Evidence in support of the request for restoration' }),
      fees: [
        { code: 'restoration' },
        ...annuityCharges(owedOnRestoration),
        { code: 'annuity-surcharge', quantity: (ctx) => owedOnRestoration(ctx).length },
      ],
      payment: 'before',
      effects: (ctx) => ({ restoration: { requestedOn: ctx.today, reasons: ctx.payload.reasons, years: owedOnRestoration(ctx) } }),
      event: st27('K10', 'K11'),
    },
    'grant-restoration': {
      title: 'Patent restored',
      legalBasis: 'ML r. 33(3)',
      from: ['restoration-requested'],
      to: 'granted',
      performers: ['examiner', 'registrar'],
      payloadSchema: remarksSchema,
      opens: [annuityOpening((ctx) => ctx.case.filingDate, (ctx) => Math.max(...ctx.case.data.restoration.years) + 1)],
      effects: (ctx) => {
        const years: number[] = ctx.case.data.restoration.years;
        const paidOn = ctx.case.data.restoration.requestedOn;
        return {
          restoration: { ...ctx.case.data.restoration, grantedOn: ctx.today },
          annuities: [...(ctx.case.data.annuities ?? []), ...years.map((year) => ({ year, paidOn, dueOn: annuityDueDate(ctx.case.filingDate!, year), with: 'restoration' }))],
          nextAnnuityYear: Math.max(...years) + 1,
          lapse: null,
        };
      },
      event: st27('K10', 'K13'),
      documents: ['restoration-decision'],
    },
    'refuse-restoration': {
      title: 'Restoration refused',
      legalBasis: 'ML r. 33(3)',
      from: ['restoration-requested'],
      to: 'ceased',
      performers: ['examiner', 'registrar'],
      payloadSchema: groundsSchema,
      effects: (ctx) => ({ restoration: { ...ctx.case.data.restoration, refusedOn: ctx.today } }),
      event: st27('H10', 'H11'),
      documents: ['restoration-decision'],
    },
    'restoration-period-ended': {
      title: 'Period for restoration ended',
      legalBasis: 'ML r. 33(2)',
      from: ['lapsed'],
      to: 'ceased',
      performers: ['system'],
      automatic: true,
    },
    expire: {
      title: 'Patent expired (end of the 20-year term)',
      legalBasis: 'ML r. 31',
      from: ['granted', 'lapsed', 'restoration-requested'],
      to: 'expired',
      performers: ['system'],
      automatic: true,
      event: st27('H10', 'H14'),
    },
    surrender: {
      title: 'Patent surrendered',
      legalBasis: 'ML r. 38',
      from: ['granted'],
      to: 'surrendered',
      performers: ['party'],
      payloadSchema: remarksSchema,
      event: st27('H10', 'H15'),
    },
    'pay-fees': payFees,
  };

  return {
    framework: 'model-law',
    right: 'patent',
    version: '2026.1',
    effectiveFrom: parseLegalDate('2000-01-01'),
    title: 'Patent (model law)',
    numberPrefix: 'PT',
    statusStandard: 'ST.27',
    filingAct: 'file',
    initialActs: ['enter-national-phase', 'file-divisional'],
    caseTitle: (data) => data.title ?? null,
    // What the publication of the application (r. 29) and of the grant (r. 30(2)) contains; the file's
    // bookkeeping (fees, examination requests, office actions, annuities) stays with the parties and the office.
    publicFields: [
      'title', 'applicants', 'inventors', 'abstract', 'description', 'drawings', 'claims', 'ipc', 'language', 'filingDate',
      'priorityClaims', 'publicationDate', 'publishedBy', 'internationalApplication', 'parentApplication',
      'grantDate', 'patentNumber', 'grantPublicationDate', 'expiryDate',
    ],
    publicDocuments: ['description', 'drawings', 'application-publication', 'patent-specification'],
    states: {
      incomplete: { title: 'Received, filing date not yet accorded' },
      formalities: { title: 'Formalities examination' },
      'formalities-deficient': { title: 'Deficiency notified, awaiting remedy' },
      'awaiting-examination-request': { title: 'Awaiting the request for search and examination' },
      search: { title: 'Search' },
      examination: { title: 'Substantive examination' },
      'office-action': { title: 'Examination report issued, awaiting response' },
      'grant-intended': { title: 'Intention to grant, awaiting the grant fee' },
      'awaiting-grant': { title: 'Awaiting grant' },
      granted: { title: 'Granted, in force', public: true },
      lapsed: { title: 'Lapsed (annuity not paid); restoration possible', public: true },
      'restoration-requested': { title: 'Lapsed; restoration requested', public: true },
      ceased: { title: 'Ceased (lapsed, not restored)', terminal: true, public: true },
      expired: { title: 'Expired (end of term)', terminal: true, public: true },
      surrendered: { title: 'Surrendered', terminal: true, public: true },
      refused: { title: 'Refused', terminal: true },
      withdrawn: { title: 'Withdrawn', terminal: true },
      'deemed-withdrawn': { title: 'Deemed withdrawn', terminal: true },
      'not-accorded': { title: 'Not treated as an application', terminal: true },
      converted: { title: 'Converted into a utility-model application', terminal: true },
    },
    acts,
    periods: PATENT_PERIODS,
    fees: [{
      effectiveFrom: parseLegalDate('2000-01-01'),
      currency: 'EUR',
      items: {
        filing: { title: 'Filing fee (including 10 claims)', amount: 150_00 },
        'national-fee': { title: 'National fee for entry into the national phase (including 10 claims)', amount: 150_00 },
        claims: { title: 'Claims fee for each claim beyond 10', amount: 25_00 },
        'priority-restoration': { title: 'Fee for a request to restore a right of priority', amount: 250_00 },
        search: { title: 'Search fee', amount: 600_00 },
        examination: { title: 'Examination fee', amount: 700_00 },
        grant: { title: 'Grant and publication fee', amount: 350_00 },
        ...Object.fromEntries(YEARS.map((y) => [`annuity-${y}`, { title: `Annuity for the ${ordinal(y)} year`, amount: (100 + 50 * (y - FIRST)) * 100 }])),
        'annuity-surcharge': { title: 'Surcharge for an annuity paid in the grace period', amount: 100_00 },
        restoration: { title: 'Fee for a request for restoration of a lapsed patent', amount: 500_00 },
      },
    }],
  };
}

export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export const patentModelLaw: ProcedureDefinition = patentProcedure(PATENT_MODEL_LAW_OPTIONS);
