// The public register search (GET /api/v1/cases): anonymous callers see published cases only, and
// search them by title in any script and any case (Cyrillic, Arabic, Chinese marks), by the holder's or
// applicant's name, by Nice class and by number or its beginning. An unpublished application is found
// by no filter, and the results carry nothing of the parties or of who in the office took the case.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, formalities: Client, examiner: Client, registrar: Client, rival: Client;
const anon = () => client(app, null);
const numbers: Record<string, string> = {};

const MARKS = [
  { key: 'cyrillic', text: 'ЖАР-ПТИЦА', applicant: 'Жар Кофе ООО', classNumber: 30, publish: true },
  { key: 'arabic', text: 'قهوة الصباح', applicant: 'Sabah Trading LLC', classNumber: 43, publish: true },
  { key: 'chinese', text: '龙井茶', applicant: 'Hangzhou Tea Co', classNumber: 30, publish: true },
  { key: 'hidden', text: 'Aurora Secret', applicant: 'Hidden Holder Ltd', classNumber: 30, publish: false },
];

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  for (const [u, role, party] of [['agent1', 'agent', 'Agent One LLP'], ['formal1', 'formalities'], ['exam1', 'examiner'], ['reg1', 'registrar'], ['rival1', 'applicant', 'Rival SA']] as const) {
    await office.user(u, role, party);
  }
  [agent, formalities, examiner, registrar, rival] = await Promise.all(['agent1', 'formal1', 'exam1', 'reg1', 'rival1'].map((u) => login(app, u)));
  for (const m of MARKS) {
    const filed = ok(await agent.post('/api/v1/cases', filing({
      mark: { kind: 'Word', text: m.text },
      applicant: { kind: 'legal', name: m.applicant, country: 'XX', address: '1 Main Street', email: `${m.key}@example.test` },
      goodsServices: [{ classNumber: m.classNumber, terms: m.classNumber === 30 ? ['coffee'] : ['café services'] }],
    })), 201);
    numbers[m.key] = filed.case.number;
    if (!m.publish) continue;
    for (const [who, act] of [[formalities, 'accept-formalities'], [formalities, 'approve-classification'], [examiner, 'accept'], [registrar, 'publish']] as const) {
      ok(await who.post(`/api/v1/cases/${filed.case.id}/acts/${act}`, {}), 201);
    }
  }
});
after(() => office.shutdown());

const search = async (c: Client, query: string) => ok(await c.get(`/api/v1/cases?${query}`));
const found = (body: any) => body.items.map((i: any) => i.number).sort();
const only = (...keys: string[]) => keys.map((k) => numbers[k]).sort();

test('the public sees the published cases only, with no party data and no assignee', async () => {
  const all = await search(anon(), '');
  assert.equal(all.total, 3);
  assert.deepEqual(found(all), only('cyrillic', 'arabic', 'chinese'));
  for (const item of all.items) {
    assert.equal(item.public, true);
    for (const k of ['data', 'parties', 'assignee', 'fees']) assert.equal(item[k], undefined, `no ${k} in a public result`);
  }
  assert.ok(!JSON.stringify(all).includes('@example.test'), 'no e-mail address of a party');
  // The office sees the unpublished application too; another applicant does not.
  assert.equal((await search(formalities, '')).total, 4);
  assert.deepEqual(found(await search(rival, 'q=aurora')), []);
  assert.deepEqual(found(await search(agent, 'q=aurora')), only('hidden'), 'the filer sees its own application');
});

