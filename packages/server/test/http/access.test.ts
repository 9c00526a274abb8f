// Who may see and do what, through the HTTP API: parties see their own cases, the public sees the
// published register without contact or payment details, office staff see everything; worklists and
// administration are for the office; acts are open only to those the law names; logout revokes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, tinyPng, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let alice: Client, bob: Client, agent1: Client, agent2: Client, formalities: Client, examiner: Client, registrar: Client, admin: Client;
let pub: Client;
let aliceCase = '', aliceNumber = '', publishedCase = '', publishedNumber = '';
let aliceImage = '', publishedImage = '';

const SECRET_ADDRESS = '7 Hidden Road';
const SECRET_EMAIL = 'alice@private.example';
const PAY_REF = 'PAYREF-4471';
const actUrl = (id: string, act: string) => `/api/v1/cases/${id}/acts/${act}`;
const ids = (list: any) => list.items.map((c: any) => c.id);

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  const users: [string, any, string?][] = [['alice', 'applicant', 'Alice Ltd'], ['bob', 'applicant', 'Bob GmbH'], ['agent1', 'agent', 'Agent One LLP'],
    ['agent2', 'agent', 'Agent Two LLP'], ['formal1', 'formalities'], ['exam1', 'examiner'], ['reg1', 'registrar'], ['admin1', 'admin']];
  for (const [u, role, party] of users) await office.user(u, role, party);
  [alice, bob, agent1, agent2, formalities, examiner, registrar, admin] = await Promise.all(users.map(([u]) => login(app, u)));
  pub = client(app);

  const contact = { kind: 'legal', name: 'Alice Ltd', country: 'XX', address: SECRET_ADDRESS, email: SECRET_EMAIL };
  aliceImage = ok(await alice.raw('POST', '/api/v1/uploads', tinyPng(2, 3), 'image/png'), 201).sha256;
  const a = ok(await alice.post('/api/v1/cases', filing({ applicant: contact, mark: { kind: 'Combined', text: 'ALICIA', image: { sha256: aliceImage, mediaType: 'image/png', size: tinyPng(2, 3).length } } })), 201);
  aliceCase = a.case.id; aliceNumber = a.case.number;

  const img = ok(await agent1.raw('POST', '/api/v1/uploads', tinyPng(3, 3), 'image/png'), 201);
  publishedImage = img.sha256;
  const p = ok(await agent1.post('/api/v1/cases', filing({ applicant: { ...contact, name: 'Zed Corp' }, mark: { kind: 'Combined', text: 'ZEDDA', image: img } },
    { amount: 250_00, currency: 'EUR', method: 'bank-transfer', reference: PAY_REF })), 201);
  publishedCase = p.case.id; publishedNumber = p.case.number;
  for (const [c, act] of [[formalities, 'accept-formalities'], [examiner, 'approve-classification'], [examiner, 'accept'], [registrar, 'publish']] as const) {
    ok(await c.post(actUrl(publishedCase, act), {}), 201);
  }
  await office.work();
});
after(async () => { await office.shutdown(); });

test('an applicant sees their own unpublished case; another applicant or agent gets 404 and does not find it in lists', async () => {
  const own = ok(await alice.get(`/api/v1/cases/${aliceCase}`));
  assert.equal(own.state, 'formalities');
  assert.equal(own.public, false);
  assert.ok(own.fees, 'a party sees the fees');
  assert.ok(ids(ok(await alice.get('/api/v1/cases'))).includes(aliceCase));

  for (const stranger of [bob, agent2]) {
    for (const url of [`/api/v1/cases/${aliceCase}`, `/api/v1/cases/${aliceNumber}`, `/api/v1/cases/${aliceCase}/acts`,
      `/api/v1/cases/${aliceCase}/time-limits`, `/api/v1/cases/${aliceCase}?asOf=2026-01-05`]) {
      expectProblem(await stranger.get(url), 404, 'CASE_NOT_FOUND');
    }
    const list = ok(await stranger.get('/api/v1/cases'));
    assert.ok(!ids(list).includes(aliceCase));
    assert.ok(ids(list).includes(publishedCase), 'published cases are listed for everyone');
    assert.equal(ok(await stranger.get(`/api/v1/cases?q=${aliceNumber}`)).total, 0);
    assert.equal(ok(await stranger.get('/api/v1/cases?q=ALICIA')).total, 0);
    expectProblem(await stranger.get(`/api/v1/documents/${aliceImage}`), 404, 'DOCUMENT_NOT_FOUND');
  }
  const dl = await alice.get(`/api/v1/documents/${aliceImage}`);
  assert.equal(dl.statusCode, 200);
});

