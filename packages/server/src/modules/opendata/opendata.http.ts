// Routes of open data: what is offered, the register dumps and their files; the administrator asks for a new dump.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { userOf } from '../../app/http.ts';
import { dumpFile, listDumps, openDataIndex, readDump, requestDump, sendStoredFile } from './index.ts';

const paging = { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 100 }, offset: { type: 'integer', minimum: 0, maximum: 100000 } } } as const;
const dumpParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 64, description: "a dump's id, or 'latest'" } } } as const;

export async function openDataRoutes(api: FastifyInstance, office: Office) {
  const { config } = office;
  // What is published for reuse may be read from the read replica (office.db.reader(false)): it may lag by a moment.

  api.get<{ Querystring: { limit?: number; offset?: number } }>('/open-data', {
    config: { access: 'public' },
    schema: {
      tags: ['open data'], querystring: paging,
      summary: 'What the office publishes for reuse: the latest register dumps and the gazette issues (limit/offset page the issues), every file with its size, SHA-256 and address; the change feed; the rate limits',
    },
  }, async (req) => openDataIndex(office.db.reader(false), {
    rateLimits: { anonymousPerMinute: config.rateLimitAnonymous, signedInPerMinute: config.rateLimitSignedIn },
    dumpEveryDays: config.openDataDumpDays, issues: req.query,
  }));

  api.get<{ Querystring: { limit?: number; offset?: number } }>('/open-data/dumps', {
    config: { access: 'public' },
    schema: { tags: ['open data'], summary: 'Register dumps, newest first', querystring: paging },
  }, async (req) => listDumps(office.db.reader(false), req.query));

  api.post('/open-data/dumps', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['open data'], summary: 'Ask the worker for a register dump now (administrator); 202, the dump appears in the list when made' },
  }, async (req, reply) => {
    const user = userOf(req);
    const queued = await requestDump(office.db, user.id);
    return reply.code(202).send({ queued, alreadyAsked: !queued });
  });

  api.get<{ Params: { id: string } }>('/open-data/dumps/:id', {
    config: { access: 'public' },
    schema: { tags: ['open data'], summary: 'A register dump: its files with sizes and SHA-256, its seal', params: dumpParams },
  }, async (req) => readDump(office.db.reader(false), req.params.id));

  api.get<{ Params: { id: string; name: string } }>('/open-data/dumps/:id/files/:name', {
    config: { access: 'public' },
    schema: {
      tags: ['open data'], summary: 'Download a file of a register dump (ETag and x-checksum-sha256: its SHA-256)',
      params: { type: 'object', required: ['id', 'name'], properties: { id: dumpParams.properties.id, name: { type: 'string', minLength: 1, maxLength: 200 } } },
    },
  }, async (req, reply) => {
    const { file } = await dumpFile(office.db.reader(false), req.params.id, req.params.name);
    return sendStoredFile(req, reply, office.storage, file, { immutable: req.params.id !== 'latest' });
  });
}
