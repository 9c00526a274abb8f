// Model-law industrial design procedure (ML r. 50-59 in docs/model-law.md): one application for up to
// 100 designs of one Locarno class, formalities, an examination limited to the definition of a design
// and public policy or morality, registration, publication (deferred on request), 5-year terms renewable
// design by design up to 25 years.
//
// Designs are numbered 1, 2 ... in the order of the request. The case data record which of them were
// refused (`refusedDesigns`), which are in force (`designsInForce`) and which lapsed (`lapsedDesigns`).
import { addYears, compareDates, computePeriodEnd, formatPeriod, parseLegalDate, type LegalDate, type PeriodSpec } from '../../common/calendar.ts';
import { allOf, feesPaid, formalDeficiencyNotice, parisPriority, payFees, remarksSchema, responseUploads, withResponseDocuments } from '../../common/standard.ts';
import { st87 } from '../../common/st87.ts';
import type { ActContext, ActDefinition, PartyChange, Performer, ProcedureDefinition, Refusal } from '../../common/types.ts';
import { isLocarnoClass, LOCARNO_CLASSES } from './locarno.ts';
import {
  designGroundsSchema, fileDesignSchema, remedyDeficiencySchema, renewDesignSchema,
} from './payloads.ts';

/** What an office adopting the model law may set differently (see `designProcedure`). */
export interface DesignLawOptions {
  /** Designs one application may contain (ML r. 52(1)). */
  maxDesigns: number;
  /** All designs of one application must be in the same Locarno class (ML r. 52(2)), as in the Hague system. */
  sameLocarnoClass: boolean;
  /** Length of one term of protection, in years (ML r. 58(1)). */
  termYears: number;
  /** Longest protection, in years from the filing date (ML r. 58(1)); a multiple of `termYears`. */
  maxTermYears: number;
}

export const DESIGN_MODEL_LAW_OPTIONS: DesignLawOptions = { maxDesigns: 100, sameLocarnoClass: true, termYears: 5, maxTermYears: 25 };

/** The applicant's side of the case; designers are parties too, but do not act for the applicant. */
const APPLICANT: readonly Performer[] = ['party:applicant', 'party:holder', 'party:representative'];

/** Pending applications: withdrawal is possible, and the deferment of publication may be running. */
const PENDING = ['formalities', 'formalities-deficient', 'examination', 'objection', 'accepted'] as const;
const REGISTERED = ['registered-deferred', 'registered'] as const;

interface Design { number: number; products: string[]; locarno: { class: string; subclass: string }; views: { sha256: string; title: string }[]; description?: string }

const designsOf = (ctx: ActContext): Design[] => ctx.case.data.designs ?? [];
const numbers = (list: number[] | undefined): number[] => [...new Set(list ?? [])].sort((a, b) => a - b);

/** Designs not refused (before registration). */
const remaining = (ctx: ActContext): number[] => {
  const refused = new Set<number>(ctx.case.data.refusedDesigns ?? []);
  return designsOf(ctx).map((d) => d.number).filter((n) => !refused.has(n));
};

/** Designs in force (after registration): of those the case still has (a partial transfer takes some away). */
const inForce = (ctx: ActContext): number[] => {
  const here = new Set(designsOf(ctx).map((d) => d.number));
  return ((ctx.case.data.designsInForce as number[] | undefined) ?? remaining(ctx)).filter((n) => here.has(n));
};

const earliestPriority = (claims: { date: string }[] | undefined): LegalDate | null =>
  (claims ?? []).map((c) => parseLegalDate(c.date)).sort(compareDates)[0] ?? null;

function locarnoClassKnown(list: { locarno?: { class: string } }[], designNumber: (i: number) => number): Refusal | null {
  for (const [i, d] of list.entries()) {
    if (d.locarno && !isLocarnoClass(d.locarno.class)) {
      return {
        code: 'UNKNOWN_LOCARNO_CLASS',
        message: `Design ${designNumber(i)}: '${d.locarno.class}' is not a class of the Locarno Classification (01 to ${Object.keys(LOCARNO_CLASSES).at(-1)})`,
        details: { design: designNumber(i), class: d.locarno.class },
      };
    }
  }
  return null;
}

