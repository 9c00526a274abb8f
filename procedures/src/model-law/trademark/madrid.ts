// A trademark received from WIPO as a designated office under the Madrid Protocol: the case is created
// from the international registration (its number and dates), examined like a national application,
// and either protected (by a statement of grant of protection, or because no provisional refusal was
// notified within the refusal period) or refused. Renewal and changes of the international
// registration happen at WIPO; the office records what WIPO notifies.
import { compareDates, parseLegalDate } from '../../common/calendar.ts';
import { groundsSchema, remarksSchema, st61 } from '../../common/standard.ts';
import type { ActContext, ActDefinition, StateDefinition } from '../../common/types.ts';
import { goodsServicesSchema, markSchema, partySchema } from './payloads.ts';

const dateSchema = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;

export const designationSchema = {
  type: 'object', required: ['irNumber', 'irDate', 'notificationDate', 'holder', 'mark', 'goodsServices'], additionalProperties: false,
  properties: {
    /** The international registration number (WIPO, ST.13 style: 6 or 7 digits). */
    irNumber: { type: 'string', pattern: '^[0-9]{6,7}$' },
    /** Date of the international registration (or of the subsequent designation, if later). */
    irDate: dateSchema,
    subsequentDesignationDate: dateSchema,
    /** The date WIPO notified the designation to this office: the refusal period runs from it. */
    notificationDate: dateSchema,
    holder: partySchema,
    representative: partySchema,
    mark: markSchema,
    goodsServices: goodsServicesSchema,
    basicMark: { type: 'object', additionalProperties: false, properties: { office: { type: 'string', pattern: '^[A-Z]{2}$' }, number: { type: 'string', maxLength: 50 } } },
    language: { type: 'string', enum: ['en', 'fr', 'es'] },
  },
} as const;

/** The date from which the designation has effect here: the IR date, or a later subsequent designation (Madrid Protocol art. 3bis, 4(1)). */
const effectiveDate = (p: Record<string, any>) => (p.subsequentDesignationDate && compareDates(parseLegalDate(p.subsequentDesignationDate), parseLegalDate(p.irDate)) > 0
  ? p.subsequentDesignationDate : p.irDate);

export const madridStates: Record<string, StateDefinition> = {
  'designation-examination': { title: 'International registration: designation under examination', public: true, statusCategory: 'Application published' },
  'designation-provisionally-refused': { title: 'Provisional refusal notified to WIPO, awaiting the holder\'s response', public: true, statusCategory: 'Application refused' },
  protected: { title: 'Protected (international registration)', public: true, statusCategory: 'Registration published' },
  'designation-refused': { title: 'Protection refused', terminal: true, public: true, statusCategory: 'Application refused' },
  'designation-ended': { title: 'International registration no longer in effect here', terminal: true, public: true, statusCategory: 'Registration cancelled' },
};

