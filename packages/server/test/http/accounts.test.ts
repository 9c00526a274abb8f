// Current accounts through the HTTP API: the ledger, deposits through the payment provider and by bank
// transfer, fees debited in the same transaction as the filing or act they pay for, refusals that
// write nothing, idempotent replays that debit once, and concurrent debits that never overdraw.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../../src/app/demo.ts';
import { actorOf } from '../../src/modules/access/index.ts';
import { confirmDeposit } from '../../src/modules/accounts/index.ts';
import type { PaymentProvider } from '../../src/platform/payments/payments.ts';
import { testOffice, usingPostgres, type TestOffice } from '../support/harness.ts';
import { expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, other: Client, racer: Client, fresh: Client, examiner: Client, admin: Client, formalities: Client;

const byAccount = (method = 'current-account', amount = 250_00) => ({ amount, currency: 'EUR', method });
const key = (k: string) => ({ 'idempotency-key': k });
const account = async (c: Client) => ok(await c.get('/api/v1/account'));
const casesTitled = async (title: string) =>
  (ok(await examiner.get(`/api/v1/cases?limit=200&q=${encodeURIComponent(title)}`)).items as { id: string; title: string }[]).filter((c) => c.title === title);
const fund = async (c: Client, amount: number, reference: string) => {
  const id = (await account(c)).id;
  return ok(await admin.post(`/api/v1/admin/accounts/${id}/deposits`, { amount, currency: 'EUR', reference }), 201);
};
/** Every account's balance equals the sum of its entries, and none is negative. */
async function ledgerConsistent() {
  const { rows } = await office.db.query<{ id: string; balance: number; total: number; entries: number; entry_count: number }>(
    `SELECT a.id, a.balance, a.entry_count, coalesce(sum(e.amount), 0)::bigint AS total, count(e.id)::bigint AS entries
       FROM accounts a LEFT JOIN account_entries e ON e.account_id = a.id GROUP BY a.id`);
  for (const r of rows) {
    assert.equal(Number(r.total), r.balance, `account ${r.id}: balance is the sum of its entries`);
    assert.ok(r.balance >= 0);
    assert.equal(Number(r.entries), r.entry_count);
  }
}

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  await office.user('agent1', 'agent', 'Agent One LLP');
  await office.user('agent2', 'agent', 'Agent Two LLP');
  await office.user('agent3', 'agent', 'Racing Marks LLP');
  await office.user('newcomer', 'applicant', 'Newcomer Ltd');
  await office.user('exam1', 'examiner');
  await office.user('admin1', 'admin');
  await office.user('formal1', 'formalities');
  [agent, other, racer, fresh, examiner, admin, formalities] = await Promise.all(
    ['agent1', 'agent2', 'agent3', 'newcomer', 'exam1', 'admin1', 'formal1'].map((u) => login(app, u)));
});
after(async () => { await office.shutdown(); });

test('a party sees its current account, opened empty on first sight; staff have none; the public must sign in', async () => {
  const a = await account(agent);
  assert.equal(a.balance, 0);
  assert.equal(a.currency, 'EUR');
  assert.equal(a.holder.name, 'Agent One LLP');
  assert.equal(typeof a.holder.partyId, 'string');
  assert.deepEqual(a.entries, []);
  assert.equal((await account(agent)).id, a.id, 'one account per party');
  expectProblem(await examiner.get('/api/v1/account'), 404, 'ACCOUNT_NOT_FOUND');
  expectProblem(await app.inject({ method: 'GET', url: '/api/v1/account' }), 401, 'UNAUTHENTICATED');
});

