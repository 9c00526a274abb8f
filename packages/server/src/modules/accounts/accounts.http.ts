// Routes of current accounts: a party's own account, statement and deposits; the office's list of
// accounts and the bank transfers it books.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor, userOf } from '../../app/http.ts';
import { depositOwn, listAccounts, ownStatement, readAccount, readOwnAccount, recordBankTransfer } from './index.ts';

const money = {
  amount: { type: 'integer', minimum: 1, maximum: 100_000_000_00, description: 'minor units (cents)' },
  currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217' },
} as const;
const accountParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;

export async function accountsRoutes(api: FastifyInstance, office: Office) {
  const deps = office.accounts;

  api.get('/account', {
    config: { access: 'signed-in' },
    schema: { tags: ['accounts'], summary: "The signed-in party's current account with the office: balance and the latest 50 entries (opened, empty, on first sight)" },
  }, async (req) => readOwnAccount(deps, requireActor(req)));

  api.get<{ Querystring: { from?: string; to?: string; limit?: number; offset?: number } }>('/account/statement', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['accounts'], summary: 'Statement of the current account for a period of office dates: opening and closing balance and the entries, oldest first',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          from: { type: 'string', maxLength: 10 }, to: { type: 'string', maxLength: 10 },
          limit: { type: 'integer', minimum: 1, maximum: 500 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
        },
      },
    },
  }, async (req) => ownStatement(deps, requireActor(req), req.query));

  api.post<{ Body: { amount: number; currency: string } }>('/account/deposits', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['accounts'], summary: 'Pay money into the current account through the payment provider (201 credited; 202 when the provider confirms later)',
      body: { type: 'object', required: ['amount', 'currency'], additionalProperties: false, properties: money },
    },
  }, async (req, reply) => {
    const res = await depositOwn(deps, requireActor(req), req.body.amount, req.body.currency);
    return reply.code(res.status).send(res.body);
  });

  api.get<{ Querystring: { q?: string; limit?: number; offset?: number } }>('/admin/accounts', {
    config: { access: 'office' },
    schema: {
      tags: ['accounts'], summary: 'Every current account with its balance (office staff)',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: { q: { type: 'string', maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 200 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000 } },
      },
    },
  }, async (req) => listAccounts(deps, req.query));

  api.get<{ Params: { id: string } }>('/admin/accounts/:id', {
    config: { access: 'office' },
    schema: { tags: ['accounts'], summary: 'One current account with its latest 50 entries (office staff)', params: accountParams },
  }, async (req) => readAccount(deps, req.params.id));

  api.post<{ Params: { id: string }; Body: { amount: number; currency: string; reference: string } }>('/admin/accounts/:id/deposits', {
    config: { access: { roles: ['admin', 'formalities'] } },
    schema: {
      tags: ['accounts'], summary: 'Book a bank transfer the office received into a current account (administrator, formalities); a reference is booked once',
      params: accountParams,
      body: {
        type: 'object', required: ['amount', 'currency', 'reference'], additionalProperties: false,
        properties: { ...money, reference: { type: 'string', minLength: 1, maxLength: 200 } },
      },
    },
  }, async (req, reply) => {
    const officer = userOf(req);
    return reply.code(201).send(await recordBankTransfer(deps, officer, req.params.id, req.body.amount, req.body.currency, req.body.reference));
  });
}
