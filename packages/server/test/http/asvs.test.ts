// The OWASP ASVS (4.0, level 2) requirements that apply to the office's HTTP surface, each as a test
// through the public API (and, for the logs, through the real `registrum serve` process):
//   V14.4  security headers on every answer: nosniff, a content security policy (the app's on pages, a
//          closed one on API answers), no framing, no referrer, nothing naming the server's software;
//   V7.4   errors: no stack trace, no SQL, no path of the server in any 4xx or 5xx body;
//   V4.2.2 / V13.2.3  CSRF: a request carrying the session cookie that a browser marks as made by
//          another site (a foreign Origin, or Sec-Fetch-Site cross-site or same-site) changes nothing;
//   V2.2.1 / V11.1.4  rate limits: sign-in failures per address, and the public API, answer 429 with
//          Retry-After;
//   V7.1.1 no credential in the logs: passwords, session and API tokens, second-factor and recovery
//          codes, webhook secrets and share links are not written even at debug level;
//   V12.5.2 / V14.4.2  uploads and downloads: a document is served under the type its bytes bear out,
//          inline only when it is a PDF or a picture, never as active content (HTML, SVG, XML);
//   V3.4   the session cookie is HttpOnly and SameSite;
//   V3.3   sessions end on sign-out, and an administrator's password reset or deactivation ends every
//          session and API token of the account.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { testOffice, usingPostgres, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, PASSWORD, tinyPng, type Client, type Res } from './helpers.ts';
import { base32Decode, totp } from '../../src/modules/access/totp.ts';
import { launchServe } from '../../../../e2e/support/office.ts';

let office: TestOffice;
let app: FastifyInstance;
let web: string;
let agent: Client, admin: Client, pub: Client;
let caseId = '';
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const HOST = 'registrum.example';

