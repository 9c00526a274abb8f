import type { FastifyInstance } from 'fastify';
import { ROLES, type Role } from '@registrum/procedures';
import type { Office } from '../../app/office.ts';
import { requireActor, tokenOf } from '../../app/http.ts';
import { setSessionCookie } from '../../app/cookies.ts';
import { DomainError } from '../../kernel/errors.ts';
import { inbox } from '../notifications/index.ts';
import type { UserRow } from './access.repository.ts';
import { SCOPES } from './scopes.ts';

const presentUser = (u: UserRow) => ({ id: u.id, username: u.username, displayName: u.display_name, email: u.email, role: u.role, partyId: u.party_id, active: u.active });

export async function accessRoutes(api: FastifyInstance, office: Office) {
  api.post<{ Body: { username: string; password: string; code?: string } }>('/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['access'],
      summary: 'Sign in; returns a bearer token (also set as an HttpOnly session cookie). An account with a second factor answers 401 SECOND_FACTOR_REQUIRED until `code` (the authenticator app\'s current code, or a recovery code) is sent too. Failures in a row lock the user name (423 ACCOUNT_LOCKED, with lockedUntil) and, many more, the address (429 SIGN_IN_RATE_LIMITED)',
      body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 1000 }, code: { type: 'string', maxLength: 40 } } },
    },
  }, async (req, reply) => {
    let signedIn;
    try {
      signedIn = await office.access.login({ ...req.body, address: req.ip });
    } catch (e) {
      if (e instanceof DomainError && typeof e.details.retryAfterSeconds === 'number') reply.header('retry-after', String(e.details.retryAfterSeconds));
      throw e;
    }
    const { token, user } = signedIn;
    setSessionCookie(reply, req, office.config, token);
    return { token, user: presentUser(user) };
  });

  api.post('/auth/logout', { config: { access: 'public' }, schema: { tags: ['access'], summary: 'End the session' } }, async (req, reply) => {
    const t = tokenOf(req); // a session signed in by cookie ends on the server too, not only in the browser
    if (t) await office.access.logout(t.token);
    setSessionCookie(reply, req, office.config, null);
    return { ok: true };
  });

  api.get('/auth/me', { config: { access: 'signed-in' }, schema: { tags: ['access'], summary: 'The signed-in user' } }, async (req) => {
    requireActor(req);
    return presentUser(req.user!);
  });

  api.post<{ Body: { label: string; days?: number; scopes?: string[] } }>('/auth/tokens', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['access'],
      summary: `Create an API token for machine-to-machine use, limited to its scopes (${SCOPES.join(', ')}: read = GET; file = filings, uploads, drafts, deposits; act = acts, assignment, bulk acts, the gazette; webhooks; admin = administration and imports). Without scopes the token may do all its user may, but make tokens or change the second factor`,
      body: {
        type: 'object', required: ['label'], additionalProperties: false,
        properties: { label: { type: 'string', minLength: 1, maxLength: 100 }, days: { type: 'integer', minimum: 1, maximum: 365 }, scopes: { type: 'array', minItems: 1, maxItems: SCOPES.length, items: { type: 'string', enum: [...SCOPES] } } },
      },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in first', 401);
    const scopes = req.body.scopes ?? [...SCOPES];
    const token = await office.access.createApiToken(actor.id, req.body.label, req.body.days ?? 90, scopes);
    return reply.code(201).send({ token, label: req.body.label, scopes: [...new Set(scopes)].sort() });
  });

  api.get('/auth/tokens', { config: { access: 'signed-in' }, schema: { tags: ['access'], summary: 'Your live API tokens (each named by an id; the token itself is shown only when made)' } }, async (req) => {
    requireActor(req);
    return { items: (await office.access.listApiTokens(req.user!.id)).map((t) => ({ id: t.id, label: t.label, scopes: t.scopes, createdAt: t.created_at, expiresAt: t.expires_at })) };
  });

  api.delete<{ Params: { id: string } }>('/auth/tokens/:id', {
    config: { access: { owner: 'token' } },
    schema: { tags: ['access'], summary: 'Revoke one of your API tokens', params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{16}$' } } } },
  }, async (req) => {
    requireActor(req);
    await office.access.revokeApiToken(req.user!.id, req.params.id);
    return { ok: true };
  });

  api.get('/account/second-factor', { config: { access: 'signed-in' }, schema: { tags: ['access'], summary: 'Whether your account has a second factor, and how many recovery codes are left' } }, async (req) => {
    requireActor(req);
    return office.access.secondFactorStatus(req.user!.id);
  });

  api.post('/account/second-factor', {
    config: { access: 'signed-in' },
    schema: { tags: ['access'], summary: 'Start adding a TOTP second factor: the secret (base32), its otpauth:// address and a QR code (SVG) for an authenticator app; confirm with a code' },
  }, async (req, reply) => {
    requireActor(req);
    return reply.code(201).send(await office.access.startSecondFactor(req.user!));
  });

  api.post<{ Body: { code: string } }>('/account/second-factor/confirm', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['access'], summary: 'Put the second factor in force with the code the app shows now; returns one-time recovery codes, shown only this once',
      body: { type: 'object', required: ['code'], additionalProperties: false, properties: { code: { type: 'string', minLength: 1, maxLength: 40 } } },
    },
  }, async (req) => {
    requireActor(req);
    return office.access.confirmSecondFactor(req.user!, req.body.code, req.ip);
  });

  api.delete<{ Body: { password: string; code: string } }>('/account/second-factor', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['access'], summary: 'Turn the second factor off, with your password and a current code (or a recovery code)',
      body: { type: 'object', required: ['password', 'code'], additionalProperties: false, properties: { password: { type: 'string', minLength: 1, maxLength: 1000 }, code: { type: 'string', maxLength: 40 } } },
    },
  }, async (req) => {
    requireActor(req);
    await office.access.disableSecondFactor(req.user!, req.body.password, req.body.code, req.ip);
    return office.access.secondFactorStatus(req.user!.id);
  });

  api.get('/inbox', { config: { access: 'signed-in' }, schema: { tags: ['access'], summary: 'Notices about the cases of the signed-in user' } }, async (req) => {
    const actor = requireActor(req);
    return { items: actor.kind === 'user' ? await inbox(office.db, office.engine, actor.id) : [] };
  });

  api.get('/admin/users', { config: { access: { roles: ['admin'] } }, schema: { tags: ['admin'], summary: 'List user accounts' } }, async (req) => {
    return { items: (await office.access.listUsers()).map(presentUser) };
  });

  api.post<{ Body: { username: string; displayName: string; email?: string; role: Role; password: string } }>('/admin/users', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'], summary: 'Create a user account',
      body: {
        type: 'object', required: ['username', 'displayName', 'role', 'password'], additionalProperties: false,
        properties: { username: { type: 'string' }, displayName: { type: 'string', minLength: 1, maxLength: 200 }, email: { type: 'string', maxLength: 320 }, role: { type: 'string', enum: [...ROLES] }, password: { type: 'string', maxLength: 1000 } },
      },
    },
  }, async (req, reply) => {
    const id = await office.db.tx((q) => office.access.createUser(q, req.body));
    return reply.code(201).send({ id, username: req.body.username, role: req.body.role });
  });

  api.patch<{ Params: { id: string }; Body: { displayName?: string; role?: Role; active?: boolean; password?: string } }>('/admin/users/:id', {
    config: { access: { roles: ['admin'] } },
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
    const updated = await office.db.tx((q) => office.access.updateUser(q, requireActor(req), req.params.id, req.body, tokenOf(req)?.token));
    return presentUser(updated);
  });

  const userParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } };

  api.post<{ Params: { id: string } }>('/admin/users/:id/unlock', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['admin'], summary: 'Lift the lock failed sign-ins put on an account (administrators); recorded', params: userParams },
  }, async (req) => {
    return office.access.unlock(requireActor(req), req.params.id, req.ip);
  });

  api.delete<{ Params: { id: string } }>('/admin/users/:id/second-factor', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['admin'], summary: 'Remove the second factor of an account whose user lost it and its recovery codes (administrators); recorded', params: userParams },
  }, async (req) => {
    await office.access.resetSecondFactor(requireActor(req), req.params.id, req.ip);
    return { ok: true };
  });

  api.get<{ Params: { id: string } }>('/admin/users/:id/sign-in', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['admin'], summary: 'Whether an account is locked, whether it has a second factor, and its latest sign-in events', params: userParams },
  }, async (req) => {
    return office.access.signInState(req.params.id);
  });
}