test('the public sees only published cases, without addresses, emails or payment details', async () => {
  const list = ok(await pub.get('/api/v1/cases'));
  assert.deepEqual(ids(list), [publishedCase]);
  assert.ok(list.items.every((c: any) => c.public === true));
  expectProblem(await pub.get(`/api/v1/cases/${aliceCase}`), 404, 'CASE_NOT_FOUND');
  expectProblem(await pub.get(`/api/v1/cases/${aliceCase}/acts`), 404, 'CASE_NOT_FOUND');

  for (const viewer of [pub, bob]) {
    const res = await viewer.get(`/api/v1/cases/${publishedCase}`);
    const c = ok(res);
    assert.equal(c.state, 'published');
    assert.equal(c.data.mark.text, 'ZEDDA');
    assert.ok(c.parties.length >= 1);
    for (const p of c.parties) {
      assert.deepEqual(Object.keys(p).sort(), ['country', 'name', 'role'], `only name, role and country: ${JSON.stringify(p)}`);
    }
    assert.equal(c.fees, null);
    assert.deepEqual(c.documents.map((d: any) => [d.kind, d.sha256]), [['mark-image', publishedImage]], 'of the file, the public gets the representation of the mark only');
    for (const a of c.acts) {
      assert.equal(a.payload, undefined);
      assert.equal(a.effects, undefined);
      assert.deepEqual(Object.keys(a.actor), ['role']);
    }
    for (const secret of [SECRET_ADDRESS, SECRET_EMAIL, PAY_REF, 'bank-transfer']) assert.ok(!res.body.includes(secret), `no ${secret}`);
    const acts = await viewer.get(`/api/v1/cases/${publishedCase}/acts`);
    for (const secret of [PAY_REF, 'bank-transfer', SECRET_EMAIL]) assert.ok(!acts.body.includes(secret), `no ${secret} in the acts`);
    assert.ok(ok(acts).items.every((a: any) => a.payload === undefined && a.effects === undefined && typeof a.hash === 'string'));
  }
  assert.equal((await pub.get(`/api/v1/documents/${publishedImage}`)).statusCode, 200, 'the published mark image is public');
  const receipt = ok(await agent1.get(`/api/v1/cases/${publishedCase}`)).documents.find((d: any) => d.kind === 'filing-receipt');
  assert.ok(receipt, 'the worker rendered the filing receipt');
  expectProblem(await pub.get(`/api/v1/documents/${receipt.sha256}`), 404, 'DOCUMENT_NOT_FOUND');
});

test('office staff see every case, in full', async () => {
  for (const officer of [formalities, examiner, registrar, admin]) {
    const list = ok(await officer.get('/api/v1/cases'));
    assert.ok(ids(list).includes(aliceCase) && ids(list).includes(publishedCase));
    const c = ok(await officer.get(`/api/v1/cases/${aliceCase}`));
    assert.ok(c.parties.some((p: any) => p.address === SECRET_ADDRESS && p.email === SECRET_EMAIL));
    assert.equal(c.fees.currency, 'EUR');
    const p = ok(await officer.get(`/api/v1/cases/${publishedCase}`));
    assert.ok(p.fees.payments.some((x: any) => x.reference === PAY_REF));
    assert.ok(p.acts[0].payload, 'officers see the payloads');
  }
});

test('worklists are for office staff: 403 for parties, 401 without sign-in', async () => {
  expectProblem(await alice.get('/api/v1/worklist'), 403, 'FORBIDDEN');
  expectProblem(await agent1.get('/api/v1/worklist'), 403, 'FORBIDDEN');
  expectProblem(await pub.get('/api/v1/worklist'), 401, 'UNAUTHENTICATED');
  assert.ok(ids(ok(await formalities.get('/api/v1/worklist'))).includes(aliceCase));
});

test('administration is for administrators only', async () => {
  const clockBefore = ok(await pub.get('/api/v1/admin/clock')).officeDate;
  const newUser = (username: string) => ({ username, displayName: 'Clerk', role: 'formalities', password: 'long-enough-pw' });
  for (const [name, c] of [['applicant', alice], ['agent', agent1], ['formalities', formalities], ['examiner', examiner], ['registrar', registrar]] as const) {
    expectProblem(await c.put('/api/v1/admin/clock', { date: '2027-01-01' }), 403, 'FORBIDDEN');
    expectProblem(await c.get('/api/v1/admin/journal/verify'), 403, 'FORBIDDEN');
    expectProblem(await c.post('/api/v1/admin/users', newUser(`clerk-by-${name}`)), 403, 'FORBIDDEN');
    expectProblem(await c.get('/api/v1/admin/users'), 403, 'FORBIDDEN');
  }
  expectProblem(await pub.put('/api/v1/admin/clock', { date: '2027-01-01' }), 401, 'UNAUTHENTICATED');
  expectProblem(await pub.get('/api/v1/admin/journal/verify'), 401, 'UNAUTHENTICATED');
  expectProblem(await pub.post('/api/v1/admin/users', newUser('clerk-by-public')), 401, 'UNAUTHENTICATED');
  assert.equal(ok(await pub.get('/api/v1/admin/clock')).officeDate, clockBefore, 'the clock did not move');

  const users = ok(await admin.get('/api/v1/admin/users')).items.map((u: any) => u.username);
  assert.ok(users.includes('alice') && !users.some((u: string) => u.startsWith('clerk-by-')), users.join(','));
  ok(await admin.post('/api/v1/admin/users', newUser('clerk1')), 201);
  await login(app, 'clerk1', 'long-enough-pw');
  assert.equal(ok(await admin.get('/api/v1/admin/journal/verify')).ok, true);
});

