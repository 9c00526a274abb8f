// Model-law fees, withdrawal and the requests the law refuses. A refused request must leave the case
// (state, acts, fees, payments, time limits) and the register exactly as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classes, eur, GROUNDS, inOffice } from './steps.ts';

const MODEL_LAW = { framework: 'model-law' } as const;

test('3 classes cost 250 + 2 x 50 = 350 EUR: filed 2 Mar 2026 without payment, the formalities cannot be accepted while 350 EUR are outstanding (FEES_UNPAID); a payment in USD is refused (CURRENCY_MISMATCH); 300 EUR paid 5 Mar leave 50 EUR outstanding; after 50 EUR more on 6 Mar the formalities are accepted', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-02' }, async (s) => {
    await s.nothingFiled('CURRENCY_MISMATCH', () => s.file({ goodsServices: classes(30, 35, 43) }, { amount: 350_00, currency: 'USD' }));

    const filed = await s.file({ goodsServices: classes(30, 35, 43) });
    assert.equal(filed.number, 'TM-2026-000001');
    assert.deepEqual(filed.fees, [
      { code: 'application', amount: 250_00, currency: 'EUR' },
      { code: 'class', amount: 100_00, currency: 'EUR' },
    ]);
    const n = filed.number;
    assert.deepEqual((await s.fees(n)).map((f) => [f.code, f.quantity, f.amount, f.paid]), [['application', 1, 250_00, 0], ['class', 2, 100_00, 0]]);
    assert.equal((await s.row(n)).fees_outstanding, 350_00);

    await s.refused(n, 'FEES_UNPAID', () => s.act(s.formalities, n, 'accept-formalities'));
    await s.refused(n, 'CURRENCY_MISMATCH', () => s.act(s.agent, n, 'pay-fees', {}, { amount: 350_00, currency: 'USD' }));
    await s.refused(n, 'PAYMENT_REQUIRED', () => s.act(s.agent, n, 'pay-fees'));

    await s.on('2026-03-05');
    await s.act(s.agent, n, 'pay-fees', {}, { ...eur(300), method: 'bank-transfer', reference: 'INV-1' });
    assert.equal((await s.row(n)).fees_outstanding, 50_00);
    await s.refused(n, 'FEES_UNPAID', () => s.act(s.formalities, n, 'accept-formalities'));
    await s.on('2026-03-06');
    await s.act(s.formalities, n, 'pay-fees', {}, eur(50));
    const c = await s.read(n);
    assert.equal(c.fees?.outstanding, 0);
    assert.deepEqual(c.fees?.payments.map((p: any) => [p.amount, p.currency, p.method, p.received_on]), [[300_00, 'EUR', 'bank-transfer', '2026-03-05'], [50_00, 'EUR', 'other', '2026-03-06']]);
    assert.deepEqual((await s.fees(n)).map((f) => f.paid), [250_00, 100_00]);
    assert.equal((await s.act(s.formalities, n, 'accept-formalities')).state, 'classification');
    await s.journalOk();
  });
});

test('the applicant withdraws the application on 1 Apr 2026 while a provisional refusal awaits its response (a competitor may not: ACT_NOT_PERMITTED) -> withdrawn (ML r. 12), the response time limit closed, and after 10 Jun the sweep has nothing to do', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-02' }, async (s) => {
    const { number: n } = await s.file({}, eur(250));
    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'approve-classification');
    await s.act(s.examiner, n, 'refuse-provisionally', GROUNDS);

    await s.on('2026-04-01');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.rival, n, 'withdraw', { remarks: 'not mine' }));
    const r = await s.act(s.agent, n, 'withdraw', { remarks: 'business reasons' });
    assert.equal(r.state, 'withdrawn');
    const last = (await s.acts(n)).at(-1)!;
    assert.deepEqual([last.type, last.state_before, last.legal_basis], ['withdraw', 'provisionally-refused', 'ML r. 12']);
    assert.equal((await s.limit(n, 'refusal-response')).status, 'closed');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.agent, n, 'respond-to-refusal', {}));
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.agent, n, 'withdraw', {}));

    await s.on('2026-06-11');
    assert.deepEqual((await s.sweep()).acted, []);
    assert.equal(await s.state(n), 'withdrawn');
    await s.journalOk();
  });
});

