// Similar-mark search (POST /api/v1/search/trademarks): what examiners and courts catch (look-alike and
// sound-alike spellings, a shared dominant element, the same meaning in another language, another
// script), ranked by the relation of the goods and services, with the reasons; who sees what; a mark
// filed a moment ago is found; bad input refused with a code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/app/config.ts';
import { SearchService } from '../../src/modules/search/index.ts';
import { testOffice, usingPostgres, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, formalities: Client, examiner: Client, registrar: Client, admin: Client;
const anon = () => client(app);
const numbers: Record<string, string> = {};
const ids: Record<string, string> = {};

const MARKS: { key: string; text: string; classes: number[]; publish: boolean }[] = [
  { key: 'photoklick', text: 'PHOTOKLICK', classes: [9], publish: true },
  { key: 'mundicolor', text: 'MUNDICOLOR', classes: [2], publish: true },
  { key: 'nayk', text: 'НАЙК', classes: [25], publish: true },
  { key: 'xiaomi', text: '小米', classes: [9], publish: true },
  { key: 'soleil', text: 'SOLEIL', classes: [32], publish: true },
  { key: 'lloyd', text: 'LLOYD SHOES', classes: [25], publish: true },
  { key: 'korona30', text: 'KORONA', classes: [30], publish: true },
  { key: 'korona12', text: 'KORONA', classes: [12], publish: true },
  { key: 'korona29', text: 'KORONA', classes: [29], publish: true },
  { key: 'zebra', text: 'ZEBRA', classes: [30], publish: true },
  { key: 'secret', text: 'FOTOKLIK', classes: [9], publish: false },
];

const goods = (c: number) => ({ classNumber: c, terms: [c === 30 ? 'coffee' : c === 9 ? 'computer software' : c === 25 ? 'clothing' : c === 12 ? 'vehicles' : c === 29 ? 'meat' : c === 32 ? 'beer' : 'paints'] });

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  for (const [u, role, party] of [['agent1', 'agent', 'Agent One LLP'], ['formal1', 'formalities'], ['exam1', 'examiner'], ['reg1', 'registrar'], ['admin1', 'admin']] as const) {
    await office.user(u, role, party);
  }
  [agent, formalities, examiner, registrar, admin] = await Promise.all(['agent1', 'formal1', 'exam1', 'reg1', 'admin1'].map((u) => login(app, u)));
  for (const m of MARKS) {
    const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: m.text }, goodsServices: m.classes.map(goods) })), 201);
    numbers[m.key] = filed.case.number;
    ids[m.key] = filed.case.id;
    if (!m.publish) continue;
    for (const [who, act] of [[formalities, 'accept-formalities'], [formalities, 'approve-classification'], [examiner, 'accept'], [registrar, 'publish']] as const) {
      ok(await who.post(`/api/v1/cases/${filed.case.id}/acts/${act}`, {}), 201);
    }
  }
});
after(() => office.shutdown());

const search = async (c: Client, body: Record<string, unknown>) => ok(await c.post('/api/v1/search/trademarks', body));
const rankOf = (r: any, key: string) => r.hits.findIndex((h: any) => h.applicationNumber === numbers[key]);
const hitOf = (r: any, key: string) => r.hits.find((h: any) => h.applicationNumber === numbers[key]);

test('a sound-alike across spelling conventions ranks first, with the sound measure named', async () => {
  const r = await search(examiner, { text: 'FOTOCLICK', niceClasses: [9] });
  const top = r.hits[0];
  assert.ok([numbers.photoklick, numbers.secret].includes(top.applicationNumber), JSON.stringify(r.hits.slice(0, 3)));
  const h = hitOf(r, 'photoklick');
  assert.ok(h.score >= 0.85, `score ${h.score}`);
  assert.ok(h.why.fired.includes('sound'), JSON.stringify(h.why));
  assert.equal(h.why.goods.relation, 'identical-class');
  assert.deepEqual(h.niceClasses, [9]);
  assert.equal(h.markText, 'PHOTOKLICK');
  assert.equal(h.status, 'published');
  // Unrelated marks score far lower.
  const zebra = hitOf(r, 'zebra');
  assert.ok(!zebra || zebra.score < 0.5, JSON.stringify(zebra));
});

