// WIPO ST.96 V6_0 export of every right. One office takes a case of each right through its life (filed,
// examined, published, registered or granted, renewed or maintained, with a recordal), then exports them:
// every document must validate against the official schemas (in process with libxml2, and independently
// with the xmllint program), carry the case's values and its legal-status events in journal order, show
// the public only what the register publishes, and have a JSON mirror of exactly the same content.
//
// A schema compiles in about 2 s on every validation, so each right's cases (full and public records
// together) are validated as one bag.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import libxml, { type Element } from 'libxmljs2';
import { solidPng, tinyPdf } from '../../src/app/demo-files.ts';
import {
  escapeXml, loadExportCases, schemaPath, st96Bag, st96Json, st96Record, ST96_SCHEMAS, St96Validator, validateSt96, type ExportCase, type ExportRight,
} from '../../src/modules/exchange/index.ts';
import { eur, examineAndAccept, scene, type Scene } from '../scenarios/steps.ts';
import { expectProblem, login } from '../http/helpers.ts';

const NS = {
  com: 'http://www.wipo.int/standards/XMLSchema/ST96/Common',
  tmk: 'http://www.wipo.int/standards/XMLSchema/ST96/Trademark',
  dgn: 'http://www.wipo.int/standards/XMLSchema/ST96/Design',
  pat: 'http://www.wipo.int/standards/XMLSchema/ST96/Patent',
  gin: 'http://www.wipo.int/standards/XMLSchema/ST96/GeographicalIndication',
};
const WIPO_SAMPLES = new URL('../../../../../shared/reference/st96/samples/wipo-annex-vii-V6_0/', import.meta.url);

const AURORA = { kind: 'legal', name: 'Aurora Coffee & "Tea" Ltd', country: 'FR', address: '12 rue du Café\n75001 Paris', email: 'legal@aurora.example' };
const COUNSEL = { kind: 'natural', name: 'Claire Dupont', country: 'FR', address: "1 avenue de l'Opéra, Paris", email: 'claire@dupont.example', nationality: 'FR' };
const INVENTOR = { kind: 'natural', name: 'Ada Brewer', country: 'DE', address: 'Röstweg 1, Bremen', nationality: 'DE' };

interface World {
  s: Scene;
  /** Case numbers. */
  n: {
    tm: string; tmUnpublished: string; design: string; designDeferred: string; patent: string; um: string; gi: string;
    /** Edge cases: a Madrid designation, a mark and a patent application without a filing date, a withdrawn patent application, a conversion. */
    designation: string; tmIncomplete: string; patentIncomplete: string; patentWithdrawn: string; patentConverted: string; umConverted: string;
  };
  markImage: string; views: string[]; specification: string;
  full: ExportCase[];
  publicCases: ExportCase[];
  /** One document per right: the full and the public records of its cases in one bag. */
  docs: Map<ExportRight, string>;
  dir: string;
}
let w: World;

