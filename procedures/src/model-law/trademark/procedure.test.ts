// The model-law trademark procedure (and Ruritania's amendments to it), read rule by rule through the
// engine's pure decide(): hand-made case views, no database, no clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../../../packages/server/src/procedure-engine/decide.ts';
import {
  ANY_STATE, findFramework, findProcedure, parseLegalDate,
  type CaseView, type Framework, type Performer, type ProcedureDefinition, type TimeLimitView,
} from '../../index.ts';
import { madridStates } from './madrid.ts';

const modelLaw = findFramework('model-law')!;
const ruritania = findFramework('ruritania')!;
const ML = findProcedure('model-law', 'trademark', '2026.1')!;
const RT2026 = findProcedure('ruritania', 'trademark', '2026.1')!;
const RT2027 = findProcedure('ruritania', 'trademark', '2027.1')!;
const d = parseLegalDate;

const goods = (...classes: number[]) => classes.map((classNumber) => ({ classNumber, terms: ['goods'] }));
const renewalLimit = (dueOn: string, windowOpensOn: string, graceEndsOn: string): TimeLimitView =>
  ({ kind: 'renewal', dueOn: d(dueOn), windowOpensOn: d(windowOpensOn), graceEndsOn: d(graceEndsOn) });

interface Try {
  today: string;
  state?: string;
  payload?: Record<string, any>;
  data?: Record<string, any>;
  limits?: TimeLimitView[];
  as?: Performer[];
  law?: [Framework, ProcedureDefinition];
}

/** What the law decides for `act` on a case in `state` (by default: performed by a party, under the model law). */
function attempt(act: string, t: Try) {
  const [framework, procedure] = t.law ?? [modelLaw, ML];
  // A filing is decided on an empty draft, as the engine does; other acts on a case filed 31 Jan 2026.
  const filing = act === procedure.filingAct;
  const view: CaseView = {
    id: '00000000-0000-4000-8000-000000000001', number: filing ? '' : 'TM-2026-000001', right: 'trademark', state: t.state ?? '',
    filingDate: filing ? null : d('2026-01-31'),
    data: filing ? {} : { goodsServices: goods(30), classesCharged: 1, feesOutstanding: 0, expiryDate: '2036-01-31', ...t.data },
    openTimeLimits: t.limits ?? [], parent: null,
  };
  return decide(framework, procedure, act, { case: view, payload: t.payload ?? {}, today: d(t.today) }, new Set(t.as ?? ['party']));
}

const refused = (code: string, fn: () => unknown) => assert.throws(fn, (e: any) => { assert.equal(e.code, code, e.message); return true; });

test('a filing received on Sat 31 Jan 2026 with 3 classes gets that day as its filing date and costs 250 EUR + 2 x 50 EUR; Ruritania charges 180 + 2 x 40 EUR (200 EUR application fee under its 2027 law)', () => {
  const filed = attempt('file', { today: '2026-01-31', payload: { mark: { kind: 'Word', text: 'AURORA' }, goodsServices: goods(30, 35, 43) } });
  assert.equal(filed.stateAfter, 'formalities');
  assert.equal(filed.data.filingDate, '2026-01-31');
  assert.deepEqual(filed.fees.map((f) => [f.code, f.quantity, f.amount, f.currency]), [['application', 1, 250_00, 'EUR'], ['class', 2, 100_00, 'EUR']]);
  assert.deepEqual(filed.opens, []);
  const rt = attempt('file', { today: '2026-01-31', payload: { goodsServices: goods(30, 35, 43) }, law: [ruritania, RT2026] });
  assert.deepEqual(rt.fees.map((f) => f.amount), [180_00, 80_00]);
  const rt27 = attempt('file', { today: '2027-01-04', payload: { goodsServices: goods(30) }, law: [ruritania, RT2027] });
  assert.deepEqual(rt27.fees.map((f) => [f.code, f.amount]), [['application', 200_00]]);
});

