// The whole life of a trademark through the HTTP API only: filing with an image, examination,
// publication, an opposition (a child case) and its rejection, the end of the opposition period by
// the office clock, registration, renewal in the grace period with the surcharge, the register as it
// stood on an earlier date, the journal, and the generated documents.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { hasPoppler, poppler } from '../support/poppler.ts';
import { client, login, ok, opposition, tinyPng, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, formalities: Client, examiner: Client, registrar: Client, admin: Client, opponent: Client;
const png = tinyPng(3, 2);
let image: { sha256: string; size: number; mediaType: string };
let caseId = '';
let caseNumber = '';
let oppositionId = '';

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const getCase = async (c: Client, query = '') => ok(await c.get(`/api/v1/cases/${caseId}${query}`));
const act = async (c: Client, act: string, body: Record<string, unknown> = {}, id = caseId) => ok(await c.post(`/api/v1/cases/${id}/acts/${act}`, body), 201);

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  await office.user('agent1', 'agent', 'Agent One LLP');
  await office.user('formal1', 'formalities');
  await office.user('exam1', 'examiner');
  await office.user('reg1', 'registrar');
  await office.user('admin1', 'admin');
  await office.user('rival', 'applicant', 'Rival Beans SA');
  [agent, formalities, examiner, registrar, admin, opponent] = await Promise.all(
    ['agent1', 'formal1', 'exam1', 'reg1', 'admin1', 'rival'].map((u) => login(app, u)));
});
after(async () => { await office.shutdown(); });

test('GET /health answers ok and /openapi.json is an OpenAPI 3 document of the API', async () => {
  const health = ok(await app.inject({ method: 'GET', url: '/health' }));
  assert.equal(health.status, 'ok');
  assert.equal(health.officeDate, '2026-01-05');
  const doc = ok(await app.inject({ method: 'GET', url: '/openapi.json' }));
  assert.match(doc.openapi, /^3\.\d+\.\d+$/);
  assert.equal(typeof doc.info?.title, 'string');
  assert.ok(doc.paths['/api/v1/cases']?.post, 'filing is documented');
  assert.ok(doc.paths['/api/v1/cases']?.get, 'listing is documented');
  assert.ok(doc.paths['/api/v1/cases/{id}/acts/{act}']?.post, 'acts are documented');
  assert.equal(doc.paths['/health'], undefined, 'hidden routes stay hidden');
});

test('the agent uploads the mark image and files with two classes, a representative, a priority claim and the fees', async () => {
  const up = await agent.raw('POST', '/api/v1/uploads', png, 'image/png');
  image = ok(up, 201);
  assert.match(image.sha256, /^[0-9a-f]{64}$/);
  assert.equal(image.size, png.length);
  assert.equal(image.mediaType, 'image/png');

  const res = await agent.post('/api/v1/cases', {
    right: 'trademark',
    payload: {
      mark: { kind: 'Combined', text: 'AURORA', image },
      applicant: { kind: 'legal', name: 'Aurora Coffee Ltd', country: 'XX', address: '1 Main Street', email: 'legal@aurora.example' },
      representative: { kind: 'legal', name: 'Agent One LLP', country: 'XX', address: '5 Chancery Lane' },
      goodsServices: [{ classNumber: 30, terms: ['coffee', 'tea'] }, { classNumber: 43, terms: ['café services'] }],
      priorityClaims: [{ office: 'US', number: '97/123456', date: '2025-10-01' }],
    },
    payment: { amount: 300_00, currency: 'EUR', method: 'card', reference: 'INV-1' },
  });
  const body = ok(res, 201);
  caseId = body.case.id; caseNumber = body.case.number;
  assert.match(caseNumber, /^TM-2026-\d{6}$/);
  assert.equal(body.case.state, 'formalities');
  assert.equal(body.case.filingDate, '2026-01-05');
  assert.equal(body.receipt.filingDateAccorded, true);
  assert.deepEqual(body.act.fees.map((f: any) => [f.code, f.amount]), [['application', 250_00], ['class', 50_00]]);

  const c = await getCase(agent);
  assert.equal(c.number, caseNumber);
  assert.equal(c.data.goodsServices.length, 2);
  assert.deepEqual(c.data.priorityClaims, [{ office: 'US', number: '97/123456', date: '2025-10-01' }]);
  assert.equal(c.data.mark.image.sha256, image.sha256);
  assert.deepEqual(c.parties.map((p: any) => p.role).sort(), ['applicant', 'representative']);
  assert.equal(c.fees.outstanding, 0);
  assert.equal(c.fees.payments.length, 1);
  assert.equal(c.fees.payments[0].amount, 300_00);
  const mark = c.documents.find((d: any) => d.kind === 'mark-image');
  assert.equal(mark?.sha256, image.sha256);
  const dl = await agent.get(`/api/v1/documents/${image.sha256}`);
  assert.equal(dl.statusCode, 200);
  assert.ok(dl.rawPayload.equals(png), 'the stored image is the uploaded one');
});

