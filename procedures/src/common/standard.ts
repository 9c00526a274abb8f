// Pieces every procedure shares: the payment act, event helpers and payload schemas.
import { compareDates, formatPeriod, parseLegalDate } from './calendar.ts';
import type { ActContext, ActDefinition, Refusal, StatusEvent, UploadRef } from './types.ts';

type Guard = (ctx: ActContext) => Refusal | null;

/** The first refusal of several guards, in order. */
export const allOf = (...guards: Guard[]): Guard => (ctx) => {
  for (const g of guards) { const r = g(ctx); if (r) return r; }
  return null;
};

/** Fees charged earlier must be paid before the office goes on (formalities, registration). */
export function feesPaid(ctx: ActContext): Refusal | null {
  const due = Number(ctx.case.data.feesOutstanding ?? 0);
  return due > 0
    ? { code: 'FEES_UNPAID', message: 'Fees are outstanding on this application', details: { outstanding: due } }
    : null;
}

/**
 * Paris Convention art. 4C: each priority claimed in the filing is within the procedure's period `key` of
 * its date. The period runs forward from the priority date and ends on the day with the same number, or the
 * last day of a shorter month (art. 4C(2)): counting back from the filing date instead would let
 * 28 Feb -> 31 Aug pass when the period ended on 28 Aug. A last day on which the office is closed extends
 * to the next working day (art. 4C(3)).
 */
export const parisPriority = (key = 'priority'): Guard => (ctx) => {
  for (const claim of ctx.payload.priorityClaims ?? []) {
    const date = parseLegalDate(claim.date);
    if (compareDates(date, ctx.today) > 0) {
      return { code: 'PRIORITY_DATE_IN_FUTURE', message: `Priority date ${date} is after the filing date`, details: { claim } };
    }
    const lastDay = ctx.periods.end(key, date).lastDay;
    if (compareDates(ctx.today, lastDay) > 0) {
      return { code: 'PRIORITY_PERIOD_EXPIRED', message: `The priority period of ${formatPeriod(ctx.periods.spec(key))} from ${date} ended on ${lastDay}, before the filing date ${ctx.today} (Paris Convention art. 4C)`, details: { claim, lastDay } };
    }
  }
  return null;
};

/** A person or company named in a request. */
export const partySchema = {
  type: 'object', required: ['name'], additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['natural', 'legal'] },
    name: { type: 'string', minLength: 1, maxLength: 500 },
    address: { type: 'string', maxLength: 1000 },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    email: { type: 'string', maxLength: 320 },
    nationality: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
} as const;

export const ANY_STATE = '*';

export function st61(category: string, statusCategory?: string): StatusEvent {
  return { standard: 'ST.61', category, ...(statusCategory ? { statusCategory } : {}) };
}

export const paymentSchema = {
  type: 'object',
  required: ['amount', 'currency'],
  additionalProperties: false,
  properties: {
    amount: { type: 'integer', minimum: 1, maximum: 100_000_000_00, description: 'minor units (cents)' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    method: { type: 'string', enum: ['current-account', 'bank-transfer', 'card', 'cash', 'other'] },
    reference: { type: 'string', maxLength: 200 },
  },
} as const;

/** Recording a payment against a case; the engine allocates it to the oldest fees due. */
export const payFees: ActDefinition = {
  title: 'Payment of fees',
  legalBasis: 'Fee rules',
  from: [ANY_STATE],
  performers: ['party', 'formalities', 'admin'],
  payloadSchema: { type: 'object', additionalProperties: false, properties: {} },
};

export const remarksSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { remarks: { type: 'string', maxLength: 20_000 } },
} as const;

/** The deficiencies the formalities officer notifies, each with a code and an explanation. */
export const deficiencySchema = {
  type: 'object', required: ['deficiencies'], additionalProperties: false,
  properties: {
    deficiencies: {
      type: 'array', minItems: 1, maxItems: 50,
      items: {
        type: 'object', required: ['code'], additionalProperties: false,
        properties: { code: { type: 'string', minLength: 1, maxLength: 100 }, description: { type: 'string', maxLength: 5000 } },
      },
    },
  },
} as const;

/**
 * The notice of a formal deficiency, the same under every right: the application waits for the remedy
 * within the remedy period (procedure.periods.remedyDeficiency), else it is deemed withdrawn.
 */
export function formalDeficiencyNotice(legalBasis: string, more: Partial<ActDefinition> = {}): ActDefinition {
  return {
    title: 'Notice of formal deficiency',
    legalBasis,
    from: ['formalities'],
    to: 'formalities-deficient',
    performers: ['formalities'],
    payloadSchema: deficiencySchema,
    opens: [{ kind: 'remedy-deficiency', period: 'remedyDeficiency', onExpiry: 'deem-withdrawn' }],
    documents: ['deficiency-notice'],
    ...more,
  };
}

/** A document uploaded first (POST /api/v1/uploads) and named by its SHA-256; the office adds the type and size it found. */
export const documentRefSchema = {
  type: 'object', required: ['sha256'], additionalProperties: false,
  properties: {
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    pages: { type: 'integer', minimum: 1, maximum: 10_000 },
    /** Set by the office from the stored bytes, not by clients. */
    mediaType: { type: 'string', maxLength: 100 },
    size: { type: 'integer', minimum: 0 },
  },
} as const;

/** The documents a party files with a response to the office (arguments, evidence, amended drawings): PDFs. */
const responseDocumentsSchema = {
  type: 'array', maxItems: 20,
  items: { type: 'object', required: ['document'], additionalProperties: false, properties: { document: documentRefSchema } },
} as const;

/** An act's payload schema that also takes documents filed with it (the schema must be an object schema). */
export function withResponseDocuments<S extends { type: 'object'; properties: Record<string, unknown> }>(schema: S) {
  return { ...schema, properties: { ...schema.properties, documents: responseDocumentsSchema } };
}

/** The response's documents, checked to exist, typed from their bytes (PDF) and filed on the case. */
export const responseUploads = (payload: Record<string, any>): UploadRef[] =>
  (Array.isArray(payload.documents) ? payload.documents : []).filter((d: any) => typeof d?.document?.sha256 === 'string')
    .map((d: any) => ({ sha256: d.document.sha256, kind: 'response-document', title: 'Document filed with a response', accept: ['application/pdf'] as const, at: d.document }));

export const groundsSchema = {
  type: 'object',
  required: ['grounds'],
  additionalProperties: false,
  properties: {
    grounds: {
      type: 'array', minItems: 1, maxItems: 50,
      items: {
        type: 'object', required: ['code'], additionalProperties: false,
        properties: { code: { type: 'string', minLength: 1, maxLength: 100 }, explanation: { type: 'string', maxLength: 20_000 } },
      },
    },
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;
