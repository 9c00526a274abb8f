// Route of the portfolio (signed-in applicants and agents).
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor } from '../../app/http.ts';
import { listPortfolio } from './index.ts';

export async function portfolioRoutes(api: FastifyInstance, office: Office) {
  api.get<{ Querystring: { right?: string; q?: string; limit?: number; offset?: number } }>('/portfolio', {
    config: { access: { roles: ['applicant', 'agent'] } },
    schema: {
      tags: ['portfolio'], summary: "The cases the signed-in applicant's or agent's party takes part in, the nearest open time limit first",
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          right: { type: 'string', maxLength: 50 }, q: { type: 'string', maxLength: 500 },
          limit: { type: 'integer', minimum: 1, maximum: 1000 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
        },
      },
    },
  }, async (req) => listPortfolio(office.cases, requireActor(req), req.query));
}
