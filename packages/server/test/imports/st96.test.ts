// Taking over ST.96 documents: the WIPO Annex VII examples (V6_0) and the USPTO TSDR status documents
// (an early profile, read by local names). Each record becomes a case by its 'take-over' act, with the
// values of the file; a second import changes nothing; a changed record is one more act; a bad record
// among good ones is refused alone; the HTTP route is for registrars and administrators only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { fileText, importXml, stringText, type ImportReport } from '../../src/modules/imports/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, type Client } from '../http/helpers.ts';
import { caseByNumber, countElements, depsOf, footprint, IMPORTER, read, TSDR, WIPO } from './support.ts';

let office: TestOffice;
let app: FastifyInstance;
let registrar: Client, examiner: Client, applicant: Client;
let first: ImportReport;

const files = [
  ...readdirSync(WIPO).filter((f) => f.endsWith('.xml')).map((f) => `${WIPO}/${f}`),
  ...readdirSync(TSDR).filter((f) => f.endsWith('-ST96.xml')).map((f) => `${TSDR}/${f}`),
].sort();
const sources = (list: string[]) => list.map((f) => ({ name: f.split('/').pop()!, text: () => fileText(f) }));

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  await office.user('reg1', 'registrar');
  await office.user('exam1', 'examiner');
  await office.user('app1', 'applicant', 'Some Applicant Ltd');
  [registrar, examiner, applicant] = await Promise.all(['reg1', 'exam1', 'app1'].map((u) => login(app, u)));
  first = await importXml(depsOf(office), IMPORTER, 'st96', sources(files), { keep: 'all' });
});
after(() => office.shutdown());

test('every WIPO example and every USPTO TSDR document is taken over, one case each, by its take-over act', async () => {
  assert.equal(files.length, 10, 'four WIPO examples and six TSDR documents');
  assert.deepEqual(first.counts, { created: 10, updated: 0, unchanged: 0, rejected: 0 }, JSON.stringify(first.records.filter((r) => r.outcome === 'rejected')));
  assert.deepEqual(first.files.map((f) => [f.name, f.records, f.error?.code ?? null]), files.map((f) => [f.split('/').pop(), 1, null]));
  const acts = (await office.db.query("SELECT type, seq, state_before, actor_role FROM acts")).rows;
  assert.equal(acts.length, 10);
  assert.ok(acts.every((a) => a.type === 'take-over' && a.seq === 1 && a.state_before === null && a.actor_role === 'system'));
  assert.ok((await verifyJournal(office.db)).ok);
});

test('the trademark of the WIPO example: numbers, dates, class and terms, holder, status, history and the renewal from its registration', async () => {
  const xml = read(`${WIPO}/TrademarkApplication_Example.xml`);
  const c = (await caseByNumber(office, '87035559'))!;
  assert.equal(c.right_kind, 'trademark');
  assert.equal(c.state, 'registered');
  assert.equal(c.public, true);
  assert.equal(c.title, 'LANYI');
  assert.equal(c.filing_date, '2016-05-12');
  assert.equal(c.data.registrationNumber, '5169753');
  assert.equal(c.data.registrationDate, '2017-03-28');
  assert.equal(c.data.publicationDate, '2017-01-10');
  assert.equal(c.data.mark.text, 'LANYI');
  assert.equal(c.data.mark.kind, 'Combined', 'USPTO mark feature code 3: design with words');
  assert.deepEqual(c.data.goodsServices.map((g: any) => g.classNumber), [9]);
  const description = /<tmk:GoodsServicesDescriptionText[^>]*>([^<]*)</.exec(xml)![1];
  assert.deepEqual(c.data.goodsServices[0].terms, description.split(';').map((t) => t.trim()));
  assert.ok(c.data.goodsServices[0].terms.includes('Audio cables'));
  // Three entries name the same company (original applicant, owner at publication, registrant): one holder.
  assert.deepEqual(c.parties.map((p: any) => [p.role, p.name, p.country]), [['holder', 'Shenzhen Fengniao E-Commerce Co.,Ltd', 'CN']]);
  assert.equal(c.data.correspondent.name, 'IVY XU');
  const history = c.acts[0].payload.history;
  assert.equal(history.length, countElements(xml, 'MarkEvent'));
  assert.deepEqual(history[0], { date: '2016-05-16', code: 'NWAPI', text: 'NEW APPLICATION ENTERED IN TRAM' });
  assert.deepEqual(history.at(-1), { date: '2017-03-28', code: 'R.PRA', text: 'REGISTERED-PRINCIPAL REGISTER' });
  // A US registration runs ten years from the registration date.
  assert.equal(c.data.expiryDate, '2027-03-28');
  assert.deepEqual(c.limits.map((l: any) => [l.kind, l.due_on, l.window_opens_on, l.grace_ends_on]), [['renewal', '2027-03-28', '2026-09-28', '2027-09-28']]);
  assert.deepEqual(c.data.takenOver, { format: 'st96', office: 'US', id: '87035559', number: '87035559', on: '2026-03-02', fields: c.data.takenOver.fields });
});

