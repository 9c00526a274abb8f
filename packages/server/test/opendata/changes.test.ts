// The change feed: acts of public cases in the order the journal sealed them, by a cursor that only
// moves forward. A case appears with the act that published it; what came before stays in its public
// history only; an unpublished case never appears at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, ok } from '../http/helpers.ts';
import { cast, scene, type Cast } from '../gazette/scene.ts';

let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let s: ReturnType<typeof scene>;
const feed = (query = '') => client(app, null).get(`/api/v1/changes${query}`);

async function all(query: string) {
  const items: any[] = [];
  let since = '';
  for (let i = 0; i < 50; i++) {
    const page = ok(await feed(`?limit=2${query}${since ? `&since=${since}` : ''}`));
    items.push(...page.items);
    assert.equal(page.links.next, `/api/v1/changes?since=${page.next}&limit=2${query.replace(/^&/, '&')}`);
    if (page.items.length === 0) return { items, next: page.next };
    since = page.next;
  }
  throw new Error('the feed did not end');
}

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  people = await cast(office);
  s = scene(office, people);
});
after(() => office?.shutdown());

test('a case enters the feed with its publication; earlier acts and unpublished cases never do; the cursor pages without gaps or repeats', async () => {
  const pub = await s.acceptedTrademark('FEED ROAST');
  const hidden = await s.acceptedTrademark('HIDDEN ROAST');
  await office.work();
  assert.deepEqual(ok(await feed()).items, [], 'nothing public yet');

  await s.act(people.registrar, pub, 'publish');
  // Not sealed yet: the feed follows the sealed journal.
  assert.deepEqual(ok(await feed()).items, []);
  await office.work();
  const first = ok(await feed());
  assert.deepEqual(first.items.map((i: any) => [i.caseNumber, i.act.type, i.stateAfter]), [[pub, 'publish', 'published']]);
  const e = first.items[0];
  assert.deepEqual(e.event, { standard: 'ST.61', category: 'Application published', detailedCode: null, statusCategory: 'Application published' });
  assert.equal(e.officeDate, '2026-03-02');
  assert.equal(e.right, 'trademark');
  assert.deepEqual(e.links, { case: `/api/v1/cases/${pub}`, st96: `/api/v1/register/${pub}/st96.xml` });
  assert.equal(first.next, e.cursor);

  // More acts: a GI published and a design registered (which publishes it); the hidden mark is withdrawn (never shown).
  const gi = await s.acceptedGi();
  await s.act(people.registrar, gi, 'publish');
  const design = await s.acceptedDesign();
  await s.act(people.registrar, design, 'register');
  await s.act(people.agent, hidden, 'withdraw', {});
  await s.act(people.agent, pub, 'withdraw', {});
  await office.work();

  const since = ok(await feed(`?since=${first.next}`));
  assert.deepEqual(since.items.map((i: any) => [i.caseNumber, i.act.type]), [[gi, 'publish'], [design, 'register'], [pub, 'withdraw']]);
  // Cursors increase; paging two at a time gives the same sequence, once each.
  const paged = await all('');
  assert.deepEqual(paged.items.map((i: any) => i.cursor), [first.items[0].cursor, ...since.items.map((i: any) => i.cursor)]);
  const keys = paged.items.map((i: any) => i.cursor.split('.').map(Number));
  for (let i = 1; i < keys.length; i++) assert.ok(keys[i][0] > keys[i - 1][0] || (keys[i][0] === keys[i - 1][0] && keys[i][1] > keys[i - 1][1]));
  assert.ok(!JSON.stringify(paged.items).includes(hidden), 'an unpublished case never appears');
  // Only acts from the publication on: the filing and examination of the published cases are not in the feed.
  assert.ok(!paged.items.some((i: any) => ['file', 'accept-formalities', 'accept', 'pay-fees'].includes(i.act.type)));
  // The end: an empty page that keeps the cursor.
  const end = ok(await feed(`?since=${paged.next}`));
  assert.deepEqual([end.items, end.next, end.hasMore], [[], paged.next, false]);
});

test('filters by right and by event, and a bad cursor is refused', async () => {
  const gis = ok(await feed('?right=gi'));
  assert.deepEqual(gis.items.map((i: any) => i.right), ['gi']);
  const lapses = ok(await feed('?event=Application%20withdrawn'));
  assert.deepEqual(lapses.items.map((i: any) => i.act.type), ['withdraw']);
  const designs = ok(await feed('?event=Registered'));
  assert.deepEqual(designs.items.map((i: any) => [i.right, i.event.standard]), [['design', 'ST.87']]);
  expectProblem(await feed('?since=yesterday'), 400, 'INVALID_CURSOR');
  expectProblem(await feed('?limit=5000'), 400, 'VALIDATION_FAILED');
});
