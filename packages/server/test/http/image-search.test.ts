// Image search (POST /api/v1/search/images): figurative marks filed with their images and Vienna codes, their
// features computed by the worker, then found by an uploaded image: a near-duplicate first (shifted, scaled,
// recoloured), the same figure in reversed contrast above other shapes, filters by Vienna code, Locarno class
// and right; the public sees published cases only; a mark whose features were computed a moment ago is found;
// bad input (no image, no image bytes, 50 megapixels, truncated, blank, unknown codes) refused with its code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { VIENNA_CATEGORIES, VIENNA_DIVISIONS } from '@registrum/procedures';
import { decodeImage, imageHeader } from '../../src/modules/images/index.ts';
import { DomainError } from '../../src/kernel/errors.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, type Client } from './helpers.ts';

type RGB = [number, number, number];
const WHITE: RGB = [255, 255, 255];

// --- pictures drawn here and written as PNG -------------------------------------------------------

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; t[n] = c >>> 0; }
  return t;
})();
function chunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff; for (const b of td) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0); td.copy(out, 4); out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function ihdr(w: number, h: number): Buffer {
  const b = Buffer.alloc(13); b.writeUInt32BE(w, 0); b.writeUInt32BE(h, 4); b[8] = 8; b[9] = 2; return b;
}

/** A w x h PNG: `fg` where `inside` holds (anti-aliased by 4 x 4 samples a pixel), `bg` elsewhere. */
function png(w: number, h: number, bg: RGB, fg: RGB, inside: (x: number, y: number) => boolean): Buffer {
  const raw = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let n = 0;
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) if (inside(x + (a + 0.5) / 4, y + (b + 0.5) / 4)) n++;
      const k = n / 16;
      for (let i = 0; i < 3; i++) raw[y * (1 + w * 3) + 1 + x * 3 + i] = Math.round(fg[i] * k + bg[i] * (1 - k));
    }
  }
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr(w, h)), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const square = (cx: number, cy: number, s: number) => (x: number, y: number) => Math.abs(x - cx) <= s && Math.abs(y - cy) <= s;
/** A five-pointed star: outer radius R, inner r. */
const star = (cx: number, cy: number, R: number, r: number) => (x: number, y: number) => {
  const seg = Math.PI / 5;
  let t = (((Math.atan2(y - cy, x - cx) + Math.PI / 2) % (2 * seg)) + 2 * seg) % (2 * seg);
  t = Math.abs(t - seg) / seg;
  return Math.hypot(x - cx, y - cy) <= r + (R - r) * t;
};

const QUERY = png(200, 200, WHITE, [220, 30, 30], circle(100, 100, 60));
const IMAGES = {
  secret: QUERY, // the very same red circle, filed but not published
  near: png(240, 180, WHITE, [235, 60, 40], circle(140, 80, 50)), // shifted, smaller, another red
  inverted: png(200, 200, [0, 0, 0], [35, 225, 225], circle(100, 100, 60)), // the negative: a cyan disc on black
  square: png(200, 200, WHITE, [30, 30, 220], square(100, 100, 55)),
  star: png(200, 200, WHITE, [220, 180, 20], star(100, 100, 80, 32)),
};

