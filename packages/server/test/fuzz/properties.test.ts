// Property-based tests of the public inputs (fast-check): filings, act payloads, search query strings,
// uploads, verification codes and dates, built from valid requests mangled in every way and from Unicode
// that tricks readers (right-to-left overrides, zero-width characters, homoglyphs, combining marks,
// lone surrogates escaped in JSON). The rule for each: a clear 4xx problem document with a code, or a
// success; never a 5xx; and a refused request changes nothing stored. The seeds are fixed, so a failure
// names an input that fails again; the number of inputs tried is printed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, filing, login, ok, tinyPng, type Client, type Res } from '../http/helpers.ts';
import { inPath, mangled, text, value } from './arbitraries.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, admin: Client, examiner: Client, pub: Client;
let caseId = '';
let tried = 0;

const counts = async () => (await office.db.query<{ cases: string; acts: string; documents: string }>(
  'SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM acts) AS acts, (SELECT count(*) FROM documents) AS documents')).rows[0];

/** The rule every answer keeps: no 5xx; a 4xx is a problem document with a stable code. */
function wellFormed(res: Res, what: string) {
  tried++;
  assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `${what}: ${res.body.slice(0, 200)}`);
    assert.match(res.json().code, /^[A-Z][A-Z0-9_]+$/, what);
  }
}

const RUNS = { numRuns: 150, seed: 20261121 };
before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  await office.user('agent', 'agent', 'Fuzz IP LLP');
  await office.user('examiner', 'examiner');
  await office.user('admin', 'admin');
  [agent, examiner, admin] = await Promise.all(['agent', 'examiner', 'admin'].map((u) => login(app, u)));
  pub = client(app);
  caseId = ok(await agent.post('/api/v1/cases', filing()), 201).case.id;
});
after(async () => {
  console.log(`  ${tried} inputs tried`);
  await office?.shutdown();
});

test('filings: mangled bodies are refused with a code and leave nothing behind, or are filed whole', async () => {
  await fc.assert(fc.asyncProperty(fc.oneof(mangled(filing()), value), async (body) => {
    const before = await counts();
    const res = await agent.post('/api/v1/cases', body === undefined ? {} : body);
    wellFormed(res, `filing ${JSON.stringify(body)?.slice(0, 300)}`);
    const now = await counts();
    if (res.statusCode >= 400) assert.deepEqual(now, before, 'a refused filing stores nothing');
    else {
      const n = res.json().case.number;
      assert.equal(Number(now.cases), Number(before.cases) + 1);
      assert.equal(ok(await agent.get(`/api/v1/cases/${n}`)).number, n, 'a filing accepted is there whole');
    }
  }), RUNS);
});

test('acts: any act name with any payload on a case: a code, or the act; a refusal changes nothing', async () => {
  const acts = fc.oneof(fc.constantFrom('accept-formalities', 'notify-formal-deficiency', 'withdraw', 'pay-fees', 'file-opposition', 'register', 'renew', 'request-recordal'), text);
  await fc.assert(fc.asyncProperty(acts, fc.oneof(value, fc.dictionary(text, value, { maxKeys: 5 })), fc.boolean(), async (act, payload, asOffice) => {
    const before = await counts();
    const res = await (asOffice ? examiner : agent).post(`/api/v1/cases/${caseId}/acts/${inPath(act)}`, { payload });
    wellFormed(res, `act ${act.slice(0, 100)} ${JSON.stringify(payload)?.slice(0, 200)}`);
    if (res.statusCode >= 400) assert.deepEqual(await counts(), before);
  }), RUNS);
});

test('search query strings, verification codes and case addresses: never a 5xx', async () => {
  const params = fc.dictionary(fc.constantFrom('q', 'text', 'limit', 'offset', 'right', 'state', 'class', 'filedFrom', 'filedTo', 'sort', 'asOf', 'x'), text, { maxKeys: 5 });
  await fc.assert(fc.asyncProperty(params, async (p) => {
    const qs = new URLSearchParams(p as Record<string, string>).toString();
    wellFormed(await pub.get(`/api/v1/cases?${qs}`), `search ${qs}`);
  }), RUNS);
  await fc.assert(fc.asyncProperty(text, async (code) => {
    const res = await pub.get(`/api/v1/verify/${inPath(code)}`);
    wellFormed(res, `verify ${code.slice(0, 100)}`);
    assert.ok([400, 404, 414].includes(res.statusCode), `verify ${JSON.stringify(code).slice(0, 100)}: ${res.statusCode}`);
  }), RUNS);
  await fc.assert(fc.asyncProperty(text, fc.constantFrom('', '/acts', '/time-limits', '/st96.xml', '/notifications'), async (id, tail) => {
    wellFormed(await agent.get(`/api/v1/cases/${inPath(id)}${tail}?asOf=${inPath(id)}`), `case ${id.slice(0, 100)}${tail}`);
  }), RUNS);
});

test('uploads: any bytes under any type are judged by their content; a refusal stores nothing', async () => {
  const png = tinyPng(4, 4);
  const bytes = fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.constant(new Uint8Array(png)),
    fc.tuple(fc.integer({ min: 0, max: png.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([i, b]) => { const c = Buffer.from(png); c[i] = b; return new Uint8Array(c); }),
    fc.constantFrom('%PDF-1.7\n', '%PDF-1.4\n1 0 obj << /JS (x) >>', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', 'PK\u0003\u0004', 'II*\u0000').map((s) => new Uint8Array(Buffer.from(s, 'latin1'))));
  const type = fc.constantFrom('image/png', 'image/jpeg', 'image/tiff', 'application/pdf', 'application/xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/html', 'application/octet-stream');
  await fc.assert(fc.asyncProperty(bytes, type, async (b, t) => {
    const res = await agent.raw('POST', '/api/v1/uploads', Buffer.from(b), t);
    wellFormed(res, `upload ${t} ${b.length} bytes`);
    if (res.statusCode < 300) assert.equal((await office.storage.get(res.json().sha256))?.length, b.length);
  }), RUNS);
});

test('dates: the office clock refuses what is not a date forward, whatever the string', async () => {
  const today = office.clock.today();
  const notForward = fc.oneof(text, fc.constantFrom('2026-02-30', '2026-13-01', '0000-01-01', '2025-12-31', today, '2026-3-2', '20260302', '2026-03-02T00:00:00Z', '+2026-03-02'));
  await fc.assert(fc.asyncProperty(notForward, async (date) => {
    const res = await admin.put('/api/v1/admin/clock', { date });
    wellFormed(res, `clock ${date.slice(0, 100)}`);
    assert.equal(office.clock.today(), today, 'the office date did not move');
  }), RUNS);
});
