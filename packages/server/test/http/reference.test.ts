// Nice reference data for the term picker: public, ranked, bounded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, ok } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
const get = (url: string) => app.inject({ method: 'GET', url });

before(async () => {
  office = await testOffice();
  app = await office.http();
});
after(async () => { await office.shutdown(); });

test('the 45 classes with headings: 1 to 34 goods, 35 to 45 services; no sign-in needed', async () => {
  const { items } = ok(await get('/api/v1/reference/nice/classes'));
  assert.equal(items.length, 45);
  assert.deepEqual(items.map((c: any) => c.classNumber), Array.from({ length: 45 }, (_, i) => i + 1));
  assert.deepEqual(items.filter((c: any) => c.kind === 'goods').map((c: any) => c.classNumber), Array.from({ length: 34 }, (_, i) => i + 1));
  assert.ok(items.every((c: any) => (c.kind === 'goods' || c.kind === 'services') && c.heading.length > 10));
  assert.match(items[29].heading, /Coffee/);
});

test('terms are ranked exact, then starting with, then a word starting with, then containing; case-insensitive', async () => {
  const r = ok(await get('/api/v1/reference/nice/terms?q=COFFEE&limit=100'));
  const terms = r.items.map((t: any) => t.term.toLowerCase());
  assert.equal(r.total, r.items.length);
  assert.equal(terms[0], 'coffee');
  assert.equal(r.items[0].classNumber, 30);
  assert.match(r.items[0].basicNumber, /^\d{6}$/);
  const rank = (t: string) => (t === 'coffee' ? 0 : t.startsWith('coffee') ? 1 : /(^|[^a-z0-9])coffee/.test(t) ? 2 : 3);
  const ranks = terms.map(rank);
  assert.deepEqual(ranks, [...ranks].sort((a: number, b: number) => a - b), 'ordered by rank');
  assert.ok(ranks.includes(1) && ranks.includes(2), 'both prefix and word-start matches');
  assert.ok(terms.every((t: string) => t.includes('coffee')));
  // A term the list marks with an asterisk is an exact match without it.
  const tea = ok(await get('/api/v1/reference/nice/terms?q=tea&classNumber=30&limit=5'));
  assert.equal(tea.items[0].term.replace('*', ''), 'tea');
  // Contains-only matches come last: "offee" starts no word.
  const inner = ok(await get('/api/v1/reference/nice/terms?q=offee&limit=3'));
  assert.ok(inner.total > 3 && inner.items.every((t: any) => t.term.toLowerCase().includes('offee')));
});

test('filtered by class, limited (at most 100), and an unknown text matches nothing', async () => {
  const r = ok(await get('/api/v1/reference/nice/terms?q=coffee&classNumber=11&limit=2'));
  assert.equal(r.items.length, 2);
  assert.ok(r.total > 2);
  assert.ok(r.items.every((t: any) => t.classNumber === 11));
  const all = ok(await get('/api/v1/reference/nice/terms?classNumber=45'));
  assert.equal(all.items.length, 20, 'the default limit');
  assert.ok(all.total > 20 && all.items.every((t: any) => t.classNumber === 45));
  assert.deepEqual(ok(await get('/api/v1/reference/nice/terms?q=zzqxj')), { total: 0, items: [] });
  expectProblem(await get('/api/v1/reference/nice/terms?limit=101'), 400, 'VALIDATION_FAILED');
  expectProblem(await get('/api/v1/reference/nice/terms?classNumber=46'), 400, 'VALIDATION_FAILED');
  expectProblem(await get('/api/v1/reference/nice/terms?other=1'), 400, 'VALIDATION_FAILED');
});