async function buildWorld(): Promise<World> {
  const s = await scene({ framework: 'model-law', startDate: '2026-01-05' });
  const put = async (bytes: Buffer) => (await s.office.storage.put(bytes)).sha256;
  const png = solidPng(8, 6, [200, 40, 40]);
  const markImage = await put(png);
  const views = [await put(solidPng(10, 8, [10, 20, 30])), await put(solidPng(10, 8, [40, 50, 60]))];
  const specification = await put(tinyPdf(['Port Town Highland Coffee', 'Product specification']));
  const description = await put(tinyPdf(['Capsule', 'Description']));

  // 5 Jan 2026: filings, examination, publication, registration of the design and of the utility model.
  const tm = (await s.file({
    mark: { kind: 'Combined', text: "L'ÉTÉ <Café> & \"Thé\"\u0007", description: 'Red letters', colours: ['red'], image: { sha256: markImage, mediaType: 'image/png', size: png.length } },
    applicant: AURORA, representative: COUNSEL, language: 'en',
    goodsServices: [{ classNumber: 30, terms: ['coffee', 'tea'] }, { classNumber: 43, terms: ['cafés'] }],
    priorityClaims: [{ office: 'EM', number: '018000001', date: '2025-12-01' }],
  }, eur(300))).number;
  await examineAndAccept(s, tm);
  await s.act(s.registrar, tm, 'publish');
  const tmUnpublished = (await s.file({ mark: { kind: 'Word', text: 'SECRET ROAST' }, applicant: AURORA }, eur(250))).number;

  const designPayload = (defer: boolean) => ({
    applicants: [AURORA], representative: COUNSEL, designers: [{ kind: 'natural', name: 'Lea Marin', country: 'IT', nationality: 'IT' }],
    designs: [
      { products: ['Coffee cups'], locarno: { class: '07', subclass: '01' }, views: [{ sha256: views[0], title: 'front view' }], description: 'A conical cup' },
      { products: ['Saucers'], locarno: { class: '07', subclass: '01' }, views: [{ sha256: views[1], title: 'top view' }] },
    ],
    priorityClaims: [{ office: 'IT', number: '402025000123456', date: '2025-11-20' }],
    ...(defer ? { deferPublication: true, defermentMonths: 12 } : {}),
  });
  const design = (await s.fileRight('design', designPayload(false), eur(525))).number;
  const designDeferred = (await s.fileRight('design', designPayload(true), eur(525))).number;
  for (const n of [design, designDeferred]) {
    await s.act(s.formalities, n, 'accept-formalities');
    await s.act(s.examiner, n, 'accept');
    await s.act(s.registrar, n, 'register');
  }

  const patent = (await s.fileRight('patent', {
    applicants: [AURORA], inventors: [INVENTOR], representative: COUNSEL, title: 'Compostable coffee capsule', language: 'en',
    abstract: 'A capsule of compressed plant fibre.', description: { sha256: description }, claims: ['1. A capsule.', '2. The capsule of claim 1.'],
    ipc: ['B65D 85/804'], priorityClaims: [{ office: 'DE', number: '10 2025 000 001.1', date: '2025-04-02' }], requestExamination: true,
  }, eur(1450))).number;
  await s.act(s.formalities, patent, 'accept-formalities');
  await s.act(s.examiner, patent, 'issue-search-report', { citations: [{ document: 'US 2019/0123456 A1', category: 'A' }] });
  await s.act(s.agent, patent, 'request-early-publication', {});

  const um = (await s.fileRight('utility-model', {
    applicants: [AURORA], inventors: [INVENTOR], title: 'Milk frothing whisk', abstract: 'A whisk driven by a magnet.',
    description: { sha256: description }, claims: ['1. A whisk driven by a magnet.'],
  }, eur(50))).number;
  await s.act(s.registrar, um, 'register');
  await s.act(s.registrar, um, 'publish-registration');

  const gi = (await s.fileRight('gi', {
    applicant: { name: 'Port Town Coffee Growers Association', legalForm: 'association', membersCount: 38, country: 'PT', address: '3 Market Square, Port Town' },
    kind: 'Geographical Indication', name: { text: 'Café de Porto Alto', language: 'pt', translation: 'Port Town Highland Coffee' },
    product: { description: 'Arabica green coffee beans grown above 900 m', category: 'Coffee', niceClass: 30 },
    area: { description: 'The highland districts above Port Town' }, specification: { sha256: specification },
    linkToOrigin: 'Volcanic soil and cool nights give the beans their acidity.',
    controlBody: { name: 'Port Town Agricultural Inspectorate', kind: 'public-authority', country: 'PT' },
  }, eur(600))).number;
  await s.act(s.formalities, gi, 'accept-formalities');
  await s.act(s.examiner, gi, 'accept');
  await s.act(s.registrar, gi, 'publish');

  // 6 Jan 2026: the sweep publishes the patent application (early publication), which is then granted.
  await s.on('2026-01-06');
  assert.ok((await s.sweep()).acted.some((a) => a.number === patent && a.act === 'publish-application'));
  await s.act(s.examiner, patent, 'decide-grant');
  await s.act(s.agent, patent, 'pay-grant-fee', {}, eur(350));
  await s.act(s.registrar, patent, 'grant');

  // 8 Apr 2026: the opposition and objection periods are over: the mark and the indication are registered.
  await s.on('2026-04-08');
  await s.sweep();
  await s.act(s.registrar, tm, 'register');
  await s.act(s.registrar, gi, 'register');

  // Maintenance of the utility model, the patent's 5th annuity and an exclusive licence, the design renewed.
  await s.on('2028-08-01');
  await s.act(s.agent, um, 'pay-maintenance', {}, eur(210));
  await s.on('2029-11-02');
  await s.act(s.agent, patent, 'pay-annuity', {}, eur(100));
  const licence = await s.act(s.agent, patent, 'request-recordal', { kind: 'licence', licensee: { name: 'Brew GmbH', country: 'DE' }, licence: { exclusive: true } }, eur(100));
  await s.act(s.registrar, licence.child!.number, 'record');
  await s.on('2030-08-03');
  await s.act(s.agent, design, 'renew', {}, eur(135));

  // 1 Aug 2035: the mark is renewed, then transferred.
  await s.on('2035-08-01');
  await s.act(s.agent, tm, 'renew', {}, eur(350));
  const transfer = await s.act(s.agent, tm, 'request-recordal', { kind: 'transfer', newHolder: { kind: 'legal', name: 'Nordic Roasters AB', country: 'SE', address: 'Strandvägen 1, Stockholm' } }, eur(100));
  await s.act(s.registrar, transfer.child!.number, 'record');

  // Edge cases, in the same bags: every state of the record must validate, not only the common ones.
  const designation = (await s.fileRight('trademark', {
    irNumber: '1234567', irDate: '2035-06-15', notificationDate: '2035-08-01',
    holder: { kind: 'legal', name: 'Fjord Foods AS', country: 'NO', address: 'Bryggen 3, Bergen' },
    mark: { kind: 'Word', text: 'FJORDKAFFE' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }], basicMark: { office: 'NO', number: '202512345' },
  }, undefined, { act: 'receive-designation', by: s.formalities })).number;
  const tmIncomplete = (await s.file({ goodsServices: undefined })).number;
  const patentIncomplete = (await s.fileRight('patent', { applicants: [AURORA], title: 'Grinder' })).number;
  const lean = { applicants: [AURORA], inventors: [INVENTOR], title: 'Milk jug', abstract: 'A jug.', description: { sha256: description }, claims: ['1. A jug.'] };
  const patentWithdrawn = (await s.fileRight('patent', lean, eur(150))).number;
  await s.act(s.agent, patentWithdrawn, 'withdraw', { remarks: 'not pursued' });
  const patentConverted = (await s.fileRight('patent', { ...lean, title: 'Tamper' }, eur(150))).number;
  const umConverted = (await s.act(s.agent, patentConverted, 'convert-to-utility-model', {})).child!.number;

  const n = { tm, tmUnpublished, design, designDeferred, patent, um, gi, designation, tmIncomplete, patentIncomplete, patentWithdrawn, patentConverted, umConverted };
  const ids = await Promise.all(Object.values(n).map(async (x) => (await s.row(x)).id));
  const full = await loadExportCases(s.office.db, ids, { publicOnly: false });
  const publicCases = await loadExportCases(s.office.db, ids, { publicOnly: true });
  const docs = new Map(st96Bag([...full, ...publicCases]).map((d) => [d.right, d.xml]));
  const dir = mkdtempSync(join(tmpdir(), 'st96-'));
  return { s, n, markImage, views, specification, full, publicCases, docs, dir };
}

