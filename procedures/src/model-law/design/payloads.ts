// Payload schemas of the industrial design acts (JSON schema; the API validates requests against them).
import { deficiencySchema, partySchema, priorityClaimSchema } from '../trademark/payloads.ts';

export { deficiencySchema };

/** The SHA-256 of an upload (POST /api/v1/uploads), lower-case hex. */
export const sha256Schema = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

/** What the office finds in the stored bytes of an upload; a value sent is replaced by it. */
export const foundInUploadSchema = {
  mediaType: { type: 'string', maxLength: 100 },
  size: { type: 'integer', minimum: 0 },
} as const;

/** A view of a design: an uploaded PNG or JPEG image and what it shows ("front", "perspective" ...). */
export const viewSchema = {
  type: 'object', required: ['sha256', 'title'], additionalProperties: false,
  properties: { sha256: sha256Schema, title: { type: 'string', minLength: 1, maxLength: 200 }, ...foundInUploadSchema },
} as const;

/**
 * Locarno class and subclass, two digits each ("06", "01" for seats). The class is checked against the
 * Locarno class list by the filing's guard (UNKNOWN_LOCARNO_CLASS); the subclass for its form only.
 */
export const locarnoSchema = {
  type: 'object', required: ['class', 'subclass'], additionalProperties: false,
  properties: {
    class: { type: 'string', pattern: '^[0-9]{2}$' },
    subclass: { type: 'string', pattern: '^(0[1-9]|[1-9][0-9])$' },
  },
} as const;

export const designSchema = {
  type: 'object', required: ['products', 'locarno', 'views'], additionalProperties: false,
  properties: {
    /** Indication of the products in which the design is incorporated or to which it is applied. */
    products: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'string', minLength: 1, maxLength: 500 } },
    locarno: locarnoSchema,
    views: { type: 'array', minItems: 1, maxItems: 50, items: viewSchema },
    description: { type: 'string', maxLength: 5000 },
  },
} as const;

export const fileDesignSchema = {
  type: 'object', required: ['applicants', 'designs'], additionalProperties: false,
  properties: {
    applicants: { type: 'array', minItems: 1, maxItems: 20, items: partySchema },
    representative: partySchema,
    designers: { type: 'array', maxItems: 50, items: partySchema },
    // The maximum number of designs is the law's (ML r. 52, refusal TOO_MANY_DESIGNS); this only bounds the request.
    designs: { type: 'array', minItems: 1, maxItems: 1000, items: designSchema },
    priorityClaims: { type: 'array', maxItems: 20, items: priorityClaimSchema },
    /** Deferment of publication (ML r. 57(2)): requested with the application only. */
    deferPublication: { type: 'boolean' },
    /** The deferment asked for, in months, up to the longest the law allows (ML r. 57(2)); absent: the longest. */
    defermentMonths: { type: 'integer', minimum: 1, maximum: 1200 },
    language: { type: 'string', pattern: '^[a-z]{2}$' },
  },
} as const;

/** Design numbers within the application (1 = the first design of the request). */
export const designNumbersSchema = {
  type: 'array', minItems: 1, maxItems: 1000, uniqueItems: true, items: { type: 'integer', minimum: 1 },
} as const;

/** Correction of formal deficiencies: product indications and Locarno classification, design by design. */
export const remedyDeficiencySchema = {
  type: 'object', additionalProperties: false,
  properties: {
    corrections: {
      type: 'array', minItems: 1, maxItems: 1000,
      items: {
        type: 'object', required: ['design'], additionalProperties: false,
        properties: {
          design: { type: 'integer', minimum: 1 },
          products: designSchema.properties.products,
          locarno: locarnoSchema,
        },
      },
    },
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;

/** The only grounds on which the office examines a design (ML r. 56(1)). */
export const DESIGN_REFUSAL_GROUNDS = ['not-a-design', 'contrary-to-public-policy', 'contrary-to-morality'] as const;

/** An objection or a refusal: its grounds, and the designs it concerns (all remaining designs if none are named). */
export const designGroundsSchema = {
  type: 'object', required: ['grounds'], additionalProperties: false,
  properties: {
    grounds: {
      type: 'array', minItems: 1, maxItems: 20,
      items: {
        type: 'object', required: ['code'], additionalProperties: false,
        properties: { code: { type: 'string', enum: DESIGN_REFUSAL_GROUNDS }, explanation: { type: 'string', maxLength: 20_000 } },
      },
    },
    designs: designNumbersSchema,
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;

/** Renewal of all designs in force, or only of those named (ML r. 58(4)). */
export const renewDesignSchema = {
  type: 'object', additionalProperties: false,
  properties: { designs: designNumbersSchema },
} as const;
