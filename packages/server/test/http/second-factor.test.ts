// Sign-in security through the HTTP API: a TOTP second factor (enrolment, sign-in with and without a
// code, replay, recovery codes, turning it off), lockout after failures in a row and its expiry, unknown
// user names answered like wrong passwords, the administrator's unlock, the record of sign-in events,
// and API tokens limited to their scopes. Wall-clock time is the access service's `now`, moved here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/app/config.ts';
import { officeSecret } from '../../src/modules/access/index.ts';
import { base32Decode, hotp, stepAt, totp } from '../../src/modules/access/totp.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, PASSWORD, tinyPng, type Client } from './helpers.ts';

const MAX = 3;
const LOCK_MINUTES = 10;
let office: TestOffice;
let app: FastifyInstance;
let admin: Client;
let now = new Date('2026-03-02T10:00:05Z');
const ids: Record<string, string> = {};

const advance = (seconds: number) => { now = new Date(now.getTime() + seconds * 1000); };
const signIn = (username: string, password = PASSWORD, code?: string, address = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, payload: { username, password, ...(code === undefined ? {} : { code }) } });
const events = async (username: string) => (await office.db.query<{ event: string }>('SELECT event FROM sign_in_events WHERE username = $1 ORDER BY id', [username])).rows.map((r) => r.event);

/** Enrols a user's second factor through the API; returns its secret and recovery codes. */
async function enrol(c: Client) {
  const started = ok(await c.post('/api/v1/account/second-factor'), 201);
  const secret = base32Decode(started.secret);
  const { recoveryCodes } = ok(await c.post('/api/v1/account/second-factor/confirm', { code: totp(secret, now) }));
  return { started, secret, recoveryCodes: recoveryCodes as string[] };
}

before(async () => {
  office = await testOffice({ config: { loginMaxFailures: MAX, loginLockMinutes: LOCK_MINUTES } });
  office.access.now = () => now;
  app = await office.http();
  for (const [u, role] of [['admin1', 'admin'], ['sam', 'agent'], ['lena', 'applicant'], ['otto', 'agent'], ['rita', 'applicant'], ['exam1', 'examiner'], ['tess', 'agent']] as const) {
    ids[u] = (await office.user(u, role)).id;
  }
  admin = await login(app, 'admin1');
});
after(async () => { await office.shutdown(); });

test('enrolment: secret, otpauth address and QR code; a current code puts it in force and gives ten recovery codes once', async () => {
  const sam = await login(app, 'sam');
  assert.deepEqual(ok(await sam.get('/api/v1/account/second-factor')), { enabled: false, pending: false, recoveryCodesLeft: 0 });
  const started = ok(await sam.post('/api/v1/account/second-factor'), 201);
  assert.match(started.secret, /^[A-Z2-7]{32}$/);
  const uri = new URL(started.uri);
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.searchParams.get('secret'), started.secret);
  assert.match(decodeURIComponent(uri.pathname), /:sam$/);
  assert.match(started.qrSvg, /^<svg[\s\S]*<\/svg>\s*$/);
  assert.equal(ok(await sam.get('/api/v1/account/second-factor')).pending, true);

  // The secret is not in the database as such.
  const stored = (await office.db.query<{ secret: string }>('SELECT secret FROM second_factors WHERE user_id = $1', [ids.sam])).rows[0].secret;
  const raw = base32Decode(started.secret);
  for (const form of [started.secret, raw.toString('hex'), raw.toString('base64'), raw.toString('base64url')]) assert.ok(!stored.includes(form));

  const secret = base32Decode(started.secret);
  const wrong = String((Number(totp(secret, now)) + 1) % 1_000_000).padStart(6, '0');
  expectProblem(await sam.post('/api/v1/account/second-factor/confirm', { code: wrong }), 422, 'SECOND_FACTOR_INVALID');
  assert.equal(ok(await sam.get('/api/v1/account/second-factor')).enabled, false);
  const { recoveryCodes } = ok(await sam.post('/api/v1/account/second-factor/confirm', { code: totp(secret, now) }));
  assert.equal(recoveryCodes.length, 10);
  assert.equal(new Set(recoveryCodes).size, 10);
  for (const c of recoveryCodes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  assert.deepEqual(ok(await sam.get('/api/v1/account/second-factor')), { enabled: true, pending: false, recoveryCodesLeft: 10 });
  const hashes = (await office.db.query<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [ids.sam])).rows.map((r) => r.code_hash);
  assert.equal(hashes.length, 10);
  for (const c of recoveryCodes) assert.ok(!hashes.some((h) => h.includes(c.replace(/-/g, ''))), 'stored hashed');
  expectProblem(await sam.post('/api/v1/account/second-factor'), 409, 'SECOND_FACTOR_ACTIVE');
  expectProblem(await sam.post('/api/v1/account/second-factor/confirm', { code: totp(secret, now) }), 409, 'SECOND_FACTOR_ACTIVE');
  assert.ok((await events('sam')).includes('second-factor-enabled'));
});

