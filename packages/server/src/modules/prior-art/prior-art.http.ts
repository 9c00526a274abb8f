// Routes of prior-art search: full-text search over the titles, abstracts, claims and descriptions of
// patent and utility-model applications, for anyone (each sees the applications they may see).
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { viewerOf } from '../../app/http.ts';
import { MAX_IPC_FILTERS } from './ipc.ts';
import { MAX_QUERY_LENGTH, MAX_DEPTH, MIN_PREFIX } from './query.ts';
import { searchPatents, SEARCH_LIMIT_MAX, SEARCH_OFFSET_MAX, SEARCHED_RIGHTS, type PatentSearch, type PriorArtDeps } from './index.ts';

const date = { type: 'string', format: 'date', description: 'YYYY-MM-DD' } as const;
const text = { type: 'string' } as const;

export async function priorArtRoutes(api: FastifyInstance, office: Office) {
  // No semantic re-ranking unless a local embedding model is configured (none by default).
  const deps: PriorArtDeps = { db: office.db, reranker: null };

  api.post<{ Body: PatentSearch }>('/search/patents', {
    config: { access: 'public' },
    schema: {
      tags: ['search'],
      summary: 'Prior-art search: full text of patent and utility-model applications (title, abstract, claims, description), with IPC filters',
      description: [
        `The query (at most ${MAX_QUERY_LENGTH} characters): words, all required (AND may be written); "a phrase" (the words next to each other, in order); OR between alternatives;`,
        `-word or NOT word to exclude (a phrase or a group too); parentheses to group (at most ${MAX_DEPTH} deep); word* for words beginning so (at least ${MIN_PREFIX} letters first).`,
        'Words are matched by their stem (English stemming; very common words such as "the" are not indexed). The description is searched as OCR read it from the uploaded document.',
        'Ranked by where the words are found: the title counts most, then the abstract and the claims, then the description; score is in [0, 1).',
        `ipc: symbols or their beginnings (H04L, H04L 9/, H04L 9/32), any of which the application is classified in (at most ${MAX_IPC_FILTERS}). filedFrom/filedTo: the filing date.`,
        `highlights: a passage of each field where words were found, the words between ** and **. The public sees published applications; applicants and agents also their own; office staff all.`,
      ].join(' '),
      body: {
        type: 'object', required: ['query'], additionalProperties: false,
        properties: {
          query: text,
          ipc: { type: 'array', maxItems: MAX_IPC_FILTERS, items: { type: 'string', maxLength: 200 } },
          rights: { type: 'array', minItems: 1, maxItems: SEARCHED_RIGHTS.length, uniqueItems: true, items: { type: 'string', enum: [...SEARCHED_RIGHTS] } },
          filedFrom: date, filedTo: date,
          limit: { type: 'integer', minimum: 1, maximum: SEARCH_LIMIT_MAX, default: 20 },
          offset: { type: 'integer', minimum: 0, maximum: SEARCH_OFFSET_MAX, default: 0 },
        },
      },
      response: {
        200: {
          type: 'object', required: ['hits', 'total'],
          properties: {
            total: { type: 'integer' },
            hits: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  applicationNumber: text, title: { type: ['string', 'null'] }, right: text, status: text, filingDate: { type: ['string', 'null'] },
                  ipc: { type: 'array', items: text }, score: { type: 'number' },
                  highlights: { type: 'object', properties: { title: text, abstract: text, claims: text, description: text } },
                },
              },
            },
          },
        },
      },
    },
  }, async (req) => searchPatents(deps, viewerOf(req), req.body));
}