test('q matches the title in any script, whatever the case, anywhere in it', async () => {
  for (const [q, key] of [['жар', 'cyrillic'], ['птица', 'cyrillic'], ['Жар-Пт', 'cyrillic'], ['الصباح', 'arabic'], ['قهوة', 'arabic'], ['井', 'chinese'], ['龙井茶', 'chinese']]) {
    assert.deepEqual(found(await search(anon(), `q=${encodeURIComponent(q)}`)), only(key), `q=${q}`);
  }
  assert.deepEqual(found(await search(anon(), `q=${encodeURIComponent('ПТИЦА-ЖАР')}`)), [], 'no match for a different text');
  assert.deepEqual(found(await search(anon(), 'q=aurora')), [], 'an unpublished mark is not found by the public');
  assert.deepEqual(found(await search(formalities, 'q=AURORA%20secret')), only('hidden'));
  assert.deepEqual(found(await search(anon(), 'q=%25')), [], 'a % in the query is a character, not a wildcard');
  assert.deepEqual(found(await search(anon(), `q=${numbers.arabic.toLowerCase()}`)), only('arabic'), 'q also takes a case number');
});

test('holder matches part of the applicant\'s or holder\'s name, case-insensitively; never a party of an unpublished case', async () => {
  assert.deepEqual(found(await search(anon(), `holder=${encodeURIComponent('жар кофе')}`)), only('cyrillic'));
  assert.deepEqual(found(await search(anon(), 'holder=HANGZHOU')), only('chinese'));
  assert.deepEqual(found(await search(anon(), 'holder=trading')), only('arabic'));
  assert.deepEqual(found(await search(anon(), 'holder=hidden')), []);
  assert.deepEqual(found(await search(formalities, 'holder=hidden')), only('hidden'));
  assert.deepEqual(found(await search(anon(), `holder=${encodeURIComponent('Agent One')}`)), [], 'a representative is not the holder');
});

test('classNumber finds the Nice class in the goods and services; number is exact or a beginning; filters combine', async () => {
  assert.deepEqual(found(await search(anon(), 'classNumber=30')), only('cyrillic', 'chinese'));
  assert.deepEqual(found(await search(anon(), 'classNumber=43')), only('arabic'));
  assert.deepEqual(found(await search(anon(), 'classNumber=9')), []);
  assert.deepEqual(found(await search(anon(), `number=${numbers.chinese}`)), only('chinese'));
  assert.deepEqual(found(await search(anon(), 'number=TM-2026-')), only('cyrillic', 'arabic', 'chinese'));
  assert.deepEqual(found(await search(anon(), 'number=tm-2026-')), only('cyrillic', 'arabic', 'chinese'), 'numbers are upper case');
  assert.deepEqual(found(await search(anon(), 'number=TM-2027-')), []);
  assert.deepEqual(found(await search(anon(), 'number=%25')), [], 'a % is not a wildcard');
  assert.deepEqual(found(await search(anon(), 'classNumber=30&holder=hangzhou')), only('chinese'));
  assert.deepEqual(found(await search(anon(), `classNumber=43&number=${numbers.chinese}`)), []);
  expectProblem(await anon().get('/api/v1/cases?classNumber=0'), 400, 'VALIDATION_FAILED');
  expectProblem(await anon().get('/api/v1/cases?classNumber=abc'), 400, 'VALIDATION_FAILED');
  expectProblem(await anon().get('/api/v1/cases?nope=1'), 400, 'VALIDATION_FAILED');
});

test('the searches have their indexes behind them (005; 006 limits the costly ones to published cases)', async () => {
  const { rows } = await office.db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename IN ('cases', 'parties')");
  const names = rows.map((r) => r.indexname);
  for (const n of ['cases_number_prefix', 'cases_title_lower', 'cases_goods_services_public', 'parties_name_lower']) assert.ok(names.includes(n), `index ${n}`);
  assert.ok(!names.includes('cases_goods_services') && !names.includes('parties_name_trgm'), 'no index over unpublished cases or every party');
  const trgm = (await office.db.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).rows.length === 1;
  assert.equal(names.includes('cases_title_trgm_public'), trgm, 'trigram indexes exactly where pg_trgm is installed');
  const defs = (await office.db.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE indexname IN ('cases_goods_services_public', 'cases_title_trgm_public')")).rows;
  for (const d of defs) assert.match(d.indexdef, /WHERE public/);
});
