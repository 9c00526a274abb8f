// The authorisation matrix: every API route x every caller (the public, the agent who filed the case,
// another applicant's agent, an applicant who is no party, and each office role), with the expected
// answer derived from the route's declared access policy (app/policy.ts) — not written by hand, so a
// new route is in the matrix the moment it exists, and a route without a policy stops the server.
//
// "Denied" is the policy's own refusal: 401 UNAUTHENTICATED, 403 FORBIDDEN, or, for a case, a
// document or an owned resource the caller may not see, its "not found" (a hidden thing is never
// confirmed to exist). "Allowed" is any answer but those (a 400 for the empty body sent, a 404 for a
// made-up reference, an act the law does not give the role: the route let the caller in). No call
// may answer 5xx.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Role } from '@registrum/procedures';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { buildHttp, type RoutePolicy } from '../../src/app/http.ts';
import { admits, type Access } from '../../src/app/policy.ts';
import { client, filing, login, ok, tinyPng, type Client } from './helpers.ts';

type Caller = 'anonymous' | 'owner-agent' | 'other-agent' | 'applicant' | 'formalities' | 'examiner' | 'registrar' | 'admin';
const ROLE_OF: Record<Caller, Role | 'anonymous'> = {
  anonymous: 'anonymous', 'owner-agent': 'agent', 'other-agent': 'agent', applicant: 'applicant',
  formalities: 'formalities', examiner: 'examiner', registrar: 'registrar', admin: 'admin',
};
const USERS: [Caller, string, Role, string?][] = [
  ['owner-agent', 'matrix-agent-a', 'agent', 'Agent A LLP'], ['other-agent', 'matrix-agent-b', 'agent', 'Agent B LLP'],
  ['applicant', 'matrix-applicant', 'applicant', 'Bystander Ltd'], ['formalities', 'matrix-formalities', 'formalities'],
  ['examiner', 'matrix-examiner', 'examiner'], ['registrar', 'matrix-registrar', 'registrar'], ['admin', 'matrix-admin', 'admin'],
];
// A valid body for the routes that change a case or an owned resource, so that refusing a stranger is
// the policy's doing and not the body's (the matrix insists on one where a stranger got a 400).
const SAMPLE_BODIES: Record<string, unknown> = {
  'PUT /api/v1/drafts/:id': { payload: { mark: { kind: 'Word', text: 'REDRAFTED' } } },
  'PATCH /api/v1/webhooks/:id': { active: false },
  'POST /api/v1/cases/:id/acts/:act': { payload: {} },
};
const NOT_FOUND_OF_OWNED = { draft: 'DRAFT_NOT_FOUND', webhook: 'WEBHOOK_NOT_FOUND', token: 'TOKEN_NOT_FOUND', watch: 'WATCH_NOT_FOUND' } as const;

let office: TestOffice;
let app: FastifyInstance;
const callers = new Map<Caller, Client>();
let caseId = '', caseNumber = '', documentSha = '', bystanderUserId = '';

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  for (const [, username, role, party] of USERS) await office.user(username, role, party);
  for (const [caller, username] of USERS) callers.set(caller, await login(app, username));
  callers.set('anonymous', client(app));
  const agent = callers.get('owner-agent')!;
  const image = ok(await agent.raw('POST', '/api/v1/uploads', tinyPng(3, 2), 'image/png'), 201);
  const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Combined', text: 'MATRIX', image } })), 201);
  caseId = filed.case.id; caseNumber = filed.case.number; documentSha = image.sha256;
  bystanderUserId = ok(await callers.get('applicant')!.get('/api/v1/auth/me')).id;
});
after(async () => { await office.shutdown(); });

/** The policy's own refusal for this caller, or null when the policy lets the caller through. */
function expectedDenial(access: Access, caller: Caller): string | null {
  const role = ROLE_OF[caller];
  if (!admits(access, role)) return role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  if (typeof access !== 'object') return null;
  const staff = ['formalities', 'examiner', 'registrar', 'admin'].includes(role);
  // The fixture case is unpublished, filed by the owner agent.
  if ('case' in access) return caller === 'owner-agent' || staff ? null : 'CASE_NOT_FOUND';
  if ('document' in access) return caller === 'owner-agent' || staff ? null : 'DOCUMENT_NOT_FOUND';
  if ('owner' in access) {
    return caller === 'owner-agent' || (access.alsoRoles ?? []).includes(role as Role) ? null : NOT_FOUND_OF_OWNED[access.owner];
  }
  return null;
}

/** Every answer by which this policy refuses someone. */
function refusalsOf(access: Access): string[] {
  const hidden = typeof access !== 'object' ? null
    : 'case' in access ? 'CASE_NOT_FOUND' : 'document' in access ? 'DOCUMENT_NOT_FOUND' : 'owner' in access ? NOT_FOUND_OF_OWNED[access.owner] : null;
  return ['UNAUTHENTICATED', 'FORBIDDEN', ...(hidden ? [hidden] : [])];
}

