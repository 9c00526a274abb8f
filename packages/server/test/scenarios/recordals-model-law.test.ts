// Recordals (ML r. 70-73), the same for every right. A mark filed Sat 31 Jan 2026 in classes 30, 35
// and 43, published Mon 2 Feb and registered Tue 5 May 2026 (renewal due Thu 31 Jan 2036), is
// licensed, partly transferred and wholly transferred. Each request is a case of its own (RC-...), child
// of the mark, with a 100 EUR fee paid with the request; once recorded, the entry is made on the mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classes, eur, filedAndPublished, inOffice, registeredAfterOpposition, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-01-31' } as const;
const NORDIC = { kind: 'legal', name: 'Nordic Hotels AB', country: 'SE', address: 'Strandvägen 1, Stockholm' };
const DEED = Buffer.from('%PDF-1.4\n% deed of assignment of class 43\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function registeredIn3Classes(s: Scene): Promise<string> {
  const n = await filedAndPublished(s, '2026-02-02', eur(350), { goodsServices: classes(30, 35, 43) });
  await registeredAfterOpposition(s, n, '2026-05-05');
  return n;
}

const partyNames = async (s: Scene, number: string) => (await s.read(number)).parties.map((p: any) => `${p.role}: ${p.name}`).sort();

test('a transfer of class 43 only, asked on 1 Jun 2026 with the deed: without the 100 EUR fee nothing happens; recorded on 3 Jun, class 43 becomes TM-2026-000002 in the name of Nordic Hotels AB with the same filing date, registration and renewal due date, and the mark keeps classes 30 and 35', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredIn3Classes(s);
    await s.on('2026-06-01');
    const deed = await s.office.cases.storage.put(DEED);
    const request = { kind: 'transfer', newHolder: NORDIC, parts: { classes: [43] }, evidence: { sha256: deed.sha256 } };
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'request-recordal', request));
    await s.refused(n, 'UNKNOWN_PART', () => s.act(s.agent, n, 'request-recordal', { ...request, parts: { classes: [9] } }, eur(100)));
    await s.refused(n, 'PARTIAL_TRANSFER_OF_ALL', () => s.act(s.agent, n, 'request-recordal', { ...request, parts: { classes: [30, 35, 43] } }, eur(100)));
    await s.refused(n, 'RECORDAL_INCOMPLETE', () => s.act(s.agent, n, 'request-recordal', { kind: 'transfer' }, eur(100)));
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.rival, n, 'request-recordal', request, eur(100)));

    const asked = await s.act(s.agent, n, 'request-recordal', request, eur(100));
    const rc = asked.child!.number;
    assert.equal(rc, 'RC-2026-000001');
    assert.equal(await s.state(rc), 'requested');
    assert.deepEqual(await s.fees(rc), [{ code: 'recordal', quantity: 1, amount: 100_00, paid: 100_00, currency: 'EUR' }]);
    const evidence = (await s.read(rc)).documents.find((d: any) => d.kind === 'recordal-evidence');
    assert.equal(evidence?.media_type, 'application/pdf', 'the deed is in the request\'s file, typed from its bytes');
    assert.equal(await s.state(n), 'registered', 'a request changes nothing on the mark until it is recorded');

    await s.on('2026-06-03');
    await s.refused(rc, 'ACT_NOT_PERMITTED', () => s.act(s.agent, rc, 'record'));
    assert.equal((await s.act(s.registrar, rc, 'record')).state, 'recorded');

    const mark = await s.row(n);
    assert.deepEqual(mark.data.goodsServices.map((g: any) => g.classNumber), [30, 35]);
    assert.deepEqual(mark.data.recordals, [{ recordal: rc, kind: 'transfer', on: '2026-06-03' }]);
    const entry = (await s.acts(n)).at(-1)!;
    assert.deepEqual([entry.type, entry.actor_role, entry.legal_basis], ['enter-recordal', 'system', 'ML r. 72(3)']);
    assert.equal(entry.effects.child.number, 'TM-2026-000002');

    const part = await s.row('TM-2026-000002');
    assert.deepEqual([part.state, part.filing_date, part.parent_id], ['registered', '2026-01-31', mark.id]);
    assert.deepEqual(part.data.goodsServices.map((g: any) => g.classNumber), [43]);
    assert.equal(part.data.registrationDate, '2026-05-05');
    assert.deepEqual(part.data.dividedFrom, { number: n, recordal: rc, on: '2026-06-03' });
    const renewal = await s.limit('TM-2026-000002', 'renewal');
    assert.deepEqual([renewal.window_opens_on, renewal.due_on, renewal.grace_ends_on], ['2035-07-31', '2036-01-31', '2036-07-31']);
    assert.equal(renewal.computation.takenOverFrom, n);
    assert.deepEqual(await partyNames(s, 'TM-2026-000002'), ['applicant: Nordic Hotels AB']);
    assert.ok((await partyNames(s, n)).includes('applicant: Aurora Coffee Ltd'), 'the rest stays with the original holder');
    await s.journalOk();
  });
});

