// Model-law opposition (ML r. 9): a proceeding of its own, a child case of the opposed application.
// Every application here is filed Mon 2 Mar 2026 and published Wed 15 Apr 2026: the 3-month opposition
// period ends Wed 15 Jul 2026.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DECISION, eur, filedAndPublished, inOffice, OPPOSITION, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-03-02' } as const;

async function published(s: Scene): Promise<string> {
  const n = await filedAndPublished(s, '2026-04-15', eur(250));
  assert.equal((await s.limit(n, 'opposition')).due_on, '2026-07-15');
  return n;
}

test('a competitor opposes on 4 May 2026: without the 320 EUR opposition fee (or with too little) nothing happens (FEE_NOT_PAID); with it, opposition OP-2026-000001 is opened with the competitor as opponent and the applicant and its agent as respondents, and the application is opposed -> opposition upheld 1 Sep -> application refused (ML r. 9(5))', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-05-04');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.rival, n, 'file-opposition', OPPOSITION));
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(319.99)));
    assert.equal(await s.state(n), 'published');

    const filed = await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320));
    assert.equal(filed.state, 'opposed');
    assert.equal(filed.child?.number, 'OP-2026-000001', 'the refused attempts used no number');
    const op = filed.child!.number;

    const parent = await s.row(n);
    assert.equal(parent.data.pendingOppositions, 1);
    assert.equal(parent.fees_outstanding, 0, 'the opposition fee is the opposition\'s, not the application\'s');
    assert.deepEqual((await s.fees(n)).map((f) => f.code), ['application']);

    const child = await s.read(op);
    assert.equal(child.right, 'trademark-opposition');
    assert.equal(child.state, 'pending');
    assert.equal(child.parentId, parent.id);
    assert.equal(child.filingDate, '2026-05-04');
    assert.deepEqual(child.parties.map((p: any) => `${p.role}: ${p.name}`).sort(), [
      'opponent: Aurora Roasters Inc', 'respondent: Aurora Coffee Ltd', 'respondent: Lex & Partners LLP',
    ]);
    assert.deepEqual((await s.fees(op)).map((f) => [f.code, f.amount, f.paid]), [['opposition', 320_00, 320_00]]);
    assert.deepEqual((await s.read(n)).children.map((c: any) => [c.number, c.state]), [[op, 'pending']]);

    await s.on('2026-09-01');
    assert.equal((await s.act(s.examiner, op, 'uphold', DECISION)).state, 'upheld');
    assert.equal(await s.state(n), 'refused');
    const last = (await s.acts(n)).at(-1)!;
    assert.equal(last.type, 'opposition-upheld');
    assert.equal(last.actor_role, 'system');
    assert.equal(last.legal_basis, 'ML r. 9(5)');
    assert.equal(last.payload.child.number, op);
    assert.equal(last.payload.child.right, 'trademark-opposition');
    assert.equal((await s.row(n)).data.pendingOppositions, 0);
    assert.deepEqual((await s.sweep()).acted, [], 'a refused application has no opposition period left to close');
    await s.journalOk();
  });
});

test('opposition filed 1 Jun 2026 and still pending when the period ends on 15 Jul: a second opposition on 16 Jul is out of time (TIME_LIMIT_EXPIRED), the sweep keeps the application opposed -> opposition rejected 1 Sep -> application awaiting registration -> registered', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-06-01');
    const op = (await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320))).child!.number;

    await s.on('2026-07-16');
    const latecomer = await s.office.user(`late-${process.pid}`, 'applicant', 'Late Beans GmbH');
    await s.refused(n, 'TIME_LIMIT_EXPIRED', () => s.act(latecomer, n, 'file-opposition', OPPOSITION, eur(320)));
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'close-opposition-period' }]);
    assert.equal(await s.state(n), 'opposed');
    assert.equal((await s.row(n)).data.oppositionPeriodClosed, true);

    await s.on('2026-09-01');
    assert.equal((await s.act(s.examiner, op, 'reject', DECISION)).state, 'rejected');
    assert.equal(await s.state(n), 'awaiting-registration');
    assert.equal((await s.acts(n)).at(-1)!.type, 'opposition-ended');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(latecomer, n, 'file-opposition', OPPOSITION, eur(320)));
    assert.equal((await s.act(s.registrar, n, 'register')).state, 'registered');
    await s.journalOk();
  });
});