export const madridActs: Record<string, ActDefinition> = {
  'receive-designation': {
    title: 'Designation received from WIPO (Madrid Protocol)',
    legalBasis: 'ML r. 14(1); Madrid Protocol art. 3bis',
    from: [],
    to: 'designation-examination',
    performers: ['formalities', 'system'],
    payloadSchema: designationSchema,
    guard: (ctx) => (compareDates(parseLegalDate(ctx.payload.notificationDate), ctx.today) > 0
      ? { code: 'NOTIFICATION_DATE_IN_FUTURE', message: `WIPO's notification date ${ctx.payload.notificationDate} is after today`, details: {} }
      : null),
    parties: (ctx) => [
      { role: 'holder', party: ctx.payload.holder },
      ...(ctx.payload.representative ? [{ role: 'representative' as const, party: ctx.payload.representative }] : []),
    ],
    opens: [{ kind: 'madrid-refusal', period: 'madridRefusal', from: (ctx: ActContext) => parseLegalDate(ctx.payload.notificationDate), onExpiry: 'protection-by-lapse-of-refusal-period' }],
    effects: (ctx) => ({
      international: {
        irNumber: ctx.payload.irNumber, irDate: ctx.payload.irDate, subsequentDesignationDate: ctx.payload.subsequentDesignationDate ?? null,
        notificationDate: ctx.payload.notificationDate, basicMark: ctx.payload.basicMark ?? null,
      },
      filingDate: effectiveDate(ctx.payload),
      receiptDate: ctx.today,
      mark: ctx.payload.mark,
      goodsServices: ctx.payload.goodsServices,
      holder: ctx.payload.holder.name,
      language: ctx.payload.language ?? null,
    }),
    event: { standard: 'ST.61', category: 'Domestic international application history entry', statusCategory: 'Application published', detailedCode: 'designation-received' },
  },
  'grant-protection': {
    title: 'Statement of grant of protection sent to WIPO',
    legalBasis: 'ML r. 14(3); Common Regulations r. 18ter(1)',
    from: ['designation-examination'],
    to: 'protected',
    performers: ['examiner'],
    closes: ['madrid-refusal'],
    effects: (ctx) => ({ protectedOn: ctx.today }),
    event: st61('Registration published', 'Registration published'),
    documents: ['statement-of-grant-of-protection'],
  },
  'notify-provisional-refusal': {
    title: 'Provisional refusal notified to WIPO',
    legalBasis: 'ML r. 14(2); Madrid Protocol art. 5(1), (2)',
    from: ['designation-examination'],
    to: 'designation-provisionally-refused',
    performers: ['examiner'],
    within: 'madrid-refusal',
    closes: ['madrid-refusal'],
    payloadSchema: groundsSchema,
    opens: [{ kind: 'designation-response', period: 'designationResponse', onExpiry: 'confirm-refusal-for-no-response' }],
    effects: (ctx) => ({ provisionalRefusalOn: ctx.today }),
    event: st61('Application refused', 'Application refused'),
    documents: ['provisional-refusal'],
  },
  'respond-to-designation-refusal': {
    title: 'Holder\'s response to the provisional refusal',
    legalBasis: 'ML r. 14(2)',
    from: ['designation-provisionally-refused'],
    to: 'designation-examination',
    // The holder's representative online, or the office recording a response received on paper.
    performers: ['party', 'formalities'],
    worklist: false,
    within: 'designation-response',
    closes: ['designation-response'],
    payloadSchema: remarksSchema,
  },
  'withdraw-provisional-refusal': {
    title: 'Provisional refusal withdrawn: statement of grant of protection',
    legalBasis: 'ML r. 14(3); Common Regulations r. 18ter(2)(i)',
    from: ['designation-examination'],
    to: 'protected',
    performers: ['examiner'],
    guard: (ctx) => (ctx.case.data.provisionalRefusalOn ? null : { code: 'NO_PROVISIONAL_REFUSAL', message: 'No provisional refusal was notified: use the statement of grant of protection', details: {} }),
    effects: (ctx) => ({ protectedOn: ctx.today }),
    event: st61('Registration published', 'Registration published'),
    documents: ['statement-of-grant-of-protection'],
  },
  'confirm-refusal': {
    title: 'Statement confirming the total provisional refusal sent to WIPO',
    legalBasis: 'ML r. 14(4); Common Regulations r. 18ter(3)',
    from: ['designation-examination'],
    to: 'designation-refused',
    performers: ['examiner'],
    payloadSchema: groundsSchema,
    guard: (ctx) => (ctx.case.data.provisionalRefusalOn ? null : { code: 'NO_PROVISIONAL_REFUSAL', message: 'Protection can be refused only after a provisional refusal was notified within the refusal period', details: {} }),
    event: st61('Application refused', 'Application refused'),
    documents: ['refusal-decision'],
  },
  'confirm-refusal-for-no-response': {
    title: 'Refusal confirmed (no response within the time limit)',
    legalBasis: 'ML r. 14(4)',
    from: ['designation-provisionally-refused'],
    to: 'designation-refused',
    performers: ['system'],
    automatic: true,
    event: st61('Application refused', 'Application refused'),
  },
  'protection-by-lapse-of-refusal-period': {
    title: 'Protected: no provisional refusal within the refusal period',
    legalBasis: 'ML r. 14(5); Madrid Protocol art. 4(1), 5(5)',
    from: ['designation-examination'],
    to: 'protected',
    performers: ['system'],
    automatic: true,
    effects: (ctx) => ({ protectedOn: ctx.today }),
    event: st61('Registration published', 'Registration published'),
  },
  'record-ceasing-of-effect': {
    title: 'WIPO notified that the international registration no longer has effect (not renewed, cancelled, or the basic mark ceased)',
    legalBasis: 'ML r. 14(6); Madrid Protocol art. 6(4), 7',
    from: ['designation-examination', 'designation-provisionally-refused', 'protected'],
    to: 'designation-ended',
    performers: ['formalities'],
    worklist: false,
    payloadSchema: remarksSchema,
    event: st61('Registration cancelled', 'Registration cancelled'),
  },
};

export const madridPeriods = {
  /** 18 months for offices that declared it under art. 5(2)(b); 12 months (art. 5(2)(a)) otherwise. */
  madridRefusal: { months: 18, citation: 'Madrid Protocol art. 5(2)(b)' },
  designationResponse: { months: 3, citation: 'ML r. 14(2)' },
};
