// Model-law trademark procedure, examination phase, end to end through the use cases.
// Calendar: model-law 2026-1 (Saturdays and Sundays closed; Good Friday 3 Apr and Easter Monday 6 Apr 2026).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarInForce, findFramework, isWorkingDay, parseLegalDate } from '@registrum/procedures';
import { classes, DEFICIENCY, eur, examineAndAccept, GROUNDS, inOffice } from './steps.ts';

const MODEL_LAW = { framework: 'model-law' } as const;

test('filed Sat 31 Jan 2026 (office closed, but the date of receipt is the filing date), deficiency notice Mon 2 Feb with 2 months to remedy (due Thu 2 Apr) -> remedied 31 Mar -> formalities accepted -> classification approved -> accepted -> published 15 Apr -> 3-month opposition period ends 15 Jul -> swept 16 Jul -> awaiting registration -> registered 20 Jul, expiring 31 Jan 2036 with renewal possible from 31 Jul 2035 and a grace period until 31 Jul 2036', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-01-31' }, async (s) => {
    const calendar = calendarInForce(findFramework('model-law')!.calendars, parseLegalDate('2026-01-31'));
    assert.equal(isWorkingDay(calendar, parseLegalDate('2026-01-31')), false, 'the model-law office is closed on Saturdays');

    const filed = await s.file({}, eur(250));
    assert.match(filed.number, /^TM-2026-\d{6}$/);
    assert.equal(filed.filingDate, '2026-01-31');
    assert.equal(filed.state, 'formalities');
    const n = filed.number;

    await s.on('2026-02-02');
    assert.equal((await s.act(s.formalities, n, 'notify-formal-deficiency', DEFICIENCY)).state, 'formalities-deficient');
    const remedy = await s.limit(n, 'remedy-deficiency');
    assert.equal(remedy.starts_from, '2026-02-02');
    assert.equal(remedy.due_on, '2026-04-02');
    assert.equal(remedy.computation.extended, false);
    assert.equal(remedy.computation.citation, 'ML r. 5(2)');
    const shown = (await s.read(n)).timeLimits.find((t) => t.kind === 'remedy-deficiency');
    assert.equal(shown?.dueOn, '2026-04-02');
    assert.equal(shown?.onExpiry, 'deem-withdrawn');

    await s.on('2026-03-31');
    assert.equal((await s.act(s.agent, n, 'remedy-deficiency', { remarks: 'Address: 1 Main Street' })).state, 'formalities');
    assert.equal((await s.limit(n, 'remedy-deficiency')).status, 'met');
    await examineAndAccept(s, n);

    await s.on('2026-04-15');
    assert.equal((await s.act(s.registrar, n, 'publish')).state, 'published');
    const opposition = await s.limit(n, 'opposition');
    assert.equal(opposition.due_on, '2026-07-15');
    assert.equal(opposition.computation.citation, 'ML r. 9(1)');
    assert.equal((await s.read(n)).public, true, 'a published application is public');

    await s.on('2026-07-15');
    assert.deepEqual((await s.sweep()).acted, [], 'oppositions may still be filed on the last day');
    assert.equal(await s.state(n), 'published');

    await s.on('2026-07-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'close-opposition-period' }]);
    assert.equal(await s.state(n), 'awaiting-registration');
    assert.equal((await s.limit(n, 'opposition')).status, 'expired');

    await s.on('2026-07-20');
    assert.equal((await s.act(s.registrar, n, 'register')).state, 'registered');
    const c = await s.read(n);
    assert.equal(c.state, 'registered');
    assert.equal(c.filingDate, '2026-01-31');
    assert.equal(c.data.registrationDate, '2026-07-20');
    assert.equal(c.data.expiryDate, '2036-01-31', 'filing date + 10 years');
    const renewal = c.timeLimits.find((t) => t.kind === 'renewal');
    assert.deepEqual(
      renewal && { startsFrom: renewal.startsFrom, windowOpensOn: renewal.windowOpensOn, dueOn: renewal.dueOn, graceEndsOn: renewal.graceEndsOn, onExpiry: renewal.onExpiry },
      { startsFrom: '2026-01-31', windowOpensOn: '2035-07-31', dueOn: '2036-01-31', graceEndsOn: '2036-07-31', onExpiry: 'lapse' },
    );
    assert.deepEqual(c.acts.map((a) => a.type), [
      'file', 'notify-formal-deficiency', 'remedy-deficiency', 'accept-formalities', 'approve-classification',
      'accept', 'publish', 'close-opposition-period', 'register',
    ]);
    await s.journalOk();
  });
});