test('a deposit through the demo bank is credited at once; a wrong currency or amount is refused', async () => {
  const r = ok(await agent.post('/api/v1/account/deposits', { amount: 1_000_00, currency: 'EUR' }), 201);
  assert.equal(r.entry.kind, 'deposit');
  assert.equal(r.entry.amount, 1_000_00);
  assert.equal(r.entry.balanceAfter, 1_000_00);
  assert.equal(r.entry.seq, 1);
  assert.equal(r.balance, 1_000_00);
  assert.deepEqual({ name: r.provider.name, status: r.provider.status }, { name: 'demo-bank', status: 'completed' });
  assert.match(r.provider.reference, /^DEMO-/);
  assert.equal(r.entry.reference, r.provider.reference);
  expectProblem(await agent.post('/api/v1/account/deposits', { amount: 10_00, currency: 'USD' }), 422, 'ACCOUNT_CURRENCY_MISMATCH');
  expectProblem(await agent.post('/api/v1/account/deposits', { amount: 0, currency: 'EUR' }), 400, 'VALIDATION_FAILED');
  expectProblem(await agent.post('/api/v1/account/deposits', { amount: '100', currency: 'EUR' }), 400, 'VALIDATION_FAILED');
  expectProblem(await examiner.post('/api/v1/account/deposits', { amount: 10_00, currency: 'EUR' }), 404, 'ACCOUNT_NOT_FOUND');
  const a = await account(agent);
  assert.equal(a.balance, 1_000_00);
  assert.equal(a.entries.length, 1);
  await ledgerConsistent();
});

test('a provider that fails credits nothing; one that confirms later credits once, on confirmation', async () => {
  const real = office.accounts.provider;
  try {
    const before = (await account(agent)).balance;
    office.accounts.provider = { name: 'gateway', deposit: async () => { throw new Error('connection reset'); } } satisfies PaymentProvider;
    expectProblem(await agent.post('/api/v1/account/deposits', { amount: 50_00, currency: 'EUR' }), 503, 'PAYMENT_PROVIDER_UNAVAILABLE');
    office.accounts.provider = { name: 'gateway', deposit: async () => ({ status: 'pending', providerReference: 'GW-1' }) } satisfies PaymentProvider;
    const pending = ok(await agent.post('/api/v1/account/deposits', { amount: 50_00, currency: 'EUR' }), 202);
    assert.equal(pending.entry, null);
    assert.deepEqual(pending.provider, { name: 'gateway', reference: 'GW-1', status: 'pending' });
    assert.equal((await account(agent)).balance, before, 'nothing credited while pending');
    const id = (await account(agent)).id;
    const confirm = () => confirmDeposit(office.accounts, { accountId: id, amount: 50_00, currency: 'EUR', provider: 'gateway', reference: 'GW-1', description: 'Deposit (gateway)' });
    assert.equal((await confirm()).duplicate, false);
    assert.equal((await confirm()).duplicate, true, 'a confirmation reported twice');
    assert.equal((await account(agent)).balance, before + 50_00, 'credited once');
    office.accounts.provider = null;
    expectProblem(await agent.post('/api/v1/account/deposits', { amount: 50_00, currency: 'EUR' }), 503, 'DEPOSITS_UNAVAILABLE');
  } finally {
    office.accounts.provider = real;
  }
  await ledgerConsistent();
});

test('a filing paid by current account debits it in the same transaction; the ledger entry is the payment reference', async () => {
  const start = (await account(agent)).balance;
  const res = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'LEDGER' } }, byAccount()), key('ledger-1')), 201);
  const a = await account(agent);
  assert.equal(a.balance, start - 250_00);
  const debit = a.entries[0];
  assert.deepEqual({ kind: debit.kind, amount: debit.amount, balanceAfter: debit.balanceAfter, caseNumber: debit.caseNumber, caseId: debit.caseId, actId: debit.actId },
    { kind: 'debit', amount: -250_00, balanceAfter: start - 250_00, caseNumber: res.case.number, caseId: res.case.id, actId: res.act.actId });
  assert.equal(debit.description, 'Application filed'); // the case is named by caseNumber (the debit precedes the number)
  assert.equal(debit.officeDate, '2026-01-05');
  const c = ok(await agent.get(`/api/v1/cases/${res.case.id}`));
  assert.equal(c.fees.payments.length, 1);
  assert.deepEqual({ method: c.fees.payments[0].method, reference: c.fees.payments[0].reference, amount: c.fees.payments[0].amount },
    { method: 'current-account', reference: debit.id, amount: 250_00 });

  // The same submission again is the stored answer, not a second debit.
  const again = await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'LEDGER' } }, byAccount()), key('ledger-1'));
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.deepEqual(ok(again, 201), res);
  const after = await account(agent);
  assert.equal(after.balance, start - 250_00, 'debited once');
  assert.equal(after.entries.filter((e: any) => e.caseId === res.case.id).length, 1);
  await ledgerConsistent();
});

