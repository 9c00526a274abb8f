// Holiday calendars as effective-dated data the administrator maintains (GET/POST /api/v1/admin/calendars).
// The model-law calendar ships with 15 Jul 2026 as a working day (a Wednesday). On Mon 4 May 2026 the
// administrator adds version 'office-2026-2', in force from Mon 1 Jun 2026, which closes the office on
// 15 Jul. A deficiency notified on Fri 15 May 2026 gives 2 months: 15 Jul, now extended to Thu 16 Jul,
// and the time limit records the calendar version it was computed with.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let admin: Client, agent: Client, formalities: Client;

const VERSION = { version: 'office-2026-2', effectiveFrom: '2026-06-01', weekendDays: [0, 6], holidays: ['2026-07-15', '2026-12-25', '2026-12-28'], note: 'National day moved to 15 July' };

before(async () => {
  office = await testOffice({ startDate: '2026-05-04' });
  app = await office.http();
  for (const [u, role, party] of [['admin1', 'admin'], ['agent1', 'agent', 'Agent One LLP'], ['formal1', 'formalities']] as const) await office.user(u, role, party);
  [admin, agent, formalities] = await Promise.all(['admin1', 'agent1', 'formal1'].map((u) => login(app, u)));
});
after(() => office.shutdown());

async function deficiencyNotifiedOn(date: string) {
  await office.setDate(date);
  const filed = ok(await agent.post('/api/v1/cases', filing({})), 201);
  ok(await formalities.post(`/api/v1/cases/${filed.case.id}/acts/notify-formal-deficiency`, { payload: { deficiencies: [{ code: 'applicant-address-missing' }] } }), 201);
  return { caseId: filed.case.id as string, ...(await remedyLimit(filed.case.id)) };
}

async function remedyLimit(caseId: string) {
  return (ok(await formalities.get(`/api/v1/cases/${caseId}/time-limits`)).items as any[]).find((t) => t.kind === 'remedy-deficiency');
}

test('only an administrator adds a version, only from a date after today, with a version name of its own, valid dates and weekend days', async () => {
  expectProblem(await agent.post('/api/v1/admin/calendars', VERSION), 403, 'FORBIDDEN');
  expectProblem(await formalities.post('/api/v1/admin/calendars', VERSION), 403, 'FORBIDDEN');
  expectProblem(await admin.post('/api/v1/admin/calendars', { ...VERSION, effectiveFrom: '2026-05-04' }), 400, 'CALENDAR_NOT_IN_FUTURE');
  expectProblem(await admin.post('/api/v1/admin/calendars', { ...VERSION, holidays: ['2026-02-30'] }), 400, 'INVALID_DATE');
  expectProblem(await admin.post('/api/v1/admin/calendars', { ...VERSION, weekendDays: [0, 7] }), 400, 'INVALID_WEEKEND');
  expectProblem(await admin.post('/api/v1/admin/calendars', { ...VERSION, version: '2026-1' }), 409, 'CALENDAR_VERSION_EXISTS');
  const listed = ok(await admin.get('/api/v1/admin/calendars'));
  assert.deepEqual(listed.items.map((c: any) => [c.version, c.source]), [['2026-1', 'framework']]);
});

test('a version added on 4 May, in force from 1 Jun, closes 15 Jul: a deficiency notified 15 May then runs to Thu 16 Jul 2026 and says which calendar it used', async () => {
  const before = await deficiencyNotifiedOn('2026-05-04');
  assert.deepEqual([before.dueOn, before.computation.calendar.version], ['2026-07-06', '2026-1'], '4 May + 2 months = Sat 4 Jul -> Mon 6 Jul under the shipped calendar');
  const added = ok(await admin.post('/api/v1/admin/calendars', VERSION), 201);
  assert.deepEqual([added.version, added.effectiveFrom, added.holidays], ['office-2026-2', '2026-06-01', ['2026-07-15', '2026-12-25', '2026-12-28']]);
  const listed = ok(await admin.get('/api/v1/admin/calendars'));
  assert.deepEqual(listed.items.map((c: any) => [c.version, c.source]), [['2026-1', 'framework'], ['office-2026-2', 'office']]);

  const limit = await deficiencyNotifiedOn('2026-05-15');
  assert.equal(limit.computation.nominalLastDay, '2026-07-15');
  assert.equal(limit.dueOn, '2026-07-16');
  assert.deepEqual(limit.computation.calendar, { id: 'model-law', version: 'office-2026-2' });
  const again = await remedyLimit(before.caseId);
  assert.deepEqual([again.dueOn, again.computation.calendar.version], ['2026-07-06', '2026-1'], 'a time limit computed before the new version keeps its date and calendar');
});

test('a version another process added (straight into the database) is seen before the next time limit is computed', async () => {
  await office.db.query(
    `INSERT INTO calendar_versions (framework, calendar_id, version, effective_from, weekend_days, holidays, note)
     VALUES ('model-law', 'model-law', 'office-2026-3', '2026-07-01', '{0,6}', '{2026-07-15,2026-08-17}', 'added elsewhere')`);
  const limit = await deficiencyNotifiedOn('2026-06-17');
  assert.equal(limit.computation.nominalLastDay, '2026-08-17');
  assert.deepEqual([limit.dueOn, limit.computation.calendar.version], ['2026-08-18', 'office-2026-3'], 'Mon 17 Aug is closed under the version added elsewhere: Tue 18 Aug');
});