test('transliteration: a Latin query finds the Cyrillic and the Chinese mark, and says so', async () => {
  const nike = await search(examiner, { text: 'NIKE', niceClasses: [25] });
  assert.equal(rankOf(nike, 'nayk'), 0, JSON.stringify(nike.hits.slice(0, 3)));
  assert.deepEqual(hitOf(nike, 'nayk').why.transliteration, { query: ['Latin'], mark: ['Cyrillic'] });
  const xiaomi = await search(examiner, { text: 'XIAOMI', niceClasses: [9] });
  assert.equal(rankOf(xiaomi, 'xiaomi'), 0);
  assert.equal(hitOf(xiaomi, 'xiaomi').markText, '小米');
  assert.ok(hitOf(xiaomi, 'xiaomi').score >= 0.95);
  // And the other way round: a Greek query for the Latin mark.
  const greek = await search(examiner, { text: 'ΖΕΜΠΡΑ', niceClasses: [30] });
  assert.equal(rankOf(greek, 'zebra'), 0, JSON.stringify(greek.hits.slice(0, 3)));
});

test('meaning: the same word in another language, through the lexicon', async () => {
  const r = await search(examiner, { text: 'SOL', niceClasses: [32] });
  const h = hitOf(r, 'soleil');
  assert.ok(h, JSON.stringify(r.hits.slice(0, 5)));
  assert.equal(h.why.meaning.concept, 'sun');
  assert.ok(h.why.fired.includes('meaning'));
  assert.equal(rankOf(r, 'soleil'), 0);
});

test('a shared dominant element: the earlier mark inside a longer one with descriptive words', async () => {
  const r = await search(examiner, { text: 'LLOYD', niceClasses: [25] });
  const h = hitOf(r, 'lloyd');
  assert.equal(rankOf(r, 'lloyd'), 0);
  assert.deepEqual(h.why.dominant, { query: 'lloyd', mark: 'lloyd', similarity: 1 });
  assert.ok(h.score >= 0.85);
});

test('look-alike letters: 1 for I and rn for m read as what the eye sees', async () => {
  const r = await search(examiner, { text: 'RNUND1COLOR' });
  assert.equal(rankOf(r, 'mundicolor'), 0, JSON.stringify(r.hits.slice(0, 3)));
  assert.ok(hitOf(r, 'mundicolor').why.spelling >= 0.95);
  assert.equal(hitOf(r, 'mundicolor').why.goods, undefined, 'no classes asked: the goods do not weigh');
});

test('goods and services: identical class above a related class above an unrelated one', async () => {
  const r = await search(examiner, { text: 'CORONA', niceClasses: [30] });
  const [a, b, c] = ['korona30', 'korona29', 'korona12'].map((k) => rankOf(r, k));
  assert.ok(a >= 0 && a < b && b < c, `ranks ${a} ${b} ${c}`);
  assert.equal(hitOf(r, 'korona30').why.goods.relation, 'identical-class');
  assert.equal(hitOf(r, 'korona29').why.goods.relation, 'related-class');
  assert.equal(hitOf(r, 'korona12').why.goods.relation, 'unrelated');
  assert.ok(hitOf(r, 'korona30').score > hitOf(r, 'korona29').score && hitOf(r, 'korona29').score > hitOf(r, 'korona12').score);
});

test('the public and applicants see published marks only; office staff also unpublished applications', async () => {
  for (const c of [anon(), agent]) {
    const r = await search(c, { text: 'FOTOKLIK', niceClasses: [9] });
    assert.equal(rankOf(r, 'secret'), -1, 'an unpublished application is not shown');
    assert.ok(rankOf(r, 'photoklick') >= 0);
  }
  const staff = await search(examiner, { text: 'FOTOKLIK', niceClasses: [9] });
  assert.equal(rankOf(staff, 'secret'), 0);
  assert.equal(hitOf(staff, 'secret').status, 'formalities');
  // The staff search is in the audit trail, naming the unpublished case it showed.
  await office.work();
  const audit = ok(await admin.get('/api/v1/admin/audit?limit=200'));
  const events = audit.items.filter((e: any) => e.route === '/api/v1/search/trademarks');
  assert.ok(events.some((e: any) => JSON.stringify(e).includes(numbers.secret)), JSON.stringify(events).slice(0, 500));
});

test('a mark filed a moment ago is found by the next search; one withdrawn is left out unless asked for', async () => {
  await search(examiner, { text: 'QUASAR' }); // the index exists before the filing
  const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'KWAZAR' }, goodsServices: [goods(9)] })), 201);
  const r = await search(examiner, { text: 'QUASAR', niceClasses: [9] });
  assert.equal(r.hits[0]?.applicationNumber, filed.case.number, JSON.stringify(r.hits.slice(0, 3)));
  ok(await agent.post(`/api/v1/cases/${filed.case.id}/acts/withdraw`, {}), 201);
  const gone = await search(examiner, { text: 'QUASAR', niceClasses: [9] });
  assert.ok(!gone.hits.some((h: any) => h.applicationNumber === filed.case.number));
  const all = await search(examiner, { text: 'QUASAR', niceClasses: [9], includeDead: true });
  assert.equal(all.hits[0]?.applicationNumber, filed.case.number);
  assert.equal(all.hits[0].status, 'withdrawn');
  const byStatus = await search(examiner, { text: 'QUASAR', statuses: ['withdrawn'] });
  assert.deepEqual(byStatus.hits.map((h: any) => h.status), ['withdrawn']);
});

