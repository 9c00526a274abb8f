// POST /api/v1/imports/st96: an ST.96 document in the body (application/xml), taken over record by
// record; the answer is the report. For the office's registrars and administrators.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor } from '../../app/http.ts';
import { DomainError } from '../../kernel/errors.ts';
import { importXml } from './use-cases/import-xml.ts';
import { stringText } from './xml.ts';

/** The largest document a request may carry; larger registers are imported with `registrum import`. */
export const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;

const outcome = {
  type: 'object',
  properties: {
    file: { type: 'string' }, position: { type: 'integer' }, outcome: { type: 'string', enum: ['created', 'updated', 'unchanged', 'rejected'] },
    right: { type: 'string' }, source: { type: 'string' }, sourceId: { type: 'string' }, caseId: { type: 'string' }, number: { type: 'string' },
    code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object', additionalProperties: true },
  },
} as const;

export async function importsRoutes(api: FastifyInstance, office: Office) {
  // The document is read as text, up to this route's own limit: in this scope the XML body parser is its own.
  await api.register(async (scope) => {
    for (const type of ['application/xml', 'text/xml']) if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
    scope.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    scope.post<{ Body: string; Querystring: { name?: string } }>('/imports/st96', {
      config: { access: { roles: ['registrar', 'admin'] } },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        summary: 'Take over the records of an ST.96 document (trademarks, designs, GIs, patents) from a previous register: each record created, updated or unchanged, or refused with its reason (registrars, administrators)',
        consumes: ['application/xml', 'text/xml'],
        querystring: { type: 'object', additionalProperties: false, properties: { name: { type: 'string', maxLength: 200 } } },
        response: {
          200: {
            type: 'object',
            properties: {
              runId: { type: 'string' }, format: { type: 'string' }, seconds: { type: 'number' },
              counts: { type: 'object', properties: { created: { type: 'integer' }, updated: { type: 'integer' }, unchanged: { type: 'integer' }, rejected: { type: 'integer' } } },
              files: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, records: { type: 'integer' } } } },
              records: { type: 'array', items: outcome },
            },
          },
        },
      },
    }, async (req) => {
      if (typeof req.body !== 'string') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the ST.96 document itself, as application/xml', 415);
      const body = req.body;
      const name = req.query.name ?? 'request';
      const report = await importXml(
        { db: office.db, engine: office.engine, clock: office.clock, storage: office.storage, framework: office.config.framework },
        requireActor(req), 'st96', [{ name, text: () => stringText(body) }],
        { keep: 'all', name, limits: { maxBytes: IMPORT_BODY_LIMIT } },
      );
      // A document refused as a whole (hostile, malformed, with no record) is a problem of its own.
      const refused = report.files.find((f) => f.error)?.error;
      if (refused) throw new DomainError(refused.code, refused.message, 422, { ...(refused.details ?? {}), runId: report.runId });
      return report;
    });
  });
}