before(async () => {
  w = await buildWorld();
  // The independent check starts at once, in another process, one schema at a time (one core for it, the
  // other for the in-process validations); the cross-check test at the end collects it. Documents of the
  // same schema go to one xmllint run (one compilation), and so does a broken mark, which must fail.
  if (XMLLINT) {
    xmllintRuns = (async () => {
      const bySchema = new Map<string, string[]>();
      for (const [right, xml] of w.docs) {
        const file = join(w.dir, `${right}.xml`);
        writeFileSync(file, xml);
        const schema = schemaPath(ST96_SCHEMAS[rootSchema[right]]);
        bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
      }
      const broken = join(w.dir, 'broken.xml');
      writeFileSync(broken, withoutApplicationNumbers(w.docs.get('trademark')!));
      bySchema.get(schemaPath(ST96_SCHEMAS[rootSchema.trademark]))!.push(broken);
      const runs = [];
      for (const [schema, files] of bySchema) runs.push({ schema, files, ...(await xmllint(files, schema)) });
      return runs;
    })();
  }
});
after(async () => {
  if (!w) return;
  rmSync(w.dir, { recursive: true, force: true });
  await w.s.close();
});

const byNumber = (list: ExportCase[], n: string) => {
  const c = list.find((x) => x.number === n);
  assert.ok(c, `case ${n} exported`);
  return c;
};

// --- reading an exported document ------------------------------------------------------------------

const parse = (xml: string) => libxml.parseXml(xml, { nonet: true });
const texts = (node: libxml.Document | Element, xpath: string) => (node.find(xpath, NS) as Element[]).map((e) => e.text());
const text = (node: libxml.Document | Element, xpath: string) => {
  const all = texts(node, xpath);
  assert.equal(all.length, 1, `exactly one ${xpath}, found ${all.length}`);
  return all[0];
};
/** The record of one case in a stand-alone document of it. */
const recordOf = (c: ExportCase) => parse(st96Record(c));

/** The acts of a case's journal that published a legal-status event, in journal order. */
async function journalEvents(n: string): Promise<{ seq: number; type: string; office_date: string; event: any }[]> {
  return (await w.s.acts(n)).filter((a: any) => a.event) as any;
}

// --- validation ------------------------------------------------------------------------------------

const XMLLINT = spawnSync('xmllint', ['--version']).error ? null : 'xmllint';

/** xmllint's verdict on documents of one schema, run as a separate process. */
function xmllint(files: string[], schema: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(XMLLINT!, ['--noout', '--nonet', '--schema', schema, ...files]);
    let output = '';
    p.stdout.on('data', (b) => { output += b; });
    p.stderr.on('data', (b) => { output += b; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, output }));
  });
}

const rootSchema: Record<ExportRight, string> = {
  trademark: `{${NS.tmk}}TrademarkApplication`, design: `{${NS.dgn}}DesignApplicationBag`,
  patent: `{${NS.pat}}PatentLegalStatusData`, 'utility-model': `{${NS.pat}}PatentLegalStatusData`, gi: `{${NS.gin}}GITransaction`,
};

/** The document with no application number: the mark not yet registered then has no number at all. */
const withoutApplicationNumbers = (xml: string) => xml.replace(/<com:ApplicationNumber>.*?<\/com:ApplicationNumber>/g, '');

let xmllintRuns: Promise<{ schema: string; files: string[]; code: number | null; output: string }[]> | null = null;

test('every right through its life exports as one ST.96 V6_0 document per right, each valid against the official schema (full and public records in one bag)', async () => {
  assert.deepEqual([...w.docs.keys()].sort(), ['design', 'gi', 'patent', 'trademark', 'utility-model']);
  const counts: Record<string, number> = {};
  for (const [right, xml] of w.docs) {
    const doc = parse(xml);
    assert.equal(`{${doc.root()!.namespace()!.href()}}${doc.root()!.name()}`, rootSchema[right]);
    const result = validateSt96(xml);
    assert.deepEqual(result.errors, [], `${right}: ${result.errors.slice(0, 5).join('\n')}`);
    assert.equal(result.valid, true);
    counts[right] = [...w.full, ...w.publicCases].filter((c) => c.right === right).length;
  }
  // Each bag holds every record of its right: the full export of every case and the public export of the public ones.
  assert.deepEqual(counts, { trademark: 6, design: 3, patent: 5, 'utility-model': 3, gi: 2 });
  const tm = parse(w.docs.get('trademark')!);
  assert.deepEqual(texts(tm, '//tmk:Trademark/com:ApplicationNumber/com:ApplicationNumberText'),
    [w.n.tm, w.n.tmUnpublished, w.n.designation, w.n.tmIncomplete, /* public: */ w.n.tm, w.n.designation]);
  const gi = parse(w.docs.get('gi')!);
  assert.deepEqual(texts(gi, '//com:TransactionIdentifier'), [w.n.gi, `${w.n.gi}-events`, w.n.gi, `${w.n.gi}-events`]);
});

test('the validator rejects what the schema does not allow, and accepts WIPO\'s own example (in a validation process of its own, meanwhile)', async () => {
  const wipo = readFileSync(new URL('TrademarkApplication_Example.xml', WIPO_SAMPLES), 'utf8');
  const pool = new St96Validator();
  const oracle = pool.validate(wipo);
  const xml = w.docs.get('trademark')!;
  const broken = validateSt96(withoutApplicationNumbers(xml));
  assert.equal(broken.valid, false);
  assert.ok(broken.errors.some((e) => /ApplicationNumber/.test(e)), broken.errors.join('\n'));
  assert.deepEqual(validateSt96('<tmk:Trademark xmlns:tmk="urn:x"/>').valid, false);
  assert.match(validateSt96('<tmk:Trademark xmlns:tmk="urn:x"/>').errors[0], /no ST\.96 V6_0 document schema/);
  assert.match(validateSt96('<unclosed>').errors[0], /not well-formed/);
  // A document type declaration is refused before anything is compiled or read: no entity is expanded or fetched.
  const secret = join(w.dir, 'secret.xml');
  writeFileSync(secret, '<com:Injected xmlns:com="http://www.wipo.int/standards/XMLSchema/ST96/Common">SECRET</com:Injected>');
  const body = xml.slice(xml.indexOf('<tmk:TrademarkApplication')).replace('<tmk:MarkVerbalElementText>', '<tmk:MarkVerbalElementText>&e;');
  const entity = validateSt96(`<?xml version="1.0"?>\n<!DOCTYPE tmk:TrademarkApplication [<!ENTITY e SYSTEM "file://${secret}">]>\n${body}`);
  assert.equal(entity.valid, false);
  assert.match(entity.errors.join('\n'), /DOCTYPE/);
  assert.doesNotMatch(entity.errors.join('\n'), /SECRET|Injected/);
  try {
    const verdict = await oracle;
    assert.deepEqual([verdict.valid, verdict.errors], [true, []]);
    assert.ok(verdict.seconds > 0);
  } finally {
    await pool.close();
  }
});

