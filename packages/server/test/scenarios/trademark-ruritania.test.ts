// Ruritania (Ruritania Trade Marks Act, RTMA): the model law with a 2-month opposition period, a 3-month
// renewal grace period, its own fees (application 180 EUR, each further class 40 EUR) and holidays
// (2026: 1 Jan, 1 May, 24/25/31 Dec; 2027 adds 15 Jun). Examination phase, end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarInForce, findFramework, isWorkingDay, parseLegalDate } from '@registrum/procedures';
import { classes, DEFICIENCY, eur, examineAndAccept, GROUNDS, inOffice } from './steps.ts';

const RURITANIA = { framework: 'ruritania' } as const;

test('Ruritania: filed Sat 31 Jan 2026 (office closed; the date of receipt is the filing date) for 180 EUR, deficiency notice Mon 2 Feb (2 months: due Thu 2 Apr) -> remedied 31 Mar -> formalities, classification, accepted -> published 15 Apr -> the 2-month opposition period (RTMA s. 21(1)) ends Mon 15 Jun -> swept 16 Jun -> awaiting registration -> registered 17 Jun, expiring 31 Jan 2036, renewable from 31 Jul 2035, grace period until 30 Apr 2036', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-01-31' }, async (s) => {
    const calendar = calendarInForce(findFramework('ruritania')!.calendars, parseLegalDate('2026-01-31'));
    assert.equal(isWorkingDay(calendar, parseLegalDate('2026-01-31')), false);

    const filed = await s.file({}, eur(180));
    assert.equal(filed.number, 'RT-2026-000001');
    assert.equal(filed.filingDate, '2026-01-31');
    assert.deepEqual(filed.fees, [{ code: 'application', amount: 180_00, currency: 'EUR' }]);
    const n = filed.number;
    const c0 = await s.read(n);
    assert.deepEqual([c0.framework, c0.procedureVersion], ['ruritania', '2026.1']);

    await s.on('2026-02-02');
    await s.act(s.formalities, n, 'notify-formal-deficiency', DEFICIENCY);
    const remedy = await s.limit(n, 'remedy-deficiency');
    assert.equal(remedy.due_on, '2026-04-02');
    assert.deepEqual(remedy.computation.calendar, { id: 'ruritania', version: '2026-1' });
    assert.equal((await s.read(n)).timeLimits.find((t) => t.kind === 'remedy-deficiency')?.dueOn, '2026-04-02');

    await s.on('2026-03-31');
    await s.act(s.agent, n, 'remedy-deficiency', { remarks: 'address supplied' });
    await examineAndAccept(s, n);
    await s.on('2026-04-15');
    await s.act(s.registrar, n, 'publish');
    const opposition = await s.limit(n, 'opposition');
    assert.equal(opposition.due_on, '2026-06-15');
    assert.equal(opposition.computation.citation, 'RTMA s. 21(1)');

    await s.on('2026-06-15');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2026-06-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'close-opposition-period' }]);
    assert.equal(await s.state(n), 'awaiting-registration');
    await s.on('2026-06-17');
    assert.equal((await s.act(s.registrar, n, 'register')).state, 'registered');

    const c = await s.read(n);
    assert.equal(c.data.expiryDate, '2036-01-31');
    const renewal = c.timeLimits.find((t) => t.kind === 'renewal')!;
    assert.deepEqual([renewal.windowOpensOn, renewal.dueOn, renewal.graceEndsOn], ['2035-07-31', '2036-01-31', '2036-04-30']);
    assert.deepEqual((renewal.computation as any).grace.calendar, { id: 'ruritania', version: '2027-1' });
    assert.equal(c.acts.length, 9);
    await s.journalOk();
  });
});

test('Ruritania: deficiency notified 2 Feb 2026 and not remedied by 2 Apr -> the sweep of 3 Apr deems the application withdrawn, as the office; a second sweep adds nothing', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-01-31' }, async (s) => {
    const { number: n } = await s.file({}, eur(180));
    await s.on('2026-02-02');
    await s.act(s.formalities, n, 'notify-formal-deficiency', DEFICIENCY);
    await s.on('2026-04-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'deem-withdrawn' }]);
    const last = (await s.acts(n)).at(-1)!;
    assert.deepEqual([last.type, last.actor_role, last.legal_basis, last.state_after], ['deem-withdrawn', 'system', 'RTMA s. 12(3)', 'deemed-withdrawn']);
    const count = (await s.row(n)).act_count;
    assert.deepEqual((await s.sweep()).acted, []);
    assert.equal((await s.row(n)).act_count, count);
    await s.journalOk();
  });
});