test('the USPTO TSDR documents: serial and registration numbers, dates without their zone, classes, the current owners, status and every event', async () => {
  const expected = [
    { file: 'rn2178784', number: '74631225', reg: '2178784', filed: '1995-02-07', registered: '1998-08-04', classes: [9], holders: ['Oracle America, Inc.'], state: 'registered', expiry: '2018-08-04' },
    { file: 'rn2713476', number: '78002299', reg: '2713476', filed: '2000-04-03', registered: '2003-05-06', classes: [9], holders: ['MySQL AB'], state: 'registered', expiry: '2023-05-06' },
    { file: 'rn3886986', number: '77658723', reg: '3886986', filed: '2009-01-28', registered: '2010-12-07', classes: [16, 41], state: 'registered', expiry: '2020-12-07',
      holders: ['COLUMBIA LAW REVIEW ASSOCIATION, INC.', 'HARVARD LAW REVIEW ASSOCIATION', 'THE YALE LAW JOURNAL', 'UNIVERSITY OF PENNSYLVANIA LAW REVIEW'] },
    { file: 'sn77478018', number: '77478018', reg: '3717416', filed: '2008-05-19', registered: '2009-12-01', classes: [14, 25, 30], holders: ["Haydel's Bakery"], state: 'registered', expiry: '2019-12-01' },
    { file: 'sn85334015', number: '85334015', reg: '4281391', filed: '2011-05-31', registered: '2013-01-29', classes: [9], holders: ['Intel Corporation'], state: 'registered', expiry: '2023-01-29' },
    { file: 'sn87881347', number: '87881347', reg: undefined, filed: '2018-04-17', registered: undefined, classes: [43], holders: ['Burger Addict Renton LLC'], state: 'accepted', expiry: undefined },
  ];
  for (const e of expected) {
    const xml = read(`${TSDR}/${e.file}-ST96.xml`);
    const c = (await caseByNumber(office, e.number))!;
    assert.ok(c, e.file);
    assert.equal(c.filing_date, e.filed, e.file);
    assert.equal(c.data.registrationNumber, e.reg, e.file);
    assert.equal(c.data.registrationDate, e.registered, e.file);
    assert.equal(c.state, e.state, e.file);
    assert.deepEqual(c.data.goodsServices.map((g: any) => g.classNumber), e.classes, e.file);
    const role = e.reg ? 'holder' : 'applicant';
    assert.deepEqual(c.parties.filter((p: any) => p.role === role).map((p: any) => p.name), e.holders, e.file);
    assert.equal(c.acts[0].payload.history.length, countElements(xml, 'MarkEvent'), `${e.file}: every event of the file`);
    assert.equal(c.data.expiryDate, e.expiry, e.file);
    assert.deepEqual(c.limits.filter((l: any) => l.kind === 'renewal').map((l: any) => l.due_on), e.expiry ? [e.expiry] : [], e.file);
  }
  // The design-only mark has no words: a figurative mark without a title of words.
  assert.equal((await caseByNumber(office, '77478018'))!.data.mark.kind, 'Figurative');
  // Approved for publication but not yet published: not public.
  assert.equal((await caseByNumber(office, '87881347'))!.public, false);
  // The attorney of record is the representative.
  assert.deepEqual((await caseByNumber(office, '78002299'))!.parties.filter((p: any) => p.role === 'representative').map((p: any) => p.name), ['Andrew Roppel']);
});

