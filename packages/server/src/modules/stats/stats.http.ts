// Routes of the statistics module.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { dashboard } from './index.ts';

export async function statsRoutes(api: FastifyInstance, office: Office) {
  api.get<{ Querystring: { weeks?: number } }>('/stats/dashboard', {
    config: { access: 'office' },
    schema: {
      tags: ['stats'],
      summary: 'Office dashboard: filings per ISO week, backlog of pending cases by state, median days to registration or grant (over the period), time limits due in the next 7 days (office staff)',
      querystring: { type: 'object', additionalProperties: false, properties: { weeks: { type: 'integer', minimum: 1, maximum: 104, default: 12 } } },
    },
  }, async (req) => {
    return dashboard({ db: office.db, clock: office.clock }, { weeks: req.query.weeks });
  });
}
