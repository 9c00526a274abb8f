// Payload schemas of the geographical indication acts (JSON schema; the API validates requests against them).
import { deficiencySchema, partySchema } from '../trademark/payloads.ts';
import { documentRefSchema } from '../../common/standard.ts';

export { deficiencySchema };

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

export { documentRefSchema };

/** ST.96 V6_0 GICategoryType values that the model law registers (ML r. 60(1)). */
export const GI_KINDS = ['Geographical Indication', 'Appellation of Origin'] as const;

/** ST.96 V6_0 ProductCategoryType, the values as the schema spells them. */
export const GI_PRODUCT_CATEGORIES = [
  'Beer', 'Chocolate and derived products', 'Bakers wares', 'Beverages made from plant extracts', 'Pasta', 'Mustard paste',
  'Natural gums and resins', 'Essential oils', 'Hay', 'Cork', 'Cochineal', 'Flowers and ornamental plants', 'Cotton', 'Wool',
  'Wicker', 'Scutched flax', 'Leather', 'Fur', 'Feather', 'Prepared meals', 'Wine', 'Spirits', 'Agricultural Product or Food',
  'Diary', 'Fish', 'Fruit', 'Game', 'Glass', 'Meat', 'Music', 'NonAlcohol', 'Other alcohol', 'Religious', 'Salt', 'Stone',
  'Textile', 'Vegetable', 'Mineral water', 'Crafts', 'Cheese', 'Butter', 'Spices', 'Cereals', 'Products of the milling industry',
  'Oilseeds', 'Oils and fats', 'Confectionery and baked products', 'Sugars and syrups', 'Table and processed olives', 'Vinegar',
  'Honey', 'Gingerbread', 'Tea', 'Coffee', 'Clothing', 'Endemic species', 'Forest product', 'Hops', 'Ginseng',
  'Manufactured products', 'Natural goods', 'Other',
] as const;

/** The group of producers that applies (ML r. 60(3)); it takes part in the case as the applicant. */
export const applicantGroupSchema = {
  type: 'object', required: ['name', 'legalForm', 'membersCount'], additionalProperties: false,
  properties: {
    name: text(500),
    legalForm: { type: 'string', enum: ['association', 'cooperative', 'consortium', 'public-authority', 'other'] },
    membersCount: { type: 'integer', minimum: 1, maximum: 10_000_000 },
    address: { type: 'string', maxLength: 1000 },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    email: { type: 'string', maxLength: 320 },
  },
} as const;

/** A GeoJSON geometry delimiting the area (optional; the description is what the law requires). */
export const boundariesSchema = {
  type: 'object', required: ['type', 'coordinates'], additionalProperties: false,
  properties: {
    type: { type: 'string', enum: ['Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', minItems: 1, maxItems: 10_000 },
  },
} as const;

export const fileGiSchema = {
  type: 'object',
  required: ['applicant', 'kind', 'name', 'product', 'area', 'specification', 'linkToOrigin', 'controlBody'],
  additionalProperties: false,
  properties: {
    applicant: applicantGroupSchema,
    representative: partySchema,
    kind: { type: 'string', enum: GI_KINDS },
    name: {
      type: 'object', required: ['text'], additionalProperties: false,
      properties: {
        text: text(300),
        language: { type: 'string', pattern: '^[a-z]{2,3}$' },
        /** The name in Latin characters, where it is written in another script. */
        transliteration: text(300),
        translation: text(300),
      },
    },
    product: {
      type: 'object', required: ['description', 'category'], additionalProperties: false,
      properties: {
        description: text(5000),
        category: { type: 'string', enum: GI_PRODUCT_CATEGORIES },
        niceClass: { type: 'integer', minimum: 1, maximum: 34 },
      },
    },
    area: {
      type: 'object', required: ['description'], additionalProperties: false,
      properties: { description: text(20_000), boundaries: boundariesSchema },
    },
    specification: documentRefSchema,
    linkToOrigin: text(50_000),
    controlBody: {
      type: 'object', required: ['name', 'kind'], additionalProperties: false,
      properties: {
        name: text(500),
        kind: { type: 'string', enum: ['public-authority', 'certification-body'] },
        address: { type: 'string', maxLength: 1000 },
        country: { type: 'string', pattern: '^[A-Z]{2}$' },
      },
    },
    language: { type: 'string', pattern: '^[a-z]{2}$' },
  },
} as const;

/** Grounds on which any person may object to an application or request the cancellation of a registration. */
export const GI_OBJECTION_GROUNDS = [
  'not-a-geographical-indication', 'generic-name', 'conflict-with-earlier-trademark', 'homonym-misleading',
  'plant-variety-or-animal-breed', 'area-or-link-not-substantiated', 'specification-not-met', 'other',
] as const;

export const objectionSchema = {
  type: 'object', required: ['objector', 'grounds', 'statement'], additionalProperties: false,
  properties: {
    objector: partySchema,
    grounds: { type: 'array', minItems: 1, maxItems: GI_OBJECTION_GROUNDS.length, uniqueItems: true, items: { type: 'string', enum: GI_OBJECTION_GROUNDS } },
    statement: text(50_000),
    earlierRight: {
      type: 'object', additionalProperties: false,
      properties: { office: { type: 'string', pattern: '^[A-Z]{2}$' }, number: text(50), text: text(500) },
    },
  },
} as const;

export const replyToObjectionSchema = {
  type: 'object', required: ['objection', 'remarks'], additionalProperties: false,
  properties: { objection: { type: 'integer', minimum: 1 }, remarks: text(50_000) },
} as const;

export const decideObjectionSchema = {
  type: 'object', required: ['objection', 'outcome'], additionalProperties: false,
  properties: {
    objection: { type: 'integer', minimum: 1 },
    /** 'withdrawn': the objector's withdrawal, recorded by the examiner. */
    outcome: { type: 'string', enum: ['upheld', 'rejected', 'withdrawn'] },
    reasons: { type: 'string', maxLength: 50_000 },
  },
} as const;

export const amendmentSchema = {
  type: 'object', required: ['specification', 'summary'], additionalProperties: false,
  properties: {
    /** The amended specification as a whole (PDF). */
    specification: documentRefSchema,
    summary: text(20_000),
    area: fileGiSchema.properties.area,
  },
} as const;

export const cancellationRequestSchema = {
  type: 'object', required: ['requester', 'grounds', 'statement'], additionalProperties: false,
  properties: {
    requester: partySchema,
    grounds: objectionSchema.properties.grounds,
    statement: text(50_000),
  },
} as const;

export const decisionSchema = {
  type: 'object', additionalProperties: false,
  properties: { reasons: { type: 'string', maxLength: 50_000 } },
} as const;