test('trademark: numbers, dates, the mark and its image, Nice classes and terms, priority, parties, status, and every legal-status event in journal order', async () => {
  const c = byNumber(w.full, w.n.tm);
  const doc = recordOf(c);
  const t = doc.get('//tmk:Trademark', NS) as Element;
  assert.equal(text(t, 'com:RegistrationOfficeCode'), 'XX');
  assert.equal(text(t, 'com:ApplicationNumber/com:ApplicationNumberText'), w.n.tm);
  assert.equal(text(t, 'com:RegistrationNumber'), w.n.tm);
  assert.equal(text(t, 'com:ApplicationDate'), '2026-01-05');
  assert.equal(text(t, 'com:RegistrationDate'), '2026-04-08');
  assert.equal(text(t, 'com:ExpiryDate'), '2046-01-05', 'renewed in 2035: ten more years');
  assert.equal(text(t, 'com:ApplicationLanguageCode'), 'en');
  assert.equal(text(t, 'tmk:MarkCurrentStatusCode'), 'Registration published');
  assert.equal(text(t, 'tmk:MarkCurrentStatusDate'), '2026-04-08');
  assert.equal(text(t, 'tmk:MarkRepresentation/tmk:MarkFeatureCategory'), 'Combined');
  // The text as filed, less the control character XML 1.0 cannot carry.
  assert.equal(text(t, './/tmk:MarkVerbalElementText'), "L'ÉTÉ <Café> & \"Thé\"");
  assert.equal(text(t, './/tmk:MarkImage/com:FileName'), `${w.markImage}.png`);
  assert.equal(text(t, './/tmk:MarkImage/com:ImageFormatCategory'), 'PNG');
  assert.equal(text(t, './/tmk:MarkImageColourClaimedText'), 'red');
  assert.equal(text(t, './/tmk:MarkDescriptionText'), 'Red letters');
  assert.deepEqual(texts(t, 'tmk:GoodsServicesBag/tmk:GoodsServices/tmk:GoodsServicesClassificationBag/tmk:GoodsServicesClassification/tmk:ClassNumber'), ['30', '43']);
  assert.deepEqual(texts(t, './/tmk:ClassDescription[tmk:ClassNumber="30"]//tmk:ClassificationTermText'), ['coffee', 'tea']);
  assert.deepEqual(texts(t, './/tmk:ClassDescription[tmk:ClassNumber="43"]//tmk:ClassificationTermText'), ['cafés']);
  assert.deepEqual(texts(t, 'tmk:PriorityBag/tmk:Priority/*'), ['EM', '018000001', '2025-12-01', 'Claimed']);
  assert.deepEqual(texts(t, 'tmk:PublicationBag/tmk:Publication/com:PublicationDate'), ['2026-01-05', '2026-04-08']);
  // The transfer recorded in 2035 replaced the applicant.
  assert.deepEqual(texts(t, 'tmk:ApplicantBag/tmk:Applicant//com:OrganizationStandardName'), ['Nordic Roasters AB']);
  assert.deepEqual(texts(t, 'tmk:ApplicantBag/tmk:Applicant//com:PostalStructuredAddress/*'), ['Strandvägen 1, Stockholm', 'SE']);
  assert.equal(t.find('com:RepresentativeBag', NS).length, 0, 'the transfer named no representative: the old one stopped acting');

  const journal = await journalEvents(w.n.tm);
  const events = t.find('tmk:MarkEventBag/tmk:MarkEvent', NS) as Element[];
  assert.deepEqual(events.map((e) => [text(e, 'tmk:MarkEventCategory'), text(e, './/tmk:MarkEventCode'), text(e, 'tmk:MarkEventDate')]), [
    ['Filing date accorded', 'file', '2026-01-05'],
    ['Classification checked', 'approve-classification', '2026-01-05'],
    ['Application accepted', 'accept', '2026-01-05'],
    ['Application published', 'publish', '2026-01-05'],
    ['Registration published', 'register', '2026-04-08'],
    ['National prosecution history entry', 'renewal', '2035-08-01'],
    ['National assignment history entry', 'recordal-transfer', '2035-08-01'],
  ]);
  assert.deepEqual(events.map((e) => Number(text(e, './/tmk:MarkEventEntryNumber'))), journal.map((a) => a.seq), 'each event names its act in the journal');
  assert.deepEqual(events.map((e) => text(e, './/tmk:MarkEventDescriptionText')).slice(-2), ['Registration renewed', 'Recordal entered in the register']);
});