/** The red circle as a progressive JPEG (64 x 64, quality 85). */
const JPEG_CIRCLE = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAUDBAQEAwUEBAQFBQUGBwwIBwcHBw8LCwkMEQ8SEhEPERETFhwXExQaFRERGCEYGh0dHx8fExciJCIeJBwe' +
  'Hx7/2wBDAQUFBQcGBw4ICA4eFBEUHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh7/wgARCABAAEADASIAAhEB' +
  'AxEB/8QAGwABAAIDAQEAAAAAAAAAAAAAAAYHBAUIAQP/xAAZAQACAwEAAAAAAAAAAAAAAAAEBQACAwb/2gAMAwEAAhADEAAAAblEhpozkZP0Nl1svoL4' +
  'IjLqKHbYHgs7JutKtn0D9IbMm3BOfegqlHbxQL+qHsliz/TbltwbFymglSxfoIK9oqx5cuOBCn//xAAgEAACAgMAAgMBAAAAAAAAAAABBAIDBQYQIDAA' +
  'ERIU/9oACAEBAAEFAvU/k1E/k9lj9r7CrM1zhbDuw5IqQJJPMTkLUb6pxtr5kbiw94ancZo8siYT8NOifxzZUyu70Ak4ZT+NDjVFTNOQwbS8pwlArpNM' +
  'HDYaCh9X/8QAJBEAAgEEAQIHAAAAAAAAAAAAAgMBAAQFERASIRMxM0FRocH/2gAIAQMBAT8BpNhcOjYDTrVqPUHXGItBe7ZeUcMWLRkSjtV0nwGkv4rA' +
  'ugWEE+/5zfuh1wRxQlIzuKTnmDGjHf1V3l3PHpjtHH//xAAdEQACAQUBAQAAAAAAAAAAAAABAgADBBARMRIh/9oACAECAQE/AY1VF6Yrq3MXFTwvzAJU' +
  '7ERvS7l2uxvNJfKATsa0B5Kduqfcf//EACsQAAIBAgQDBwUAAAAAAAAAAAECAwARECExYSBBcQQSIiMwMlJDUYGRsf/aAAgBAQAGPwL0rSvd/guZrwdk' +
  'JG72q0sbxb6ig8bBlOhHAIIT5zjX4irk3ONwSYj70pZEN1YXBxmlPNsunC8R+m2XQ4sh1Btw9pfkSo/uJmUeXLn+efBYC5NJEfefE/XEwzL3lNFoQZ49' +
  'tf1VnUqdxVooHbe2VCach5uX2X0//8QAJxABAAADBwQCAwAAAAAAAAAAAQARIRAgQWFxgaEwMVGRsdHB4fH/2gAIAQEAAT8h6Seln+G8B1umvhg/Pei9' +
  'V4jv1eMxuSycw8jWGbkZqtW0U5e5RPJnA0zAYja7U5+xQ4uu3P1qnzO3uEpbXSYQG37W1anK+ML83CbkSAxhiJyD6obWi49szM4wgZTTr9IyLZIYLzdk' +
  'ezSBKLsOLy9P/9oADAMBAAIAAwAAABDzrPyiJFfgIZ79wzz/xAAgEQEAAQIHAQEAAAAAAAAAAAABEQAxECFRcYGRoUFh/9oACAEDAQE/EKltTVgOJSaa' +
  'hJdd2wZHIzGr8n8u8UEVPWVylUzl588pOsyRvLLpesFirVqwbAE8xQB4SzQcT1mXOSeFKjGvF38nTYMP/8QAHREBAAICAgMAAAAAAAAAAAAAAQARECEx' +
  'QVGhwf/aAAgBAgEBPxCKVsnO7w1HJwYTcrvOKJ6+5ZiICmNW69xS23H/xAAkEAEAAQEHBQEBAAAAAAAAAAABEQAQITFBUWGBIDBxkbGhwf/aAAgBAQAB' +
  'PxDtImiT+hJDkKfGRB+g+1NyFp8ph+lGL2RQbJ0H2hHevdDdCGkLpT6PLlHFVxbQ0JE/hByeG6sOYNgJG144vrJIeAHS+1cUQPR82iwg26pH50u4Ze3K' +
  'fm1jssBdjJutzy6PQagg0qWADNoWR2Dak4FoMyN5gmSZDJqaGFkj0C9d5cYU2BsXepo6ws0/MQ90DbpPK6y9mWWvb//Z' +
  '', 'base64');

// --- the register --------------------------------------------------------------------------------

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, formalities: Client, examiner: Client, registrar: Client, admin: Client;
const anon = () => client(app);
const numbers: Record<string, string> = {};