test('deficiency notified 2 Feb 2026, not remedied by Thu 2 Apr -> the sweep on 3 Apr deems the application withdrawn (ML r. 5(3)), as the office itself; sweeping again changes nothing', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-01-31' }, async (s) => {
    const { number: n } = await s.file({}, eur(250));
    await s.on('2026-02-02');
    await s.act(s.formalities, n, 'notify-formal-deficiency', DEFICIENCY);

    await s.on('2026-04-02');
    assert.deepEqual((await s.sweep()).acted, []);
    assert.equal(await s.state(n), 'formalities-deficient');

    await s.on('2026-04-03');
    await s.refused(n, 'TIME_LIMIT_EXPIRED', () => s.act(s.agent, n, 'remedy-deficiency', { remarks: 'one day late' }));
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'deem-withdrawn' }]);
    assert.equal(await s.state(n), 'deemed-withdrawn');
    const last = (await s.acts(n)).at(-1)!;
    assert.equal(last.type, 'deem-withdrawn');
    assert.equal(last.actor_role, 'system');
    assert.equal(last.actor_id, null);
    assert.equal(last.legal_basis, 'ML r. 5(3)');
    assert.equal(last.office_date, '2026-04-03');
    assert.equal(last.state_before, 'formalities-deficient');
    assert.deepEqual(last.payload.timeLimit, { kind: 'remedy-deficiency', dueOn: '2026-04-02', graceEndsOn: null });
    const limit = await s.limit(n, 'remedy-deficiency');
    assert.equal(limit.closed_on, '2026-04-03');
    assert.equal(limit.status, 'expired', 'the unmet time limit is recorded as expired');

    const count = (await s.row(n)).act_count;
    await s.on('2026-04-04');
    assert.deepEqual((await s.sweep()).acted, []);
    assert.equal((await s.row(n)).act_count, count, 'idempotent: no second act');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.agent, n, 'remedy-deficiency', { remarks: 'too late' }));
    await s.journalOk();
  });
});

test('deficiency notified Tue 3 Feb 2026: 2 months end on Good Friday 3 Apr, so the time limit runs over the Easter weekend and Easter Monday to Tue 7 Apr (calendar model-law 2026-1); remedying on 7 Apr is in time, a day later is not', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-02-03' }, async (s) => {
    const { number: inTime } = await s.file({}, eur(250));
    const { number: late } = await s.file({ mark: { kind: 'Word', text: 'BOREALIS' } }, eur(250));
    for (const n of [inTime, late]) await s.act(s.formalities, n, 'notify-formal-deficiency', DEFICIENCY);

    const limit = await s.limit(inTime, 'remedy-deficiency');
    assert.equal(limit.due_on, '2026-04-07');
    assert.equal(limit.computation.nominalLastDay, '2026-04-03');
    assert.equal(limit.computation.extended, true);
    assert.deepEqual(limit.computation.calendar, { id: 'model-law', version: '2026-1' });
    assert.deepEqual(limit.computation.spec, { months: 2, citation: 'ML r. 5(2)' });

    await s.on('2026-04-07');
    assert.deepEqual((await s.sweep()).acted, [], 'nothing expires on the extended last day');
    assert.equal((await s.act(s.agent, inTime, 'remedy-deficiency', {})).state, 'formalities');

    await s.on('2026-04-08');
    await s.refused(late, 'TIME_LIMIT_EXPIRED', () => s.act(s.agent, late, 'remedy-deficiency', {}));
    assert.deepEqual((await s.sweep()).acted, [{ number: late, act: 'deem-withdrawn' }]);
    assert.equal(await s.state(late), 'deemed-withdrawn');
    assert.equal(await s.state(inTime), 'formalities');
    await s.journalOk();
  });
});

