// The date rule for interruptions of the office's service (ML r. 80): a last day on a day of the
// declared period runs to the next day the office is open (its calendar: weekends, holidays) and
// available (no declared period), and no earlier than the first working day after a late declaration;
// only a party's time limits move. Through the pure rule and through the engine's decide().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../../packages/server/src/procedure-engine/decide.ts';
import { findFramework, parseLegalDate, procedureInForce, type CaseView, type LegalDate, type TimeLimitView } from '../index.ts';
import { EXTEND_FOR_OUTAGE, REINSTATE_AFTER_OUTAGE, extendTimeLimit, extendedLastDay, nextAvailableDay, partyTimeLimitKinds, type OutageInput } from './outage.ts';

const d = parseLegalDate;
const modelLaw = findFramework('model-law')!;
const ruritania = findFramework('ruritania')!;
const cal = modelLaw.calendars;

const outage = (firstDay: string, lastDay = firstDay, declaredOn = lastDay, unavailable: OutageInput['unavailable'] = []): OutageInput => ({
  outage: { id: 'o1', firstDay: d(firstDay), lastDay: d(lastDay), declaredOn: d(declaredOn) },
  unavailable,
});

test('a last day on the day of the outage runs to the next working day: Mon 2 Mar 2026 -> Tue 3 Mar; Fri 6 Mar -> Mon 9 Mar (weekend)', () => {
  assert.equal(extendedLastDay(d('2026-03-02'), outage('2026-03-02'), cal)?.lastDay, '2026-03-03');
  assert.equal(extendedLastDay(d('2026-03-06'), outage('2026-03-06'), cal)?.lastDay, '2026-03-09');
});

test('holidays of the calendar are skipped: an outage on Thu 2 Apr 2026 moves the day to Tue 7 Apr (Good Friday 3 Apr, the weekend, Easter Monday 6 Apr)', () => {
  const e = extendedLastDay(d('2026-04-02'), outage('2026-04-02'), cal)!;
  assert.equal(e.lastDay, '2026-04-07');
  assert.deepEqual(e.calendar, { id: 'model-law', version: '2026-1' });
  assert.equal(e.afterDeclaration, false);
});

test('every day of a multi-day outage moves to the same next available day, and days outside it do not move', () => {
  const o = outage('2026-03-02', '2026-03-04');
  for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) assert.equal(extendedLastDay(d(day), o, cal)?.lastDay, '2026-03-05', day);
  assert.equal(extendedLastDay(d('2026-03-01'), o, cal), null);
  assert.equal(extendedLastDay(d('2026-03-05'), o, cal), null);
});

test('another declared outage on the next day is not a day of availability: the day runs on past it', () => {
  const o = outage('2026-03-02', '2026-03-02', '2026-03-02', [{ id: 'o2', firstDay: d('2026-03-03'), lastDay: d('2026-03-03') }]);
  assert.equal(extendedLastDay(d('2026-03-02'), o, cal)?.lastDay, '2026-03-04');
  assert.equal(nextAvailableDay(d('2026-03-02'), o.unavailable, cal).day, '2026-03-04');
});

test('declared late (r. 80(2)): an outage of Mon 2 Mar declared on Wed 4 Mar moves the day to Thu 5 Mar, the first working day after the declaration; declared on Fri 6 Mar, to Mon 9 Mar', () => {
  const late = extendedLastDay(d('2026-03-02'), outage('2026-03-02', '2026-03-02', '2026-03-04'), cal)!;
  assert.deepEqual([late.lastDay, late.afterOutage, late.afterDeclaration], ['2026-03-05', '2026-03-03', true]);
  assert.equal(extendedLastDay(d('2026-03-02'), outage('2026-03-02', '2026-03-02', '2026-03-06'), cal)?.lastDay, '2026-03-09');
  // Declared on the day it ended, or before the next working day: the plain rule.
  assert.equal(extendedLastDay(d('2026-03-06'), outage('2026-03-06', '2026-03-06', '2026-03-07'), cal)?.lastDay, '2026-03-09');
});