test('with a second factor, the password alone gets 401 SECOND_FACTOR_REQUIRED and no session; the current code signs in, once', async () => {
  advance(60);
  const secretRow = await enrol(await login(app, 'rita'));
  const noCode = await signIn('rita');
  expectProblem(noCode, 401, 'SECOND_FACTOR_REQUIRED');
  assert.equal(noCode.headers['set-cookie'], undefined, 'no session cookie');
  assert.equal(noCode.json().token, undefined);
  // A wrong password does not say whether the account has a second factor.
  expectProblem(await signIn('rita', 'wrong-password'), 401, 'INVALID_CREDENTIALS');
  const unlock = async () => ok(await admin.post(`/api/v1/admin/users/${ids.rita}/unlock`)); // refusals count; keep clear of the lock here
  await unlock();

  advance(30);
  const code = totp(secretRow.secret, now);
  const first = ok(await signIn('rita', PASSWORD, code));
  assert.equal(typeof first.token, 'string');
  assert.equal(ok(await client(app, first.token).get('/api/v1/auth/me')).username, 'rita');
  // The same code again, even within its 30 seconds: replay refused.
  expectProblem(await signIn('rita', PASSWORD, code), 401, 'SECOND_FACTOR_INVALID');
  // An older code after a newer one was used: refused too.
  expectProblem(await signIn('rita', PASSWORD, hotp(secretRow.secret, stepAt(now) - 1)), 401, 'SECOND_FACTOR_INVALID');
  await unlock();
  // Two steps away: too old.
  advance(30);
  expectProblem(await signIn('rita', PASSWORD, hotp(secretRow.secret, stepAt(now) - 2)), 401, 'SECOND_FACTOR_INVALID');
  // The next step's code (the phone's clock a little ahead) is accepted.
  ok(await signIn('rita', PASSWORD, hotp(secretRow.secret, stepAt(now) + 1)));
  const ev = await events('rita');
  assert.ok(ev.includes('second-factor-required') && ev.includes('bad-code') && ev.includes('signed-in'), ev.join(','));
});

test('a recovery code signs in once, typed in any case with or without dashes', async () => {
  advance(120);
  const tess = await login(app, 'tess');
  const { recoveryCodes } = await enrol(tess);
  const typed = recoveryCodes[3].toUpperCase().replace(/-/g, ' ');
  ok(await signIn('tess', PASSWORD, typed));
  expectProblem(await signIn('tess', PASSWORD, recoveryCodes[3]), 401, 'SECOND_FACTOR_INVALID');
  ok(await signIn('tess', PASSWORD, recoveryCodes[4]));
  assert.equal(ok(await tess.get('/api/v1/account/second-factor')).recoveryCodesLeft, 8);
  assert.equal((await events('tess')).filter((e) => e === 'recovery-code-used').length, 2);
});

test('turning the second factor off needs the password and a current code; afterwards the password alone signs in', async () => {
  advance(300);
  const otto = await login(app, 'otto');
  const { secret } = await enrol(otto);
  advance(30);
  expectProblem(await app.inject({ method: 'DELETE', url: '/api/v1/account/second-factor', headers: { authorization: `Bearer ${otto.token}` }, payload: { password: 'nope-nope', code: totp(secret, now) } }), 403, 'INVALID_CREDENTIALS');
  expectProblem(await app.inject({ method: 'DELETE', url: '/api/v1/account/second-factor', headers: { authorization: `Bearer ${otto.token}` }, payload: { password: PASSWORD, code: '000000' === totp(secret, now) ? '111111' : '000000' } }), 403, 'SECOND_FACTOR_INVALID');
  assert.equal(ok(await otto.get('/api/v1/account/second-factor')).enabled, true);
  const off = ok(await app.inject({ method: 'DELETE', url: '/api/v1/account/second-factor', headers: { authorization: `Bearer ${otto.token}` }, payload: { password: PASSWORD, code: totp(secret, now) } }));
  assert.deepEqual(off, { enabled: false, pending: false, recoveryCodesLeft: 0 });
  ok(await signIn('otto'));
  assert.equal((await office.db.query('SELECT 1 FROM recovery_codes WHERE user_id = $1', [ids.otto])).rows.length, 0);
  assert.ok((await events('otto')).includes('second-factor-disabled'));
});