test('an index built afresh from the table answers as the one kept up to date', async () => {
  const fresh = new SearchService(office.db);
  const { searchTrademarks } = await import('../../src/modules/search/index.ts');
  const viewer = { userId: 'x', role: 'examiner' as const, partyId: null };
  for (const text of ['FOTOCLICK', 'NIKE', 'CORONA', 'QUASAR', 'SOL']) {
    const a = await searchTrademarks(fresh, viewer, { text, includeDead: true });
    const b = await searchTrademarks(office.search, viewer, { text, includeDead: true });
    assert.deepEqual(a.hits.map((h) => [h.applicationNumber, h.score]), b.hits.map((h) => [h.applicationNumber, h.score]), text);
  }
  assert.equal(fresh.stats().marks, office.search.stats().marks);
  // Read a few rows at a time (numbers past 9 and 99: pages follow the numbers, not their text), it holds every mark.
  const paged = new SearchService(office.db, { pageSize: 3 });
  for (const text of ['FOTOCLICK', 'NIKE', 'CORONA', 'QUASAR', 'SOL']) {
    const a = await searchTrademarks(paged, viewer, { text, includeDead: true });
    const b = await searchTrademarks(office.search, viewer, { text, includeDead: true });
    assert.deepEqual(a.hits.map((h) => h.applicationNumber), b.hits.map((h) => h.applicationNumber), text);
  }
  const { rows } = await office.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mark_search');
  assert.equal(paged.stats().marks, rows[0].n);
  // Changes read a few at a time, too.
  for (const text of ['PAGEDONE', 'PAGEDTWO', 'PAGEDTHREE', 'PAGEDFOUR']) ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text }, goodsServices: [goods(9)] })), 201);
  assert.equal((await searchTrademarks(paged, viewer, { text: 'PAGEDFOUR' })).hits[0]?.markText, 'PAGEDFOUR');
  assert.equal(paged.stats().marks, rows[0].n + 4);
});

test('bad input: a clear 4xx with a code, never a crash', async () => {
  expectProblem(await examiner.post('/api/v1/search/trademarks', { text: '' }), 400, 'VALIDATION_FAILED');
  expectProblem(await examiner.post('/api/v1/search/trademarks', { text: 'A'.repeat(10_000) }), 400, 'VALIDATION_FAILED');
  expectProblem(await examiner.post('/api/v1/search/trademarks', { text: 'ACME', niceClasses: [46] }), 400, 'VALIDATION_FAILED');
  expectProblem(await examiner.post('/api/v1/search/trademarks', { text: 'ACME', niceClasses: [0] }), 400, 'VALIDATION_FAILED');
  expectProblem(await examiner.post('/api/v1/search/trademarks', {}), 400, 'VALIDATION_FAILED');
  expectProblem(await examiner.post('/api/v1/search/trademarks', { text: '!!! ---' }), 422, 'SEARCH_TEXT_EMPTY');
  expectProblem(await examiner.post('/api/v1/search/trademarks', { text: '\u200B\u200D\uFEFF' }), 422, 'SEARCH_TEXT_EMPTY');
  const thai = expectProblem(await examiner.post('/api/v1/search/trademarks', { text: 'สวัสดี' }), 422, 'SCRIPT_NOT_SUPPORTED');
  assert.equal(thai.script, 'Thai');
  // Invisible and direction characters are no part of the mark.
  const hidden = await search(examiner, { text: 'PHOTO\u200BKLICK\u202E' });
  assert.equal(rankOf(hidden, 'photoklick'), 0);
});

