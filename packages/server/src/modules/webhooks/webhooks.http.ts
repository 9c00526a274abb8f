// Routes of webhooks: a subscriber manages its own subscriptions and reads their deliveries; the
// administrator registers subscribers of the published register and sees all subscriptions.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor } from '../../app/http.ts';
import { DomainError } from '../../kernel/errors.ts';
import {
  BACKOFF_SECONDS, EVENT_NAMES, MAX_ATTEMPTS, MAX_SUBSCRIPTIONS, createSubscription, deleteSubscription, listDeliveries, listEvents, listSubscriptions,
  ping, readSubscription, renewSecret, updateSubscription, type Subscriber, type WebhooksDeps,
} from './index.ts';

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64 } } } as const;
const url = { type: 'string', minLength: 8, maxLength: 2000, description: 'https:// in production; http:// also in demo mode' } as const;
const events = { type: 'array', minItems: 1, maxItems: EVENT_NAMES.length, items: { type: 'string', enum: EVENT_NAMES } } as const;
const SIGNING = 'Each delivery is a POST with a JSON body and the headers x-registrum-event, x-registrum-delivery (id, the same on retries), '
  + 'x-registrum-timestamp (Unix seconds) and x-registrum-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>. '
  + `A delivery not answered 2xx is retried after ${BACKOFF_SECONDS.map((s) => (s < 3600 ? `${s / 60} min` : `${s / 3600} h`)).join(', ')}; at most ${MAX_ATTEMPTS} attempts.`;

function subscriber(req: FastifyRequest): Subscriber {
  const actor = requireActor(req);
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in first', 401);
  return { userId: actor.id, role: actor.role, partyId: actor.partyId };
}

export async function webhooksRoutes(api: FastifyInstance, office: Office) {
  const deps: WebhooksDeps = { db: office.db, clock: office.clock, production: office.config.mode === 'production' };

  api.get('/webhooks/events', {
    config: { access: 'public' },
    schema: { tags: ['webhooks'], summary: 'The events a subscription can ask for', description: SIGNING },
  }, async () => listEvents());

  api.get('/webhooks', {
    config: { access: { roles: ['applicant', 'agent', 'admin'] } },
    schema: { tags: ['webhooks'], summary: 'Your webhook subscriptions (the administrator: all of them), with counts of pending and failed deliveries' },
  }, async (req) => listSubscriptions(deps, subscriber(req)));

  api.post<{ Body: { url: string; events: string[]; scope?: 'own' | 'public'; description?: string } }>('/webhooks', {
    config: { access: { roles: ['applicant', 'agent', 'admin'] } },
    schema: {
      tags: ['webhooks'],
      summary: `Subscribe a URL to events (applicant or agent: the cases your party takes part in; administrator: the published register). The response carries the secret, shown only this once. At most ${MAX_SUBSCRIPTIONS} per account.`,
      description: SIGNING,
      body: {
        type: 'object', required: ['url', 'events'], additionalProperties: false,
        properties: { url, events, scope: { type: 'string', enum: ['own', 'public'] }, description: { type: 'string', maxLength: 500 } },
      },
    },
  }, async (req, reply) => reply.code(201).send(await createSubscription(deps, subscriber(req), req.body)));

  api.get<{ Params: { id: string } }>('/webhooks/:id', {
    config: { access: { owner: 'webhook', alsoRoles: ['admin'] } },
    schema: { tags: ['webhooks'], summary: 'A webhook subscription (never its secret)', params: idParams },
  }, async (req) => readSubscription(deps, subscriber(req), req.params.id));

  api.patch<{ Params: { id: string }; Body: { url?: string; events?: string[]; description?: string | null; active?: boolean } }>('/webhooks/:id', {
    config: { access: { owner: 'webhook', alsoRoles: ['admin'] } },
    schema: {
      tags: ['webhooks'], summary: 'Change a subscription: its URL, events, description, or pause it (active: false; pending deliveries wait)', params: idParams,
      body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { url, events, description: { type: ['string', 'null'], maxLength: 500 }, active: { type: 'boolean' } } },
    },
  }, async (req) => updateSubscription(deps, subscriber(req), req.params.id, req.body));

  api.delete<{ Params: { id: string } }>('/webhooks/:id', {
    config: { access: { owner: 'webhook', alsoRoles: ['admin'] } },
    schema: { tags: ['webhooks'], summary: 'Delete a subscription and its deliveries', params: idParams },
  }, async (req, reply) => {
    await deleteSubscription(deps, subscriber(req), req.params.id);
    return reply.code(204).send();
  });

  api.post<{ Params: { id: string } }>('/webhooks/:id/secret', {
    config: { access: { owner: 'webhook', alsoRoles: ['admin'] } },
    schema: { tags: ['webhooks'], summary: 'Replace the secret; the new one is in the response, shown only this once', params: idParams },
  }, async (req) => renewSecret(deps, subscriber(req), req.params.id));

  api.post<{ Params: { id: string } }>('/webhooks/:id/ping', {
    config: { access: { owner: 'webhook', alsoRoles: ['admin'] } },
    schema: { tags: ['webhooks'], summary: "Send a test delivery (event 'ping') with the worker's next pass", params: idParams },
  }, async (req, reply) => reply.code(202).send(await ping(deps, subscriber(req), req.params.id)));

  api.get<{ Params: { id: string }; Querystring: { status?: string; limit?: number; offset?: number } }>('/webhooks/:id/deliveries', {
    config: { access: { owner: 'webhook', alsoRoles: ['admin'] } },
    schema: {
      tags: ['webhooks'], summary: 'Deliveries of a subscription, newest first, each with its body and every attempt (time, status code, error, duration)', params: idParams,
      querystring: { type: 'object', additionalProperties: false, properties: { status: { type: 'string', enum: ['pending', 'delivered', 'failed'] }, limit: { type: 'integer', minimum: 1, maximum: 200 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000 } } },
    },
  }, async (req) => listDeliveries(deps, subscriber(req), req.params.id, req.query));
}