function oneLocarnoClass(classes: string[], o: DesignLawOptions): Refusal | null {
  const distinct = [...new Set(classes)];
  return o.sameLocarnoClass && distinct.length > 1
    ? { code: 'DESIGNS_IN_DIFFERENT_LOCARNO_CLASSES', message: `All designs of one application must belong to the same Locarno class; this one has classes ${distinct.join(', ')}`, details: { classes: distinct } }
    : null;
}

/** The designs an act names must be designs of the application still under examination. */
const namedDesignsPending = (ctx: ActContext): Refusal | null => {
  const pending = new Set(remaining(ctx));
  const wrong = (ctx.payload.designs ?? []).filter((n: number) => !pending.has(n));
  return wrong.length
    ? { code: 'UNKNOWN_DESIGN', message: `The application has no design ${wrong.join(', ')} under examination`, details: { designs: wrong, pending: [...pending] } }
    : null;
};

/** After refusing `refused`, the rest of the application continues; if nothing is left it is refused. */
const afterRefusalOf = (ctx: ActContext, refused: number[]): string =>
  remaining(ctx).every((n) => refused.includes(n)) ? 'refused' : 'examination';

const renewalLimit = (ctx: ActContext) => ctx.case.openTimeLimits.find((t) => t.kind === 'renewal');

/** Whether the term starting on `start` may be followed by another within the maximum term (ML r. 58(1)). */
const renewable = (start: LegalDate, ctx: ActContext, o: DesignLawOptions) =>
  compareDates(addYears(start, 2 * o.termYears), addYears(ctx.case.filingDate!, o.maxTermYears)) <= 0;

/**
 * The time limit at the end of the term starting on `start(ctx)`: its renewal (lapse if not renewed),
 * or for the last term the end of protection (expiry).
 */
const termEnd = (start: (ctx: ActContext) => LegalDate, o: DesignLawOptions) => [
  {
    kind: 'renewal', period: 'registrationTerm', from: start, windowBefore: 'renewalWindow', grace: 'renewalGrace', onExpiry: 'lapse',
    when: (ctx: ActContext) => renewable(start(ctx), ctx, o),
  },
  { kind: 'maximum-term', period: 'registrationTerm', from: start, onExpiry: 'expire', when: (ctx: ActContext) => !renewable(start(ctx), ctx, o) },
];

/** The deferment of publication is running (it is closed once the design is published). */
const deferred = (ctx: ActContext) => ctx.case.openTimeLimits.some((t) => t.kind === 'deferment');

/** The deferment runs from the earliest priority date, or the filing date (ML r. 57(2)). */
const defermentStart = (ctx: ActContext): LegalDate => earliestPriority(ctx.payload.priorityClaims) ?? ctx.today;

/** The length of deferment the applicant asked for; null: the longest the law allows (the period `deferment`). */
const requestedDeferment = (ctx: ActContext): PeriodSpec | null =>
  (ctx.payload.deferPublication === true && Number.isInteger(ctx.payload.defermentMonths) ? { months: ctx.payload.defermentMonths } : null);