async function upload(c: Client, bytes: Buffer, type = 'image/png') {
  return ok(await c.raw('POST', '/api/v1/uploads', bytes, type), 201);
}

async function fileMark(key: string, image: Buffer, viennaCodes: string[] | undefined, publish: boolean) {
  const ref = await upload(agent, image);
  const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Figurative', image: ref, ...(viennaCodes ? { viennaCodes } : {}) } })), 201);
  numbers[key] = filed.case.number;
  if (publish) {
    for (const [who, act] of [[formalities, 'accept-formalities'], [formalities, 'approve-classification'], [examiner, 'accept'], [registrar, 'publish']] as const) {
      ok(await who.post(`/api/v1/cases/${filed.case.id}/acts/${act}`, {}), 201);
    }
  }
  return filed;
}

before(async () => {
  // OCR off: the images are figures, not scans, and reading them would only slow the test down.
  office = await testOffice({ startDate: '2026-01-05', config: { ocr: { enabled: false, languages: [] } } });
  app = await office.http();
  for (const [u, role, party] of [['agent1', 'agent', 'Agent One LLP'], ['formal1', 'formalities'], ['exam1', 'examiner'], ['reg1', 'registrar'], ['admin1', 'admin']] as const) {
    await office.user(u, role, party);
  }
  [agent, formalities, examiner, registrar, admin] = await Promise.all(['agent1', 'formal1', 'exam1', 'reg1', 'admin1'].map((u) => login(app, u)));
  await fileMark('near', IMAGES.near, ['26.1.1'], true);
  await fileMark('inverted', IMAGES.inverted, ['26.01.01', '29.1.8'], true);
  await fileMark('square', IMAGES.square, ['26.4.1'], true);
  await fileMark('star', IMAGES.star, ['1.1.1'], true);
  await fileMark('secret', IMAGES.secret, ['26.1.1'], false);
  // A design whose one view is the red circle (Locarno 32: graphic symbols and logos), not published.
  const view = await upload(agent, QUERY);
  const design = ok(await agent.post('/api/v1/cases', {
    right: 'design',
    payload: {
      applicants: [{ kind: 'legal', name: 'Roundel Works Ltd', country: 'XX', address: '1 Circle Road' }],
      designs: [{ products: ['Logo'], locarno: { class: '32', subclass: '01' }, views: [{ sha256: view.sha256, title: 'front' }] }],
    },
  }), 201);
  numbers.design = design.case.number;
  await office.work();
});
after(() => office.shutdown());

const search = (c: Client, image: Buffer, query = '', type = 'image/png') => c.raw('POST', `/api/v1/search/images${query ? `?${query}` : ''}`, image, type);
const found = async (c: Client, image: Buffer, query = '', type = 'image/png') => ok(await search(c, image, query, type));
const rankOf = (r: any, key: string) => r.hits.findIndex((h: any) => h.applicationNumber === numbers[key]);
const hitOf = (r: any, key: string) => r.hits.find((h: any) => h.applicationNumber === numbers[key]);

