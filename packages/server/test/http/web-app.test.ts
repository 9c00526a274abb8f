// The server serves the built web app: its assets with long caching, index.html for every page
// address (the app routes in the browser) under a strict content security policy, and never in place
// of an API answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem } from './helpers.ts';

let office: TestOffice; let app: FastifyInstance; let web: string;
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

before(async () => {
  web = mkdtempSync(join(tmpdir(), 'registrum-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), INDEX);
  writeFileSync(join(web, 'assets', 'index-abc123.js'), 'console.log(1)');
  office = await testOffice({ config: { webDir: web } });
  app = await office.http();
});
after(async () => { await office.close(); rmSync(web, { recursive: true, force: true }); });

test('a page address gets the app, with a content security policy and no framing', async () => {
  for (const url of ['/', '/register', '/register/cases/TM-2026-000001', '/portal/file/trademark?step=2']) {
    const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200, url);
    assert.equal(res.body, INDEX);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['cache-control'], 'no-cache'); // a new release is picked up at once
  }
});

test('hashed assets are served with their type and cached for good', async () => {
  const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /javascript/);
  assert.match(String(res.headers['cache-control']), /immutable/);
});

test('the API, a missing asset and other methods keep their problem documents', async () => {
  expectProblem(await app.inject({ method: 'GET', url: '/api/v1/no-such-route' }), 404, 'ROUTE_NOT_FOUND');
  expectProblem(await app.inject({ method: 'GET', url: '/assets/missing-file.js' }), 404, 'ROUTE_NOT_FOUND');
  expectProblem(await app.inject({ method: 'POST', url: '/register' }), 404, 'ROUTE_NOT_FOUND');
  const health = await app.inject({ method: 'GET', url: '/health' });
  assert.equal(health.json().status, 'ok');
});

test('without a built app the server still answers the API', async () => {
  const bare = await testOffice({ config: { webDir: join(web, 'nowhere') } });
  try {
    const a = await bare.http();
    expectProblem(await a.inject({ method: 'GET', url: '/register' }), 404, 'ROUTE_NOT_FOUND');
    assert.equal((await a.inject({ method: 'GET', url: '/health' })).statusCode, 200);
  } finally { await bare.close(); }
});

test('the law the forms are built from says which framework new filings go under and the office date that picks the version', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/procedures' });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.filingFramework, 'model-law');
  assert.equal(body.officeDate, office.clock.today());
  assert.ok(body.items.some((f: any) => f.id === body.filingFramework));
});