before(async () => {
  web = mkdtempSync(join(tmpdir(), 'registrum-asvs-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), INDEX);
  writeFileSync(join(web, 'assets', 'index-abc123.js'), 'console.log(1)');
  office = await testOffice({ startDate: '2026-03-02', config: { webDir: web, rateLimitAnonymous: 0, rateLimitSignedIn: 0 } });
  app = await office.http();
  await office.user('agent', 'agent', 'Careful IP LLP');
  await office.user('admin', 'admin');
  await office.user('lena', 'applicant', 'Lena Roastery');
  [agent, admin] = await Promise.all([login(app, 'agent'), login(app, 'admin')]);
  pub = client(app);
  caseId = ok(await agent.post('/api/v1/cases', filing()), 201).case.id;
});
after(async () => {
  await office?.shutdown();
  rmSync(web, { recursive: true, force: true });
});

/** What no error answer may carry: a stack frame, a path of the server, or the database's words. */
const LEAKS = [/\n\s+at\s/, /\bat [\w.<>]+ \(/, /\.ts:\d+/, /\.js:\d+/, /node_modules/, /file:\/\//, /\/work\/|\/home\/|\/usr\//,
  /relation "/, /column "/, /syntax error at/i, /violates .* constraint/, /SQLSTATE/i, /\bpg_\w+/, /\bSELECT\b.*\bFROM\b/i, /\bINSERT INTO\b/i, /\bUPDATE \w+ SET\b/i, /"stack"/];

function noLeak(res: Res, what: string) {
  for (const re of LEAKS) assert.doesNotMatch(res.body, re, `${what}: ${res.statusCode} ${res.body.slice(0, 400)}`);
}

function commonHeaders(res: Res, what: string) {
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers['referrer-policy'], 'no-referrer', `${what}: referrer policy`);
  assert.equal(res.headers['x-powered-by'], undefined, `${what}: no x-powered-by`);
  assert.equal(res.headers.server, undefined, `${what}: no server header`);
  assert.ok(res.headers['content-type'], `${what}: a content type`);
}

test('V14.4: every API answer has nosniff, no referrer, a closed content security policy and no framing; pages the app\'s policy', async () => {
  const api: [string, Res][] = [
    ['a case (200)', await agent.get(`/api/v1/cases/${caseId}`)],
    ['the public register (200)', await pub.get('/api/v1/cases?limit=2')],
    ['the OpenAPI document', await pub.get('/openapi.json')],
    ['no such route (404)', await pub.get('/api/v1/no-such-thing')],
    ['not signed in (401)', await pub.get('/api/v1/portfolio')],
    ['invalid query (400)', await pub.get('/api/v1/cases?limit=-1')],
    ['malformed JSON (400)', await app.inject({ method: 'POST', url: '/api/v1/cases', headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/json' }, payload: '{"right":' })],
    ['the health check', await pub.get('/health')],
  ];
  for (const [what, res] of api) {
    commonHeaders(res, what);
    if (res.headers['content-type']?.toString().startsWith('text/html')) continue;
    if (!what.includes('health') && !what.includes('OpenAPI')) {
      const csp = String(res.headers['content-security-policy'] ?? '');
      assert.match(csp, /default-src 'none'/, `${what}: an API answer runs nothing`);
      assert.match(csp, /frame-ancestors 'none'/, `${what}: an API answer is never framed`);
    }
  }
  for (const url of ['/', '/security', '/portal/tokens', '/register/cases/TM-2026-000001']) {
    const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200, url);
    commonHeaders(res, url);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.match(csp, /object-src 'none'/, url);
    assert.doesNotMatch(csp, /script-src[^;]*'unsafe-(inline|eval)'/, `${url}: no inline or evaluated scripts`);
    assert.equal(res.headers['x-frame-options'], 'DENY', url);
  }
});

test('V7.4: no 4xx or 5xx answer carries a stack trace, a server path or SQL, even when the database fails', async () => {
  const token = { authorization: `Bearer ${agent.token}` };
  const bad: [string, Res][] = [
    ['malformed JSON', await app.inject({ method: 'POST', url: '/api/v1/cases', headers: { ...token, 'content-type': 'application/json' }, payload: '{"right": "trademark", ' })],
    ['JSON of the wrong shape', await agent.post('/api/v1/cases', [1, 2, 3])],
    ['a number too large', await agent.post('/api/v1/cases', filing({ goodsServices: [{ classNumber: 1e308, terms: ['x'] }] }))],
    ['a body of another type', await agent.raw('POST', '/api/v1/cases', 'right=trademark', 'application/x-www-form-urlencoded')],
    ['a broken URL encoding', await pub.get('/api/v1/cases/%E0%A4%A')],
    ['a quote in a case address', await pub.get(`/api/v1/cases/${encodeURIComponent("x' OR '1'='1")}`)],
    ['a quote in a search', await pub.get(`/api/v1/cases?q=${encodeURIComponent("'\"\\;--")}`)],
    ['an unknown method', await app.inject({ method: 'PROPFIND' as any, url: '/api/v1/cases' })],
    ['a token unknown', await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer nope' } })],
    ['an act unknown', await agent.post(`/api/v1/cases/${caseId}/acts/no-such-act`, { payload: {} })],
    ['an upload of HTML', await agent.raw('POST', '/api/v1/uploads', '<html><script>alert(1)</script></html>', 'text/html')],
    ['a body too large', await agent.raw('POST', '/api/v1/cases', Buffer.alloc(3 * 1024 * 1024, 0x20), 'application/json')],
  ];
  for (const [what, res] of bad) {
    // A search for odd text is just a search that finds nothing; everything else is a refusal.
    const refusal = !what.includes('search');
    assert.ok(res.statusCode < 500 && (!refusal || res.statusCode >= 400), `${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    noLeak(res, what);
  }
  // A real failure of the database under a public route: the table it reads is gone for a moment.
  await office.db.query('ALTER TABLE gazette_issues RENAME TO gazette_issues_away');
  let failed: Res;
  try {
    failed = await pub.get('/api/v1/gazette/issues');
  } finally {
    await office.db.query('ALTER TABLE gazette_issues_away RENAME TO gazette_issues');
  }
  const p = expectProblem(failed, 500, 'INTERNAL_ERROR');
  noLeak(failed, 'a database failure');
  assert.deepEqual(Object.keys(p).sort(), ['code', 'detail', 'instance', 'status', 'title', 'type']);
  commonHeaders(failed, 'a database failure');
  assert.equal((await pub.get('/api/v1/gazette/issues')).statusCode, 200, 'the office answers again once the table is back');
});

/** Signs in as a browser does: the session cookie, not the bearer token. */
async function cookieOf(username: string, password = PASSWORD): Promise<{ cookie: string; setCookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  assert.equal(res.statusCode, 200, res.body);
  const setCookie = String(res.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0], setCookie };
}

const tokenCount = async (username: string) => Number((await office.db.query(
  "SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = $1 AND s.kind = 'api-token'", [username])).rows[0].n);

test('V4.2.2: a request with the session cookie that a browser marks as cross-site is refused and changes nothing', async () => {
  const { cookie } = await cookieOf('agent');
  const post = (headers: Record<string, string>) => app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { cookie, host: HOST, ...headers }, payload: { label: 'csrf' } });
  const before = await tokenCount('agent');
  const crossSite: Record<string, string>[] = [
    { origin: 'https://evil.example' },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
    { origin: `https://${HOST}`, 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'content-type': 'text/plain' },
  ];
  for (const headers of crossSite) {
    expectProblem(await post(headers), 403, 'CSRF_REJECTED');
  }
  // Sign-out is refused too: a foreign page cannot end the session either.
  expectProblem(await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, host: HOST, 'sec-fetch-site': 'cross-site' } }), 403, 'CSRF_REJECTED');
  assert.equal(await tokenCount('agent'), before, 'nothing made by a refused request');
  // The office's own pages: same origin, or a browser that sends neither header (a non-browser client).
  ok(await post({ origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' }), 201);
  ok(await post({ 'sec-fetch-site': 'same-origin' }), 201);
  ok(await post({}), 201);
  // Reading is not changing: a cross-site GET (a link followed) is answered.
  ok(await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie, host: HOST, 'sec-fetch-site': 'cross-site' } }));
  // A bearer token is never sent by a browser on its own: its requests are not a forgery, whatever the site.
  ok(await app.inject({ method: 'POST', url: '/api/v1/auth/tokens', headers: { authorization: `Bearer ${agent.token}`, 'sec-fetch-site': 'cross-site', origin: 'https://docketing.example' }, payload: { label: 'machine' } }), 201);
  assert.equal(await tokenCount('agent'), before + 4);
});

test('V3.4: the session cookie is HttpOnly and SameSite, scoped to the whole site, and ended by its own Max-Age', async () => {
  const { setCookie } = await cookieOf('agent');
  assert.match(setCookie, /^registrum_session=[A-Za-z0-9_-]{40,};/);
  assert.match(setCookie, /;\s*HttpOnly/i);
  assert.match(setCookie, /;\s*SameSite=(Lax|Strict)/i);
  assert.match(setCookie, /;\s*Path=\//);
  assert.match(setCookie, /;\s*Max-Age=\d+/);
  const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: setCookie.split(';')[0] } });
  assert.match(String(out.headers['set-cookie']), /registrum_session=;.*Max-Age=0/, 'sign-out clears the cookie');
});

test('V3.3: sign-out ends the session on the server; an administrator\'s password reset or deactivation ends every session and token', async () => {
  const me = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const lenaId = (await office.db.query("SELECT id FROM users WHERE username = 'lena'")).rows[0].id;
  // Sign-out by cookie: the cookie replayed afterwards is nobody's.
  const first = await cookieOf('lena');
  ok(await me({ cookie: first.cookie }));
  ok(await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: first.cookie } }));
  expectProblem(await me({ cookie: first.cookie }), 401, 'UNAUTHENTICATED');
  // Sign-out by bearer token.
  const second = await login(app, 'lena');
  ok(await second.post('/api/v1/auth/logout'));
  expectProblem(await second.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  // A password set by an administrator: every session and API token of the account ends.
  const third = await login(app, 'lena');
  const cookie = (await cookieOf('lena')).cookie;
  const apiToken = ok(await third.post('/api/v1/auth/tokens', { label: 'docketing', scopes: ['read'] }), 201).token;
  ok(await client(app, apiToken).get('/api/v1/auth/me'));
  ok(await app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${lenaId}`, headers: { authorization: `Bearer ${admin.token}` }, payload: { password: 'a-new-password-1' } }));
  expectProblem(await third.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await client(app, apiToken).get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await me({ cookie }), 401, 'UNAUTHENTICATED');
  expectProblem(await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lena', password: PASSWORD } }), 401, 'INVALID_CREDENTIALS');
  // Deactivated: the new session ends too, and signing in is refused.
  const fourth = await login(app, 'lena', 'a-new-password-1');
  ok(await app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${lenaId}`, headers: { authorization: `Bearer ${admin.token}` }, payload: { active: false } }));
  expectProblem(await fourth.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lena', password: 'a-new-password-1' } }), 401, 'INVALID_CREDENTIALS');
  // Active again: the old sessions stay ended; a new sign-in works.
  ok(await app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${lenaId}`, headers: { authorization: `Bearer ${admin.token}` }, payload: { active: true } }));
  expectProblem(await fourth.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  ok(await (await login(app, 'lena', 'a-new-password-1')).get('/api/v1/auth/me'));
});

test('V12.5 / V14.4.2: documents are served under the type their bytes bear out, inline only as PDF or picture, never as active content', async () => {
  const png = ok(await agent.raw('POST', '/api/v1/uploads', tinyPng(3, 3), 'image/png'), 201);
  const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Figurative', image: { ...png, mediaType: 'image/svg+xml' } } }, null)), 201);
  const image = await agent.get(`/api/v1/documents/${png.sha256}`);
  assert.equal(image.statusCode, 200);
  assert.equal(image.headers['content-type'], 'image/png');
  assert.match(String(image.headers['content-disposition']), /^inline/);
  assert.equal(image.headers['x-content-type-options'], 'nosniff');
  assert.match(String(image.headers['content-security-policy']), /default-src 'none'/);
  // Documents of types a browser would run (XML with XHTML or SVG in it) or hand to another program
  // (DOCX, TIFF) are downloaded, never shown in the office's origin; so is anything whose bytes do not
  // bear out its type. Such rows come from imports and earlier versions; they are written here directly.
  const xhtml = '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><script>alert(document.cookie)</script></body></html>';
  const xml = ok(await agent.raw('POST', '/api/v1/uploads', xhtml, 'application/xml'), 201);
  const svgish = ok(await agent.raw('POST', '/api/v1/uploads', Buffer.concat([tinyPng(1, 1), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')]), 'image/png'), 201);
  for (const [sha, type, size] of [[xml.sha256, 'application/xml', xml.size], [svgish.sha256, 'image/svg+xml', svgish.size], [svgish.sha256, 'text/html', svgish.size]] as const) {
    await office.db.query('INSERT INTO documents (id, case_id, kind, direction, media_type, sha256, size, title) VALUES ($1, $2, $3, \'incoming\', $4, $5, $6, \'Evidence\')',
      [randomUUID(), filed.case.id, `evidence-${type}`, type, sha, size]);
  }
  const dl = await agent.get(`/api/v1/documents/${xml.sha256}`);
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.body, xhtml, 'the bytes as stored');
  assert.match(String(dl.headers['content-disposition']), /^attachment; filename="[0-9a-f]{64}\.xml"$/, 'XML is downloaded, not rendered');
  assert.match(String(dl.headers['content-security-policy']), /sandbox/);
  assert.equal(dl.headers['x-content-type-options'], 'nosniff');
  const poly = await agent.get(`/api/v1/documents/${svgish.sha256}`);
  assert.doesNotMatch(String(poly.headers['content-type']), /svg|html|xml/);
  assert.match(String(poly.headers['content-disposition']), /^(attachment|inline)/);
  // An upload of HTML or SVG is refused outright.
  expectProblem(await agent.raw('POST', '/api/v1/uploads', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
});

test('V2.2.1 / V11.1.4: sign-in failures are limited per address and the public API per address, with 429 and Retry-After', async () => {
  const limited = await testOffice({ startDate: '2026-03-02', config: { loginMaxFailures: 2, rateLimitAnonymous: 0, rateLimitSignedIn: 0 } });
  try {
    const lapp = await limited.http();
    await limited.user('mira', 'applicant');
    const attempt = (username: string, password: string, remoteAddress: string) =>
      lapp.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password } });
    // Twenty wrong guesses on twenty names (so no name locks) from one address: the address is stopped.
    let last: Res | undefined;
    for (let i = 0; i < 20; i++) last = await attempt(`guess${i}`, 'wrong-password', '203.0.113.7');
    const p = expectProblem(last!, 429, 'SIGN_IN_RATE_LIMITED');
    assert.ok(Number(last!.headers['retry-after']) >= 60, `retry-after ${last!.headers['retry-after']}`);
    assert.equal(typeof p.lockedUntil, 'string');
    expectProblem(await attempt('mira', PASSWORD, '203.0.113.7'), 429, 'SIGN_IN_RATE_LIMITED');
    assert.equal((await attempt('mira', PASSWORD, '198.51.100.4')).statusCode, 200, 'another address signs in');
  } finally {
    await limited.shutdown();
  }
  const open = await testOffice({ startDate: '2026-03-02', config: { rateLimitAnonymous: 3, rateLimitSignedIn: 0 } });
  try {
    const oapp = await open.http();
    const get = (remoteAddress: string) => oapp.inject({ method: 'GET', url: '/api/v1/cases?limit=1', remoteAddress });
    for (let i = 0; i < 3; i++) assert.equal((await get('192.0.2.10')).statusCode, 200);
    const over = await get('192.0.2.10');
    expectProblem(over, 429, 'RATE_LIMITED');
    assert.ok(Number(over.headers['retry-after']) >= 1);
    noLeak(over, 'rate limited');
    assert.equal((await get('192.0.2.11')).statusCode, 200, 'another address has its own allowance');
  } finally {
    await open.shutdown();
  }
});

test('V7.1.1: at debug level the log of the real server holds no password, token, code, secret or share link', { timeout: 180_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registrum-asvs-log-'));
  let databaseUrl = '';
  let drop = async () => {};
  if (usingPostgres()) {
    const url = new URL(process.env.DATABASE_URL!);
    const name = `asvs_${Date.now().toString(36)}`;
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect(); await c.query(`CREATE DATABASE "${name}"`); await c.end();
    const own = new URL(url.toString()); own.pathname = `/${name}`;
    databaseUrl = own.toString();
    drop = async () => {
      const d = new pg.Client({ connectionString: url.toString() });
      await d.connect(); await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await d.end();
    };
  }
  const served = await launchServe({
    DATABASE_URL: databaseUrl, DATA_DIR: dataDir, REGISTRUM_MODE: 'demo', REGISTRUM_SEED_DEMO: 'true', LOG_LEVEL: 'debug',
    WORKER_INTERVAL_MS: '200', OCR: 'off', RATE_LIMIT_SIGNED_IN: '0', RATE_LIMIT_ANONYMOUS: '0', WEB_DIR: web,
  }, 120_000);
  const secrets: Record<string, string> = {};
  try {
    const { url } = served;
    const call = async (method: string, path: string, opts: { token?: string; cookie?: string; body?: unknown } = {}) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
    };
    // Passwords, right and wrong; a session as bearer token and as cookie. (The demo users' shared password
    // is not a secret: the demo office prints it when it starts, and its sign-in page shows it.)
    const demoPassword = 'registrum-demo';
    secrets.wrongPassword = 'Wrong-Horse-Battery-9';
    assert.equal((await call('POST', '/api/v1/auth/login', { body: { username: 'applicant', password: secrets.wrongPassword } })).status, 401);
    const signedIn = await call('POST', '/api/v1/auth/login', { body: { username: 'applicant', password: demoPassword } });
    assert.equal(signedIn.status, 200);
    secrets.session = signedIn.body.token;
    const cookie = String(signedIn.headers.get('set-cookie')).split(';')[0];
    assert.equal((await call('GET', '/api/v1/auth/me', { token: secrets.session })).status, 200);
    assert.equal((await call('GET', '/api/v1/portfolio', { cookie })).status, 200);
    // An API token made and used; an unknown one tried.
    secrets.apiToken = (await call('POST', '/api/v1/auth/tokens', { token: secrets.session, body: { label: 'docketing', scopes: ['read'] } })).body.token;
    assert.equal((await call('GET', '/api/v1/portfolio', { token: secrets.apiToken })).status, 200);
    assert.equal((await call('POST', '/api/v1/cases', { token: secrets.apiToken, body: {} })).status, 403);
    secrets.unknownToken = 'rgm_unknown-token-value-that-is-long-enough';
    assert.equal((await call('GET', '/api/v1/auth/me', { token: secrets.unknownToken })).status, 401);
    // A webhook secret.
    const hook = await call('POST', '/api/v1/webhooks', { token: secrets.session, body: { url: 'https://docketing.example/hooks', events: ['status-changed'] } });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    secrets.webhookSecret = hook.body.secret;
    // A second factor: its secret, the code that confirms it, the recovery codes, and a sign-in with a code and with a recovery code.
    const opponent = (await call('POST', '/api/v1/auth/login', { body: { username: 'opponent', password: demoPassword } })).body.token;
    const started = await call('POST', '/api/v1/account/second-factor', { token: opponent });
    secrets.totpSecret = started.body.secret;
    const key = base32Decode(started.body.secret);
    secrets.confirmCode = totp(key, new Date());
    const confirmed = await call('POST', '/api/v1/account/second-factor/confirm', { token: opponent, body: { code: secrets.confirmCode } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    secrets.recoveryCode = confirmed.body.recoveryCodes[0];
    secrets.recoveryCodeBare = secrets.recoveryCode.replace(/-/g, '');
    secrets.nextCode = totp(key, new Date(Date.now() + 30_000));
    assert.equal((await call('POST', '/api/v1/auth/login', { body: { username: 'opponent', password: demoPassword, code: secrets.nextCode } })).status, 200);
    assert.equal((await call('POST', '/api/v1/auth/login', { body: { username: 'opponent', password: demoPassword, code: secrets.recoveryCode } })).status, 200);
    // An administrator sets a password and makes an account.
    const adminToken = (await call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: demoPassword } })).body.token;
    const users = (await call('GET', '/api/v1/admin/users', { token: adminToken })).body.items as { id: string; username: string }[];
    secrets.resetPassword = 'Reset-Password-For-Examiner-42';
    assert.equal((await call('PATCH', `/api/v1/admin/users/${users.find((u) => u.username === 'examiner')!.id}`, { token: adminToken, body: { password: secrets.resetPassword } })).status, 200);
    secrets.newUserPassword = 'New-User-Password-77';
    assert.equal((await call('POST', '/api/v1/admin/users', { token: adminToken, body: { username: 'newclerk', displayName: 'New Clerk', role: 'formalities', password: secrets.newUserPassword } })).status, 201);
    assert.equal((await call('POST', '/api/v1/auth/login', { body: { username: 'newclerk', password: secrets.newUserPassword } })).status, 200);
    assert.equal((await call('POST', '/api/v1/auth/login', { body: { username: 'examiner', password: secrets.resetPassword } })).status, 200);
    // A draft shared by link: the link is the credential.
    const draft = await call('POST', '/api/v1/drafts', { token: secrets.session, body: { right: 'trademark', payload: {} } });
    const shared = await call('POST', `/api/v1/drafts/${draft.body.id}/share`, { token: secrets.session });
    secrets.shareToken = shared.body.token;
    assert.equal((await call('GET', `/api/v1/shared/drafts/${secrets.shareToken}`)).status, 200);
    assert.equal((await fetch(`${url}/shared/drafts/${secrets.shareToken}`)).status, 200, 'the page of the link');
    await new Promise((r) => setTimeout(r, 500)); // the worker's pass over what was just done
  } finally {
    if (served.child.exitCode === null) {
      served.child.kill('SIGTERM');
      await new Promise((r) => { const t = setTimeout(() => { served.child.kill('SIGKILL'); r(null); }, 10_000); served.child.once('exit', () => { clearTimeout(t); r(null); }); });
    }
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const log = served.output();
  // Debug logging was on: every request is in the log, with its address.
  assert.match(log, /"url":"\/api\/v1\/auth\/login"/, 'requests are logged at debug level');
  assert.match(log, /"url":"\/api\/v1\/shared\/drafts\//, 'the shared-draft request is logged (without its token)');
  assert.ok(Object.keys(secrets).length >= 13, 'every secret of the journey was collected');
  for (const [what, value] of Object.entries(secrets)) {
    assert.ok(typeof value === 'string' && value.length >= 6, `${what} collected`);
    const digits = /^\d+$/.test(value);
    // A 6-digit code is looked for as a number of its own, not inside a timestamp.
    const found = digits ? new RegExp(`(?<![0-9.])${value}(?![0-9])`).test(log) : log.includes(value);
    assert.equal(found, false, `the log holds the ${what}`);
  }
});