test(`${MAX} failures in a row lock the account for ${LOCK_MINUTES} minutes, even against the right password; then it opens again`, async () => {
  advance(3600);
  for (let i = 1; i < MAX; i++) expectProblem(await signIn('lena', `wrong-${i}`), 401, 'INVALID_CREDENTIALS');
  const locked = await signIn('lena', 'wrong-last');
  const p = expectProblem(locked, 423, 'ACCOUNT_LOCKED');
  const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
  assert.equal(p.lockedUntil, until);
  assert.equal(locked.headers['retry-after'], String(LOCK_MINUTES * 60));
  const right = await signIn('lena');
  assert.equal(expectProblem(right, 423, 'ACCOUNT_LOCKED').lockedUntil, until, 'the right password does not open a lock');
  assert.equal(right.headers['set-cookie'], undefined);
  advance(LOCK_MINUTES * 60 - 1);
  expectProblem(await signIn('lena'), 423, 'ACCOUNT_LOCKED');
  advance(1);
  ok(await signIn('lena'));
  const ev = await events('lena');
  assert.deepEqual(ev.filter((e) => e !== 'signed-in'), [...Array(MAX).fill('bad-password'), 'locked', 'refused-locked', 'refused-locked']);
  // No password reaches the record.
  const all = JSON.stringify((await office.db.query('SELECT * FROM sign_in_events')).rows);
  for (const secret of ['wrong-1', 'wrong-last', PASSWORD]) assert.ok(!all.includes(secret));
});

test('a sign-in resets the count; failures further apart than the window do not add up', async () => {
  advance(3600);
  for (let i = 1; i < MAX; i++) expectProblem(await signIn('lena', 'bad'), 401, 'INVALID_CREDENTIALS');
  ok(await signIn('lena'));
  for (let i = 1; i < MAX; i++) expectProblem(await signIn('lena', 'bad'), 401, 'INVALID_CREDENTIALS');
  advance(LOCK_MINUTES * 60 + 1);
  expectProblem(await signIn('lena', 'bad'), 401, 'INVALID_CREDENTIALS'); // the count started again
  ok(await signIn('lena'));
});

test('wrong second-factor codes count as failures and lock the account', async () => {
  advance(3600);
  const { secret } = await enrol(await login(app, 'otto'));
  for (let i = 1; i < MAX; i++) expectProblem(await signIn('otto', PASSWORD, '999999' === totp(secret, now) ? '888888' : '999999'), 401, 'SECOND_FACTOR_INVALID');
  expectProblem(await signIn('otto', PASSWORD, 'abcd-efgh-jkmn'), 423, 'ACCOUNT_LOCKED');
  expectProblem(await signIn('otto', PASSWORD, totp(secret, now)), 423, 'ACCOUNT_LOCKED');
  // An administrator removes the second factor (a lost phone); the lock stays until lifted.
  expectProblem(await (await login(app, 'exam1')).post(`/api/v1/admin/users/${ids.otto}/unlock`), 403, 'FORBIDDEN');
  ok(await app.inject({ method: 'DELETE', url: `/api/v1/admin/users/${ids.otto}/second-factor`, headers: { authorization: `Bearer ${admin.token}` } }));
  expectProblem(await signIn('otto'), 423, 'ACCOUNT_LOCKED');
  const unlocked = ok(await admin.post(`/api/v1/admin/users/${ids.otto}/unlock`));
  assert.deepEqual(unlocked, { id: ids.otto, username: 'otto', wasLocked: true });
  ok(await signIn('otto'));
  const state = ok(await admin.get(`/api/v1/admin/users/${ids.otto}/sign-in`));
  assert.equal(state.lockedUntil, null);
  assert.equal(state.secondFactor, false);
  const names = state.events.map((e: any) => e.event);
  for (const e of ['bad-code', 'locked', 'refused-locked', 'second-factor-reset', 'unlocked', 'signed-in']) assert.ok(names.includes(e), `${e} in ${names}`);
  assert.equal(state.events.find((e: any) => e.event === 'unlocked').byUser, ids.admin1);
  expectProblem(await admin.post('/api/v1/admin/users/00000000-0000-4000-8000-000000000000/unlock'), 404, 'USER_NOT_FOUND');
});

