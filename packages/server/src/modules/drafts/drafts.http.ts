// Routes of drafts: the owner's own drafts, their share links, submission, and the shared view.
import type { FastifyInstance } from 'fastify';
import { paymentSchema } from '@registrum/procedures/common/standard.ts';
import type { Office } from '../../app/office.ts';
import { requireActor } from '../../app/http.ts';
import { createDraft, deleteDraft, listDrafts, readDraft, readSharedDraft, shareDraft, submitDraft, unshareDraft, updateDraft } from './index.ts';

const draftParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } } as const;
const title = { type: 'string', maxLength: 300 } as const;

export async function draftsRoutes(api: FastifyInstance, office: Office) {
  const deps = office.cases;

  api.get('/drafts', {
    config: { access: 'signed-in' },
    schema: { tags: ['drafts'], summary: "The signed-in user's drafts, most recently saved first" },
  }, async (req) => listDrafts(deps, requireActor(req)));

  api.post<{ Body: { right: string; payload: Record<string, any>; title?: string } }>('/drafts', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['drafts'], summary: 'Save an unfinished filing as a draft (its payload is checked only when submitted)',
      body: {
        type: 'object', required: ['right', 'payload'], additionalProperties: false,
        properties: { right: { type: 'string', maxLength: 50 }, payload: { type: 'object' }, title },
      },
    },
  }, async (req, reply) => reply.code(201).send(await createDraft(deps, requireActor(req), req.body)));

  api.get<{ Params: { id: string } }>('/drafts/:id', {
    config: { access: { owner: 'draft' } },
    schema: { tags: ['drafts'], summary: 'One of your drafts', params: draftParams },
  }, async (req) => readDraft(deps, requireActor(req), req.params.id));

  api.put<{ Params: { id: string }; Body: { payload: Record<string, any>; title?: string } }>('/drafts/:id', {
    config: { access: { owner: 'draft' } },
    schema: {
      tags: ['drafts'], summary: 'Save a draft again (refused once it is submitted)', params: draftParams,
      body: { type: 'object', required: ['payload'], additionalProperties: false, properties: { payload: { type: 'object' }, title } },
    },
  }, async (req) => updateDraft(deps, requireActor(req), req.params.id, req.body));

  api.delete<{ Params: { id: string } }>('/drafts/:id', {
    config: { access: { owner: 'draft' } },
    schema: { tags: ['drafts'], summary: 'Delete a draft (a case filed from it stays filed)', params: draftParams },
  }, async (req, reply) => { await deleteDraft(deps, requireActor(req), req.params.id); return reply.code(204).send(); });

  api.post<{ Params: { id: string } }>('/drafts/:id/share', {
    config: { access: { owner: 'draft' } },
    schema: { tags: ['drafts'], summary: 'Make a read-only link to a draft (a new link ends the previous one); the token is shown only now', params: draftParams },
  }, async (req, reply) => reply.code(201).send(await shareDraft(deps, requireActor(req), req.params.id)));

  api.delete<{ Params: { id: string } }>('/drafts/:id/share', {
    config: { access: { owner: 'draft' } },
    schema: { tags: ['drafts'], summary: "End a draft's read-only link", params: draftParams },
  }, async (req, reply) => { await unshareDraft(deps, requireActor(req), req.params.id); return reply.code(204).send(); });

  api.post<{ Params: { id: string }; Body: { payment?: any } | undefined }>('/drafts/:id/submit', {
    config: { access: { owner: 'draft' } },
    schema: {
      tags: ['drafts'], summary: 'File the draft as POST /cases would (same response); submitting again returns the same receipt and files nothing more',
      params: draftParams,
      body: { type: 'object', additionalProperties: false, properties: { payment: paymentSchema } },
    },
    // The body is optional (no payment): none at all is an empty one.
    preValidation: async (req) => { req.body ??= {}; },
  }, async (req, reply) => {
    const res = await submitDraft(deps, requireActor(req), req.params.id, req.body?.payment);
    if (res.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(res.status).send(res.body);
  });

  api.get<{ Params: { token: string } }>('/shared/drafts/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['drafts'], summary: 'A draft shared by link (no sign-in), read-only', security: [],
      params: { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 200 } } },
    },
  }, async (req) => readSharedDraft(deps, req.params.token));
}
