// The office dashboard (GET /api/v1/stats/dashboard). Model law, from Mon 5 Jan 2026: AURORA and BOREAS
// are filed on 5 Jan (ISO week 2026-W02), CIRRUS on Wed 14 Jan (W03); BOREAS is withdrawn on 20 Jan.
// AURORA and CIRRUS are published on 2 Feb; the 3-month opposition period ends Mon 4 May; on Tue 5 May
// the sweep closes it and both are registered: 120 and 111 days after filing, median 115.5. DELTA is
// filed on Mon 9 Mar (W11) and ECHO on Fri 20 Mar (W12), each with a formal deficiency notified the same
// day (2 months: DELTA's runs to Mon 11 May, ECHO's to Wed 20 May). On 5 May, DELTA's is due within the week.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { findProcedure, parseLegalDate } from '@registrum/procedures';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { isoWeek, pendingStates, titleActs } from '../../src/modules/stats/index.ts';
import { client, expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, formalities: Client, examiner: Client, registrar: Client;
const cases: Record<string, { id: string; number: string }> = {};
const DEFICIENCY = { deficiencies: [{ code: 'applicant-address-missing' }] };

async function file(text: string) {
  const res = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text } })), 201);
  cases[text] = { id: res.case.id, number: res.case.number };
  return res.case.id as string;
}
const act = async (who: Client, id: string, type: string, payload: Record<string, unknown> = {}) => ok(await who.post(`/api/v1/cases/${id}/acts/${type}`, { payload }), 201);

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  for (const [u, role, party] of [['agent1', 'agent', 'Agent One LLP'], ['formal1', 'formalities'], ['exam1', 'examiner'], ['reg1', 'registrar']] as const) await office.user(u, role, party);
  [agent, formalities, examiner, registrar] = await Promise.all(['agent1', 'formal1', 'exam1', 'reg1'].map((u) => login(app, u)));

  const accept = async (id: string) => {
    await act(formalities, id, 'accept-formalities'); await act(formalities, id, 'approve-classification'); await act(examiner, id, 'accept');
  };
  await accept(await file('AURORA'));
  await file('BOREAS');
  await office.setDate('2026-01-14');
  await accept(await file('CIRRUS'));
  await office.setDate('2026-01-20');
  await act(agent, cases.BOREAS.id, 'withdraw');
  await office.setDate('2026-02-02');
  for (const k of ['AURORA', 'CIRRUS']) await act(registrar, cases[k].id, 'publish');
  await office.setDate('2026-03-09');
  await act(formalities, await file('DELTA'), 'notify-formal-deficiency', DEFICIENCY);
  await office.setDate('2026-03-20');
  await act(formalities, await file('ECHO'), 'notify-formal-deficiency', DEFICIENCY);
  await office.setDate('2026-05-05');
  await office.work();
  for (const k of ['AURORA', 'CIRRUS']) assert.equal((await act(registrar, cases[k].id, 'register')).state, 'registered');
});
after(() => office.shutdown());

test('only office staff see the dashboard; weeks is 1 to 104', async () => {
  expectProblem(await client(app, null).get('/api/v1/stats/dashboard'), 401, 'UNAUTHENTICATED');
  expectProblem(await agent.get('/api/v1/stats/dashboard'), 403, 'FORBIDDEN');
  expectProblem(await formalities.get('/api/v1/stats/dashboard?weeks=0'), 400, 'VALIDATION_FAILED');
  expectProblem(await formalities.get('/api/v1/stats/dashboard?weeks=105'), 400, 'VALIDATION_FAILED');
  expectProblem(await formalities.get('/api/v1/stats/dashboard?week=3'), 400, 'VALIDATION_FAILED');
});

test('ISO weeks: a week belongs to the year of its Thursday', () => {
  assert.equal(isoWeek(parseLegalDate('2025-12-22')), '2025-W52');
  assert.equal(isoWeek(parseLegalDate('2025-12-29')), '2026-W01');
  assert.equal(isoWeek(parseLegalDate('2026-01-05')), '2026-W02');
  assert.equal(isoWeek(parseLegalDate('2020-12-28')), '2020-W53');
  assert.equal(isoWeek(parseLegalDate('2021-01-04')), '2021-W01');
});