test('a filing without goods or services is incomplete: no filing date, and 2 months to complete it (received Mon 2 Mar 2026: Sat 2 May, extended to Mon 4 May)', () => {
  const filed = attempt('file', { today: '2026-03-02', payload: { mark: { kind: 'Word', text: 'AURORA' } } });
  assert.equal(filed.stateAfter, 'incomplete');
  assert.equal(filed.data.filingDate, null);
  assert.equal(filed.data.receiptDate, '2026-03-02');
  assert.deepEqual(filed.opens.map((o) => [o.kind, o.dueOn, o.onExpiry]), [['complete-filing', '2026-05-04', 'filing-date-not-accorded']]);
  const completed = attempt('complete-filing', { state: 'incomplete', today: '2026-05-04', payload: { goodsServices: goods(30, 43) }, limits: [{ kind: 'complete-filing', dueOn: d('2026-05-04'), windowOpensOn: null, graceEndsOn: null }] });
  assert.equal(completed.data.filingDate, '2026-05-04');
  assert.deepEqual(completed.fees.map((f) => [f.code, f.quantity]), [['class', 1]]);
});

test('a deficiency notice of Mon 2 Feb 2026 gives 2 months: Thu 2 Apr 2026, a working day, not extended', () => {
  const [limit] = attempt('notify-formal-deficiency', { state: 'formalities', today: '2026-02-02', as: ['formalities'] }).opens;
  assert.deepEqual([limit.kind, limit.startsFrom, limit.dueOn, limit.onExpiry], ['remedy-deficiency', '2026-02-02', '2026-04-02', 'deem-withdrawn']);
  assert.deepEqual(limit.computation.calendar, { id: 'model-law', version: '2026-1' });
  assert.equal(limit.computation.extended, false);
});

test('a deficiency notice of Tue 3 Feb 2026 ends on Good Friday 3 Apr: the model-law office is closed until Easter Monday, so the time limit ends Tue 7 Apr; in Ruritania (no Easter holidays) it ends Fri 3 Apr', () => {
  const [ml] = attempt('notify-formal-deficiency', { state: 'formalities', today: '2026-02-03', as: ['formalities'] }).opens;
  assert.deepEqual([ml.computation.nominalLastDay, ml.dueOn, ml.computation.extended], ['2026-04-03', '2026-04-07', true]);
  const [rt] = attempt('notify-formal-deficiency', { state: 'formalities', today: '2026-02-03', as: ['formalities'], law: [ruritania, RT2026] }).opens;
  assert.deepEqual([rt.dueOn, rt.computation.extended, rt.computation.calendar], ['2026-04-03', false, { id: 'ruritania', version: '2026-1' }]);
});

test('a deficiency notice of Wed 31 Dec 2025: February has no 31st, so the 2 months end on its last day, Sat 28 Feb 2026, extended to Mon 2 Mar', () => {
  const [limit] = attempt('notify-formal-deficiency', { state: 'formalities', today: '2025-12-31', as: ['formalities'] }).opens;
  assert.deepEqual([limit.computation.nominalLastDay, limit.dueOn], ['2026-02-28', '2026-03-02']);
});

test('a deficiency can be remedied up to and including the last day of the time limit, not a day later, and only while a time limit is open', () => {
  const limits: TimeLimitView[] = [{ kind: 'remedy-deficiency', dueOn: d('2026-04-07'), windowOpensOn: null, graceEndsOn: null }];
  assert.equal(attempt('remedy-deficiency', { state: 'formalities-deficient', today: '2026-04-07', limits }).stateAfter, 'formalities');
  refused('TIME_LIMIT_EXPIRED', () => attempt('remedy-deficiency', { state: 'formalities-deficient', today: '2026-04-08', limits }));
  refused('NO_OPEN_TIME_LIMIT', () => attempt('remedy-deficiency', { state: 'formalities-deficient', today: '2026-04-01' }));
});