test('industrial design: each design with its Locarno class, views and status; parties; registration, renewal and the ST.87 events', async () => {
  const c = byNumber(w.full, w.n.design);
  const a = recordOf(c).get('//dgn:DesignApplication', NS) as Element;
  assert.equal(a.attr('st96Version')?.value(), 'V6_0');
  assert.equal(text(a, 'com:ApplicationNumber/com:ApplicationNumberText'), w.n.design);
  assert.equal(text(a, 'dgn:DesignTotalQuantity'), '2');
  assert.equal(text(a, 'com:ApplicationDate'), '2026-01-05');
  const designs = a.find('dgn:DesignBag/dgn:Design', NS) as Element[];
  assert.deepEqual(designs.map((d) => text(d, 'dgn:DesignIdentifier')), ['1', '2']);
  assert.deepEqual(designs.map((d) => text(d, 'dgn:DesignTitleText')), ['Coffee cups', 'Saucers']);
  assert.deepEqual(designs.map((d) => text(d, 'com:RegistrationNumber')), [w.n.design, w.n.design]);
  assert.deepEqual(designs.map((d) => text(d, 'com:RegistrationDate')), ['2026-01-05', '2026-01-05']);
  assert.deepEqual(designs.map((d) => text(d, 'com:ExpiryDate')), ['2036-01-05', '2036-01-05'], 'renewed in 2030 for 5 more years');
  assert.deepEqual(designs.map((d) => text(d, 'dgn:DesignCurrentStatusCategory')), ['Registered', 'Registered']);
  assert.deepEqual(designs.map((d) => texts(d, './/com:LocarnoClassification/*[not(self::com:LocarnoSubclassBag)] | .//com:LocarnoSubclass')), [['07', '01'], ['07', '01']]);
  assert.deepEqual(designs.map((d) => text(d, './/dgn:View/com:FileName')), w.views.map((v) => `${v}.png`));
  assert.equal(text(designs[0], 'dgn:DesignDescriptionText'), 'A conical cup');
  assert.deepEqual(texts(designs[0], 'dgn:PriorityBag/dgn:Priority/*'), ['IT', '402025000123456', '2025-11-20', 'Claimed']);
  assert.deepEqual(texts(designs[0], 'dgn:DesignerBag/dgn:Designer//com:PersonFullName'), ['Lea Marin']);
  assert.deepEqual(texts(a, 'dgn:ApplicantBag/dgn:Applicant//com:OrganizationStandardName'), [AURORA.name]);
  assert.deepEqual(texts(a, 'com:RepresentativeBag/com:Representative//com:PersonFullName'), [COUNSEL.name]);
  const journal = await journalEvents(w.n.design);
  assert.deepEqual(journal.map((e) => e.event.category), ['Registered']);
  for (const d of designs) {
    assert.deepEqual((d.find('dgn:DesignEventBag/dgn:DesignEvent', NS) as Element[]).map((e) => [text(e, 'dgn:DesignEventCategory'), text(e, 'dgn:DesignEventDate'), text(e, 'com:CommentText')]),
      [['Registered', '2026-01-05', 'Designs registered (and published, unless publication is deferred)']]);
  }
});

test('patent: application, publication and grant identification; ST.27 events in order with state, stages, key and detailed codes; bibliographic data with the filing and the grant', async () => {
  const c = byNumber(w.full, w.n.patent);
  const p = recordOf(c).get('//pat:PatentLegalStatus', NS) as Element;
  assert.deepEqual(texts(p, 'pat:ApplicationIdentification/*'), ['XX', w.n.patent, 'en', 'National', '2026-01-05']);
  assert.deepEqual(texts(p, 'pat:PatentPublicationIdentification/*'), ['XX', w.n.patent, '2026-01-06']);
  assert.deepEqual(texts(p, 'pat:PatentGrantIdentification/*'), ['XX', w.n.patent, '2026-01-06']);
  assert.equal(text(p, 'com:IPRightKindCategory'), 'Patent for invention');
  const events = p.find('pat:StatusEventDataBag/pat:StatusEventData', NS) as Element[];
  const code = (e: Element) => texts(e, 'pat:StatusEventCode/*');
  assert.deepEqual(events.map((e) => [...code(e), text(e, 'com:EventDate'), text(e, 'com:EffectiveDate')]), [
    ['A', '0', '1', 'A10', 'A12', 'file', '2026-01-05', '2026-01-05'],
    ['A', '2', '2', 'D10', 'D14', 'issue-search-report', '2026-01-05', '2026-01-05'],
    ['A', '2', '2', 'Q10', 'Q12', 'publish-application', '2026-01-06', '2026-01-06'],
    ['A', '2', '2', 'D10', 'D22', 'decide-grant', '2026-01-06', '2026-01-06'],
    ['A', '2', '4', 'F10', 'F11', 'grant', '2026-01-06', '2026-01-06'],
    ['A', '4', '4', 'U10', 'U11', 'pay-annuity', '2029-11-02', '2029-11-02'],
    ['A', '4', '4', 'S10', 'S14', 'enter-recordal', '2029-11-02', '2029-11-02'],
  ]);
  const journal = await journalEvents(w.n.patent);
  assert.deepEqual(events.map((e) => text(e, 'com:StatusEventIdentifier')), journal.map((a) => `${w.n.patent}-${a.seq}`));
  const filing = events[0].get('pat:ApplicationFilingEventData', NS) as Element;
  assert.equal(text(filing, 'pat:InventionTitle'), 'Compostable coffee capsule');
  assert.deepEqual(texts(filing, 'pat:ApplicantBag/pat:Applicant//com:OrganizationStandardName'), [AURORA.name]);
  assert.deepEqual(texts(filing, 'pat:PriorityApplicationIdentification/*'), ['DE', '10 2025 000 001.1', '2025-04-02']);
  const grant = events[4].get('pat:IPRightGrantEventData', NS) as Element;
  assert.deepEqual(texts(grant, 'pat:OwnerBag/pat:Owner//com:OrganizationStandardName'), [AURORA.name]);
  assert.deepEqual(texts(grant, 'pat:InventorBag/pat:Inventor//com:PersonFullName'), [INVENTOR.name]);
  assert.deepEqual(texts(grant, 'pat:InventorBag/pat:Inventor/com:NationalityCode'), ['DE']);
  assert.deepEqual(texts(events[2], 'pat:DocumentPublicationEventData/pat:PatentPublicationIdentification/*'), ['XX', w.n.patent, '2026-01-06']);
});