/** A resource of the owner agent's, made for a route (again after a call deleted or submitted it). */
async function owned(kind: keyof typeof NOT_FOUND_OF_OWNED): Promise<string> {
  const agent = callers.get('owner-agent')!;
  if (kind === 'draft') return ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload: { mark: { kind: 'Word', text: 'DRAFTED' } } }), 201).id;
  if (kind === 'webhook') return ok(await agent.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['status-changed'] }), 201).id;
  if (kind === 'watch') return ok(await agent.post('/api/v1/watches', { markText: 'WATCHED' }), 201).id;
  return ok(await agent.get('/api/v1/auth/tokens')).items[0]?.id ?? (ok(await agent.post('/api/v1/auth/tokens', { label: 'matrix' }), 201), ok(await agent.get('/api/v1/auth/tokens')).items[0].id);
}

/** The route's address with every parameter filled from the fixtures. */
async function addressOf(route: RoutePolicy): Promise<string> {
  const owner = typeof route.access === 'object' && 'owner' in route.access ? route.access.owner : null;
  const values: Record<string, string> = {
    id: owner ? await owned(owner) : route.url.startsWith('/api/v1/cases/') ? caseId : route.url.startsWith('/api/v1/admin/users/') ? bystanderUserId : '999999',
    sha: documentSha, sha256: documentSha, number: caseNumber, act: 'no-such-act', ref: '1999-99', name: 'issue.pdf',
    entry: '00000000-0000-4000-8000-000000000000', kind: 'filing-receipt', language: 'en', code: 'ZZZZ-ZZZZ-ZZZZ', token: 'no-such-share',
  };
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_m, p: string) => encodeURIComponent(values[p] ?? 'x'));
}

async function call(caller: Caller, route: RoutePolicy, url: string) {
  const c = callers.get(caller)!;
  const headers: Record<string, string> = c.token ? { authorization: `Bearer ${c.token}` } : {};
  const withBody = route.method !== 'GET' && route.method !== 'HEAD';
  const body = SAMPLE_BODIES[`${route.method} ${route.url}`] ?? {};
  const res = await app.inject({ method: route.method as any, url, headers, ...(withBody ? { payload: body as any } : {}) });
  // A signed-in caller who just signed out signs in again for the next route.
  if (route.url === '/api/v1/auth/logout' && c.token) {
    const username = USERS.find(([k]) => k === caller)![1];
    callers.set(caller, await login(app, username));
  }
  return res;
}

test('every API route declares a policy, and the matrix of routes x callers holds', async () => {
  const routes = app.routePolicies;
  assert.ok(routes.length >= 95, `the API has its routes (${routes.length})`);
  const failures: string[] = [];
  let calls = 0;
  for (const route of routes) {
    let url = await addressOf(route);
    for (const caller of callers.keys()) {
      const res = await call(caller, route, url);
      // What a call deleted or submitted is made again for the next caller.
      if (res.statusCode < 300 && (route.method === 'DELETE' || route.url.endsWith('/submit'))) url = await addressOf(route);
      calls++;
      const code = res.statusCode >= 400 ? (() => { try { return res.json().code as string; } catch { return `(no problem document: ${res.body.slice(0, 80)})`; } })() : null;
      const denial = expectedDenial(route.access, caller);
      const where = `${route.method} ${route.url} as ${caller}`;
      if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode} ${code}`);
      else if (denial && code !== denial) {
        const hint = code === 'VALIDATION_FAILED' ? ' (add a valid body for this route to SAMPLE_BODIES)' : '';
        failures.push(`${where}: expected ${denial}, got ${res.statusCode} ${code ?? ''}${hint}`);
      }
      else if (!denial && code && refusalsOf(route.access).includes(code)) {
        failures.push(`${where}: expected to be let in, got ${res.statusCode} ${code}`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${calls} calls disagree with the routes' policies`);
  assert.ok(calls >= routes.length * 8);
});

test('a route without an access policy stops the server from starting', async () => {
  const fresh = await buildHttp(office);
  try {
    assert.throws(() => fresh.get('/api/v1/unguarded', async () => ({ ok: true })), /declares no access policy/);
    fresh.get('/api/v1/guarded', { config: { access: 'office' } }, async () => ({ ok: true }));
    const anon = await fresh.inject({ method: 'GET', url: '/api/v1/guarded' });
    assert.equal(anon.statusCode, 401);
  } finally { await fresh.close(); }
});

test('the OpenAPI document says who may call each operation', async () => {
  const spec = ok(await callers.get('anonymous')!.get('/openapi.json'));
  const op = spec.paths['/api/v1/admin/users'].get;
  assert.match(op.description, /Access: accounts with the role admin\./);
  assert.match(spec.paths['/api/v1/cases/{id}'].get.description, /parties of the case and office staff/);
});
