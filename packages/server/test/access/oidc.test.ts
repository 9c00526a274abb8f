// Sign-in through an OpenID Connect provider, against a real provider process (oidc-provider, its own
// RS256 key, static clients, a sign-in form naming the test user). The office listens on a real port
// and the tests play the browser: every redirect is followed by fetch, with each site's cookies.
// Also: the session cookie's Secure flag and HSTS behind TLS, and staff password sign-in turned off.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { Role } from '@registrum/procedures';
import { loadConfig, type Config } from '../../src/app/config.ts';
import { OidcSignIn } from '../../src/modules/access/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, PASSWORD } from '../http/helpers.ts';
import { spawnProvider } from './oidc-provider-process.ts';

const SECRET = 'office-client-secret-of-enough-length';
const CALLBACK = '/api/v1/auth/oidc/callback';

// --- the provider and the browser ------------------------------------------------------------------

interface Provider { issuer: string; proc: ChildProcess; tamper(mode: string): Promise<void>; setUser(sub: string, claims: Record<string, unknown> | null): Promise<void> }

async function startProvider(settings: unknown): Promise<Provider> {
  const { issuer, proc } = await spawnProvider(settings);
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${issuer}${path}`, { method: 'POST', body: JSON.stringify(body) });
    assert.equal(r.status, 204);
  };
  return { issuer, proc, tamper: (mode) => post('/__test/tamper', { mode }), setUser: (sub, claims) => post('/__test/user', { sub, claims }) };
}

/** A port free now (the office listens on it; the provider must know the redirect URI before). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** A browser: cookies per site (host and port), redirects not followed by itself, pages asked for as HTML. */
class Browser {
  private jar = new Map<string, Map<string, string>>();
  constructor(private readonly accept = 'text/html,application/xhtml+xml,*/*;q=0.8') {}

  cookie(url: string, name: string) { return this.jar.get(new URL(url).host)?.get(name); }
  setCookie(url: string, name: string, value: string) {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    this.jar.get(host)!.set(name, value);
  }

  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const u = new URL(url);
    const cookies = [...(this.jar.get(u.host) ?? [])].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(u, { method: init.method ?? 'GET', body: init.body, redirect: 'manual',
      headers: { accept: this.accept, ...(cookies ? { cookie: cookies } : {}), ...init.headers } });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.jar.get(u.host)?.delete(name);
      else this.setCookie(url, name, pair.slice(i + 1).trim());
    }
    return res;
  }
}

const location = (res: Response, base: string) => new URL(res.headers.get('location')!, base).href;

/**
 * Follows the redirects from `url` (the office's start, or a provider's authorisation address) through
 * the provider's sign-in form, choosing `account` (or cancelling), up to the office's callback; returns
 * the callback address, not visited yet.
 */
async function throughProvider(b: Browser, url: string, account: string, action: 'login' | 'abort' = 'login'): Promise<string> {
  let next = url;
  for (let i = 0; i < 12; i++) {
    const u = new URL(next);
    if (u.pathname === CALLBACK) return next;
    let res: Response;
    if (u.pathname.startsWith('/interaction/')) {
      const page = await b.request(next);
      const html = await page.text();
      assert.equal(page.status, 200, `the provider's sign-in page: ${html}`);
      assert.match(html, /Test provider: sign in/);
      res = await b.request(next, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ account, action }).toString() });
    } else {
      res = await b.request(next);
    }
    assert.ok(res.status === 302 || res.status === 303, `${next} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    next = location(res, next);
  }
  throw new Error('too many redirects');
}

/** An authorisation code straight from a provider for any client (what an attacker could get): the callback address. */
async function foreignCallback(issuer: string, clientId: string, account: string, redirectUri: string): Promise<URL> {
  const meta = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json() as { authorization_endpoint: string };
  const verifier = randomBytes(32).toString('base64url');
  const u = new URL(meta.authorization_endpoint);
  u.search = new URLSearchParams({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'openid email', state: 'theirs', nonce: 'theirs',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  }).toString();
  return new URL(await throughProvider(new Browser(), u.href, account));
}

// --- the offices -------------------------------------------------------------------------------------

/** The configuration an operator would write, read by the real loader. */
function configFrom(env: Record<string, string>): Partial<Config> {
  const c = loadConfig({ REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...env });
  return { publicUrl: c.publicUrl, oidc: c.oidc, trustProxy: c.trustProxy, staffPasswordSignIn: c.staffPasswordSignIn };
}

async function account(office: TestOffice, username: string, role: Role, email: string | null): Promise<string> {
  return office.db.tx((q) => office.access.createUser(q, { username, displayName: username, role, password: PASSWORD, email: email ?? undefined }));
}

const identities = async (office: TestOffice, userId: string) =>
  (await office.db.query<{ subject: string; linked_by: string }>('SELECT subject, linked_by FROM oidc_identities WHERE user_id = $1 ORDER BY subject', [userId])).rows;

const events = async (office: TestOffice, where: string, param: string) =>
  (await office.db.query<{ event: string; method: string | null }>(`SELECT event, method FROM sign_in_events WHERE ${where} = $1 ORDER BY id`, [param])).rows;

const USERS = {
  'sub-erin': { email: 'Erin@Office.example', email_verified: true, name: 'Erin Examiner' },
  'sub-lina': { email: 'lina.private@mail.example', email_verified: true, name: 'Lina' },
  'sub-stranger': { email: 'stranger@elsewhere.example', email_verified: true },
  'sub-uma': { email: 'uma@office.example', email_verified: false },
  'sub-sam': { email: 'sam@office.example', email_verified: true, name: 'Sam Staff', preferred_username: 'sam', roles: ['registrum:examiner', 'registrum:admin', 'other:registrar'] },
  'sub-ada': { email: 'ada@office.example', email_verified: true, preferred_username: 'ada', roles: ['registrum:admin'] },
  'sub-app': { email: 'app@office.example', email_verified: true, roles: ['registrum:applicant'] },
  'sub-self': { email: 'someone@mail.example', email_verified: true },
};

describe('OpenID Connect sign-in against a real provider', () => {
  let provider: Provider; let second: Provider;
  let plain: TestOffice; let roles: TestOffice;
  let plainBase: string; let rolesBase: string;
  let erin: string;

  before(async () => {
    const [p1, p2] = [await freePort(), await freePort()];
    plainBase = `http://127.0.0.1:${p1}`; rolesBase = `http://127.0.0.1:${p2}`;
    const redirect_uris = [`${plainBase}${CALLBACK}`, `${rolesBase}${CALLBACK}`];
    const clients = [{ client_id: 'registrum', client_secret: SECRET, redirect_uris }, { client_id: 'other-client', client_secret: 'another-secret-entirely', redirect_uris }];
    [provider, second] = await Promise.all([startProvider({ clients, users: USERS }), startProvider({ clients, users: USERS })]);
    const env = { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'registrum', OIDC_CLIENT_SECRET: SECRET, OIDC_NAME: 'Office directory' };
    plain = await testOffice({ config: configFrom({ ...env, PUBLIC_URL: plainBase }) });
    roles = await testOffice({ config: configFrom({ ...env, PUBLIC_URL: rolesBase, OIDC_ROLE_CLAIM: 'roles', OIDC_SCOPES: 'openid email profile roles' }) });
    // The provider gives Erin's address in other letter case; her account is not linked yet.
    erin = await account(plain, 'erin', 'examiner', 'erin@office.example');
    await account(plain, 'root', 'admin', null);
    await (await plain.http()).listen({ port: p1, host: '127.0.0.1' });
    await (await roles.http()).listen({ port: p2, host: '127.0.0.1' });
  });
  after(async () => {
    await plain?.shutdown();
    await roles?.shutdown();
    provider?.proc.kill();
    second?.proc.kill();
  });

  const start = (base: string, returnTo?: string) => `${base}/api/v1/auth/oidc/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`;
  const me = async (b: Browser, base: string) => {
    const r = await b.request(`${base}/api/v1/auth/me`, { headers: { accept: 'application/json' } });
    return { status: r.status, body: await r.json() as Record<string, any> };
  };

  test('the sign-in page learns whether there is a provider, and its name', async () => {
    const r = await fetch(`${plainBase}/api/v1/auth/providers`);
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { password: true, staffPassword: true, oidc: { name: 'Office directory', start: '/api/v1/auth/oidc/start' } });
  });

  test('first sign-in: linked to the one account with the verified e-mail (any case); the session works on /auth/me', async () => {
    assert.deepEqual(await identities(plain, erin), []);
    const b = new Browser();
    const startRes = await b.request(start(plainBase));
    assert.equal(startRes.status, 303);
    const auth = new URL(location(startRes, plainBase));
    assert.equal(auth.origin, provider.issuer);
    assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(auth.searchParams.get('code_challenge') && auth.searchParams.get('nonce') && auth.searchParams.get('state'));
    assert.equal(auth.searchParams.get('redirect_uri'), `${plainBase}${CALLBACK}`);
    assert.equal(b.cookie(plainBase, 'registrum_oidc'), auth.searchParams.get('state'), 'the state is kept in the browser that began');
    const stored = (await plain.db.query<{ state_hash: string }>('SELECT state_hash FROM oidc_logins')).rows.map((r) => r.state_hash);
    assert.ok(!stored.includes(auth.searchParams.get('state')!), 'the database keeps only a hash of the state');

    const callback = await throughProvider(b, auth.href, 'sub-erin');
    const res = await b.request(callback);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/office', 'an examiner lands on the office portal');
    const cookies = res.headers.getSetCookie().join('\n');
    assert.match(cookies, /registrum_session=[\w-]{20,}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=\d+/);
    assert.doesNotMatch(cookies, /Secure/, 'plain http: no Secure flag');
    assert.equal(b.cookie(plainBase, 'registrum_oidc'), undefined, 'the state cookie is cleared');
    const who = await me(b, plainBase);
    assert.equal(who.status, 200);
    assert.equal(who.body.username, 'erin');
    assert.equal(who.body.role, 'examiner');
    assert.deepEqual(await identities(plain, erin), [{ subject: 'sub-erin', linked_by: 'email' }]);
    assert.deepEqual((await events(plain, 'user_id', erin)).map((e) => `${e.event}/${e.method}`), ['oidc-linked/oidc', 'signed-in/oidc']);
  });

  test('a linked account signs in and lands on the page it asked for', async () => {
    const lina = await account(plain, 'lina', 'agent', 'lina@agency.example');
    // Its e-mail differs from the provider's: only the administrator's link lets it in.
    const adminB = new Browser('application/json');
    await adminB.request(`${plainBase}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'root', password: PASSWORD }) });
    const linkRes = await adminB.request(`${plainBase}/api/v1/admin/users/${lina}/identities`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: plainBase }, body: JSON.stringify({ subject: 'sub-lina' }) });
    assert.equal(linkRes.status, 201, await linkRes.text());
    assert.deepEqual(await identities(plain, lina), [{ subject: 'sub-lina', linked_by: 'admin' }]);
    assert.ok((await events(plain, 'user_id', lina)).some((e) => e.event === 'oidc-linked'));

    const b = new Browser();
    const res = await b.request(await throughProvider(b, start(plainBase, '/portal/cases?state=filed#top'), 'sub-lina'));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/portal/cases?state=filed#top');
    assert.equal((await me(b, plainBase)).body.username, 'lina');
    const last = (await plain.db.query<{ last_sign_in_at: Date | null }>('SELECT last_sign_in_at FROM oidc_identities WHERE subject = $1', ['sub-lina'])).rows[0];
    assert.ok(last.last_sign_in_at instanceof Date);
  });

  test('an identity linked to nothing is refused: the browser goes back to the sign-in page with the code, an API client gets the problem', async () => {
    const b = new Browser();
    const res = await b.request(await throughProvider(b, start(plainBase), 'sub-stranger'));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/login?oidcError=OIDC_NOT_LINKED');
    assert.doesNotMatch(res.headers.getSetCookie().join('\n'), /registrum_session=[^;]/);
    assert.equal((await me(b, plainBase)).status, 401);

    const api = new Browser('application/json');
    const r2 = await api.request(await throughProvider(api, start(plainBase), 'sub-stranger'));
    assert.equal(r2.status, 403);
    assert.equal((await r2.json() as { code: string }).code, 'OIDC_NOT_LINKED');
    assert.equal((await plain.db.query('SELECT 1 FROM users WHERE email = $1', ['stranger@elsewhere.example'])).rows.length, 0);
    assert.ok((await events(plain, 'username', 'oidc:stranger@elsewhere.example')).every((e) => e.event === 'oidc-not-linked' && e.method === 'oidc'));
  });

  test('an e-mail the provider has not verified is never used to find an account', async () => {
    const uma = await account(plain, 'uma', 'formalities', 'uma@office.example');
    const b = new Browser();
    const res = await b.request(await throughProvider(b, start(plainBase), 'sub-uma'));
    assert.equal(res.headers.get('location'), '/login?oidcError=OIDC_EMAIL_UNVERIFIED');
    assert.deepEqual(await identities(plain, uma), []);
    assert.equal((await me(b, plainBase)).status, 401);
  });

  test('without OIDC_ROLE_CLAIM no account is made from claims, whatever roles they carry', async () => {
    const b = new Browser();
    const res = await b.request(await throughProvider(b, start(plainBase), 'sub-sam'));
    assert.equal(res.headers.get('location'), '/login?oidcError=OIDC_NOT_LINKED');
    assert.equal((await plain.db.query('SELECT 1 FROM users WHERE email = $1', ['sam@office.example'])).rows.length, 0);
  });

  test('a tampered state, or a callback in another browser, is refused; the real one still works', async () => {
    await account(plain, 'tess', 'registrar', null);
    await plain.db.query(`INSERT INTO oidc_identities (issuer, subject, user_id, linked_by) SELECT $1, 'sub-self', id, 'admin' FROM users WHERE username = 'tess'`, [provider.issuer]);
    const b = new Browser('application/json');
    const callback = new URL(await throughProvider(b, start(plainBase), 'sub-self'));
    const tampered = new URL(callback); tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
    const cookie = b.cookie(plainBase, 'registrum_oidc')!;
    await expectProblemOf(await b.request(tampered.href), 400, 'OIDC_STATE_MISMATCH');

    // Someone else's browser (no state cookie) delivering the same answer: login CSRF.
    await expectProblemOf(await new Browser('application/json').request(callback.href), 400, 'OIDC_STATE_MISMATCH');

    b.setCookie(plainBase, 'registrum_oidc', cookie); // the refusal cleared it; the user's own browser still has the flow going
    const ok = await b.request(callback.href);
    assert.equal(ok.status, 303);
    assert.equal((await me(b, plainBase)).body.username, 'tess');
    assert.ok((await events(plain, 'username', 'oidc')).some((e) => e.event === 'oidc-state-mismatch'));
  });

  test('a callback replayed, even with its cookie, is refused; so is an old code under a new state', async () => {
    const b = new Browser('application/json');
    const callback = await throughProvider(b, start(plainBase), 'sub-erin');
    const cookie = b.cookie(plainBase, 'registrum_oidc')!;
    assert.equal((await b.request(callback)).status, 303);
    b.setCookie(plainBase, 'registrum_oidc', cookie);
    await expectProblemOf(await b.request(callback), 400, 'OIDC_LOGIN_EXPIRED');

    // A new sign-in begun, and the used code put under its state: the provider refuses the code.
    const fresh = new URL(await throughProvider(b, start(plainBase), 'sub-erin'));
    const old = new URL(callback);
    fresh.searchParams.set('code', old.searchParams.get('code')!);
    await expectProblemOf(await b.request(fresh.href), 401, 'OIDC_INVALID_RESPONSE');
  });

  test('ID tokens for another audience, from another issuer, with another nonce or signed by another key are refused', async () => {
    for (const mode of ['aud', 'iss', 'nonce', 'key']) {
      await provider.tamper(mode);
      try {
        const b = new Browser('application/json');
        const res = await b.request(await throughProvider(b, start(plainBase), 'sub-erin'));
        await expectProblemOf(res, 401, 'OIDC_INVALID_RESPONSE', mode);
        assert.doesNotMatch(res.headers.getSetCookie().join('\n'), /registrum_session=[^;]/, mode);
        assert.equal((await me(b, plainBase)).status, 401, mode);
      } finally {
        await provider.tamper('none');
      }
    }
    // The same provider untampered: accepted (so the refusals above were the tampering's).
    const b = new Browser('application/json');
    assert.equal((await b.request(await throughProvider(b, start(plainBase), 'sub-erin'))).status, 303);
  });

  test('a code issued by a second issuer, or to a second client, is refused', async () => {
    const redirect = `${plainBase}${CALLBACK}`;
    for (const [label, issuer, clientId, iss] of [
      ['second issuer, its own iss', second.issuer, 'registrum', second.issuer],
      ['second issuer, iss of the office\'s provider', second.issuer, 'registrum', provider.issuer],
      ['second client of the same provider', provider.issuer, 'other-client', provider.issuer],
    ] as const) {
      const theirs = await foreignCallback(issuer, clientId, 'sub-erin', redirect);
      const b = new Browser('application/json');
      const mine = new URL(await throughProvider(b, start(plainBase), 'sub-stranger'));
      mine.searchParams.set('code', theirs.searchParams.get('code')!);
      mine.searchParams.set('iss', iss);
      await expectProblemOf(await b.request(mine.href), 401, 'OIDC_INVALID_RESPONSE', label);
      assert.equal((await me(b, plainBase)).status, 401, label);
    }
  });

  test('the user cancelling at the provider comes back refused', async () => {
    const b = new Browser();
    const res = await b.request(await throughProvider(b, start(plainBase), 'sub-erin', 'abort'));
    assert.equal(res.headers.get('location'), '/login?oidcError=OIDC_DENIED');
  });

  test('returnTo must stay on this site', async () => {
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'office', '/api/v1/auth/me', '/x\ny']) {
      const r = await fetch(start(plainBase, bad), { redirect: 'manual', headers: { accept: 'application/json' } });
      await expectProblemOf(r, 400, 'OIDC_RETURN_TO_INVALID', bad);
    }
    const page = await new Browser().request(start(plainBase, 'https://evil.example/'));
    assert.equal(page.headers.get('location'), '/login?oidcError=OIDC_RETURN_TO_INVALID');
    const tooLong = await fetch(start(plainBase, `/${'a'.repeat(600)}`), { redirect: 'manual', headers: { accept: 'application/json' } });
    assert.equal(tooLong.status, 400);
  });

  test('a signed-in user links their own identity, which then signs them in; an identity already linked elsewhere is refused', async () => {
    const vic = await account(plain, 'vic', 'applicant', 'vic@applicant.example');
    await plain.db.query(`DELETE FROM oidc_identities WHERE subject = 'sub-self'`);
    const b = new Browser();
    const login = await b.request(`${plainBase}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ username: 'vic', password: PASSWORD }) });
    assert.equal(login.status, 200);
    const linkRes = await b.request(`${plainBase}/api/v1/auth/oidc/link`, { method: 'POST', headers: { accept: 'application/json', origin: plainBase } });
    assert.equal(linkRes.status, 201, await linkRes.clone().text());
    const { location: to } = await linkRes.json() as { location: string };
    const back = await b.request(await throughProvider(b, to, 'sub-self'));
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), '/security');
    assert.deepEqual(await identities(plain, vic), [{ subject: 'sub-self', linked_by: 'self' }]);

    const fresh = new Browser();
    assert.equal((await fresh.request(await throughProvider(fresh, start(plainBase), 'sub-self'))).headers.get('location'), '/portal');
    assert.equal((await me(fresh, plainBase)).body.username, 'vic');

    // Another account trying to link the same identity.
    await account(plain, 'wil', 'applicant', null);
    const w = new Browser('application/json');
    await w.request(`${plainBase}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wil', password: PASSWORD }) });
    const wl = await w.request(`${plainBase}/api/v1/auth/oidc/link?returnTo=${encodeURIComponent('/portal')}`, { method: 'POST', headers: { origin: plainBase } });
    await expectProblemOf(await w.request(await throughProvider(w, (await wl.json() as { location: string }).location, 'sub-self')), 409, 'OIDC_ALREADY_LINKED');
    // Not without signing in.
    await expectProblemOf(await new Browser('application/json').request(`${plainBase}/api/v1/auth/oidc/link`, { method: 'POST' }), 401, 'UNAUTHENTICATED');
  });

  test('an administrator removes the links of an account: its identity no longer enters', async () => {
    const first = new Browser();
    assert.equal((await first.request(await throughProvider(first, start(plainBase), 'sub-erin'))).headers.get('location'), '/office');
    const adminB = new Browser('application/json');
    await adminB.request(`${plainBase}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'root', password: PASSWORD }) });
    const list = await adminB.request(`${plainBase}/api/v1/admin/users/${erin}/identities`);
    assert.deepEqual((await list.json() as { items: { subject: string }[] }).items.map((i) => i.subject), ['sub-erin']);
    const del = await adminB.request(`${plainBase}/api/v1/admin/users/${erin}/identities`, { method: 'DELETE', headers: { origin: plainBase } });
    assert.deepEqual(await del.json(), { removed: 1 });
    await expectProblemOf(await adminB.request(`${plainBase}/api/v1/admin/users/not-a-uuid/identities`), 404, 'USER_NOT_FOUND');
    // Erin's e-mail is verified and unique, so the next sign-in links it again: the link by e-mail is the rule.
    // A second account with the same address makes it ambiguous: refused.
    await account(plain, 'erin2', 'examiner', 'erin@office.example');
    const b = new Browser();
    assert.equal((await b.request(await throughProvider(b, start(plainBase), 'sub-erin'))).headers.get('location'), '/login?oidcError=OIDC_NOT_LINKED');
  });

  describe('with OIDC_ROLE_CLAIM', () => {
    test('office staff get an account with the claimed role (never one the claim lacks, admin only if allowed)', async () => {
      const b = new Browser();
      const res = await b.request(await throughProvider(b, start(rolesBase), 'sub-sam'));
      assert.equal(res.headers.get('location'), '/office');
      const who = (await me(b, rolesBase)).body;
      assert.equal(who.username, 'sam');
      assert.equal(who.role, 'examiner', 'registrum:admin is claimed but not in OIDC_PROVISION_ROLES; other:registrar has another prefix');
      assert.equal(who.email, 'sam@office.example');
      assert.equal(who.displayName, 'Sam Staff');
      assert.deepEqual(await identities(roles, who.id), [{ subject: 'sub-sam', linked_by: 'provisioned' }]);
      // The account has no password anyone knows.
      const pw = await fetch(`${rolesBase}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'sam', password: PASSWORD }) });
      assert.equal(pw.status, 401);

      for (const sub of ['sub-ada', 'sub-app', 'sub-stranger']) {
        const x = new Browser();
        assert.equal((await x.request(await throughProvider(x, start(rolesBase), sub))).headers.get('location'), '/login?oidcError=OIDC_NOT_LINKED', sub);
      }
      assert.equal((await roles.db.query('SELECT 1 FROM users WHERE email = ANY($1)', [['ada@office.example', 'app@office.example']])).rows.length, 0);
    });

    test('the role follows the claim at each sign-in; with no role left the account is refused', async () => {
      await provider.setUser('sub-sam', { ...USERS['sub-sam'], roles: ['registrum:formalities'] });
      const b = new Browser();
      await b.request(await throughProvider(b, start(rolesBase), 'sub-sam'));
      assert.equal((await me(b, rolesBase)).body.role, 'formalities');

      await provider.setUser('sub-sam', { ...USERS['sub-sam'], roles: [] });
      const c = new Browser();
      assert.equal((await c.request(await throughProvider(c, start(rolesBase), 'sub-sam'))).headers.get('location'), '/login?oidcError=OIDC_NO_ROLE');
      assert.equal((await roles.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email = 'sam@office.example'`)).rows[0].n, 1, 'no second account');
      await provider.setUser('sub-sam', USERS['sub-sam']);
    });

    test('an account that existed before keeps its own role: the claim only finds it by e-mail', async () => {
      await account(roles, 'app', 'agent', 'app@office.example');
      const b = new Browser();
      await b.request(await throughProvider(b, start(rolesBase), 'sub-app'));
      const who = (await me(b, rolesBase)).body;
      assert.equal(who.username, 'app');
      assert.equal(who.role, 'agent');
    });
  });
});

