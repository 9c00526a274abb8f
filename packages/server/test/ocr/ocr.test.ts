// OCR of incoming scans by the worker, on a real office: a patent description scanned to PDF (pages of
// typeset text rasterised by pdftoppm, the JPEGs put back into a PDF) is read page by page by Tesseract
// with the shipped English and French data; its text is kept beside the bytes (read once, however many
// cases file it) with its confidence, searched by office staff, and shown to whoever may see the
// document: the agent, not a rival, and the public only once the application is published and only for
// the documents the register publishes. A typeset PDF needs no OCR; a multi-page TIFF is read page by
// page; an image that is not one is tried three times with backoff and then marked failed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { ConfigError, loadConfig } from '../../src/app/config.ts';
import { solidPng } from '../../src/app/demo-files.ts';
import { MAX_ATTEMPTS, RETRY_AFTER_SECONDS } from '../../src/modules/ocr/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, type Client } from '../http/helpers.ts';
import { cast, scene, type Cast } from '../gazette/scene.ts';
import { greyTiff, hasPdftoppm, imagePdf, rasterise, readPgm, requirePdftoppm, scannedPdf, typesetPdf } from './scans.ts';

const DESCRIPTION = [
  ['Fluid bed coffee roaster', 'The beans float on a column of heated air that rises through a perforated distributor plate.', 'A thermocouple in the roasting chamber reports the temperature every second, and the controller adjusts the burner.'],
  ['The chaff is carried away by the exhaust air and collected in a cyclone.', 'Claims: a coffee roaster in which the beans are carried by heated air through a perforated distributor plate.'],
];
const REPORT = [['Search report', 'Torréfacteur à lit fluidisé : les grains flottent sur une colonne d\'air chaud.', 'Cited document: a drum roaster with a rotating cylinder.']];
const FAX = [['Letter of the applicant', 'We enclose the signed declaration of the inventor.'], ['Second sheet', 'The priority document follows by registered mail.']];

let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let s: ReturnType<typeof scene>;
let agent: Client, rival: Client, examiner: Client, anonymous: Client;
const sha: Record<string, string> = {};
let patent = ''; let um = ''; let typesetCase = '';

const words = (t: string) => t.toLowerCase().normalize('NFC').match(/[\p{L}]{3,}/gu) ?? [];
/** The share of the source's words (3 letters or more) found in what was read. */
function recall(source: string[][], read: string): number {
  const got = new Set(words(read));
  const want = words(source.flat().join(' '));
  return want.filter((w) => got.has(w)).length / want.length;
}
const text = (c: Client, caseNo: string, h: string) => c.get(`/api/v1/cases/${caseNo}/documents/${h}/text`);
const row = async (h: string) => (await office.db.query<any>('SELECT * FROM ocr_texts WHERE sha256 = $1', [h])).rows[0];

/** Runs worker passes until none of these documents is pending (a pass may leave a long one reading in the background). */
async function workUntilRead(hashes: string[], seconds = 240) {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    await office.work();
    const { rows } = await office.db.query<{ n: number }>("SELECT count(*)::int AS n FROM ocr_texts WHERE sha256 = ANY($1) AND status <> 'pending'", [hashes]);
    if (rows[0].n === hashes.length) return;
    if (Date.now() > until) assert.fail(`not read within ${seconds} s: ${JSON.stringify((await office.db.query('SELECT sha256, status, attempts, last_error FROM ocr_texts')).rows)}`);
    await sleep(200);
  }
}

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  people = await cast(office);
  await office.user('rival', 'agent', 'Rival & Co');
  s = scene(office, people);
  [agent, rival, examiner] = await Promise.all(['agent', 'rival', 'examiner'].map((u) => login(app, u)));
  anonymous = client(app, null);
});
after(async () => { await office?.shutdown(); });