test('a time limit moves where its due date or its end of grace falls in the outage; a grace period never ends before its due date', () => {
  const o = outage('2026-03-02');
  assert.deepEqual(pick(extendTimeLimit({ dueOn: d('2026-03-02'), graceEndsOn: d('2026-09-02') }, o, cal)), ['2026-03-03', '2026-09-02']);
  assert.deepEqual(pick(extendTimeLimit({ dueOn: d('2025-09-02'), graceEndsOn: d('2026-03-02') }, o, cal)), ['2025-09-02', '2026-03-03']);
  assert.deepEqual(pick(extendTimeLimit({ dueOn: d('2026-03-02'), graceEndsOn: d('2026-03-02') }, o, cal)), ['2026-03-03', '2026-03-03']);
  assert.equal(extendTimeLimit({ dueOn: d('2026-03-03'), graceEndsOn: null }, o, cal), null);
});

function pick(x: ReturnType<typeof extendTimeLimit>) { return x ? [x.dueOn, x.graceEndsOn] : null; }

test("only a party's time limits are extended: a trademark's renewal and opposition periods, not the office's Madrid refusal period; not a patent's term", () => {
  const tm = partyTimeLimitKinds(procedureInForce('model-law', 'trademark', d('2026-03-02'))!);
  for (const k of ['renewal', 'opposition', 'refusal-response', 'remedy-deficiency']) assert.ok(tm.has(k), k);
  assert.ok(!tm.has('madrid-refusal'));
  const patent = partyTimeLimitKinds(procedureInForce('model-law', 'patent', d('2026-03-02'))!);
  assert.ok(patent.has('annuity') && !patent.has('term'));
});

const limit = (kind: string, dueOn: string, graceEndsOn: string | null = null): TimeLimitView => ({ kind, dueOn: d(dueOn), graceEndsOn: graceEndsOn ? d(graceEndsOn) : null, windowOpensOn: null, startsFrom: d('2025-01-01') });

function view(state: string, open: TimeLimitView[], expired: TimeLimitView[] = []): CaseView {
  return { id: '00000000-0000-4000-8000-000000000001', number: 'TM-2026-000001', right: 'trademark', state, filingDate: d('2016-03-02'), data: {}, openTimeLimits: open, expiredTimeLimits: expired, parent: null };
}

test("'extend-for-outage' (performed by the office as the system) moves the party's time limits ending in the outage and records how; it is refused when none ends there", () => {
  const tm = procedureInForce('model-law', 'trademark', d('2026-03-04'))!;
  const c = view('registered', [limit('renewal', '2026-03-02', '2026-09-02'), limit('madrid-refusal', '2026-03-02'), limit('refusal-response', '2026-05-04')]);
  const dec = decide(modelLaw, tm, EXTEND_FOR_OUTAGE, { case: c, payload: outage('2026-03-02', '2026-03-02', '2026-03-02'), today: d('2026-03-04') }, new Set(['system']));
  assert.equal(dec.stateAfter, 'registered');
  assert.equal(dec.definition.legalBasis, 'ML r. 80(1), (2)');
  assert.deepEqual(dec.extended.map((e) => [e.kind, e.status, e.dueOn, e.newDueOn, e.graceEndsOn, e.newGraceEndsOn]), [['renewal', 'open', '2026-03-02', '2026-03-03', '2026-09-02', '2026-09-02']]);
  assert.deepEqual(dec.extended[0].reason.outage, { id: 'o1', firstDay: '2026-03-02', lastDay: '2026-03-02', declaredOn: '2026-03-02' });
  assert.deepEqual(dec.extended[0].reason.calendar, { id: 'model-law', version: '2026-1' });

  assert.throws(() => decide(modelLaw, tm, EXTEND_FOR_OUTAGE, { case: view('registered', [limit('renewal', '2026-03-03')]), payload: outage('2026-03-02'), today: d('2026-03-04') }, new Set(['system'])),
    (e: any) => e.code === 'OUTAGE_NOTHING_TO_EXTEND');
  // Only the office, as the system, performs it.
  assert.throws(() => decide(modelLaw, tm, EXTEND_FOR_OUTAGE, { case: c, payload: outage('2026-03-02'), today: d('2026-03-04') }, new Set(['registrar'])),
    (e: any) => e.code === 'ACT_NOT_PERMITTED');
});

