// The law a case is decided under is the version in force on its filing date, pinned for its whole life.
// Ruritania: trademark 2026.1 (opposition 2 months, application fee 180 EUR) and 2027.1 (in force from
// 1 Jan 2027: opposition 3 months, application fee 200 EUR). And one office can run cases of two
// frameworks side by side, each under its own law, numbering and fees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eur, examineAndAccept, inOffice, OPPOSITION } from './steps.ts';

test('Ruritania: an application filed Mon 14 Dec 2026 stays under version 2026.1 (fee 180 EUR) and, published Mon 11 Jan 2027, gets 2 months to oppose (Thu 11 Mar 2027); one filed 11 Jan 2027 is under 2027.1 (fee 200 EUR) and, published the same day, gets 3 months (Sun 11 Apr, extended to Mon 12 Apr 2027): on 12 Mar an opposition is out of time against the first and in time against the second', async () => {
  await inOffice({ framework: 'ruritania', startDate: '2026-12-14' }, async (s) => {
    const old = await s.file({ mark: { kind: 'Word', text: 'OLDLAW' } }, eur(180));
    assert.equal(old.number, 'RT-2026-000001');
    assert.deepEqual(old.fees, [{ code: 'application', amount: 180_00, currency: 'EUR' }]);
    await examineAndAccept(s, old.number);

    await s.on('2027-01-11');
    const fresh = await s.file({ mark: { kind: 'Word', text: 'NEWLAW' } }, eur(200));
    assert.equal(fresh.number, 'RT-2027-000001');
    assert.deepEqual(fresh.fees, [{ code: 'application', amount: 200_00, currency: 'EUR' }]);
    assert.equal((await s.row(fresh.number)).fees_outstanding, 0);
    await examineAndAccept(s, fresh.number);
    for (const n of [old.number, fresh.number]) await s.act(s.registrar, n, 'publish');

    const [oldCase, freshCase] = [await s.read(old.number), await s.read(fresh.number)];
    assert.deepEqual([oldCase.procedureVersion, freshCase.procedureVersion], ['2026.1', '2027.1']);
    const oldLimit = await s.limit(old.number, 'opposition');
    assert.deepEqual([oldLimit.due_on, oldLimit.computation.spec.months, oldLimit.computation.citation], ['2027-03-11', 2, 'RTMA s. 21(1)']);
    const freshLimit = await s.limit(fresh.number, 'opposition');
    assert.deepEqual([freshLimit.computation.nominalLastDay, freshLimit.due_on, freshLimit.computation.spec.months], ['2027-04-11', '2027-04-12', 3]);
    assert.equal(freshLimit.computation.citation, 'RTMA s. 21(1) as amended 2026');

    await s.on('2027-03-12');
    await s.refused(old.number, 'TIME_LIMIT_EXPIRED', () => s.act(s.rival, old.number, 'file-opposition', OPPOSITION, eur(200)));
    const op = await s.act(s.rival, fresh.number, 'file-opposition', OPPOSITION, eur(200));
    assert.equal(op.child?.number, 'RO-2027-000001');
    assert.deepEqual((await s.sweep()).acted, [{ number: old.number, act: 'close-opposition-period' }]);
    assert.deepEqual([await s.state(old.number), await s.state(fresh.number)], ['awaiting-registration', 'opposed']);

    await s.on('2027-04-12');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2027-04-13');
    assert.deepEqual((await s.sweep()).acted, [{ number: fresh.number, act: 'close-opposition-period' }]);
    assert.equal(await s.state(fresh.number), 'opposed', 'still opposed: the opposition is pending');
    assert.equal((await s.read(old.number)).procedureVersion, '2026.1', 'acts in 2027 did not move the case to the new law');
    await s.journalOk();
  });
});

test('one office, two laws: a model-law application (TM-2026-000001, 250 EUR) and a Ruritanian one (RT-2026-000001, 180 EUR) filed Mon 2 Mar 2026 and published 15 Apr keep their own numbering, fees and periods: opposition fee 320 vs 200 EUR, opposition period to 15 Jul vs 15 Jun; the sweep of 16 Jun closes only the Ruritanian period, that of 16 Jul the model-law one', async () => {
  await inOffice({ framework: 'model-law', startDate: '2026-03-02' }, async (s) => {
    const tm = await s.file({}, eur(250));
    const rt = await s.file({}, eur(180), { framework: 'ruritania' });
    const tm2 = await s.file({ mark: { kind: 'Word', text: 'SECOND' } }, eur(250), { framework: 'model-law' });
    assert.deepEqual([tm.number, rt.number, tm2.number], ['TM-2026-000001', 'RT-2026-000001', 'TM-2026-000002']);
    assert.deepEqual([tm.fees[0].amount, rt.fees[0].amount], [250_00, 180_00]);
    assert.deepEqual([(await s.row(tm.number)).framework, (await s.row(rt.number)).framework], ['model-law', 'ruritania']);

    for (const n of [tm.number, rt.number]) await examineAndAccept(s, n);
    await s.on('2026-04-15');
    for (const n of [tm.number, rt.number]) await s.act(s.registrar, n, 'publish');
    assert.equal((await s.limit(tm.number, 'opposition')).due_on, '2026-07-15');
    assert.equal((await s.limit(rt.number, 'opposition')).due_on, '2026-06-15');

    await s.on('2026-05-04');
    await s.refused(tm.number, 'FEE_NOT_PAID', () => s.act(s.rival, tm.number, 'file-opposition', OPPOSITION, eur(200)));
    const op = await s.act(s.rival, rt.number, 'file-opposition', OPPOSITION, eur(200));
    assert.equal(op.child?.number, 'RO-2026-000001');
    assert.equal((await s.acts(rt.number)).at(-1)!.legal_basis, 'RTMA s. 21');
    assert.equal((await s.row(op.child!.number)).framework, 'ruritania');

    await s.on('2026-06-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: rt.number, act: 'close-opposition-period' }]);
    assert.equal(await s.state(tm.number), 'published');
    await s.on('2026-07-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: tm.number, act: 'close-opposition-period' }]);
    assert.deepEqual([await s.state(tm.number), await s.state(rt.number)], ['awaiting-registration', 'opposed']);
    await s.journalOk();
  });
});
