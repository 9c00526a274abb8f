// Routes of the fee schedules the administrator maintains (see fee-schedules.ts).
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor } from '../../app/http.ts';

export async function feeScheduleRoutes(api: FastifyInstance, office: Office) {
  api.get<{ Querystring: { framework?: string } }>('/admin/fees', {
    config: { access: 'office' },
    schema: {
      tags: ['admin'], summary: 'Fee schedules of every right and procedure version: the one in force today and every version, the law\'s and the office\'s (source)',
      querystring: { type: 'object', additionalProperties: false, properties: { framework: { type: 'string', maxLength: 50 } } },
    },
  }, async (req) => {
    const framework = req.query.framework ?? office.config.framework;
    return { framework, officeDate: office.clock.today(), items: office.feeSchedules.list(framework, office.clock.today()) };
  });

  api.post<{ Body: { framework?: string; right: string; effectiveFrom: string; amounts: Record<string, number>; currency?: string; note?: string } }>('/admin/fees', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'], summary: 'Add a fee-schedule version for a right, in force from a date after today: the amounts it names (minor units), the others carried over (administrators)',
      body: {
        type: 'object', required: ['right', 'effectiveFrom', 'amounts'], additionalProperties: false,
        properties: {
          framework: { type: 'string', maxLength: 50 }, right: { type: 'string', minLength: 1, maxLength: 50 },
          effectiveFrom: { type: 'string', maxLength: 10 },
          amounts: { type: 'object', minProperties: 1, maxProperties: 200, additionalProperties: { type: 'integer', minimum: 0, maximum: 1_000_000_000 } },
          currency: { type: 'string', pattern: '^[A-Z]{3}$' }, note: { type: 'string', maxLength: 2000 },
        },
      },
    },
  }, async (req, reply) => {
    const added = await office.feeSchedules.add(office.db, office.clock, requireActor(req), { framework: office.config.framework, ...req.body });
    return reply.code(201).send(added);
  });
}
