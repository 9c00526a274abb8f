// Routes of the image search and of the Vienna Classification the office ships.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { viewerOf } from '../../app/http.ts';
import { imageSearchOf, searchImages, viennaReference, type ImageSearch } from './index.ts';

const list = (item: Record<string, unknown>, max: number) => ({ type: 'array', maxItems: max, items: item }) as const;

export async function imagesRoutes(api: FastifyInstance, office: Office) {
  api.post<{ Querystring: ImageSearch }>('/search/images', {
    config: { access: 'public' },
    schema: {
      tags: ['search'],
      summary: 'Image search: the figurative marks and design views most like the image sent, ranked, one per case, each with why (shape, colour, perceptual hashes, near-duplicate, reversed contrast). The public sees published cases; office staff all',
      description: 'Send the image as the request body with Content-Type image/png or image/jpeg (at most 5 MB and 25 megapixels; the size in pixels is read from the header before any pixel is decoded). Filters in the query: viennaCodes (marks: a category, division or section, e.g. 26.1 or 26.1.1; several comma-separated or repeated), locarnoClasses (designs: 01 to 32), rights (mark, design), limit (1 to 200, default 50), includeDead (also refused, withdrawn and lapsed cases), minScore. Refusals: UNSUPPORTED_MEDIA_TYPE, IMAGE_EMPTY, IMAGE_NOT_AN_IMAGE, IMAGE_TOO_LARGE, IMAGE_DAMAGED, IMAGE_FORMAT_UNSUPPORTED, IMAGE_BLANK, UNKNOWN_VIENNA_CODE, UNKNOWN_LOCARNO_CLASS.',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          viennaCodes: list({ type: 'string', minLength: 1, maxLength: 200 }, 50),
          locarnoClasses: list({ type: 'string', minLength: 1, maxLength: 100 }, 32),
          rights: list({ type: 'string', enum: ['mark', 'design'] }, 2),
          limit: { type: 'integer', minimum: 1, maximum: 200 },
          includeDead: { type: 'boolean' },
          minScore: { type: 'number', minimum: 0, maximum: 1 },
        },
      },
    },
  }, async (req) => searchImages(imageSearchOf(office), viewerOf(req), { bytes: req.body, contentType: String(req.headers['content-type'] ?? '') }, req.query));

  api.get('/reference/vienna', {
    config: { access: 'public' },
    schema: { tags: ['reference'], summary: 'The Vienna Classification of figurative elements as the office ships it: the 29 categories and, where listed, their divisions' },
  }, async (_req, reply) => reply.header('cache-control', 'public, max-age=86400').send(viennaReference()));
}