test('the design, the geographical indication and the patent of the WIPO examples', async () => {
  const design = (await caseByNumber(office, '35503842'))!;
  assert.equal(design.right_kind, 'design');
  assert.equal(design.state, 'registered');
  assert.equal(design.filing_date, '2017-08-29');
  assert.equal(design.data.registrationNumber, '123456');
  assert.deepEqual(design.data.designs.map((x: any) => [x.number, x.products, x.locarno]), [[1, ['Chair'], { class: '06', subclass: '01' }]]);
  assert.equal(design.data.expiryDate, '2034-01-29');
  assert.deepEqual(design.data.priorityClaims, [{ office: 'WO', number: 'DM/096824', date: '2017-03-31' }]);
  assert.deepEqual(design.parties.map((p: any) => [p.role, p.name]), [
    ['designer', 'Emma Francis'], ['designer', 'Jeannette Altova'], ['designer', 'Manuel Ho'], ['holder', 'HARPER Inc.'], ['representative', 'Attorney Firm, LLP'],
  ]);
  assert.equal(design.acts[0].payload.history.length, countElements(read(`${WIPO}/DesignApplication_Example.xml`), 'DesignApplicationEvent'));
  assert.deepEqual(design.limits.map((l: any) => [l.kind, l.due_on]), [['renewal', '2034-01-29']]);

  // 'IG 18-002' is not of the form of a number of this office: the case gets one of the series and keeps the source's.
  const gi = (await office.db.query("SELECT * FROM cases WHERE right_kind = 'gi'")).rows[0];
  assert.match(gi.number, /^GI-2026-\d{6}$/);
  assert.equal(gi.data.takenOver.number, 'IG 18-002');
  assert.equal(gi.state, 'published');
  assert.equal(gi.filing_date, '2018-03-19');
  assert.equal(gi.data.name.text, "Tapisserie d'Aubusson");
  assert.equal(gi.data.name.translation, 'Aubusson tapestry');
  assert.equal(gi.data.authorizedUsers.length, countElements(read(`${WIPO}/GIApplication_Example.xml`), 'AuthorizedUser'));

  const patent = (await caseByNumber(office, '13797521'))!;
  const pxml = read(`${WIPO}/PatentPublication_Example.xml`);
  assert.equal(patent.state, 'granted');
  assert.equal(patent.data.patentNumber, '08936998', 'the leading zero is kept');
  assert.equal(patent.data.grantDate, '2015-01-20');
  assert.equal(patent.filing_date, '2013-03-12');
  assert.equal(patent.title, 'Manufcaturing method for room-temperature substrate bonding');
  assert.equal(patent.data.claims.length, countElements(pxml, 'Claim'));
  assert.ok(patent.data.ipc.includes('H01L 21/30'));
  assert.deepEqual(patent.data.priorityClaims, [{ office: 'JP', number: '2007-290922', date: '2007-11-08' }]);
  assert.equal(patent.parties.filter((p: any) => p.role === 'inventor').length, countElements(pxml, 'Inventor'));
  assert.deepEqual(patent.parties.filter((p: any) => p.role === 'holder').map((p: any) => p.name), ['Mitsubishi Heavy Industries, Ltd.', 'National Institute of Advanced Industrial Science and Technology']);
});

test('importing the same files again changes nothing: every record unchanged, no act, no row added', async () => {
  const before = await footprint(office);
  const again = await importXml(depsOf(office), IMPORTER, 'st96', sources(files), { keep: 'all' });
  assert.deepEqual(again.counts, { created: 0, updated: 0, unchanged: 10, rejected: 0 });
  assert.deepEqual(await footprint(office), before);
});

test('a changed record is updated by one more act, which records only the new events; its state and time limits follow the record', async () => {
  const xml = read(`${TSDR}/sn87881347-ST96.xml`)
    .replace('<ns2:MarkCurrentStatusCode>680</ns2:MarkCurrentStatusCode>', '<ns2:MarkCurrentStatusCode>686</ns2:MarkCurrentStatusCode>')
    .replace('<ns2:MarkCurrentStatusDate>2018-08-27</ns2:MarkCurrentStatusDate>', '<ns2:MarkCurrentStatusDate>2026-02-10</ns2:MarkCurrentStatusDate>')
    .replace('<ns2:MarkEventBag>', `<ns2:MarkEventBag><ns2:MarkEvent><ns2:MarkEventCategory>National prosecution history entry</ns2:MarkEventCategory>
      <ns2:NationalMarkEvent><ns2:MarkEventCode>PUBO</ns2:MarkEventCode><ns2:MarkEventDescriptionText>PUBLISHED FOR OPPOSITION</ns2:MarkEventDescriptionText></ns2:NationalMarkEvent>
      <ns2:MarkEventDate>2026-02-10</ns2:MarkEventDate></ns2:MarkEvent>`);
  assert.notEqual(xml, read(`${TSDR}/sn87881347-ST96.xml`));
  const before = await footprint(office);
  const r = await importXml(depsOf(office), IMPORTER, 'st96', [{ name: 'changed.xml', text: () => stringText(xml) }], { keep: 'all' });
  assert.deepEqual(r.counts, { created: 0, updated: 1, unchanged: 0, rejected: 0 });
  const after = await footprint(office);
  assert.equal(after.acts, before.acts + 1);
  assert.equal(after.cases, before.cases);
  const c = (await caseByNumber(office, '87881347'))!;
  assert.deepEqual(c.acts.map((a: any) => a.type), ['take-over', 'take-over-update']);
  assert.equal(c.act_count, 2);
  assert.equal(c.state, 'published');
  assert.equal(c.public, true);
  assert.deepEqual(c.acts[1].payload.history, [{ date: '2026-02-10', code: 'PUBO', text: 'PUBLISHED FOR OPPOSITION' }]);
  // Published: the opposition period runs from the publication in the previous register.
  assert.deepEqual(c.limits.map((l: any) => [l.kind, l.due_on]), [['opposition', '2026-05-11']]);
  const outcome = (await office.db.query("SELECT outcome, source, source_id FROM import_outcomes WHERE run_id = $1", [r.runId])).rows;
  assert.deepEqual(outcome, [{ outcome: 'updated', source: 'US:trademark', source_id: '87881347' }]);
  // And importing the changed file once more changes nothing.
  const again = await importXml(depsOf(office), IMPORTER, 'st96', [{ name: 'changed.xml', text: () => stringText(xml) }]);
  assert.deepEqual(again.counts, { created: 0, updated: 0, unchanged: 1, rejected: 0 });
  assert.ok((await verifyJournal(office.db)).ok);
});

