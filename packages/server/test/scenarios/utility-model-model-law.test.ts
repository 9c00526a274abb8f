// Model-law utility models (ML r. 40-44) end to end: filing, registration without substantive
// examination, publication, maintenance fees (one on the next working day after a closed due date, one
// in the grace period with the surcharge), lapse when the last is not paid; and a patent application
// converted into a utility-model application (ML r. 35).
// Fees in EUR: filing 50 (10 claims), 15 per further claim; maintenance 210 (years 4-6), 350 (7-8),
// 530 (9-10), surcharge 50. Calendar: closed on Saturdays and Sundays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eur, inOffice, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-03-02' } as const;

const claims = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. A milk frother according to claim ${i || 1}.`);

async function application(s: Scene, over: Record<string, any> = {}) {
  return {
    applicants: [{ kind: 'legal', name: 'Aurora Roasters Inc', country: 'DE' }],
    inventors: [{ kind: 'natural', name: 'Ada Brewer', country: 'DE' }],
    title: 'Milk frother',
    abstract: 'A frother with a magnetic whisk ...',
    description: { sha256: (await s.office.cases.storage.put(Buffer.from('%PDF-1.7\nthe frother'))).sha256 },
    claims: claims(12),
    ...over,
  };
}

const events = async (s: Scene, n: string): Promise<string[]> =>
  (await s.acts(n)).map((a: any) => a.event?.detailedCode).filter(Boolean);

test('filed Mon 2 Mar 2026 with 12 claims (80 EUR), registered without substantive examination on Mon 4 May 2026 and published on Mon 11 May; the fee for years 4-6, due Sat 31 Mar 2029, is paid on Mon 2 Apr without surcharge (210 EUR); the fee for years 7-8, due Wed 31 Mar 2032, in the grace period on Tue 1 Jun 2032 with the surcharge (400 EUR); the fee for years 9-10, due Fri 31 Mar 2034, is not paid: grace ends Sat 30 Sep 2034, extended to Mon 2 Oct, and the sweep of Tue 3 Oct lapses the utility model', async () => {
  await inOffice(START, async (s) => {
    const filed = await s.fileRight('utility-model', await application(s), eur(80));
    const n = filed.number;
    assert.match(n, /^UM-2026-\d{6}$/);
    assert.deepEqual([filed.state, filed.filingDate, filed.fees.map((f) => [f.code, f.amount])], ['formalities', '2026-03-02', [['filing', 50_00], ['claims', 30_00]]]);
    const first = await s.limit(n, 'maintenance');
    assert.deepEqual([first.window_opens_on, first.due_on, first.grace_ends_on], ['2028-09-30', '2029-03-31', '2029-10-01']);

    await s.on('2026-05-04');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.examiner, n, 'register'));
    assert.equal((await s.act(s.registrar, n, 'register')).state, 'registered');
    assert.equal((await s.read(n)).public, false, 'registered, not yet published');
    assert.equal((await s.row(n)).data.expiryDate, '2036-03-02');
    await s.on('2026-05-11');
    assert.equal((await s.act(s.registrar, n, 'publish-registration')).state, 'in-force');
    assert.equal((await s.read(n)).public, true);

    await s.on('2029-04-02');
    const m1 = await s.act(s.agent, n, 'pay-maintenance', {}, eur(210));
    assert.deepEqual(m1.fees.map((f) => [f.code, f.amount]), [['maintenance-4-6', 210_00]]);
    const second = await s.limit(n, 'maintenance');
    assert.deepEqual([second.due_on, second.grace_ends_on], ['2032-03-31', '2032-09-30']);

    await s.on('2032-06-01');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'pay-maintenance', {}, eur(350)));
    const m2 = await s.act(s.agent, n, 'pay-maintenance', {}, eur(400));
    assert.deepEqual(m2.fees.map((f) => [f.code, f.amount]), [['maintenance-7-8', 350_00], ['maintenance-surcharge', 50_00]]);
    const third = await s.limit(n, 'maintenance');
    assert.deepEqual([third.due_on, third.grace_ends_on], ['2034-03-31', '2034-10-02']);

    await s.on('2034-10-02');
    assert.deepEqual((await s.sweep()).acted, []);
    await s.on('2034-10-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'maintenance-not-paid' }]);
    assert.equal(await s.state(n), 'lapsed');
    assert.equal((await s.limit(n, 'term')).status, 'closed', 'a lapsed utility model has no term left to run');
    assert.deepEqual(await events(s, n), ['A12', 'F12', 'Q13', 'U11', 'U11', 'H13']);
    await s.journalOk();
  });
});

test('conversion on Mon 10 May 2027 of a patent application under examination (filed 2 Mar 2026, priority 2 Apr 2025, 12 claims): the patent application ends (converted) with its time limits; a utility-model application takes its filing date, priority, applicant, inventor and representative, pays 80 EUR, and is registered; it cannot be filed by conversion on its own', async () => {
  await inOffice(START, async (s) => {
    const patent = await s.fileRight('patent', await application(s, {
      priorityClaims: [{ office: 'DE', number: '10 2025 000 001.1', date: '2025-04-02' }], requestExamination: true,
    }), eur(1500));
    await s.act(s.formalities, patent.number, 'accept-formalities');
    await s.act(s.examiner, patent.number, 'issue-search-report', {});

    await s.on('2027-05-10');
    await s.nothingFiled('NOT_AN_INITIAL_ACT', () => s.fileRight('utility-model', {}, eur(80), { act: 'file-by-conversion' }));
    const res = await s.act(s.agent, patent.number, 'convert-to-utility-model', { remarks: 'A utility model will do' }, eur(80));
    assert.equal(res.state, 'converted');
    assert.deepEqual((await s.read(patent.number)).timeLimits, [], 'the ended patent application has no time limits left');
    const um = res.child!.number;
    assert.match(um, /^UM-2027-\d{6}$/);
    const c = await s.row(um);
    assert.deepEqual([c.state, c.filing_date, c.data.convertedFrom.number, c.data.priorityClaims.map((p: any) => p.date)], ['formalities', '2026-03-02', patent.number, ['2025-04-02']]);
    assert.deepEqual((await s.fees(um)).map((f) => [f.code, f.amount, f.paid]), [['claims', 30_00, 30_00], ['filing', 50_00, 50_00]]);
    assert.deepEqual((await s.read(um)).parties.map((p: any) => [p.role, p.name]).sort(), [['applicant', 'Aurora Roasters Inc'], ['inventor', 'Ada Brewer'], ['representative', 'Lex & Partners LLP']]);
    assert.equal((await s.limit(um, 'maintenance')).due_on, '2029-03-31');
    assert.deepEqual(await events(s, um), ['A21']);
    assert.deepEqual((await events(s, patent.number)).at(-1), 'A19');

    assert.equal((await s.act(s.registrar, um, 'register')).state, 'registered');
    await s.journalOk();
  });
});