test('the formalities are not accepted, nor the mark registered, while fees are outstanding (FEES_UNPAID)', () => {
  refused('FEES_UNPAID', () => attempt('accept-formalities', { state: 'formalities', today: '2026-03-02', as: ['formalities'], data: { feesOutstanding: 50_00 } }));
  refused('FEES_UNPAID', () => attempt('register', { state: 'awaiting-registration', today: '2026-08-03', as: ['registrar'], data: { feesOutstanding: 1 } }));
  assert.equal(attempt('accept-formalities', { state: 'formalities', today: '2026-03-02', as: ['formalities'] }).stateAfter, 'classification');
});

test('priority (Paris Convention art. 4C): 6 months from 2 Sep 2025 end on 2 Mar 2026 (a filing on 2 Mar claims it, one on 3 Mar cannot); from 28 Feb 2026 they end on 28 Aug 2026, so a filing on 31 Aug cannot claim it; a priority date after the filing is refused', () => {
  const file = (today: string, date: string) => attempt('file', { today, payload: { goodsServices: goods(30), priorityClaims: [{ office: 'DE', number: '1', date }] } });
  assert.equal(file('2026-03-02', '2025-09-02').stateAfter, 'formalities');
  refused('PRIORITY_PERIOD_EXPIRED', () => file('2026-03-03', '2025-09-02'));
  refused('PRIORITY_PERIOD_EXPIRED', () => file('2026-08-31', '2026-02-28'));
  assert.equal(file('2026-02-28', '2025-08-31').stateAfter, 'formalities', '31 Aug + 6 months: the last day of February');
  refused('PRIORITY_DATE_IN_FUTURE', () => file('2026-03-02', '2026-03-03'));
});

test('priority of Fri 1 Aug 2025: the 6 months end on Sun 1 Feb 2026, a day the office is closed, so a filing on Mon 2 Feb 2026 still claims it (art. 4C(3))', () => {
  const filed = attempt('file', { today: '2026-02-02', payload: { goodsServices: goods(30), priorityClaims: [{ office: 'DE', number: '1', date: '2025-08-01' }] } });
  assert.equal(filed.stateAfter, 'formalities');
});

test('a class listed twice is refused (DUPLICATE_NICE_CLASS), on filing and on amendment', () => {
  refused('DUPLICATE_NICE_CLASS', () => attempt('file', { today: '2026-03-02', payload: { goodsServices: [...goods(30), ...goods(30)] } }));
  const limits: TimeLimitView[] = [{ kind: 'classification-response', dueOn: d('2026-05-04'), windowOpensOn: null, graceEndsOn: null }];
  refused('DUPLICATE_NICE_CLASS', () => attempt('amend-classification', { state: 'classification-objection', today: '2026-03-10', limits, payload: { goodsServices: [...goods(9), ...goods(9)] } }));
});

test('publication on Wed 15 Apr 2026 opens the opposition period: 3 months under the model law (15 Jul), 2 months under Ruritania 2026.1 (15 Jun), 3 months under Ruritania 2027.1', () => {
  const publish = (law: [Framework, ProcedureDefinition]) => attempt('publish', { state: 'accepted', today: '2026-04-15', as: ['registrar'], law }).opens[0];
  assert.deepEqual([publish([modelLaw, ML]).dueOn, publish([modelLaw, ML]).computation.citation], ['2026-07-15', 'ML r. 9(1)']);
  assert.deepEqual([publish([ruritania, RT2026]).dueOn, publish([ruritania, RT2026]).computation.citation], ['2026-06-15', 'RTMA s. 21(1)']);
  assert.equal(publish([ruritania, RT2027]).dueOn, '2026-07-15');
});