/** A deferment is asked for at most for the longest the law allows, and a length only with the request itself. */
function defermentWithinMaximum(ctx: ActContext): Refusal | null {
  if (ctx.payload.defermentMonths !== undefined && ctx.payload.deferPublication !== true) {
    return { code: 'DEFERMENT_NOT_REQUESTED', message: 'A length of deferment is given only with a request to defer publication (deferPublication)', details: { defermentMonths: ctx.payload.defermentMonths } };
  }
  const requested = requestedDeferment(ctx);
  if (!requested) return null;
  const start = defermentStart(ctx);
  // Compared on the nominal last days: the deferment is not extended to a working day (see the period).
  const asked = computePeriodEnd(start, requested, null).nominalLastDay;
  const longest = computePeriodEnd(start, ctx.periods.spec('deferment'), null).nominalLastDay;
  return compareDates(asked, longest) > 0
    ? {
      code: 'DEFERMENT_TOO_LONG',
      message: `Publication may be deferred for at most ${formatPeriod(ctx.periods.spec('deferment'))} from ${start} (to ${longest}); ${formatPeriod(requested)} would end on ${asked}`,
      details: { requested: ctx.payload.defermentMonths, from: start, lastDay: longest },
    }
    : null;
}

const registered = st87('Registered', 'Registered');

