// Hostile and broken XML is refused as a whole, with a stable code, before any of its records is
// stored: external entities, entity expansion (billion laughs), a DOCTYPE where the format has none,
// nesting too deep, documents and records too large, text that is not well-formed. A refusal found
// in the tenth record still stores nothing of the nine before it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { importXml, stringText, type XmlLimits } from '../../src/modules/imports/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, login, type Client } from '../http/helpers.ts';
import { depsOf, footprint, IMPORTER, read, TDXF } from './support.ts';

let office: TestOffice;
let app: FastifyInstance;
let registrar: Client;

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  await office.user('reg1', 'registrar');
  registrar = await login(app, 'reg1');
});
after(() => office.shutdown());

const mark = (serial: string, extra = '') => `<tmk:Trademark>
  <com:ApplicationNumber><com:IPOfficeCode>US</com:IPOfficeCode><com:ApplicationNumberText>${serial}</com:ApplicationNumberText></com:ApplicationNumber>
  <com:ApplicationDate>2019-04-01</com:ApplicationDate><tmk:MarkCurrentStatusCode>630</tmk:MarkCurrentStatusCode>
  <tmk:MarkRepresentation><tmk:MarkReproduction><tmk:WordMarkSpecification><tmk:MarkVerbalElementText>MARK ${serial}${extra}</tmk:MarkVerbalElementText></tmk:WordMarkSpecification></tmk:MarkReproduction></tmk:MarkRepresentation>
  <tmk:ApplicantBag><tmk:Applicant><com:Contact><com:Name><com:EntityName>Owner ${serial}</com:EntityName></com:Name></com:Contact></tmk:Applicant></tmk:ApplicantBag>
</tmk:Trademark>`;
const doc = (body: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${prolog}\n<tmk:TrademarkApplication xmlns:tmk="http://www.wipo.int/standards/XMLSchema/ST96/Trademark" xmlns:com="http://www.wipo.int/standards/XMLSchema/ST96/Common"><tmk:TrademarkBag>${body}</tmk:TrademarkBag></tmk:TrademarkApplication>`;

async function refused(xml: string, code: string, format: 'st96' | 'uspto-tdxf' = 'st96', limits: Partial<XmlLimits> = {}) {
  const before = await footprint(office);
  const r = await importXml(depsOf(office), IMPORTER, format, [{ name: code, text: () => stringText(xml, 4096) }], { limits });
  assert.equal(r.files[0].error?.code, code, JSON.stringify(r.files[0]));
  assert.deepEqual(r.counts, { created: 0, updated: 0, unchanged: 0, rejected: 0 });
  assert.deepEqual(await footprint(office), before, `${code}: nothing stored`);
  const run = (await office.db.query('SELECT counts FROM import_runs WHERE id = $1', [r.runId])).rows[0];
  assert.deepEqual(run.counts.fileErrors, [{ file: code, code }], 'the run records why the document was refused');
  return r.files[0].error!;
}

test('a well-formed document of good records is taken over (the documents below differ from it in one hostile point)', async () => {
  const r = await importXml(depsOf(office), IMPORTER, 'st96', [{ name: 'good', text: () => stringText(doc(mark('92000001') + mark('92000002'))) }]);
  assert.deepEqual(r.counts, { created: 2, updated: 0, unchanged: 0, rejected: 0 });
});

test('an external entity (XXE) is refused and never resolved, nor is an external parameter entity', async () => {
  const e = await refused(doc(mark('92000010', ' &xxe;'), '<?xml version="1.0"?>\n<!DOCTYPE tmk:TrademarkApplication [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), 'IMPORT_XML_EXTERNAL_ENTITY');
  assert.match(e.message, /external entit/);
  await refused(doc(mark('92000011'), '<!DOCTYPE x [<!ENTITY % remote PUBLIC "-//X//Y" "http://example.test/evil.dtd"> %remote;]>'), 'IMPORT_XML_EXTERNAL_ENTITY');
});

test('entity expansion (billion laughs) is refused before anything is expanded', async () => {
  const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
  await refused(doc(mark('92000020', ' &lol9;'), `<?xml version="1.0"?>\n<!DOCTYPE tmk:TrademarkApplication [${lol}]>`), 'IMPORT_XML_ENTITY_DECLARATION');
});

test('ST.96 has no DOCTYPE: one without entities is refused too; an entity named without declaration is kept as text, never expanded', async () => {
  await refused(doc(mark('92000030'), '<?xml version="1.0"?>\n<!DOCTYPE tmk:TrademarkApplication SYSTEM "TrademarkApplication.dtd">'), 'IMPORT_XML_DOCTYPE');
  const r = await importXml(depsOf(office), IMPORTER, 'st96', [{ name: 'undeclared', text: () => stringText(doc(mark('92000031', ' &secret;'))) }]);
  assert.equal(r.counts.created, 1);
  const title = (await office.db.query("SELECT title FROM cases WHERE number = '92000031'")).rows[0].title;
  assert.equal(title, 'MARK 92000031 &secret;');
});

test('nesting deeper than accepted is refused, even in the tenth record after nine good ones', async () => {
  const deep = `<tmk:X>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</tmk:X>`;
  await refused(doc(mark('92000040') + '\n' + mark('92000041').replace('</tmk:Trademark>', `${deep}</tmk:Trademark>`)), 'IMPORT_XML_TOO_DEEP');
  const ten = Array.from({ length: 9 }, (_, i) => mark(`9200005${i}`)).join('') + mark('92000059').replace('</tmk:Trademark>', `${'<a>'.repeat(80)}${'</a>'.repeat(80)}</tmk:Trademark>`);
  await refused(doc(ten), 'IMPORT_XML_TOO_DEEP');
});

test('a document larger than accepted, and a record larger than accepted, are refused', async () => {
  const many = doc(Array.from({ length: 50 }, (_, i) => mark(`920001${String(i).padStart(2, '0')}`)).join(''));
  await refused(many, 'IMPORT_TOO_LARGE', 'st96', { maxBytes: 10_000 });
  await refused(doc(mark('92000200', ' X'.repeat(20_000))), 'IMPORT_RECORD_TOO_LARGE', 'st96', { maxRecordBytes: 16_000 });
});

test('text that is not well-formed XML, or in an encoding other than UTF-8, is refused', async () => {
  await refused(doc(mark('92000300')).replace('</tmk:TrademarkBag>', ''), 'IMPORT_XML_MALFORMED');
  await refused(doc(mark('92000301')).replace('<com:EntityName>', '<com:EntityName a="1" a2>'), 'IMPORT_XML_MALFORMED');
  await refused(`${doc(mark('92000302'))}<second-root/>`, 'IMPORT_XML_MALFORMED');
  await refused(doc(mark('92000303'), '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'IMPORT_XML_MALFORMED');
  await refused('', 'IMPORT_XML_MALFORMED');
});

test('the USPTO daily XML keeps its inline DTD (no entity in it), but a DTD declaring an entity is refused', async () => {
  const assembled = read(`${TDXF}/assembled/apc-sample-NA-98763166.xml`);
  assert.match(assembled, /<!DOCTYPE trademark-applications-daily \[/);
  const hostile = assembled.replace('<!ELEMENT trademark-applications-daily', '<!ENTITY boom SYSTEM "file:///etc/hostname">\n<!ELEMENT trademark-applications-daily');
  await refused(hostile, 'IMPORT_XML_EXTERNAL_ENTITY', 'uspto-tdxf');
  const bomb = assembled.replace('<!ELEMENT trademark-applications-daily', '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ELEMENT trademark-applications-daily');
  await refused(bomb, 'IMPORT_XML_ENTITY_DECLARATION', 'uspto-tdxf');
});

test('over HTTP a hostile document is a problem with its code, and a body over the limit is refused before it is read', async () => {
  const before = await footprint(office);
  expectProblem(await registrar.raw('POST', '/api/v1/imports/st96', doc(mark('92000400', ' &xxe;'), '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), 'application/xml'), 422, 'IMPORT_XML_EXTERNAL_ENTITY');
  expectProblem(await registrar.raw('POST', '/api/v1/imports/st96', doc(`${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`), 'application/xml'), 422, 'IMPORT_XML_TOO_DEEP');
  expectProblem(await registrar.raw('POST', '/api/v1/imports/st96', doc(mark('92000401', ' '.repeat(26 * 1024 * 1024))), 'application/xml'), 413, 'BODY_TOO_LARGE');
  assert.deepEqual(await footprint(office), before);
});
