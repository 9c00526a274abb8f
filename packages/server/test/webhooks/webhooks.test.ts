// Webhooks, delivered to a real HTTP server started here: an agent hears of its own cases only, the
// office's subscriber of the register only of what is public (from the publication on) and of gazette
// issues; every delivery is signed (HMAC-SHA256 of "<timestamp>.<body>" with the secret shown once) and
// a receiver that fails is tried again after 1 min, 5 min, 30 min ... on the office clock, every attempt
// recorded, until the delivery is marked failed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { BACKOFF_SECONDS, MAX_ATTEMPTS, checkWebhookUrl, isInternalAddress } from '../../src/modules/webhooks/index.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, login, ok, type Client } from '../http/helpers.ts';
import { cast, scene, type Cast } from '../gazette/scene.ts';

interface Received { path: string; headers: IncomingHttpHeaders; body: string }
const received: Received[] = [];
let server: Server;
let base = '';
let office: TestOffice;
let app: FastifyInstance;
let people: Cast;
let s: ReturnType<typeof scene>;
let agent: Client, rival: Client, admin: Client, examiner: Client, registrar: Client;
const subs: Record<string, { id: string; secret: string }> = {};

const at = (path: string) => received.filter((r) => r.path === path);
const bodies = (path: string) => at(path).map((r) => JSON.parse(r.body));
const del = (c: Client, url: string) => app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${c.token}` } });
const patch = (c: Client, url: string, body: unknown) => app.inject({ method: 'PATCH', url, payload: body as any, headers: { authorization: `Bearer ${c.token}` } });

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = req.url?.startsWith('/fail') ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  people = await cast(office);
  await office.user('rival', 'agent', 'Rival & Co');
  s = scene(office, people);
  [agent, rival, admin, examiner, registrar] = await Promise.all(['agent', 'rival', 'admin', 'examiner', 'registrar'].map((u) => login(app, u)));
});
after(async () => {
  await office?.shutdown();
  await new Promise((resolve) => server?.close(resolve));
});

test('subscriptions: who may subscribe to what, URLs checked, the secret shown once', async () => {
  expectProblem(await examiner.post('/api/v1/webhooks', { url: `${base}/x`, events: ['status-changed'] }), 403, 'FORBIDDEN');
  expectProblem(await agent.post('/api/v1/webhooks', { url: `${base}/x`, events: ['status-changed'], scope: 'public' }), 403, 'FORBIDDEN');
  expectProblem(await agent.post('/api/v1/webhooks', { url: 'ftp://example.org/x', events: ['status-changed'] }), 400, 'WEBHOOK_URL_INVALID');
  expectProblem(await agent.post('/api/v1/webhooks', { url: `${base}/x`, events: ['everything'] }), 400, 'VALIDATION_FAILED');
  expectProblem(await client(app, null).post('/api/v1/webhooks', { url: `${base}/x`, events: ['status-changed'] }), 401, 'UNAUTHENTICATED');

  const made = ok(await agent.post('/api/v1/webhooks', { url: `${base}/agent`, events: ['status-changed', 'time-limit-opened', 'case-published'], description: 'docketing' }), 201);
  assert.match(made.secret, /^whsec_[A-Za-z0-9_-]{40,}$/);
  assert.equal(made.scope, 'own');
  subs.agent = { id: made.id, secret: made.secret };
  const read = ok(await agent.get(`/api/v1/webhooks/${made.id}`));
  assert.ok(!('secret' in read), 'the secret is never shown again');
  assert.ok(!JSON.stringify(ok(await agent.get('/api/v1/webhooks'))).includes(made.secret));

  const r = ok(await rival.post('/api/v1/webhooks', { url: `${base}/rival`, events: ['status-changed', 'time-limit-opened', 'case-published'] }), 201);
  subs.rival = { id: r.id, secret: r.secret };
  const p = ok(await admin.post('/api/v1/webhooks', { url: `${base}/register`, events: ['status-changed', 'case-published', 'gazette-issue-published'] }), 201);
  assert.equal(p.scope, 'public');
  subs.register = { id: p.id, secret: p.secret };
  const f = ok(await agent.post('/api/v1/webhooks', { url: `${base}/fail`, events: ['status-changed'] }), 201);
  subs.fail = { id: f.id, secret: f.secret };

  // Each sees its own; the administrator all; nobody else's.
  assert.deepEqual(ok(await agent.get('/api/v1/webhooks')).items.map((x: any) => x.id).sort(), [subs.agent.id, subs.fail.id].sort());
  assert.equal(ok(await admin.get('/api/v1/webhooks')).items.length, 4);
  expectProblem(await rival.get(`/api/v1/webhooks/${subs.agent.id}`), 404, 'WEBHOOK_NOT_FOUND');
  expectProblem(await rival.get(`/api/v1/webhooks/${subs.agent.id}/deliveries`), 404, 'WEBHOOK_NOT_FOUND');
  expectProblem(await del(rival, `/api/v1/webhooks/${subs.agent.id}`), 404, 'WEBHOOK_NOT_FOUND');
});

test('in production, deliveries go only to https and never to internal addresses', () => {
  assert.equal(checkWebhookUrl('https://docketing.example.org/hooks', true), 'https://docketing.example.org/hooks');
  for (const [u, code] of [['http://docketing.example.org/hooks', 'WEBHOOK_URL_INVALID'], ['https://localhost/x', 'WEBHOOK_URL_NOT_ALLOWED'],
    ['https://10.1.2.3/x', 'WEBHOOK_URL_NOT_ALLOWED'], ['https://192.168.0.10/x', 'WEBHOOK_URL_NOT_ALLOWED'], ['https://[::1]/x', 'WEBHOOK_URL_NOT_ALLOWED'],
    ['https://169.254.169.254/latest', 'WEBHOOK_URL_NOT_ALLOWED'], ['https://intranet/x', 'WEBHOOK_URL_NOT_ALLOWED'], ['https://db.internal/x', 'WEBHOOK_URL_NOT_ALLOWED'],
    ['https://user:pw@example.org/x', 'WEBHOOK_URL_INVALID']] as const) {
    assert.throws(() => checkWebhookUrl(u, true), (e: any) => e.code === code, u);
  }
  assert.equal(checkWebhookUrl(`${base}/ok`, false), `${base}/ok`, 'demo mode: a local receiver is fine');
  for (const ip of ['127.0.0.1', '10.0.0.1', '172.20.1.1', '100.64.0.1', 'fd00::1', 'fe80::1', '::ffff:192.168.1.1']) assert.equal(isInternalAddress(ip), true, ip);
  for (const ip of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946']) assert.equal(isInternalAddress(ip), false, ip);
});

test('an agent hears of its own cases, signed; a rival hears nothing; the register subscriber only from the publication on', async () => {
  const n = await s.acceptedTrademark('SIGNAL ROAST');
  await office.work();
  const mine = bodies('/agent').filter((b) => b.case.number === n);
  assert.ok(mine.some((b) => b.event === 'status-changed' && b.act.type === 'accept' && b.case.state === 'accepted'));
  assert.deepEqual(bodies('/rival').filter((b) => b.case?.number === n), [], 'not a party: nothing');
  assert.deepEqual(bodies('/register').filter((b) => b.case?.number === n), [], 'not public yet: nothing');

  // The signature is the HMAC of "<timestamp>.<body>" with the secret; the delivery id is in the body too.
  for (const r of at('/agent')) {
    const ts = String(r.headers['x-registrum-timestamp']);
    assert.match(ts, /^\d{10}$/);
    const expected = `sha256=${createHmac('sha256', subs.agent.secret).update(`${ts}.${r.body}`).digest('hex')}`;
    assert.equal(r.headers['x-registrum-signature'], expected);
    assert.equal(r.headers['x-registrum-delivery'], JSON.parse(r.body).id);
    assert.equal(r.headers['x-registrum-event'], JSON.parse(r.body).event);
    assert.equal(r.headers['content-type'], 'application/json');
    const other = `sha256=${createHmac('sha256', subs.rival.secret).update(`${ts}.${r.body}`).digest('hex')}`;
    assert.notEqual(r.headers['x-registrum-signature'], other, 'another secret does not verify');
  }

  await s.act(people.registrar, n, 'publish');
  await office.work();
  const seen = bodies('/register').filter((b) => b.case?.number === n);
  assert.deepEqual(seen.map((b) => [b.event, b.act.type]).sort(), [['case-published', 'publish'], ['status-changed', 'publish']]);
  const opened = bodies('/agent').filter((b) => b.case.number === n && b.event === 'time-limit-opened' && b.act.type === 'publish');
  assert.equal(opened.length, 1);
  assert.ok(opened[0].timeLimits.some((t: any) => t.kind === 'opposition' && /^\d{4}-\d{2}-\d{2}$/.test(t.dueOn)), JSON.stringify(opened[0].timeLimits));

  // A job that runs again delivers nothing twice.
  const count = received.length;
  await office.db.query("UPDATE outbox SET status = 'pending', run_after = now() WHERE topic = 'act.recorded'");
  await office.work();
  assert.equal(received.filter((r) => !r.path.startsWith('/fail')).length, received.slice(0, count).filter((r) => !r.path.startsWith('/fail')).length);
});

test('a failing receiver is tried again with backoff on the office clock, every attempt recorded, until the delivery fails', async () => {
  const list = ok(await agent.get(`/api/v1/webhooks/${subs.fail.id}/deliveries?limit=200`));
  assert.ok(list.total >= 1);
  const target = list.items[list.items.length - 1];
  assert.deepEqual([target.status, target.attempts, target.attemptLog.length], ['pending', 1, 1]);
  assert.deepEqual([target.attemptLog[0].ok, target.attemptLog[0].statusCode, target.attemptLog[0].error], [false, 500, 'HTTP 500']);
  assert.equal(Date.parse(target.nextAttemptAt) - Date.parse(target.attemptLog[0].at), BACKOFF_SECONDS[0] * 1000);

  // Not yet due: a pass makes no attempt.
  await office.work();
  const still = ok(await agent.get(`/api/v1/webhooks/${subs.fail.id}/deliveries?limit=200`)).items.find((d: any) => d.id === target.id);
  assert.equal(still.attempts, 1);

  let day = 3;
  for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
    await office.setDate(`2026-03-${String(day++).padStart(2, '0')}`);
    await office.work();
    const d = ok(await agent.get(`/api/v1/webhooks/${subs.fail.id}/deliveries?limit=200`)).items.find((x: any) => x.id === target.id);
    assert.equal(d.attempts, attempt);
    if (attempt < MAX_ATTEMPTS) {
      assert.equal(d.status, 'pending');
      assert.equal(Date.parse(d.nextAttemptAt) - Date.parse(d.attemptLog[attempt - 1].at), BACKOFF_SECONDS[attempt - 1] * 1000, `wait after attempt ${attempt}`);
    } else {
      assert.deepEqual([d.status, d.nextAttemptAt], ['failed', null]);
      assert.deepEqual(d.attemptLog.map((a: any) => a.attempt), Array.from({ length: MAX_ATTEMPTS }, (_, i) => i + 1));
      assert.ok(d.attemptLog.every((a: any) => a.ok === false && a.statusCode === 500 && Number.isInteger(a.durationMs)));
    }
  }
  const received_ = at('/fail').filter((r) => JSON.parse(r.body).id === target.id);
  assert.equal(received_.length, MAX_ATTEMPTS, 'the receiver saw every attempt');
  assert.equal(new Set(received_.map((r) => r.headers['x-registrum-delivery'])).size, 1, 'one delivery id on every retry');
  // The subscription's counts show it.
  assert.ok(ok(await agent.get('/api/v1/webhooks')).items.find((x: any) => x.id === subs.fail.id).deliveries.failed >= 1);
});

test('an unreachable receiver is recorded as such; a paused subscription waits; a ping and a new secret', async () => {
  const dead = ok(await agent.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/closed', events: ['status-changed'] }), 201);
  ok(await patch(agent, `/api/v1/webhooks/${subs.agent.id}`, { active: false }));
  const before = at('/agent').length;
  const n = await s.acceptedTrademark('QUIET ROAST');
  await office.work();
  assert.equal(at('/agent').length, before, 'paused: nothing sent');
  const d = ok(await agent.get(`/api/v1/webhooks/${dead.id}/deliveries`)).items.find((x: any) => x.body.case.number === n);
  assert.equal(d.attemptLog[0].statusCode, null);
  assert.match(d.attemptLog[0].error, /ECONNREFUSED/);

  ok(await patch(agent, `/api/v1/webhooks/${subs.agent.id}`, { active: true }));
  const renewed = ok(await agent.post(`/api/v1/webhooks/${subs.agent.id}/secret`));
  assert.notEqual(renewed.secret, subs.agent.secret);
  assert.equal(ok(await agent.post(`/api/v1/webhooks/${subs.agent.id}/ping`), 202).delivery.length, 36);
  await office.work();
  const ping = at('/agent').find((r) => JSON.parse(r.body).event === 'ping');
  assert.ok(ping);
  const ts = String(ping.headers['x-registrum-timestamp']);
  assert.equal(ping.headers['x-registrum-signature'], `sha256=${createHmac('sha256', renewed.secret).update(`${ts}.${ping.body}`).digest('hex')}`);
  assert.ok(at('/agent').some((r) => JSON.parse(r.body).case?.number === n), 'resumed: what waited is sent');
  assert.equal((await del(agent, `/api/v1/webhooks/${dead.id}`)).statusCode, 204);
  expectProblem(await agent.get(`/api/v1/webhooks/${dead.id}`), 404, 'WEBHOOK_NOT_FOUND');
});

test('the register subscriber hears of a published gazette issue', async () => {
  const n = await s.acceptedTrademark('GAZETTE ROAST');
  const draft = ok(await registrar.post('/api/v1/gazette/issues', { date: '2026-03-20', extraordinary: true }), 201);
  assert.ok(draft.sections[0].entries.some((e: any) => e.caseNumber === n));
  await office.setDate('2026-03-20');
  const res = ok(await registrar.post(`/api/v1/gazette/issues/${draft.id}/publish`));
  await office.work();
  const note = bodies('/register').find((b) => b.event === 'gazette-issue-published');
  assert.ok(note, `not received; the deliveries: ${JSON.stringify(ok(await admin.get(`/api/v1/webhooks/${subs.register.id}/deliveries?limit=5`)).items.map((d: any) => [d.event, d.status, d.attemptLog]))}`);
  assert.deepEqual([note.issue.number, note.issue.date, note.issue.entries], [res.issue.number, '2026-03-20', res.issue.entryCount]);
  assert.ok(bodies('/register').some((b) => b.event === 'case-published' && b.case.number === n));
  assert.deepEqual(bodies('/rival'), [], 'the rival was told nothing all along');
});
