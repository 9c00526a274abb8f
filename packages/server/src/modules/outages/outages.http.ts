// Routes of the outages module: the declared periods of unavailability (public), declaring one and
// completing its extension (registrars, administrators), and the filings staff enter for it.
import type { FastifyInstance } from 'fastify';
import { paymentSchema } from '@registrum/procedures/common/standard.ts';
import type { Office } from '../../app/office.ts';
import { requireActor, viewerOf } from '../../app/http.ts';
import { isOfficeRoleName } from '../../app/policy.ts';
import { DomainError } from '../../kernel/errors.ts';
import {
  declareOutage, enterFallbackFiling, extendForOutage, FALLBACK_CHANNELS, OUTAGE_CHANNELS, outageDetail, outagesList, outageFilings,
  type DeclareOutageInput, type FallbackFilingInput,
} from './index.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;
const dateTime = { type: 'string', minLength: 16, maxLength: 40 } as const;

export async function outagesRoutes(api: FastifyInstance, office: Office) {
  const deps = office.outages;

  api.get<{ Querystring: { limit?: number } }>('/outages', {
    config: { access: 'public' },
    schema: {
      tags: ['outages'], summary: 'The periods during which the office\'s electronic services were unavailable, latest first, as declared (time limits ending in them run to the next day the office is open and available)',
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500 } } },
    },
  }, async (req) => outagesList(deps, req.query.limit ?? 100));

  api.get<{ Params: { id: string } }>('/outages/:id', {
    config: { access: 'public' },
    schema: { tags: ['outages'], summary: 'One declared outage; office staff also see what its extension did case by case', params: idParams },
  }, async (req) => {
    const viewer = viewerOf(req);
    return outageDetail(deps, req.params.id, !!viewer && isOfficeRoleName(viewer.role));
  });

  api.post<{ Body: DeclareOutageInput }>('/outages', {
    config: { access: { roles: ['registrar', 'admin'] } },
    schema: {
      tags: ['outages'],
      summary: 'Declare a period during which the office\'s electronic services were unavailable (once it is over): it is published, and every time limit of a party ending on one of its days is extended',
      description: 'startsAt and endsAt are the office\'s wall-clock time (2026-03-02T08:30) unless they carry an offset. A declaration is final: it cannot be changed or removed.',
      body: {
        type: 'object', required: ['startsAt', 'endsAt', 'reason', 'channels'], additionalProperties: false,
        properties: {
          startsAt: dateTime, endsAt: dateTime,
          reason: { type: 'string', minLength: 1, maxLength: 2000 },
          channels: { type: 'array', minItems: 1, maxItems: OUTAGE_CHANNELS.length, uniqueItems: true, items: { type: 'string', enum: OUTAGE_CHANNELS } },
        },
      },
    },
  }, async (req, reply) => {
    const res = await declareOutage(deps, requireActor(req), req.body);
    return reply.code(201).send(await outageDetail(deps, res.outage.id, true, res.extension));
  });

  api.post<{ Params: { id: string } }>('/outages/:id/extension', {
    config: { access: { roles: ['registrar', 'admin'] } },
    schema: {
      tags: ['outages'], params: idParams,
      summary: 'Run the extension for a declared outage again (after an interruption of its run): only what is missing is done',
    },
  }, async (req) => {
    requireActor(req);
    const report = await extendForOutage(deps, req.params.id);
    return outageDetail(deps, req.params.id, true, report);
  });

  api.get<{ Params: { id: string } }>('/outages/:id/filings', {
    config: { access: 'office' },
    schema: { tags: ['outages'], params: idParams, summary: 'The filings entered for an outage, received through a fallback channel (office staff)' },
  }, async (req) => ({ items: await outageFilings(deps, req.params.id) }));

  api.post<{ Params: { id: string }; Body: Omit<FallbackFilingInput, 'idempotencyKey'>; Headers: { 'idempotency-key'?: string } }>('/outages/:id/filings', {
    config: { access: { roles: ['formalities', 'registrar', 'admin'] } },
    schema: {
      tags: ['outages'], params: idParams,
      summary: 'Enter a filing received through a fallback channel during the outage, with its date of receipt as its date and the filing as received as evidence (office staff); send an Idempotency-Key header so a retry never files twice',
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } } },
      body: {
        type: 'object', required: ['receivedOn', 'channel', 'right', 'payload', 'evidence'], additionalProperties: false,
        properties: {
          receivedOn: { type: 'string', maxLength: 10 },
          channel: { type: 'string', enum: FALLBACK_CHANNELS },
          right: { type: 'string', maxLength: 50 }, framework: { type: 'string', maxLength: 50 }, act: { type: 'string', maxLength: 80 },
          payload: { type: 'object' },
          evidence: { type: 'object', required: ['sha256'], additionalProperties: false, properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
          filer: { type: 'string', minLength: 1, maxLength: 200 },
          payment: paymentSchema,
        },
      },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (req.body.payment?.method === 'current-account') {
      throw new DomainError('PAYMENT_METHOD_NOT_ACCEPTED', 'A filing entered by the office is not paid from a current account here: record the payment received, or let the fees fall due', 422, { method: 'current-account' });
    }
    const res = await enterFallbackFiling(deps, actor, req.params.id, { ...req.body, idempotencyKey: req.headers['idempotency-key'] });
    if (res.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(res.status).send(res.body);
  });
}
