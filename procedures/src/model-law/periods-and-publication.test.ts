// Rules that read the procedure's periods (an office overrides them with extendProcedure, and the guards
// follow), publication as an act of its own (`publishes`), a deferment of publication of the length the
// applicant asks for, and a fee item that depends on the case. Through the engine's pure decide().
// Model-law calendar: closed on Saturdays and Sundays, 1 Jan, 3 and 6 Apr, 1 May, 25 and 28 Dec 2026,
// 1 Jan, 26 and 29 Mar, 1 May, 27 Dec 2027.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../../packages/server/src/procedure-engine/decide.ts';
import {
  extendProcedure, findFramework, parseLegalDate,
  type CaseView, type Framework, type Performer, type ProcedureDefinition, type TimeLimitView,
} from '../index.ts';
import { ruritaniaPatent } from '../offices/ruritania/patent.ts';
import { designModelLaw } from './design/procedure.ts';
import { patentModelLaw, patentProcedure } from './patent/procedure.ts';
import { trademarkModelLaw } from './trademark/procedure.ts';

const modelLaw = findFramework('model-law')!;
const ruritania = findFramework('ruritania')!;
const d = parseLegalDate;

interface Try { today: string; state?: string; payload?: Record<string, any>; data?: Record<string, any>; limits?: TimeLimitView[]; as?: Performer[] }

/** What `procedure` decides for `act`; without a state the act creates the case. */
function attempt(framework: Framework, procedure: ProcedureDefinition, act: string, t: Try) {
  const creating = t.state === undefined;
  const view: CaseView = {
    id: '00000000-0000-4000-8000-000000000009', number: creating ? '' : 'X-2026-000001', right: procedure.right, state: t.state ?? '',
    filingDate: creating ? null : d('2026-03-02'), data: creating ? {} : { feesOutstanding: 0, ...t.data },
    openTimeLimits: t.limits ?? [], parent: null,
  };
  return decide(framework, procedure, act, { case: view, payload: t.payload ?? {}, today: d(t.today) }, new Set(t.as ?? ['party']));
}
const refusal = (fn: () => unknown): any => {
  try { fn(); } catch (e) { return e; }
  assert.fail('expected a refusal');
};
const limit = (kind: string, dueOn: string): TimeLimitView => ({ kind, dueOn: d(dueOn), windowOpensOn: null, graceEndsOn: null });

// ---------------------------------------------------------------------------------------------------------
// Periods read by guards

const PCT = (priority: string | null) => ({
  applicants: [{ kind: 'legal', name: 'Aurora Roasters Inc', country: 'DE' }], inventors: [{ kind: 'natural', name: 'Ada Brewer' }],
  title: 'Fluid-bed coffee roaster', abstract: 'A roaster ...', description: { sha256: 'a'.repeat(64) }, claims: ['1. A roaster.'],
  internationalApplication: { number: 'PCT/XX2025/000123', filingDate: '2025-03-10', publicationNumber: 'WO2025/123456', publicationDate: '2025-09-18' },
  ...(priority ? { priorityClaims: [{ office: 'DE', number: '10 2024 000 777.0', date: priority }] } : {}),
});

test('national-phase entry follows the period `nationalPhaseEntry` an office sets with extendProcedure: priority Sat 31 Aug 2024; 30 months under the model law end Sun 28 Feb 2027, extended to Mon 1 Mar; with the period overridden to 31 months, entry on Wed 31 Mar 2027 is in time and on Thu 1 Apr it is not', () => {
  const office31 = extendProcedure(patentModelLaw, {
    framework: 'model-law', version: 'test-31', effectiveFrom: d('2000-01-01'),
    periods: { nationalPhaseEntry: { months: 31, citation: 'Patents Act s. 60; PCT art. 22(3)' } },
  });
  const tooLate = refusal(() => attempt(modelLaw, patentModelLaw, 'enter-national-phase', { today: '2027-03-02', payload: PCT('2024-08-31') }));
  assert.deepEqual([tooLate.code, tooLate.details.lastDay], ['NATIONAL_PHASE_PERIOD_EXPIRED', '2027-03-01']);
  assert.equal(attempt(modelLaw, office31, 'enter-national-phase', { today: '2027-03-31', payload: PCT('2024-08-31') }).stateAfter, 'formalities');
  const late = refusal(() => attempt(modelLaw, office31, 'enter-national-phase', { today: '2027-04-01', payload: PCT('2024-08-31') }));
  assert.deepEqual([late.code, late.details.lastDay], ['NATIONAL_PHASE_PERIOD_EXPIRED', '2027-03-31']);
  assert.match(late.message, /31 months from the priority date 2024-08-31/);
});