test("'reinstate-after-outage' returns the case to the state before the act performed on expiry and reopens the time limit to its extended day; refused once the case has moved on", () => {
  const tm = procedureInForce('model-law', 'trademark', d('2026-03-04'))!;
  const expired = limit('renewal', '2025-09-02', '2026-03-02');
  const payload = {
    ...outage('2026-03-02', '2026-03-02', '2026-03-04'),
    expired: { kind: 'renewal', dueOn: '2025-09-02', graceEndsOn: '2026-03-02', act: { id: 41, seq: 7, type: 'lapse', stateBefore: 'registered', stateAfter: 'lapsed' } },
    alsoClosed: [],
    restore: { lapsedOn: null },
  };
  const dec = decide(modelLaw, tm, REINSTATE_AFTER_OUTAGE, { case: view('lapsed', [], [expired]), payload, today: d('2026-03-04') }, new Set(['system']));
  assert.equal(dec.stateAfter, 'registered');
  assert.deepEqual(dec.data, { lapsedOn: null });
  assert.deepEqual(dec.extended.map((e) => [e.kind, e.status, e.closedByAct, e.newDueOn, e.newGraceEndsOn]), [['renewal', 'expired', 41, '2025-09-02', '2026-03-05']]);
  assert.equal(dec.extended[0].reason.afterDeclaration, true, 'declared on Wed 4 Mar: the grace runs to Thu 5 Mar');

  assert.throws(() => decide(modelLaw, tm, REINSTATE_AFTER_OUTAGE, { case: view('registered', [], [expired]), payload, today: d('2026-03-04') }, new Set(['system'])),
    (e: any) => e.code === 'OUTAGE_NOT_REINSTATABLE');
  assert.throws(() => decide(modelLaw, tm, REINSTATE_AFTER_OUTAGE, { case: view('lapsed', [], [limit('renewal', '2025-09-02', '2026-03-03')]), payload, today: d('2026-03-04') }, new Set(['system'])),
    (e: any) => e.code === 'OUTAGE_NOT_REINSTATABLE');
});

test('the legal basis is the framework\'s own: Ruritania cites its Acts', () => {
  const tm = ruritania.procedures.find((p) => p.right === 'trademark')!;
  assert.equal(tm.acts[EXTEND_FOR_OUTAGE].legalBasis, 'RTMA s. 95(1), (2)');
  assert.equal(tm.acts[REINSTATE_AFTER_OUTAGE].legalBasis, 'RTMA s. 95(3)');
  const patent = ruritania.procedures.find((p) => p.right === 'patent')!;
  assert.equal(patent.acts[EXTEND_FOR_OUTAGE].legalBasis, 'RPA s. 125(1), (2)');
  assert.equal(patent.acts[REINSTATE_AFTER_OUTAGE].legalBasis, 'RPA s. 125(3)');
  // Every procedure of every framework has both acts.
  for (const f of [modelLaw, ruritania]) for (const p of f.procedures) assert.ok(p.acts[EXTEND_FOR_OUTAGE] && p.acts[REINSTATE_AFTER_OUTAGE], `${f.id}/${p.right}`);
});

// A date type check: the rule returns legal dates.
const _typed: LegalDate | undefined = extendedLastDay(d('2026-03-02'), outage('2026-03-02'), cal)?.lastDay;
void _typed;
