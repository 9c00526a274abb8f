// Routes of the similar-mark search and of watches on marks.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor, viewerOf } from '../../app/http.ts';
import type { Actor } from '../../kernel/actor.ts';
import { createWatch, endWatch, listWatches, readWatch, searchTrademarks, type NewWatch, type TrademarkSearch } from './index.ts';

const userActor = (req: Parameters<typeof requireActor>[0]) => requireActor(req) as Actor & { kind: 'user' };

const niceClasses = { type: 'array', maxItems: 45, items: { type: 'integer', minimum: 1, maximum: 45 } } as const;

export async function searchRoutes(api: FastifyInstance, office: Office) {
  api.post<{ Body: TrademarkSearch }>('/search/trademarks', {
    config: { access: 'public' },
    schema: {
      tags: ['search'],
      summary: 'Similar-mark search: the word marks most likely to be confused with the text for its Nice classes, ranked, each with why (spelling, sound, dominant element, meaning, transliteration; identical class above related above unrelated). The public sees published marks; office staff all',
      body: {
        type: 'object', required: ['text'], additionalProperties: false,
        properties: {
          text: { type: 'string', minLength: 1, maxLength: 500 },
          niceClasses,
          limit: { type: 'integer', minimum: 1, maximum: 200 },
          includeDead: { type: 'boolean' },
          statuses: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 80 } },
          minScore: { type: 'number', minimum: 0, maximum: 1 },
        },
      },
    },
  }, async (req) => searchTrademarks(office.search, viewerOf(req), req.body));

  api.post<{ Body: NewWatch }>('/watches', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['search'],
      summary: 'Watch a mark: every trademark published from now on that scores at least the threshold against it (for its classes) is recorded and the watcher notified in the portal. Default threshold 0.75',
      body: {
        type: 'object', required: ['markText'], additionalProperties: false,
        properties: {
          markText: { type: 'string', minLength: 1, maxLength: 500 }, niceClasses,
          threshold: { type: 'number', minimum: 0.3, maximum: 1 }, label: { type: 'string', maxLength: 200 },
        },
      },
    },
  }, async (req, reply) => reply.code(201).send(await createWatch(office.search, userActor(req), req.body)));

  api.get('/watches', {
    config: { access: 'signed-in' },
    schema: { tags: ['search'], summary: 'Your active watches, with how many published marks each found' },
  }, async (req) => listWatches(office.search, userActor(req)));

  api.get<{ Params: { id: string } }>('/watches/:id', {
    config: { access: { owner: 'watch' } },
    schema: { tags: ['search'], summary: 'One of your watches and the published marks it found, with the reasons', params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } },
  }, async (req) => readWatch(office.search, userActor(req), req.params.id));

  api.delete<{ Params: { id: string } }>('/watches/:id', {
    config: { access: { owner: 'watch' } },
    schema: { tags: ['search'], summary: 'End one of your watches (what it found stays recorded)', params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } } } },
  }, async (req, reply) => { await endWatch(office.search, userActor(req), req.params.id); return reply.code(204).send(); });
}
