// Routes of data protection: what a case holds of each person and whether the law lets it be erased,
// the erasure itself (a redaction act), and the subject access export of a party or an account. For
// registrars and administrators (the office's data protection work).
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor } from '../../app/http.ts';
import type { Access } from '../../app/policy.ts';
import { DomainError } from '../../kernel/errors.ts';
import { ERASABLE_FIELDS, exportPerson, findPeople, personalDataOfCase, redactPersonalData, type ErasableField, type PrivacyDeps } from './index.ts';

const STAFF: Access = { roles: ['registrar', 'admin'] };
const caseParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

export async function privacyRoutes(api: FastifyInstance, office: Office) {
  const deps: PrivacyDeps = { db: office.db, engine: office.engine, clock: office.clock };

  api.get<{ Params: { id: string } }>('/cases/:id/personal-data', {
    config: { access: STAFF },
    schema: {
      tags: ['data protection'], params: caseParams,
      summary: 'The persons a case names (taking part now, or before), and for each of their particulars whether the law lets the office erase it now, and if not, why (a stable code)',
    },
  }, async (req) => personalDataOfCase(deps, req.params.id));

  api.post<{ Params: { id: string }; Body: { targets: { party: string; fields: ErasableField[] }[]; reason: string } }>('/cases/:id/redactions', {
    config: { access: STAFF },
    schema: {
      tags: ['data protection'], params: caseParams,
      summary: 'Erase personal data of parties from a case where the law allows it: the values become "[redacted]" in every act that names them, in the case data and in the party, and a redaction act is journaled with the paths erased and the hashes journal verify checks the rewritten acts against',
      body: {
        type: 'object', required: ['targets', 'reason'], additionalProperties: false,
        properties: {
          targets: {
            type: 'array', minItems: 1, maxItems: 50,
            items: {
              type: 'object', required: ['party', 'fields'], additionalProperties: false,
              properties: {
                party: { type: 'string', format: 'uuid' },
                fields: { type: 'array', minItems: 1, maxItems: ERASABLE_FIELDS.length, uniqueItems: true, items: { type: 'string', enum: ERASABLE_FIELDS } },
              },
            },
          },
          reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'why (the request, its date): recorded in the redaction act' },
        },
      },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in first', 401);
    return reply.code(201).send(await redactPersonalData(deps, actor, req.params.id, req.body));
  });

  api.get<{ Querystring: { q: string } }>('/admin/people', {
    config: { access: STAFF },
    schema: {
      tags: ['data protection'], summary: 'Find a data subject: parties and accounts whose name, user name or e-mail address contains the text',
      querystring: { type: 'object', required: ['q'], additionalProperties: false, properties: { q: { type: 'string', minLength: 2, maxLength: 200 } } },
    },
  }, async (req) => findPeople(deps, req.query.q));

  for (const kind of ['party', 'user'] as const) {
    api.get<{ Params: { id: string } }>(`/admin/people/${kind === 'party' ? 'parties' : 'users'}/:id`, {
      config: { access: STAFF },
      schema: {
        tags: ['data protection'], params: idParams,
        summary: `Subject access: everything the office holds about ${kind === 'party' ? 'a party (with its accounts)' : 'an account (with its party)'}, as JSON; every export is logged`,
      },
    }, async (req, reply) => {
      const staff = requireActor(req);
      if (staff.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in first', 401);
      const out = await exportPerson(deps, staff, { kind, id: req.params.id });
      return reply.header('content-disposition', `attachment; filename="subject-access-${kind}-${req.params.id.slice(0, 36)}.json"`).send(out);
    });
  }
}