async function expectProblemOf(res: Response, status: number, code: string, label = '') {
  const body = await res.text();
  assert.equal(res.status, status, `${label}: expected ${status} ${code}, got ${res.status}: ${body.slice(0, 300)}`);
  assert.match(String(res.headers.get('content-type')), /^application\/problem\+json/, label);
  assert.equal(JSON.parse(body).code, code, label);
}

describe('session cookies behind TLS, and staff password sign-in turned off', () => {
  let provider: Provider; let tls: TestOffice; let behind: TestOffice; let direct: TestOffice;
  before(async () => {
    provider = await startProvider({ clients: [{ client_id: 'registrum', client_secret: SECRET, redirect_uris: ['https://register.example/api/v1/auth/oidc/callback'] }], users: {} });
    tls = await testOffice({ config: configFrom({ PUBLIC_URL: 'https://register.example', OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'registrum', OIDC_CLIENT_SECRET: SECRET, STAFF_PASSWORD_SIGN_IN: 'off' }) });
    behind = await testOffice({ config: configFrom({ TRUST_PROXY: '127.0.0.1' }) });
    direct = await testOffice({ config: configFrom({}) });
    for (const o of [tls, behind, direct]) await account(o, 'agent1', 'agent', null);
  });
  after(async () => {
    await tls?.shutdown();
    await behind?.shutdown();
    await direct?.shutdown();
    provider?.proc.kill();
  });

  const loginHeaders = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...extra });
  const sessionCookie = (res: { headers: Record<string, any> }) => [res.headers['set-cookie']].flat().find((c: string) => c?.startsWith('registrum_session='))!;
  const login = (o: TestOffice, username: string, password = PASSWORD, h: Record<string, string> = {}) =>
    o.http().then((app) => app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: loginHeaders(h), payload: { username, password } }));

  test('PUBLIC_URL https://: the session cookie is Secure (at sign-in and sign-out) and responses carry HSTS; so is the provider state cookie', async () => {
    const app = await tls.http();
    const res = await login(tls, 'agent1');
    assert.equal(res.statusCode, 200);
    assert.match(sessionCookie(res), /; HttpOnly; SameSite=Lax; Path=\/; Max-Age=\d+; Secure$/);
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000');
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${res.json().token}` } });
    assert.match(sessionCookie(out), /^registrum_session=; .*Max-Age=0; Secure$/);
    const providers = await app.inject({ method: 'GET', url: '/api/v1/auth/providers' });
    assert.equal(providers.headers['strict-transport-security'], 'max-age=31536000');
    assert.equal(providers.json().staffPassword, false);
    assert.equal(providers.json().oidc.name, new URL(provider.issuer).host, 'without OIDC_NAME: the issuer host');

    const started = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    assert.equal(started.statusCode, 303);
    assert.match(String(started.headers['set-cookie']), /^registrum_oidc=[\w-]+; HttpOnly; SameSite=Lax; Path=\/api\/v1\/auth\/oidc; Max-Age=600; Secure$/);
    assert.equal(new URL(String(started.headers.location)).searchParams.get('redirect_uri'), 'https://register.example/api/v1/auth/oidc/callback');
  });

  test('STAFF_PASSWORD_SIGN_IN=off: staff with the right password are refused (and told why), a wrong one is just wrong; others sign in', async () => {
    await account(tls, 'exa', 'examiner', null);
    expectProblem(await login(tls, 'exa'), 403, 'PASSWORD_SIGN_IN_DISABLED');
    expectProblem(await login(tls, 'exa', 'wrong-password'), 401, 'INVALID_CREDENTIALS');
    const evs = (await tls.db.query<{ event: string }>(`SELECT event FROM sign_in_events WHERE username = 'exa' ORDER BY id`)).rows.map((e) => e.event);
    assert.deepEqual(evs, ['refused-password-disabled', 'bad-password']);
    assert.equal((await tls.db.query(`SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'exa'`)).rows.length, 0);
    assert.equal((await login(tls, 'agent1')).statusCode, 200);
    const signedIn = (await tls.db.query<{ method: string }>(`SELECT method FROM sign_in_events WHERE username = 'agent1' AND event = 'signed-in'`)).rows;
    assert.ok(signedIn.length >= 1 && signedIn.every((e) => e.method === 'password'), 'a password sign-in is recorded as such');
    // The same examiner where staff passwords are on.
    await account(direct, 'exa', 'examiner', null);
    assert.equal((await login(direct, 'exa')).statusCode, 200);
  });

  test('TRUST_PROXY: X-Forwarded-Proto: https from the proxy makes the cookie Secure; without TRUST_PROXY the header is ignored', async () => {
    const viaTls = await login(behind, 'agent1', PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.match(sessionCookie(viaTls), /; Secure$/);
    assert.equal(viaTls.headers['strict-transport-security'], 'max-age=31536000');
    const viaHttp = await login(behind, 'agent1', PASSWORD, { 'x-forwarded-proto': 'http' });
    assert.doesNotMatch(sessionCookie(viaHttp), /Secure/);
    assert.equal(viaHttp.headers['strict-transport-security'], undefined);

    const spoofed = await login(direct, 'agent1', PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.doesNotMatch(sessionCookie(spoofed), /Secure/);
    assert.equal(spoofed.headers['strict-transport-security'], undefined);
  });

  test('an office without a provider says so', async () => {
    const app = await direct.http();
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/auth/providers' })).json().oidc, null);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' }), 404, 'OIDC_NOT_CONFIGURED');
    const page = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/login?oidcError=OIDC_NOT_CONFIGURED');
  });

  test('a provider that cannot be reached: 503 OIDC_UNAVAILABLE, nothing started', async () => {
    const port = await freePort(); // nothing listens there
    const oidc = new OidcSignIn(direct.db, direct.access, {
      ...configFrom({ PUBLIC_URL: 'http://127.0.0.1:1', OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }).oidc!, allowHttp: true, loginSeconds: 600 });
    await assert.rejects(oidc.start({}), (e: any) => e.code === 'OIDC_UNAVAILABLE' && e.status === 503);
    assert.equal((await direct.db.query('SELECT 1 FROM oidc_logins')).rows.length, 0);
  });
});

describe('configuration of the provider', () => {
  const base = { REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://', PUBLIC_URL: 'https://register.example' };
  const fails = (env: Record<string, string>, re: RegExp) => assert.throws(() => loadConfig({ ...base, ...env }), re);
  const oidc = { OIDC_ISSUER: 'https://id.example', OIDC_CLIENT_ID: 'registrum', OIDC_CLIENT_SECRET: 's' };

  test('settings are checked together and refused with the variable named', () => {
    fails({ ...oidc, PUBLIC_URL: '' }, /PUBLIC_URL is required with OIDC_ISSUER/);
    fails({ ...oidc, OIDC_CLIENT_ID: '' }, /OIDC_CLIENT_ID is required/);
    fails({ ...oidc, OIDC_ISSUER: 'ftp://id.example' }, /OIDC_ISSUER must be/);
    fails({ ...oidc, OIDC_ISSUER: 'http://id.example', REGISTRUM_MODE: 'production', SIGNING_P12: '/dev/null' }, /OIDC_ISSUER must be https:\/\/ in production/);
    fails({ ...oidc, OIDC_PROVISION_ROLES: 'examiner,applicant' }, /OIDC_PROVISION_ROLES/);
    fails({ ...oidc, OIDC_SCOPES: 'email profile' }, /OIDC_SCOPES must include openid/);
    fails({ ...oidc, OIDC_CLIENT_AUTH: 'private_key_jwt' }, /OIDC_CLIENT_AUTH/);
    fails({ OIDC_CLIENT_ID: 'registrum' }, /OIDC_CLIENT_ID set without OIDC_ISSUER/);
    fails({ STAFF_PASSWORD_SIGN_IN: 'off' }, /STAFF_PASSWORD_SIGN_IN=off needs OIDC_ISSUER/);
    fails({ TRUST_PROXY: '10.0.0.0/8,not-an-address' }, /TRUST_PROXY/);
    const c = loadConfig({ ...base, ...oidc, OIDC_ROLE_CLAIM: 'groups', OIDC_PROVISION_ROLES: 'admin, examiner', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    assert.deepEqual(c.oidc, {
      issuer: 'https://id.example', clientId: 'registrum', clientSecret: 's', clientAuth: 'client_secret_basic', name: 'id.example',
      scopes: ['openid', 'email', 'profile'], roleClaim: 'groups', rolePrefix: 'registrum:', provisionRoles: ['admin', 'examiner'],
      redirectUri: 'https://register.example/api/v1/auth/oidc/callback',
    });
    assert.deepEqual(c.trustProxy, ['10.0.0.0/8', '127.0.0.1']);
    assert.equal(loadConfig(base).oidc, null);
    assert.equal(loadConfig(base).trustProxy, false);
  });
});
