// Payload schemas of the trademark acts (JSON schema; the API validates requests against them).
import { partySchema } from '../../common/standard.ts';
import { deficiencySchema } from '../../common/standard.ts';
import { VIENNA_CODE_PATTERN } from './vienna.ts';
export const MARK_KINDS = [
  'Word', 'Stylized characters', 'Figurative', 'Combined', 'Three dimensional', 'Colour', 'Sound',
  'Hologram', 'Motion', 'Multimedia', 'Position', 'Other',
] as const;

export const goodsServicesSchema = {
  type: 'array', minItems: 1, maxItems: 45,
  items: {
    type: 'object', required: ['classNumber', 'terms'], additionalProperties: false,
    properties: {
      classNumber: { type: 'integer', minimum: 1, maximum: 45 },
      terms: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', minLength: 1, maxLength: 1000 } },
    },
  },
} as const;

export { partySchema };

export const markSchema = {
  type: 'object', required: ['kind'], additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: MARK_KINDS },
    text: { type: 'string', minLength: 1, maxLength: 500 },
    description: { type: 'string', maxLength: 5000 },
    colours: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 100 } },
    // The figurative elements by the Vienna Classification ("26.1.1"); unknown categories and divisions are refused (vienna.ts).
    viennaCodes: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: VIENNA_CODE_PATTERN } },
    /** An image stored beforehand: set by the filing use case, not by clients. */
    image: {
      type: 'object', required: ['sha256', 'mediaType', 'size'], additionalProperties: false,
      properties: { sha256: { type: 'string' }, mediaType: { type: 'string' }, size: { type: 'integer' } },
    },
  },
} as const;

export const priorityClaimSchema = {
  type: 'object', required: ['office', 'number', 'date'], additionalProperties: false,
  properties: {
    office: { type: 'string', pattern: '^[A-Z]{2}$', description: 'WIPO ST.3 code of the office of first filing' },
    number: { type: 'string', minLength: 1, maxLength: 50 },
    date: { type: 'string', format: 'date' },
  },
} as const;

export const fileTrademarkSchema = {
  type: 'object', required: ['mark', 'applicant'], additionalProperties: false,
  properties: {
    mark: markSchema,
    goodsServices: goodsServicesSchema,
    applicant: partySchema,
    representative: partySchema,
    priorityClaims: { type: 'array', maxItems: 20, items: priorityClaimSchema },
    language: { type: 'string', pattern: '^[a-z]{2}$' },
  },
} as const;

export const amendClassificationSchema = {
  type: 'object', required: ['goodsServices'], additionalProperties: false,
  properties: { goodsServices: goodsServicesSchema, remarks: { type: 'string', maxLength: 20_000 } },
} as const;

export const completeFilingSchema = {
  type: 'object', required: ['goodsServices'], additionalProperties: false,
  properties: { goodsServices: goodsServicesSchema, remarks: { type: 'string', maxLength: 20_000 } },
} as const;

export { deficiencySchema };

export const oppositionSchema = {
  type: 'object', required: ['grounds', 'earlierRights'], additionalProperties: false,
  properties: {
    opponent: partySchema,
    representative: partySchema,
    grounds: {
      type: 'array', minItems: 1, maxItems: 10,
      items: { type: 'string', enum: ['identical-mark', 'likelihood-of-confusion', 'reputation', 'bad-faith', 'earlier-unregistered-right', 'other'] },
    },
    earlierRights: {
      type: 'array', minItems: 1, maxItems: 50,
      items: {
        type: 'object', required: ['markText'], additionalProperties: false,
        properties: {
          number: { type: 'string', maxLength: 50 }, office: { type: 'string', pattern: '^[A-Z]{2}$' },
          markText: { type: 'string', minLength: 1, maxLength: 500 },
          classes: { type: 'array', maxItems: 45, items: { type: 'integer', minimum: 1, maximum: 45 } },
        },
      },
    },
    statement: { type: 'string', maxLength: 50_000 },
  },
} as const;
