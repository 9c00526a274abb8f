// Drafts through the HTTP API: save an unfinished filing, resume it, share it read-only by link,
// submit it exactly like POST /cases (once, however often it is submitted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, other: Client, examiner: Client;

const del = (c: Client, url: string) => app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${c.token}` } });
const publicGet = (url: string) => app.inject({ method: 'GET', url });
const unfinished = { mark: { kind: 'Word', text: 'HALF DONE' }, goodsServices: [{ classNumber: 30 }] };
const complete = () => filing({ mark: { kind: 'Word', text: 'DRAFTED' } }).payload;
const casesTitled = async (title: string) =>
  (ok(await examiner.get(`/api/v1/cases?limit=200&q=${encodeURIComponent(title)}`)).items as { id: string; title: string }[]).filter((c) => c.title === title);

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  await office.user('agent1', 'agent', 'Agent One LLP');
  await office.user('agent2', 'agent', 'Agent Two LLP');
  await office.user('exam1', 'examiner');
  [agent, other, examiner] = await Promise.all(['agent1', 'agent2', 'exam1'].map((u) => login(app, u)));
});
after(async () => { await office.shutdown(); });

test('save an unfinished filing, list it, resume it and save it again', async () => {
  const d = ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload: unfinished }), 201);
  assert.equal(typeof d.id, 'string');
  assert.deepEqual({ right: d.right, title: d.title, payload: d.payload, shared: d.shared, submittedCase: d.submittedCase },
    { right: 'trademark', title: 'HALF DONE', payload: unfinished, shared: false, submittedCase: null });
  assert.ok(d.createdAt && d.updatedAt);
  const list = ok(await agent.get('/api/v1/drafts'));
  const item = list.items.find((i: any) => i.id === d.id);
  assert.deepEqual(Object.keys(item).sort(), ['id', 'right', 'shared', 'submittedCase', 'title', 'updatedAt']);
  assert.deepEqual(ok(await agent.get(`/api/v1/drafts/${d.id}`)).payload, unfinished);

  const next = { ...unfinished, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] };
  const saved = ok(await agent.put(`/api/v1/drafts/${d.id}`, { payload: next, title: 'Coffee brand' }));
  assert.deepEqual(saved.payload, next);
  assert.equal(saved.title, 'Coffee brand');
  assert.equal(saved.revision, d.revision + 1);
  assert.equal(ok(await agent.get(`/api/v1/drafts/${d.id}`)).title, 'Coffee brand');
  const titled = ok(await agent.post('/api/v1/drafts', { right: 'patent', payload: {}, title: 'Folding bicycle' }), 201);
  assert.equal(titled.title, 'Folding bicycle');
});

test("another user's draft does not exist for you; drafts need sign-in; bad input is refused", async () => {
  const d = ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload: {} }), 201);
  assert.equal(d.title, null);
  expectProblem(await other.get(`/api/v1/drafts/${d.id}`), 404, 'DRAFT_NOT_FOUND');
  expectProblem(await other.put(`/api/v1/drafts/${d.id}`, { payload: {} }), 404, 'DRAFT_NOT_FOUND');
  expectProblem(await del(other, `/api/v1/drafts/${d.id}`), 404, 'DRAFT_NOT_FOUND');
  expectProblem(await other.post(`/api/v1/drafts/${d.id}/share`), 404, 'DRAFT_NOT_FOUND');
  expectProblem(await other.post(`/api/v1/drafts/${d.id}/submit`, {}), 404, 'DRAFT_NOT_FOUND');
  assert.equal(ok(await other.get('/api/v1/drafts')).items.some((i: any) => i.id === d.id), false);
  expectProblem(await publicGet('/api/v1/drafts'), 401, 'UNAUTHENTICATED');
  expectProblem(await agent.post('/api/v1/drafts', { right: 'spaceship', payload: {} }), 400, 'UNKNOWN_RIGHT');
  expectProblem(await agent.post('/api/v1/drafts', { right: 'trademark', payload: [] }), 400, 'VALIDATION_FAILED');
  expectProblem(await agent.post('/api/v1/drafts', { right: 'trademark', payload: { note: 'a\u0000b' } }), 400, 'INVALID_CHARACTERS');
  expectProblem(await agent.post('/api/v1/drafts', { right: 'trademark', payload: { note: 'x'.repeat(300 * 1024) } }), 413, 'DRAFT_TOO_LARGE');
  expectProblem(await agent.get('/api/v1/drafts/not-a-uuid'), 400, 'VALIDATION_FAILED');
  assert.equal((await del(agent, `/api/v1/drafts/${d.id}`)).statusCode, 204);
  expectProblem(await agent.get(`/api/v1/drafts/${d.id}`), 404, 'DRAFT_NOT_FOUND');
});

test('a share link shows the draft read-only without sign-in, until it is revoked or replaced', async () => {
  const d = ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload: unfinished }), 201);
  const s = ok(await agent.post(`/api/v1/drafts/${d.id}/share`), 201);
  assert.match(s.token, /^[A-Za-z0-9_-]{32}$/);
  assert.equal(s.path, `/shared/drafts/${s.token}`);
  const { rows } = await office.db.query('SELECT share_token_hash FROM drafts WHERE id = $1', [d.id]);
  assert.notEqual(rows[0].share_token_hash, s.token, 'the token is stored hashed');
  assert.equal(ok(await agent.get(`/api/v1/drafts/${d.id}`)).shared, true);
  const shared = ok(await publicGet(`/api/v1/shared/drafts/${s.token}`));
  assert.deepEqual({ right: shared.right, title: shared.title, payload: shared.payload, sharedBy: shared.sharedBy },
    { right: 'trademark', title: 'HALF DONE', payload: unfinished, sharedBy: 'Agent One LLP' });
  assert.ok(shared.updatedAt);
  assert.equal(shared.id, undefined, 'the link does not reveal the draft id');

  const s2 = ok(await agent.post(`/api/v1/drafts/${d.id}/share`), 201);
  expectProblem(await publicGet(`/api/v1/shared/drafts/${s.token}`), 404, 'DRAFT_NOT_FOUND');
  ok(await publicGet(`/api/v1/shared/drafts/${s2.token}`));
  assert.equal((await del(agent, `/api/v1/drafts/${d.id}/share`)).statusCode, 204);
  expectProblem(await publicGet(`/api/v1/shared/drafts/${s2.token}`), 404, 'DRAFT_NOT_FOUND');
  assert.equal(ok(await agent.get(`/api/v1/drafts/${d.id}`)).shared, false);
  expectProblem(await publicGet('/api/v1/shared/drafts/unknown-token-of-some-length'), 404, 'DRAFT_NOT_FOUND');
  expectProblem(await publicGet('/api/v1/shared/drafts/x'), 404, 'DRAFT_NOT_FOUND');
});

test('submitting files the case as POST /cases does; again returns the same receipt and files once; then the draft is frozen', async () => {
  const payload = complete();
  const d = ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload }), 201);
  const payment = { amount: 250_00, currency: 'EUR', method: 'card' };
  const first = await agent.post(`/api/v1/drafts/${d.id}/submit`, { payment });
  const receipt = ok(first, 201);
  assert.equal(first.headers['idempotent-replayed'], undefined);
  // The same body POST /cases answers with.
  const direct = ok(await agent.post('/api/v1/cases', { right: 'trademark', payload: { ...payload, mark: { kind: 'Word', text: 'DIRECT' } }, payment }), 201);
  assert.deepEqual(Object.keys(receipt).sort(), Object.keys(direct).sort());
  assert.deepEqual(Object.keys(receipt.receipt).sort(), Object.keys(direct.receipt).sort());
  assert.equal(receipt.case.state, direct.case.state);

  const again = await agent.post(`/api/v1/drafts/${d.id}/submit`, { payment });
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.deepEqual(ok(again, 201), receipt);
  const twice = await Promise.all([agent.post(`/api/v1/drafts/${d.id}/submit`, { payment }), agent.post(`/api/v1/drafts/${d.id}/submit`, { payment })]);
  for (const r of twice) assert.deepEqual(ok(r, 201), receipt);
  assert.deepEqual((await casesTitled('DRAFTED')).map((c) => c.id), [receipt.case.id]);

  const after = ok(await agent.get(`/api/v1/drafts/${d.id}`));
  assert.deepEqual(after.submittedCase, { id: receipt.case.id, number: receipt.case.number });
  assert.deepEqual(ok(await agent.get('/api/v1/drafts')).items.find((i: any) => i.id === d.id).submittedCase.number, receipt.case.number);
  expectProblem(await agent.put(`/api/v1/drafts/${d.id}`, { payload: unfinished }), 409, 'DRAFT_SUBMITTED');
  expectProblem(await agent.post(`/api/v1/drafts/${d.id}/submit`, { payment: { ...payment, amount: 300_00 } }), 422, 'IDEMPOTENCY_KEY_REUSED');
});

test('an unfinished draft is refused on submission with the filing errors and stays a draft; a short account files nothing', async () => {
  const d = ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload: unfinished }), 201);
  const p = expectProblem(await agent.post(`/api/v1/drafts/${d.id}/submit`), 400, 'INVALID_PAYLOAD');
  assert.ok(Array.isArray(p.errors) && p.errors.length > 0);
  assert.equal(ok(await agent.get(`/api/v1/drafts/${d.id}`)).submittedCase, null);

  const e = ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload: filing({ mark: { kind: 'Word', text: 'UNFUNDED DRAFT' } }).payload }), 201);
  expectProblem(await agent.post(`/api/v1/drafts/${e.id}/submit`, { payment: { amount: 250_00, currency: 'EUR', method: 'current-account' } }), 402, 'ACCOUNT_NOT_FOUND');
  assert.deepEqual(await casesTitled('UNFUNDED DRAFT'), []);
  assert.equal(ok(await agent.get(`/api/v1/drafts/${e.id}`)).submittedCase, null);
  // Funded, the same draft files and is debited once.
  const acc = ok(await agent.get('/api/v1/account'));
  ok(await agent.post('/api/v1/account/deposits', { amount: 300_00, currency: 'EUR' }), 201);
  const filed = ok(await agent.post(`/api/v1/drafts/${e.id}/submit`, { payment: { amount: 250_00, currency: 'EUR', method: 'current-account' } }), 201);
  ok(await agent.post(`/api/v1/drafts/${e.id}/submit`, { payment: { amount: 250_00, currency: 'EUR', method: 'current-account' } }), 201);
  const after = ok(await agent.get('/api/v1/account'));
  assert.equal(after.balance, acc.balance + 50_00);
  assert.equal(after.entries.filter((x: any) => x.caseId === filed.case.id).length, 1);
});

test('a save that lands between reading the draft and filing it wins: 409 DRAFT_CHANGED and nothing is filed', async () => {
  const d = ok(await agent.post('/api/v1/drafts', { right: 'trademark', payload: filing({ mark: { kind: 'Word', text: 'RACED DRAFT' } }).payload }), 201);
  ok(await agent.post('/api/v1/account/deposits', { amount: 250_00, currency: 'EUR' }), 201);
  const balance = ok(await agent.get('/api/v1/account')).balance;
  // The save is made inside the filing's transaction, just before the draft is marked: the moment a
  // concurrent save would have to land in (the real account port runs unchanged around it).
  const real = office.cases.accounts;
  office.cases.accounts = {
    prepare(actor, payment) {
      const charge = real.prepare(actor, payment);
      return charge && { payment: charge.payment, debit: async (q, ref) => {
        await charge.debit(q, ref);
        await q.query('UPDATE drafts SET revision = revision + 1 WHERE id = $1', [d.id]);
      } };
    },
  };
  try {
    expectProblem(await agent.post(`/api/v1/drafts/${d.id}/submit`, { payment: { amount: 250_00, currency: 'EUR', method: 'current-account' } }), 409, 'DRAFT_CHANGED');
  } finally {
    office.cases.accounts = real;
  }
  assert.deepEqual(await casesTitled('RACED DRAFT'), []);
  assert.equal(ok(await agent.get('/api/v1/account')).balance, balance, 'no debit');
  const after = ok(await agent.get(`/api/v1/drafts/${d.id}`));
  assert.equal(after.submittedCase, null);
  // Submitted again, it files.
  ok(await agent.post(`/api/v1/drafts/${d.id}/submit`, { payment: { amount: 250_00, currency: 'EUR', method: 'current-account' } }), 201);
  assert.equal((await casesTitled('RACED DRAFT')).length, 1);
});