test('requests the law does not allow leave the case exactly as it was: registering an application still in formalities (ACT_NOT_ALLOWED_IN_STATE), an examiner publishing, which is the registrar\'s act (ACT_NOT_PERMITTED), the applicant accepting its own application or performing an act reserved to the office\'s sweep (ACT_NOT_PERMITTED), an act the procedure does not have (UNKNOWN_ACT), surrendering a mere application (ACT_NOT_ALLOWED_IN_STATE)', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-02' }, async (s) => {
    const { number: n } = await s.file({}, eur(250));
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.registrar, n, 'register'));
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.examiner, n, 'accept'));
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.agent, n, 'surrender', {}));
    await s.refused(n, 'UNKNOWN_ACT', () => s.act(s.examiner, n, 'grant-patent'));
    await s.refused(n, 'UNKNOWN_ACT', () => s.act(s.agent, n, 'file', {}));
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.agent, n, 'accept-formalities'));
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.agent, n, 'deem-withdrawn'));
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.rival, n, 'pay-fees', {}, eur(10)));

    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'approve-classification');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.agent, n, 'accept'));
    await s.act(s.examiner, n, 'accept');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.examiner, n, 'publish'));
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.formalities, n, 'publish'));
    assert.equal((await s.act(s.registrar, n, 'publish')).state, 'published');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.registrar, n, 'register'));
    assert.equal((await s.row(n)).act_count, 5);
    await s.journalOk();
  });
});

test('filings the law refuses record nothing, not even a number: Nice class 46 (UNKNOWN_NICE_CLASS), class 30 listed twice (DUPLICATE_NICE_CLASS), a filing on Tue 3 Mar 2026 claiming a priority of 2 Sep 2025, whose 6 months ended on 2 Mar (PRIORITY_PERIOD_EXPIRED), a filing by an office account; a priority of 3 Sep 2025 is in time and the filing becomes TM-2026-000001', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-03' }, async (s) => {
    await s.nothingFiled('UNKNOWN_NICE_CLASS', () => s.file({ goodsServices: classes(30, 46) }, eur(300)));
    await s.nothingFiled('DUPLICATE_NICE_CLASS', () => s.file({ goodsServices: [...classes(30), { classNumber: 30, terms: ['tea'] }] }, eur(300)));
    const priority = (date: string) => ({ priorityClaims: [{ office: 'DE', number: '30 2025 012 345', date }] });
    await s.nothingFiled('PRIORITY_PERIOD_EXPIRED', () => s.file(priority('2025-09-02'), eur(250)));
    await s.nothingFiled('PRIORITY_DATE_IN_FUTURE', () => s.file(priority('2026-03-04'), eur(250)));
    await s.nothingFiled('ACT_NOT_PERMITTED', () => s.file({}, eur(250), { by: s.examiner }));

    const ok = await s.file(priority('2025-09-03'), eur(250));
    assert.equal(ok.number, 'TM-2026-000001');
    assert.equal(ok.filingDate, '2026-03-03');
    assert.deepEqual((await s.row(ok.number)).data.priorityClaims, [{ office: 'DE', number: '30 2025 012 345', date: '2025-09-03' }]);
    await s.journalOk();
  });
});

test('a filing on Mon 31 Aug 2026 cannot claim a priority of 28 Feb 2026: the 6 months ended on Fri 28 Aug 2026 (PRIORITY_PERIOD_EXPIRED), while a priority of 1 Mar 2026 (period ending 1 Sep) is in time', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-08-31' }, async (s) => {
    const priority = (date: string) => ({ priorityClaims: [{ office: 'FR', number: '26 4 123 456', date }] });
    await s.nothingFiled('PRIORITY_PERIOD_EXPIRED', () => s.file(priority('2026-02-28'), eur(250)));
    assert.equal((await s.file(priority('2026-03-01'), eur(250))).state, 'formalities');
    await s.journalOk();
  });
});