test('when the opposition period ends an unopposed application awaits registration, an opposed one stays opposed; when its last opposition ends it awaits registration (period over) or is published again (period running); an upheld opposition refuses it', () => {
  const sys: Performer[] = ['system'];
  assert.equal(attempt('close-opposition-period', { state: 'published', today: '2026-07-16', as: sys }).stateAfter, 'awaiting-registration');
  const closing = attempt('close-opposition-period', { state: 'opposed', today: '2026-07-16', as: sys });
  assert.deepEqual([closing.stateAfter, closing.data.oppositionPeriodClosed], ['opposed', true]);
  const ended = (data: Record<string, any>) => attempt('opposition-ended', { state: 'opposed', today: '2026-09-01', as: sys, data }).stateAfter;
  assert.equal(ended({ pendingOppositions: 1, oppositionPeriodClosed: true }), 'awaiting-registration');
  assert.equal(ended({ pendingOppositions: 1, oppositionPeriodClosed: false }), 'published');
  assert.equal(ended({ pendingOppositions: 2, oppositionPeriodClosed: true }), 'opposed');
  const upheld = attempt('opposition-upheld', { state: 'opposed', today: '2026-09-01', as: sys, data: { pendingOppositions: 1 } });
  assert.deepEqual([upheld.stateAfter, upheld.data.pendingOppositions], ['refused', 0]);
  refused('ACT_NOT_PERMITTED', () => attempt('opposition-upheld', { state: 'opposed', today: '2026-09-01', as: ['examiner'] }));
});

test('registration of a mark filed 31 Jan 2026: it expires 31 Jan 2036 (filing date + 10 years, never moved to a working day), renewable from 31 Jul 2035, with a grace period to 31 Jul 2036 (Ruritania: 30 Apr 2036)', () => {
  const reg = attempt('register', { state: 'awaiting-registration', today: '2026-07-20', as: ['registrar'] });
  assert.equal(reg.data.expiryDate, '2036-01-31');
  assert.deepEqual(reg.opens.map((o) => [o.kind, o.startsFrom, o.windowOpensOn, o.dueOn, o.graceEndsOn, o.onExpiry]), [['renewal', '2026-01-31', '2035-07-31', '2036-01-31', '2036-07-31', 'lapse']]);
  const rt = attempt('register', { state: 'awaiting-registration', today: '2026-07-20', as: ['registrar'], law: [ruritania, RT2026] }).opens[0];
  assert.deepEqual([rt.dueOn, rt.graceEndsOn], ['2036-01-31', '2036-04-30']);
});

test('renewal of a registration in 3 classes expiring 31 Jan 2036: not before 31 Jul 2035; 300 + 2 x 50 EUR in the window; 150 EUR surcharge on top in the grace period; not after 31 Jul 2036; in Ruritania 220 + 2 x 40 EUR and a 110 EUR surcharge', () => {
  const limits = [renewalLimit('2036-01-31', '2035-07-31', '2036-07-31')];
  const renew = (today: string, law?: [Framework, ProcedureDefinition], lim = limits) => attempt('renew', { state: 'registered', today, limits: lim, data: { goodsServices: goods(30, 35, 43) }, law });
  refused('RENEWAL_WINDOW_NOT_OPEN', () => renew('2035-07-30'));
  const inWindow = renew('2035-07-31');
  assert.deepEqual(inWindow.fees.map((f) => [f.code, f.amount]), [['renewal', 300_00], ['renewal-class', 100_00]]);
  assert.equal(inWindow.paymentBefore, true);
  assert.equal(inWindow.data.expiryDate, '2046-01-31');
  assert.deepEqual(inWindow.opens.map((o) => [o.startsFrom, o.dueOn]), [['2036-01-31', '2046-01-31']]);
  assert.deepEqual(renew('2036-01-31').fees.map((f) => f.code), ['renewal', 'renewal-class'], 'on the expiry date itself: no surcharge');
  assert.deepEqual(renew('2036-02-01').fees.map((f) => [f.code, f.amount]), [['renewal', 300_00], ['renewal-class', 100_00], ['renewal-surcharge', 150_00]]);
  assert.equal(renew('2036-07-31').fees.length, 3);
  refused('TIME_LIMIT_EXPIRED', () => renew('2036-08-01'));
  const rtLimits = [renewalLimit('2036-01-31', '2035-07-31', '2036-04-30')];
  assert.deepEqual(renew('2036-02-01', [ruritania, RT2026], rtLimits).fees.map((f) => f.amount), [220_00, 80_00, 110_00]);
  refused('TIME_LIMIT_EXPIRED', () => renew('2036-05-01', [ruritania, RT2026], rtLimits));
});

