// Routes of the cases module: validate, authenticate, call one use case, return its DTO.
import type { FastifyInstance } from 'fastify';
import { paymentSchema } from '@registrum/procedures/common/standard.ts';
import type { Office } from '../../app/office.ts';
import { requireActor, viewerOf } from '../../app/http.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { bytesAre, dispositionOf, UPLOAD_TYPES, UPLOAD_LIMITS } from './media.ts';
import { inspectUpload } from './inspect.ts';
import { assignCase, BULK_MAX_CASES, bulkAct, documentFor, fileApplication, listActs, listCases, loadVisibleCase, performAct, readCase, worklist } from './index.ts';
import type { ListQuery } from './use-cases/list-cases.ts';

const caseParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } } as const;
const listQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    state: { type: 'string', maxLength: 500 }, right: { type: 'string', maxLength: 50 }, q: { type: 'string', maxLength: 500 },
    limit: { type: 'integer', minimum: 1, maximum: 200 }, offset: { type: 'integer', minimum: 0, maximum: 1_000_000 }, mine: { type: 'boolean' },
  },
} as const;
const registerQuery = {
  ...listQuery,
  properties: {
    ...listQuery.properties,
    holder: { type: 'string', maxLength: 200 }, classNumber: { type: 'integer', minimum: 1, maximum: 45 }, number: { type: 'string', maxLength: 100 },
  },
} as const;


