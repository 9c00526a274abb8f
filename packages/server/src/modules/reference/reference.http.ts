// Public routes of reference data (no sign-in). The data changes only with a release: clients may cache it.
import type { FastifyInstance } from 'fastify';
import { niceClasses, searchNiceTerms } from './index.ts';

export async function referenceRoutes(api: FastifyInstance) {
  api.get('/reference/nice/classes', {
    config: { access: 'public' },
    schema: { tags: ['reference'], summary: 'The 45 classes of the Nice Classification (12-2024) with their headings', security: [] },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send(niceClasses()));

  api.get<{ Querystring: { q?: string; classNumber?: number; limit?: number } }>('/reference/nice/terms', {
    config: { access: 'public' },
    schema: {
      tags: ['reference'], security: [],
      summary: 'Search the official Nice terms (case-insensitive): exact matches first, then terms starting with the text, then terms with a word starting with it, then the rest',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          q: { type: 'string', maxLength: 200 }, classNumber: { type: 'integer', minimum: 1, maximum: 45 },
          limit: { type: 'integer', minimum: 1, maximum: 100 },
        },
      },
    },
  }, async (req, reply) => reply.header('cache-control', 'public, max-age=3600').send(searchNiceTerms(req.query)));
}
