// Sign-in through the office's OpenID Connect provider. The start and callback routes are visited by
// the browser itself (redirects, not fetch): a refusal sends it back to the sign-in page with the
// error's code (`/login?oidcError=CODE`); a client that does not ask for HTML gets the problem document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Office } from '../../app/office.ts';
import { userOf } from '../../app/http.ts';
import { OIDC_STATE_COOKIE, readCookie, setOidcStateCookie, setSessionCookie } from '../../app/cookies.ts';
import { DomainError } from '../../kernel/errors.ts';
import type { OidcSignIn } from './oidc.ts';

const wantsPage = (req: FastifyRequest) => /\btext\/html\b/.test(String(req.headers.accept ?? ''));

const notConfigured = () => new DomainError('OIDC_NOT_CONFIGURED', 'This office signs in with user names and passwords only: no identity provider is configured', 404);

const returnToSchema = { type: 'string', maxLength: 500 };
const userParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 100 } } };

export async function oidcRoutes(api: FastifyInstance, office: Office) {
  const oidc = (): OidcSignIn => {
    if (!office.oidc) throw notConfigured();
    return office.oidc;
  };
  /** A refusal of a route the browser visits: back to the sign-in page with its code (an unexpected error included). */
  const refused = (req: FastifyRequest, reply: FastifyReply, e: unknown) => {
    if (!wantsPage(req)) throw e;
    if (!(e instanceof DomainError)) req.log.error({ err: e }, 'OpenID Connect sign-in failed');
    const code = e instanceof DomainError ? e.code : 'OIDC_UNAVAILABLE';
    return reply.code(303).header('location', `/login?oidcError=${encodeURIComponent(code)}`).header('cache-control', 'no-store').send();
  };

  api.get('/auth/providers', {
    config: { access: 'public' },
    schema: { tags: ['access'], summary: 'The ways to sign in: passwords, and the office\'s OpenID Connect provider with its name when there is one' },
  }, async () => ({
    password: true,
    staffPassword: office.config.staffPasswordSignIn,
    oidc: office.oidc ? { name: office.oidc.name, start: '/api/v1/auth/oidc/start' } : null,
  }));

  api.get<{ Querystring: { returnTo?: string } }>('/auth/oidc/start', {
    config: { access: 'public' },
    schema: {
      tags: ['access'],
      summary: 'Sign in through the office\'s OpenID Connect provider: redirects (303) to the provider, which comes back to /auth/oidc/callback. `returnTo`: the page of this site to end on',
      querystring: { type: 'object', additionalProperties: false, properties: { returnTo: returnToSchema } },
    },
  }, async (req, reply) => {
    try {
      const { url, state } = await oidc().start({ returnTo: req.query.returnTo });
      setOidcStateCookie(reply, req, office.config, state);
      return reply.code(303).header('location', url).header('cache-control', 'no-store').send();
    } catch (e) {
      return refused(req, reply, e);
    }
  });

  api.get('/auth/oidc/callback', {
    config: { access: 'public' },
    schema: {
      tags: ['access'],
      summary: 'Where the provider sends the browser back: checks the answer (state of this browser, code, ID token), sets the session cookie and redirects (303) into the web app; a refusal redirects to the sign-in page with ?oidcError=CODE (a client not asking for HTML gets the problem)',
      querystring: { type: 'object', properties: { state: { type: 'string', maxLength: 500 }, code: { type: 'string', maxLength: 2000 }, iss: { type: 'string', maxLength: 500 }, error: { type: 'string', maxLength: 200 } } },
    },
  }, async (req, reply) => {
    // The attempt is over whatever happens: its cookie goes.
    setOidcStateCookie(reply, req, office.config, null);
    try {
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      const done = await oidc().finish({ query, cookieState: readCookie(req, OIDC_STATE_COOKIE), address: req.ip });
      if (done.token) setSessionCookie(reply, req, office.config, done.token);
      return reply.code(303).header('location', done.returnTo).header('cache-control', 'no-store').send();
    } catch (e) {
      return refused(req, reply, e);
    }
  });

  api.post<{ Querystring: { returnTo?: string } }>('/auth/oidc/link', {
    config: { access: 'signed-in' },
    schema: {
      tags: ['access'],
      summary: 'Link your identity at the office\'s OpenID Connect provider to your account: answers the provider address to send the browser to (it comes back through /auth/oidc/callback, then to `returnTo`, default /security)',
      querystring: { type: 'object', additionalProperties: false, properties: { returnTo: returnToSchema } },
    },
  }, async (req, reply) => {
    const user = userOf(req);
    const { url, state } = await oidc().start({ returnTo: req.query.returnTo, linkUser: user.id });
    setOidcStateCookie(reply, req, office.config, state);
    return reply.code(201).send({ location: url });
  });

  api.get<{ Params: { id: string } }>('/admin/users/:id/identities', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['admin'], summary: 'The identities at the OpenID Connect provider linked to an account', params: userParams },
  }, async (req) => {
    return { items: await oidc().identitiesOf(req.params.id) };
  });

  api.post<{ Params: { id: string }; Body: { subject: string } }>('/admin/users/:id/identities', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'], summary: 'Link an identity of the OpenID Connect provider (its subject, the `sub` the provider gives the person) to an account; recorded',
      params: userParams,
      body: { type: 'object', required: ['subject'], additionalProperties: false, properties: { subject: { type: 'string', minLength: 1, maxLength: 255 } } },
    },
  }, async (req, reply) => {
    return reply.code(201).send({ items: await oidc().linkByAdmin(userOf(req).id, req.params.id, req.body.subject, req.ip) });
  });

  api.delete<{ Params: { id: string } }>('/admin/users/:id/identities', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['admin'], summary: 'Remove every identity of the OpenID Connect provider linked to an account; recorded', params: userParams },
  }, async (req) => {
    return oidc().unlinkAll(userOf(req).id, req.params.id, req.ip);
  });
}
