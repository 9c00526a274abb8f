// Public routes of classification help (no sign-in; counted by the API's rate limits like every route).
import type { FastifyInstance } from 'fastify';
import { IPC_TEXT_MAX, MAX_SUGGESTIONS, NICE_TEXT_MAX, DEFAULT_SUGGESTIONS } from './input.ts';
import { niceSuggester, suggestNiceClasses, type NiceSuggestRequest } from './use-cases/suggest-nice.ts';
import { suggestIpcSubclasses, type IpcSuggestRequest } from './use-cases/suggest-ipc.ts';

const limit = { type: 'integer', minimum: 1, maximum: MAX_SUGGESTIONS, description: `How many suggestions at most (default ${DEFAULT_SUGGESTIONS})` } as const;
const symbolTitle = { type: 'object', properties: { symbol: { type: 'string' }, title: { type: 'string' } } } as const;

export async function classifyRoutes(api: FastifyInstance, _office?: unknown) {
  api.post<{ Body: NiceSuggestRequest }>('/classification/nice/suggest', {
    config: { access: 'public' },
    schema: {
      tags: ['classification'], security: [],
      summary: 'Nice classes likely for a description of goods or services in the applicant\'s own words (paraphrases too), best first, each with the closest official terms of the Nice 12-2024 list to use instead',
      description: `The text has at most ${NICE_TEXT_MAX} characters (else 422 CLASSIFY_TEXT_TOO_LONG) and some letters or digits (else 422 CLASSIFY_TEXT_EMPTY). `
        + `A language without a lexicon is answered 422 LANGUAGE_NOT_SUPPORTED, with the languages read. The score is the suggestion's share of confidence (0 to 1); a term's score is its closeness to the text against the closest term of all (0 to 1).`,
      body: {
        type: 'object', required: ['text'], additionalProperties: false,
        properties: {
          text: { type: 'string', description: 'What the applicant sells or does, in their own words' },
          language: { type: 'string', minLength: 2, maxLength: 35, default: 'en', description: 'The language of the text (ISO 639-1, e.g. en, fr, es; a region such as fr-CA is read as fr)' },
          limit,
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            suggestions: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  classNumber: { type: 'integer' }, score: { type: 'number' }, kind: { type: 'string', enum: ['goods', 'services'] }, heading: { type: 'string' },
                  terms: { type: 'array', items: { type: 'object', properties: { term: { type: 'string' }, basicNumber: { type: 'string' }, score: { type: 'number' } } } },
                },
              },
            },
          },
        },
      },
    },
  }, async (req) => suggestNiceClasses(req.body));

  api.get('/classification/nice/languages', {
    config: { access: 'public' },
    schema: { tags: ['classification'], security: [], summary: 'The languages a description of goods or services may be written in for Nice suggestions' },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send({ languages: niceSuggester().languages() }));

  api.post<{ Body: IpcSuggestRequest }>('/classification/ipc/suggest', {
    config: { access: 'public' },
    schema: {
      tags: ['classification'], security: [],
      summary: 'IPC subclasses (2022.01) likely for a patent application\'s title and/or abstract, best first',
      description: `The text has at most ${IPC_TEXT_MAX} characters (else 422 CLASSIFY_TEXT_TOO_LONG) and some letters or digits (else 422 CLASSIFY_TEXT_EMPTY); English. `
        + 'Titles are given without their references to other places of the scheme. The score is the suggestion\'s share of confidence (0 to 1).',
      body: {
        type: 'object', required: ['text'], additionalProperties: false,
        properties: { text: { type: 'string', description: 'The title and/or abstract' }, limit },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            suggestions: {
              type: 'array',
              items: { type: 'object', properties: { symbol: { type: 'string' }, score: { type: 'number' }, title: { type: 'string' }, class: symbolTitle, section: symbolTitle } },
            },
          },
        },
      },
    },
  }, async (req) => suggestIpcSubclasses(req.body));
}
