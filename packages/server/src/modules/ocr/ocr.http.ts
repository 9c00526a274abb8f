// Routes of OCR: the text read from a document of a case (whoever may see the document), and the
// office's full-text search over all of it.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { viewerOf } from '../../app/http.ts';
import { documentText, searchTexts, SEARCH_MAX } from './index.ts';

const page = {
  type: 'object',
  properties: { page: { type: 'integer' }, confidence: { type: ['number', 'null'] }, chars: { type: 'integer' }, note: { type: ['string', 'null'] } },
} as const;

export async function ocrRoutes(api: FastifyInstance, office: Office) {
  const deps = { ...office.cases, ocrEnabled: office.config.ocr.enabled };

  api.get<{ Params: { id: string; sha256: string } }>('/cases/:id/documents/:sha256/text', {
    config: { access: { case: 'id' } },
    schema: {
      tags: ['cases'],
      summary: 'The text read by OCR from a scanned document (PDF or image) of a case, with its confidence (0-100) overall and per page',
      description: 'status: pending (not read yet), done, failed (given up after several attempts), not-needed (a PDF with no page images, or not a scan), unsupported (a form of image that is not read: note says which), disabled (OCR is switched off). Parties and office staff may read the text of any document of the case; anyone else that of the documents the register publishes of a published case.',
      params: { type: 'object', required: ['id', 'sha256'], properties: { id: { type: 'string', maxLength: 100 }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } } },
      response: {
        200: {
          type: 'object',
          properties: {
            sha256: { type: 'string' }, status: { type: 'string' }, text: { type: ['string', 'null'] }, confidence: { type: ['number', 'null'] },
            pages: { type: 'array', items: page }, languages: { type: ['string', 'null'] }, engine: { type: ['string', 'null'] },
            note: { type: ['string', 'null'] }, readAt: { type: ['string', 'null'] }, error: { type: ['string', 'null'] }, attempts: { type: 'integer' },
          },
        },
      },
    },
  }, async (req) => documentText(deps, viewerOf(req), req.params.id, req.params.sha256));

  api.get<{ Querystring: { q: string; limit?: number } }>('/documents/search', {
    config: { access: 'office' },
    schema: {
      tags: ['cases'],
      summary: 'Full-text search over the text read from scanned documents (office staff)',
      description: `Words are matched as written (no stemming, any language); "a phrase" in quotes, or, -word. Best matches first, each with its case, the document and a passage with the words found between ** and **. At most ${SEARCH_MAX}.`,
      querystring: {
        type: 'object', required: ['q'], additionalProperties: false,
        properties: { q: { type: 'string', minLength: 1, maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: SEARCH_MAX, default: 20 } },
      },
    },
  }, async (req) => {
    return searchTexts(office.db, req.query.q, req.query.limit);
  });
}
