// Route of fee quotes: public for a filing; for an act on a case, the caller must be able to see the case.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { viewerOf } from '../../app/http.ts';
import { quoteFees, type QuoteInput } from './index.ts';

export async function feesRoutes(api: FastifyInstance, office: Office) {
  const deps = office.cases;
  api.post<{ Body: QuoteInput }>('/fees/quote', {
    config: { access: 'public' },
    schema: {
      tags: ['fees'], security: [],
      summary: 'Quote the fees of a filing ({ right, framework?, act?, payload }) or of an act on a case ({ caseId, act, payload }) as today\'s fee schedule charges them; an unfinished payload gives a partial quote',
      body: {
        type: 'object', additionalProperties: false,
        anyOf: [{ required: ['right'] }, { required: ['caseId', 'act'] }],
        properties: {
          right: { type: 'string', maxLength: 50 }, framework: { type: 'string', maxLength: 50 }, act: { type: 'string', maxLength: 100 },
          caseId: { type: 'string', minLength: 1, maxLength: 100 }, payload: { type: 'object' },
        },
      },
    },
  }, async (req) => quoteFees(deps, viewerOf(req), req.body));
}
