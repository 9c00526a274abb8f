// Prior-art search over patents and utility models, through the HTTP API on a real database: patents
// filed by an agent (one with a scanned description, read by the OCR task), some published; then
// words against phrases, OR, exclusion and grouping, stemming and truncation, field-weighted ranking
// (a title hit before a description-only hit), IPC, right and date filters, who sees what (the
// public only the published, an agent also their own, office staff everything, their reads of
// unpublished applications audited), highlights, the text row kept by the acts that change it and by
// OCR, the migration's backfill writing what the acts write, the seam for semantic re-ranking, and
// bad input answered with its code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { solidPng, tinyPdf } from '../../src/app/demo-files.ts';
import { OcrReader } from '../../src/modules/ocr/index.ts';
import {
  composeQuery, ipcPrefix, parseQuery, searchPatents, type PriorArtReranker,
} from '../../src/modules/prior-art/index.ts';
import type { OcrEngine } from '../../src/platform/ocr/tesseract.ts';
import { imagePdf } from '../ocr/scans.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, type Client } from './helpers.ts';

const API = '/api/v1';
let office: TestOffice;
let app: FastifyInstance;
let agent: Client, rival: Client, formalities: Client, examiner: Client, registrar: Client, anonymous: Client;
type Filed = { id: string; number: string };
const c: Record<string, Filed> = {};
let scanSha = '';
/** Whether the procedure engine itself writes the text row in each act's transaction. */

/** What OCR reads from each page image of the scans filed here, by the image's size. */
const SCANNED: Record<string, string> = {
  '320x240': 'Description. The shaft transmits the torque through a magnetic coupling to the generator, so that no lubricant is needed.',
};
const fakeOcr: OcrEngine = {
  languages: 'eng',
  version: () => 'page-reader 1.0',
  async recognise(image: Buffer) {
    const m = /^P[1-6]\s+(\d+)\s+(\d+)/.exec(image.subarray(0, 40).toString('latin1'));
    return { text: (m && SCANNED[`${m[1]}x${m[2]}`]) ?? '', confidence: 91 };
  },
  async close() {},
};

const applicants = [{ kind: 'legal', name: 'Lumen Energy SA', country: 'XX', address: '1 Quay Street' }];
const inventors = [{ kind: 'natural', name: 'Ada Brewer', country: 'XX' }];

const search = (who: Client, body: Record<string, unknown>) => who.post(`${API}/search/patents`, body);
async function found(who: Client, body: Record<string, unknown>): Promise<string[]> {
  return ok(await search(who, body)).hits.map((h: any) => h.applicationNumber);
}
const sorted = (xs: string[]) => [...xs].sort();
const nums = (...cs: Filed[]) => sorted(cs.map((x) => x.number));

async function upload(bytes: Buffer): Promise<{ sha256: string }> {
  const u = ok(await agent.raw('POST', `${API}/uploads`, bytes, 'application/pdf'), 201);
  return { sha256: u.sha256 };
}
async function file(right: string, payload: Record<string, unknown>): Promise<Filed & { fees: number }> {
  const r = ok(await agent.post(`${API}/cases`, { right, payload: { applicants, inventors, ...payload } }), 201);
  return { id: r.case.id, number: r.case.number, fees: (r.act.fees as { amount: number }[]).reduce((s, f) => s + f.amount, 0) };
}
const act = async (who: Client, x: Filed, type: string, payload: Record<string, unknown> = {}, payment?: Record<string, unknown>) =>
  ok(await who.post(`${API}/cases/${x.id}/acts/${type}`, { payload, ...(payment ? { payment } : {}) }), 201);
const row = async (x: Filed) => (await office.db.query<any>('SELECT * FROM patent_texts WHERE case_id = $1', [x.id])).rows[0];