test('an unknown user name answers exactly like a wrong password, takes about as long, and locks the same way', async () => {
  advance(3600);
  const strip = (r: any) => { const { instance, ...rest } = r.json(); void instance; return rest; };
  const unknown = await signIn('nobody-here', 'whatever');
  const wrong = await signIn('lena', 'whatever');
  assert.equal(unknown.statusCode, wrong.statusCode);
  assert.deepEqual(strip(unknown), strip(wrong));
  assert.deepEqual(Object.keys(unknown.headers).sort(), Object.keys(wrong.headers).sort());
  ok(await signIn('lena'));
  // The password is checked against a hash either way (argon2 dominates the time).
  const time = async (u: string) => { const t0 = process.hrtime.bigint(); await signIn(u, 'whatever', undefined, `10.1.0.${u.length}`); return Number(process.hrtime.bigint() - t0) / 1e6; };
  // Interleaved, and the fastest of each kept: the least disturbed by whatever else the machine runs.
  const unknownTimes: number[] = []; const knownTimes: number[] = [];
  for (let i = 0; i < 4; i++) { unknownTimes.push(await time('ghost')); knownTimes.push(await time('lena')); advance(LOCK_MINUTES * 60 + 1); }
  const tUnknown = Math.min(...unknownTimes); const tKnown = Math.min(...knownTimes);
  assert.ok(tUnknown > tKnown / 3 && tUnknown < tKnown * 3, `unknown ${tUnknown} ms vs wrong password ${tKnown} ms`);
  // An unknown name locks after as many failures, so a lock says nothing of who exists.
  advance(LOCK_MINUTES * 60 + 1);
  for (let i = 1; i < MAX; i++) expectProblem(await signIn('nobody-else', 'x'), 401, 'INVALID_CREDENTIALS');
  expectProblem(await signIn('nobody-else', 'x'), 423, 'ACCOUNT_LOCKED');
  assert.ok((await events('nobody-else')).includes('unknown-user'));
});

test('an address with many failures across user names is refused for a while (429), other addresses are not', async () => {
  advance(3600);
  const address = '10.9.9.9';
  for (let i = 0; i < MAX * 10 - 1; i++) expectProblem(await signIn(`spray-${i}`, 'x', undefined, address), 401, 'INVALID_CREDENTIALS');
  const last = await signIn('spray-last', 'x', undefined, address);
  expectProblem(last, 429, 'SIGN_IN_RATE_LIMITED');
  assert.equal(last.headers['retry-after'], String(LOCK_MINUTES * 60));
  expectProblem(await signIn('lena', PASSWORD, undefined, address), 429, 'SIGN_IN_RATE_LIMITED');
  ok(await signIn('lena', PASSWORD, undefined, '10.9.9.10'));
  advance(LOCK_MINUTES * 60);
  ok(await signIn('lena', PASSWORD, undefined, address));
});