test('an office that searches Latin only refuses a Cyrillic query and names its scripts', async () => {
  const latinOnly = new SearchService(office.db, { scripts: loadConfig({ REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://', SEARCH_SCRIPTS: 'Latin' }).search.scripts });
  const { searchTrademarks } = await import('../../src/modules/search/index.ts');
  await assert.rejects(searchTrademarks(latinOnly, null, { text: 'НАЙК' }), (e: any) => e.code === 'SCRIPT_NOT_SUPPORTED' && e.details.script === 'Cyrillic' && e.details.configured.join() === 'Latin');
  assert.throws(() => loadConfig({ REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://', SEARCH_SCRIPTS: 'Latin,Klingon' }), /SEARCH_SCRIPTS: unknown script 'Klingon'/);
});

test('a watch: a newly published mark above its threshold is recorded once with the reasons and its user told; below it, or unpublished, nothing', async () => {
  await office.user('watcher1', 'agent', 'Watcher LLP');
  const watcher = await login(app, 'watcher1');
  const w = ok(await watcher.post('/api/v1/watches', { markText: 'ORBITA', niceClasses: [9], threshold: 0.75, label: 'Client Orbita' }), 201);
  assert.equal(w.threshold, 0.75);
  assert.deepEqual(w.niceClasses, [9]);
  // Another account's watch is not found; a bad watch is refused with a code.
  expectProblem(await agent.get(`/api/v1/watches/${w.id}`), 404, 'WATCH_NOT_FOUND');
  expectProblem(await watcher.post('/api/v1/watches', { markText: '***' }), 422, 'SEARCH_TEXT_EMPTY');
  expectProblem(await watcher.post('/api/v1/watches', { markText: 'ORBITA', threshold: 1.5 }), 400, 'VALIDATION_FAILED');
  expectProblem(await anon().post('/api/v1/watches', { markText: 'ORBITA' }), 401, 'UNAUTHENTICATED');

  const file = async (text: string, cls: number, publish: boolean) => {
    const f = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text }, goodsServices: [goods(cls)] })), 201);
    if (publish) {
      for (const [who, act] of [[formalities, 'accept-formalities'], [formalities, 'approve-classification'], [examiner, 'accept'], [registrar, 'publish']] as const) {
        ok(await who.post(`/api/v1/cases/${f.case.id}/acts/${act}`, {}), 201);
      }
    }
    return f.case.number as string;
  };
  const close = await file('ORBYTA', 9, true);
  const far = await file('ZANZIBAR', 9, true);
  const unpublished = await file('ORBITTA', 9, false);
  await office.work();
  await office.work(); // a second pass over the same jobs adds nothing
  const read = ok(await watcher.get(`/api/v1/watches/${w.id}`));
  assert.deepEqual(read.hits.map((h: any) => h.applicationNumber), [close], JSON.stringify(read.hits));
  assert.ok(read.hits[0].score >= 0.75);
  assert.ok(read.hits[0].why.fired.length > 0);
  assert.ok(![far, unpublished].some((n) => read.hits.some((h: any) => h.applicationNumber === n)));
  const notices = ok(await watcher.get('/api/v1/inbox')).items.filter((n: any) => n.title.includes(close));
  assert.equal(notices.length, 1, JSON.stringify(notices));
  assert.match(notices[0].body, /ORBYTA/);
  const list = ok(await watcher.get('/api/v1/watches'));
  assert.deepEqual(list.items.map((i: any) => [i.id, i.hits]), [[w.id, 1]]);
  // Ended: no longer listed or compared; what it found stays recorded.
  assert.equal((await app.inject({ method: 'DELETE', url: `/api/v1/watches/${w.id}`, headers: { authorization: `Bearer ${watcher.token}` } })).statusCode, 204);
  assert.deepEqual(ok(await watcher.get('/api/v1/watches')).items, []);
  await file('ORBITAH', 9, true);
  await office.work();
  const { rows } = await office.db.query<{ n: number }>('SELECT count(*)::int AS n FROM mark_watch_hits WHERE watch_id = $1', [w.id]);
  assert.equal(rows[0].n, 1);
});

test('a change committed after a later-numbered one is still found (concurrent writers on PostgreSQL)', { skip: !usingPostgres() && 'PGlite has one connection: its transactions never overlap' }, async () => {
  await search(examiner, { text: 'ANYTHING' });
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  let began!: () => void;
  const begun = new Promise<void>((r) => { began = r; });
  // A transaction changes a mark (taking a change number) and stays open...
  const slow = office.db.tx(async (q) => {
    await q.query(`UPDATE cases SET data = jsonb_set(data, '{mark,text}', '"HOLDOVERMARK"') WHERE id = $1`, [ids.zebra]);
    began();
    await held;
  });
  await begun;
  // ...while another files a mark, commits, and is searched: the index moves past both numbers.
  const later = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'LATERMARK' }, goodsServices: [goods(9)] })), 201);
  assert.equal((await search(examiner, { text: 'LATERMARK' })).hits[0]?.applicationNumber, later.case.number);
  assert.equal(rankOf(await search(examiner, { text: 'HOLDOVERMARK' }), 'zebra'), -1, 'not committed yet');
  release();
  await slow;
  const r = await search(examiner, { text: 'HOLDOVERMARK' });
  assert.equal(rankOf(r, 'zebra'), 0, 'the earlier-numbered change, committed last, is found');
});
