import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '@registrum/procedures';
import type { Office } from '../../app/office.ts';
import { requireActor, requireOffice, SESSION_COOKIE, tokenOf } from '../../app/http.ts';
import { DomainError } from '../../kernel/errors.ts';
import { inbox } from '../notifications/index.ts';
import type { UserRow } from './access.repository.ts';

const presentUser = (u: UserRow) => ({ id: u.id, username: u.username, displayName: u.display_name, email: u.email, role: u.role, partyId: u.party_id, active: u.active });

export async function accessRoutes(api: FastifyInstance, office: Office) {
  api.post<{ Body: { username: string; password: string } }>('/auth/login', {
    schema: {
      tags: ['access'], summary: 'Sign in; returns a bearer token (also set as an HttpOnly session cookie)',
      body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 1000 } } },
    },
  }, async (req, reply) => {
    const { token, user } = await office.access.login(req.body.username, req.body.password);
    reply.header('set-cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${office.config.sessionDays * 86400}`);
    return { token, user: presentUser(user) };
  });

  api.post('/auth/logout', { schema: { tags: ['access'], summary: 'End the session' } }, async (req, reply) => {
    const t = tokenOf(req); // a session signed in by cookie ends on the server too, not only in the browser
    if (t) await office.access.logout(t.token);
    reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0`);
    return { ok: true };
  });

  api.get('/auth/me', { schema: { tags: ['access'], summary: 'The signed-in user' } }, async (req) => {
    requireActor(req);
    return presentUser(req.user!);
  });

  api.post<{ Body: { label: string; days?: number } }>('/auth/tokens', {
    schema: {
      tags: ['access'], summary: 'Create an API token for machine-to-machine use',
      body: { type: 'object', required: ['label'], additionalProperties: false, properties: { label: { type: 'string', minLength: 1, maxLength: 100 }, days: { type: 'integer', minimum: 1, maximum: 365 } } },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in first', 401);
    const token = await office.access.createApiToken(actor.id, req.body.label, req.body.days ?? 90);
    return reply.code(201).send({ token, label: req.body.label });
  });

  api.get('/inbox', { schema: { tags: ['access'], summary: 'Notices about the cases of the signed-in user' } }, async (req) => {
    const actor = requireActor(req);
    return { items: actor.kind === 'user' ? await inbox(office.db, office.engine, actor.id) : [] };
  });

  api.get('/admin/users', { schema: { tags: ['admin'], summary: 'List user accounts' } }, async (req) => {
    requireOffice(req, ['admin']);
    return { items: (await office.access.listUsers()).map(presentUser) };
  });

  api.post<{ Body: { username: string; displayName: string; email?: string; role: Role; password: string } }>('/admin/users', {
    schema: {
      tags: ['admin'], summary: 'Create a user account',
      body: {
        type: 'object', required: ['username', 'displayName', 'role', 'password'], additionalProperties: false,
        properties: { username: { type: 'string' }, displayName: { type: 'string', minLength: 1, maxLength: 200 }, email: { type: 'string', maxLength: 320 }, role: { type: 'string', enum: [...ROLES] }, password: { type: 'string', maxLength: 1000 } },
      },
    },
  }, async (req, reply) => {
    requireOffice(req, ['admin']);
    const id = await office.db.tx((q) => office.access.createUser(q, req.body));
    return reply.code(201).send({ id, username: req.body.username, role: req.body.role });
  });

  api.patch<{ Params: { id: string }; Body: { displayName?: string; role?: Role; active?: boolean; password?: string } }>('/admin/users/:id', {
    schema: {
      tags: ['admin'],
      summary: 'Change a user account: name, role, active, password (administrators; not your own role or active flag). Deactivating or setting a password ends the account\'s sessions',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } },
      body: {
        type: 'object', additionalProperties: false, minProperties: 1,
        properties: { displayName: { type: 'string', minLength: 1, maxLength: 200 }, role: { type: 'string', enum: [...ROLES] }, active: { type: 'boolean' }, password: { type: 'string', maxLength: 1000 } },
      },
    },
  }, async (req) => {
    requireOffice(req, ['admin']);
    const updated = await office.db.tx((q) => office.access.updateUser(q, requireActor(req), req.params.id, req.body, tokenOf(req)?.token));
    return presentUser(updated);
  });
}
