// Routes of notifications: what a case's parties were told, and how (the signed-in user's own inbox is /inbox).
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor, viewerOf } from '../../app/http.ts';
import { MAIL_BACKOFF_SECONDS, MAIL_MAX_ATTEMPTS, caseNotifications } from './index.ts';

const RETRIES = `Mail not accepted is tried again after ${MAIL_BACKOFF_SECONDS.map((s) => (s < 3600 ? `${s / 60} min` : `${s / 3600} h`)).join(', ')}; at most ${MAIL_MAX_ATTEMPTS} attempts, then it is marked failed.`;

export async function notificationsRoutes(api: FastifyInstance, office: Office) {
  api.get<{ Params: { id: string }; Querystring: { limit?: number } }>('/cases/:id/notifications', {
    config: { access: { case: 'id', signedIn: true } },
    schema: {
      tags: ['cases'],
      summary: "What the case's parties were told: notices in the portal, mails (recipient, subject, status, every attempt) and reminders of time limits (office staff and the case's parties)",
      description: RETRIES,
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } },
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 500 } } },
    },
  }, async (req) => {
    requireActor(req);
    return caseNotifications({ db: office.db, cases: office.cases }, viewerOf(req), req.params.id, req.query.limit ?? 200);
  });
}
