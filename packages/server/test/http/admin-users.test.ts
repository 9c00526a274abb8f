// Users and roles (PATCH /api/v1/admin/users/:id): the administrator renames, changes the role of,
// deactivates and reactivates accounts and resets passwords. A deactivated account cannot sign in and
// its sessions and API tokens end at once; an administrator cannot lock themselves out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, PASSWORD, type Client, type Res } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let admin: Client, examiner: Client, agent: Client;
const ids: Record<string, string> = {};

const patch = (c: Client | null, id: string, body: unknown): Promise<Res> =>
  app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${id}`, headers: c?.token ? { authorization: `Bearer ${c.token}` } : {}, payload: body as any });
const loginRes = (username: string, password = PASSWORD) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const users = async () => Object.fromEntries(ok(await admin.get('/api/v1/admin/users')).items.map((u: any) => [u.username, u]));

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  for (const [u, role, party] of [['admin1', 'admin'], ['admin2', 'admin'], ['exam1', 'examiner'], ['agent1', 'agent', 'Agent One LLP']] as const) {
    ids[u] = (await office.user(u, role, party)).id;
  }
  [admin, examiner, agent] = await Promise.all(['admin1', 'exam1', 'agent1'].map((u) => login(app, u)));
});
after(() => office.shutdown());

test('only an administrator changes accounts; unknown accounts and invalid changes are refused and change nothing', async () => {
  const before = await users();
  expectProblem(await patch(null, ids.exam1, { displayName: 'X' }), 401, 'UNAUTHENTICATED');
  expectProblem(await patch(examiner, ids.exam1, { role: 'admin' }), 403, 'FORBIDDEN');
  expectProblem(await patch(agent, ids.agent1, { displayName: 'Me' }), 403, 'FORBIDDEN');
  expectProblem(await patch(admin, '00000000-0000-4000-8000-000000000000', { displayName: 'Nobody' }), 404, 'USER_NOT_FOUND');
  expectProblem(await patch(admin, 'not-an-id', { displayName: 'Nobody' }), 404, 'USER_NOT_FOUND');
  expectProblem(await patch(admin, ids.exam1, {}), 400, 'VALIDATION_FAILED');
  expectProblem(await patch(admin, ids.exam1, { role: 'king' }), 400, 'VALIDATION_FAILED');
  expectProblem(await patch(admin, ids.exam1, { username: 'renamed' }), 400, 'VALIDATION_FAILED');
  expectProblem(await patch(admin, ids.exam1, { password: 'short' }), 400, 'PASSWORD_TOO_SHORT');
  expectProblem(await patch(admin, ids.exam1, { displayName: '   ' }), 400, 'INVALID_DISPLAY_NAME');
  assert.deepEqual(await users(), before);
  ok(await loginRes('exam1'));
});

test('an administrator cannot deactivate or demote themselves (SELF_LOCKOUT), but may rename themselves', async () => {
  expectProblem(await patch(admin, ids.admin1, { active: false }), 409, 'SELF_LOCKOUT');
  expectProblem(await patch(admin, ids.admin1, { role: 'examiner' }), 409, 'SELF_LOCKOUT');
  expectProblem(await patch(admin, ids.admin1, { role: 'registrar', displayName: 'Chief' }), 409, 'SELF_LOCKOUT');
  const me = await users();
  assert.deepEqual([me.admin1.role, me.admin1.active, me.admin1.displayName], ['admin', true, 'admin1'], 'nothing written');
  const renamed = ok(await patch(admin, ids.admin1, { displayName: 'Chief Administrator', role: 'admin' }));
  assert.deepEqual([renamed.displayName, renamed.role, renamed.active], ['Chief Administrator', 'admin', true]);
});

test('a new role takes effect on the next request of the same session', async () => {
  const changed = ok(await patch(admin, ids.exam1, { role: 'registrar', displayName: 'Examiner Now Registrar' }));
  assert.deepEqual([changed.role, changed.displayName, changed.username], ['registrar', 'Examiner Now Registrar', 'exam1']);
  assert.equal(ok(await examiner.get('/api/v1/auth/me')).role, 'registrar');
  ok(await patch(admin, ids.exam1, { role: 'examiner' }));
});

test('a deactivated account cannot sign in, its sessions and API tokens end, and reactivation does not revive them', async () => {
  const apiToken = ok(await agent.post('/api/v1/auth/tokens', { label: 'robot' }), 201).token;
  const robot = client(app, apiToken);
  ok(await robot.get('/api/v1/auth/me'));
  const off = ok(await patch(admin, ids.agent1, { active: false }));
  assert.equal(off.active, false);
  expectProblem(await agent.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await robot.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await loginRes('agent1'), 401, 'INVALID_CREDENTIALS');

  assert.equal(ok(await patch(admin, ids.agent1, { active: true })).active, true);
  expectProblem(await agent.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await robot.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  agent = await login(app, 'agent1');
  assert.equal(ok(await agent.get('/api/v1/auth/me')).username, 'agent1');
});

test('a password reset ends the account\'s sessions; an administrator resetting their own keeps the session in use', async () => {
  ok(await patch(admin, ids.exam1, { password: 'a-new-password' }));
  expectProblem(await examiner.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await loginRes('exam1'), 401, 'INVALID_CREDENTIALS');
  examiner = await login(app, 'exam1', 'a-new-password');

  const otherSession = await login(app, 'admin1');
  ok(await patch(admin, ids.admin1, { password: 'admin-new-password' }));
  ok(await admin.get('/api/v1/auth/me'));
  expectProblem(await otherSession.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  await login(app, 'admin1', 'admin-new-password');

  // Another administrator may deactivate this one: the office always keeps the administrator acting.
  const second = await login(app, 'admin2');
  assert.equal(ok(await patch(second, ids.admin1, { active: false })).active, false);
  expectProblem(await admin.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
});