test('the OCR settings: on by default with English and French; a language without its data package stops the start', () => {
  const base = { REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://' };
  assert.deepEqual(loadConfig(base).ocr, { enabled: true, languages: ['eng', 'fra'] });
  assert.deepEqual(loadConfig({ ...base, OCR_LANGUAGES: 'eng' }).ocr, { enabled: true, languages: ['eng'] });
  assert.deepEqual(loadConfig({ ...base, OCR: 'off', OCR_LANGUAGES: 'klingon' }).ocr, { enabled: false, languages: [] });
  assert.throws(() => loadConfig({ ...base, OCR_LANGUAGES: 'eng+deu' }), (e: any) => e instanceof ConfigError && /OCR_LANGUAGES.*'deu'.*installed: .*eng/.test(e.message));
  assert.throws(() => loadConfig({ ...base, OCR: 'yes' }), (e: any) => e instanceof ConfigError && /OCR must be one of on, off/.test(e.message));
});

test('scanned PDFs and a multi-page TIFF are read by the worker, page by page, with their confidence; a typeset PDF needs no OCR', async (t) => {
  if (!requirePdftoppm(t)) return;
  const description = await scannedPdf(DESCRIPTION);
  const report = await scannedPdf(REPORT);
  sha.description = (await s.store(description)).sha256;
  sha.report = (await s.store(report)).sha256;
  const applicant = { kind: 'legal', name: 'Aurora Roasters SA', country: 'XX', address: '1 Quay Street' };
  const inventor = { kind: 'natural', name: 'Ada Brewer', country: 'XX' };
  patent = await s.fileAndPay('patent', {
    applicants: [applicant], inventors: [inventor], title: 'Fluid-bed coffee roaster', abstract: 'A roaster in which the beans float on heated air.',
    description: { sha256: sha.description }, claims: ['1. A coffee roaster with a fluid bed.'], requestExamination: true,
  });
  await s.act(people.formalities, patent, 'accept-formalities');
  await s.act(people.examiner, patent, 'issue-search-report', { report: { sha256: sha.report }, citations: [{ document: 'US 2019/0123456 A1', category: 'A', claims: [1] }] });
  // The same description filed again, in a utility model: the same bytes, read once.
  um = await s.fileAndPay('utility-model', {
    applicants: [applicant], inventors: [inventor], title: 'Fluid-bed roaster (utility model)', abstract: 'Beans on heated air.',
    description: { sha256: sha.description }, claims: ['1. A coffee roaster with a fluid bed.'],
  });
  sha.typeset = (await s.store(await typesetPdf(DESCRIPTION))).sha256;
  typesetCase = await s.fileAndPay('patent', {
    applicants: [applicant], inventors: [inventor], title: 'Roaster, typeset', abstract: 'Typeset.', description: { sha256: sha.typeset }, claims: ['1. A roaster.'],
  });
  // A two-page fax as a TIFF (no act takes TIFF yet: filed here as the documents table has it).
  const pages = rasterise(await typesetPdf(FAX), { format: 'gray' }).map(readPgm);
  const tiff = greyTiff(pages, { rowsPerStrip: 64 });
  sha.tiff = (await s.store(tiff)).sha256;
  // A scan whose second page's image data is damaged (its zlib header overwritten): the first page is still read.
  const [goodPage] = rasterise(await typesetPdf([FAX[0]]), { format: 'jpeg' });
  const damaged = await imagePdf([goodPage, solidPng(300, 300, [250, 250, 250])]);
  const latin = damaged.toString('latin1');
  const image = [...latin.matchAll(/\/Subtype \/Image[^]*?stream\n/g)].find((m) => m[0].includes('/FlateDecode'))!;
  const at = image.index! + image[0].length;
  damaged[at] = 0; damaged[at + 1] = 0;
  sha.damaged = (await s.store(damaged)).sha256;
  const { rows: [c] } = await office.db.query<{ id: string }>('SELECT id FROM cases WHERE number = $1', [patent]);
  const file = async (h: string, type: string, size: number, title: string) => office.db.query(
    `INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title)
     VALUES ($1, $2, NULL, 'response-document', 'incoming', $3, $4, $5, $6)`, [randomUUID(), c.id, type, h, size, title]);
  await file(sha.tiff, 'image/tiff', tiff.length, 'Letter (fax)');
  await file(sha.damaged, 'application/pdf', damaged.length, 'Letter (damaged scan)');

  // Before the worker: known, not read.
  const pending = ok(await text(agent, patent, sha.description));
  assert.deepEqual([pending.status, pending.text, pending.confidence], ['pending', null, null]);

  await workUntilRead([sha.description, sha.report, sha.typeset, sha.tiff, sha.damaged]);

  const read = ok(await text(agent, patent, sha.description));
  assert.equal(read.status, 'done');
  assert.match(read.text, /perforated distributor plate/i);
  assert.match(read.text, /thermocouple/i);
  assert.ok(read.text.indexOf('thermocouple') < read.text.indexOf('cyclone'), 'pages in order');
  assert.ok(recall(DESCRIPTION, read.text) >= 0.9, `words read: ${recall(DESCRIPTION, read.text)}\n${read.text}`);
  assert.ok(read.confidence > 75 && read.confidence <= 100, `confidence ${read.confidence}`);
  assert.equal(read.pages.length, 2);
  for (const p of read.pages) {
    assert.ok(p.chars > 50, `page ${p.page} chars`);
    assert.ok(p.confidence > 70, `page ${p.page} confidence ${p.confidence}`);
    assert.equal(p.note, null);
  }
  assert.equal(read.languages, 'eng+fra');
  assert.match(read.engine, /^tesseract\.js 7\.\d+\.\d+ \(Tesseract 5\./);
  assert.ok(!('error' in read), 'the failure detail is for office staff');
  assert.match(read.readAt, /^\d{4}-\d\d-\d\dT/);

  // Read once for both cases that filed it.
  const r = await row(sha.description);
  assert.deepEqual([r.attempts, r.pages, r.status], [1, 2, 'done']);
  assert.equal(ok(await text(agent, um, sha.description)).text, read.text);

  const fr = ok(await text(agent, patent, sha.report));
  assert.match(fr.text, /Torréfacteur [aà] lit fluidisé/, fr.text);
  assert.match(fr.text, /colonne d.air chaud/);

  const typeset = ok(await text(agent, typesetCase, sha.typeset));
  assert.deepEqual([typeset.status, typeset.text, typeset.confidence], ['not-needed', null, null]);
  assert.match(typeset.note, /text layer/);

  const fax = ok(await text(examiner, patent, sha.tiff));
  assert.equal(fax.status, 'done');
  assert.equal(fax.pages.length, 2);
  assert.match(fax.text, /signed declaration of the inventor[\s\S]*registered mail/);
  assert.ok(fax.confidence > 75, `fax confidence ${fax.confidence}`);

  const part = ok(await text(examiner, patent, sha.damaged));
  assert.equal(part.status, 'done');
  assert.match(part.text, /signed declaration of the inventor/);
  assert.deepEqual(part.pages.map((p: any) => [p.page, p.chars > 0, p.note?.replace(/\(.*/, '')]), [[1, true, undefined], [2, false, 'image not read: damaged compressed stream ']]);
  assert.match(part.note, /^page 2: damaged compressed stream/);
  assert.equal(part.attempts, 1, 'a damaged page is noted, not retried');
});

test('office staff search the text: words, phrases and exclusions, with the case, the document and a passage', async (t) => {
  if (!hasPdftoppm) { requirePdftoppm(t); return; }
  const found = ok(await examiner.get('/api/v1/documents/search?q=perforated%20distributor'));
  assert.equal(found.query, 'perforated distributor');
  const cases = found.items.map((i: any) => i.case.number).sort();
  assert.deepEqual(cases, [patent, um].sort(), 'the scanned description, in both cases; not the typeset one (not read)');
  const item = found.items.find((i: any) => i.case.number === patent);
  assert.deepEqual(item.document, { kind: 'description', title: 'Description', mediaType: 'application/pdf', sha256: sha.description });
  assert.equal(item.case.right, 'patent');
  assert.match(item.snippet, /\*\*perforated\*\* \*\*distributor\*\*/);
  assert.ok(item.confidence > 75);

  const phrase = ok(await examiner.get(`/api/v1/documents/search?q=${encodeURIComponent('"registered mail"')}`));
  assert.deepEqual(phrase.items.map((i: any) => [i.case.number, i.document.sha256]), [[patent, sha.tiff]]);
  const fr = ok(await examiner.get(`/api/v1/documents/search?q=${encodeURIComponent('fluidisé')}`));
  assert.deepEqual(fr.items.map((i: any) => i.document.kind), ['report']);
  const not = ok(await examiner.get(`/api/v1/documents/search?q=${encodeURIComponent('roaster -cyclone')}`));
  assert.ok(not.items.every((i: any) => i.document.sha256 !== sha.description), 'the description mentions a cyclone');
  assert.ok(not.items.some((i: any) => i.document.sha256 === sha.report));
  assert.equal(ok(await examiner.get('/api/v1/documents/search?q=perforated&limit=1')).items.length, 1);
  assert.deepEqual(ok(await examiner.get('/api/v1/documents/search?q=zeppelin')).items, []);

  expectProblem(await examiner.get('/api/v1/documents/search?q=%22%21%21%22'), 400, 'OCR_QUERY_EMPTY');
  expectProblem(await examiner.get('/api/v1/documents/search'), 400, 'VALIDATION_FAILED');
  expectProblem(await examiner.get('/api/v1/documents/search?q=a&limit=500'), 400, 'VALIDATION_FAILED');
  expectProblem(await agent.get('/api/v1/documents/search?q=perforated'), 403, 'FORBIDDEN');
  expectProblem(await anonymous.get('/api/v1/documents/search?q=perforated'), 401, 'UNAUTHENTICATED');
});

test('the text is shown to whoever may see the document: parties and staff; the public once published, and only published documents', async (t) => {
  if (!hasPdftoppm) { requirePdftoppm(t); return; }
  // Unpublished: another agent and the public do not know the case exists.
  expectProblem(await text(rival, patent, sha.description), 404, 'CASE_NOT_FOUND');
  expectProblem(await text(anonymous, patent, sha.description), 404, 'CASE_NOT_FOUND');
  const staff = ok(await text(examiner, patent, sha.description));
  assert.deepEqual([staff.status, staff.error, staff.attempts], ['done', null, 1]);
  // A document of another case, or none at all, is not found through this case.
  expectProblem(await text(agent, typesetCase, sha.description), 404, 'DOCUMENT_NOT_FOUND');
  expectProblem(await text(agent, patent, 'f'.repeat(64)), 404, 'DOCUMENT_NOT_FOUND');
  expectProblem(await text(agent, patent, 'not-a-hash'), 400, 'VALIDATION_FAILED');

  // Published at the applicant's request (the sweep of the next day publishes it).
  await s.act(people.agent, patent, 'request-early-publication', {});
  await office.setDate('2026-01-06');
  await office.work();
  assert.equal((await office.db.query<{ public: boolean }>('SELECT public FROM cases WHERE number = $1', [patent])).rows[0].public, true);
  const pub = ok(await text(anonymous, patent, sha.description));
  assert.equal(pub.status, 'done');
  assert.match(pub.text, /perforated distributor plate/i);
  assert.ok(!('error' in pub) && !('attempts' in pub));
  assert.equal(ok(await text(rival, patent, sha.description)).status, 'done');
  // The search report and the applicant's letter are not published.
  expectProblem(await text(anonymous, patent, sha.report), 404, 'DOCUMENT_NOT_FOUND');
  expectProblem(await text(rival, patent, sha.tiff), 404, 'DOCUMENT_NOT_FOUND');
  assert.equal(ok(await text(agent, patent, sha.report)).status, 'done');
});

test('an image that is not one is recorded as failed after three attempts with backoff, never crashing the worker', async () => {
  // A PNG signature (so the filing takes it as a PNG) followed by noise.
  const bogus = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 73 + 11) & 0xff))]);
  sha.bogus = (await s.store(bogus)).sha256;
  const mark = await s.fileAndPay('trademark', {
    mark: { kind: 'Figurative', image: { sha256: sha.bogus, mediaType: 'image/png', size: bogus.length } }, applicant: { kind: 'legal', name: 'Noise Ltd', country: 'XX', address: '2 Static Road' },
    goodsServices: [{ classNumber: 30, terms: ['coffee'] }],
  });
  const attempt = async (n: number) => {
    await office.work();
    const r = await row(sha.bogus);
    assert.equal(r.attempts, n);
    assert.match(r.last_error, /read image|Error/i);
    return r;
  };
  let r = await attempt(1);
  assert.equal(r.status, 'pending');
  assert.equal(new Date(r.next_attempt_at).getTime() - new Date(r.finished_at).getTime(), RETRY_AFTER_SECONDS[0] * 1000);
  // Not due again until the pause is over: another pass leaves it alone.
  await office.work();
  assert.equal((await row(sha.bogus)).attempts, 1);
  const mid = ok(await text(agent, mark, sha.bogus));
  assert.deepEqual([mid.status, mid.text], ['pending', null]);
  const seen = ok(await text(examiner, mark, sha.bogus));
  assert.match(seen.error, /image/i);

  await office.setDate('2026-01-07');
  r = await attempt(2);
  assert.equal(r.status, 'pending');
  await office.setDate('2026-01-08');
  r = await attempt(MAX_ATTEMPTS);
  assert.equal(r.status, 'failed');
  assert.equal(ok(await text(agent, mark, sha.bogus)).status, 'failed');
  await office.setDate('2026-01-09');
  await office.work();
  assert.equal((await row(sha.bogus)).attempts, MAX_ATTEMPTS, 'given up: not tried again');
  // The other documents were not disturbed.
  if (sha.description) assert.equal((await row(sha.description)).status, 'done');
});

test('with OCR switched off the worker reads nothing and the text route says so', async () => {
  const off = await testOffice({ startDate: '2026-01-05', config: { ocr: { enabled: false, languages: [] } } });
  try {
    const c = await cast(off, 'Meridian IP LLP');
    const sc = scene(off, c);
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const png = (await sc.store(bytes)).sha256;
    const n = await sc.fileAndPay('trademark', {
      mark: { kind: 'Figurative', image: { sha256: png, mediaType: 'image/png', size: bytes.length } }, applicant: { kind: 'legal', name: 'Quiet Ltd', country: 'XX', address: '3 Still Lane' },
      goodsServices: [{ classNumber: 30, terms: ['coffee'] }],
    });
    assert.ok(!off.worker.periodic?.some((p) => p.name === 'ocr'));
    await off.work();
    assert.equal((await off.db.query<{ n: number }>('SELECT count(*)::int AS n FROM ocr_texts')).rows[0].n, 0);
    const a = await login(await off.http(), 'agent');
    const r = ok(await a.get(`/api/v1/cases/${n}/documents/${png}/text`));
    assert.deepEqual([r.status, r.text], ['disabled', null]);
  } finally { await off.shutdown(); }
});
