// Routes of the gazette: the public reads published issues and downloads their formats; the registrar
// compiles, reviews and publishes; the administrator sets the calendar.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Office } from '../../app/office.ts';
import { requireActor, userOf } from '../../app/http.ts';
import { isOfficeRole } from '../access/index.ts';
import { sendStoredFile } from '../opendata/index.ts';
import { calendarSchema, compileIssue, discardIssue, issueFile, listIssues, publishIssue, readCalendar, readIssue, recompileIssue, removeEntry, setCalendar, gazetteDeps, SECTION_TITLES, SECTIONS } from './index.ts';

const issueParams = { type: 'object', required: ['ref'], properties: { ref: { type: 'string', minLength: 1, maxLength: 60, description: "the issue's number (e.g. 2026-07) or id" } } } as const;
const compileBody = {
  type: 'object', additionalProperties: false,
  properties: {
    date: { type: 'string', format: 'date', description: 'the issue date (default: the next date of the calendar)' },
    extraordinary: { type: 'boolean', description: 'an issue on a date the calendar does not have' },
  },
} as const;

const isOfficeViewer = (req: FastifyRequest) => !!req.user && isOfficeRole(req.user.role);

export async function gazetteRoutes(api: FastifyInstance, office: Office) {
  const deps = gazetteDeps(office);

  api.get<{ Querystring: { year?: number; limit?: number; offset?: number } }>('/gazette/issues', {
    config: { access: 'public' },
    schema: {
      tags: ['gazette'], summary: 'Issues of the official gazette, newest first (office staff also see the open draft); `next` links the following page',
      querystring: { type: 'object', additionalProperties: false, properties: { year: { type: 'integer', minimum: 1900, maximum: 9999 }, limit: { type: 'integer', minimum: 1, maximum: 100 }, offset: { type: 'integer', minimum: 0, maximum: 100000 } } },
    },
  }, async (req) => listIssues(deps, isOfficeViewer(req), req.query));

  api.get<{ Params: { ref: string } }>('/gazette/issues/:ref', {
    config: { access: 'public' },
    schema: { tags: ['gazette'], summary: 'An issue: its sections and numbered entries, its seal hash and its files (PDF, JSON, ST.96 XML per right, zip, manifest) with SHA-256; office staff also see a draft, what it will perform and what is blocked', params: issueParams },
  }, async (req) => readIssue(deps, isOfficeViewer(req), req.params.ref));

  api.get<{ Params: { ref: string; name: string } }>('/gazette/issues/:ref/files/:name', {
    config: { access: 'public' },
    schema: {
      tags: ['gazette'], summary: 'Download a file of a published issue (ETag and x-checksum-sha256: its SHA-256)',
      params: { type: 'object', required: ['ref', 'name'], properties: { ref: issueParams.properties.ref, name: { type: 'string', minLength: 1, maxLength: 120 } } },
    },
  }, async (req, reply) => sendStoredFile(req, reply, office.storage, await issueFile(deps, req.params.ref, req.params.name), { immutable: true }));

  api.post<{ Body: { date?: string; extraordinary?: boolean } }>('/gazette/issues', {
    config: { access: { roles: ['registrar'] } },
    schema: { tags: ['gazette'], summary: 'Compile a draft issue (registrar): the cases waiting for a publication act and the acts recorded since the last issue that the public must be told', body: compileBody },
  }, async (req, reply) => {
    const user = userOf(req);
    const id = await compileIssue(deps, user.id, req.body ?? {});
    return reply.code(201).send(await readIssue(deps, true, id));
  });

  api.post<{ Params: { ref: string }; Body: { date?: string; extraordinary?: boolean } }>('/gazette/issues/:ref/compile', {
    config: { access: { roles: ['registrar'] } },
    schema: { tags: ['gazette'], summary: 'Compile a draft again from scratch (registrar), for its date or a new one; removed entries come back', params: issueParams, body: compileBody },
  }, async (req) => {
    const user = userOf(req);
    return readIssue(deps, true, await recompileIssue(deps, user.id, req.params.ref, req.body ?? {}));
  });

  api.delete<{ Params: { ref: string; entry: string } }>('/gazette/issues/:ref/entries/:entry', {
    config: { access: { roles: ['registrar'] } },
    schema: {
      tags: ['gazette'], summary: 'Take an entry out of a draft (registrar): its act or publication waits for a later issue',
      params: { type: 'object', required: ['ref', 'entry'], properties: { ref: issueParams.properties.ref, entry: { type: 'string', format: 'uuid' } } },
    },
  }, async (req) => {
    return readIssue(deps, true, await removeEntry(deps, req.params.ref, req.params.entry));
  });

  api.delete<{ Params: { ref: string } }>('/gazette/issues/:ref', {
    config: { access: { roles: ['registrar'] } },
    schema: { tags: ['gazette'], summary: 'Discard a draft issue (registrar)', params: issueParams },
  }, async (req, reply) => {
    await discardIssue(deps, req.params.ref);
    return reply.code(204).send();
  });

  api.post<{ Params: { ref: string } }>('/gazette/issues/:ref/publish', {
    config: { access: { roles: ['registrar'] } },
    schema: {
      tags: ['gazette'],
      summary: 'Publish the issue on its date (registrar): performs the publication acts of its pending entries (a transaction per case; a refused case is left out and reported), seals the journal, stores the PDF, validated ST.96 XML and JSON, and freezes the issue',
      params: issueParams,
    },
  }, async (req) => {
    const actor = requireActor(req);
    if (actor.kind !== 'user') throw new Error('unreachable');
    const result = await publishIssue(deps, actor, req.params.ref);
    return { performed: result.performed, leftOut: result.leftOut, issue: await readIssue(deps, true, result.id) };
  });

  api.get('/gazette/calendar', {
    config: { access: 'public' },
    schema: { tags: ['gazette'], summary: 'The publication calendar of the gazette and its next issue dates' },
  }, async () => readCalendar(deps));

  api.put<{ Body: Parameters<typeof setCalendar>[1] }>('/gazette/calendar', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['gazette'], summary: 'Set the publication calendar (administrator): weekly or fortnightly on a weekday (ISO, 1 = Monday), or monthly on a day', body: calendarSchema },
  }, async (req) => {
    return setCalendar(deps, req.body);
  });

  api.get('/gazette/sections', {
    config: { access: 'public' },
    schema: { tags: ['gazette'], summary: 'The sections of an issue, in order' },
  }, async () => ({ items: SECTIONS.map((s) => ({ section: s, title: SECTION_TITLES[s] })) }));
}
