// Open data: the worker dumps the public register (ST.96 XML bags in a zip, JSON Lines gzipped) with a
// manifest of SHA-256 checksums that a downloader can recompute; an unpublished case is never in it.
// The public API answers conditional reads (ETag, Last-Modified -> 304) and pages its lists with a
// `next` link; its published rate limits answer 429 with a problem document.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { validateSt96 } from '../../src/modules/exchange/index.ts';
import { scheduleDump } from '../../src/modules/opendata/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, type Client } from '../http/helpers.ts';
import { cast, scene, type Cast } from '../gazette/scene.ts';

let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let s: ReturnType<typeof scene>;
let admin: Client, agent: Client;
const anonymous = () => client(app, null);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const published: string[] = [];
let unpublished = '';

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  people = await cast(office);
  s = scene(office, people);
  [admin, agent] = await Promise.all(['admin', 'agent'].map((u) => login(app, u)));
  for (const text of ['ALPHA ROAST', 'BETA BREW', 'قهوة']) {
    const n = await s.acceptedTrademark(text);
    await s.act(people.registrar, n, 'publish');
    published.push(n);
  }
  const gi = await s.acceptedGi();
  await s.act(people.registrar, gi, 'publish');
  published.push(gi);
  unpublished = await s.acceptedTrademark('SECRET BLEND');
  await office.work();
});
after(() => office?.shutdown());

test('the register dump: asked for by the administrator, made by the worker, every checksum true, nothing unpublished in it', async () => {
  expectProblem(await agent.post('/api/v1/open-data/dumps'), 403, 'FORBIDDEN');
  assert.deepEqual(ok(await admin.post('/api/v1/open-data/dumps'), 202), { queued: true, alreadyAsked: false });
  assert.deepEqual(ok(await admin.post('/api/v1/open-data/dumps'), 202), { queued: false, alreadyAsked: true }, 'asked once until made');
  assert.equal(ok(await anonymous().get('/api/v1/open-data')).register.latest, null, 'not made on the request');
  await office.work();

  const index = ok(await anonymous().get('/api/v1/open-data'));
  const dump = index.register.latest;
  assert.equal(dump.cases, published.length);
  const seal = (await office.db.query('SELECT id, hash FROM journal_seals ORDER BY id DESC LIMIT 1')).rows[0];
  assert.deepEqual(dump.seal, { id: seal.id, hash: seal.hash });
  const got: Record<string, Buffer> = {};
  for (const f of dump.files) {
    const res = await anonymous().get(f.href);
    assert.equal(res.statusCode, 200, f.name);
    assert.equal(sha(res.rawPayload), f.sha256);
    assert.equal(res.rawPayload.length, f.size);
    assert.deepEqual([res.headers.etag, res.headers['x-checksum-sha256'], Number(res.headers['content-length'])], [`"${f.sha256}"`, f.sha256, f.size]);
    got[f.name.replace(/^register-xx-\d{4}-\d{2}-\d{2}/, '')] = res.rawPayload;
  }
  assert.deepEqual(Object.keys(got).sort(), ['-manifest.json', '-st96.zip', '.jsonl.gz']);

  // The manifest lists both files with their sizes and SHA-256, as recomputed here.
  const manifest = JSON.parse(got['-manifest.json'].toString('utf8'));
  assert.equal(manifest.seal.hash, seal.hash);
  assert.ok(Date.parse(manifest.generatedAt) > 0);
  for (const f of manifest.files) {
    const bytes = f.name.endsWith('.zip') ? got['-st96.zip'] : got['.jsonl.gz'];
    assert.deepEqual([f.size, f.sha256], [bytes.length, sha(bytes)], f.name);
  }
  // The zip: one bag per right, listed in its own manifest with checksums; valid ST.96.
  const zip = unzipSync(got['-st96.zip']);
  const inner = JSON.parse(Buffer.from(zip['manifest.json']).toString('utf8'));
  assert.deepEqual(inner.files.map((f: any) => f.name).sort(), Object.keys(zip).filter((k) => k !== 'manifest.json').sort());
  for (const f of inner.files) assert.equal(sha(zip[f.name]), f.sha256, f.name);
  assert.deepEqual(inner.files.map((f: any) => f.name.replace(/.*-(\w+)\.xml$/, '$1')).sort(), ['gi', 'trademark']);
  const tm = Buffer.from(zip[inner.files.find((f: any) => f.name.endsWith('-trademark.xml')).name]).toString('utf8');
  assert.deepEqual(validateSt96(tm).errors, []);
  assert.ok(tm.includes('قهوة') && !tm.includes('SECRET BLEND') && !tm.includes(unpublished));
  // JSON Lines: one public case a line.
  const lines = gunzipSync(got['.jsonl.gz']).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, published.length);
  const text = JSON.stringify(lines);
  for (const n of published) assert.ok(text.includes(n), n);
  assert.ok(!text.includes(unpublished) && !text.includes('SECRET BLEND'));

  // 'latest' and the file's kind give a stable address; an unknown file is a 404 problem.
  const latest = await anonymous().get('/api/v1/open-data/dumps/latest/files/st96.zip');
  assert.equal(sha(latest.rawPayload), dump.files.find((f: any) => f.name.endsWith('-st96.zip')).sha256);
  assert.equal(latest.headers['cache-control'], 'public, no-cache');
  expectProblem(await anonymous().get('/api/v1/open-data/dumps/latest/files/nothing.txt'), 404, 'OPEN_DATA_FILE_NOT_FOUND');
  assert.equal((await anonymous().get(dump.files[0].href, { 'if-none-match': `"${dump.files[0].sha256}"` })).statusCode, 304);
});