test('not enough money: 402 INSUFFICIENT_FUNDS and nothing is written: no case, no debit, the key stays unused', async () => {
  const before = await account(agent);
  const needed = before.balance + 1;
  const body = filing({ mark: { kind: 'Word', text: 'TOO DEAR' } }, byAccount('current-account', needed));
  const p = expectProblem(await agent.post('/api/v1/cases', body, key('too-dear')), 402, 'INSUFFICIENT_FUNDS');
  assert.deepEqual({ balance: p.balance, needed: p.needed, currency: p.currency }, { balance: before.balance, needed, currency: 'EUR' });
  assert.deepEqual(await casesTitled('TOO DEAR'), []);
  const after = await account(agent);
  assert.equal(after.balance, before.balance);
  assert.deepEqual(after.entries, before.entries);
  // Once funded, the same submission under the same key files.
  await fund(agent, 1_000_00, 'TOPUP-TOO-DEAR');
  const filed = ok(await agent.post('/api/v1/cases', body, key('too-dear')), 201);
  assert.deepEqual((await casesTitled('TOO DEAR')).map((c) => c.id), [filed.case.id]);
  await ledgerConsistent();
});

test('paying by current account without one: 402 ACCOUNT_NOT_FOUND, nothing filed; other methods work as before', async () => {
  // agent2 never opened an account; an examiner has no party at all.
  expectProblem(await other.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'NO ACCOUNT' } }, byAccount())), 402, 'ACCOUNT_NOT_FOUND');
  assert.deepEqual(await casesTitled('NO ACCOUNT'), []);
  const c = ok(await other.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'BY CARD' } }, byAccount('card'))), 201);
  const paid = ok(await other.get(`/api/v1/cases/${c.case.id}`)).fees.payments[0];
  assert.equal(paid.method, 'card');
  // Office staff record a payment by bank transfer on a party's case as before; by current account they have none.
  const unpaid = ok(await other.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'PAID BY STAFF' } }, null)), 201);
  ok(await formalities.post(`/api/v1/cases/${unpaid.case.id}/acts/pay-fees`, { payment: byAccount('bank-transfer') }), 201);
  expectProblem(await formalities.post(`/api/v1/cases/${unpaid.case.id}/acts/pay-fees`, { payment: byAccount() }), 402, 'ACCOUNT_NOT_FOUND');
  assert.equal(ok(await formalities.get(`/api/v1/cases/${unpaid.case.id}`)).acts.length, 2);
});

test('an act paid by current account is debited with it; without the money the act is refused and the case unchanged', async () => {
  const start = (await account(agent)).balance;
  const c = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'PAY LATER' } }, null)), 201);
  const act = ok(await agent.post(`/api/v1/cases/${c.case.id}/acts/pay-fees`, { payment: byAccount() }), 201);
  const a = await account(agent);
  assert.equal(a.balance, start - 250_00);
  assert.deepEqual({ caseId: a.entries[0].caseId, actId: a.entries[0].actId, amount: a.entries[0].amount }, { caseId: c.case.id, actId: act.actId, amount: -250_00 });
  const view = ok(await agent.get(`/api/v1/cases/${c.case.id}`));
  assert.equal(view.fees.outstanding, 0);
  assert.equal(view.fees.payments[0].reference, a.entries[0].id);

  const c2 = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'PAY LATER TWO' } }, null)), 201);
  expectProblem(await agent.post(`/api/v1/cases/${c2.case.id}/acts/pay-fees`, { payment: byAccount('current-account', a.balance + 1) }), 402, 'INSUFFICIENT_FUNDS');
  const v2 = ok(await agent.get(`/api/v1/cases/${c2.case.id}`));
  assert.equal(v2.acts.length, 1, 'no act recorded');
  assert.equal(v2.fees.payments.length, 0);
  assert.equal((await account(agent)).balance, a.balance);
  await ledgerConsistent();
});

