// Office fee-schedule versions under Ruritanian law. The law ships two trademark schedules: 2000 (application
// 180 EUR, further class 40 EUR) and 2027 (application 200 EUR, in force from 1 Jan 2027, which also
// brought trademark procedure 2027.1). On 1 Dec 2026 the administrator adds an office version from
// 1 Feb 2027: application 210, further class 95. Fees are charged at the rates in force on the day of
// the act whatever version a case pinned: an application filed in December (pinned to 2026.1) that adds
// a class on 15 Jan 2027 pays the law's 2027 class fee, and on 1 Feb 2027 the office's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classes, DEFICIENCY, eur, inOffice, type Scene } from './steps.ts';

async function addClass(s: Scene, number: string, classNumbers: number[]) {
  await s.act(s.formalities, number, 'object-classification', DEFICIENCY);
  const res = await s.act(s.agent, number, 'amend-classification', { goodsServices: classes(...classNumbers) });
  const charged = (await s.acts(number)).at(-1)!.effects.fees;
  return { fees: res.fees.map((f) => [f.code, f.amount]), schedules: charged.map((f: any) => f.schedule) };
}

test('Ruritania: an office version from 1 Feb 2027 on top of the law\'s 2027 schedule; a case pinned to 2026.1 pays what is in force on the day of each act', async () => {
  await inOffice({ framework: 'ruritania', startDate: '2026-12-01' }, async (s) => {
    const admin = await s.office.user('admin-fees', 'admin');
    const old = await s.file({ goodsServices: classes(30) }, eur(180));
    assert.deepEqual(old.fees, [{ code: 'application', amount: 180_00, currency: 'EUR' }]);
    assert.equal((await s.act(s.formalities, old.number, 'accept-formalities')).state, 'classification');

    await s.refused(old.number, 'FEE_SCHEDULE_EXISTS', () => s.office.feeSchedules.add(s.office.db, s.office.clock, admin,
      { framework: 'ruritania', right: 'trademark', effectiveFrom: '2027-01-01', amounts: { application: 1 } }));
    const added = await s.office.feeSchedules.add(s.office.db, s.office.clock, admin,
      { framework: 'ruritania', right: 'trademark', effectiveFrom: '2027-02-01', amounts: { application: 210_00, class: 95_00 } });
    assert.deepEqual([added.source, added.items.application.amount, added.items.class.amount], ['office', 210_00, 95_00]);
    const listed = s.office.feeSchedules.list('ruritania', s.office.clock.today()).filter((i) => i.right === 'trademark');
    assert.deepEqual(listed.map((i) => i.version), ['2026.1', '2027.1']);
    for (const i of listed) {
      assert.deepEqual(i.history.map((h) => [h.source, h.effectiveFrom, h.items.application.amount]),
        [['law', '2000-01-01', 180_00], ['law', '2027-01-01', 200_00], ['office', '2027-02-01', 210_00]], `history of ${i.version}`);
    }

    await s.on('2027-01-15');
    const january = await addClass(s, old.number, [30, 31]);
    assert.deepEqual(january.fees, [['class', 40_00]]);
    assert.deepEqual(january.schedules, [{ source: 'law', effectiveFrom: '2027-01-01' }], 'the law\'s 2027 schedule, though the case is under 2026.1');
    const fresh = await s.file({ mark: { kind: 'Word', text: 'JANUARY' } }, eur(200));
    assert.deepEqual(fresh.fees.map((f) => [f.code, f.amount]), [['application', 200_00]]);

    await s.on('2027-01-29');
    const lastDay = await s.file({ mark: { kind: 'Word', text: 'FRIDAY' } }, eur(200));
    assert.deepEqual(lastDay.fees.map((f) => [f.code, f.amount]), [['application', 200_00]], 'the day before the office version');

    await s.on('2027-02-01');
    const february = await addClass(s, old.number, [30, 31, 32]);
    assert.deepEqual(february.fees, [['class', 95_00]]);
    assert.deepEqual(february.schedules, [{ source: 'office', effectiveFrom: '2027-02-01' }]);
    const later = await s.file({ mark: { kind: 'Word', text: 'FEBRUARY' } }, eur(210));
    assert.deepEqual(later.fees.map((f) => [f.code, f.amount]), [['application', 210_00]]);
    assert.deepEqual([(await s.row(old.number)).procedure_version, (await s.row(later.number)).procedure_version], ['2026.1', '2027.1']);
    assert.deepEqual((await s.fees(old.number)).map((f) => [f.code, f.amount]), [['application', 180_00], ['class', 40_00], ['class', 95_00]]);
    await s.journalOk();
  });
});
