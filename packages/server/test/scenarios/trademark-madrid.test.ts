// Madrid designations (ML r. 14): a trademark received from WIPO as a designated office. The
// international registration 1234567 of 15 Jan 2026 was notified to the office on Mon 2 Mar 2026;
// the refusal period runs from that notification: 18 months under the model law (Tue 2 Sep 2027),
// 12 months in Ruritania (Tue 2 Mar 2027).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classes, DECISION, GROUNDS, inOffice } from './steps.ts';

const DESIGNATION = {
  irNumber: '1234567', irDate: '2026-01-15', notificationDate: '2026-03-02',
  holder: { kind: 'legal', name: 'Fjord Foods AS', country: 'NO', address: 'Bryggen 3, Bergen' },
  mark: { kind: 'Word', text: 'FJORDKAFFE' }, goodsServices: classes(30), basicMark: { office: 'NO', number: '202512345' },
};

test('model law: designation received Mon 2 Mar 2026 -> case with the IR number and dates, filing date 15 Jan 2026 (the IR date), 18-month refusal period to Thu 2 Sep 2027; an applicant cannot create one; no refusal notified -> protected by the sweep of 3 Sep 2027', async () => {
  await inOffice({ framework: 'model-law', startDate: '2026-03-02' }, async (s) => {
    await s.nothingFiled('ACT_NOT_PERMITTED', () => s.fileRight('trademark', DESIGNATION, undefined, { act: 'receive-designation' }));
    const ir = await s.fileRight('trademark', DESIGNATION, undefined, { act: 'receive-designation', by: s.formalities });
    assert.deepEqual([ir.number, ir.state, ir.filingDate], ['TM-2026-000001', 'designation-examination', '2026-01-15']);
    const c = await s.row(ir.number);
    assert.deepEqual(c.data.international, { irNumber: '1234567', irDate: '2026-01-15', subsequentDesignationDate: null, notificationDate: '2026-03-02', basicMark: { office: 'NO', number: '202512345' } });
    const limit = await s.limit(ir.number, 'madrid-refusal');
    assert.deepEqual([limit.starts_from, limit.due_on, limit.computation.citation], ['2026-03-02', '2027-09-02', 'Madrid Protocol art. 5(2)(b)']);
    assert.deepEqual((await s.read(ir.number)).parties.map((p: any) => `${p.role}: ${p.name}`), ['holder: Fjord Foods AS']);
    await s.refused(ir.number, 'NO_PROVISIONAL_REFUSAL', () => s.act(s.examiner, ir.number, 'confirm-refusal', DECISION));

    await s.on('2027-09-02');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2027-09-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: ir.number, act: 'protection-by-lapse-of-refusal-period' }]);
    assert.equal(await s.state(ir.number), 'protected');
    await s.refused(ir.number, 'ACT_NOT_ALLOWED_IN_STATE', () => s.act(s.examiner, ir.number, 'notify-provisional-refusal', GROUNDS));
    await s.journalOk();
  });
});

test('Ruritania: the refusal period is 12 months (Tue 2 Mar 2027); a provisional refusal notified 1 Mar 2027 gives the holder 3 months (Tue 1 Jun 2027); after its response the examiner withdraws the refusal and the mark is protected; a second designation not answered is refused by the sweep', async () => {
  await inOffice({ framework: 'ruritania', startDate: '2026-03-02' }, async (s) => {
    const a = await s.fileRight('trademark', DESIGNATION, undefined, { act: 'receive-designation', by: s.formalities });
    const b = await s.fileRight('trademark', { ...DESIGNATION, irNumber: '1234568', mark: { kind: 'Word', text: 'FJORDTE' } }, undefined, { act: 'receive-designation', by: s.formalities });
    assert.equal(a.number, 'RT-2026-000001');
    assert.deepEqual([(await s.limit(a.number, 'madrid-refusal')).due_on, (await s.limit(a.number, 'madrid-refusal')).computation.citation], ['2027-03-02', 'RTMA s. 60; Madrid Protocol art. 5(2)(a)']);

    await s.on('2027-03-01');
    for (const n of [a.number, b.number]) assert.equal((await s.act(s.examiner, n, 'notify-provisional-refusal', GROUNDS)).state, 'designation-provisionally-refused');
    assert.equal((await s.limit(a.number, 'designation-response')).due_on, '2027-06-01');
    await s.on('2027-03-03');
    assert.deepEqual((await s.sweep()).acted, [], 'the refusal period was met: nothing is protected by default');

    await s.on('2027-05-20');
    // The holder has no account here: its response arrives on paper and the formalities officer records it.
    await s.refused(a.number, 'ACT_NOT_PERMITTED', () => s.act(s.agent, a.number, 'respond-to-designation-refusal', { remarks: 'Distinctive' }));
    assert.equal((await s.act(s.formalities, a.number, 'respond-to-designation-refusal', { remarks: 'The mark is distinctive for coffee' })).state, 'designation-examination');
    assert.equal((await s.act(s.examiner, a.number, 'withdraw-provisional-refusal')).state, 'protected');
    await s.on('2027-06-02');
    assert.deepEqual((await s.sweep()).acted, [{ number: b.number, act: 'confirm-refusal-for-no-response' }]);
    assert.deepEqual([await s.state(a.number), await s.state(b.number)], ['protected', 'designation-refused']);
    await s.journalOk();
  });
});