test('acts are open only to those the law names', async () => {
  const before = ok(await formalities.get(`/api/v1/cases/${aliceCase}`));
  // A party cannot act for the office.
  for (const act of ['accept-formalities', 'publish', 'register']) expectProblem(await alice.post(actUrl(aliceCase, act), {}), 403, 'ACT_NOT_PERMITTED');
  // An officer cannot act for another role, nor file.
  expectProblem(await formalities.post(actUrl(publishedCase, 'register'), {}), 403, 'ACT_NOT_PERMITTED');
  expectProblem(await examiner.post('/api/v1/cases', filing()), 403, 'ACT_NOT_PERMITTED');
  // An agent who is not a party: party acts on a published case are refused; an unpublished case is not even there.
  expectProblem(await agent2.post(actUrl(publishedCase, 'withdraw'), { payload: {} }), 403, 'ACT_NOT_PERMITTED');
  expectProblem(await agent2.post(actUrl(publishedCase, 'pay-fees'), { payment: { amount: 100, currency: 'EUR' } }), 403, 'ACT_NOT_PERMITTED');
  for (const act of ['withdraw', 'pay-fees', 'no-such-act']) {
    expectProblem(await agent2.post(actUrl(aliceCase, act), { payload: {} }), 404, 'CASE_NOT_FOUND');
    expectProblem(await bob.post(actUrl(aliceNumber, act), { payload: {} }), 404, 'CASE_NOT_FOUND');
  }
  const after = ok(await formalities.get(`/api/v1/cases/${aliceCase}`));
  assert.deepEqual(after, before, 'nothing changed');
  assert.equal(ok(await formalities.get(`/api/v1/cases/${publishedCase}`)).state, 'published');
  // The parties themselves may.
  ok(await agent1.post(actUrl(publishedCase, 'pay-fees'), { payment: { amount: 100, currency: 'EUR' } }), 201);
  assert.equal(ok(await alice.post(actUrl(aliceCase, 'withdraw'), { payload: { remarks: 'changed our mind' } }), 201).state, 'withdrawn');
});

test("the inbox tells a party of each act on their cases, naming the act by its code and its title in the case's procedure", async () => {
  const items = ok(await agent1.get('/api/v1/inbox')).items as any[];
  const accepted = items.find((n) => n.case_id === publishedCase && n.act_type === 'accept-formalities');
  assert.ok(accepted, JSON.stringify(items));
  assert.equal(accepted.case_number, publishedNumber);
  assert.equal(accepted.act_title, 'Formalities examination passed');
  assert.deepEqual(items.filter((n) => n.case_id === publishedCase).map((n) => n.act_type).sort(),
    ['accept', 'accept-formalities', 'approve-classification', 'file', 'publish']);
  assert.ok(items.every((n) => typeof n.act_title === 'string' && n.act_title.length > 0 && n.act_title !== n.act_type));
  // Only the parties' users are told: another agent's inbox does not mention the case.
  assert.ok(!(ok(await agent2.get('/api/v1/inbox')).items as any[]).some((n) => n.case_id === publishedCase));
});

test('logout revokes the token (and only that one); a cookie session is revoked on the server too', async () => {
  const first = await login(app, 'bob');
  const second = await login(app, 'bob');
  assert.equal(ok(await first.get('/api/v1/auth/me')).username, 'bob');
  ok(await first.post('/api/v1/auth/logout'));
  expectProblem(await first.get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
  expectProblem(await first.post('/api/v1/cases', filing()), 401, 'INVALID_TOKEN');
  assert.equal(ok(await second.get('/api/v1/auth/me')).username, 'bob', 'another session of the same user stays');

  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bob', password: 'test-password' } });
  const token = ok(res).token;
  const cookie = `registrum_session=${token}`;
  assert.equal(ok(await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).username, 'bob');
  const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
  ok(out);
  assert.match(String(out.headers['set-cookie']), /registrum_session=;.*Max-Age=0/);
  expectProblem(await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } }), 401, 'UNAUTHENTICATED');
  expectProblem(await client(app, token).get('/api/v1/auth/me'), 401, 'INVALID_TOKEN');
});