test('formalities finds the case in its worklist and accepts; the examiner checks classes and accepts; the registrar publishes', async () => {
  const wl = ok(await formalities.get('/api/v1/worklist'));
  assert.equal(wl.role, 'formalities');
  assert.ok(wl.items.some((i: any) => i.id === caseId), 'the new filing is on the formalities worklist');
  assert.ok(wl.lanes.some((l: any) => l.state === 'formalities' && l.right === 'trademark' && l.count >= 1));
  const notYet = ok(await registrar.get('/api/v1/worklist'));
  assert.ok(!notYet.items.some((i: any) => i.id === caseId), 'not yet the registrar\'s business');

  assert.equal((await act(formalities, 'accept-formalities')).state, 'classification');
  assert.ok(ok(await examiner.get('/api/v1/worklist')).items.some((i: any) => i.id === caseId));
  assert.equal((await act(examiner, 'approve-classification')).state, 'examination');
  assert.equal((await act(examiner, 'accept')).state, 'accepted');
  assert.ok(ok(await registrar.get('/api/v1/worklist')).items.some((i: any) => i.id === caseId));
  assert.equal((await act(registrar, 'publish')).state, 'published');

  const c = await getCase(agent);
  assert.equal(c.public, true);
  assert.equal(c.data.publicationDate, '2026-01-05');
  const opp = c.timeLimits.find((t: any) => t.kind === 'opposition');
  assert.ok(opp, 'the opposition period is running');
  assert.ok(opp.dueOn >= '2026-04-05' && opp.dueOn < '2026-04-10', `three months, working-day extended: ${opp.dueOn}`);
});

test('a third party opposes with the fee: a child case; the examiner rejects it and the application is published again', async () => {
  const res = await act(opponent, 'file-opposition', { payload: opposition(), payment: { amount: 320_00, currency: 'EUR' } });
  assert.equal(res.state, 'opposed');
  assert.match(res.child.number, /^OP-2026-\d{6}$/);
  oppositionId = res.child.caseId;

  const parent = await getCase(examiner);
  assert.equal(parent.state, 'opposed');
  assert.deepEqual(parent.children.map((ch: any) => ch.id), [oppositionId]);
  const child = ok(await opponent.get(`/api/v1/cases/${oppositionId}`));
  assert.equal(child.right, 'trademark-opposition');
  assert.equal(child.parentId, caseId);
  assert.equal(child.state, 'pending');
  assert.deepEqual(child.fees.items.map((f: any) => [f.code, f.amount, f.paid]), [['opposition', 320_00, 320_00]]);

  const rej = await act(examiner, 'reject', { payload: { grounds: [{ code: 'no-likelihood-of-confusion', explanation: 'Dissimilar goods' }] } }, oppositionId);
  assert.equal(rej.state, 'rejected');
  const after = await getCase(agent);
  assert.equal(after.state, 'published', 'the opposition period is still running');
  assert.equal(after.acts.at(-1).type, 'opposition-ended');
  assert.equal(after.acts.at(-1).actor.role, 'system');
});

test('moving the office clock past the opposition period runs the sweep: awaiting registration; the registrar registers', async () => {
  const clock = ok(await admin.put('/api/v1/admin/clock', { date: '2026-04-10' }));
  assert.equal(clock.officeDate, '2026-04-10');
  assert.ok(clock.sweep.acted.some((a: any) => a.caseId === caseId && a.act === 'close-opposition-period'), JSON.stringify(clock.sweep));
  assert.equal((await getCase(agent)).state, 'awaiting-registration');

  assert.equal((await act(registrar, 'register')).state, 'registered');
  const c = await getCase(agent);
  assert.equal(c.state, 'registered');
  assert.equal(c.data.registrationDate, '2026-04-10');
  assert.equal(c.data.registrationNumber, caseNumber);
  assert.equal(c.data.expiryDate, '2036-01-05', 'ten years from the filing date');
  const renewal = c.timeLimits.find((t: any) => t.kind === 'renewal');
  assert.ok(renewal, 'a renewal time limit is open');
  assert.equal(renewal.dueOn, '2036-01-05');
  assert.equal(renewal.windowOpensOn, '2035-07-05');
  assert.ok(renewal.graceEndsOn > '2036-07-04', `six months of grace: ${renewal.graceEndsOn}`);
  assert.equal(renewal.daysLeft, daysBetween('2026-04-10', '2036-01-05'));
  assert.equal(renewal.inGrace, false);
  const tl = ok(await agent.get(`/api/v1/cases/${caseId}/time-limits`));
  assert.deepEqual(tl.items.map((t: any) => t.kind), ['renewal']);
});

