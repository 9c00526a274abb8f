// Ruritania: opposition (2 months, fee 200 EUR, cases RO-...), fees, renewal (220 EUR + 40 EUR per
// further class; surcharge 110 EUR in a 3-month grace period), surrender, withdrawal and refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classes, DECISION, eur, examineAndAccept, filedAndPublished, inOffice, OPPOSITION } from './steps.ts';

const RURITANIA = { framework: 'ruritania' } as const;

test('Ruritania: two applications published 15 Apr 2026 (2-month opposition period: 15 Jun) are opposed on 4 May by a competitor paying the 200 EUR fee (without it: FEE_NOT_PAID) -> RO-2026-000001 and -000002; an opposition of 16 Jun is out of time; the period ends with both opposed -> on 1 Sep the first opposition is upheld (application refused), the second rejected (application awaiting registration)', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-03-02' }, async (s) => {
    const a = await filedAndPublished(s, '2026-04-15', eur(180));
    const b = await filedAndPublished(s, '2026-04-15', eur(180), { mark: { kind: 'Word', text: 'BOREALIS' } });
    assert.equal((await s.limit(a, 'opposition')).due_on, '2026-06-15');

    await s.on('2026-05-04');
    await s.refused(a, 'FEE_NOT_PAID', () => s.act(s.rival, a, 'file-opposition', OPPOSITION));
    await s.refused(a, 'FEE_NOT_PAID', () => s.act(s.rival, a, 'file-opposition', OPPOSITION, eur(199)));
    const opA = await s.act(s.rival, a, 'file-opposition', OPPOSITION, eur(200));
    const opB = await s.act(s.rival, b, 'file-opposition', OPPOSITION, eur(200));
    assert.deepEqual([opA.child?.number, opB.child?.number], ['RO-2026-000001', 'RO-2026-000002']);
    assert.equal((await s.acts(a)).at(-1)!.legal_basis, 'RTMA s. 21');
    assert.deepEqual((await s.fees(opA.child!.number)).map((f) => [f.code, f.amount, f.paid]), [['opposition', 200_00, 200_00]]);
    const parties = (await s.read(opA.child!.number)).parties.map((p: any) => `${p.role}: ${p.name}`).sort();
    assert.deepEqual(parties, ['opponent: Aurora Roasters Inc', 'respondent: Aurora Coffee Ltd', 'respondent: Lex & Partners LLP']);

    await s.on('2026-06-16');
    const latecomer = await s.office.user(`late-${process.pid}`, 'agent', 'Late & Co');
    await s.refused(a, 'TIME_LIMIT_EXPIRED', () => s.act(latecomer, a, 'file-opposition', OPPOSITION, eur(200)));
    const swept = await s.sweep();
    assert.deepEqual(swept.acted.map((x) => x.number).sort(), [a, b]);
    assert.deepEqual([await s.state(a), await s.state(b)], ['opposed', 'opposed']);

    await s.on('2026-09-01');
    await s.act(s.examiner, opA.child!.number, 'uphold', DECISION);
    await s.act(s.examiner, opB.child!.number, 'reject', DECISION);
    assert.deepEqual([await s.state(a), await s.state(b)], ['refused', 'awaiting-registration']);
    await s.journalOk();
  });
});