before(async () => {
  // OCR is read here by a reader of its own (a page reader that knows the scans), not by the office's worker.
  office = await testOffice({ startDate: '2026-01-05', config: { ocr: { enabled: false, languages: [] } } });
  app = await office.http();
  await office.user('pa-agent', 'agent', 'Lumen Patents LLP');
  await office.user('pa-rival', 'agent', 'Rival IP');
  await office.user('pa-formalities', 'formalities');
  await office.user('pa-examiner', 'examiner');
  await office.user('pa-registrar', 'registrar');
  [agent, rival, formalities, examiner, registrar] = await Promise.all(['pa-agent', 'pa-rival', 'pa-formalities', 'pa-examiner', 'pa-registrar'].map((u) => login(app, u)));
  anonymous = client(app);

  const typeset = async (title: string) => ({ description: await upload(tinyPdf([title, 'Description'])) });
  c.turbine = await file('patent', {
    title: 'Wind turbine with a magnetic coupling', ...(await typeset('Wind turbine')), ipc: ['F03D 15/00', 'H02K 49/10'],
    abstract: 'The rotor drives the generator through a contactless coupling, without a gearbox.',
    claims: ['A wind turbine comprising a rotor, a generator and a magnetic coupling between the rotor and the generator.', 'The wind turbine of claim 1, wherein the coupling has permanent magnets.'],
  });
  scanSha = (await upload(await imagePdf([solidPng(320, 240, [250, 250, 250])]))).sha256;
  c.drive = await file('patent', {
    title: 'Drive train for a generator', description: { sha256: scanSha }, ipc: ['F16H 57/02'],
    abstract: 'A drive train without a gearbox for electrical machines.', claims: ['A drive train comprising a shaft and a flywheel.'],
  });
  c.stirrer = await file('patent', {
    title: 'Magnetic stirrer with a quick coupling for the flask', ...(await typeset('Stirrer')), ipc: ['B01F 33/452'],
    abstract: 'A laboratory stirrer whose flask is held by a quick coupling.', claims: ['A stirrer driven by a rotating magnet under the flask.'],
  });
  c.heatPump = await file('patent', {
    title: 'Heat pump with a magnetic coupling of the fan', ...(await typeset('Heat pump')), ipc: ['F25B 30/02'],
    abstract: 'The fan of the heat pump is driven through the housing wall.', claims: ['A heat pump whose fan is driven by a magnetic coupling.'],
  });
  c.compressor = await file('patent', {
    title: 'Air compressor with a diaphragm', ...(await typeset('Compressor')), ipc: ['F04B 45/04'],
    abstract: 'An oil-free compressor.', claims: ['A compressor whose diaphragm is moved by an eccentric.'],
  });
  const garden = await file('utility-model', {
    title: 'Garden pump with a diaphragm', ...(await typeset('Garden pump')), ipc: ['F04B 43/02'],
    abstract: 'A hand-operated pump for water butts.', claims: ['A pump whose diaphragm is moved by a lever.'],
  });
  c.gardenPump = garden;
  c.processor = await file('patent', { title: 'Signal processor', ...(await typeset('Signal processor')), abstract: 'A processor of radio signals.' });

  // Published: the patents by early publication (the sweep of the next day), the utility model on registration.
  for (const x of [c.turbine, c.drive, c.stirrer, c.compressor]) await act(agent, x, 'request-early-publication');
  await act(agent, garden, 'pay-fees', {}, { amount: garden.fees, currency: 'EUR', method: 'bank-transfer', reference: 'PA-1' });
  await act(registrar, garden, 'register');
  await act(registrar, garden, 'publish-registration');
  await office.setDate('2026-01-06');
  await office.work();
  const published = (await office.db.query<{ number: string }>('SELECT number FROM cases WHERE public')).rows.map((r) => r.number);
  assert.deepEqual(sorted(published), nums(c.turbine, c.drive, c.stirrer, c.compressor, c.gardenPump));
});
after(async () => { await office?.shutdown(); });

test('the query language: words, phrases, OR, exclusion, groups and truncation are parsed into a tree whose leaves the database normalises', () => {
  const { tree, leaves } = parseQuery('solar panel "heat exchanger" (pump OR compressor*) -diesel');
  assert.deepEqual(leaves.map((l) => [l.kind, l.text]), [['words', 'solar panel'], ['phrase', 'heat exchanger'], ['words', 'pump'], ['prefix', 'compressor'], ['words', 'diesel']]);
  const q = composeQuery(tree, ["'solar' & 'panel'", "'heat' <-> 'exchang'", "'pump'", "'compressor':*", "'diesel'"]);
  assert.equal(q.match, "('solar' & 'panel') & ('heat' <-> 'exchang') & (('pump') | ('compressor':*)) & (!('diesel'))");
  assert.equal(q.any, "('solar' | 'panel') | ('heat' <-> 'exchang') | ('pump') | ('compressor':*)");
  assert.equal(q.indexable, true);
  // Stop words drop out; what only excludes finds nothing to look for.
  assert.equal(composeQuery(parseQuery('the').tree, ['']).match, null);
  assert.equal(composeQuery(parseQuery('-pump').tree, ["'pump'"]).indexable, false);
  assert.equal(composeQuery(parseQuery('pump OR -diesel').tree, ["'pump'", "'diesel'"]).indexable, false);
  assert.equal(parseQuery('OR AND NOT ( ) ""').tree, null);
  // Curly quotes are quotes; a lone dash is punctuation; NOT in capitals only.
  assert.deepEqual(parseQuery('\u201Cheat exchanger\u201D - not').leaves.map((l) => [l.kind, l.text]), [['phrase', 'heat exchanger'], ['words', 'not']]);
  assert.equal(ipcPrefix('h04l 9/32'), 'H04L9/32');
  assert.equal(ipcPrefix('H04L0009/00'), 'H04L9/');
  assert.equal(ipcPrefix(' A61 '), 'A61');
  assert.throws(() => ipcPrefix('A6'), (e: any) => e.code === 'IPC_SYMBOL_INVALID');
});

