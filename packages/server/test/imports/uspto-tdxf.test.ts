// The USPTO trademark daily XML: a case file taken over with its serial number, dates, status, mark,
// goods and services by class, owner, attorney and correspondent, statements and prosecution history;
// the same record in the assembled daily file (with its inline DTD) is unchanged; a daily file of
// many case files is read record by record; the same application reached through ST.96 and through the
// daily XML is one source record.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { importXml, stringText, fileText } from '../../src/modules/imports/index.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { caseByNumber, countElements, depsOf, footprint, IMPORTER, read, TDXF, TSDR } from './support.ts';

let office: TestOffice;
before(async () => { office = await testOffice({ startDate: '2026-03-02' }); });
after(() => office.shutdown());

const RECORD = `${TDXF}/records/daily-na-98763166.xml`;
const ASSEMBLED = `${TDXF}/assembled/apc-sample-NA-98763166.xml`;

test('a case file of the daily XML is taken over with the values of the file', async () => {
  const r = await importXml(depsOf(office), IMPORTER, 'uspto-tdxf', [{ name: 'daily-na-98763166.xml', text: () => fileText(RECORD) }], { keep: 'all' });
  assert.deepEqual(r.counts, { created: 1, updated: 0, unchanged: 0, rejected: 0 });
  const xml = read(RECORD);
  const c = (await caseByNumber(office, '98763166'))!;
  assert.equal(c.right_kind, 'trademark');
  assert.equal(c.filing_date, '2024-09-24');
  // Status 630: a new application not yet examined.
  assert.equal(c.state, 'formalities');
  assert.equal(c.public, false);
  assert.equal(c.title, 'SUVENEER');
  assert.equal(c.data.mark.kind, 'Word', 'standard characters claimed');
  assert.match(c.data.mark.description, /heart shaped design/);
  assert.deepEqual(c.data.goodsServices, [{ classNumber: 16, terms: ['Stickers', 'Stick markers', 'Sticker albums', 'Sticker books'] }]);
  assert.deepEqual(c.data.firstUse, [{ classNumber: 16, anywhere: '2024-06-12', commerce: '2024-06-12' }]);
  assert.equal(c.data.colourClaim, 'Color is not claimed as a feature of the mark.');
  assert.equal(c.data.registrationNumber, undefined, '0000000 is no registration');
  assert.deepEqual(c.parties.map((p: any) => [p.role, p.name, p.country, p.kind]), [
    ['applicant', 'Nguyen Quang Huy', 'VN', 'natural'], ['representative', 'Britten Kekaimalie Bailey Westsmith', null, 'legal'],
  ]);
  assert.equal(c.data.correspondent.address, '300 Constitution Dr, Menlo Park, Dr. Menlo Park, CA 94025, United States');
  assert.deepEqual(c.acts[0].payload.history, [{ date: '2024-09-25', code: 'NWAP', text: 'NEW APPLICATION ENTERED' }]);
  assert.equal(c.acts[0].payload.history.length, countElements(xml, 'case-file-event-statement'));
  assert.equal(c.acts[0].payload.since, '2024-09-25');
});

test('the same record in the assembled daily file, with its DOCTYPE and inline DTD, is unchanged', async () => {
  const before = await footprint(office);
  const r = await importXml(depsOf(office), IMPORTER, 'uspto-tdxf', [{ name: 'apc-sample.xml', text: () => fileText(ASSEMBLED) }]);
  assert.deepEqual(r.counts, { created: 0, updated: 0, unchanged: 1, rejected: 0 });
  assert.deepEqual(await footprint(office), before);
});

test('a daily file of many case files is read and taken over record by record', async () => {
  const record = read(RECORD);
  const assembled = read(ASSEMBLED);
  const serials = Array.from({ length: 120 }, (_, i) => String(97000000 + i));
  const many = assembled.replace(record.trim(), serials.map((s) => record.trim().replaceAll('98763166', s)).join('\n'));
  assert.equal(countElements(many, 'case-file'), serials.length);
  const seen: number[] = [];
  const r = await importXml(depsOf(office), IMPORTER, 'uspto-tdxf', [{ name: 'apc-many.xml', text: () => stringText(many, 64 * 1024) }], {
    onProgress: (done, total) => { seen.push(done); assert.equal(total, serials.length); },
  });
  assert.deepEqual(r.counts, { created: serials.length, updated: 0, unchanged: 0, rejected: 0 });
  assert.deepEqual(seen, serials.map((_, i) => i + 1), 'progress after every record, of a known total');
  assert.equal((await office.db.query("SELECT count(*)::int AS n FROM cases WHERE number LIKE '9700%'")).rows[0].n, serials.length);
  assert.ok((await verifyJournal(office.db)).ok);
});

test('one application seen through ST.96 and then through the daily XML is one source record: the second is an update', async () => {
  const tsdr = await importXml(depsOf(office), IMPORTER, 'st96', [{ name: 'sn87881347-ST96.xml', text: () => fileText(`${TSDR}/sn87881347-ST96.xml`) }]);
  assert.equal(tsdr.counts.created, 1);
  const daily = read(RECORD).replaceAll('98763166', '87881347').replace('<status-code>630</status-code>', '<status-code>686</status-code>');
  const r = await importXml(depsOf(office), IMPORTER, 'uspto-tdxf', [{ name: 'daily.xml', text: () => stringText(daily) }], { keep: 'all' });
  assert.deepEqual(r.counts, { created: 0, updated: 1, unchanged: 0, rejected: 0 });
  const c = (await caseByNumber(office, '87881347'))!;
  assert.deepEqual(c.acts.map((a: any) => [a.type, a.state_after]), [['take-over', 'accepted'], ['take-over-update', 'published']]);
  assert.equal(c.data.takenOver.format, 'uspto-tdxf');
  assert.equal(c.title, 'SUVENEER');
});