test('Ruritania\'s 31 months come from its periods override: the patent procedure it builds on has 30, its own procedure 31, cited to the RPA, and its entry guard applies 31', () => {
  assert.equal(patentProcedure({ annuitiesFrom: 3 }).periods.nationalPhaseEntry.months, 30, 'the builder no longer takes periods');
  assert.deepEqual([ruritaniaPatent.periods.nationalPhaseEntry.months, ruritaniaPatent.periods.nationalPhaseEntry.citation], [31, 'RPA s. 60(1); PCT art. 22(3), 39(1)(b)']);
  const rt: Framework = { ...ruritania, procedures: [...ruritania.procedures.filter((p) => p.right !== 'patent'), ruritaniaPatent] };
  assert.equal(attempt(rt, ruritaniaPatent, 'enter-national-phase', { today: '2027-03-31', payload: PCT('2024-08-31') }).stateAfter, 'formalities');
  // An office extending Ruritania's procedure again can shorten it back: the guard follows the last override.
  const back30 = extendProcedure(ruritaniaPatent, { framework: 'ruritania', version: 'test-30', effectiveFrom: d('2000-01-01'), periods: { nationalPhaseEntry: { months: 30 } } });
  assert.equal(refusal(() => attempt(rt, back30, 'enter-national-phase', { today: '2027-03-31', payload: PCT('2024-08-31') })).code, 'NATIONAL_PHASE_PERIOD_EXPIRED');
});

test('the priority periods are read by the guards too: the year from 2 Mar 2025 ended Mon 2 Mar 2026; with `priorityRestoration` overridden to 1 month a request for restoration saves the claim on Thu 2 Apr 2026 but not on Tue 7 Apr (2 months under the model law, to Mon 4 May); a trademark priority period overridden to 4 months from Mon 5 Jan 2026 ends Tue 5 May', () => {
  const claim = (restoration: boolean) => ({
    applicants: [{ kind: 'legal', name: 'Aurora Roasters Inc', country: 'DE' }], description: { sha256: 'a'.repeat(64) },
    priorityClaims: [{ office: 'DE', number: '10 2025 000 001.1', date: '2025-03-02', ...(restoration ? { restoration: { reasons: 'The courier lost the papers.' } } : {}) }],
  });
  const oneMonth = extendProcedure(patentModelLaw, { framework: 'model-law', version: 'test-r1', effectiveFrom: d('2000-01-01'), periods: { priorityRestoration: { months: 1 } } });
  assert.equal(attempt(modelLaw, oneMonth, 'file', { today: '2026-04-02', payload: claim(true) }).stateAfter, 'formalities');
  const late = refusal(() => attempt(modelLaw, oneMonth, 'file', { today: '2026-04-07', payload: claim(true) }));
  assert.deepEqual([late.code, late.details.restorableUntil], ['PRIORITY_PERIOD_EXPIRED', '2026-04-02']);
  assert.equal(attempt(modelLaw, patentModelLaw, 'file', { today: '2026-04-07', payload: claim(true) }).stateAfter, 'formalities', 'under the model law 2 months (to Mon 4 May 2026)');
  const trademarkPriority = extendProcedure(trademarkModelLaw, { framework: 'model-law', version: 'test-p', effectiveFrom: d('2000-01-01'), periods: { priority: { months: 4 } } });
  const tm = (today: string, law: ProcedureDefinition) => attempt(modelLaw, law, 'file', {
    today, payload: { mark: { kind: 'Word', text: 'AURORA' }, applicant: { name: 'Aurora Coffee Ltd' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }], priorityClaims: [{ office: 'FR', number: '1', date: '2026-01-05' }] },
  });
  assert.equal(tm('2026-06-05', trademarkModelLaw).stateAfter, 'formalities');
  const tmLate = refusal(() => tm('2026-06-05', trademarkPriority));
  assert.deepEqual([tmLate.code, tmLate.details.lastDay], ['PRIORITY_PERIOD_EXPIRED', '2026-05-05']);
  assert.match(tmLate.message, /4 months from 2026-01-05/);
});

// ---------------------------------------------------------------------------------------------------------
// Publication is an act's effect