test('provisional refusal on absolute grounds 10 Mar 2026 with 3 months to respond (due Wed 10 Jun) -> response on the last day -> back in examination -> accepted', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-02' }, async (s) => {
    const { number: n } = await s.file({}, eur(250));
    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'approve-classification');
    await s.on('2026-03-10');
    assert.equal((await s.act(s.examiner, n, 'refuse-provisionally', GROUNDS)).state, 'provisionally-refused');
    const limit = await s.limit(n, 'refusal-response');
    assert.equal(limit.due_on, '2026-06-10');
    assert.equal(limit.computation.citation, 'ML r. 7(3)');

    await s.on('2026-06-10');
    assert.equal((await s.act(s.agent, n, 'respond-to-refusal', { remarks: 'The mark is distinctive' })).state, 'examination');
    assert.equal((await s.limit(n, 'refusal-response')).status, 'met');
    assert.equal((await s.act(s.examiner, n, 'accept')).state, 'accepted');
    await s.on('2026-06-11');
    assert.deepEqual((await s.sweep()).acted, [], 'a met time limit never expires');
    assert.equal(await s.state(n), 'accepted');
    await s.journalOk();
  });
});

test('provisional refusal 10 Mar 2026, no response by 10 Jun -> the sweep on 11 Jun makes the refusal final (ML r. 7(4))', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-02' }, async (s) => {
    const { number: n } = await s.file({}, eur(250));
    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'approve-classification');
    await s.on('2026-03-10');
    await s.act(s.examiner, n, 'refuse-provisionally', GROUNDS);

    await s.on('2026-06-11');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'refuse-for-no-response' }]);
    assert.equal(await s.state(n), 'refused');
    const last = (await s.acts(n)).at(-1)!;
    assert.equal(last.actor_role, 'system');
    assert.equal(last.legal_basis, 'ML r. 7(4)');
    assert.equal((await s.limit(n, 'refusal-response')).status, 'expired');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.agent, n, 'respond-to-refusal', {}));
    await s.journalOk();
  });
});

test('received Mon 2 Mar 2026 without goods or services -> incomplete, no filing date, 2 months to complete (2 May is a Saturday: due Mon 4 May) -> completed 20 Apr with two classes -> filing date 20 Apr 2026 and one extra class fee', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-02' }, async (s) => {
    const filed = await s.file({ goodsServices: undefined }, eur(250));
    assert.equal(filed.state, 'incomplete');
    assert.equal(filed.filingDate, null);
    const n = filed.number;
    assert.equal((await s.row(n)).filing_date, null);
    assert.equal((await s.row(n)).data.receiptDate, '2026-03-02');
    const limit = await s.limit(n, 'complete-filing');
    assert.equal(limit.due_on, '2026-05-04');
    assert.equal(limit.computation.nominalLastDay, '2026-05-02');
    await s.refused(n, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.formalities, n, 'accept-formalities'));

    await s.on('2026-04-20');
    const done = await s.act(s.agent, n, 'complete-filing', { goodsServices: classes(30, 43) });
    assert.equal(done.state, 'formalities');
    assert.deepEqual(done.fees, [{ code: 'class', amount: 50_00, currency: 'EUR' }]);
    const c = await s.read(n);
    assert.equal(c.filingDate, '2026-04-20');
    assert.equal(c.fees?.outstanding, 50_00);
    assert.equal((await s.limit(n, 'complete-filing')).status, 'met');

    await s.on('2026-05-05');
    assert.deepEqual((await s.sweep()).acted, []);
    assert.equal(await s.state(n), 'formalities');
    await s.journalOk();
  });
});

test('received Mon 2 Mar 2026 without goods or services and never completed -> on 5 May the sweep records that the application is not treated as filed (ML r. 3(3)); it never had a filing date', async () => {
  await inOffice({ ...MODEL_LAW, startDate: '2026-03-02' }, async (s) => {
    const { number: n } = await s.file({ goodsServices: undefined }, eur(250));
    await s.on('2026-05-04');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2026-05-05');
    await s.refused(n, 'TIME_LIMIT_EXPIRED', () => s.act(s.agent, n, 'complete-filing', { goodsServices: classes(30) }));
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'filing-date-not-accorded' }]);
    const c = await s.row(n);
    assert.equal(c.state, 'not-accorded');
    assert.equal(c.filing_date, null);
    const last = (await s.acts(n)).at(-1)!;
    assert.equal(last.actor_role, 'system');
    assert.equal(last.legal_basis, 'ML r. 3(3)');
    await s.journalOk();
  });
});