test('utility model: its own right kind and the ST.27 events of registration, publication and maintenance', async () => {
  const c = byNumber(w.full, w.n.um);
  const p = recordOf(c).get('//pat:PatentLegalStatus', NS) as Element;
  assert.equal(text(p, 'com:IPRightKindCategory'), 'Utility model');
  assert.deepEqual(texts(p, 'pat:PatentGrantIdentification/*'), ['XX', w.n.um, '2026-01-05']);
  assert.deepEqual((p.find('.//pat:StatusEventData', NS) as Element[]).map((e) => texts(e, 'pat:StatusEventCode/pat:KeyEventCode | pat:StatusEventCode/pat:DetailedEventCode | com:EventDate').join(' ')), [
    'A10 A12 2026-01-05', 'F10 F12 2026-01-05', 'Q10 Q13 2026-01-05', 'U10 U11 2028-08-01',
  ]);
});

test('geographical indication: name, product, area, link to origin, category, specification, status, and each event as a GI record', async () => {
  const c = byNumber(w.full, w.n.gi);
  const doc = recordOf(c);
  const a = doc.get('//gin:GIApplication', NS) as Element;
  const d = a.get('gin:GIData', NS) as Element;
  assert.equal(d.attr('officeCode')?.value(), 'XX');
  assert.deepEqual(texts(d, 'com:ApplicationNumber/com:ApplicationNumberText | com:ApplicationDate | com:RegistrationNumber | com:RegistrationDate'), [w.n.gi, '2026-01-05', w.n.gi, '2026-04-08']);
  assert.equal(text(d, 'gin:GINameBag/gin:GINameText'), 'Café de Porto Alto');
  assert.equal((d.get('gin:GINameBag/gin:GINameText', NS) as Element).attr('languageCode')?.value(), 'pt');
  assert.equal(text(d, 'gin:GINameBag/gin:GINameTranslationText'), 'Port Town Highland Coffee');
  assert.deepEqual(texts(d, 'gin:ProductIndicationBag//tmk:ClassNumber | gin:ProductIndicationBag/gin:ProductCategory'), ['30', 'Coffee']);
  assert.equal(text(d, 'gin:GeographicRegionDescriptionBag/gin:GeographicRegionDescription/gin:GeographicRegionDescriptionText'), 'The highland districts above Port Town');
  assert.equal(text(d, 'gin:GeographicRegionDescriptionBag/gin:CausalInteractionText'), 'Volcanic soil and cool nights give the beans their acidity.');
  assert.equal(text(d, 'gin:GICategory'), 'Geographical Indication');
  assert.equal(text(d, 'gin:GIStatusCategory'), 'Registered');
  assert.equal(text(d, 'gin:GIPublicationBag/gin:GIPublication/com:PublicationDate'), '2026-01-05');
  assert.equal(text(a, 'com:DocumentIncludedBag/com:DocumentIncluded/com:FileName'), `${w.specification}.pdf`);
  assert.deepEqual(texts(a, 'gin:ApplicantBag/gin:Applicant//com:OrganizationStandardName'), ['Port Town Coffee Growers Association']);
  const records = doc.find('//gin:GIRecordBag/gin:GIRecord/*', NS) as Element[];
  assert.deepEqual(records.map((r) => [r.name(), text(r, 'gin:GIRecordReasonText'), text(r, 'com:RecordEventDate'), text(r, 'com:RecordIdentifier')]), (await journalEvents(w.n.gi)).map((e, i) => [
    ['GIChangeRecord', 'GIChangeRecord', 'GIChangeRecord', 'GIRegistrationRecord'][i], e.event.category, e.office_date, `${w.n.gi}-${e.seq}`,
  ]));
  assert.deepEqual(records.map((r) => text(r, 'gin:GIRecordReasonText')), ['Filing date accorded', 'Application accepted', 'Application published', 'Registration published']);
});

test('edge cases: a Madrid designation, applications without a filing date, a withdrawn application, a conversion', () => {
  const designation = recordOf(byNumber(w.full, w.n.designation)).get('//tmk:Trademark', NS) as Element;
  assert.equal(text(designation, 'tmk:InternationalMarkIdentifierBag/tmk:InternationalMarkIdentifier'), '1234567');
  assert.equal(text(designation, 'com:ApplicationDate'), '2035-06-15', 'the designation has effect from the date of the international registration');
  assert.deepEqual(texts(designation, 'tmk:ApplicantBag/tmk:Applicant//com:OrganizationStandardName'), ['Fjord Foods AS'], 'the holder of the international registration');
  assert.deepEqual(texts(designation, './/tmk:MarkEventCategory | .//tmk:MarkEventCode'), ['Domestic international application history entry', 'designation-received']);

  const incomplete = recordOf(byNumber(w.full, w.n.tmIncomplete)).get('//tmk:Trademark', NS) as Element;
  assert.equal(incomplete.find('com:ApplicationDate | tmk:GoodsServicesBag', NS).length, 0, 'no filing date, no goods and services yet');
  assert.equal(text(incomplete, 'tmk:MarkCurrentStatusCode'), 'Application Filed');

  // A patent application received without a description has no legal-status event yet: its receipt, as ST.27 A00.
  const received = recordOf(byNumber(w.full, w.n.patentIncomplete)).get('//pat:PatentLegalStatus', NS) as Element;
  assert.deepEqual((received.find('.//pat:StatusEventData', NS) as Element[]).map((e) => texts(e, 'pat:StatusEventCode/* | com:EventDate')), [['A', '0', '1', 'A00', 'A00', '2035-08-01']]);
  assert.equal(received.find('pat:ApplicationIdentification/pat:FilingDate', NS).length, 0);

  const withdrawn = recordOf(byNumber(w.full, w.n.patentWithdrawn)).get('//pat:PatentLegalStatus', NS) as Element;
  const last = (withdrawn.find('.//pat:StatusEventData', NS) as Element[]).at(-1)!;
  assert.deepEqual(texts(last, 'pat:StatusEventCode/*'), ['T', '1', '6', 'B10', 'B11', 'withdraw']);
  assert.deepEqual(texts(last, 'pat:ApplicationDiscontinuationEventData/com:ReasonNotInForceCategory | pat:ApplicationDiscontinuationEventData/com:NotInForceDate'), ['Withdrawn', '2035-08-01']);

  const converted = recordOf(byNumber(w.full, w.n.patentConverted)).get('//pat:PatentLegalStatus', NS) as Element;
  assert.deepEqual(texts((converted.find('.//pat:StatusEventData', NS) as Element[]).at(-1)!, 'pat:StatusEventCode/*'), ['T', '1', '6', 'A10', 'A19', 'convert-to-utility-model']);
  const um = recordOf(byNumber(w.full, w.n.umConverted)).get('//pat:PatentLegalStatus', NS) as Element;
  assert.equal(text(um, 'com:IPRightKindCategory'), 'Utility model');
  assert.deepEqual(texts(um, 'pat:RelatedApplicationIdentification/*'), ['XX', w.n.patentConverted, '2035-08-01']);
  assert.deepEqual(texts(um, './/pat:StatusEventCode/pat:DetailedEventCode'), ['A21'], 'filed by conversion');
});