test('Ruritania: a deficiency notice of Mon 2 Mar 2026 gives until Sat 2 May, extended to Mon 4 May (calendar ruritania 2026-1); one of Thu 15 Apr 2027 gives until 15 Jun 2027, a Ruritanian holiday from 2027, extended to Wed 16 Jun (calendar ruritania 2027-1)', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-03-02' }, async (s) => {
    const { number: a } = await s.file({}, eur(180));
    await s.act(s.formalities, a, 'notify-formal-deficiency', DEFICIENCY);
    const la = await s.limit(a, 'remedy-deficiency');
    assert.deepEqual([la.computation.nominalLastDay, la.due_on, la.computation.extended], ['2026-05-02', '2026-05-04', true]);
    assert.deepEqual(la.computation.calendar, { id: 'ruritania', version: '2026-1' });
    await s.on('2026-05-04');
    assert.equal((await s.act(s.agent, a, 'remedy-deficiency', {})).state, 'formalities');

    await s.on('2027-04-15');
    const b = await s.file({ mark: { kind: 'Word', text: 'BOREALIS' } }, eur(200));
    assert.equal(b.number, 'RT-2027-000001');
    await s.act(s.formalities, b.number, 'notify-formal-deficiency', DEFICIENCY);
    const lb = await s.limit(b.number, 'remedy-deficiency');
    assert.deepEqual([lb.computation.nominalLastDay, lb.due_on], ['2027-06-15', '2027-06-16']);
    assert.deepEqual(lb.computation.calendar, { id: 'ruritania', version: '2027-1' });
    await s.on('2027-06-16');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2027-06-17');
    assert.deepEqual((await s.sweep()).acted, [{ number: b.number, act: 'deem-withdrawn' }]);
    assert.equal(await s.state(a), 'formalities');
    await s.journalOk();
  });
});

test('Ruritania: two applications provisionally refused on 10 Mar 2026 (3 months: due 10 Jun): the one answered on 10 Jun goes back to examination and is accepted, the unanswered one is finally refused by the sweep of 11 Jun', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-03-02' }, async (s) => {
    const { number: answered } = await s.file({}, eur(180));
    const { number: silent } = await s.file({ mark: { kind: 'Word', text: 'SILENT' } }, eur(180));
    await s.on('2026-03-10');
    for (const n of [answered, silent]) {
      await s.act(s.formalities, n, 'accept-formalities');
      await s.act(s.examiner, n, 'approve-classification');
      await s.act(s.examiner, n, 'refuse-provisionally', GROUNDS);
      assert.equal((await s.limit(n, 'refusal-response')).due_on, '2026-06-10');
    }
    await s.on('2026-06-10');
    await s.act(s.agent, answered, 'respond-to-refusal', { remarks: 'distinctive in Ruritania' });
    await s.on('2026-06-11');
    assert.deepEqual((await s.sweep()).acted, [{ number: silent, act: 'refuse-for-no-response' }]);
    assert.equal(await s.state(silent), 'refused');
    assert.equal((await s.act(s.examiner, answered, 'accept')).state, 'accepted');
    await s.journalOk();
  });
});

test('Ruritania: two filings received Mon 2 Mar 2026 without goods or services (incomplete, no filing date, complete by Mon 4 May): the one completed on 4 May with 2 classes gets filing date 4 May 2026 and a 40 EUR class fee; the other is not treated as filed after the sweep of 5 May', async () => {
  await inOffice({ ...RURITANIA, startDate: '2026-03-02' }, async (s) => {
    const a = await s.file({ goodsServices: undefined }, eur(180));
    const b = await s.file({ goodsServices: undefined, mark: { kind: 'Word', text: 'NEVER' } }, eur(180));
    for (const f of [a, b]) assert.deepEqual([f.state, f.filingDate], ['incomplete', null]);
    assert.equal((await s.limit(a.number, 'complete-filing')).due_on, '2026-05-04');

    await s.on('2026-05-04');
    const done = await s.act(s.agent, a.number, 'complete-filing', { goodsServices: classes(30, 43) });
    assert.deepEqual(done.fees, [{ code: 'class', amount: 40_00, currency: 'EUR' }]);
    assert.equal((await s.row(a.number)).filing_date, '2026-05-04');

    await s.on('2026-05-05');
    assert.deepEqual((await s.sweep()).acted, [{ number: b.number, act: 'filing-date-not-accorded' }]);
    assert.deepEqual([await s.state(a.number), await s.state(b.number)], ['formalities', 'not-accorded']);
    assert.equal((await s.row(b.number)).filing_date, null);
    await s.journalOk();
  });
});