test('the procedures say which states are pending and which acts register or grant a right', () => {
  const acts = titleActs().map((a) => `${a.right}:${a.act}`);
  for (const a of ['trademark:register', 'patent:grant', 'design:register', 'utility-model:register', 'gi:register']) assert.ok(acts.includes(a), a);
  for (const a of ['trademark:renew', 'trademark:publish', 'recordal:record']) assert.ok(!acts.includes(a), a);
  const pending = pendingStates().map((s) => `${s.right}:${s.state}`);
  assert.ok(pending.includes('trademark:registered') && pending.includes('patent:granted'));
  assert.ok(!pending.includes('trademark:withdrawn') && !pending.includes('trademark:refused'));
});

test('filings per ISO week by right, every week of the period, weeks without filings as 0', async () => {
  const d = ok(await formalities.get('/api/v1/stats/dashboard?weeks=20'));
  assert.deepEqual([d.officeDate, d.weeks, d.period], ['2026-05-05', 20, { from: '2025-12-22', to: '2026-05-05' }]);
  assert.equal(d.filingsPerWeek.length, 20);
  assert.deepEqual(d.filingsPerWeek.slice(0, 3), [
    { week: '2025-W52', weekStart: '2025-12-22', right: 'trademark', count: 0 },
    { week: '2026-W01', weekStart: '2025-12-29', right: 'trademark', count: 0 },
    { week: '2026-W02', weekStart: '2026-01-05', right: 'trademark', count: 2 },
  ]);
  const nonZero = d.filingsPerWeek.filter((w: any) => w.count > 0).map((w: any) => [w.week, w.count]);
  assert.deepEqual(nonZero, [['2026-W02', 2], ['2026-W03', 1], ['2026-W11', 1], ['2026-W12', 1]]);
  const recent = ok(await formalities.get('/api/v1/stats/dashboard'));
  assert.equal(recent.weeks, 12);
  assert.deepEqual(recent.filingsPerWeek.filter((w: any) => w.count > 0).map((w: any) => w.week), ['2026-W11', '2026-W12'], 'January is outside the last 12 weeks');
});

test('backlog by state of the pending cases (not the withdrawn one), pendency to registration, time limits due this week', async () => {
  const d = ok(await registrar.get('/api/v1/stats/dashboard'));
  const tm = findProcedure('model-law', 'trademark', '2026.1')!;
  assert.deepEqual(d.backlog, [
    { right: 'trademark', state: 'formalities-deficient', stateTitle: tm.states['formalities-deficient'].title, count: 2 },
    { right: 'trademark', state: 'registered', stateTitle: tm.states.registered.title, count: 2 },
  ]);
  assert.deepEqual(d.pendency, [{ right: 'trademark', medianDays: 115.5, cases: 2 }]);

  const delta = ok(await formalities.get(`/api/v1/cases/${cases.DELTA.id}/time-limits`)).items.find((t: any) => t.kind === 'remedy-deficiency');
  const echo = ok(await formalities.get(`/api/v1/cases/${cases.ECHO.id}/time-limits`)).items.find((t: any) => t.kind === 'remedy-deficiency');
  assert.deepEqual([delta.dueOn, echo.dueOn], ['2026-05-11', '2026-05-20']);
  assert.deepEqual(d.expiringThisWeek, [
    { caseId: cases.DELTA.id, number: cases.DELTA.number, right: 'trademark', title: 'DELTA', kind: 'remedy-deficiency', dueDate: '2026-05-11', daysLeft: 6 },
  ]);
  assert.equal(d.expiringThisWeekTotal, 1);

  // A week later ECHO's is due in 6 days and DELTA's has passed (no longer "due this week").
  await office.setDate('2026-05-14');
  const later = ok(await registrar.get('/api/v1/stats/dashboard'));
  assert.deepEqual(later.expiringThisWeek.map((e: any) => [e.number, e.daysLeft]), [[cases.ECHO.number, 6]]);
});
