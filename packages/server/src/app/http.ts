// The HTTP server: authentication, problem documents, OpenAPI, and each module's routes.
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { actorOf, checkScope, isOfficeRole, type UserRow } from '../modules/access/index.ts';
import type { Actor } from '../kernel/actor.ts';
import { DomainError, invalid } from '../kernel/errors.ts';
import { findUnsafeText } from '../kernel/validate.ts';
import type { Viewer } from '../modules/cases/index.ts';
import { accessRoutes } from '../modules/access/access.http.ts';
import { accountsRoutes } from '../modules/accounts/accounts.http.ts';
import { adminRoutes } from '../modules/admin/admin.http.ts';
import { feeScheduleRoutes } from '../modules/admin/fee-schedules.http.ts';
import { casesRoutes } from '../modules/cases/cases.http.ts';
import { statsRoutes } from '../modules/stats/stats.http.ts';
import { draftsRoutes } from '../modules/drafts/drafts.http.ts';
import { feesRoutes } from '../modules/fees/fees.http.ts';
import { portfolioRoutes } from '../modules/portfolio/portfolio.http.ts';
import { referenceRoutes } from '../modules/reference/reference.http.ts';
import { classifyRoutes } from '../modules/classify/classify.http.ts';
import { gazetteRoutes } from '../modules/gazette/gazette.http.ts';
import { openDataRoutes } from '../modules/opendata/opendata.http.ts';
import { describeRateLimits, registerConditionalRequests, registerRateLimits } from '../modules/opendata/index.ts';
import { changesRoutes } from '../modules/changes/changes.http.ts';
import { webhooksRoutes } from '../modules/webhooks/webhooks.http.ts';
import { ocrRoutes } from '../modules/ocr/ocr.http.ts';
import { priorArtRoutes } from '../modules/prior-art/prior-art.http.ts';
import { notificationsRoutes } from '../modules/notifications/notifications.http.ts';
import { importsRoutes } from '../modules/imports/imports.http.ts';
import { exchangeRoutes } from '../modules/exchange/exchange.http.ts';
import { templatesRoutes } from '../modules/documents/documents.http.ts';
import { privacyRoutes } from '../modules/privacy/privacy.http.ts';
import { outagesRoutes } from '../modules/outages/outages.http.ts';
import { searchRoutes } from '../modules/search/search.http.ts';
import { imagesRoutes } from '../modules/images/images.http.ts';
import { auditRoutes, registerAudit } from '../modules/audit/index.ts';
import type { Office } from './office.ts';
import { describeAccess, enforce, type Access } from './policy.ts';
import { RETRY_AFTER_SECONDS, sendProblem, problem } from './problems.ts';
import { HSTS, SESSION_COOKIE, servedOverTls } from './cookies.ts';
import { oidcRoutes } from '../modules/access/oidc.http.ts';

declare module 'fastify' {
  interface FastifyRequest { user: UserRow | null; viaCookie: boolean }
  interface FastifyInstance { routePolicies: RoutePolicy[] }
}

/** A route of the API and the access policy it declares (the authorisation test's matrix comes from these). */
export interface RoutePolicy { method: string; url: string; access: Access }

export { SESSION_COOKIE };
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (a: Ajv) => Ajv;

export function viewerOf(req: FastifyRequest): Viewer {
  return req.user ? { userId: req.user.id, role: req.user.role, partyId: req.user.party_id } : null;
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.user) throw new DomainError('UNAUTHENTICATED', 'Sign in first (POST /api/v1/auth/login, then send the token as a Bearer token)', 401);
  return actorOf(req.user);
}

/** The signed-in account of a route whose access policy admits only signed-in callers. */
export function userOf(req: FastifyRequest): UserRow {
  if (!req.user) throw new DomainError('UNAUTHENTICATED', 'Sign in first', 401);
  return req.user;
}