test('opposition filed 4 May 2026 and rejected 1 Jun, before the period ends: the application is published again, a further opposition is still possible until 15 Jul, and only the sweep of 16 Jul moves it to awaiting registration', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-05-04');
    const op = (await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320))).child!.number;
    await s.on('2026-06-01');
    await s.act(s.examiner, op, 'reject', DECISION);
    assert.equal(await s.state(n), 'published');
    assert.equal((await s.limit(n, 'opposition')).status, 'open');

    await s.on('2026-07-15');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2026-07-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'close-opposition-period' }]);
    assert.equal(await s.state(n), 'awaiting-registration');
    await s.journalOk();
  });
});

test('an opposition filed on 17 Jul 2026, after the sweep has closed the period of an application that is still opposed, is refused as out of time (TIME_LIMIT_EXPIRED, naming the last day 15 Jul)', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-06-01');
    await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320));
    await s.on('2026-07-16');
    await s.sweep();
    await s.on('2026-07-17');
    const latecomer = await s.office.user(`late-${process.pid}`, 'applicant', 'Late Beans GmbH');
    await s.refused(n, 'TIME_LIMIT_EXPIRED', () => s.act(latecomer, n, 'file-opposition', OPPOSITION, eur(320)));
  });
});

test('only the opponent can withdraw an opposition: the applicant, a party to the opposition as respondent, cannot withdraw it', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-05-04');
    const op = (await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320))).child!.number;
    await s.refused(op, 'ACT_NOT_PERMITTED', () => s.act(s.agent, op, 'withdraw-opposition', { remarks: 'the applicant would like this' }));
    assert.equal(await s.state(n), 'opposed');
  });
});

test('the opponent withdraws its opposition on 1 Jun 2026 -> the application is published again and proceeds when the period ends', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-05-04');
    const op = (await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320))).child!.number;
    await s.on('2026-06-01');
    assert.equal((await s.act(s.rival, op, 'withdraw-opposition', { remarks: 'settled' })).state, 'withdrawn');
    assert.equal(await s.state(n), 'published');
    await s.on('2026-07-16');
    await s.sweep();
    assert.equal(await s.state(n), 'awaiting-registration');
    await s.journalOk();
  });
});

test('two oppositions filed 4 May 2026; the first is upheld on 1 Sep and refuses the application -> the second can still be closed (rejected) and the application stays refused', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-05-04');
    const first = (await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320))).child!.number;
    const other = await s.office.user(`second-${process.pid}`, 'applicant', 'Second Opponent SA');
    const second = (await s.act(other, n, 'file-opposition', OPPOSITION, eur(320))).child!.number;
    assert.equal((await s.row(n)).data.pendingOppositions, 2);
    await s.on('2026-09-01');
    await s.act(s.examiner, first, 'uphold', DECISION);
    assert.equal(await s.state(n), 'refused');
    assert.equal((await s.act(s.examiner, second, 'reject', DECISION)).state, 'rejected');
    assert.equal(await s.state(n), 'refused');
  });
});

test('the applicant withdraws an opposed application on 1 Jun 2026 -> the pending opposition cannot be decided on its merits but is closed without decision; the application stays withdrawn', async () => {
  await inOffice(START, async (s) => {
    const n = await published(s);
    await s.on('2026-05-04');
    const op = (await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320))).child!.number;
    await s.refused(op, 'OPPOSITION_STILL_RELEVANT', () => s.act(s.examiner, op, 'close-without-decision', { remarks: 'too early' }));
    await s.on('2026-06-01');
    assert.equal((await s.act(s.agent, n, 'withdraw', { remarks: 'the applicant gives up' })).state, 'withdrawn');
    assert.equal((await s.act(s.examiner, op, 'close-without-decision', { remarks: 'the application was withdrawn' })).state, 'closed');
    assert.equal(await s.state(n), 'withdrawn');
    assert.equal((await s.row(n)).data.pendingOppositions, 0);
    await s.journalOk();
  });
});