test('the procedure engine writes a patent\'s text row in the filing\'s own transaction', async () => {
  const r = await row(c.turbine);
  assert.equal(r.title, 'Wind turbine with a magnetic coupling');
  assert.deepEqual(r.ipc, ['F03D 15/00', 'H02K 49/10']);
  assert.equal(r.claims, 'A wind turbine comprising a rotor, a generator and a magnetic coupling between the rotor and the generator.\n\nThe wind turbine of claim 1, wherein the coupling has permanent magnets.');
  assert.equal(r.description_sha256, (await office.db.query<any>('SELECT data FROM cases WHERE id = $1', [c.turbine.id])).rows[0].data.description.sha256);
});

test('claims filed after the filing date are searchable as soon as the act is recorded', async () => {
  assert.equal((await row(c.processor)).claims, null);
  assert.deepEqual(await found(examiner, { query: 'flux capacitor' }), []);
  await act(agent, c.processor, 'file-claims', { claims: ['A flux capacitor charged by the processor of radio signals.'] });
  const r = ok(await search(examiner, { query: '"flux capacitor"' }));
  assert.deepEqual(r.hits.map((h: any) => h.applicationNumber), [c.processor.number]);
  assert.match(r.hits[0].highlights.claims, /\*\*flux\*\* \*\*capacitor\*\*/);
});

test('a scanned description is searched once OCR has read it, and at once in a case filed with it after that', async () => {
  assert.deepEqual(await found(examiner, { query: 'lubricant' }), [], 'not read yet');
  assert.equal((await row(c.drive)).description, null);
  const reader = new OcrReader({ db: office.db, storage: office.storage, engine: fakeOcr, now: () => new Date() }, { waitMs: 60_000, batch: 20 });
  const pass = await reader.run();
  assert.ok(pass.read >= 1, JSON.stringify(pass));
  const ocr = (await office.db.query<any>('SELECT status, text FROM ocr_texts WHERE sha256 = $1', [scanSha])).rows[0];
  assert.equal(ocr.status, 'done');
  assert.equal((await row(c.drive)).description, SCANNED['320x240']);
  assert.deepEqual(await found(anonymous, { query: 'lubricant' }), [c.drive.number]);
  // The same scan filed again: its text is taken when the filing is recorded.
  const again = c.gearless = await file('utility-model', { title: 'Gearless drive', description: { sha256: scanSha }, abstract: 'A drive.', claims: ['A drive.'] });
  assert.equal((await row(again)).description, SCANNED['320x240']);
  assert.deepEqual(sorted(await found(examiner, { query: 'lubricant' })), nums(c.drive, again));
  assert.deepEqual(await found(anonymous, { query: 'lubricant' }), [c.drive.number], 'the new case is not published');
});