test('a public export holds only public cases, and of them only what the register publishes', async () => {
  const numbers = w.publicCases.map((c) => c.number).sort();
  assert.deepEqual(numbers, [w.n.tm, w.n.design, w.n.patent, w.n.um, w.n.gi, w.n.designation].sort(), 'the unpublished applications and the design whose publication is deferred are left out');
  assert.ok(w.full.some((c) => c.number === w.n.tmUnpublished) && w.full.some((c) => c.number === w.n.designDeferred), 'the office export has them');

  const full = recordOf(byNumber(w.full, w.n.tm));
  const pub = recordOf(byNumber(w.publicCases, w.n.tm));
  // Contact details: the office sees the address; the public the name and the country.
  assert.equal(full.find('//tmk:Applicant/com:Contact//com:PostalStructuredAddress', NS).length, 1);
  assert.equal(pub.find('//com:PostalAddressBag | //com:EmailAddressBag', NS).length, 0);
  assert.deepEqual(texts(pub, '//tmk:Applicant/com:PublicationContact/*'), ['Nordic Roasters AB', 'SE']);
  // Data the procedure does not publish (the language of the filing) stays with the office.
  assert.equal(texts(full, '//com:ApplicationLanguageCode').length, 1);
  assert.equal(texts(pub, '//com:ApplicationLanguageCode').length, 0);
  // What is published is the same.
  for (const x of ['//com:ExpiryDate', '//tmk:MarkVerbalElementText', '//tmk:MarkImage/com:FileName', '//tmk:ClassificationTermText', '//tmk:MarkEventCategory']) {
    assert.deepEqual(texts(pub, x), texts(full, x), x);
  }
  const patentFull = recordOf(byNumber(w.full, w.n.patent));
  const patentPub = recordOf(byNumber(w.publicCases, w.n.patent));
  assert.ok(patentFull.find('//pat:Inventor/com:Contact//com:PostalStructuredAddress', NS).length === 1, 'the inventor\'s address, for the office');
  assert.equal(patentPub.find('//pat:Inventor/com:PublicationContact', NS).length, 1);
  assert.equal(patentPub.find('//com:PostalAddressBag | //com:EmailAddressBag', NS).length, 0);
  // The representative's e-mail is contact detail too.
  assert.ok(st96Record(byNumber(w.full, w.n.design)).includes(COUNSEL.email));
  for (const c of w.publicCases) assert.ok(!st96Record(c).includes('@'), `${c.number}: no e-mail address in a public export`);
});

/** An XML element as the ST.97 rules make it JSON, with every element an array (so counts are compared too). */
function mirror(e: Element): unknown {
  const attrs: Record<string, string> = {};
  for (const a of e.attrs()) if (!a.name().startsWith('xmlns')) attrs[a.name()] = a.value();
  const children = e.childNodes().filter((n) => n.type() === 'element') as Element[];
  if (!children.length) return Object.keys(attrs).length ? { ...attrs, value: e.text() } : e.text();
  const o: Record<string, unknown> = { ...attrs };
  for (const c of children) ((o[c.name()] ??= []) as unknown[]).push(mirror(c));
  return o;
}
/**
 * The JSON export in the same form: every element an array, every value text. ST.96 names elements in
 * UpperCamelCase and attributes in lowerCamelCase, so a key's case tells which it is.
 */
function canonical(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return String(v);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    out[k] = /^[a-z]/.test(k) ? String(x) : (Array.isArray(x) ? x : [x]).map(canonical);
  }
  return out;
}

test('the JSON export mirrors the XML document exactly: element names without prefixes as keys, the same nesting, repeating elements as arrays', () => {
  for (const c of [...w.full, ...w.publicCases]) {
    const root = parse(st96Record(c)).root()!;
    const json = st96Json(c);
    assert.deepEqual(Object.keys(json), [root.name()]);
    assert.deepEqual(canonical(json), { [root.name()]: [mirror(root)] }, `${c.number} (${c.publicOnly ? 'public' : 'office'})`);
  }
  // A repeating element is an array even when it occurs once; a single one is an object.
  const tm = st96Json(byNumber(w.full, w.n.tm)) as any;
  const mark = tm.TrademarkApplication.TrademarkBag.Trademark;
  assert.ok(Array.isArray(mark) && mark.length === 1);
  assert.ok(Array.isArray(mark[0].MarkEventBag.MarkEvent) && mark[0].MarkEventBag.MarkEvent.length === 7);
  assert.equal(mark[0].ApplicationNumber.ApplicationNumberText, w.n.tm);
  assert.deepEqual(mark[0].ApplicantBag.Applicant[0].sequenceNumber, 1);
  const um = st96Json(byNumber(w.full, w.n.um)) as any;
  assert.ok(Array.isArray(um.PatentLegalStatusData.PatentLegalStatus));
  assert.ok(Array.isArray(um.PatentLegalStatusData.PatentLegalStatus[0].PatentGrantIdentification));
});

