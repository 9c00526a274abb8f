// Payload schemas of the utility-model acts (JSON schema; the API validates requests against them).
import {
  claimsSchema, completePatentFilingSchema, conversionSchema, documentRefSchema, fileClaimsSchema,
  internationalPriorityClaimSchema, ipcSchema, partySchema, remedyPatentDeficiencySchema,
} from '../patent/payloads.ts';

const partiesSchema = { type: 'array', minItems: 1, maxItems: 50, items: partySchema } as const;

export const fileUtilityModelSchema = {
  type: 'object', required: ['applicants'], additionalProperties: false,
  properties: {
    applicants: partiesSchema,
    title: { type: 'string', minLength: 1, maxLength: 500 },
    inventors: partiesSchema,
    representative: partySchema,
    description: documentRefSchema,
    drawings: documentRefSchema,
    abstract: { type: 'string', minLength: 1, maxLength: 10_000 },
    claims: claimsSchema,
    ipc: ipcSchema,
    language: { type: 'string', pattern: '^[a-z]{2}$' },
    priorityClaims: { type: 'array', maxItems: 50, items: internationalPriorityClaimSchema },
  },
} as const;

export const completeUtilityModelFilingSchema = {
  ...completePatentFilingSchema,
  properties: {
    description: completePatentFilingSchema.properties.description,
    drawings: completePatentFilingSchema.properties.drawings,
    claims: completePatentFilingSchema.properties.claims,
    remarks: completePatentFilingSchema.properties.remarks,
  },
} as const;

export { conversionSchema, fileClaimsSchema, remedyPatentDeficiencySchema as remedyDeficiencySchema };