test('words are all required, a phrase keeps them together; a title hit ranks before a hit in the description only', async () => {
  const words = ok(await search(anonymous, { query: 'magnetic coupling' }));
  const order = words.hits.map((h: any) => h.applicationNumber);
  assert.deepEqual(sorted(order), nums(c.turbine, c.drive, c.stirrer));
  assert.equal(words.total, 3);
  assert.ok(order.indexOf(c.turbine.number) < order.indexOf(c.drive.number), `title before description: ${order}`);
  assert.ok(order.indexOf(c.stirrer.number) < order.indexOf(c.drive.number), `title before description: ${order}`);
  for (const h of words.hits) assert.ok(h.score > 0 && h.score < 1, `score in (0, 1): ${h.score}`);
  assert.deepEqual(words.hits.map((h: any) => h.score), [...words.hits.map((h: any) => h.score)].sort((a: number, b: number) => b - a));
  // "magnetic coupling" as a phrase: not the stirrer, whose coupling is a quick one.
  assert.deepEqual(sorted(await found(anonymous, { query: '"magnetic coupling"' })), nums(c.turbine, c.drive));
  // Stems match (couplings, magnets); truncation finds words beginning so.
  assert.deepEqual(sorted(await found(anonymous, { query: 'couplings magnets' })), nums(c.turbine, c.drive, c.stirrer));
  assert.deepEqual(await found(anonymous, { query: 'turbin*' }), [c.turbine.number]);
});

test('OR, exclusion (- or NOT) and groups', async () => {
  assert.deepEqual(sorted(await found(anonymous, { query: 'pump OR compressor' })), nums(c.gardenPump, c.compressor));
  assert.deepEqual(sorted(await found(examiner, { query: 'pump | compressor' })), nums(c.heatPump, c.gardenPump, c.compressor));
  assert.deepEqual(await found(anonymous, { query: 'diaphragm -pump' }), [c.compressor.number]);
  assert.deepEqual(await found(anonymous, { query: 'diaphragm NOT pump' }), [c.compressor.number]);
  assert.deepEqual(sorted(await found(anonymous, { query: '(pump OR compressor) AND diaphragm' })), nums(c.gardenPump, c.compressor));
  assert.deepEqual(await found(anonymous, { query: 'coupling -(magnet OR turbine OR drive)' }), [], 'the stirrer has a magnet, the others a magnetic coupling');
  assert.deepEqual(sorted(await found(anonymous, { query: 'coupling -"magnetic coupling"' })), nums(c.stirrer));
});

test('IPC filters match symbols by their beginning; rights and filing dates filter too', async () => {
  assert.deepEqual(await found(anonymous, { query: 'coupling', ipc: ['F03D'] }), [c.turbine.number]);
  assert.deepEqual(await found(anonymous, { query: 'coupling', ipc: ['h02k 49/1'] }), [c.turbine.number]);
  assert.deepEqual(await found(anonymous, { query: 'coupling', ipc: ['F03D0015/00'] }), [c.turbine.number], 'main group 15, written padded');
  assert.deepEqual(await found(anonymous, { query: 'coupling', ipc: ['B01F 33/'] }), [c.stirrer.number]);
  assert.deepEqual(sorted(await found(anonymous, { query: 'coupling', ipc: ['B01F', 'F16H 57'] })), nums(c.stirrer, c.drive));
  assert.deepEqual(await found(anonymous, { query: 'coupling', ipc: ['H04L 9/32'] }), []);
  assert.deepEqual(await found(anonymous, { query: 'diaphragm', rights: ['utility-model'] }), [c.gardenPump.number]);
  assert.deepEqual(await found(anonymous, { query: 'diaphragm', rights: ['patent'] }), [c.compressor.number]);
  assert.deepEqual(await found(anonymous, { query: 'diaphragm', filedFrom: '2026-01-06' }), []);
  assert.deepEqual(sorted(await found(anonymous, { query: 'diaphragm', filedFrom: '2026-01-05', filedTo: '2026-01-05' })), nums(c.gardenPump, c.compressor));
  const hit = ok(await search(anonymous, { query: 'turbine' })).hits[0];
  assert.deepEqual([hit.right, hit.status, hit.filingDate, hit.ipc, hit.title], ['patent', 'formalities', '2026-01-05', ['F03D 15/00', 'H02K 49/10'], 'Wind turbine with a magnetic coupling']);
});