test('a licence to Café Europa SARL and the transfer of the whole mark to Nordic Hotels AB: the licence is entered with its terms, the transfer replaces the holder and ends the old representative\'s part in the case (it can no longer surrender the mark); a request refused leaves only a note', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredIn3Classes(s);
    await s.on('2026-06-01');
    const lic = await s.act(s.agent, n, 'request-recordal', { kind: 'licence', licensee: { name: 'Café Europa SARL', country: 'FR' }, licence: { exclusive: false, territory: 'XX', classes: [30] } }, eur(100));
    await s.act(s.formalities, lic.child!.number, 'record');
    let mark = await s.row(n);
    assert.deepEqual(mark.data.licences, [{ recordal: lic.child!.number, kind: 'licence', on: '2026-06-01', licensee: 'Café Europa SARL', exclusive: false, territory: 'XX', classes: [30] }]);
    assert.ok((await partyNames(s, n)).includes('licensee: Café Europa SARL'));

    const bad = await s.act(s.agent, n, 'request-recordal', { kind: 'change-of-name', of: 'holder', party: { name: 'Aurora Coffee Holdings Ltd' } }, eur(100));
    await s.act(s.registrar, bad.child!.number, 'refuse', { grounds: [{ code: 'no-evidence', explanation: 'No certificate of the change of name' }] });
    assert.equal((await s.acts(n)).at(-1)!.type, 'recordal-not-entered');
    assert.ok((await partyNames(s, n)).includes('applicant: Aurora Coffee Ltd'), 'a refused change of name changes nothing');

    const whole = await s.act(s.agent, n, 'request-recordal', { kind: 'transfer', newHolder: NORDIC }, eur(100));
    await s.act(s.registrar, whole.child!.number, 'record');
    mark = await s.row(n);
    assert.equal(mark.data.holder, 'Nordic Hotels AB');
    assert.deepEqual(mark.data.goodsServices.map((g: any) => g.classNumber), [30, 35, 43], 'a transfer of the whole keeps every class');
    assert.deepEqual(await partyNames(s, n), ['applicant: Nordic Hotels AB', 'licensee: Café Europa SARL'], 'the licence survives the transfer');
    const entry = (await s.acts(n)).at(-1)!;
    assert.deepEqual(entry.effects.parties.ended.map((p: any) => `${p.role}: ${p.name}`).sort(), ['applicant: Aurora Coffee Ltd', 'representative: Lex & Partners LLP']);
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.agent, n, 'surrender', {}));
    await s.journalOk();
  });
});

test('a request with a deficiency notified on 1 Jun 2026 (2 months to remedy: Sat 1 Aug, extended to Mon 3 Aug) and not remedied is deemed withdrawn by the sweep of 4 Aug, and the mark notes it', async () => {
  await inOffice(START, async (s) => {
    const n = await registeredIn3Classes(s);
    await s.on('2026-06-01');
    const asked = await s.act(s.agent, n, 'request-recordal', { kind: 'representative', representative: { name: 'Novus IP', country: 'XX' } }, eur(100));
    const rc = asked.child!.number;
    await s.act(s.formalities, rc, 'notify-deficiency', { deficiencies: [{ code: 'power-of-attorney-missing' }] });
    assert.equal((await s.limit(rc, 'recordal-remedy')).due_on, '2026-08-03');
    await s.on('2026-08-03');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2026-08-04');
    assert.deepEqual((await s.sweep()).acted, [{ number: rc, act: 'deem-withdrawn' }]);
    assert.equal(await s.state(rc), 'withdrawn');
    assert.equal((await s.acts(n)).at(-1)!.type, 'recordal-not-entered');
    assert.ok((await partyNames(s, n)).includes('representative: Lex & Partners LLP'));
    await s.journalOk();
  });
});
