// The change feed's route: public, paged by cursor.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { changesSince, FEED_MAX_LIMIT } from './index.ts';

export async function changesRoutes(api: FastifyInstance, office: Office) {
  api.get<{ Querystring: { since?: string; limit?: number; right?: string; event?: string } }>('/changes', {
    config: { access: 'public' },
    schema: {
      tags: ['open data'],
      summary: 'What changed in the public register since a cursor: acts of public cases (from their publication on) in the order the journal sealed them, each with its legal-status event and links to the case and its ST.96 export; pass `next` as `since` for the following page',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          since: { type: 'string', maxLength: 40, description: "the 'next' cursor of a previous page; absent: from the beginning" },
          limit: { type: 'integer', minimum: 1, maximum: FEED_MAX_LIMIT },
          right: { type: 'string', enum: ['trademark', 'design', 'patent', 'utility-model', 'gi', 'trademark-opposition'] },
          event: { type: 'string', maxLength: 80, description: "an event category or detailed code, e.g. 'Application published', 'F10', 'Q12'" },
        },
      },
    },
  }, async (req) => changesSince(office.db.reader(false), req.query, office.config.publicUrl ?? '')); // the read replica's, when there is one: lagging by a moment only shortens the page
}