test('Ruritania: three registrations of marks filed 31 Jan 2026 in 3 classes (expiry 31 Jan 2036): renewal on 30 Jul 2035 is too early; on 1 Aug 2035 the first is renewed for 300 EUR (220 + 2 x 40, no surcharge, not without payment); on 2 Feb 2036 the second needs 410 EUR (110 EUR surcharge); the third, not renewed by the end of the 3-month grace period on 30 Apr 2036, lapses on 1 May; the first is later surrendered', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-01-31' }, async (s) => {
    const marks: string[] = [];
    for (const text of ['ONE', 'TWO', 'THREE']) {
      const { number } = await s.file({ mark: { kind: 'Word', text }, goodsServices: classes(30, 35, 43) }, eur(260));
      await examineAndAccept(s, number);
      marks.push(number);
    }
    await s.on('2026-02-02');
    for (const n of marks) await s.act(s.registrar, n, 'publish');
    const [inWindow, inGrace, never] = marks;
    assert.equal((await s.limit(inWindow, 'opposition')).due_on, '2026-04-02');
    await s.on('2026-04-03');
    await s.sweep();
    for (const n of marks) assert.equal((await s.act(s.registrar, n, 'register')).state, 'registered');
    const limit = await s.limit(inWindow, 'renewal');
    assert.deepEqual([limit.window_opens_on, limit.due_on, limit.grace_ends_on], ['2035-07-31', '2036-01-31', '2036-04-30']);

    await s.on('2035-07-30');
    await s.refused(inWindow, 'RENEWAL_WINDOW_NOT_OPEN', () => s.act(s.agent, inWindow, 'renew', {}, eur(300)));
    await s.on('2035-08-01');
    await s.refused(inWindow, 'FEE_NOT_PAID', () => s.act(s.agent, inWindow, 'renew'));
    const r1 = await s.act(s.agent, inWindow, 'renew', {}, eur(300));
    assert.deepEqual(r1.fees.map((f) => [f.code, f.amount]), [['renewal', 220_00], ['renewal-class', 80_00]]);
    assert.equal((await s.acts(inWindow)).at(-1)!.legal_basis, 'RTMA s. 34');
    assert.equal((await s.row(inWindow)).data.expiryDate, '2046-01-31');

    await s.on('2036-02-02');
    await s.refused(inGrace, 'FEE_NOT_PAID', () => s.act(s.agent, inGrace, 'renew', {}, eur(300)));
    const r2 = await s.act(s.agent, inGrace, 'renew', {}, eur(410));
    assert.deepEqual(r2.fees.map((f) => [f.code, f.amount]), [['renewal', 220_00], ['renewal-class', 80_00], ['renewal-surcharge', 110_00]]);
    assert.equal((await s.limit(inGrace, 'renewal')).due_on, '2046-01-31');

    await s.on('2036-04-30');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2036-05-01');
    await s.refused(never, 'TIME_LIMIT_EXPIRED', () => s.act(s.agent, never, 'renew', {}, eur(410)));
    assert.deepEqual((await s.sweep()).acted, [{ number: never, act: 'lapse' }]);
    assert.deepEqual(await Promise.all(marks.map((n) => s.state(n))), ['registered', 'registered', 'lapsed']);

    await s.on('2036-06-01');
    assert.equal((await s.act(s.agent, inWindow, 'surrender', { remarks: 'rebranding' })).state, 'surrendered');
    assert.equal((await s.limit(inWindow, 'renewal')).status, 'closed');
    await s.journalOk();
  });
});

test('Ruritania: 3 classes cost 180 + 2 x 40 = 260 EUR: with 180 EUR paid, the formalities cannot be accepted (FEES_UNPAID, 80 EUR outstanding); a payment in GBP is refused (CURRENCY_MISMATCH); after paying 80 EUR they are', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-03-02' }, async (s) => {
    const filed = await s.file({ goodsServices: classes(30, 35, 43) }, eur(180));
    assert.deepEqual(filed.fees.map((f) => [f.code, f.amount]), [['application', 180_00], ['class', 80_00]]);
    const n = filed.number;
    assert.equal((await s.row(n)).fees_outstanding, 80_00);
    await s.refused(n, 'FEES_UNPAID', () => s.act(s.formalities, n, 'accept-formalities'));
    await s.refused(n, 'CURRENCY_MISMATCH', () => s.act(s.agent, n, 'pay-fees', {}, { amount: 80_00, currency: 'GBP' }));
    await s.act(s.agent, n, 'pay-fees', {}, eur(80));
    assert.equal((await s.act(s.formalities, n, 'accept-formalities')).state, 'classification');
    await s.journalOk();
  });
});

test('Ruritania: refusals leave everything as it was (examiner publishing: ACT_NOT_PERMITTED; registering in examination: ACT_NOT_ALLOWED_IN_STATE; UNKNOWN_ACT; Nice class 46; class 35 twice; a priority older than 6 months) and the applicant may withdraw during examination', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-03-02' }, async (s) => {
    await s.nothingFiled('UNKNOWN_NICE_CLASS', () => s.file({ goodsServices: classes(46) }, eur(180)));
    await s.nothingFiled('DUPLICATE_NICE_CLASS', () => s.file({ goodsServices: [...classes(35), ...classes(35)] }, eur(220)));
    await s.nothingFiled('PRIORITY_PERIOD_EXPIRED', () => s.file({ priorityClaims: [{ office: 'US', number: '98/765,432', date: '2025-08-01' }] }, eur(180)));

    const { number: n } = await s.file({}, eur(180));
    assert.equal(n, 'RT-2026-000001');
    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'approve-classification');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.examiner, n, 'publish'));
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.registrar, n, 'register'));
    await s.refused(n, 'UNKNOWN_ACT', () => s.act(s.examiner, n, 'expedite'));
    assert.equal((await s.act(s.agent, n, 'withdraw', {})).state, 'withdrawn');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.examiner, n, 'accept'));
    await s.journalOk();
  });
});