test('the public sees published applications; an agent also their own; office staff all, and their reads of unpublished ones are audited', async () => {
  const audited = async () => (await office.db.query<any>("SELECT user_role, summary FROM audit_events WHERE route = '/api/v1/search/patents' ORDER BY id")).rows;
  const before = (await audited()).length;
  const query = { query: 'magnetic coupling' };
  assert.ok(!(await found(anonymous, query)).includes(c.heatPump.number));
  assert.ok(!(await found(rival, query)).includes(c.heatPump.number));
  assert.ok((await found(agent, query)).includes(c.heatPump.number), 'the agent who filed it');
  assert.equal((await audited()).length, before, 'no staff read');
  assert.ok((await found(agent, query)).includes(c.gearless.number), 'the agent who filed it');
  const staff = ok(await search(formalities, query));
  assert.deepEqual(sorted(staff.hits.map((h: any) => h.applicationNumber)), nums(c.turbine, c.drive, c.stirrer, c.heatPump, c.gearless));
  assert.equal(staff.total, 5);
  const events = (await audited()).slice(before);
  assert.equal(events.length, 1);
  assert.equal(events[0].user_role, 'formalities');
  assert.deepEqual(sorted(events[0].summary.cases), nums(c.heatPump, c.gearless), 'the unpublished applications the answer showed');
  // A staff search showing only published applications reads nothing unpublished.
  ok(await search(examiner, { query: 'turbine' }));
  assert.equal((await audited()).length, before + 1);
});

test('highlights: a passage of each field where a word was found, the words marked, of bounded length', async () => {
  const hits = ok(await search(anonymous, { query: 'magnetic coupling' })).hits;
  const of = (x: Filed) => hits.find((h: any) => h.applicationNumber === x.number)!.highlights;
  assert.equal(of(c.turbine).title, 'Wind turbine with a **magnetic** **coupling**');
  assert.match(of(c.turbine).claims, /\*\*magnetic\*\* \*\*coupling\*\*/);
  assert.match(of(c.turbine).abstract, /contactless \*\*coupling\*\*/);
  assert.equal(of(c.turbine).description, undefined);
  assert.deepEqual(Object.keys(of(c.drive)), ['description']);
  assert.match(of(c.drive).description, /through a \*\*magnetic\*\* \*\*coupling\*\* to the generator/);
  // Excluded words are not marked (the garden pump is not excluded: it has no eccentric).
  const garden = ok(await search(anonymous, { query: 'diaphragm -(pump eccentric)' })).hits.find((x: any) => x.applicationNumber === c.gardenPump.number);
  assert.equal(garden.highlights.title, 'Garden pump with a **diaphragm**');
  assert.doesNotMatch(JSON.stringify(garden.highlights), /\*\*pump/);
  // However long the text, a passage is a few dozen words.
  c.longAbstract = await file('patent', {
    title: 'Diaphragm valve', description: await upload(tinyPdf(['Valve'])),
    abstract: 'The diaphragm of the valve is pressed onto the seat by a spindle and lifted by the pressure of the fluid. '.repeat(90),
    claims: Array.from({ length: 40 }, (_, i) => `${i + 1}. A valve whose diaphragm, pressed by a spindle, closes the seat of the valve body.`),
  });
  const long = ok(await search(examiner, { query: 'diaphragm' })).hits.find((x: any) => x.applicationNumber === c.longAbstract.number);
  assert.deepEqual(Object.keys(long.highlights), ['title', 'abstract', 'claims']);
  for (const text of Object.values(long.highlights) as string[]) assert.ok(text.length < 800, `${text.length} characters: ${text}`);
});

test('pages: limit and offset, the total of all matches', async () => {
  const all = ok(await search(examiner, { query: 'magnetic OR diaphragm OR lubricant' }));
  assert.ok(all.total >= 7, String(all.total));
  const second = ok(await search(examiner, { query: 'magnetic OR diaphragm OR lubricant', limit: 2, offset: 2 }));
  assert.deepEqual(second.hits.map((h: any) => h.applicationNumber), all.hits.slice(2, 4).map((h: any) => h.applicationNumber));
  assert.equal(second.total, all.total);
  const beyond = ok(await search(examiner, { query: 'magnetic OR diaphragm OR lubricant', offset: 500 }));
  assert.deepEqual([beyond.hits, beyond.total], [[], all.total]);
});

test('the migration\'s backfill writes the rows the acts and OCR wrote', async () => {
  const sql = readFileSync(new URL('../../src/platform/db/migrations/018_patent_text.sql', import.meta.url), 'utf8');
  const backfill = sql.slice(sql.indexOf('INSERT INTO patent_texts'));
  const read = async () => (await office.db.query(
    'SELECT case_id, title, abstract, claims, ipc, description_sha256, description, search::text AS search FROM patent_texts ORDER BY case_id')).rows;
  const written = await read();
  const cases = Number((await office.db.query<{ n: number }>("SELECT count(*) AS n FROM cases WHERE right_kind IN ('patent', 'utility-model')")).rows[0].n);
  assert.equal(written.length, cases, 'every patent and utility model has its row');
  await office.db.tx(async (q) => { await q.query('DELETE FROM patent_texts'); await q.query(backfill); });
  assert.deepEqual(await read(), written);
});