/** The credential of a request: a Bearer token, else the session cookie. */
export function tokenOf(req: FastifyRequest): { token: string; cookie: boolean } | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return { token: h.slice(7).trim(), cookie: false };
  const cookie = req.headers.cookie?.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) return null;
  try { return { token: decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1)), cookie: true }; } catch { return null; } // malformed: no session
}

/** Whether an Origin header names this server (compared as URLs, so an explicit default port matches). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    const o = new URL(origin);
    return !!host && new URL(`${o.protocol}//${host}`).host === o.host;
  } catch { return false; } // 'null' or garbage: not our origin
}

/**
 * What the log never holds: credentials in headers (should anything log them), and the token of a
 * draft's share link, which is its whole credential and travels in the address.
 */
const LOG_REDACTION = {
  redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', 'headers.authorization', 'headers.cookie'], censor: '[redacted]' },
  serializers: {
    req: (req: FastifyRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
  },
};
export const redactUrl = (url: string) => url.replace(/(\/shared\/drafts\/)[^/?#]+/, '$1[redacted]');

export async function buildHttp(office: Office): Promise<FastifyInstance> {
  const app = Fastify({
    logger: office.config.logLevel === 'silent' ? false : { level: office.config.logLevel, ...LOG_REDACTION },
    bodyLimit: 2 * 1024 * 1024,
    // Behind the proxies TRUST_PROXY names, the client address and protocol are the forwarded ones.
    trustProxy: office.config.trustProxy,
    // Per-request logs only when debugging; errors are logged by the problem mapper.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(office.config.logLevel) }),
    // Errors of the router itself (e.g. a malformed URL encoding) are problem documents too.
    frameworkErrors: (err, req, reply) => { sendProblem(reply, req, err); },
  });
  // Query strings, params and headers are text: coerced to the schema's types. A JSON body is typed
  // as sent: "100", true or [100] is not an amount of 100.
  const ajvOf = (coerceTypes: 'array' | false) => addFormats(new Ajv({ allErrors: true, coerceTypes, removeAdditional: false, useDefaults: true, strict: false }));
  const bodyAjv = ajvOf(false); const textAjv = ajvOf('array');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));
  app.decorateRequest('user', null);
  app.decorateRequest('viaCookie', false);
  // Every API route says who may call it; one that does not stops the server from starting (and so
  // every test). The policy is checked after authentication, before the body is read or validated.
  const policies: RoutePolicy[] = [];
  app.decorate('routePolicies', policies);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`${route.method} ${route.url} declares no access policy: add config: { access } (app/policy.ts)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') policies.push({ method, url: route.url, access });
    const check = async (req: FastifyRequest) => enforce(access, req);
    route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), check];
    if (route.schema && !route.schema.hide) route.schema = { ...route.schema, description: [route.schema.description, describeAccess(access)].filter(Boolean).join(' ') };
  });
  const rateLimits = { anonymousPerMinute: office.config.rateLimitAnonymous, signedInPerMinute: office.config.rateLimitSignedIn };

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Registrum API', version: '1', description: `The register and procedures of an intellectual-property office. Errors are RFC 9457 problem documents with a stable \`code\`. ${describeRateLimits(rateLimits)} GET answers carry an ETag (and cases Last-Modified): send If-None-Match or If-Modified-Since for 304 Not Modified.` },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.setErrorHandler((err, req, reply) => sendProblem(reply, req, err));
  await registerRateLimits(app, rateLimits);
  await registerConditionalRequests(app, { db: office.db, clock: office.clock });
  // The web app: its assets, and index.html for every page address (the app routes in the browser).
  const web = existsSync(join(office.config.webDir, 'index.html')) ? office.config.webDir : null;
  if (web) {
    await app.register(fastifyStatic, { root: web, prefix: '/', wildcard: false, index: false, cacheControl: false, preCompressed: true,
      setHeaders: (res: any, path: string) => res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache') });
  }
  const isPage = (req: FastifyRequest) => web && (req.method === 'GET' || req.method === 'HEAD')
    && !req.url.startsWith('/api/') && !req.url.startsWith('/docs') && !/\.[a-z0-9]+($|\?)/i.test(req.url.split('?')[0]);
  app.setNotFoundHandler((req, reply) => {
    if (isPage(req)) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).type('application/problem+json').send({ ...problem(404, 'ROUTE_NOT_FOUND', `No route ${req.method} ${req.url}`), instance: req.url });
  });

  app.addHook('onRequest', async (req) => {
    const t = tokenOf(req);
    if (!t) return;
    const session = await office.access.authenticate(t.token);
    if (!session) {
      if (!t.cookie) throw new DomainError('INVALID_TOKEN', 'The token is unknown, expired or revoked; sign in again', 401);
      return;
    }
    checkScope(req.method, req.url, session.scopes);
    req.user = session.user;
    req.viaCookie = t.cookie;
    // A session cookie is sent by the browser whoever made the page: unsafe methods must come from our own origin.
    if (t.cookie && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      // A browser names the page's origin (Origin) and says whether it is this site (Sec-Fetch-Site);
      // either one pointing elsewhere is enough to refuse. A sibling site ('same-site') is another site too.
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((origin && !sameOrigin(origin, req.headers.host)) || site === 'cross-site' || site === 'same-site') {
        throw new DomainError('CSRF_REJECTED', 'Cross-site request refused', 403);
      }
    }
  });
  app.addHook('preValidation', async (req) => {
    const bad = req.body ? findUnsafeText(req.body) : null;
    if (bad) throw invalid('INVALID_CHARACTERS', `The text at ${bad} contains a NUL character or an unpaired surrogate`, { path: bad });
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    if (servedOverTls(req, office.config)) reply.header('strict-transport-security', HSTS);
    reply.header('referrer-policy', 'no-referrer');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html') && !req.url.startsWith('/docs')) {
      // Pages run only our own scripts and are never framed.
      reply.header('content-security-policy', "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
      reply.header('x-frame-options', 'DENY');
    } else if (req.url.startsWith('/api/') && !String(reply.getHeader('content-type') ?? '').startsWith('application/pdf')) {
      // An API answer is data, never a page: opened in a browser nothing in it runs and it is never framed
      // (PDFs are left to the browser's viewer, which a sandbox would stop).
      reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    }
  });

  // 503 while the primary does not answer; the read replica's state is reported (reads fall back to the primary without it).
  app.get('/health', { schema: { hide: true } }, async (_req, reply) => {
    const h = await office.db.health();
    const replica = h.replica ? { replica: { status: h.replica.available ? 'ok' : 'unavailable', inRecovery: h.replica.inRecovery, behindBytes: h.replica.behindBytes } } : {};
    if (h.available) return { status: 'ok', database: office.db.kind, officeDate: office.clock.today(), ...replica };
    return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ status: 'unavailable', database: office.db.kind, ...replica });
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Staff reads of unpublished data and administrative changes: one audit event per request (modules/audit).
  registerAudit(app, { db: office.db, clock: office.clock });
  await app.register(async (api) => {
    await accessRoutes(api, office);
    await oidcRoutes(api, office);
    await casesRoutes(api, office);
    await adminRoutes(api, office);
    await feeScheduleRoutes(api, office);
    await statsRoutes(api, office);
    await accountsRoutes(api, office);
    await draftsRoutes(api, office);
    await referenceRoutes(api);
    await classifyRoutes(api, office);
    await feesRoutes(api, office);
    await portfolioRoutes(api, office);
    await gazetteRoutes(api, office);
    await openDataRoutes(api, office);
    await changesRoutes(api, office);
    await webhooksRoutes(api, office);
    await ocrRoutes(api, office);
    await priorArtRoutes(api, office);
    await notificationsRoutes(api, office);
    await importsRoutes(api, office);
    await exchangeRoutes(api, office);
    await templatesRoutes(api, office);
    await privacyRoutes(api, office);
    await outagesRoutes(api, office);
    await searchRoutes(api, office);
    await imagesRoutes(api, office);
    await auditRoutes(api, office);
  }, { prefix: '/api/v1' });
  return app;
}
