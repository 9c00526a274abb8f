// GET /api/v1/admin/audit: the audit trail, for administrators.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { AUDIT_KINDS } from './audit.repository.ts';
import { listAuditEvents, type AuditQuery } from './use-cases/list-events.ts';

export async function auditRoutes(api: FastifyInstance, office: Office) {
  api.get<{ Querystring: AuditQuery }>('/admin/audit', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'],
      summary: 'The audit trail, newest first: staff reads of unpublished cases and documents, administrative changes (secrets removed) and refused attempts at them, each with who, when, the request and its place in the hash chain (seq, hash; null until the worker chains it)',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          user: { type: 'string', format: 'uuid', description: 'an account id' },
          case: { type: 'string', minLength: 1, maxLength: 100, description: 'a case id or number: events about it and lists that showed it' },
          kind: { type: 'string', enum: [...AUDIT_KINDS] },
          from: { type: 'string', format: 'date', description: 'first office date' },
          to: { type: 'string', format: 'date', description: 'last office date' },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
        },
      },
    },
  }, async (req) => listAuditEvents(office.db, req.query));
}