test('who may do what: the examiner cannot publish (registrar), an applicant cannot accept, nobody performs an act the law does not have, and a registration is not registered twice', () => {
  refused('ACT_NOT_PERMITTED', () => attempt('publish', { state: 'accepted', today: '2026-04-15', as: ['examiner'] }));
  refused('ACT_NOT_PERMITTED', () => attempt('accept', { state: 'examination', today: '2026-04-15', as: ['party', 'third-party'] }));
  refused('ACT_NOT_PERMITTED', () => attempt('deem-withdrawn', { state: 'formalities-deficient', today: '2026-04-15', as: ['formalities'] }));
  refused('UNKNOWN_ACT', () => attempt('grant', { state: 'examination', today: '2026-04-15', as: ['examiner'] }));
  refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('register', { state: 'registered', today: '2026-04-15', as: ['registrar'] }));
  refused('ACT_NOT_PERMITTED', () => attempt('file-opposition', { state: 'published', today: '2026-04-15', as: ['examiner'] }));
});

test('an applicant may withdraw in every state before registration, and in none after it; a designation under the Madrid Protocol is renounced at WIPO, not withdrawn here', () => {
  for (const [state, def] of Object.entries(ML.states)) {
    const pending = !def.terminal && state !== 'registered' && !Object.hasOwn(madridStates, state);
    if (pending) assert.equal(attempt('withdraw', { state, today: '2026-04-15' }).stateAfter, 'withdrawn', state);
    else refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('withdraw', { state, today: '2026-04-15' }));
  }
});

test('the law as data is consistent in every procedure version of every framework: states, periods, fees, time limits and their expiry acts', () => {
  for (const framework of [modelLaw, ruritania]) {
    for (const p of framework.procedures) {
      const where = `${framework.id}/${p.right}@${p.version}`;
      const opened = new Set<string>();
      for (const [type, act] of Object.entries(p.acts)) {
        for (const s of act.from) assert.ok(s === ANY_STATE || p.states[s], `${where} ${type}: unknown from-state ${s}`);
        if (typeof act.to === 'string') assert.ok(p.states[act.to], `${where} ${type}: unknown state ${act.to}`);
        for (const fee of act.fees ?? []) for (const schedule of p.fees) assert.ok(schedule.items[fee.code], `${where} ${type}: no fee ${fee.code} in the schedule of ${schedule.effectiveFrom}`);
        for (const o of act.opens ?? []) {
          opened.add(o.kind);
          for (const key of [o.period, o.windowBefore, o.grace]) if (key) assert.ok(p.periods[key], `${where} ${type}: no period ${key}`);
          const expiry = p.acts[o.onExpiry];
          assert.ok(expiry?.performers.includes('system'), `${where} ${type}: expiry act ${o.onExpiry} must exist and be the system's`);
          const states = typeof act.to === 'string' ? [act.to] : act.to ? [] : act.from;
          for (const s of states) assert.ok(expiry.from.includes(s), `${where}: ${o.onExpiry} cannot be performed in '${s}', where ${type} leaves the case`);
        }
        if (act.parentAct) {
          const parentAct = act.parentAct;
          assert.ok(framework.procedures.filter((q) => q.right === 'trademark').every((q) => q.acts[parentAct]?.performers.includes('system')), `${where} ${type}: parent act ${parentAct}`);
        }
      }
      for (const [type, act] of Object.entries(p.acts)) if (act.within) assert.ok(opened.has(act.within), `${where} ${type}: no act opens '${act.within}'`);
    }
  }
});