export function designProcedure(o: DesignLawOptions = DESIGN_MODEL_LAW_OPTIONS): ProcedureDefinition {
  if (o.maxTermYears % o.termYears !== 0) throw new Error(`design law: the maximum term (${o.maxTermYears} years) is not a whole number of ${o.termYears}-year terms`);

  const acts: Record<string, ActDefinition> = {
    file: {
      title: 'Application filed',
      legalBasis: 'ML r. 51, r. 52, r. 53 (filing date; multiple application; priority)',
      from: [],
      to: 'formalities',
      performers: ['party'],
      payloadSchema: fileDesignSchema,
      guard: allOf(
        (ctx) => {
          const n = (ctx.payload.designs ?? []).length;
          return n > o.maxDesigns
            ? { code: 'TOO_MANY_DESIGNS', message: `An application may contain at most ${o.maxDesigns} designs; this one has ${n}`, details: { designs: n, maximum: o.maxDesigns } }
            : null;
        },
        (ctx) => locarnoClassKnown(ctx.payload.designs ?? [], (i) => i + 1),
        (ctx) => oneLocarnoClass((ctx.payload.designs ?? []).map((d: Design) => d.locarno.class), o),
        parisPriority('priority'),
        defermentWithinMaximum,
      ),
      fees: [
        { code: 'application' },
        { code: 'additional-design', quantity: (ctx) => (ctx.payload.designs ?? []).length - 1 },
        { code: 'publication' },
        { code: 'publication-additional', quantity: (ctx) => (ctx.payload.designs ?? []).length - 1 },
      ],
      payment: 'later',
      opens: [{
        kind: 'deferment', period: 'deferment', onExpiry: 'end-deferment',
        from: defermentStart,
        requestedLength: requestedDeferment,
        when: (ctx) => ctx.payload.deferPublication === true,
      }],
      parties: (ctx) => [
        ...(ctx.payload.applicants ?? []).map((party: any): PartyChange => ({ role: 'applicant', party })),
        ...(ctx.payload.representative ? [{ role: 'representative', party: ctx.payload.representative } as PartyChange] : []),
        ...(ctx.payload.designers ?? []).map((party: any): PartyChange => ({ role: 'designer', party })),
      ],
      uploads: (payload) => (payload.designs ?? []).flatMap((d: Design, i: number) => (d.views ?? []).map((v, j) => ({
        sha256: v.sha256, kind: 'design-view', title: `Design ${i + 1}, view ${j + 1}: ${v.title}`, accept: ['image/png', 'image/jpeg'] as const, at: v,
      }))),
      effects: (ctx) => ({
        filingDate: ctx.today,
        designs: (ctx.payload.designs ?? []).map((d: Omit<Design, 'number'>, i: number) => ({ number: i + 1, ...d })),
        priorityClaims: ctx.payload.priorityClaims ?? [],
        priorityDate: earliestPriority(ctx.payload.priorityClaims),
        deferPublication: ctx.payload.deferPublication === true,
        ...(requestedDeferment(ctx) ? { defermentMonths: ctx.payload.defermentMonths } : {}),
        language: ctx.payload.language ?? null,
      }),
      documents: ['filing-receipt'],
    },
    'accept-formalities': {
      title: 'Formalities examination passed',
      legalBasis: 'ML r. 55(1)',
      from: ['formalities'],
      to: 'examination',
      performers: ['formalities'],
      guard: feesPaid,
    },
    'notify-formal-deficiency': formalDeficiencyNotice('ML r. 55(2)'),
    'remedy-deficiency': {
      title: 'Deficiency remedied',
      legalBasis: 'ML r. 55(2)',
      from: ['formalities-deficient'],
      to: 'formalities',
      performers: APPLICANT,
      within: 'remedy-deficiency',
      closes: ['remedy-deficiency'],
      payloadSchema: remedyDeficiencySchema,
      guard: (ctx) => {
        const corrections: { design: number; locarno?: { class: string } }[] = ctx.payload.corrections ?? [];
        const known = new Set(designsOf(ctx).map((d) => d.number));
        const unknown = corrections.filter((c) => !known.has(c.design)).map((c) => c.design);
        if (unknown.length) return { code: 'UNKNOWN_DESIGN', message: `The application has no design ${unknown.join(', ')}`, details: { designs: unknown } };
        const bad = locarnoClassKnown(corrections, (i) => corrections[i].design);
        if (bad) return bad;
        return oneLocarnoClass(corrected(ctx).map((d) => d.locarno.class), o);
      },
      effects: (ctx) => (ctx.payload.corrections?.length ? { designs: corrected(ctx) } : {}),
    },
    'deem-withdrawn': {
      title: 'Application deemed withdrawn (deficiency not remedied in time)',
      legalBasis: 'ML r. 55(3)',
      from: ['formalities-deficient'],
      to: 'deemed-withdrawn',
      performers: ['system'],
      automatic: true,
      event: st87('Withdrawn', 'Withdrawn'),
    },
    'raise-objection': {
      title: 'Objection: ground for refusal (provisional refusal)',
      legalBasis: 'ML r. 56(2)',
      from: ['examination'],
      to: 'objection',
      performers: ['examiner'],
      payloadSchema: designGroundsSchema,
      guard: namedDesignsPending,
      opens: [{ kind: 'objection-response', period: 'objectionResponse', onExpiry: 'refuse-for-no-response' }],
      effects: (ctx) => ({ objectedDesigns: ctx.payload.designs ? numbers(ctx.payload.designs) : remaining(ctx) }),
      documents: ['provisional-refusal'],
    },
    'respond-to-objection': {
      title: 'Response to the objection',
      legalBasis: 'ML r. 56(3)',
      from: ['objection'],
      to: 'examination',
      performers: APPLICANT,
      within: 'objection-response',
      closes: ['objection-response'],
      payloadSchema: withResponseDocuments(remarksSchema),
      uploads: responseUploads,
    },
    refuse: {
      title: 'Refusal (of the application or of some of its designs)',
      legalBasis: 'ML r. 56(4)',
      from: ['examination'],
      to: (ctx) => afterRefusalOf(ctx, ctx.payload.designs ?? remaining(ctx)),
      performers: ['examiner'],
      payloadSchema: designGroundsSchema,
      guard: namedDesignsPending,
      effects: (ctx) => ({ refusedDesigns: numbers([...(ctx.case.data.refusedDesigns ?? []), ...(ctx.payload.designs ?? remaining(ctx))]) }),
      event: (ctx) => (afterRefusalOf(ctx, ctx.payload.designs ?? remaining(ctx)) === 'refused' ? st87('Undefined', 'Rejected') : null),
      documents: ['refusal-decision'],
    },
    'refuse-for-no-response': {
      title: 'Refusal of the designs objected to (no response in time)',
      legalBasis: 'ML r. 56(4)',
      from: ['objection'],
      to: (ctx) => afterRefusalOf(ctx, ctx.case.data.objectedDesigns ?? remaining(ctx)),
      performers: ['system'],
      automatic: true,
      effects: (ctx) => ({ refusedDesigns: numbers([...(ctx.case.data.refusedDesigns ?? []), ...(ctx.case.data.objectedDesigns ?? remaining(ctx))]) }),
      event: (ctx) => (afterRefusalOf(ctx, ctx.case.data.objectedDesigns ?? remaining(ctx)) === 'refused' ? st87('Undefined', 'Rejected') : null),
      documents: ['refusal-decision'],
    },
    accept: {
      title: 'Application accepted for registration',
      legalBasis: 'ML r. 56(1)',
      from: ['examination'],
      to: 'accepted',
      performers: ['examiner'],
    },
    register: {
      title: 'Designs registered (and published, unless publication is deferred)',
      legalBasis: 'ML r. 57(1)',
      from: ['accepted'],
      to: (ctx) => (deferred(ctx) ? 'registered-deferred' : 'registered'),
      performers: ['registrar'],
      guard: feesPaid,
      publishes: (ctx) => !deferred(ctx),
      opens: termEnd((ctx) => ctx.case.filingDate!, o),
      effects: (ctx) => ({
        registrationDate: ctx.today,
        registrationNumber: ctx.case.number,
        expiryDate: addYears(ctx.case.filingDate!, o.termYears),
        designsInForce: remaining(ctx),
        publicationDate: deferred(ctx) ? null : ctx.today,
      }),
      // A registration whose publication is deferred is not made known until it is published.
      event: (ctx) => (deferred(ctx) ? null : registered),
      documents: ['registration-certificate'],
    },
    'end-deferment': {
      title: 'Deferment of publication ended: registered designs published',
      legalBasis: 'ML r. 57(3)',
      from: [...PENDING, 'registered-deferred'],
      to: (ctx) => (ctx.case.state === 'registered-deferred' ? 'registered' : ctx.case.state),
      performers: ['system'],
      automatic: true,
      // A design that is not yet registered is published at its registration (ML r. 57(1)).
      publishes: (ctx) => ctx.case.state === 'registered-deferred',
      effects: (ctx) => ({
        defermentEnded: ctx.today,
        ...(ctx.case.state === 'registered-deferred' ? { publicationDate: ctx.today } : {}),
      }),
      event: (ctx) => (ctx.case.state === 'registered-deferred' ? registered : null),
      documents: ['publication-notice'],
    },
    'request-publication': {
      title: 'Publication requested before the end of the deferment',
      legalBasis: 'ML r. 57(4)',
      from: [...PENDING, 'registered-deferred'],
      to: (ctx) => (ctx.case.state === 'registered-deferred' ? 'registered' : ctx.case.state),
      performers: APPLICANT,
      within: 'deferment',
      closes: ['deferment'],
      payloadSchema: remarksSchema,
      publishes: (ctx) => ctx.case.state === 'registered-deferred',
      effects: (ctx) => ({
        defermentEnded: ctx.today,
        ...(ctx.case.state === 'registered-deferred' ? { publicationDate: ctx.today } : {}),
      }),
      event: (ctx) => (ctx.case.state === 'registered-deferred' ? registered : null),
      documents: ['publication-notice'],
    },
    renew: {
      title: 'Registration renewed (for all designs in force, or for those named)',
      legalBasis: 'ML r. 58',
      from: REGISTERED,
      performers: APPLICANT,
      within: 'renewal',
      closes: ['renewal'],
      payloadSchema: renewDesignSchema,
      guard: (ctx) => {
        const limit = renewalLimit(ctx);
        if (limit?.windowOpensOn && compareDates(ctx.today, limit.windowOpensOn) < 0) {
          return { code: 'RENEWAL_WINDOW_NOT_OPEN', message: `Renewal can be requested from ${limit.windowOpensOn}`, details: { windowOpensOn: limit.windowOpensOn } };
        }
        const current = new Set(inForce(ctx));
        const wrong = (ctx.payload.designs ?? []).filter((n: number) => !current.has(n));
        return wrong.length
          ? { code: 'DESIGN_NOT_IN_FORCE', message: `Design ${wrong.join(', ')} is not in force and cannot be renewed`, details: { designs: wrong, inForce: [...current] } }
          : null;
      },
      fees: [
        { code: 'renewal' },
        { code: 'renewal-additional', quantity: (ctx) => renewed(ctx).length - 1 },
        {
          code: 'renewal-surcharge',
          when: (ctx) => {
            const limit = renewalLimit(ctx);
            return !!limit && compareDates(ctx.today, limit.dueOn) > 0;
          },
        },
      ],
      payment: 'before',
      opens: termEnd((ctx) => parseLegalDate(ctx.case.data.expiryDate), o),
      effects: (ctx) => {
        const keep = renewed(ctx);
        const previousExpiry = parseLegalDate(ctx.case.data.expiryDate);
        return {
          expiryDate: addYears(previousExpiry, o.termYears),
          designsInForce: keep,
          lapsedDesigns: [
            ...(ctx.case.data.lapsedDesigns ?? []),
            ...inForce(ctx).filter((n) => !keep.includes(n)).map((design) => ({ design, lastDay: previousExpiry })),
          ],
          renewals: [...(ctx.case.data.renewals ?? []), { on: ctx.today, previousExpiry, designs: keep }],
        };
      },
      documents: ['renewal-certificate'],
    },
    lapse: {
      title: 'Registration lapsed (not renewed)',
      legalBasis: 'ML r. 58(5)',
      from: REGISTERED,
      to: 'lapsed',
      performers: ['system'],
      automatic: true,
      effects: (ctx) => ({
        designsInForce: [],
        lapsedDesigns: [...(ctx.case.data.lapsedDesigns ?? []), ...inForce(ctx).map((design) => ({ design, lastDay: ctx.case.data.expiryDate }))],
      }),
      event: st87('Expired', 'Expired'),
    },
    expire: {
      title: 'Registration expired (maximum term of protection reached)',
      legalBasis: 'ML r. 58(1)',
      from: REGISTERED,
      to: 'expired',
      performers: ['system'],
      automatic: true,
      effects: () => ({ designsInForce: [] }),
      event: st87('Expired', 'Expired'),
    },
    withdraw: {
      title: 'Application withdrawn at the applicant\'s request',
      legalBasis: 'ML r. 59(1)',
      from: PENDING,
      to: 'withdrawn',
      performers: APPLICANT,
      payloadSchema: remarksSchema,
      event: st87('Withdrawn', 'Withdrawn'),
    },
    surrender: {
      title: 'Registration surrendered',
      legalBasis: 'ML r. 59(2)',
      from: REGISTERED,
      to: 'surrendered',
      performers: APPLICANT,
      payloadSchema: remarksSchema,
      effects: () => ({ designsInForce: [] }),
      event: st87('Undefined', 'Cancelled'),
    },
    'pay-fees': payFees,
  };

  return {
    framework: 'model-law',
    right: 'design',
    version: '2026.1',
    effectiveFrom: parseLegalDate('2000-01-01'),
    title: 'Industrial design (model law)',
    numberPrefix: 'DS',
    statusStandard: 'ST.87',
    filingAct: 'file',
    caseTitle: designCaseTitle,
    // Published designs only: while publication is deferred the case is not public at all.
    publicFields: ['filingDate', 'designs', 'designsInForce', 'lapsedDesigns', 'priorityClaims', 'publicationDate', 'registrationDate', 'registrationNumber', 'expiryDate'],
    states: {
      formalities: { title: 'Formalities examination', statusCategory: 'Filed' },
      'formalities-deficient': { title: 'Deficiency notified, awaiting remedy', statusCategory: 'Filed' },
      examination: { title: 'Examination (definition of a design, public policy, morality)', statusCategory: 'Filed' },
      objection: { title: 'Objection raised, awaiting the applicant\'s response', statusCategory: 'Filed' },
      accepted: { title: 'Accepted, awaiting registration', statusCategory: 'Filed' },
      // Not public: the register shows a design only once it is published, and a design that ends before
      // its deferred publication stays unpublished (being public, once reached, is never withdrawn).
      'registered-deferred': { title: 'Registered, publication deferred', statusCategory: 'Registered' },
      registered: { title: 'Registered and published', public: true, statusCategory: 'Registered' },
      refused: { title: 'Refused', terminal: true, statusCategory: 'Rejected' },
      withdrawn: { title: 'Withdrawn', terminal: true, statusCategory: 'Withdrawn' },
      'deemed-withdrawn': { title: 'Deemed withdrawn', terminal: true, statusCategory: 'Withdrawn' },
      lapsed: { title: 'Lapsed (not renewed)', terminal: true, statusCategory: 'Expired' },
      expired: { title: 'Expired (maximum term reached)', terminal: true, statusCategory: 'Expired' },
      surrendered: { title: 'Surrendered', terminal: true, statusCategory: 'Cancelled' },
    },
    acts,
    periods: {
      // Paris Convention art. 4C(1): 6 months for industrial designs.
      priority: { months: 6, citation: 'ML r. 53; Paris Convention art. 4C' },
      remedyDeficiency: { months: 2, citation: 'ML r. 55(2)' },
      objectionResponse: { months: 2, citation: 'ML r. 56(3)' },
      // The longest deferment of publication; the applicant may ask for less. Not a time limit for an act
      // of a party: it ends on its last day even if the office is closed.
      deferment: { months: 30, extendToWorkingDay: false, citation: 'ML r. 57(2)' },
      registrationTerm: { years: o.termYears, extendToWorkingDay: false, citation: 'ML r. 58(1)' },
      renewalWindow: { months: 6, citation: 'ML r. 58(2)' },
      renewalGrace: { months: 6, citation: 'ML r. 58(3)' },
    },
    fees: [{
      effectiveFrom: parseLegalDate('2000-01-01'),
      currency: 'EUR',
      items: {
        application: { title: 'Application fee (one design)', amount: 230_00 },
        'additional-design': { title: 'Fee for each further design in a multiple application', amount: 115_00 },
        publication: { title: 'Publication fee (one design)', amount: 120_00 },
        'publication-additional': { title: 'Publication fee for each further design', amount: 60_00 },
        renewal: { title: 'Renewal fee (one design)', amount: 90_00 },
        'renewal-additional': { title: 'Renewal fee for each further design renewed', amount: 45_00 },
        'renewal-surcharge': { title: 'Surcharge for renewal in the grace period', amount: 50_00 },
      },
    }],
  };

  /** The designs after the corrections of a remedy (products and classification only; the views stay). */
  function corrected(ctx: ActContext): Design[] {
    const byDesign = new Map<number, { products?: string[]; locarno?: Design['locarno'] }>(
      (ctx.payload.corrections ?? []).map((c: any) => [c.design, c]),
    );
    return designsOf(ctx).map((d) => {
      const c = byDesign.get(d.number);
      return c ? { ...d, ...(c.products ? { products: c.products } : {}), ...(c.locarno ? { locarno: c.locarno } : {}) } : d;
    });
  }

  /** The designs a renewal keeps in force: those named, or all. */
  function renewed(ctx: ActContext): number[] {
    return ctx.payload.designs ? numbers(ctx.payload.designs) : inForce(ctx);
  }
}

/** The first product indication of the first design, and how many more designs the application has. */
export function designCaseTitle(data: Record<string, any>): string | null {
  const designs: Design[] = data.designs ?? [];
  const first = designs[0]?.products?.[0];
  if (!first) return null;
  return designs.length > 1 ? `${first} + ${designs.length - 1} more` : first;
}

export const designModelLaw: ProcedureDefinition = designProcedure();
