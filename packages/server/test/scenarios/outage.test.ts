// The filing-date guarantee when the office's electronic services were down (ML r. 80, 81), model law
// (weekends, Good Friday 3 Apr and Easter Monday 6 Apr 2026 closed). Remedy periods of 2 months from
// deficiencies notified on 1, 2 and 3 Feb 2026 end on Wed 1 Apr, Thu 2 Apr and (3 Apr being a holiday)
// Tue 7 Apr. The outage of Thu 2 Apr 2026, 00:30 to 08:30, is declared by the registrar over the API; the
// time limits ending on 2 Apr run to Tue 7 Apr, the others are untouched; a run stopped halfway is
// completed once; the sweep lapses nothing in the meantime; a time limit the sweep acted on before the
// declaration is reinstated; a filing received by e-mail on 2 Apr keeps 2 Apr as its filing date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import PDFDocument from 'pdfkit';
import { EXTEND_FOR_OUTAGE } from '@registrum/procedures';
import { calendarDateIn } from '../../src/kernel/clock.ts';
import { declareOutage, parseOfficeDateTime } from '../../src/modules/outages/index.ts';
import { officeWallClock } from '../../src/modules/outages/time.ts';
import { sweepExpiredTimeLimits } from '../../src/procedure-engine/sweep.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { client, expectProblem, filing, login, ok, type Client } from '../http/helpers.ts';
import { readCase } from '../../src/modules/cases/index.ts';
import { DEFICIENCY, OPPOSITION, eur, filedAndPublished, inOffice, type Scene } from './steps.ts';

const START = { framework: 'model-law', startDate: '2026-02-01' } as const;
const OUTAGE = { startsAt: '2026-04-02T00:30', endsAt: '2026-04-02T08:30', reason: 'Data centre power failure', channels: ['web', 'api', 'payments'] };