test('publication makes a case public by the act: the patent application\'s 18-month publication and the grant publish it, its filing does not; a national-phase entry does when WIPO has published the international application', () => {
  assert.equal(attempt(modelLaw, patentModelLaw, 'file', { today: '2026-03-02', payload: PCT(null) }).publishes, false);
  assert.equal(attempt(modelLaw, patentModelLaw, 'publish-application', { state: 'examination', today: '2027-09-03', as: ['system'] }).publishes, true);
  assert.equal(attempt(modelLaw, patentModelLaw, 'grant', { state: 'awaiting-grant', today: '2027-09-03', as: ['registrar'] }).publishes, true);
  const asked = attempt(modelLaw, patentModelLaw, 'request-early-publication', { state: 'examination', today: '2026-06-01', limits: [limit('publication', '2027-09-02')] });
  assert.equal(asked.publishes, false, 'a request is not the publication');
  assert.deepEqual([asked.closes, asked.opens.map((o) => [o.kind, o.dueOn, o.onExpiry, o.computation.citation])], [['publication'], [['publication', '2026-06-01', 'publish-application', 'ML r. 29(2)']]], 'the publication falls due at once: the next sweep publishes');
  assert.equal(attempt(modelLaw, patentModelLaw, 'enter-national-phase', { today: '2027-03-01', payload: PCT('2024-08-31') }).publishes, true);
  const unpublished = PCT('2024-08-31');
  unpublished.internationalApplication = { number: 'PCT/XX2025/000123', filingDate: '2025-03-10' } as any;
  assert.equal(attempt(modelLaw, patentModelLaw, 'enter-national-phase', { today: '2026-06-01', payload: unpublished }).publishes, false);
  assert.equal(attempt(modelLaw, trademarkModelLaw, 'publish', { state: 'accepted', today: '2026-04-15', as: ['registrar'] }).publishes, true);
  assert.equal(attempt(modelLaw, trademarkModelLaw, 'accept', { state: 'examination', today: '2026-04-15', as: ['examiner'] }).publishes, false);
});

test('a design is published when registered, unless its publication is deferred; then by the end of the deferment or the holder\'s request, which before registration publish nothing', () => {
  const deferment = [limit('deferment', '2027-03-02')];
  const designs = { designs: [{ number: 1, products: ['Chair'], locarno: { class: '06', subclass: '01' }, views: [] }] };
  assert.equal(attempt(modelLaw, designModelLaw, 'register', { state: 'accepted', today: '2026-07-01', as: ['registrar'], data: designs }).publishes, true);
  assert.equal(attempt(modelLaw, designModelLaw, 'register', { state: 'accepted', today: '2026-07-01', as: ['registrar'], data: designs, limits: deferment }).publishes, false);
  assert.equal(attempt(modelLaw, designModelLaw, 'end-deferment', { state: 'registered-deferred', today: '2027-03-03', as: ['system'], limits: deferment }).publishes, true);
  assert.equal(attempt(modelLaw, designModelLaw, 'end-deferment', { state: 'accepted', today: '2027-03-03', as: ['system'], limits: deferment }).publishes, false);
  assert.equal(attempt(modelLaw, designModelLaw, 'request-publication', { state: 'registered-deferred', today: '2026-08-03', limits: deferment, as: ['party', 'party:applicant'] }).publishes, true);
  assert.equal(attempt(modelLaw, designModelLaw, 'request-publication', { state: 'examination', today: '2026-05-04', limits: deferment, as: ['party', 'party:applicant'] }).publishes, false);
});

// ---------------------------------------------------------------------------------------------------------
// Deferment of the length requested (ML r. 57(2))

const CHAIR = { products: ['Chair'], locarno: { class: '06', subclass: '01' }, views: [{ sha256: '1'.repeat(64), title: 'front' }] };
const design = (over: Record<string, any>) => ({ applicants: [{ kind: 'legal', name: 'Nordform Oy', country: 'FI' }], designs: [CHAIR], ...over });