const trademark = (serial: string, inner: string) => `<ns2:Trademark>
  <ns1:ApplicationNumber><ns1:IPOfficeCode>US</ns1:IPOfficeCode><ns1:ApplicationNumberText>${serial}</ns1:ApplicationNumberText></ns1:ApplicationNumber>
  ${inner}
  <ns2:MarkRepresentation><ns2:MarkReproduction><ns2:WordMarkSpecification><ns2:MarkVerbalElementText>MARK ${serial}</ns2:MarkVerbalElementText></ns2:WordMarkSpecification></ns2:MarkReproduction></ns2:MarkRepresentation>
  <ns2:GoodsServicesBag><ns2:GoodsServices><ns2:ClassDescriptionBag><ns2:ClassDescription><ns2:ClassNumber>030</ns2:ClassNumber>
    <ns2:GoodsServicesDescriptionText>Coffee; tea</ns2:GoodsServicesDescriptionText></ns2:ClassDescription></ns2:ClassDescriptionBag></ns2:GoodsServices></ns2:GoodsServicesBag>
  <ns2:ApplicantBag><ns2:Applicant><ns1:Contact><ns1:Name><ns1:EntityName>Owner ${serial}</ns1:EntityName></ns1:Name></ns1:Contact></ns2:Applicant></ns2:ApplicantBag>
</ns2:Trademark>`;
const bag = (...marks: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<ns2:TrademarkTransaction xmlns:ns1="http://www.wipo.int/standards/XMLSchema/ST96/Common" xmlns:ns2="http://www.wipo.int/standards/XMLSchema/ST96/Trademark">
<ns2:TrademarkTransactionBody><ns2:TransactionContentBag><ns2:TransactionData><ns2:TrademarkBag>${marks.join('\n')}</ns2:TrademarkBag></ns2:TransactionData></ns2:TransactionContentBag></ns2:TrademarkTransactionBody>
</ns2:TrademarkTransaction>`;
const ok700 = '<ns2:ApplicationDate>2019-04-01</ns2:ApplicationDate><ns1:RegistrationNumber>6000001</ns1:RegistrationNumber><ns1:RegistrationDate>2020-01-07</ns1:RegistrationDate><ns2:MarkCurrentStatusCode>700</ns2:MarkCurrentStatusCode>';

test('a bad record among good ones is refused with its reason and code, stores nothing, and the others are taken over', async () => {
  const before = await footprint(office);
  const xml = bag(
    trademark('90000001', ok700),
    trademark('90000002', '<ns2:ApplicationDate>2019-02-30</ns2:ApplicationDate><ns2:MarkCurrentStatusCode>700</ns2:MarkCurrentStatusCode>'),
    trademark('90000003', '<ns2:ApplicationDate>2019-04-01</ns2:ApplicationDate><ns2:MarkCurrentStatusCode>123</ns2:MarkCurrentStatusCode>'),
    trademark('90000004', ok700.replace('6000001', '6000004')),
  );
  const r = await importXml(depsOf(office), IMPORTER, 'st96', [{ name: 'mixed.xml', text: () => stringText(xml) }], { keep: 'all' });
  assert.deepEqual(r.counts, { created: 2, updated: 0, unchanged: 0, rejected: 2 });
  assert.deepEqual(r.records.map((x) => [x.position, x.outcome, x.sourceId, x.code ?? null]), [
    [1, 'created', '90000001', null], [2, 'rejected', '90000002', 'IMPORT_INVALID_VALUE'], [3, 'rejected', '90000003', 'IMPORT_UNKNOWN_STATUS'], [4, 'created', '90000004', null],
  ]);
  assert.match(r.records[1].message!, /application date '2019-02-30'/);
  const after = await footprint(office);
  assert.equal(after.cases, before.cases + 2);
  assert.equal(after.acts, before.acts + 2);
  assert.equal(await caseByNumber(office, '90000002'), null);
  assert.equal(await caseByNumber(office, '90000003'), null);
  const logged = (await office.db.query('SELECT position, code FROM import_outcomes WHERE run_id = $1 ORDER BY position', [r.runId])).rows;
  assert.deepEqual(logged, [{ position: 2, code: 'IMPORT_INVALID_VALUE' }, { position: 3, code: 'IMPORT_UNKNOWN_STATUS' }]);
});

test('a record whose number a case of the office already has gets the next number of the series, and keeps its own in its data', async () => {
  const r = await importXml(depsOf(office), IMPORTER, 'st96', [{ name: 'other-office.xml', text: () => stringText(bag(trademark('90000001', ok700).replace('<ns1:IPOfficeCode>US</ns1:IPOfficeCode>', '<ns1:IPOfficeCode>CA</ns1:IPOfficeCode>'))) }], { keep: 'all' });
  assert.equal(r.counts.created, 1);
  assert.match(r.records[0].number!, /^TM-2026-\d{6}$/);
  assert.equal(r.records[0].source, 'CA:trademark');
  const c = (await caseByNumber(office, r.records[0].number!))!;
  assert.equal(c.data.takenOver.number, '90000001');
});

test('POST /api/v1/imports/st96: registrars import an ST.96 document and get the report; other roles and other bodies are refused', async () => {
  const xml = bag(trademark('91000001', ok700));
  const res = await registrar.raw('POST', '/api/v1/imports/st96?name=web.xml', xml, 'application/xml');
  const report = ok(res);
  assert.deepEqual(report.counts, { created: 1, updated: 0, unchanged: 0, rejected: 0 });
  assert.equal(report.records[0].number, '91000001');
  assert.equal(report.records[0].file, 'web.xml');
  const act = (await caseByNumber(office, '91000001'))!.acts[0];
  assert.equal(act.actor_role, 'registrar');
  assert.deepEqual(ok(await registrar.raw('POST', '/api/v1/imports/st96', xml, 'text/xml')).counts, { created: 0, updated: 0, unchanged: 1, rejected: 0 });
  expectProblem(await examiner.raw('POST', '/api/v1/imports/st96', xml, 'application/xml'), 403, 'FORBIDDEN');
  expectProblem(await applicant.raw('POST', '/api/v1/imports/st96', xml, 'application/xml'), 403, 'FORBIDDEN');
  expectProblem(await client(app, null).raw('POST', '/api/v1/imports/st96', xml, 'application/xml'), 401, 'UNAUTHENTICATED');
  expectProblem(await registrar.raw('POST', '/api/v1/imports/st96', JSON.stringify({ xml }), 'application/json'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  const p = expectProblem(await registrar.raw('POST', '/api/v1/imports/st96', '<?xml version="1.0"?><nothing/>', 'application/xml'), 422, 'IMPORT_NO_RECORDS');
  assert.equal(typeof p.runId, 'string');
});

test('the time limits taken over are the office\'s own: a registration whose renewal and grace ended before the take-over lapses at the next sweep', async () => {
  // JAVA: registered 1998-08-04, renewed once: the term ended on 2018-08-04, the grace six months later.
  const before = (await caseByNumber(office, '74631225'))!;
  assert.deepEqual(before.limits.map((l: any) => [l.kind, l.due_on, l.grace_ends_on]), [['renewal', '2018-08-04', '2019-02-04']]);
  const lanyi = (await caseByNumber(office, '87035559'))!.state;
  await office.work();
  const after = (await caseByNumber(office, '74631225'))!;
  assert.equal(after.state, 'lapsed');
  assert.deepEqual(after.acts.map((a: any) => [a.type, a.actor_role]), [['take-over', 'system'], ['lapse', 'system']]);
  // A registration whose renewal is still to come is left alone.
  assert.equal((await caseByNumber(office, '87035559'))!.state, lanyi);
  assert.ok((await verifyJournal(office.db)).ok);
});