test('text is escaped for XML, and characters XML 1.0 forbids are dropped', () => {
  assert.equal(escapeXml(`a & b < c > d " e ' f`), 'a &amp; b &lt; c &gt; d &quot; e &apos; f');
  assert.equal(escapeXml('bell\u0007 nul\u0000 ok\ttab\nline'), 'bell nul ok\ttab\nline');
  assert.equal(escapeXml('lone \uD800 surrogate, pair \uD83D\uDE00, \uFFFE'), 'lone  surrogate, pair \uD83D\uDE00, ');
  assert.equal(escapeXml('plain text'), 'plain text');
  // The mark's text (with quotes, an ampersand, angle brackets and a bell) went through the valid trademark bag above.
  assert.ok(w.docs.get('trademark')!.includes('L&apos;ÉTÉ &lt;Café&gt; &amp; &quot;Thé&quot;</tmk:MarkVerbalElementText>'));
});

test('HTTP: the public register serves a public case as ST.96 XML and JSON, a case not public is not found; office staff get any case with full data', async () => {
  const app = await w.s.office.http();
  await w.s.office.user('st96-examiner', 'examiner');
  await w.s.office.user('st96-agent', 'agent', 'Agent Ltd');
  const xml = await app.inject({ method: 'GET', url: `/api/v1/register/${w.n.tm}/st96.xml` });
  assert.equal(xml.statusCode, 200, xml.body.slice(0, 500));
  assert.equal(xml.headers['content-type'], 'application/xml; charset=utf-8');
  assert.equal(xml.body, st96Record(byNumber(w.publicCases, w.n.tm)));
  const json = await app.inject({ method: 'GET', url: `/api/v1/register/${w.n.patent}/st96.json` });
  assert.equal(json.statusCode, 200);
  assert.match(String(json.headers['content-type']), /^application\/json/);
  assert.deepEqual(json.json(), st96Json(byNumber(w.publicCases, w.n.patent)));

  expectProblem(await app.inject({ method: 'GET', url: `/api/v1/register/${w.n.tmUnpublished}/st96.xml` }), 404, 'CASE_NOT_FOUND');
  expectProblem(await app.inject({ method: 'GET', url: `/api/v1/register/${w.n.designDeferred}/st96.json` }), 404, 'CASE_NOT_FOUND');
  expectProblem(await app.inject({ method: 'GET', url: '/api/v1/register/TM-1999-999999/st96.xml' }), 404, 'CASE_NOT_FOUND');

  const staffUrl = `/api/v1/cases/${w.n.tmUnpublished}/st96.xml`;
  expectProblem(await app.inject({ method: 'GET', url: staffUrl }), 401, 'UNAUTHENTICATED');
  const agent = await login(app, 'st96-agent');
  expectProblem(await agent.get(staffUrl), 403, 'FORBIDDEN');
  const examiner = await login(app, 'st96-examiner');
  const staff = await examiner.get(staffUrl);
  assert.equal(staff.statusCode, 200, staff.body.slice(0, 500));
  assert.equal(staff.headers['content-type'], 'application/xml; charset=utf-8');
  assert.equal(staff.body, st96Record(byNumber(w.full, w.n.tmUnpublished)));
  const id = (await w.s.row(w.n.tm)).id;
  const staffJson = await examiner.get(`/api/v1/cases/${id}/st96.json`);
  assert.equal(staffJson.statusCode, 200);
  assert.deepEqual(staffJson.json(), st96Json(byNumber(w.full, w.n.tm)));
  assert.ok(JSON.stringify(staffJson.json()).includes('Strandvägen 1, Stockholm'), 'full data: the holder\'s address');
  const rc = (await w.s.office.db.query<{ number: string }>("SELECT number FROM cases WHERE right_kind = 'recordal' LIMIT 1")).rows[0].number;
  expectProblem(await examiner.get(`/api/v1/cases/${rc}/st96.xml`), 404, 'ST96_NOT_AVAILABLE');
  expectProblem(await examiner.get('/api/v1/cases/XX-0000/st96.json'), 404, 'CASE_NOT_FOUND');

  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  for (const path of ['/api/v1/register/{number}/st96.xml', '/api/v1/register/{number}/st96.json', '/api/v1/cases/{id}/st96.xml', '/api/v1/cases/{id}/st96.json']) {
    assert.ok(spec.paths[path]?.get, `OpenAPI documents ${path}`);
  }
  assert.ok(spec.paths['/api/v1/register/{number}/st96.json'].get.responses['200'].content['application/json'].schema.example, 'the JSON shape is shown by an example');
});

test('cross-check: the system xmllint validates the document of every right against the same schemas', async (t) => {
  if (!XMLLINT) {
    if (process.env.CI) assert.fail('xmllint (libxml2-utils) must be installed in CI: the cross-check cannot be skipped there');
    t.skip('xmllint is not installed');
    return;
  }
  assert.ok(xmllintRuns, 'the xmllint runs were started with the world');
  const runs = await xmllintRuns;
  const verdicts = new Map<string, string>();
  for (const r of runs) {
    for (const f of r.files) {
      const verdict = r.output.includes(`${f} validates`) ? 'validates' : r.output.includes(`${f} fails to validate`) ? 'fails' : 'no verdict';
      verdicts.set(f.slice(f.lastIndexOf('/') + 1), verdict);
    }
  }
  assert.deepEqual(Object.fromEntries([...verdicts].sort()), {
    'broken.xml': 'fails', 'design.xml': 'validates', 'gi.xml': 'validates', 'patent.xml': 'validates', 'trademark.xml': 'validates', 'utility-model.xml': 'validates',
  }, runs.map((r) => r.output.slice(0, 1500)).join('\n'));
  assert.equal(runs.length, 4, 'patents and utility models share one schema');
});
