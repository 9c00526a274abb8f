// Payload schemas of the patent acts (JSON schema; the API validates requests against them).
import { partySchema } from '../trademark/payloads.ts';
import { documentRefSchema } from '../../common/standard.ts';

export { partySchema };

export { documentRefSchema };

export const claimsSchema = {
  type: 'array', minItems: 1, maxItems: 500,
  items: { type: 'string', minLength: 1, maxLength: 50_000 },
} as const;

/** An IPC symbol, e.g. "A61K 31/4745". */
export const ipcSchema = {
  type: 'array', maxItems: 100,
  items: { type: 'string', pattern: '^[A-H][0-9]{2}[A-Z] ?[0-9]{1,4}/[0-9]{2,6}$' },
} as const;

const priorityFields = {
  office: { type: 'string', pattern: '^[A-Z]{2}$', description: 'WIPO ST.3 code of the office of first filing' },
  number: { type: 'string', minLength: 1, maxLength: 50 },
  date: { type: 'string', format: 'date' },
} as const;

export const patentPriorityClaimSchema = {
  type: 'object', required: ['office', 'number', 'date'], additionalProperties: false,
  properties: {
    ...priorityFields,
    /** A request to restore the right of priority (filing after the 12 months, within 2 months more). */
    restoration: {
      type: 'object', required: ['reasons'], additionalProperties: false,
      properties: { reasons: { type: 'string', minLength: 1, maxLength: 20_000 } },
    },
  },
} as const;

/** Priority claims of an international application, as the international phase settled them. */
export const internationalPriorityClaimSchema = {
  type: 'object', required: ['office', 'number', 'date'], additionalProperties: false, properties: priorityFields,
} as const;

const partiesSchema = { type: 'array', minItems: 1, maxItems: 50, items: partySchema } as const;

/** What the description of an invention consists of, however the case was started. */
const contentProperties = {
  title: { type: 'string', minLength: 1, maxLength: 500 },
  inventors: partiesSchema,
  representative: partySchema,
  description: documentRefSchema,
  drawings: documentRefSchema,
  abstract: { type: 'string', minLength: 1, maxLength: 10_000 },
  claims: claimsSchema,
  ipc: ipcSchema,
  language: { type: 'string', pattern: '^[a-z]{2}$' },
  /** The request for search and examination made with the application (ML r. 25(1)). */
  requestExamination: { type: 'boolean' },
} as const;

export const filePatentSchema = {
  type: 'object', required: ['applicants'], additionalProperties: false,
  properties: {
    ...contentProperties,
    applicants: partiesSchema,
    priorityClaims: { type: 'array', maxItems: 50, items: patentPriorityClaimSchema },
  },
} as const;

export const completePatentFilingSchema = {
  type: 'object', required: ['description'], additionalProperties: false,
  properties: {
    description: documentRefSchema,
    drawings: documentRefSchema,
    claims: claimsSchema,
    /** The priority claims as they stand now (e.g. with a restoration request added), replacing those filed. */
    priorityClaims: { type: 'array', maxItems: 50, items: patentPriorityClaimSchema },
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;

export const internationalApplicationSchema = {
  type: 'object', required: ['number', 'filingDate'], additionalProperties: false,
  properties: {
    number: { type: 'string', pattern: '^PCT/[A-Z]{2}[0-9]{4}/[0-9]{6}$', description: 'e.g. PCT/XX2025/000123' },
    filingDate: { type: 'string', format: 'date' },
    publicationNumber: { type: 'string', pattern: '^WO[0-9]{4}/[0-9]{6}$', description: 'e.g. WO2025/123456' },
    publicationDate: { type: 'string', format: 'date' },
  },
} as const;

export const nationalPhaseSchema = {
  type: 'object', required: ['internationalApplication', 'applicants', 'description'], additionalProperties: false,
  properties: {
    ...contentProperties,
    internationalApplication: internationalApplicationSchema,
    applicants: partiesSchema,
    priorityClaims: { type: 'array', maxItems: 50, items: internationalPriorityClaimSchema },
  },
} as const;

/** A divisional: its own description and claims; applicants, representative and priorities come from the parent. */
export const divisionalSchema = {
  type: 'object', required: ['description', 'claims'], additionalProperties: false,
  properties: {
    title: contentProperties.title,
    inventors: contentProperties.inventors,
    description: documentRefSchema,
    drawings: documentRefSchema,
    abstract: contentProperties.abstract,
    claims: claimsSchema,
    ipc: ipcSchema,
    requestExamination: { type: 'boolean' },
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;

/** Conversion: the utility-model claims (by default those of the patent application as they stand). */
export const conversionSchema = {
  type: 'object', additionalProperties: false,
  properties: { claims: claimsSchema, remarks: { type: 'string', maxLength: 20_000 } },
} as const;

export const fileClaimsSchema = {
  type: 'object', required: ['claims'], additionalProperties: false,
  properties: { claims: claimsSchema, remarks: { type: 'string', maxLength: 20_000 } },
} as const;

/** What a deficiency notice may ask for and the applicant supply. */
export const remedyPatentDeficiencySchema = {
  type: 'object', additionalProperties: false,
  properties: {
    title: contentProperties.title,
    abstract: contentProperties.abstract,
    inventors: contentProperties.inventors,
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;

export const officeActionResponseSchema = {
  type: 'object', required: ['remarks'], additionalProperties: false,
  properties: { remarks: { type: 'string', minLength: 1, maxLength: 100_000 }, claims: claimsSchema },
} as const;

export const amendClaimsSchema = {
  type: 'object', required: ['claims'], additionalProperties: false,
  properties: { claims: claimsSchema, remarks: { type: 'string', maxLength: 20_000 } },
} as const;

export const reportSchema = {
  type: 'object', additionalProperties: false,
  properties: {
    /** The report itself, uploaded first. */
    report: documentRefSchema,
    citations: {
      type: 'array', maxItems: 200,
      items: {
        type: 'object', required: ['document'], additionalProperties: false,
        properties: {
          document: { type: 'string', minLength: 1, maxLength: 200 },
          category: { type: 'string', enum: ['X', 'Y', 'A', 'O', 'P', 'T', 'E', 'D', 'L', '&'] },
          claims: { type: 'array', maxItems: 500, items: { type: 'integer', minimum: 1 } },
        },
      },
    },
    objections: {
      type: 'array', maxItems: 100,
      items: {
        type: 'object', required: ['code'], additionalProperties: false,
        properties: { code: { type: 'string', minLength: 1, maxLength: 100 }, claims: { type: 'array', maxItems: 500, items: { type: 'integer', minimum: 1 } }, explanation: { type: 'string', maxLength: 20_000 } },
      },
    },
    remarks: { type: 'string', maxLength: 20_000 },
  },
} as const;

export const priorityDecisionSchema = {
  type: 'object', required: ['priorityNumber'], additionalProperties: false,
  properties: { priorityNumber: { type: 'string', minLength: 1, maxLength: 50 }, remarks: { type: 'string', maxLength: 20_000 } },
} as const;

export const restorationRequestSchema = {
  type: 'object', required: ['reasons'], additionalProperties: false,
  properties: { reasons: { type: 'string', minLength: 1, maxLength: 20_000 }, evidence: documentRefSchema },
} as const;