test('the near-duplicate ranks first, the same figure in reversed contrast above other shapes, with why', async () => {
  const r = await found(examiner, QUERY, 'rights=mark');
  const order = r.hits.map((h: any) => Object.keys(numbers).find((k) => numbers[k] === h.applicationNumber));
  assert.deepEqual(order.slice(0, 3), ['secret', 'near', 'inverted'], JSON.stringify(r.hits.map((h: any) => [h.applicationNumber, h.score, h.why])));
  assert.ok(rankOf(r, 'inverted') < rankOf(r, 'square') && rankOf(r, 'inverted') < rankOf(r, 'star'));
  const secret = hitOf(r, 'secret');
  assert.ok(secret.score >= 0.99, `the same image scores ~1 (${secret.score})`);
  assert.equal(secret.why.nearDuplicate, true);
  const near = hitOf(r, 'near');
  assert.equal(near.why.nearDuplicate, true, JSON.stringify(near.why));
  assert.ok(near.why.shape >= 0.9 && near.why.colour >= 0.7, JSON.stringify(near.why));
  assert.equal(near.right, 'trademark');
  assert.equal(near.kind, 'mark');
  assert.match(near.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(near.viennaCodes, ['26.1.1']);
  const inverted = hitOf(r, 'inverted');
  assert.equal(inverted.why.inverted, true);
  assert.ok(inverted.why.shape >= 0.9 && inverted.why.colour < 0.2, JSON.stringify(inverted.why));
  assert.deepEqual(inverted.viennaCodes, ['26.1.1', '29.1.8'], 'codes kept without leading zeros');
  for (const k of ['square', 'star']) assert.equal(hitOf(r, k).why.nearDuplicate, false);
  assert.ok(hitOf(r, 'square').score < inverted.score - 0.05);
  // Scores fall as the ranks do.
  for (let i = 1; i < r.hits.length; i++) assert.ok(r.hits[i - 1].score >= r.hits[i].score);
  assert.deepEqual(r.query, { mediaType: 'image/png', width: 200, height: 200, darkGround: false, viennaCodes: [], locarnoClasses: [], rights: ['mark'] });
});

test('a JPEG query finds the same marks', async () => {
  assert.deepEqual(imageHeader(JPEG_CIRCLE), { type: 'image/jpeg', width: 64, height: 64 });
  const r = await found(examiner, JPEG_CIRCLE, 'rights=mark', 'image/jpeg');
  assert.deepEqual(r.hits.slice(0, 2).map((h: any) => h.applicationNumber).sort(), [numbers.secret, numbers.near].sort());
  assert.equal(r.query.mediaType, 'image/jpeg');
});

test('filters: Vienna codes by category, division or section narrow marks; Locarno classes designs; rights', async () => {
  const keys = (r: any) => r.hits.map((h: any) => Object.keys(numbers).find((k) => numbers[k] === h.applicationNumber)).sort();
  assert.deepEqual(keys(await found(examiner, QUERY, 'viennaCodes=26.4')), ['square']);
  assert.deepEqual(keys(await found(examiner, QUERY, 'viennaCodes=26')), ['inverted', 'near', 'secret', 'square']);
  assert.deepEqual(keys(await found(examiner, QUERY, 'viennaCodes=26.01.01,1.1')), ['inverted', 'near', 'secret', 'star']);
  assert.deepEqual(keys(await found(examiner, QUERY, 'viennaCodes=29&viennaCodes=1')), ['inverted', 'star']);
  const designs = await found(examiner, QUERY, 'locarnoClasses=32');
  assert.deepEqual(keys(designs), ['design']);
  assert.equal(designs.hits[0].kind, 'design-view');
  assert.equal(designs.hits[0].right, 'design');
  assert.deepEqual(designs.hits[0].locarnoClasses, ['32']);
  assert.equal(designs.hits[0].design, 1);
  assert.ok(designs.hits[0].score >= 0.99);
  assert.deepEqual(keys(await found(examiner, QUERY, 'locarnoClasses=6')), []);
  assert.deepEqual(keys(await found(examiner, QUERY, 'rights=design')), ['design']);
  const both = await found(examiner, QUERY, 'limit=3');
  assert.equal(both.hits.length, 3);
  assert.ok([numbers.secret, numbers.design].includes(both.hits[0].applicationNumber));
});

test('the public and applicants see published cases only; office staff all, and their search is in the audit trail', async () => {
  for (const c of [anon(), agent]) {
    const r = await found(c, QUERY);
    assert.equal(rankOf(r, 'secret'), -1, 'an unpublished mark is not shown');
    assert.equal(rankOf(r, 'design'), -1, 'an unpublished design is not shown');
    assert.equal(rankOf(r, 'near'), 0);
    assert.equal(r.hits.length, 4);
  }
  const staff = await found(examiner, QUERY, 'rights=mark');
  assert.equal(hitOf(staff, 'secret').status, 'formalities');
  await office.work();
  const audit = ok(await admin.get('/api/v1/admin/audit?limit=200'));
  const events = audit.items.filter((e: any) => e.route === '/api/v1/search/images');
  assert.ok(events.some((e: any) => JSON.stringify(e).includes(numbers.secret)), JSON.stringify(events).slice(0, 500));
});

test('a mark filed after the index was built is found once the worker has computed its features', async () => {
  await found(examiner, QUERY); // the index exists
  const filed = await fileMark('late', png(180, 180, WHITE, [200, 20, 40], circle(90, 90, 70)), ['26.1.1'], false);
  assert.equal(rankOf(await found(examiner, QUERY, 'rights=mark'), 'late'), -1, 'not before its features are computed');
  const pass = await office.work();
  assert.ok(pass);
  const r = await found(examiner, QUERY, 'rights=mark');
  assert.ok(rankOf(r, 'late') >= 0 && rankOf(r, 'late') <= 2, JSON.stringify(r.hits.map((h: any) => h.applicationNumber)));
  // Withdrawn, it is left out unless asked for.
  ok(await agent.post(`/api/v1/cases/${filed.case.id}/acts/withdraw`, {}), 201);
  assert.equal(rankOf(await found(examiner, QUERY, 'rights=mark'), 'late'), -1);
  assert.ok(rankOf(await found(examiner, QUERY, 'rights=mark&includeDead=true'), 'late') >= 0);
});

test('Vienna codes are stored with the mark; unknown categories and divisions are refused at filing', async () => {
  const image = await upload(agent, IMAGES.star);
  for (const code of ['30', '26.99', '26.0', '0.1']) {
    const res = await agent.post('/api/v1/cases', filing({ mark: { kind: 'Figurative', image, viennaCodes: ['26.1.1', code] } }));
    const p = expectProblem(res, 422, 'UNKNOWN_VIENNA_CODE');
    assert.equal(p.viennaCode ?? p.details?.viennaCode ?? code, code);
  }
  expectProblem(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Figurative', image, viennaCodes: ['twenty-six'] } })), 400, 'INVALID_PAYLOAD');
  // A division of a category whose divisions are not shipped is taken for its form; a filing without codes as before.
  const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Figurative', image, viennaCodes: ['24.7.1'] } })), 201);
  const c = ok(await agent.get(`/api/v1/cases/${filed.case.id}`));
  assert.deepEqual(c.data?.mark?.viennaCodes ?? c.case?.data?.mark?.viennaCodes, ['24.7.1']);
  ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Figurative', image } })), 201);
});

test('the Vienna Classification served is the one shipped in reference/vienna', async () => {
  const r = ok(await anon().get('/api/v1/reference/vienna'));
  assert.equal(r.categories.length, 29);
  const csv = readFileSync(new URL('../../../../reference/vienna/vienna-categories-divisions.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
    .map((l) => /^([0-9.]+),(category|division),(?:"(.*)"|(.*))$/.exec(l)!).map((m) => [m[1], m[2], (m[3] ?? m[4]).replaceAll('""', '"')]);
  const served = r.categories.flatMap((c: any) => [[c.code, 'category', c.title], ...c.divisions.map((d: any) => [d.code, 'division', d.title])]);
  assert.deepEqual(served, csv);
  assert.deepEqual(Object.fromEntries(csv.filter((x) => x[1] === 'category').map((x) => [x[0], x[2]])), VIENNA_CATEGORIES);
  assert.deepEqual(Object.fromEntries(csv.filter((x) => x[1] === 'division').map((x) => [x[0], x[2]])), VIENNA_DIVISIONS);
  assert.equal(r.categories.find((c: any) => c.code === '26').divisions.find((d: any) => d.code === '26.1').title, 'Circles, ellipses');
});

test('bad input: a clear 4xx with a code, never a crash', async () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  expectProblem(await search(anon(), pdf, '', 'image/png'), 415, 'IMAGE_NOT_AN_IMAGE');
  expectProblem(await search(anon(), Buffer.from('a red circle, trust me'), '', 'image/jpeg'), 415, 'IMAGE_NOT_AN_IMAGE');
  expectProblem(await search(anon(), pdf, '', 'application/pdf'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  expectProblem(await anon().raw('POST', '/api/v1/search/images', 'a circle', 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  expectProblem(await anon().post('/api/v1/search/images', { image: 'circle' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  expectProblem(await search(anon(), Buffer.alloc(0)), 422, 'IMAGE_EMPTY');
  // 50 megapixels, refused from the header: the pixel data that follows is not even valid.
  const huge = Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr(10_000, 5_000)), chunk('IDAT', Buffer.from('not deflate data')), chunk('IEND', Buffer.alloc(0))]);
  const t0 = performance.now();
  const big = expectProblem(await search(anon(), huge), 422, 'IMAGE_TOO_LARGE');
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(big.width ?? big.details?.width ?? 10_000, 10_000);
  const sof = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x13, 0x88, 0x27, 0x10, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
  expectProblem(await search(anon(), sof, '', 'image/jpeg'), 422, 'IMAGE_TOO_LARGE');
  // Truncated or damaged bytes.
  expectProblem(await search(anon(), QUERY.subarray(0, Math.floor(QUERY.length / 2))), 422, 'IMAGE_DAMAGED');
  expectProblem(await search(anon(), JPEG_CIRCLE.subarray(0, JPEG_CIRCLE.length - 300), '', 'image/jpeg'), 422, 'IMAGE_DAMAGED');
  const flipped = Buffer.from(QUERY); flipped[60] ^= 0xff;
  expectProblem(await search(anon(), flipped), 422, 'IMAGE_DAMAGED');
  expectProblem(await search(anon(), QUERY.subarray(0, 20)), 422, 'IMAGE_DAMAGED');
  // Nothing to compare: a plain white picture.
  expectProblem(await search(anon(), png(50, 50, WHITE, WHITE, () => false)), 422, 'IMAGE_BLANK');
  // Filters.
  expectProblem(await search(anon(), QUERY, 'viennaCodes=30.1'), 422, 'UNKNOWN_VIENNA_CODE');
  expectProblem(await search(anon(), QUERY, 'viennaCodes=26.42'), 422, 'UNKNOWN_VIENNA_CODE');
  expectProblem(await search(anon(), QUERY, 'viennaCodes=abc'), 422, 'UNKNOWN_VIENNA_CODE');
  expectProblem(await search(anon(), QUERY, 'locarnoClasses=33'), 422, 'UNKNOWN_LOCARNO_CLASS');
  expectProblem(await search(anon(), QUERY, 'rights=patent'), 400, 'VALIDATION_FAILED');
  expectProblem(await search(anon(), QUERY, 'limit=100000'), 400, 'VALIDATION_FAILED');
  // The decoder's own refusals, directly.
  assert.throws(() => decodeImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), (e: unknown) => e instanceof DomainError && e.code === 'IMAGE_DAMAGED');
});

test('an image filed that cannot be read is recorded as such and searched around', async () => {
  const truncated = QUERY.subarray(0, QUERY.length - 40); // passes the upload's signature check
  await fileMark('broken', truncated, undefined, false);
  await office.work();
  const row = (await office.db.query<{ status: string; note: string }>(
    "SELECT f.status, f.note FROM image_features f JOIN cases c ON c.id = f.case_id WHERE c.number = $1", [numbers.broken])).rows[0];
  assert.equal(row.status, 'unsupported');
  assert.match(row.note, /^IMAGE_DAMAGED/);
  const r = await found(examiner, QUERY, 'rights=mark');
  assert.equal(rankOf(r, 'broken'), -1);
});
