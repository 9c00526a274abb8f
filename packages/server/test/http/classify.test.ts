// Classification help through the public API: Nice classes for descriptions in the applicant's own
// words (with official terms to use instead), in English, French and Spanish; IPC subclasses for
// patent titles and abstracts; and the refusals of bad input, each with its stable code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, ok } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as any });
const nice = (payload: unknown) => post('/api/v1/classification/nice/suggest', payload);
const ipc = (payload: unknown) => post('/api/v1/classification/ipc/suggest', payload);
const classesOf = (body: any): number[] => body.suggestions.map((s: any) => s.classNumber);

before(async () => {
  office = await testOffice();
  app = await office.http();
});
after(async () => { await office.shutdown(); });

test('paraphrased descriptions get the right Nice class first, with official terms of that class; no sign-in needed', async () => {
  const cases: [string, number][] = [
    ['handmade leather wallets', 18],
    ['we roast and sell coffee beans', 30],
    ['software as a service for accounting', 42],
    ['app for booking yoga classes', 9],
    ['our family bakes sourdough loaves and cinnamon buns', 30],
    ['hair salon and barber', 44],
  ];
  for (const [text, expected] of cases) {
    const res = await nice({ text, language: 'en' });
    const body = ok(res);
    assert.equal(classesOf(body)[0], expected, `${text}: got ${classesOf(body).join(', ')}`);
    const first = body.suggestions[0];
    assert.equal(first.kind, expected <= 34 ? 'goods' : 'services');
    assert.ok(first.heading.length > 10, 'the class heading');
    assert.ok(first.terms.length >= 1, `${text}: official terms offered`);
    for (const t of first.terms) {
      assert.match(t.basicNumber, /^\d{6}$/);
      assert.equal(Number(t.basicNumber.slice(0, 2)), expected, `${t.term} is a term of class ${expected}`);
      assert.ok(t.score > 0 && t.score <= 1);
    }
    // Scores read as confidence: between 0 and 1, best first, adding up to at most 1.
    const scores = body.suggestions.map((s: any) => s.score);
    assert.deepEqual(scores, [...scores].sort((a: number, b: number) => b - a));
    assert.ok(scores.every((s: number) => s >= 0 && s <= 1) && scores.reduce((a: number, b: number) => a + b, 0) <= 1.001);
  }
  // The closest terms are the ones the description names: a wallet, not just any leather good.
  const wallets = ok(await nice({ text: 'handmade leather wallets', language: 'en' })).suggestions[0];
  assert.match(wallets.terms[0].term, /wallet/i);
  // The terms offered are the official wording the filing check accepts.
  const term = wallets.terms[0];
  const listed = ok(await app.inject({ method: 'GET', url: `/api/v1/reference/nice/terms?q=${encodeURIComponent(term.term)}&classNumber=18&limit=5` }));
  assert.ok(listed.items.some((i: any) => i.basicNumber === term.basicNumber && i.term === term.term));
});

test('goods or services: the same thing sold, repaired, rented or taught goes to different classes', async () => {
  const first = async (text: string) => classesOf(ok(await nice({ text, language: 'en' })))[0];
  assert.equal(await first('bicycles and bicycle parts'), 12);
  assert.equal(await first('repair and maintenance of bicycles'), 37);
  assert.equal(await first('online shop selling bicycles of many brands'), 35);
  assert.equal(await first('printed books for children'), 16);
  assert.equal(await first('publishing of books'), 41);
  // Related classes follow the first: a coffee roaster is also near coffee machines and cafés.
  const coffee = classesOf(ok(await nice({ text: 'coffee', language: 'en', limit: 10 })));
  assert.equal(coffee[0], 30);
  assert.ok(coffee.includes(43) || coffee.includes(11) || coffee.includes(21), `coffee: ${coffee.join(', ')}`);
});

test('French and Spanish descriptions are read through their lexicons; a region of the language is accepted', async () => {
  const first = async (text: string, language: string) => classesOf(ok(await nice({ text, language })))[0];
  assert.equal(await first('sacs à main et portefeuilles en cuir', 'fr'), 18);
  assert.equal(await first('réparation de vélos', 'fr'), 37);
  assert.equal(await first('Vins rouges de notre domaine', 'fr-CA'), 33);
  assert.equal(await first('clases de yoga y pilates', 'es'), 41);
  assert.equal(await first('zapatillas deportivas y sudaderas', 'es-MX'), 25);
  assert.equal(await first('fontanería y reparación de calderas', 'es'), 37);
  const langs = ok(await app.inject({ method: 'GET', url: '/api/v1/classification/nice/languages' })).languages;
  assert.ok(['en', 'fr', 'es'].every((l) => langs.includes(l)), langs.join(', '));
});

