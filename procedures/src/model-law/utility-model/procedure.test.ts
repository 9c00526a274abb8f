// The model-law utility-model procedure through the engine's pure decide(): hand-made case views, no
// database, no clock. Dates are worked out by hand in each test's name (model-law calendar: closed on
// Saturdays and Sundays; no office holidays are listed after 2028).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decide } from '../../../../packages/server/src/procedure-engine/decide.ts';
import {
  findFramework, findProcedure, parseLegalDate, periodTable,
  type ActContext, type CaseView, type Performer, type ProcedureDefinition, type StatusEvent, type TimeLimitView,
} from '../../index.ts';
import { utilityModelModelLaw } from './procedure.ts';

const modelLaw = findFramework('model-law')!;
const UM = findProcedure('model-law', 'utility-model', '2026.1')!;
const d = parseLegalDate;

const DESCRIPTION = { sha256: 'c'.repeat(64), pages: 8 };
const claims = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. A milk frother according to claim ${i || 1}.`);
const APPLICANT = { kind: 'legal', name: 'Aurora Roasters Inc', country: 'DE' };
const INVENTOR = { kind: 'natural', name: 'Ada Brewer', country: 'DE' };
const complete = (extra: Record<string, any> = {}) => ({
  applicants: [APPLICANT], inventors: [INVENTOR], title: 'Milk frother', abstract: 'A frother ...', description: DESCRIPTION, claims: claims(10), ...extra,
});
const limit = (kind: string, dueOn: string, windowOpensOn: string | null = null, graceEndsOn: string | null = null): TimeLimitView =>
  ({ kind, dueOn: d(dueOn), windowOpensOn: windowOpensOn ? d(windowOpensOn) : null, graceEndsOn: graceEndsOn ? d(graceEndsOn) : null });

interface Try {
  today: string; state?: string; filingDate?: string; payload?: Record<string, any>; data?: Record<string, any>;
  limits?: TimeLimitView[]; as?: Performer[]; parent?: CaseView['parent'];
}

function attempt(act: string, t: Try) {
  const creating = t.state === undefined;
  const view: CaseView = {
    id: '00000000-0000-4000-8000-000000000002', number: creating ? '' : 'UM-2026-000001', right: 'utility-model', state: t.state ?? '',
    filingDate: creating ? null : d(t.filingDate ?? '2026-03-02'),
    data: creating ? {} : { claims: claims(10), claimsCharged: 10, feesOutstanding: 0, title: 't', abstract: 'a', inventors: [INVENTOR], ...t.data },
    openTimeLimits: t.limits ?? [], parent: t.parent ?? null,
  };
  const decision = decide(modelLaw, UM, act, { case: view, payload: t.payload ?? {}, today: d(t.today) }, new Set(t.as ?? ['party']));
  return decision as typeof decision & { data: Record<string, any> };
}
const refused = (code: string, fn: () => unknown) => assert.throws(fn, (e: any) => { assert.equal(e.code, code, e.message); return true; });
const opened = (decision: ReturnType<typeof attempt>) => Object.fromEntries(decision.opens.map((o) => [o.kind, o.dueOn]));
const fees = (decision: ReturnType<typeof attempt>) => decision.fees.map((f) => [f.code, f.amount]);

test('filed Mon 2 Mar 2026 with 12 claims: filing date 2 Mar 2026, 50 EUR + 2 x 15 EUR; the first maintenance fee (years 4 to 6) is due on the last day of the month of the 3rd anniversary, Sat 31 Mar 2029 (not moved), payable from Sat 30 Sep 2028, grace to the last day of the 6th month after, Sun 30 Sep 2029, extended to Mon 1 Oct 2029 (A12)', () => {
  const filed = attempt('file', { today: '2026-03-02', payload: complete({ claims: claims(12) }) });
  assert.deepEqual([filed.stateAfter, filed.data.filingDate, filed.data.nextMaintenance], ['formalities', '2026-03-02', 0]);
  assert.deepEqual(fees(filed), [['filing', 50_00], ['claims', 30_00]]);
  assert.deepEqual(filed.opens.map((o) => [o.kind, o.startsFrom, o.windowOpensOn, o.dueOn, o.graceEndsOn, o.onExpiry]), [
    ['maintenance', '2029-03-02', '2028-09-30', '2029-03-31', '2029-10-01', 'maintenance-not-paid'],
  ]);
  assert.deepEqual(filed.event, { standard: 'ST.27', category: 'A10', detailedCode: 'A12' });
  assert.equal(UM.caseTitle!(filed.data), 'Milk frother');
});

test('a utility-model filing without a description has no filing date: received Mon 2 Mar 2026, completed Mon 4 May 2026 (the 2 months end Sat 2 May, extended), which becomes the filing date; without claims they are due 2 months after it (Sat 4 Jul 2026, extended to Mon 6 Jul)', () => {
  const filed = attempt('file', { today: '2026-03-02', payload: complete({ description: undefined, claims: undefined }) });
  assert.deepEqual([filed.stateAfter, filed.data.filingDate, opened(filed)], ['incomplete', null, { 'complete-filing': '2026-05-04' }]);
  const done = attempt('complete-filing', { state: 'incomplete', today: '2026-05-04', data: { claims: null, priorityClaims: [] }, limits: [limit('complete-filing', '2026-05-04')], payload: { description: DESCRIPTION } });
  assert.deepEqual([done.stateAfter, done.data.filingDate], ['formalities', '2026-05-04']);
  assert.deepEqual(opened(done), { claims: '2026-07-06', maintenance: '2029-05-31' });
});

test('priority (Paris Convention art. 4C): 12 months from 2 Mar 2025 end Mon 2 Mar 2026; a filing on Tue 3 Mar cannot claim it (utility models have no restoration of priority in the model law)', () => {
  const file = (today: string) => attempt('file', { today, payload: complete({ priorityClaims: [{ office: 'DE', number: '20 2025 000 001.1', date: '2025-03-02' }] }) });
  assert.equal(file('2026-03-02').stateAfter, 'formalities');
  const err = (() => { try { file('2026-03-03'); } catch (e) { return e as any; } })();
  assert.deepEqual([err.code, err.details.lastDay, err.details.restorableUntil], ['PRIORITY_PERIOD_EXPIRED', '2026-03-02', undefined]);
});

test('registration without substantive examination (F12) once fees are paid and the application is complete: registered Mon 4 May 2026, it expires on 2 Mar 2036 (10 years from the filing date, not moved); published by the registrar (Q13), it is in force and public', () => {
  refused('FEES_UNPAID', () => attempt('register', { state: 'formalities', today: '2026-05-04', as: ['registrar'], data: { feesOutstanding: 30_00 } }));
  refused('FORMAL_REQUIREMENTS_NOT_MET', () => attempt('register', { state: 'formalities', today: '2026-05-04', as: ['registrar'], data: { claims: null } }));
  const registered = attempt('register', { state: 'formalities', today: '2026-05-04', as: ['registrar'] });
  assert.deepEqual([registered.stateAfter, registered.data.expiryDate, registered.data.registrationNumber, registered.event?.detailedCode], ['registered', '2036-03-02', 'UM-2026-000001', 'F12']);
  assert.deepEqual(registered.opens.map((o) => [o.kind, o.dueOn, o.onExpiry]), [['term', '2036-03-02', 'expire']]);
  const published = attempt('publish-registration', { state: 'registered', today: '2026-05-11', as: ['registrar'] });
  assert.deepEqual([published.stateAfter, published.data.publicationDate, published.event?.detailedCode], ['in-force', '2026-05-11', 'Q13']);
  assert.equal(UM.states['in-force'].public, true);
  refused('ACT_NOT_PERMITTED', () => attempt('register', { state: 'formalities', today: '2026-05-04', as: ['examiner'] }));
});

test('maintenance of a utility model filed 2 Mar 2026: the fee for years 4 to 6 (210 EUR) due Sat 31 Mar 2029 is paid without surcharge on Mon 2 Apr 2029, the next working day, with the 50 EUR surcharge from Tue 3 Apr; not before 30 Sep 2028; it opens the fee for years 7 and 8, due Wed 31 Mar 2032; the fee for years 9 and 10 (530 EUR) is the last', () => {
  const first = [limit('maintenance', '2029-03-31', '2028-09-30', '2029-10-01')];
  const pay = (today: string) => attempt('pay-maintenance', { state: 'in-force', today, limits: first, data: { nextMaintenance: 0 } });
  refused('MAINTENANCE_WINDOW_NOT_OPEN', () => pay('2028-09-29'));
  const paid = pay('2029-04-02');
  assert.deepEqual([fees(paid), paid.paymentBefore, paid.data.nextMaintenance, paid.event?.detailedCode], [[['maintenance-4-6', 210_00]], true, 1, 'U11']);
  assert.deepEqual(paid.opens.map((o) => [o.startsFrom, o.dueOn]), [['2032-03-02', '2032-03-31']]);
  assert.deepEqual(fees(pay('2029-04-03')), [['maintenance-4-6', 210_00], ['maintenance-surcharge', 50_00]]);
  refused('TIME_LIMIT_EXPIRED', () => pay('2029-10-02'));
  const last = attempt('pay-maintenance', { state: 'in-force', today: '2034-01-10', limits: [limit('maintenance', '2034-03-31', '2033-09-30', '2034-10-02')], data: { nextMaintenance: 2 } });
  assert.deepEqual([fees(last), last.opens], [[['maintenance-9-10', 530_00]], []]);
});

test('a maintenance fee not paid by the end of the grace period: a registered utility model lapses (H13), an application is deemed withdrawn (B12); the term ends it after 10 years (H14)', () => {
  assert.deepEqual(['lapsed', 'H13'], (({ stateAfter, event }) => [stateAfter, event?.detailedCode])(attempt('maintenance-not-paid', { state: 'in-force', today: '2029-10-02', as: ['system'] })));
  assert.deepEqual(['deemed-withdrawn', 'B12'], (({ stateAfter, event }) => [stateAfter, event?.detailedCode])(attempt('maintenance-not-paid', { state: 'formalities', today: '2029-10-02', as: ['system'] })));
  assert.deepEqual(['expired', 'H14'], (({ stateAfter, event }) => [stateAfter, event?.detailedCode])(attempt('expire', { state: 'in-force', today: '2036-03-03', as: ['system'] })));
});

const PARENT: CaseView['parent'] = {
  id: '00000000-0000-4000-8000-0000000000bb', number: 'PT-2026-000007', right: 'patent', state: 'examination', filingDate: d('2026-03-02'),
  data: {
    filingDate: '2026-03-02', title: 'Milk frother', applicants: [APPLICANT], inventors: [INVENTOR], abstract: 'A frother ...',
    description: DESCRIPTION, claims: claims(12),
    priorityClaims: [
      { office: 'DE', number: '10 2025 000 001.1', date: '2025-04-02' },
      { office: 'US', number: '63/000,001', date: '2025-01-15', restoration: { reasons: 'x', status: 'refused' } },
    ],
  },
};

test('filing by conversion on Mon 10 May 2027 of a patent application filed 2 Mar 2026: the utility-model application keeps that filing date and the priority of 2 Apr 2025 (not the one whose restoration was refused), takes the 12 claims as they stand (50 EUR + 2 x 15 EUR) or new ones, and its first maintenance fee is due Sat 31 Mar 2029 (A21); a patent application without claims gives 2 months from the conversion to file them', () => {
  const child = attempt('file-by-conversion', { today: '2027-05-10', parent: PARENT });
  assert.deepEqual([child.stateAfter, child.data.filingDate, child.data.receiptDate], ['formalities', '2026-03-02', '2027-05-10']);
  assert.deepEqual(child.data.priorityClaims, [{ office: 'DE', number: '10 2025 000 001.1', date: '2025-04-02' }]);
  assert.deepEqual(child.data.convertedFrom, { right: 'patent', number: 'PT-2026-000007', filingDate: '2026-03-02' });
  assert.deepEqual([child.data.title, child.data.claims, child.data.applicants], ['Milk frother', claims(12), [APPLICANT]]);
  assert.deepEqual(fees(child), [['filing', 50_00], ['claims', 30_00]]);
  assert.deepEqual(opened(child), { maintenance: '2029-03-31' });
  assert.deepEqual(child.event, { standard: 'ST.27', category: 'A10', detailedCode: 'A21' });
  assert.deepEqual(attempt('file-by-conversion', { today: '2027-05-10', parent: PARENT, payload: { claims: claims(3) } }).data.claims, claims(3), 'claims adapted to a utility model');
  const withoutClaims = attempt('file-by-conversion', { today: '2027-05-10', parent: { ...PARENT!, data: { ...PARENT!.data, claims: null } } });
  assert.equal(opened(withoutClaims).claims, '2027-07-12', 'no claims yet: 2 months from the receipt (Sat 10 Jul 2027, extended to Mon 12 Jul)');
});

test('converted late, on Tue 15 Jun 2032: the maintenance fees due 31 Mar 2029 (210 EUR) and 31 Mar 2032 (350 EUR) are owed at once, the last (years 9 and 10) is due Fri 31 Mar 2034; from 2 Mar 2036 (10 years after filing) there is nothing left to convert into; only a pending patent application converts', () => {
  const late = attempt('file-by-conversion', { today: '2032-06-15', parent: PARENT });
  assert.deepEqual(fees(late), [['filing', 50_00], ['claims', 30_00], ['maintenance-4-6', 210_00], ['maintenance-7-8', 350_00]]);
  assert.deepEqual([opened(late), late.data.nextMaintenance], [{ maintenance: '2034-03-31' }, 2]);
  refused('UTILITY_MODEL_TERM_EXPIRED', () => attempt('file-by-conversion', { today: '2036-03-02', parent: PARENT }));
  refused('CONVERSION_NEEDS_PENDING_PATENT_APPLICATION', () => attempt('file-by-conversion', { today: '2027-05-10' }));
  refused('CONVERSION_NEEDS_PENDING_PATENT_APPLICATION', () => attempt('file-by-conversion', { today: '2027-05-10', parent: { ...PARENT!, state: 'granted' } }));
});

test('an applicant may withdraw a pending application (B11), not a registered utility model; its holder may surrender that (H15)', () => {
  for (const [state, def] of Object.entries(UM.states)) {
    const pending = ['incomplete', 'formalities', 'formalities-deficient'].includes(state);
    if (pending) assert.equal(attempt('withdraw', { state, today: '2026-04-15' }).stateAfter, 'withdrawn', state);
    else if (!def.terminal) refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('withdraw', { state, today: '2026-04-15' }));
  }
  assert.deepEqual(attempt('surrender', { state: 'in-force', today: '2030-01-10' }).event, { standard: 'ST.27', category: 'H10', detailedCode: 'H15' });
});

/** Every event an act can emit: its event evaluated in every state, on a new and an existing case, with and without a description and claims. */
function possibleEvents(p: ProcedureDefinition): Map<string, StatusEvent[]> {
  const out = new Map<string, StatusEvent[]>();
  const parent: CaseView['parent'] = { id: 'p', number: 'PT-1', right: 'patent', state: 'examination', filingDate: d('2026-01-01'), data: {} };
  for (const [type, act] of Object.entries(p.acts)) {
    const events: StatusEvent[] = [];
    for (const state of ['', ...Object.keys(p.states)]) {
      for (const payload of [{}, { claims: ['1. x'], description: DESCRIPTION }]) {
        const ctx = { case: { id: 'x', number: state ? 'X-1' : '', right: p.right, state, filingDate: d('2026-01-01'), data: {}, openTimeLimits: [], parent }, payload, today: d('2026-06-01'), calendars: [], periods: periodTable(p.periods, []) } as ActContext;
        const e = typeof act.event === 'function' ? act.event(ctx) : act.event ?? null;
        if (e) events.push(e);
      }
    }
    out.set(type, events);
  }
  return out;
}

const st96 = (file: string) => new Set(readFileSync(new URL(`../../../../reference/st96/${file}`, import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]));

test('every event of the utility-model procedure is an ST.27 key event with a detailed event of its category (ST.96 code lists)', () => {
  const keys = st96('KeyEventCode.csv');
  const detailed = st96('DetailedEventCode.csv');
  let count = 0;
  for (const [type, events] of possibleEvents(utilityModelModelLaw)) {
    for (const e of events) {
      count++;
      assert.equal(e.standard, 'ST.27', type);
      assert.ok(keys.has(e.category), `${type}: ${e.category}`);
      assert.ok(e.detailedCode && detailed.has(e.detailedCode) && e.detailedCode[0] === e.category[0], `${type}: ${e.detailedCode}`);
    }
  }
  assert.ok(count >= 12, `events found: ${count}`);
});

test('the utility-model law as data is consistent: states, periods, fees, expiry acts performable by the system in the states where their time limits run', () => {
  const p = UM;
  for (const [type, act] of Object.entries(p.acts)) {
    for (const s of act.from) assert.ok(s === '*' || p.states[s], `${type}: unknown from-state ${s}`);
    for (const fee of act.fees ?? []) assert.ok(p.fees[0].items[fee.code], `${type}: no fee ${fee.code}`);
    for (const o of act.opens ?? []) {
      for (const key of [o.period, o.windowBefore, o.grace]) if (key) assert.ok(p.periods[key], `${type}: no period ${key}`);
      const expiry = p.acts[o.onExpiry];
      assert.ok(expiry?.performers.includes('system'), `${type}: ${o.onExpiry}`);
      const states = typeof act.to === 'string' ? [act.to] : act.to ? [] : act.from;
      for (const s of states) assert.ok(expiry.from.includes(s), `${o.onExpiry} not possible in ${s}`);
    }
  }
});