test('concurrent filings on one account never overdraw it: exactly as many as the money pays for are filed', async () => {
  await fund(racer, 3 * 250_00, 'RACE-FUNDS');
  const responses = await Promise.all(Array.from({ length: 8 }, (_, i) =>
    racer.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: `RACER ${i}` } }, byAccount()))));
  const codes = responses.map((r) => r.statusCode).sort();
  assert.deepEqual(codes, [201, 201, 201, 402, 402, 402, 402, 402], responses.map((r) => r.body.slice(0, 200)).join('\n'));
  for (const r of responses.filter((x) => x.statusCode === 402)) expectProblem(r, 402, 'INSUFFICIENT_FUNDS');
  const a = await account(racer);
  assert.equal(a.balance, 0);
  assert.equal(a.entries.filter((e: any) => e.kind === 'debit').length, 3);
  const filed = (ok(await examiner.get('/api/v1/cases?limit=200&q=RACER')).items as any[]).length;
  assert.equal(filed, 3);
  await ledgerConsistent();
});

test('a debit holds only its own account: another agent files meanwhile, the same account waits (PostgreSQL)', { skip: !usingPostgres() && 'PGlite has one connection: transactions cannot overlap' }, async () => {
  await fund(racer, 500_00, 'HOLD-FUNDS');
  const me = ok(await racer.get('/api/v1/account'));
  const someCase = ok(await racer.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'HOLDER' } }, null)), 201).case;
  const balanceBefore = me.balance;
  const racerActor = actorOf((await office.access.listUsers()).find((u) => u.username === 'agent3')!);
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => { locked = r; });
  const holder = office.db.tx(async (q) => {
    const charge = office.cases.accounts.prepare(racerActor, byAccount('current-account', 100_00))!;
    await charge.debit(q, { caseId: someCase.id, caseNumber: someCase.number, actId: null, description: 'held' });
    locked();
    await held;
  });
  await isLocked;
  // Another agent's filing by current account goes through while the first account's row is locked.
  await fund(agent, 250_00, 'HOLD-OTHER');
  const t0 = Date.now();
  ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'NOT BLOCKED' } }, byAccount())), 201);
  assert.ok(Date.now() - t0 < 5_000);
  // A filing on the locked account waits for it.
  let done = false;
  const waiting = racer.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'WAITS' } }, byAccount('current-account', 100_00))).then((r) => { done = true; return r; });
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(done, false, 'the second debit of the same account waits for the first to commit');
  release();
  await holder;
  ok(await waiting, 201);
  assert.equal((await account(racer)).balance, balanceBefore - 200_00);
  await ledgerConsistent();
});

test('the statement of a period: opening and closing balances and the entries of those office dates', async () => {
  const c = fresh;
  await account(c);
  ok(await c.post('/api/v1/account/deposits', { amount: 100_00, currency: 'EUR' }), 201); // 2026-01-05 (or today)
  const day1 = office.clock.today();
  await office.setDate('2026-02-02');
  ok(await c.post('/api/v1/account/deposits', { amount: 200_00, currency: 'EUR' }), 201);
  ok(await c.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'STATEMENT' } }, byAccount('current-account', 250_00))), 201);
  await office.setDate('2026-03-02');
  ok(await c.post('/api/v1/account/deposits', { amount: 400_00, currency: 'EUR' }), 201);

  const feb = ok(await c.get('/api/v1/account/statement?from=2026-02-01&to=2026-02-28'));
  assert.deepEqual({ opening: feb.opening, closing: feb.closing, total: feb.total, currency: feb.currency }, { opening: 100_00, closing: 50_00, total: 2, currency: 'EUR' });
  assert.deepEqual(feb.entries.map((e: any) => [e.kind, e.amount, e.balanceAfter, e.officeDate]),
    [['deposit', 200_00, 300_00, '2026-02-02'], ['debit', -250_00, 50_00, '2026-02-02']]);
  const all = ok(await c.get('/api/v1/account/statement'));
  assert.deepEqual({ opening: all.opening, closing: all.closing, total: all.total }, { opening: 0, closing: 450_00, total: 4 });
  assert.equal(all.entries[0].officeDate, day1);
  const paged = ok(await c.get('/api/v1/account/statement?limit=1&offset=3'));
  assert.deepEqual(paged.entries.map((e: any) => e.amount), [400_00]);
  assert.equal(paged.total, 4);
  expectProblem(await c.get('/api/v1/account/statement?from=2026-02-30'), 400, 'INVALID_DATE');
  expectProblem(await c.get('/api/v1/account/statement?from=2026-03-01&to=2026-02-01'), 400, 'INVALID_DATE_RANGE');
  expectProblem(await c.get('/api/v1/account/statement?limit=501'), 400, 'VALIDATION_FAILED');
});