test('the limit is kept; words the classification does not know give no suggestion rather than a guess', async () => {
  const two = ok(await nice({ text: 'cakes and biscuits', language: 'en', limit: 2 }));
  assert.equal(two.suggestions.length, 2);
  const byDefault = ok(await nice({ text: 'cakes and biscuits' }));
  assert.equal(byDefault.suggestions.length, 5, 'English and five suggestions by default');
  assert.deepEqual(ok(await nice({ text: 'zzqxj vvwpt', language: 'en' })), { suggestions: [] });
});

test('bad input: empty or too long text, an unsupported language, a malformed body; each a stable code', async () => {
  expectProblem(await nice({ text: '', language: 'en' }), 422, 'CLASSIFY_TEXT_EMPTY');
  expectProblem(await nice({ text: '  ¡¿ … !!  ', language: 'en' }), 422, 'CLASSIFY_TEXT_EMPTY');
  const long = expectProblem(await nice({ text: 'leather wallets '.repeat(126).slice(0, 2001), language: 'en' }), 422, 'CLASSIFY_TEXT_TOO_LONG');
  assert.deepEqual([long.max, long.length], [2000, 2001]);
  ok(await nice({ text: 'leather wallets '.repeat(125), language: 'en' }), 200);
  expectProblem(await nice({ text: 'x'.repeat(10_000), language: 'en' }), 422, 'CLASSIFY_TEXT_TOO_LONG');
  const lang = expectProblem(await nice({ text: 'leather wallets', language: 'tlh' }), 422, 'LANGUAGE_NOT_SUPPORTED');
  assert.ok(['en', 'fr', 'es'].every((l) => lang.supported.includes(l)));
  expectProblem(await nice({ text: 'leather wallets', language: 'x' }), 400, 'VALIDATION_FAILED');
  expectProblem(await nice({ language: 'en' }), 400, 'VALIDATION_FAILED');
  expectProblem(await nice({ text: 42, language: 'en' }), 400, 'VALIDATION_FAILED');
  expectProblem(await nice({ text: 'wallets', limit: 11 }), 400, 'VALIDATION_FAILED');
  expectProblem(await nice({ text: 'wallets', other: true }), 400, 'VALIDATION_FAILED');
  expectProblem(await app.inject({ method: 'POST', url: '/api/v1/classification/nice/suggest', headers: { 'content-type': 'application/json' }, payload: '{"text":' }), 400, 'MALFORMED_JSON');
  expectProblem(await ipc({ text: '' }), 422, 'CLASSIFY_TEXT_EMPTY');
  expectProblem(await ipc({ text: 'a battery '.repeat(501) }), 422, 'CLASSIFY_TEXT_TOO_LONG');
  expectProblem(await ipc({ text: 'battery', language: 'en' }), 400, 'VALIDATION_FAILED');
});

test('IPC subclasses for patent titles and abstracts, with their class and section', async () => {
  const cases: [string, string][] = [
    ['Lithium-ion battery whose anode comprises silicon particles coated with carbon', 'H01M'],
    ['Bicycle brake with hydraulic disc calipers', 'B62L'],
    ['Folding umbrella with an automatic opening mechanism', 'A45B'],
    ['Golf club head with an adjustable weight in the sole', 'A63B'],
    ['Sewing machine with an automatic thread cutter', 'D05B'],
  ];
  for (const [text, expected] of cases) {
    const body = ok(await ipc({ text }));
    const symbols = body.suggestions.map((s: any) => s.symbol);
    assert.ok(symbols.slice(0, 3).includes(expected), `${text}: got ${symbols.join(', ')}`);
    const hit = body.suggestions.find((s: any) => s.symbol === expected);
    assert.deepEqual([hit.class.symbol, hit.section.symbol], [expected.slice(0, 3), expected[0]]);
    assert.ok(hit.title.length > 5 && hit.class.title.length > 5 && hit.section.title.length > 5);
    assert.ok(!/[A-H]\d\d[A-Z]\d{6,}/.test(hit.title), 'references to other places are left out of the title');
  }
  const limited = ok(await ipc({ text: 'electric motor with permanent magnets', limit: 3 }));
  assert.equal(limited.suggestions.length, 3);
  assert.equal(limited.suggestions[0].symbol, 'H02K');
});

test('both routes are public, rate limited like every route, and described in the OpenAPI document', async () => {
  const res = await nice({ text: 'wallets', language: 'en' });
  ok(res);
  assert.ok(Number(res.headers['x-ratelimit-limit']) > 0, 'counted by the rate limits');
  const doc = ok(await app.inject({ method: 'GET', url: '/openapi.json' }));
  for (const path of ['/api/v1/classification/nice/suggest', '/api/v1/classification/ipc/suggest']) {
    const op = doc.paths[path]?.post;
    assert.ok(op, path);
    assert.deepEqual(op.security, []);
    assert.match(op.description, /Access: anyone/);
    assert.ok(op.requestBody.content['application/json'].schema.properties.text);
  }
});
