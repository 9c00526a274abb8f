// Pieces every procedure shares: the payment act, event helpers and payload schemas.
import type { ActDefinition, StatusEvent } from './types.ts';

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