test('API tokens carry scopes: a request outside them is refused with 403 TOKEN_SCOPE; tokens are listed and revoked', async () => {
  advance(3600);
  const lena = await login(app, 'lena');
  const make = async (scopes?: string[]) => ok(await lena.post('/api/v1/auth/tokens', { label: `t-${scopes?.join('+') ?? 'all'}`, ...(scopes ? { scopes } : {}) }), 201);
  const readOnly = make(['read']);
  const reader = client(app, (await readOnly).token);
  assert.deepEqual((await readOnly).scopes, ['read']);
  ok(await reader.get('/api/v1/cases'));
  ok(await reader.get('/api/v1/auth/me'));
  const refused = expectProblem(await reader.post('/api/v1/cases', filing()), 403, 'TOKEN_SCOPE');
  assert.equal(refused.scope, 'file');
  expectProblem(await reader.raw('POST', '/api/v1/uploads', tinyPng(1, 1), 'image/png'), 403, 'TOKEN_SCOPE');

  const filer = client(app, (await make(['file', 'read'])).token);
  const filed = ok(await filer.post('/api/v1/cases', filing()), 201);
  expectProblem(await filer.post(`/api/v1/cases/${filed.case.id}/acts/withdraw`, { payload: {} }), 403, 'TOKEN_SCOPE');
  expectProblem(await filer.post('/api/v1/webhooks', { url: 'https://example.org/hook', events: ['act.recorded'] }), 403, 'TOKEN_SCOPE');
  const actor = client(app, (await make(['act'])).token);
  assert.equal(ok(await actor.post(`/api/v1/cases/${filed.case.id}/acts/withdraw`, { payload: {} }), 201).state, 'withdrawn');
  expectProblem(await actor.get('/api/v1/cases'), 403, 'TOKEN_SCOPE');

  // A scoped token cannot make tokens or change the second factor: that needs the person signed in.
  const all = client(app, (await make()).token);
  for (const res of [await all.post('/api/v1/auth/tokens', { label: 'child' }), await all.post('/api/v1/account/second-factor')]) {
    assert.equal(expectProblem(res, 403, 'TOKEN_SCOPE').scope, 'session');
  }
  expectProblem(await lena.post('/api/v1/auth/tokens', { label: 'bad', scopes: ['everything'] }), 400, 'VALIDATION_FAILED');

  // Administration needs the admin scope even for an administrator's token.
  const adminRead = client(app, ok(await admin.post('/api/v1/auth/tokens', { label: 'monitor', scopes: ['read'] }), 201).token);
  ok(await adminRead.get('/api/v1/admin/users'));
  expectProblem(await adminRead.put('/api/v1/admin/clock', { date: '2027-01-01' }), 403, 'TOKEN_SCOPE');
  expectProblem(await adminRead.post(`/api/v1/admin/users/${ids.lena}/unlock`), 403, 'TOKEN_SCOPE');

  const listed = ok(await lena.get('/api/v1/auth/tokens')).items;
  assert.equal(listed.length, 4);
  assert.deepEqual(listed.map((t: any) => t.scopes), [['read'], ['file', 'read'], ['act'], ['act', 'admin', 'file', 'read', 'webhooks']]);
  assert.ok(listed.every((t: any) => /^[0-9a-f]{16}$/.test(t.id) && !JSON.stringify(t).includes((reader.token as string).slice(4, 20))));
  ok(await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${listed[0].id}`, headers: { authorization: `Bearer ${lena.token}` } }));
  expectProblem(await reader.get('/api/v1/cases'), 401, 'INVALID_TOKEN');
  expectProblem(await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${listed[0].id}`, headers: { authorization: `Bearer ${lena.token}` } }), 404, 'TOKEN_NOT_FOUND');
  assert.equal(ok(await lena.get('/api/v1/auth/tokens')).items.length, 3);
});

test('settings: LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES and SECOND_FACTOR_KEY are validated; the office secret is kept in DATA_DIR', () => {
  const c = loadConfig({});
  assert.equal(c.loginMaxFailures, 5);
  assert.equal(c.loginLockMinutes, 15);
  assert.equal(c.secondFactorKey, null);
  assert.throws(() => loadConfig({ LOGIN_MAX_FAILURES: '0' }), /LOGIN_MAX_FAILURES must be an integer/);
  assert.throws(() => loadConfig({ LOGIN_LOCK_MINUTES: 'soon' }), /LOGIN_LOCK_MINUTES must be an integer/);
  assert.throws(() => loadConfig({ SECOND_FACTOR_KEY: 'short' }), /SECOND_FACTOR_KEY must have at least 32 characters/);
  assert.equal(loadConfig({ LOGIN_MAX_FAILURES: '10', SECOND_FACTOR_KEY: 'k'.repeat(40) }).loginMaxFailures, 10);

  const dir = mkdtempSync(join(tmpdir(), 'registrum-secret-'));
  try {
    const first = officeSecret(null, dir);
    assert.equal(first.length, 32);
    assert.deepEqual(officeSecret(null, dir), first, 'made once, then read');
    const file = join(dir, 'secrets', 'second-factor.key');
    assert.equal(statSync(file).mode & 0o077, 0, 'readable by the server only');
    assert.equal(readFileSync(file, 'utf8'), first.toString('hex'));
    assert.deepEqual(officeSecret('k'.repeat(40), dir), Buffer.from('k'.repeat(40)));
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