test('a semantic re-ranker, where one is configured, re-orders the best full-text hits (none by default)', async () => {
  const plain = await searchPatents({ db: office.db, reranker: null }, null, { query: 'magnetic coupling' });
  assert.notEqual(plain.hits[0].applicationNumber, c.drive.number);
  const seen: string[] = [];
  const reranker: PriorArtReranker = {
    window: 50, weight: 1,
    async similarity(query, candidates) {
      seen.push(query);
      return candidates.map((x) => (x.title?.startsWith('Drive train') ? 0.9 : 0.1));
    },
  };
  const reranked = await searchPatents({ db: office.db, reranker }, null, { query: 'magnetic coupling' });
  assert.deepEqual(seen, ['magnetic coupling']);
  assert.equal(reranked.hits[0].applicationNumber, c.drive.number);
  assert.deepEqual(sorted(reranked.hits.map((h) => h.applicationNumber)), sorted(plain.hits.map((h) => h.applicationNumber)));
  assert.equal(reranked.total, plain.total);
});

test('bad input is answered 400 with its code', async () => {
  const bad = async (body: unknown, code: string) => expectProblem(await anonymous.post(`${API}/search/patents`, body), 400, code);
  await bad({ query: '' }, 'PRIOR_ART_QUERY_EMPTY');
  await bad({ query: '   \n ' }, 'PRIOR_ART_QUERY_EMPTY');
  await bad({ query: 'pump '.repeat(401) }, 'PRIOR_ART_QUERY_TOO_LONG');
  await bad({ query: 'x'.repeat(10_000) }, 'PRIOR_ART_QUERY_TOO_LONG');
  await bad({ query: 'the of with' }, 'PRIOR_ART_QUERY_NO_TERMS');
  await bad({ query: 'OR AND NOT ( ) "" -' }, 'PRIOR_ART_QUERY_NO_TERMS');
  await bad({ query: '!!! ,.;' }, 'PRIOR_ART_QUERY_NO_TERMS');
  await bad({ query: '-pump' }, 'PRIOR_ART_QUERY_NO_TERMS');
  await bad({ query: 'pump OR -diesel' }, 'PRIOR_ART_QUERY_NO_TERMS');
  assert.equal((await bad({ query: '(pump OR compressor' }, 'PRIOR_ART_QUERY_SYNTAX')).at, 0);
  await bad({ query: 'pump)' }, 'PRIOR_ART_QUERY_SYNTAX');
  await bad({ query: `${'('.repeat(17)}pump${')'.repeat(17)}` }, 'PRIOR_ART_QUERY_SYNTAX');
  await bad({ query: 'pu*' }, 'PRIOR_ART_QUERY_SYNTAX');
  await bad({ query: 'heat-ex*' }, 'PRIOR_ART_QUERY_SYNTAX');
  assert.equal((await bad({ query: 'pump', ipc: ['F04B', 'Z01B'] }, 'IPC_SYMBOL_INVALID')).symbol, 'Z01B');
  await bad({ query: 'pump', ipc: ['H04L 9/32/1'] }, 'IPC_SYMBOL_INVALID');
  await bad({ query: 'pump', ipc: [''] }, 'IPC_SYMBOL_INVALID');
  await bad({ query: 'pump', filedFrom: '2026-02-01', filedTo: '2026-01-01' }, 'INVALID_DATE_RANGE');
  await bad({ query: 'pump', filedFrom: '2026-02-30' }, 'VALIDATION_FAILED');
  await bad({ query: 'pump', limit: 101 }, 'VALIDATION_FAILED');
  await bad({ query: 'pump', limit: 0 }, 'VALIDATION_FAILED');
  await bad({ query: 'pump', rights: ['trademark'] }, 'VALIDATION_FAILED');
  await bad({ query: 7 }, 'VALIDATION_FAILED');
  await bad({}, 'VALIDATION_FAILED');
  // What looks like the database's query syntax is only words: '!' negates nothing, quotes and <-> are punctuation.
  assert.deepEqual(await found(anonymous, { query: "diaphragm !eccentric 'compressor' <-> \\" }), [c.compressor.number]);
});