/** The application as the e-mail brought it, printed to PDF. */
async function scan(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.text('Application for registration of the trademark INDIA, received by e-mail on 2 April 2026 at 07:12');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A trademark application with its fees paid, notified of a formal deficiency today: 2 months to remedy it. */
async function deficient(s: Scene, text: string): Promise<string> {
  const { number } = await s.file({ mark: { kind: 'Word', text } }, eur(250));
  assert.equal((await s.act(s.formalities, number, 'notify-formal-deficiency', DEFICIENCY)).state, 'formalities-deficient');
  return number;
}

async function staff(s: Scene): Promise<{ app: FastifyInstance; registrar: Client; formalities: Client }> {
  const app = await s.office.http();
  return { app, registrar: await login(app, s.registrar.name), formalities: await login(app, s.formalities.name) };
}

const remedy = async (s: Scene, n: string) => (await s.limit(n, 'remedy-deficiency'));
const extendActs = async (s: Scene, n: string) => (await s.acts(n)).filter((a) => a.type === EXTEND_FOR_OUTAGE);

test('the outage of Thu 2 Apr 2026 is declared and published; the remedy periods ending on 2 Apr run to Tue 7 Apr (Good Friday, the weekend, Easter Monday), those ending on 1 and 7 Apr are untouched; a second run changes nothing; on 7 Apr the remedy is in time', async () => {
  await inOffice(START, async (s) => {
    const d = await deficient(s, 'DELTA');
    await s.on('2026-02-02');
    const a = await deficient(s, 'ALPHA');
    const b = await deficient(s, 'BRAVO');
    await s.on('2026-02-03');
    const c = await deficient(s, 'CHARLIE');
    assert.deepEqual([(await remedy(s, d)).due_on, (await remedy(s, a)).due_on, (await remedy(s, b)).due_on, (await remedy(s, c)).due_on],
      ['2026-04-01', '2026-04-02', '2026-04-02', '2026-04-07']);

    await s.on('2026-04-02');
    const { app, registrar } = await staff(s);
    const declared = ok(await registrar.post('/api/v1/outages', OUTAGE), 201);
    assert.deepEqual([declared.number, declared.firstDay, declared.lastDay, declared.declaredOn, declared.startsAt, declared.endsAt],
      [1, '2026-04-02', '2026-04-02', '2026-04-02', '2026-04-02T00:30:00.000Z', '2026-04-02T08:30:00.000Z']);
    assert.deepEqual(declared.extension.counts, { extended: 2, reinstated: 0, review: 0 });
    assert.equal(declared.extension.complete, true);
    assert.deepEqual(declared.run.extended.map((e: any) => [e.number, e.limits]).sort(),
      [[a, [{ kind: 'remedy-deficiency', from: '2026-04-02', to: '2026-04-07' }]], [b, [{ kind: 'remedy-deficiency', from: '2026-04-02', to: '2026-04-07' }]]].sort());

    for (const n of [a, b]) {
      const [old, now] = await s.limits(n, 'remedy-deficiency');
      assert.deepEqual([old.due_on, old.status, old.closed_on], ['2026-04-02', 'extended', '2026-04-02']);
      assert.deepEqual([now.due_on, now.status, now.expires_after, now.on_expiry], ['2026-04-07', 'open', '2026-04-07', 'deem-withdrawn']);
      assert.equal(now.computation.nominalLastDay, old.computation.nominalLastDay, 'how the period was computed stays with it');
      const [ext] = now.computation.extensions;
      assert.deepEqual([ext.outage.id, ext.previousDueOn, ext.dueOn, ext.citation, ext.afterDeclaration], [declared.id, '2026-04-02', '2026-04-07', 'ML r. 80(1), (2)', false]);
      const acts = await extendActs(s, n);
      assert.equal(acts.length, 1);
      assert.deepEqual([acts[0].actor_role, acts[0].legal_basis, acts[0].state_before, acts[0].state_after, acts[0].office_date],
        ['system', 'ML r. 80(1), (2)', 'formalities-deficient', 'formalities-deficient', '2026-04-02']);
      assert.equal(acts[0].payload.outage.id, declared.id);
    }
    for (const [n, due] of [[d, '2026-04-01'], [c, '2026-04-07']]) {
      assert.deepEqual((await s.limits(n, 'remedy-deficiency')).map((t) => [t.due_on, t.status]), [[due, 'open']], `${n} is untouched`);
      assert.equal((await extendActs(s, n)).length, 0);
    }

    // What the case page shows: the new due date, and why.
    const page = (await s.read(a)).timeLimits.find((t: any) => t.kind === 'remedy-deficiency')!;
    assert.equal(page.dueOn, '2026-04-07');
    assert.equal((page.computation as any).extensions[0].outage.firstDay, '2026-04-02');
    // The public sees the declared period, with no names and no cases.
    const anon = client(app);
    const list = ok(await anon.get('/api/v1/outages'));
    assert.deepEqual(list.items.map((o: any) => [o.number, o.reason, o.local.startsAt, o.local.endsAt, o.channels]), [[1, OUTAGE.reason, '2026-04-02T00:30', '2026-04-02T08:30', OUTAGE.channels]]);
    assert.equal(list.items[0].declaredBy, undefined);
    assert.equal(ok(await anon.get(`/api/v1/outages/${declared.id}`)).effects, undefined);
    assert.equal(ok(await registrar.get(`/api/v1/outages/${declared.id}`)).effects.length, 2);

    // Running it again does nothing more.
    const again = ok(await registrar.post(`/api/v1/outages/${declared.id}/extension`));
    assert.deepEqual([again.run.extended, again.run.reinstated, again.run.review], [[], [], []]);
    for (const n of [a, b]) assert.equal((await extendActs(s, n)).length, 1);

    // Tue 7 Apr: still in time; Wed 8 Apr: the sweep deems withdrawn what was not remedied.
    await s.on('2026-04-07');
    assert.equal((await s.act(s.agent, a, 'remedy-deficiency', {})).state, 'formalities');
    await s.on('2026-04-08');
    assert.deepEqual((await s.sweep()).acted.map((x) => x.number).sort(), [b, c, d].sort());
    await s.journalOk();
  });
});

test('a run stopped after its first case is completed by the worker, each case extended once; meanwhile the expiry sweep lapses nothing that ends in the outage', async () => {
  await inOffice(START, async (s) => {
    await s.on('2026-02-02');
    const cases = [await deficient(s, 'ECHO'), await deficient(s, 'FOXTROT')];
    await s.on('2026-04-02');
    await assert.rejects(declareOutage(s.office.outages, s.registrar, OUTAGE, { afterCase: (n) => { if (n === 1) throw new Error('the process died'); } }), /the process died/);
    const done = await Promise.all(cases.map(async (n) => (await extendActs(s, n)).length));
    assert.deepEqual(done.sort(), [0, 1], 'one case was extended before the run stopped');
    const { rows: [o] } = await s.office.db.query('SELECT id, extended_at FROM outages');
    assert.equal(o.extended_at, null);

    // Fri 3 Apr: the sweep holds the time limit still ending on 2 Apr.
    await s.on('2026-04-03');
    const swept = await sweepExpiredTimeLimits(s.office.db, s.office.engine, s.office.clock);
    assert.deepEqual(swept.acted, []);
    for (const n of cases) assert.equal(await s.state(n), 'formalities-deficient');

    // The worker's pass completes the extension: the other case once, the first not again.
    assert.deepEqual((await s.sweep()).acted, []);
    for (const n of cases) {
      assert.equal((await extendActs(s, n)).length, 1, `${n} extended once`);
      assert.deepEqual((await s.limits(n, 'remedy-deficiency')).map((t) => [t.due_on, t.status]), [['2026-04-02', 'extended'], ['2026-04-07', 'open']]);
    }
    assert.notEqual((await s.office.db.query('SELECT extended_at FROM outages WHERE id = $1', [o.id])).rows[0].extended_at, null);
    const { registrar } = await staff(s);
    assert.deepEqual(ok(await registrar.get(`/api/v1/outages/${o.id}`)).extension.counts, { extended: 2, reinstated: 0, review: 0 });
    await s.journalOk();
  });
});

test('declared only on Good Friday, after the sweep deemed two applications withdrawn: the one untouched since is reinstated with its time limit to Tue 7 Apr; the one acted on since is left for the office to review', async () => {
  await inOffice(START, async (s) => {
    await s.on('2026-02-02');
    const r = await deficient(s, 'GOLF');
    const moved = await deficient(s, 'HOTEL');
    await s.on('2026-04-03');
    assert.deepEqual((await s.sweep()).acted.map((x) => [x.number, x.act]).sort(), [[moved, 'deem-withdrawn'], [r, 'deem-withdrawn']].sort());
    assert.equal(await s.state(r), 'deemed-withdrawn');
    await s.act(s.agent, moved, 'pay-fees', {}, eur(10));

    const { registrar } = await staff(s);
    const declared = ok(await registrar.post('/api/v1/outages', OUTAGE), 201);
    assert.equal(declared.declaredOn, '2026-04-03');
    assert.deepEqual(declared.run.reinstated.map((x: any) => [x.number, x.kind, x.state, x.dueOn]), [[r, 'remedy-deficiency', 'formalities-deficient', '2026-04-07']]);
    assert.deepEqual(declared.run.review.map((x: any) => [x.number, x.reason]), [[moved, 'CASE_ACTED_ON_SINCE']]);
    assert.deepEqual(declared.extension.counts, { extended: 0, reinstated: 1, review: 1 });

    assert.equal(await s.state(r), 'formalities-deficient');
    const acts = await s.acts(r);
    assert.deepEqual(acts.slice(-2).map((x) => [x.type, x.actor_role, x.state_before, x.state_after]),
      [['deem-withdrawn', 'system', 'formalities-deficient', 'deemed-withdrawn'], ['reinstate-after-outage', 'system', 'deemed-withdrawn', 'formalities-deficient']]);
    assert.equal(acts.at(-1)!.legal_basis, 'ML r. 80(3)');
    const [old, now] = await s.limits(r, 'remedy-deficiency');
    assert.deepEqual([old.status, now.status, now.due_on], ['extended', 'open', '2026-04-07']);
    assert.deepEqual(now.computation.extensions[0].reinstated, { act: 'deem-withdrawn', actSeq: acts.at(-2)!.seq });
    assert.equal(await s.state(moved), 'deemed-withdrawn', 'a case acted on since is not changed automatically');
    const detail = ok(await registrar.get(`/api/v1/outages/${declared.id}`));
    assert.deepEqual(detail.effects.map((e: any) => [e.number, e.outcome]).sort(), [[moved, 'review'], [r, 'reinstated']].sort());

    // Running again reinstates nothing twice and lists the review once.
    const again = ok(await registrar.post(`/api/v1/outages/${declared.id}/extension`));
    assert.deepEqual(again.run.reinstated, []);
    assert.equal(ok(await registrar.get(`/api/v1/outages/${declared.id}`)).effects.length, 2);

    await s.on('2026-04-07');
    assert.equal((await s.act(s.agent, r, 'remedy-deficiency', {})).state, 'formalities');
    await s.journalOk();
  });
});

test('an opposition period ending on the outage day that the sweep closed before the declaration is reopened to Tue 7 Apr, the application published again with what the closing act set undone; the rival opposes in time', async () => {
  await inOffice({ framework: 'model-law', startDate: '2026-01-02' }, async (s) => {
    const n = await filedAndPublished(s, '2026-01-02', eur(250));
    assert.equal((await s.limit(n, 'opposition')).due_on, '2026-04-02');
    await s.on('2026-04-03');
    assert.deepEqual((await s.sweep()).acted, [{ number: n, act: 'close-opposition-period' }]);
    assert.deepEqual([await s.state(n), (await s.row(n)).data.oppositionPeriodClosed], ['awaiting-registration', true]);

    const { registrar } = await staff(s);
    const declared = ok(await registrar.post('/api/v1/outages', OUTAGE), 201);
    assert.deepEqual(declared.run.reinstated.map((x: any) => [x.number, x.kind, x.state, x.dueOn]), [[n, 'opposition', 'published', '2026-04-07']]);
    const row = await s.row(n);
    // Publication had set it to false; the closing act to true; the reinstatement sets it back.
    assert.equal((await s.acts(n)).find((a) => a.type === 'publish')!.effects.data.oppositionPeriodClosed, false);
    assert.deepEqual([row.state, row.data.oppositionPeriodClosed], ['published', false]);
    assert.deepEqual((await s.acts(n)).at(-1)!.payload.restore, { oppositionPeriodClosed: false });
    // An "as of" read of the day before still shows the period open as it was.
    const asOf = await readCase(s.office.cases, { userId: s.formalities.id, role: 'formalities', partyId: null }, n, '2026-04-02');
    assert.deepEqual(asOf.timeLimits.map((t: any) => [t.kind, t.dueOn]), [['opposition', '2026-04-02']]);

    await s.on('2026-04-07');
    assert.equal((await s.act(s.rival, n, 'file-opposition', OPPOSITION, eur(320))).state, 'opposed');
    await s.journalOk();
  });
});

test('a filing received by e-mail on 2 Apr, entered by the formalities officer on 3 Apr with the e-mail as evidence, keeps 2 Apr as its filing date and is the filer\'s case; dates outside the outage, unknown filers and the wrong roles are refused and file nothing', async () => {
  await inOffice(START, async (s) => {
    await s.office.user('filer-agent', 'agent', 'Mail & Partners LLP');
    await s.office.user('some-applicant', 'applicant', 'Someone Ltd');
    await s.on('2026-04-02');
    const { app, registrar, formalities } = await staff(s);
    const outage = ok(await registrar.post('/api/v1/outages', OUTAGE), 201);
    await s.on('2026-04-03');
    const sha = ok(await formalities.raw('POST', '/api/v1/uploads', await scan(), 'application/pdf'), 201).sha256;
    const body = (over: Record<string, any> = {}) => ({
      receivedOn: '2026-04-02', channel: 'e-mail', right: 'trademark', payload: filing({ mark: { kind: 'Word', text: 'INDIA' } }).payload,
      evidence: { sha256: sha }, filer: 'filer-agent', ...over,
    });
    const url = `/api/v1/outages/${outage.id}/filings`;
    const count = async () => (await s.office.db.query('SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM acts) AS acts')).rows[0];
    const before = await count();

    expectProblem(await formalities.post(url, body({ receivedOn: '2026-04-01' })), 422, 'RECEIPT_DATE_OUTSIDE_OUTAGE');
    expectProblem(await formalities.post(url, body({ receivedOn: '2026-04-31' })), 400, 'INVALID_DATE');
    expectProblem(await formalities.post(url, body({ filer: 'nobody' })), 422, 'UNKNOWN_FILER');
    expectProblem(await formalities.post(url, body({ filer: s.examiner.name })), 422, 'UNKNOWN_FILER');
    expectProblem(await formalities.post(url, body({ evidence: { sha256: 'a'.repeat(64) } })), 400, 'UNKNOWN_UPLOAD');
    expectProblem(await formalities.post(url, body({ channel: 'carrier-pigeon' })), 400, 'VALIDATION_FAILED');
    expectProblem(await formalities.post(url, body({ payment: { amount: 250_00, currency: 'EUR', method: 'current-account' } })), 422, 'PAYMENT_METHOD_NOT_ACCEPTED');
    expectProblem(await formalities.post('/api/v1/outages/00000000-0000-4000-8000-000000000000/filings', body()), 404, 'OUTAGE_NOT_FOUND');
    expectProblem(await (await login(app, s.examiner.name)).post(url, body()), 403, 'FORBIDDEN');
    expectProblem(await (await login(app, 'some-applicant')).post(url, body()), 403, 'FORBIDDEN');
    expectProblem(await client(app).post(url, body()), 401, 'UNAUTHENTICATED');
    assert.deepEqual(await count(), before, 'a refused entry files nothing');

    const res = await formalities.post(url, body(), { 'idempotency-key': 'mail-0402-1' });
    const filed = ok(res, 201);
    assert.deepEqual([filed.case.filingDate, filed.receipt.receivedOn, filed.receipt.filingDate], ['2026-04-02', '2026-04-02', '2026-04-02']);
    assert.match(filed.case.number, /^TM-2026-/);
    const replay = await formalities.post(url, body(), { 'idempotency-key': 'mail-0402-1' });
    assert.equal(ok(replay, 201).case.id, filed.case.id);
    assert.equal(replay.headers['idempotent-replayed'], 'true');

    const n = filed.case.number;
    const [first] = await s.acts(n);
    assert.deepEqual([first.type, first.office_date, first.actor_role, first.actor_id], ['file', '2026-04-02', 'formalities', s.formalities.id]);
    assert.deepEqual(first.effects.received, { on: '2026-04-02', channel: 'e-mail', outage: { id: outage.id, number: 1 }, evidence: sha, enteredBy: s.formalities.name });
    assert.equal((await s.row(n)).filing_date, '2026-04-02');
    assert.deepEqual((await s.fees(n)).map((f) => f.code), ['application']);
    const docs = (await s.office.db.query('SELECT kind, sha256, submitter FROM documents WHERE case_id = $1 AND direction = $2', [filed.case.id, 'incoming'])).rows;
    assert.deepEqual(docs, [{ kind: 'fallback-filing', sha256: sha, submitter: s.formalities.name }]);

    // The filer's own case, as if filed online: they see it and act in it.
    const filer = await login(app, 'filer-agent');
    assert.equal(ok(await filer.get(`/api/v1/cases/${n}`)).filingDate, '2026-04-02');
    assert.ok(ok(await filer.get('/api/v1/cases')).items.some((i: any) => i.number === n));
    const listed = ok(await formalities.get(url)).items;
    assert.deepEqual(listed.map((f: any) => [f.number, f.receivedOn, f.channel, f.enteredBy, f.filingDate]), [[n, '2026-04-02', 'e-mail', s.formalities.name, '2026-04-02']]);

    // Without an account of the filer: filed in the name the application gives.
    const paper = ok(await formalities.post(url, body({ channel: 'post', filer: undefined, payload: filing({ mark: { kind: 'Word', text: 'JULIET' } }).payload })), 201);
    assert.equal(paper.case.filingDate, '2026-04-02');
    assert.equal((await s.row(paper.case.number) as any).filed_by, null);
    assert.deepEqual((await s.read(paper.case.number)).parties.map((p: any) => [p.role, p.name]), [['applicant', 'Aurora Coffee Ltd']]);
    await s.journalOk();
  });
});

test('bad declarations get 4xx codes and record nothing; periods are chained, published and cannot be changed; journal verify detects a changed one', async () => {
  await inOffice({ framework: 'model-law', startDate: '2026-03-04' }, async (s) => {
    const { app, registrar } = await staff(s);
    const outages = async () => (await s.office.db.query('SELECT count(*)::int AS n FROM outages')).rows[0].n;
    const post = (body: Record<string, any>) => registrar.post('/api/v1/outages', { ...OUTAGE, startsAt: '2026-03-03T10:00', endsAt: '2026-03-03T12:00', ...body });

    expectProblem(await client(app).post('/api/v1/outages', OUTAGE), 401, 'UNAUTHENTICATED');
    expectProblem(await (await login(app, s.formalities.name)).post('/api/v1/outages', OUTAGE), 403, 'FORBIDDEN');
    expectProblem(await post({ startsAt: '2026-03-03T12:00', endsAt: '2026-03-03T10:00' }), 422, 'OUTAGE_END_BEFORE_START');
    expectProblem(await post({ startsAt: '2026-03-03T12:00', endsAt: '2026-03-03T12:00' }), 422, 'OUTAGE_END_BEFORE_START');
    expectProblem(await post({ startsAt: '2026-03-04T08:00', endsAt: '2026-03-04T10:00' }), 422, 'OUTAGE_IN_FUTURE');
    expectProblem(await post({ startsAt: '2026-03-05T08:00', endsAt: '2026-03-05T10:00' }), 422, 'OUTAGE_IN_FUTURE');
    expectProblem(await post({ startsAt: '2026-01-01T00:00', endsAt: '2026-03-03T00:00' }), 422, 'OUTAGE_TOO_LONG');
    expectProblem(await post({ startsAt: '2026-02-30T10:00', endsAt: '2026-03-03T10:00' }), 400, 'INVALID_DATE_TIME');
    expectProblem(await post({ startsAt: '2026-03-03T25:00', endsAt: '2026-03-03T26:00' }), 400, 'INVALID_DATE_TIME');
    expectProblem(await post({ startsAt: 'yesterday morning', endsAt: '2026-03-03T10:00' }), 400, 'INVALID_DATE_TIME');
    expectProblem(await post({ channels: ['fax'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await post({ channels: [] }), 400, 'VALIDATION_FAILED');
    expectProblem(await post({ reason: '   ' }), 400, 'VALIDATION_FAILED');
    expectProblem(await registrar.get('/api/v1/outages/not-a-uuid'), 400, 'VALIDATION_FAILED');
    expectProblem(await registrar.get('/api/v1/outages/00000000-0000-4000-8000-000000000000'), 404, 'OUTAGE_NOT_FOUND');
    assert.equal(await outages(), 0);

    const first = ok(await post({ startsAt: '2026-03-03T10:00', endsAt: '2026-03-03T12:00' }), 201);
    expectProblem(await post({ startsAt: '2026-03-03T11:00', endsAt: '2026-03-03T13:00' }), 409, 'OUTAGE_OVERLAPS');
    expectProblem(await post({ startsAt: '2026-03-03T09:00', endsAt: '2026-03-03T14:00' }), 409, 'OUTAGE_OVERLAPS');
    // Right after it (not overlapping), and with an offset: 23:00+01:00 on 2 Mar is 22:00 office time (UTC).
    const second = ok(await post({ startsAt: '2026-03-03T12:00', endsAt: '2026-03-03T13:00', channels: ['payments'] }), 201);
    const third = ok(await post({ startsAt: '2026-03-02T23:00+01:00', endsAt: '2026-03-03T00:00Z', reason: 'Certificate expired' }), 201);
    assert.deepEqual([third.startsAt, third.firstDay, third.lastDay], ['2026-03-02T22:00:00.000Z', '2026-03-02', '2026-03-02'], 'ending at midnight, it does not touch 3 Mar');
    assert.equal(await outages(), 3);

    const list = ok(await client(app).get('/api/v1/outages')).items;
    assert.deepEqual(list.map((o: any) => o.number), [2, 1, 3], 'latest first');
    const bySeq = [...list].sort((x: any, y: any) => x.number - y.number);
    assert.equal(bySeq[1].prevHash, bySeq[0].hash);
    assert.equal(bySeq[2].prevHash, bySeq[1].hash);
    assert.deepEqual([first.number, second.number, third.number], [1, 2, 3]);

    await assert.rejects(s.office.db.query("UPDATE outages SET reason = 'nothing happened' WHERE seq = 1"), /cannot be changed or removed/);
    await assert.rejects(s.office.db.query('DELETE FROM outages WHERE seq = 2'), /cannot be changed or removed/);
    await s.journalOk();

    // An insider who turns the trigger off and rewrites a declaration is found out.
    await s.office.db.query('ALTER TABLE outages DISABLE TRIGGER outages_frozen');
    await s.office.db.query("UPDATE outages SET reason = 'nothing happened' WHERE seq = 2");
    const r = await verifyJournal(s.office.db);
    assert.equal(r.ok, false);
    assert.deepEqual(r.problems.map((p) => [p.kind, p.outageSeq]), [['outage-altered', 2]]);
  });
});

test("a period is given in the office's own time: Vienna's wall clock across a change of offset, and the office dates it overlaps", () => {
  const at = (s: string) => parseOfficeDateTime(s, 'Europe/Vienna')?.toISOString() ?? null;
  assert.equal(at('2026-03-02T23:30'), '2026-03-02T22:30:00.000Z', 'winter: UTC+1');
  assert.equal(at('2026-07-01T12:00'), '2026-07-01T10:00:00.000Z', 'summer: UTC+2');
  assert.equal(at('2026-03-29T03:30'), '2026-03-29T01:30:00.000Z', 'just after clocks go forward');
  assert.equal(at('2026-10-25T12:00:30'), '2026-10-25T11:00:30.000Z', 'after clocks go back');
  assert.equal(at('2026-03-02T23:30+01:00'), '2026-03-02T22:30:00.000Z', 'an offset is taken as given');
  for (const bad of ['2026-02-29T10:00', '2026-03-02 10:00', '2026-03-02T24:00', '2026-03-02T10:60', '2026-03-02', '', '2026-03-02T10:00+25:00']) assert.equal(at(bad), null, bad);
  assert.equal(officeWallClock('Europe/Vienna', new Date('2026-03-02T22:30:00Z')), '2026-03-02T23:30');
  // Declared in Vienna from 23:30 to 00:30: two office dates, though one hour.
  assert.deepEqual([calendarDateIn('Europe/Vienna', parseOfficeDateTime('2026-03-02T23:30', 'Europe/Vienna')!), calendarDateIn('Europe/Vienna', new Date(parseOfficeDateTime('2026-03-03T00:30', 'Europe/Vienna')!.getTime() - 1))],
    ['2026-03-02', '2026-03-03']);
});