test('in the grace period the agent renews; the fees include the surcharge', async () => {
  const clock = ok(await admin.put('/api/v1/admin/clock', { date: '2036-02-10' }));
  assert.equal(clock.officeDate, '2036-02-10');
  const before = await getCase(agent);
  assert.equal(before.state, 'registered', 'the grace period keeps the registration alive');
  const renewal = before.timeLimits.find((t: any) => t.kind === 'renewal');
  assert.equal(renewal.inGrace, true);
  assert.equal(renewal.daysLeft, -daysBetween('2036-01-05', '2036-02-10'));
  assert.ok(before.availableActs.some((a: any) => a.type === 'renew'));

  const res = await act(agent, 'renew', { payment: { amount: 500_00, currency: 'EUR', reference: 'RENEW-2036' } });
  assert.equal(res.state, 'registered');
  assert.deepEqual(res.fees.map((f: any) => [f.code, f.amount]), [['renewal', 300_00], ['renewal-class', 50_00], ['renewal-surcharge', 150_00]]);

  const c = await getCase(agent);
  assert.equal(c.data.expiryDate, '2046-01-05');
  assert.equal(c.fees.outstanding, 0);
  const surcharge = c.fees.items.find((f: any) => f.code === 'renewal-surcharge');
  assert.equal(surcharge?.amount, 150_00);
  assert.equal(surcharge?.paid, 150_00);
  assert.deepEqual(c.fees.payments.map((p: any) => p.amount), [300_00, 500_00]);
  assert.deepEqual(c.timeLimits.filter((t: any) => t.kind === 'renewal').map((t: any) => t.dueOn), ['2046-01-05']);
});

test('the register as it stood before registration (asOf)', async () => {
  const before = await getCase(agent, '?asOf=2026-04-09');
  assert.equal(before.asOf, '2026-04-09');
  assert.equal(before.state, 'published');
  assert.equal(before.data.registrationDate, undefined);
  assert.ok(before.timeLimits.some((t: any) => t.kind === 'opposition'), 'the opposition period was still open then');
  assert.deepEqual(before.availableActs, []);
  const onTheDay = await getCase(agent, '?asOf=2026-04-10');
  assert.equal(onTheDay.state, 'registered');
  assert.equal(onTheDay.data.expiryDate, '2036-01-05', 'not yet renewed then');
  const now = await getCase(agent);
  assert.equal(now.asOf, null);
  assert.equal(now.data.expiryDate, '2046-01-05');
});

test('the journal lists every act with legal basis and chained hashes, and the register verifies', async () => {
  const { items } = ok(await agent.get(`/api/v1/cases/${caseId}/acts`));
  assert.deepEqual(items.map((a: any) => a.type), [
    'file', 'accept-formalities', 'approve-classification', 'accept', 'publish', 'file-opposition',
    'opposition-ended', 'close-opposition-period', 'register', 'renew',
  ]);
  let prev: string | null = null;
  items.forEach((a: any, i: number) => {
    assert.equal(a.seq, i + 1);
    assert.equal(typeof a.legalBasis, 'string');
    assert.match(a.legalBasis, /\S/, `${a.type} has a legal basis`);
    assert.match(a.hash, /^[0-9a-f]{64}$/);
    if (prev) assert.equal(a.prevHash, prev, `act ${a.seq} links to act ${a.seq - 1}`);
    prev = a.hash;
  });
  assert.equal(items.find((a: any) => a.type === 'register').officeDate, '2026-04-10');
  assert.equal(items.find((a: any) => a.type === 'renew').actor.role, 'agent');
  const childActs = ok(await agent.get(`/api/v1/cases/${oppositionId}/acts`)).items;
  assert.deepEqual(childActs.map((a: any) => a.type), ['file', 'reject']);

  const report = ok(await admin.get('/api/v1/admin/journal/verify'));
  assert.equal(report.ok, true, JSON.stringify(report.problems));
  assert.deepEqual(report.problems, []);
  assert.ok(report.acts >= items.length + childActs.length);
  assert.ok(report.cases >= 2);
});

test('after a worker pass the registration certificate is in the case file and can be downloaded', async () => {
  await office.work();
  const c = await getCase(agent);
  const kinds = c.documents.map((d: any) => d.kind);
  for (const k of ['mark-image', 'filing-receipt', 'publication-notice', 'registration-certificate', 'renewal-certificate']) {
    assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`);
  }
  const cert = c.documents.find((d: any) => d.kind === 'registration-certificate');
  assert.equal(cert.direction, 'outgoing');
  const dl = await agent.get(`/api/v1/documents/${cert.sha256}`);
  assert.equal(dl.statusCode, 200);
  assert.equal(dl.headers['content-type'], 'application/pdf');
  assert.equal(createHash('sha256').update(dl.rawPayload).digest('hex'), cert.sha256);
  assert.match(cert.verification_code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  if (hasPoppler) {
    const text = poppler('pdftotext', dl.rawPayload).replace(/\s+/g, ' ');
    for (const s of ['Certificate of registration', caseNumber, 'Expiry date 2036-01-05', 'Date of registration 2026-04-10', cert.verification_code]) assert.ok(text.includes(s), `${s} in ${text}`);
  }
  const pub = client(app);
  assert.equal((await pub.get(`/api/v1/documents/${cert.sha256}`)).statusCode, 404, 'the public gets the register, not the case file');
  assert.equal(ok(await pub.get(`/api/v1/cases/${caseNumber}`)).state, 'registered', 'the registration is public');
});