test('the schedule asks for a dump once the last is a day old (or never, when set to 0)', async () => {
  assert.equal(await scheduleDump(office.db, office.clock, 0), false);
  assert.equal(await scheduleDump(office.db, office.clock, 1), false, "today's dump exists");
  await office.setDate('2026-03-03');
  assert.equal(await scheduleDump(office.db, office.clock, 1), true);
  assert.equal(await scheduleDump(office.db, office.clock, 1), false, 'already asked');
  await office.work();
  assert.equal(ok(await anonymous().get('/api/v1/open-data/dumps')).total, 2);
});

test('a public case answers with ETag and Last-Modified, and 304 to a client that has it; a new act changes the ETag', async () => {
  const url = `/api/v1/cases/${published[0]}`;
  const first = await anonymous().get(url);
  assert.equal(first.statusCode, 200);
  const etag = String(first.headers.etag);
  const lastModified = String(first.headers['last-modified']);
  assert.match(etag, /^"[0-9a-f]{40}"$/);
  assert.ok(Date.parse(lastModified) > 0);
  assert.match(String(first.headers.vary), /authorization/);
  const again = await anonymous().get(url, { 'if-none-match': etag });
  assert.equal(again.statusCode, 304);
  assert.equal(again.body, '');
  assert.equal((await anonymous().get(url, { 'if-modified-since': lastModified })).statusCode, 304);
  assert.equal((await anonymous().get(url, { 'if-modified-since': new Date(Date.parse(lastModified) - 86_400_000).toUTCString() })).statusCode, 200);
  // A party sees more of the case: another representation, another ETag.
  assert.notEqual((await agent.get(url)).headers.etag, etag);
  await s.act(people.agent, published[0], 'withdraw', {});
  const changed = await anonymous().get(url, { 'if-none-match': etag });
  assert.equal(changed.statusCode, 200);
  assert.notEqual(changed.headers.etag, etag);
});

test('the register search pages with a next link, and answers 304 while nothing changed', async () => {
  const page = await anonymous().get('/api/v1/cases?limit=2');
  const body = ok(page);
  assert.equal(body.total, published.length);
  assert.equal(body.items.length, 2);
  assert.equal(body.next, '/api/v1/cases?limit=2&offset=2');
  assert.equal(page.headers.link, '</api/v1/cases?limit=2&offset=2>; rel="next"');
  assert.ok(Date.parse(String(page.headers['last-modified'])) > 0);
  const last = ok(await anonymous().get(body.next));
  assert.equal(last.next, null);
  assert.deepEqual([...body.items, ...last.items].map((i: any) => i.number).sort(), [...published].sort());
  assert.equal((await anonymous().get('/api/v1/cases?limit=2', { 'if-none-match': String(page.headers.etag) })).statusCode, 304);
});

test('rate limits: published in the API description, counted per address and per account, 429 as a problem with retry-after', async () => {
  const limited = await testOffice({ startDate: '2026-03-02', config: { rateLimitAnonymous: 3, rateLimitSignedIn: 5 } });
  try {
    const lapp = await limited.http();
    await limited.user('someone', 'applicant');
    const signedIn = await login(lapp, 'someone'); // the login itself is an anonymous request
    const anon = client(lapp, null);
    const first = await anon.get('/api/v1/reference/nice/classes');
    assert.deepEqual([first.headers['x-ratelimit-limit'], first.headers['x-ratelimit-remaining']], ['3', '1']);
    assert.equal((await anon.get('/api/v1/gazette/calendar')).statusCode, 200);
    const over = await anon.get('/api/v1/gazette/calendar');
    const p = expectProblem(over, 429, 'RATE_LIMITED');
    assert.ok(Number(over.headers['retry-after']) >= 1);
    assert.equal(p.limit, 3);
    // Signed in: a bucket of its own, with the higher limit.
    for (let i = 0; i < 5; i++) assert.equal((await signedIn.get('/api/v1/portfolio')).headers['x-ratelimit-limit'], '5');
    expectProblem(await signedIn.get('/api/v1/portfolio'), 429, 'RATE_LIMITED');
    // The web app and the health check are not counted.
    assert.equal((await anon.get('/health')).statusCode, 200);
    const doc = (await anon.get('/openapi.json')).json();
    assert.match(doc.info.description, /3 requests per address without signing in, 5 per signed-in account/);
  } finally {
    await limited.shutdown();
  }
  const open = await testOffice({ config: { rateLimitAnonymous: 0, rateLimitSignedIn: 0 } });
  try {
    const res = await client(await open.http(), null).get('/api/v1/gazette/calendar');
    assert.equal(res.headers['x-ratelimit-limit'], undefined, 'no limit configured: no limit applied');
  } finally {
    await open.shutdown();
  }
});