test('the office lists accounts and books bank transfers once; parties and the wrong roles may not', async () => {
  const list = ok(await examiner.get('/api/v1/admin/accounts?limit=200'));
  const mine = list.items.find((a: any) => a.holder.name === 'Agent One LLP');
  assert.equal(mine.balance, (await account(agent)).balance);
  assert.equal(list.total, list.items.length);
  assert.deepEqual(ok(await examiner.get('/api/v1/admin/accounts?q=Racing')).items.map((a: any) => a.holder.name), ['Racing Marks LLP']);
  expectProblem(await agent.get('/api/v1/admin/accounts'), 403, 'FORBIDDEN');

  const booked = ok(await formalities.post(`/api/v1/admin/accounts/${mine.id}/deposits`, { amount: 75_00, currency: 'EUR', reference: 'BANK-2026-0042' }), 201);
  assert.deepEqual(booked.provider, { name: 'bank-transfer', reference: 'BANK-2026-0042', status: 'completed' });
  assert.equal(booked.balance, mine.balance + 75_00);
  expectProblem(await admin.post(`/api/v1/admin/accounts/${mine.id}/deposits`, { amount: 75_00, currency: 'EUR', reference: 'BANK-2026-0042' }), 409, 'DEPOSIT_ALREADY_RECORDED');
  expectProblem(await examiner.post(`/api/v1/admin/accounts/${mine.id}/deposits`, { amount: 75_00, currency: 'EUR', reference: 'BANK-X' }), 403, 'FORBIDDEN');
  expectProblem(await agent.post(`/api/v1/admin/accounts/${mine.id}/deposits`, { amount: 75_00, currency: 'EUR', reference: 'BANK-Y' }), 403, 'FORBIDDEN');
  expectProblem(await admin.post('/api/v1/admin/accounts/00000000-0000-4000-8000-000000000000/deposits', { amount: 75_00, currency: 'EUR', reference: 'BANK-Z' }), 404, 'ACCOUNT_NOT_FOUND');
  const one = ok(await admin.get(`/api/v1/admin/accounts/${mine.id}`));
  assert.equal(one.balance, booked.balance);
  assert.equal(one.entries[0].reference, 'BANK-2026-0042');
  await ledgerConsistent();
});

test('the ledger is append-only: the database refuses to change or remove an entry', async () => {
  await assert.rejects(office.db.query('UPDATE account_entries SET amount = amount * 2'), /append-only/);
  await assert.rejects(office.db.query('DELETE FROM account_entries'), /append-only/);
  await ledgerConsistent();
});

test('the demo office funds the agent and applicant with EUR 10 000.00 and its filings pay from the agent account', async () => {
  const demo = await testOffice({ startDate: '2026-01-05' });
  try {
    assert.equal(await seedDemo(demo), true);
    const demoApp = await demo.http();
    const agentAcc = await account(await login(demoApp, 'agent', 'registrum-demo'));
    const applicantAcc = await account(await login(demoApp, 'applicant', 'registrum-demo'));
    assert.equal(applicantAcc.balance, 10_000_00);
    const debits = agentAcc.entries.filter((e: any) => e.kind === 'debit');
    assert.equal(debits.length, 3, 'the three demo filings paid by current account');
    assert.equal(agentAcc.balance, 10_000_00 + debits.reduce((s: number, e: any) => s + e.amount, 0));
    assert.ok(agentAcc.balance < 10_000_00);
  } finally {
    await demo.shutdown();
  }
});
