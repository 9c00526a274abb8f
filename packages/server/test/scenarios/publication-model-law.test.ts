// Publication is an act: the case is public from the act that publishes it (ML r. 29 for a patent
// application, r. 57 for designs), not from reaching some state. What the public then sees is the
// procedure's public fields and the documents its publication contains; an "as of" read before the
// publication shows the case unpublished. Designs: a deferment of publication of the length asked for,
// ended by the sweep or earlier at the holder's request.
// Fees in EUR: patent filing 150 (10 claims), search 600, examination 700; design application 230,
// publication 120. Calendar: closed on Saturdays and Sundays (and holidays, none met here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentFor, readCase, type Viewer } from '../../src/modules/cases/index.ts';
import { eur, inOffice, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-03-02' } as const;
/** Anyone on the internet, signed in or not. */
const PUBLIC: Viewer = null;

const notFound = async (p: Promise<unknown>) => assert.rejects(p, (e: any) => { assert.equal(e.code, 'CASE_NOT_FOUND', e.message); return true; });

async function pdf(s: Scene, what: string): Promise<{ sha256: string }> {
  return { sha256: (await s.office.cases.storage.put(Buffer.from(`%PDF-1.7\n${what}`))).sha256 };
}

async function patentApplication(s: Scene) {
  return {
    applicants: [{ kind: 'legal', name: 'Aurora Roasters Inc', country: 'DE', address: 'Röstweg 1, Bremen' }],
    inventors: [{ kind: 'natural', name: 'Ada Brewer', country: 'DE' }],
    title: 'Fluid-bed coffee roaster',
    abstract: 'A roaster in which the beans float on heated air ...',
    description: await pdf(s, 'description of the roaster'),
    claims: ['1. A coffee roaster with a fluid bed.'],
    requestExamination: true,
  };
}

test('a patent application filed Mon 2 Mar 2026 is invisible to the public (and to a third party) until the sweep publishes it on Fri 3 Sep 2027, after the 18 months ended Thu 2 Sep; from then on anyone sees its public fields and the published description, never the fees, the examination or the search report; an "as of" read of 2 Sep 2027 shows it unpublished', async () => {
  await inOffice(START, async (s) => {
    const { number: n } = await s.fileRight('patent', await patentApplication(s), eur(1450));
    await s.act(s.formalities, n, 'accept-formalities');
    await s.on('2026-06-01');
    const report = await pdf(s, 'search report');
    await s.act(s.examiner, n, 'issue-search-report', { report, citations: [{ document: 'US 2019/0123456 A1', category: 'X', claims: [1] }] });
    await s.sweep();

    const rivalViewer: Viewer = { userId: s.rival.id, role: 'applicant', partyId: s.rival.partyId };
    await notFound(readCase(s.office.cases, PUBLIC, n));
    await notFound(readCase(s.office.cases, rivalViewer, n));
    assert.equal((await s.read(n)).public, false, 'examined, not yet published: not public');
    assert.equal(await documentFor(s.office.cases, PUBLIC, (await s.row(n)).data.description.sha256), null);

    await s.on('2027-09-02');
    assert.deepEqual((await s.sweep()).acted, [], 'the 18 months end on Thu 2 Sep 2027');
    await notFound(readCase(s.office.cases, PUBLIC, n));
    await s.on('2027-09-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'publish-application' }]);
    const acts = await s.acts(n);
    assert.deepEqual(acts.filter((a) => a.effects.published).map((a) => [a.type, a.office_date]), [['publish-application', '2027-09-03']], 'the publication, and only it, made the case public');
    assert.equal((await s.row(n)).state, 'examination', 'publication does not change the state of the examination');

    const seen = await readCase(s.office.cases, PUBLIC, n);
    assert.deepEqual([seen.public, seen.state, seen.title], [true, 'examination', 'Fluid-bed coffee roaster']);
    assert.deepEqual(Object.keys(seen.data).sort(), ['abstract', 'applicants', 'claims', 'description', 'drawings', 'filingDate', 'inventors', 'ipc', 'language', 'priorityClaims', 'publicationDate', 'title']);
    assert.equal(seen.data.publicationDate, '2027-09-03');
    assert.equal(seen.fees, null);
    assert.deepEqual(seen.documents.map((x: any) => x.kind).sort(), ['application-publication', 'description'], 'not the filing receipt, not the search report');
    assert.ok(seen.acts.every((a: any) => !('payload' in a) && !('effects' in a)));
    assert.deepEqual((await readCase(s.office.cases, rivalViewer, n)).data, seen.data);
    assert.deepEqual(await documentFor(s.office.cases, PUBLIC, (await s.row(n)).data.description.sha256), { mediaType: 'application/pdf' });
    assert.equal(await documentFor(s.office.cases, PUBLIC, report.sha256), null);

    await notFound(readCase(s.office.cases, PUBLIC, n, '2027-09-02'));
    const before = await readCase(s.office.cases, { userId: s.formalities.id, role: 'formalities', partyId: null }, n, '2027-09-02');
    assert.deepEqual([before.public, before.data.publicationDate], [false, undefined]);
    const after = await readCase(s.office.cases, PUBLIC, n, '2027-09-03');
    assert.deepEqual([after.public, after.data.publicationDate], [true, '2027-09-03']);
    await s.journalOk();
  });
});

test('early publication: the registrar cannot publish on his own before the 18 months; the applicant\'s request of Mon 1 Jun 2026 (not itself a publication) makes the publication due that day, and the sweep of Tue 2 Jun publishes the application: public from that day', async () => {
  await inOffice(START, async (s) => {
    const { number: n } = await s.fileRight('patent', await patentApplication(s), eur(1450));
    await s.on('2026-06-01');
    await s.refused(n, 'ACT_NOT_PERMITTED', () => s.act(s.registrar, n, 'publish-application'));
    await s.act(s.agent, n, 'request-early-publication');
    assert.deepEqual((await s.limits(n, 'publication')).map((t) => [t.due_on, t.status]), [['2027-09-02', 'met'], ['2026-06-01', 'open']]);
    assert.equal((await s.read(n)).public, false);
    await notFound(readCase(s.office.cases, PUBLIC, n));
    await s.on('2026-06-02');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'publish-application' }]);
    const seen = await readCase(s.office.cases, PUBLIC, n);
    assert.deepEqual([seen.public, seen.data.publicationDate], [true, '2026-06-02']);
    await notFound(readCase(s.office.cases, PUBLIC, n, '2026-06-01'));
    await s.refused(n, 'ALREADY_PUBLISHED', () => s.act(s.agent, n, 'request-early-publication'));
    await s.journalOk();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Designs: deferment of the length asked for

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function chair(s: Scene, over: Record<string, any>) {
  const view = (await s.office.cases.storage.put(Buffer.concat([PNG, Buffer.from(`chair ${JSON.stringify(over)}`)]))).sha256;
  return {
    applicants: [{ kind: 'legal', name: 'Nordform Oy', country: 'FI' }],
    designs: [{ products: ['Chair'], locarno: { class: '06', subclass: '01' }, views: [{ sha256: view, title: 'front' }] }],
    ...over,
  };
}

/** Filed Mon 2 Mar 2026 (350 EUR), formalities passed, accepted, registered on Wed 1 Jul 2026. */
async function registered(s: Scene, over: Record<string, any>): Promise<string> {
  const { number } = await s.fileRight('design', await chair(s, over), eur(350));
  await s.act(s.formalities, number, 'accept-formalities');
  await s.act(s.examiner, number, 'accept');
  await s.on('2026-07-01');
  assert.equal((await s.act(s.registrar, number, 'register')).state, 'registered-deferred');
  return number;
}

test('a design whose publication is deferred for 12 months (asked for at filing on Mon 2 Mar 2026; 30 months is the longest) is registered on Wed 1 Jul 2026 but stays out of the public register until the deferment ends on Tue 2 Mar 2027; the sweep of Wed 3 Mar publishes it; 31 months are refused', async () => {
  await inOffice(START, async (s) => {
    await s.nothingFiled('DEFERMENT_TOO_LONG', async () => s.fileRight('design', await chair(s, { deferPublication: true, defermentMonths: 31 }), eur(350)));
    const n = await registered(s, { deferPublication: true, defermentMonths: 12 });
    const deferment = await s.limit(n, 'deferment');
    assert.deepEqual([deferment.starts_from, deferment.due_on, deferment.on_expiry, deferment.computation.requested], ['2026-03-02', '2027-03-02', 'end-deferment', true]);
    const view = await s.office.cases.engine.view(s.office.db, await s.row(n) as any);
    assert.deepEqual(view.openTimeLimits.filter((t) => t.kind === 'deferment').map((t) => [t.startsFrom, t.dueOn]), [['2026-03-02', '2027-03-02']], 'the rules see when a period started');
    assert.equal((await s.read(n)).public, false);
    await notFound(readCase(s.office.cases, PUBLIC, n));

    await s.on('2027-03-02');
    assert.deepEqual((await s.sweep()).acted, []);
    await notFound(readCase(s.office.cases, PUBLIC, n));
    await s.on('2027-03-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'end-deferment' }]);
    const seen = await readCase(s.office.cases, PUBLIC, n);
    assert.deepEqual([seen.public, seen.state, seen.data.publicationDate, seen.data.registrationDate], [true, 'registered', '2027-03-03', '2026-07-01']);
    assert.deepEqual(seen.documents.map((x: any) => x.kind), ['design-view']);
    await notFound(readCase(s.office.cases, PUBLIC, n, '2027-03-02'));
    await s.journalOk();
  });
});

test('a design deferred for 6 months (to Wed 2 Sep 2026) is published earlier at the holder\'s request on Mon 3 Aug 2026, and is public from that day', async () => {
  await inOffice(START, async (s) => {
    const n = await registered(s, { deferPublication: true, defermentMonths: 6 });
    assert.equal((await s.limit(n, 'deferment')).due_on, '2026-09-02');
    await s.on('2026-08-03');
    assert.equal((await s.act(s.agent, n, 'request-publication')).state, 'registered');
    const seen = await readCase(s.office.cases, PUBLIC, n);
    assert.deepEqual([seen.public, seen.data.publicationDate], [true, '2026-08-03']);
    assert.equal((await s.limit(n, 'deferment')).status, 'met');
    await s.on('2026-09-03');
    assert.deepEqual((await s.sweep()).acted, [], 'nothing left to publish at the end of the deferment');
    await s.journalOk();
  });
});