test('deferment for 12 months asked for with a filing of Mon 2 Mar 2026 ends Tue 2 Mar 2027; from a priority of Wed 15 Oct 2025, 6 months end Wed 15 Apr 2026; 30 months (the longest) are accepted, 31 are not (DEFERMENT_TOO_LONG); without a length it is the longest; a length without a request is refused', () => {
  const twelve = attempt(modelLaw, designModelLaw, 'file', { today: '2026-03-02', payload: design({ deferPublication: true, defermentMonths: 12 }) });
  assert.deepEqual(twelve.opens.map((o) => [o.kind, o.startsFrom, o.dueOn, o.onExpiry, o.computation.citation, o.computation.requested, (o.computation.longest as any)?.months]), [['deferment', '2026-03-02', '2027-03-02', 'end-deferment', 'ML r. 57(2)', true, 30]]);
  assert.equal(twelve.data.defermentMonths, 12);
  const fromPriority = attempt(modelLaw, designModelLaw, 'file', { today: '2026-03-02', payload: design({ deferPublication: true, defermentMonths: 6, priorityClaims: [{ office: 'SE', number: 'A', date: '2025-10-15' }] }) });
  assert.deepEqual(fromPriority.opens.map((o) => [o.startsFrom, o.dueOn]), [['2025-10-15', '2026-04-15']]);
  assert.equal(attempt(modelLaw, designModelLaw, 'file', { today: '2026-03-02', payload: design({ deferPublication: true, defermentMonths: 30 }) }).opens[0].dueOn, '2028-09-02');
  const tooLong = refusal(() => attempt(modelLaw, designModelLaw, 'file', { today: '2026-03-02', payload: design({ deferPublication: true, defermentMonths: 31 }) }));
  assert.deepEqual([tooLong.code, tooLong.details.lastDay], ['DEFERMENT_TOO_LONG', '2028-09-02']);
  const longest = attempt(modelLaw, designModelLaw, 'file', { today: '2026-03-02', payload: design({ deferPublication: true }) });
  assert.deepEqual([longest.opens[0].dueOn, longest.opens[0].computation.requested, longest.data.defermentMonths], ['2028-09-02', undefined, undefined]);
  assert.equal(refusal(() => attempt(modelLaw, designModelLaw, 'file', { today: '2026-03-02', payload: design({ defermentMonths: 12 }) })).code, 'DEFERMENT_NOT_REQUESTED');
});

test('the longest deferment is the period `deferment`, which an office sets: with 12 months, 18 are refused and asking for none defers for 12', () => {
  const office12 = extendProcedure(designModelLaw, { framework: 'model-law', version: 'test-12', effectiveFrom: d('2000-01-01'), periods: { deferment: { months: 12, extendToWorkingDay: false, citation: 'Designs Act s. 20' } } });
  const tooLong = refusal(() => attempt(modelLaw, office12, 'file', { today: '2026-03-02', payload: design({ deferPublication: true, defermentMonths: 18 }) }));
  assert.deepEqual([tooLong.code, tooLong.details.lastDay], ['DEFERMENT_TOO_LONG', '2027-03-02']);
  assert.match(tooLong.message, /at most 12 months/);
  const whole = attempt(modelLaw, office12, 'file', { today: '2026-03-02', payload: design({ deferPublication: true }) });
  assert.deepEqual([whole.opens[0].dueOn, whole.opens[0].computation.citation], ['2027-03-02', 'Designs Act s. 20']);
});

// ---------------------------------------------------------------------------------------------------------
// A fee whose item depends on the case

test('a fee charge may pick its item from the case: an office charging collective marks another application fee', () => {
  const fees = trademarkModelLaw.fees.map((s) => ({ ...s, items: { ...s.items, 'application-collective': { title: 'Application fee for a collective mark (one class)', amount: 500_00 } } }));
  const collective = extendProcedure(trademarkModelLaw, {
    framework: 'model-law', version: 'test-fee', effectiveFrom: d('2000-01-01'), fees,
    acts: { file: { fees: [{ code: 'application', codeFor: (ctx) => (ctx.payload.mark?.collective ? 'application-collective' : 'application') }] } },
  });
  const law: Framework = { ...modelLaw, procedures: [collective] };
  const file = (collectiveMark: boolean) => attempt(law, collective, 'file', {
    today: '2026-03-02', payload: { mark: { kind: 'Word', text: 'AURORA', ...(collectiveMark ? { collective: true } : {}) }, applicant: { name: 'Aurora Coffee Ltd' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] },
  }).fees.map((f) => [f.code, f.title, f.amount]);
  assert.deepEqual(file(true), [['application-collective', 'Application fee for a collective mark (one class)', 500_00]]);
  assert.deepEqual(file(false), [['application', 'Application fee (one class)', 250_00]]);
});