export async function casesRoutes(api: FastifyInstance, office: Office) {
  const deps = office.cases;

  api.post<{ Body: { right: string; framework?: string; act?: string; payload: Record<string, any>; payment?: any }; Headers: { 'idempotency-key'?: string } }>('/cases', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['cases'], summary: 'File a case of any right (by its filing act, or another initial act such as national-phase entry); send an Idempotency-Key header so a retry never files twice',
      headers: { type: 'object', properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200 } } },
      body: {
        type: 'object', required: ['right', 'payload'], additionalProperties: false,
        properties: { right: { type: 'string', maxLength: 50 }, framework: { type: 'string', maxLength: 50 }, act: { type: 'string', maxLength: 80 }, payload: { type: 'object' }, payment: paymentSchema },
      },
    },
  }, async (req, reply) => {
    const res = await fileApplication(deps, requireActor(req), { ...req.body, idempotencyKey: req.headers['idempotency-key'] });
    if (res.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(res.status).send(res.body);
  });

  api.get<{ Querystring: ListQuery }>('/cases', {
    config: { access: 'public' },
    schema: {
      tags: ['cases'],
      summary: 'List or search the cases the caller may see (the public: published cases only): q = title (any script, any case) or number, holder = holder\'s or applicant\'s name contains, classNumber = Nice class, number = number or its beginning',
      querystring: registerQuery,
    },
  }, async (req) => listCases(deps, viewerOf(req), req.query));

  api.get<{ Querystring: ListQuery }>('/worklist', {
    config: { access: 'office' },
    schema: {
      tags: ['cases'], querystring: listQuery,
      summary: "The signed-in officer's worklist: cases awaiting an act of their role, with counts per state and who took each; filters state, right, q (title or number), mine",
    },
  }, async (req) => {
    requireActor(req);
    const { state, right, q, limit, offset, mine } = req.query;
    return worklist(deps, viewerOf(req), { state, right, q, limit, offset, mine });
  });

  api.post<{ Body: { act: string; cases: string[]; payload?: Record<string, any> } }>('/bulk/acts', {
    config: { access: 'office' },
    schema: {
      tags: ['cases'],
      summary: `Perform one act on up to ${BULK_MAX_CASES} cases (ids or numbers), each in its own transaction: a refused case is reported and leaves the others unaffected (office staff)`,
      body: {
        type: 'object', required: ['act', 'cases'], additionalProperties: false,
        properties: {
          act: { type: 'string', minLength: 1, maxLength: 100 },
          cases: { type: 'array', minItems: 1, maxItems: BULK_MAX_CASES, items: { type: 'string', minLength: 1, maxLength: 100 } },
          payload: { type: 'object' },
        },
      },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return bulkAct(deps, actor, viewerOf(req), req.body.act, req.body.cases, req.body.payload ?? {},
      (err, ref) => req.log.error({ err, case: ref }, 'bulk act failed unexpectedly'));
  });

  api.get<{ Params: { id: string }; Querystring: { asOf?: string } }>('/cases/:id', {
    config: { access: { case: 'id' } },
    schema: {
      tags: ['cases'], summary: 'A case by id or number; with asOf=YYYY-MM-DD, as it stood at the end of that office date',
      params: caseParams, querystring: { type: 'object', additionalProperties: false, properties: { asOf: { type: 'string', maxLength: 20 } } },
    },
  }, async (req) => readCase(deps, viewerOf(req), req.params.id, req.query.asOf));

  api.get<{ Params: { id: string } }>('/cases/:id/acts', {
    config: { access: { case: 'id' } },
    schema: { tags: ['cases'], summary: 'The journal of a case: every act, who, when, legal basis and hash', params: caseParams },
  }, async (req) => ({ items: await listActs(deps, viewerOf(req), req.params.id) }));

  api.get<{ Params: { id: string } }>('/cases/:id/time-limits', {
    config: { access: { case: 'id' } },
    schema: { tags: ['cases'], summary: 'Open time limits of a case with days left', params: caseParams },
  }, async (req) => ({ items: (await readCase(deps, viewerOf(req), req.params.id)).timeLimits }));

  api.post<{ Params: { id: string; act: string }; Body: { payload?: Record<string, any>; payment?: any } }>('/cases/:id/acts/:act', {
    config: { access: { case: 'id', signedIn: true } },
    schema: {
      tags: ['cases'], summary: 'Perform an act on a case (see the case\'s availableActs); refused acts leave the case unchanged',
      params: { type: 'object', required: ['id', 'act'], properties: { id: { type: 'string', maxLength: 100 }, act: { type: 'string', maxLength: 100 } } },
      body: { type: 'object', additionalProperties: false, properties: { payload: { type: 'object' }, payment: paymentSchema } },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await loadVisibleCase(deps, viewerOf(req), req.params.id); // a case the caller may not see is "not found" here too
    const res = await performAct(deps, actor, req.params.id, req.params.act, req.body?.payload ?? {}, req.body?.payment);
    return reply.code(201).send(res);
  });

  api.post<{ Params: { id: string }; Body: { toMe: boolean } }>('/cases/:id/assignment', {
    config: { access: 'office' },
    schema: {
      tags: ['cases'], summary: 'Assign a case to the signed-in officer, or release it', params: caseParams,
      body: { type: 'object', required: ['toMe'], additionalProperties: false, properties: { toMe: { type: 'boolean' } } },
    },
  }, async (req) => assignCase(deps, viewerOf(req), req.params.id, req.body.toMe));

  // Mark images: uploaded first, then referenced by hash in the filing. Type checked by content.
  for (const type of UPLOAD_TYPES) {
    api.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMITS[type] }, (_req, body, done) => done(null, body));
  }
  api.post('/uploads', {
    config: { access: 'signed-in' },
    schema: { tags: ['cases'], summary: 'Upload a document a filing or an act refers to; returns its reference',
      description: 'The type is judged from the bytes and must match the Content-Type sent: image/png and image/jpeg up to 5 MB, image/tiff up to 30 MB, application/pdf up to 20 MB (no JavaScript, launch actions, embedded files or rich media: PDF_ACTIVE_CONTENT; damaged: PDF_MALFORMED), application/xml up to 10 MB (well-formed, no DOCTYPE), Word DOCX up to 10 MB (no macros). Which types an act takes is said by the act.' },
  }, async (req, reply) => {
    requireActor(req);
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim();
    const body = req.body as Buffer;
    if (!UPLOAD_TYPES.includes(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Upload a PNG, JPEG or TIFF image, a PDF, an XML or a Word (DOCX) document', 415, { accept: UPLOAD_TYPES });
    if (!Buffer.isBuffer(body)) throw invalid('CONTENT_TYPE_MISMATCH', `The file is not ${type}`);
    // The reference returned is what a payload names the document by (its pages are counted when it is filed).
    const { mediaType } = inspectUpload(type, body);
    const stored = await office.storage.put(body);
    return reply.code(201).send({ ...stored, mediaType });
  });

  api.get<{ Params: { sha: string } }>('/documents/:sha', {
    config: { access: { document: 'sha' } },
    schema: { tags: ['cases'], summary: 'Download a document or mark image of a case you may see, by its SHA-256', params: { type: 'object', properties: { sha: { type: 'string', pattern: '^[0-9a-f]{64}$' } } } },
  }, async (req, reply) => {
    const doc = await documentFor(deps, viewerOf(req), req.params.sha);
    const data = doc ? await office.storage.get(req.params.sha) : null;
    if (!doc || !data) throw new DomainError('DOCUMENT_NOT_FOUND', 'No such document', 404);
    // Never a type the bytes do not bear out: the filer names the type of a mark image (text/html would run as our page).
    const claimed = doc.mediaType.split(';')[0].trim();
    const type = bytesAre(claimed, data) || claimed === 'text/plain' ? doc.mediaType : 'application/octet-stream';
    return reply.type(type).header('content-disposition', dispositionOf(type, req.params.sha)).header('cache-control', 'private, max-age=3600').send(data);
  });
}
