// Model-law patents (ML r. 20-38) end to end, through the use cases, the engine and the expiry sweep:
// a whole life (filing with priority, search and examination, an examination report answered with
// amended claims, publication at 18 months by the sweep, grant, annuities with the grace surcharge,
// lapse and restoration), the restoration of a priority, a PCT national-phase entry, and a divisional.
// Fees in EUR: filing 150 (10 claims), 25 per further claim, search 600, examination 700, grant 350,
// priority restoration 250, annuities from the 5th year (100, then 50 more each year), surcharge 100,
// restoration 500. Calendar: closed on Saturdays and Sundays (and a few holidays, none met here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eur, inOffice, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-03-02' } as const;

const claims = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. A coffee roaster according to claim ${i || 1}.`);

/** Stores a PDF as the uploads route does and returns its reference. */
async function pdf(s: Scene, what: string): Promise<{ sha256: string }> {
  return { sha256: (await s.office.cases.storage.put(Buffer.from(`%PDF-1.7\n${what}`))).sha256 };
}

async function application(s: Scene, over: Record<string, any> = {}) {
  return {
    applicants: [{ kind: 'legal', name: 'Aurora Roasters Inc', country: 'DE', address: 'Röstweg 1, Bremen' }],
    inventors: [{ kind: 'natural', name: 'Ada Brewer', country: 'DE' }],
    title: 'Fluid-bed coffee roaster',
    abstract: 'A roaster in which the beans float on heated air ...',
    description: await pdf(s, 'description of the roaster'),
    claims: claims(12),
    ...over,
  };
}

/** The ST.27 detailed events the case's acts recorded, in order. */
const events = async (s: Scene, n: string): Promise<string[]> =>
  (await s.acts(n)).map((a: any) => a.event?.detailedCode).filter(Boolean);

const limitDates = async (s: Scene, n: string, kind: string) => {
  const t = await s.limit(n, kind);
  return [t.window_opens_on, t.due_on, t.grace_ends_on];
};

test('a whole life: filed Mon 2 Mar 2026 with priority of 2 Apr 2025 and a request for examination (1500 EUR); search report; examination report of Mon 15 Jun 2026 answered on 1 Sep with 13 claims (25 EUR); published by the sweep on Sat 3 Oct 2026, after the 18 months from the priority ended Fri 2 Oct; grant on Tue 5 Jan 2027 (350 EUR), in force until 2 Mar 2046; the 5th annuity due Sun 31 Mar 2030 paid on Tue 2 Apr with the surcharge (200 EUR); the 6th, due Mon 31 Mar 2031, not paid by the end of grace (Tue 30 Sep 2031): lapsed on 1 Oct 2031; restored on request of Mon 1 Mar 2032 (750 EUR: restoration 500 + 6th annuity 150 + surcharge 100); the 7th annuity then paid on its due date, Wed 31 Mar 2032', async () => {
  await inOffice(START, async (s) => {
    const filed = await s.fileRight('patent', await application(s, {
      priorityClaims: [{ office: 'DE', number: '10 2025 000 001.1', date: '2025-04-02' }], requestExamination: true,
    }), eur(1500));
    const n = filed.number;
    assert.match(n, /^PT-2026-\d{6}$/);
    assert.deepEqual([filed.state, filed.filingDate], ['formalities', '2026-03-02']);
    assert.deepEqual(filed.fees.map((f) => [f.code, f.amount]), [['filing', 150_00], ['claims', 50_00], ['search', 600_00], ['examination', 700_00]]);
    const c = await s.read(n);
    assert.equal(c.title, 'Fluid-bed coffee roaster');
    assert.deepEqual(c.parties.map((p: any) => [p.role, p.name]).sort(), [['applicant', 'Aurora Roasters Inc'], ['inventor', 'Ada Brewer'], ['representative', 'Lex & Partners LLP']]);
    assert.deepEqual(c.documents.map((x: any) => [x.kind, x.media_type]), [['description', 'application/pdf']]);
    assert.equal((await s.limit(n, 'publication')).due_on, '2026-10-02');
    assert.deepEqual(await limitDates(s, n, 'annuity'), ['2029-12-31', '2030-03-31', '2030-09-30']);
    assert.deepEqual(await events(s, n), ['A12']);
    assert.equal((await s.act(s.formalities, n, 'accept-formalities')).state, 'search', 'examination was requested with the application');

    await s.on('2026-06-01');
    const report = await pdf(s, 'search report');
    assert.equal((await s.act(s.examiner, n, 'issue-search-report', { report, citations: [{ document: 'US 2019/0123456 A1', category: 'X', claims: [1] }] })).state, 'examination');
    await s.on('2026-06-15');
    assert.equal((await s.act(s.examiner, n, 'issue-office-action', { objections: [{ code: 'lack-of-novelty', claims: [1] }] })).state, 'office-action');
    assert.equal((await s.limit(n, 'office-action-response')).due_on, '2026-10-15');
    await s.on('2026-09-01');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.rival, n, 'respond-to-office-action', { remarks: 'not mine' }));
    const response = await s.act(s.agent, n, 'respond-to-office-action', { remarks: 'Claim 1 now has the cooling tray.', claims: claims(13) }, eur(25));
    assert.deepEqual([response.state, response.fees], ['examination', [{ code: 'claims', amount: 25_00, currency: 'EUR' }]]);
    let row = await s.row(n);
    assert.deepEqual(row.data.claimsVersions.map((v: any) => [v.version, v.on, v.claims.length]), [[1, '2026-03-02', 12], [2, '2026-09-01', 13]]);
    assert.equal(row.fees_outstanding, 0);

    await s.on('2026-10-02');
    assert.deepEqual((await s.sweep()).acted, [], 'the 18 months end on 2 Oct: nothing to publish that day');
    await s.on('2026-10-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'publish-application' }]);
    row = await s.row(n);
    assert.deepEqual([row.state, row.data.publicationDate], ['examination', '2026-10-03']);
    const published = (await s.acts(n)).at(-1)!;
    assert.deepEqual([published.actor_role, published.legal_basis, (await events(s, n)).at(-1)], ['system', 'ML r. 29', 'Q12']);

    await s.on('2026-12-01');
    assert.equal((await s.act(s.examiner, n, 'decide-grant')).state, 'grant-intended');
    assert.equal((await s.limit(n, 'grant-fee')).due_on, '2027-04-01');
    await s.on('2026-12-15');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'pay-grant-fee'));
    assert.equal((await s.act(s.agent, n, 'pay-grant-fee', {}, eur(350))).state, 'awaiting-grant');
    await s.on('2027-01-05');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.examiner, n, 'grant'));
    assert.equal((await s.act(s.registrar, n, 'grant')).state, 'granted');
    row = await s.row(n);
    assert.deepEqual([row.data.grantDate, row.data.expiryDate, row.data.patentNumber], ['2027-01-05', '2046-03-02', n]);
    assert.equal((await s.limit(n, 'term')).due_on, '2046-03-02');
    assert.equal((await s.read(n)).public, true, 'a granted patent is in the public register');

    await s.on('2029-12-30');
    await s.refused(n, 'ANNUITY_WINDOW_NOT_OPEN', () => s.act(s.agent, n, 'pay-annuity', {}, eur(100)));
    await s.on('2030-04-02');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'pay-annuity', {}, eur(100)));
    const y5 = await s.act(s.agent, n, 'pay-annuity', {}, eur(200));
    assert.deepEqual(y5.fees.map((f) => [f.code, f.amount]), [['annuity-5', 100_00], ['annuity-surcharge', 100_00]]);
    assert.deepEqual(await limitDates(s, n, 'annuity'), ['2030-12-31', '2031-03-31', '2031-09-30']);

    await s.on('2031-09-30');
    assert.deepEqual((await s.sweep()).acted, [], 'the last day of grace');
    await s.on('2031-10-01');
    await s.refused(n, 'TIME_LIMIT_EXPIRED', () => s.act(s.agent, n, 'pay-annuity', {}, eur(250)));
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'annuity-not-paid' }]);
    assert.equal(await s.state(n), 'lapsed');
    assert.equal((await events(s, n)).at(-1), 'H13');
    assert.equal((await s.limit(n, 'restoration')).due_on, '2032-09-30');

    await s.on('2032-03-01');
    await s.refused(n, 'FEE_NOT_PAID', () => s.act(s.agent, n, 'request-restoration', { reasons: 'The renewal service went bankrupt.' }, eur(749.99)));
    const asked = await s.act(s.agent, n, 'request-restoration', { reasons: 'The renewal service went bankrupt.' }, eur(750));
    assert.deepEqual([asked.state, asked.fees.map((f) => [f.code, f.amount])], ['restoration-requested', [['restoration', 500_00], ['annuity-6', 150_00], ['annuity-surcharge', 100_00]]]);
    await s.on('2032-03-15');
    assert.equal((await s.act(s.examiner, n, 'grant-restoration', { remarks: 'Due care shown' })).state, 'granted');
    assert.deepEqual(await limitDates(s, n, 'annuity'), ['2031-12-31', '2032-03-31', '2032-09-30']);
    await s.on('2032-03-31');
    const y7 = await s.act(s.agent, n, 'pay-annuity', {}, eur(200));
    assert.deepEqual(y7.fees.map((f) => [f.code, f.amount]), [['annuity-7', 200_00]]);
    row = await s.row(n);
    assert.deepEqual(row.data.annuities.map((a: any) => a.year), [5, 6, 7]);
    assert.equal(row.data.nextAnnuityYear, 8);
    assert.deepEqual(await events(s, n), ['A12', 'D14', 'D15', 'P13', 'Q12', 'D22', 'F11', 'U11', 'H13', 'K11', 'K13', 'U11']);
    await s.journalOk();
  });
});

test('restoration of priority: filed Mon 2 Mar 2026 claiming a priority of 15 Jan 2025 (12 months ended Thu 15 Jan 2026): without a request it is refused and nothing is filed; with the request and 400 EUR (150 + 250) it is filed and the office restores the priority, so the sweep publishes on Thu 16 Jul 2026 (18 months from 15 Jan 2025 ended Wed 15 Jul); a second application whose restoration is refused is published from its filing date instead (after Thu 2 Sep 2027)', async () => {
  await inOffice(START, async (s) => {
    const claim = { office: 'US', number: '63/123,456', date: '2025-01-15' };
    await s.nothingFiled('PRIORITY_PERIOD_EXPIRED', async () => s.fileRight('patent', await application(s, { priorityClaims: [claim], claims: claims(10) }), eur(150)));
    const restoring = { ...claim, restoration: { reasons: 'The docketing system failed on 14 Jan 2026.' } };
    const kept = await s.fileRight('patent', await application(s, { priorityClaims: [restoring], claims: claims(10) }), eur(400));
    assert.deepEqual(kept.fees.map((f) => [f.code, f.amount]), [['filing', 150_00], ['priority-restoration', 250_00]]);
    const lost = await s.fileRight('patent', await application(s, { priorityClaims: [restoring], claims: claims(10) }), eur(400));
    await s.on('2026-03-16');
    await s.act(s.formalities, kept.number, 'grant-priority-restoration', { priorityNumber: '63/123,456' });
    await s.refused(lost.number, 'NO_PRIORITY_RESTORATION_REQUESTED', () => s.act(s.formalities, lost.number, 'refuse-priority-restoration', { priorityNumber: '1' }));
    await s.act(s.formalities, lost.number, 'refuse-priority-restoration', { priorityNumber: '63/123,456', remarks: 'Due care not shown' });
    assert.equal((await s.row(kept.number)).data.priorityClaims[0].restoration.status, 'granted');
    assert.deepEqual((await s.limits(lost.number, 'publication')).map((t) => [t.due_on, t.status]), [['2026-07-15', 'met'], ['2027-09-02', 'open']]);

    await s.on('2026-07-16');
    assert.deepEqual((await s.sweep()).acted, [{ number: kept.number, act: 'publish-application' }]);
    await s.on('2027-09-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: lost.number, act: 'publish-application' }]);
    assert.equal((await s.row(lost.number)).data.publicationDate, '2027-09-03');
    await s.journalOk();
  });
});

test('PCT national phase: an international application filed 10 Mar 2025 claiming priority of 31 Aug 2024 enters on Mon 1 Mar 2027, the 30 months having ended on Sun 28 Feb; its filing date is 10 Mar 2025 and the WIPO publication stands; the day after, entry is refused and nothing is filed; examination is requested by Fri 10 Mar 2028', async () => {
  await inOffice({ framework: 'model-law', startDate: '2027-03-01' }, async (s) => {
    const payload = await application(s, {
      claims: claims(10),
      internationalApplication: { number: 'PCT/XX2025/000123', filingDate: '2025-03-10', publicationNumber: 'WO2025/123456', publicationDate: '2025-09-18' },
      priorityClaims: [{ office: 'DE', number: '10 2024 000 777.0', date: '2024-08-31' }],
    });
    const entered = await s.fileRight('patent', payload, eur(150), { act: 'enter-national-phase' });
    assert.deepEqual([entered.state, entered.filingDate], ['formalities', '2025-03-10']);
    assert.deepEqual(entered.fees.map((f) => [f.code, f.amount]), [['national-fee', 150_00]]);
    const row = await s.row(entered.number);
    assert.deepEqual([row.data.internationalApplication.number, row.data.publicationDate, row.data.nationalPhaseEntryDate], ['PCT/XX2025/000123', '2025-09-18', '2027-03-01']);
    assert.deepEqual((await s.limits(entered.number, 'publication')), []);
    assert.equal((await s.limit(entered.number, 'examination-request')).due_on, '2028-03-10');
    assert.deepEqual(await events(s, entered.number), ['A15']);
    await s.nothingFiled('INVALID_PAYLOAD', () => s.fileRight('patent', { ...payload, internationalApplication: { number: 'PCT/2025/123', filingDate: '2025-03-10' } }, eur(150), { act: 'enter-national-phase' }));

    assert.equal((await s.act(s.formalities, entered.number, 'accept-formalities')).state, 'awaiting-examination-request');
    assert.equal((await s.act(s.agent, entered.number, 'request-examination', {}, eur(1300))).state, 'search');
    await s.on('2027-03-02');
    await s.nothingFiled('NATIONAL_PHASE_PERIOD_EXPIRED', () => s.fileRight('patent', payload, eur(150), { act: 'enter-national-phase' }));
    await s.journalOk();
  });
});

test('a divisional filed on Mon 10 May 2027 on an application under examination (filed 2 Mar 2026, priority 2 Apr 2025): a new case with the parent\'s filing date, priority, applicant and representative, its own description, claims and fees (200 EUR); the parent stays under examination; the divisional\'s publication date (Fri 2 Oct 2026) has passed, so the next sweep publishes it; it cannot be filed on its own', async () => {
  await inOffice(START, async (s) => {
    const parent = await s.fileRight('patent', await application(s, {
      priorityClaims: [{ office: 'DE', number: '10 2025 000 001.1', date: '2025-04-02' }], requestExamination: true,
    }), eur(1500));
    await s.act(s.formalities, parent.number, 'accept-formalities');
    await s.act(s.examiner, parent.number, 'issue-search-report', {});
    await s.on('2026-10-03');
    await s.sweep();

    await s.on('2027-05-10');
    const divisional = { title: 'Cooling tray for a coffee roaster', abstract: 'A tray ...', description: await pdf(s, 'the tray'), claims: claims(12) };
    await s.nothingFiled('NOT_AN_INITIAL_ACT', () => s.fileRight('patent', divisional, eur(200), { act: 'file-divisional' }));
    await s.refused(parent.number, 'ACT_NOT_PERMITTED', () => s.act(s.rival, parent.number, 'file-divisional', divisional, eur(200)));
    const res = await s.act(s.agent, parent.number, 'file-divisional', divisional, eur(200));
    assert.equal(res.state, 'examination');
    const child = res.child!.number;
    assert.match(child, /^PT-2027-\d{6}$/);

    const c = await s.row(child);
    assert.deepEqual([c.state, c.filing_date, c.parent_id], ['formalities', '2026-03-02', (await s.row(parent.number)).id]);
    assert.deepEqual([c.data.title, c.data.parentApplication.number, c.data.priorityClaims.map((p: any) => p.date)], ['Cooling tray for a coffee roaster', parent.number, ['2025-04-02']]);
    assert.deepEqual((await s.fees(child)).map((f) => [f.code, f.amount, f.paid]), [['claims', 50_00, 50_00], ['filing', 150_00, 150_00]]);
    assert.deepEqual((await s.fees(parent.number)).filter((f) => f.code === 'filing').length, 1, 'the parent pays nothing for it');
    const read = await s.read(child);
    assert.deepEqual(read.parties.map((p: any) => [p.role, p.name]).sort(), [['applicant', 'Aurora Roasters Inc'], ['inventor', 'Ada Brewer'], ['representative', 'Lex & Partners LLP']]);
    assert.deepEqual(read.documents.map((x: any) => x.kind), ['description'], 'the divisional\'s description is on its own file');
    assert.deepEqual(await events(s, child), ['A16']);
    assert.deepEqual((await s.acts(parent.number)).at(-1)!.payload, { child: { right: 'patent', caseId: c.id, number: child } });
    assert.equal((await s.limit(child, 'publication')).due_on, '2026-10-02');
    assert.equal((await s.limit(child, 'examination-request')).due_on, '2029-03-02');

    await s.on('2027-05-11');
    assert.deepEqual((await s.sweep()).acted, [{ number: child, act: 'publish-application' }]);
    await s.journalOk();
  });
});
