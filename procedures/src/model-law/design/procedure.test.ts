// The model-law industrial design procedure (ML r. 50-59), read rule by rule through the engine's pure
// decide(): hand-made case views, no database, no clock. Fees in EUR: application 230 (one design),
// each further design 115, publication 120 (one design), each further design 60; renewal 90 (one design),
// each further design 45, surcharge 50 in the grace period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decide } from '../../../../packages/server/src/procedure-engine/decide.ts';
import {
  findFramework, findProcedure, parseLegalDate, periodTable,
  type ActContext, type CaseView, type Performer, type ProcedureDefinition, type TimeLimitView,
} from '../../index.ts';
import { LOCARNO_CLASSES } from './locarno.ts';
import { DESIGN_MODEL_LAW_OPTIONS, designCaseTitle, designProcedure } from './procedure.ts';

const modelLaw = findFramework('model-law')!;
const ML = findProcedure('model-law', 'design', '2026.1')!;
const d = parseLegalDate;

const sha = (n: number) => n.toString(16).padStart(64, '0');
const design = (product: string, cls = '06', subclass = '01', views = 1, from = 1) => ({
  products: [product], locarno: { class: cls, subclass },
  views: Array.from({ length: views }, (_, i) => ({ sha256: sha(from + i), title: i === 0 ? 'front' : `view ${i + 1}` })),
});
/** Three chairs (Locarno 06-01); design 1 has two views. */
const CHAIRS = [design('Chair', '06', '01', 2, 1), design('Armchair', '06', '01', 1, 3), design('Stool', '06', '01', 1, 4)];
const APPLICANT = { kind: 'legal', name: 'Nordform Oy', country: 'FI' };
const filing = (over: Record<string, any> = {}) => ({ applicants: [APPLICANT], designs: CHAIRS, ...over });
/** The case data after filing CHAIRS (what `file` records). */
const filed = (over: Record<string, any> = {}) => ({ designs: CHAIRS.map((x, i) => ({ number: i + 1, ...x })), feesOutstanding: 0, ...over });
const limit = (kind: string, dueOn: string, windowOpensOn: string | null = null, graceEndsOn: string | null = null): TimeLimitView =>
  ({ kind, dueOn: d(dueOn), windowOpensOn: windowOpensOn ? d(windowOpensOn) : null, graceEndsOn: graceEndsOn ? d(graceEndsOn) : null });

interface Try { today: string; state?: string; payload?: Record<string, any>; data?: Record<string, any>; limits?: TimeLimitView[]; as?: Performer[]; law?: ProcedureDefinition }

/** What the law decides for `act`; other acts than the filing on a case filed Mon 2 Mar 2026 with CHAIRS. */
function attempt(act: string, t: Try) {
  const procedure = t.law ?? ML;
  const isFiling = act === procedure.filingAct;
  const view: CaseView = {
    id: '00000000-0000-4000-8000-000000000002', number: isFiling ? '' : 'DS-2026-000001', right: 'design', state: isFiling ? '' : t.state ?? '',
    filingDate: isFiling ? null : d('2026-03-02'),
    data: isFiling ? {} : filed(t.data), openTimeLimits: t.limits ?? [], parent: null,
  };
  return decide(modelLaw, procedure, act, { case: view, payload: t.payload ?? {}, today: d(t.today) }, new Set(t.as ?? ['party']));
}
const refused = (code: string, fn: () => unknown) => assert.throws(fn, (e: any) => { assert.equal(e.code, code, e.message); return true; });
const fees = (x: { fees: { code: string; quantity: number; amount: number }[] }) => x.fees.map((f) => [f.code, f.quantity, f.amount]);

const APPLICANT_SIDE: Performer[] = ['party', 'party:representative'];

test('a multiple application for 3 chairs (Locarno 06-01) filed Mon 2 Mar 2026: filing date that day, designs numbered 1 to 3, fees 230 + 2 x 115 + 120 + 2 x 60 = 700 EUR (payable later), no publication deferred', () => {
  const r = attempt('file', { today: '2026-03-02', payload: filing({ designers: [{ name: 'Aino Virtanen' }], representative: { name: 'Lex & Partners LLP' } }) });
  assert.equal(r.stateAfter, 'formalities');
  assert.equal(r.data.filingDate, '2026-03-02');
  assert.deepEqual((r.data.designs as any[]).map((x) => [x.number, x.products[0], x.locarno.class, x.views.length]), [[1, 'Chair', '06', 2], [2, 'Armchair', '06', 1], [3, 'Stool', '06', 1]]);
  assert.deepEqual(fees(r), [['application', 1, 230_00], ['additional-design', 2, 230_00], ['publication', 1, 120_00], ['publication-additional', 2, 120_00]]);
  assert.equal(r.fees.reduce((s, f) => s + f.amount, 0), 700_00);
  assert.equal(r.paymentBefore, false);
  assert.deepEqual(r.opens, []);
  assert.deepEqual([r.data.deferPublication, r.data.priorityDate], [false, null]);
  assert.deepEqual(r.event, null, 'ST.87 has no filing event; the status category of the state is Filed');
  assert.equal(ML.states[r.stateAfter].statusCategory, 'Filed');
});

test('the filing names its parties: the applicant, the representative and the designer (a party too, but not on the applicant\'s side)', () => {
  const r = attempt('file', { today: '2026-03-02', payload: filing({ designers: [{ name: 'Aino Virtanen' }], representative: { name: 'Lex & Partners LLP' } }) });
  assert.deepEqual(r.parties.map((p) => ['party' in p ? p.party.name : null, p.role]).map(([name, role]) => [role, name]), [['applicant', 'Nordform Oy'], ['representative', 'Lex & Partners LLP'], ['designer', 'Aino Virtanen']]);
  // A designer cannot withdraw the application: only the applicant's side can.
  refused('ACT_NOT_PERMITTED', () => attempt('withdraw', { state: 'examination', today: '2026-04-01', as: ['party', 'party:designer'] }));
  assert.equal(attempt('withdraw', { state: 'examination', today: '2026-04-01', as: ['party', 'party:applicant'] }).stateAfter, 'withdrawn');
});

test('every view is an upload the office checks: 4 views of 3 designs -> 4 design-view documents, PNG or JPEG only, titled by design and view', () => {
  const refs = ML.acts.file.uploads!(filing());
  assert.deepEqual(refs.map((u) => [u.sha256, u.kind, u.title]), [
    [sha(1), 'design-view', 'Design 1, view 1: front'],
    [sha(2), 'design-view', 'Design 1, view 2: view 2'],
    [sha(3), 'design-view', 'Design 2, view 1: front'],
    [sha(4), 'design-view', 'Design 3, view 1: front'],
  ]);
  for (const u of refs) assert.deepEqual([...u.accept], ['image/png', 'image/jpeg']);
  const payload = filing();
  assert.equal(ML.acts.file.uploads!(payload)[3].at, payload.designs[2].views[0], 'the office completes each view with the type and size it finds');
});

test('the case title is the first product indication and how many more designs there are: "Chair + 2 more", "Chair" alone, none before filing', () => {
  assert.equal(designCaseTitle(filed()), 'Chair + 2 more');
  assert.equal(designCaseTitle({ designs: [{ number: 1, ...design('Chair') }] }), 'Chair');
  assert.equal(designCaseTitle({}), null);
  assert.equal(ML.caseTitle, designCaseTitle);
});

test('Locarno: class 33 and class 00 do not exist (UNKNOWN_LOCARNO_CLASS, naming the design), chairs (06) and lamps (26) cannot share an application (DESIGNS_IN_DIFFERENT_LOCARNO_CLASSES) unless an office allows it', () => {
  const file = (designs: any[], law?: ProcedureDefinition) => attempt('file', { today: '2026-03-02', payload: filing({ designs }), law });
  assert.throws(() => file([design('Chair'), design('Hologram', '33', '01')]), (e: any) => e.code === 'UNKNOWN_LOCARNO_CLASS' && e.details.design === 2 && e.details.class === '33');
  refused('UNKNOWN_LOCARNO_CLASS', () => file([design('Chair', '00')]));
  refused('DESIGNS_IN_DIFFERENT_LOCARNO_CLASSES', () => file([design('Chair', '06'), design('Lamp', '26', '05')]));
  assert.equal(file([design('Logo', '32', '01')]).stateAfter, 'formalities', 'class 32, the last one, exists');
  const mixedAllowed = designProcedure({ ...DESIGN_MODEL_LAW_OPTIONS, sameLocarnoClass: false });
  assert.equal(file([design('Chair', '06'), design('Lamp', '26', '05')], mixedAllowed).stateAfter, 'formalities');
});

test('one application holds at most 100 designs: 100 chairs cost 230 + 99 x 115 + 120 + 99 x 60 = 17 675 EUR; a 101st is refused (TOO_MANY_DESIGNS); an office allowing 50 refuses 51', () => {
  const chairs = (n: number) => Array.from({ length: n }, (_, i) => design(`Chair ${i + 1}`, '06', '01', 1, i + 1));
  const r = attempt('file', { today: '2026-03-02', payload: filing({ designs: chairs(100) }) });
  assert.deepEqual(fees(r), [['application', 1, 230_00], ['additional-design', 99, 11_385_00], ['publication', 1, 120_00], ['publication-additional', 99, 5_940_00]]);
  assert.equal(r.fees.reduce((s, f) => s + f.amount, 0), 17_675_00);
  assert.throws(() => attempt('file', { today: '2026-03-02', payload: filing({ designs: chairs(101) }) }), (e: any) => e.code === 'TOO_MANY_DESIGNS' && e.details.maximum === 100);
  const fifty = designProcedure({ ...DESIGN_MODEL_LAW_OPTIONS, maxDesigns: 50 });
  refused('TOO_MANY_DESIGNS', () => attempt('file', { today: '2026-03-02', payload: filing({ designs: chairs(51) }), law: fifty }));
  assert.equal(attempt('file', { today: '2026-03-02', payload: filing({ designs: chairs(50) }), law: fifty }).stateAfter, 'formalities');
});

test('priority (Paris Convention art. 4C, 6 months for designs): from Tue 2 Sep 2025 a filing on Mon 2 Mar 2026 claims it, one on Tue 3 Mar cannot; from Fri 1 Aug 2025 the period ends Sun 1 Feb 2026 and extends to Mon 2 Feb; a priority after the filing date is refused', () => {
  const file = (today: string, date: string) => attempt('file', { today, payload: filing({ priorityClaims: [{ office: 'FI', number: 'FI-D-1', date }] }) });
  const ok = file('2026-03-02', '2025-09-02');
  assert.deepEqual([ok.stateAfter, ok.data.priorityDate], ['formalities', '2025-09-02']);
  refused('PRIORITY_PERIOD_EXPIRED', () => file('2026-03-03', '2025-09-02'));
  assert.equal(file('2026-02-02', '2025-08-01').stateAfter, 'formalities');
  refused('PRIORITY_PERIOD_EXPIRED', () => file('2026-02-03', '2025-08-01'));
  refused('PRIORITY_DATE_IN_FUTURE', () => file('2026-03-02', '2026-03-03'));
});

test('deferment of publication requested at filing runs 30 months from the earliest priority date: priority Wed 15 Oct 2025 -> Sat 15 Apr 2028 (a last day, not moved to a working day); without priority from the filing Mon 2 Mar 2026 -> Sat 2 Sep 2028', () => {
  const withPriority = attempt('file', { today: '2026-03-02', payload: filing({ deferPublication: true, priorityClaims: [{ office: 'FI', number: 'B', date: '2025-12-01' }, { office: 'SE', number: 'A', date: '2025-10-15' }] }) });
  assert.equal(withPriority.data.priorityDate, '2025-10-15');
  assert.deepEqual(withPriority.opens.map((o) => [o.kind, o.startsFrom, o.dueOn, o.onExpiry, o.computation.citation]), [['deferment', '2025-10-15', '2028-04-15', 'end-deferment', 'ML r. 57(2)']]);
  const fromFiling = attempt('file', { today: '2026-03-02', payload: filing({ deferPublication: true }) });
  assert.deepEqual(fromFiling.opens.map((o) => [o.startsFrom, o.dueOn]), [['2026-03-02', '2028-09-02']]);
  assert.equal(fromFiling.data.deferPublication, true);
  assert.deepEqual(fees(fromFiling).map(([c]) => c), ['application', 'additional-design', 'publication', 'publication-additional'], 'the publication fee is paid with the application, deferred or not');
});

test('formalities: not passed while fees are outstanding (FEES_UNPAID); a deficiency notice of Mon 2 Mar 2026 gives 2 months, Sat 2 May extended to Mon 4 May, after which the application is deemed withdrawn (ST.87 Withdrawn)', () => {
  refused('FEES_UNPAID', () => attempt('accept-formalities', { state: 'formalities', today: '2026-03-02', as: ['formalities'], data: { feesOutstanding: 700_00 } }));
  assert.equal(attempt('accept-formalities', { state: 'formalities', today: '2026-03-02', as: ['formalities'] }).stateAfter, 'examination');
  const [l] = attempt('notify-formal-deficiency', { state: 'formalities', today: '2026-03-02', as: ['formalities'], payload: { deficiencies: [{ code: 'locarno-subclass' }] } }).opens;
  assert.deepEqual([l.kind, l.computation.nominalLastDay, l.dueOn, l.onExpiry], ['remedy-deficiency', '2026-05-02', '2026-05-04', 'deem-withdrawn']);
  const gone = attempt('deem-withdrawn', { state: 'formalities-deficient', today: '2026-05-05', as: ['system'] });
  assert.deepEqual([gone.stateAfter, gone.event], ['deemed-withdrawn', { standard: 'ST.87', category: 'Withdrawn', statusCategory: 'Withdrawn' }]);
});

test('a deficiency is remedied by correcting the classification of a design (to 06-02): an unknown class (40) or a class other than the others (26) is refused, and a design the application does not have (4) too', () => {
  const limits = [limit('remedy-deficiency', '2026-05-04')];
  const remedy = (corrections: any[]) => attempt('remedy-deficiency', { state: 'formalities-deficient', today: '2026-04-01', as: APPLICANT_SIDE, limits, payload: { corrections } });
  const r = remedy([{ design: 2, locarno: { class: '06', subclass: '02' }, products: ['Armchair for gardens'] }]);
  assert.equal(r.stateAfter, 'formalities');
  assert.deepEqual((r.data.designs as any[]).map((x) => [x.number, x.locarno.subclass, x.products[0], x.views.length]), [[1, '01', 'Chair', 2], [2, '02', 'Armchair for gardens', 1], [3, '01', 'Stool', 1]]);
  refused('UNKNOWN_LOCARNO_CLASS', () => remedy([{ design: 2, locarno: { class: '40', subclass: '01' } }]));
  refused('DESIGNS_IN_DIFFERENT_LOCARNO_CLASSES', () => remedy([{ design: 2, locarno: { class: '26', subclass: '01' } }]));
  refused('UNKNOWN_DESIGN', () => remedy([{ design: 4, products: ['Bench'] }]));
  refused('TIME_LIMIT_EXPIRED', () => attempt('remedy-deficiency', { state: 'formalities-deficient', today: '2026-05-05', as: APPLICANT_SIDE, limits, payload: {} }));
});

test('examination is limited to the definition of a design and public policy or morality: an objection to design 2 on Wed 15 Apr 2026 gives until Mon 15 Jun 2026 to respond; without a response design 2 is refused and designs 1 and 3 go on', () => {
  const objection = attempt('raise-objection', { state: 'examination', today: '2026-04-15', as: ['examiner'], payload: { grounds: [{ code: 'not-a-design', explanation: 'a surface of bare wood' }], designs: [2] } });
  assert.deepEqual([objection.stateAfter, objection.data.objectedDesigns], ['objection', [2]]);
  assert.deepEqual(objection.opens.map((o) => [o.kind, o.dueOn, o.onExpiry]), [['objection-response', '2026-06-15', 'refuse-for-no-response']]);
  const limits = [limit('objection-response', '2026-06-15')];
  assert.equal(attempt('respond-to-objection', { state: 'objection', today: '2026-06-15', as: APPLICANT_SIDE, limits, payload: { remarks: 'the grain is a pattern' } }).stateAfter, 'examination');
  const partly = attempt('refuse-for-no-response', { state: 'objection', today: '2026-06-16', as: ['system'], data: { objectedDesigns: [2] } });
  assert.deepEqual([partly.stateAfter, partly.data.refusedDesigns, partly.event], ['examination', [2], null]);
  const whole = attempt('refuse-for-no-response', { state: 'objection', today: '2026-06-16', as: ['system'], data: { objectedDesigns: [1, 2, 3] } });
  assert.deepEqual([whole.stateAfter, whole.event?.statusCategory], ['refused', 'Rejected']);
  refused('UNKNOWN_DESIGN', () => attempt('raise-objection', { state: 'examination', today: '2026-04-15', as: ['examiner'], payload: { grounds: [{ code: 'contrary-to-morality' }], designs: [4] } }));
});

test('the examiner refuses design 1 (design 2 already refused): design 3 goes on; refusing design 3 as well refuses the application (ST.87 Undefined event, status Rejected); refusing design 2 again is refused (UNKNOWN_DESIGN)', () => {
  const grounds = [{ code: 'contrary-to-public-policy' }];
  const one = attempt('refuse', { state: 'examination', today: '2026-07-01', as: ['examiner'], data: { refusedDesigns: [2] }, payload: { grounds, designs: [1] } });
  assert.deepEqual([one.stateAfter, one.data.refusedDesigns, one.event], ['examination', [1, 2], null]);
  const last = attempt('refuse', { state: 'examination', today: '2026-07-01', as: ['examiner'], data: { refusedDesigns: [1, 2] }, payload: { grounds } });
  assert.deepEqual([last.stateAfter, last.data.refusedDesigns, last.event], ['refused', [1, 2, 3], { standard: 'ST.87', category: 'Undefined', statusCategory: 'Rejected' }]);
  refused('UNKNOWN_DESIGN', () => attempt('refuse', { state: 'examination', today: '2026-07-01', as: ['examiner'], data: { refusedDesigns: [2] }, payload: { grounds, designs: [2] } }));
});

test('registration on Wed 1 Jul 2026 of designs 1 and 3 (design 2 refused), not deferred: registered and published that day (ST.87 Registered); protection to Sun 2 Mar 2031 (filing + 5 years, never moved), renewable from Mon 2 Sep 2030, grace to Tue 2 Sep 2031', () => {
  refused('FEES_UNPAID', () => attempt('register', { state: 'accepted', today: '2026-07-01', as: ['registrar'], data: { feesOutstanding: 60_00 } }));
  const r = attempt('register', { state: 'accepted', today: '2026-07-01', as: ['registrar'], data: { refusedDesigns: [2] } });
  assert.equal(r.stateAfter, 'registered');
  assert.deepEqual([r.data.registrationDate, r.data.publicationDate, r.data.expiryDate, r.data.designsInForce], ['2026-07-01', '2026-07-01', '2031-03-02', [1, 3]]);
  assert.deepEqual(r.event, { standard: 'ST.87', category: 'Registered', statusCategory: 'Registered' });
  assert.deepEqual(r.opens.map((o) => [o.kind, o.startsFrom, o.windowOpensOn, o.dueOn, o.graceEndsOn, o.onExpiry]), [['renewal', '2026-03-02', '2030-09-02', '2031-03-02', '2031-09-02', 'lapse']]);
  assert.equal(ML.states.registered.public, true);
});

test('registration while publication is deferred (to Sat 2 Sep 2028): registered but not published nor announced; the sweep after the deferment publishes it (ST.87 Registered), or the holder asks for publication earlier', () => {
  const deferment = [limit('deferment', '2028-09-02')];
  const r = attempt('register', { state: 'accepted', today: '2026-07-01', as: ['registrar'], limits: deferment });
  assert.deepEqual([r.stateAfter, r.data.publicationDate, r.event], ['registered-deferred', null, null]);
  assert.equal(ML.states['registered-deferred'].public, undefined, 'a deferred registration is not in the public register');
  assert.equal(r.opens[0].dueOn, '2031-03-02', 'the term runs from the filing date all the same');

  const published = attempt('end-deferment', { state: 'registered-deferred', today: '2028-09-03', as: ['system'], limits: deferment });
  assert.deepEqual([published.stateAfter, published.data.publicationDate, published.event?.category], ['registered', '2028-09-03', 'Registered']);
  const early = attempt('request-publication', { state: 'registered-deferred', today: '2027-01-04', as: APPLICANT_SIDE, limits: deferment });
  assert.deepEqual([early.stateAfter, early.data.publicationDate, early.closes], ['registered', '2027-01-04', ['deferment']]);
  refused('NO_OPEN_TIME_LIMIT', () => attempt('request-publication', { state: 'registered-deferred', today: '2027-01-04', as: APPLICANT_SIDE }));
});

test('a deferment that ends while the application is still examined only ends: the application stays where it is, and its later registration is published at once', () => {
  const ended = attempt('end-deferment', { state: 'examination', today: '2028-09-03', as: ['system'], limits: [limit('deferment', '2028-09-02')] });
  assert.deepEqual([ended.stateAfter, ended.event, ended.data.defermentEnded], ['examination', null, '2028-09-03']);
  assert.equal(attempt('register', { state: 'accepted', today: '2028-10-02', as: ['registrar'] }).stateAfter, 'registered');
});

test('renewal of designs 1, 2 and 3 expiring Sun 2 Mar 2031: not before Mon 2 Sep 2030 (RENEWAL_WINDOW_NOT_OPEN), then 90 + 2 x 45 = 180 EUR paid first, to Sat 2 Mar 2036; after Tue 2 Sep 2031 it is too late (TIME_LIMIT_EXPIRED)', () => {
  const limits = [limit('renewal', '2031-03-02', '2030-09-02', '2031-09-02')];
  const renew = (today: string, payload = {}) => attempt('renew', { state: 'registered', today, as: APPLICANT_SIDE, limits, payload, data: { expiryDate: '2031-03-02', designsInForce: [1, 2, 3] } });
  refused('RENEWAL_WINDOW_NOT_OPEN', () => renew('2030-09-01'));
  const r = renew('2030-09-02');
  assert.deepEqual(fees(r), [['renewal', 1, 90_00], ['renewal-additional', 2, 90_00]]);
  assert.equal(r.paymentBefore, true);
  assert.deepEqual([r.data.expiryDate, r.data.designsInForce, r.data.lapsedDesigns], ['2036-03-02', [1, 2, 3], []]);
  assert.deepEqual(r.opens.map((o) => [o.kind, o.startsFrom, o.windowOpensOn, o.dueOn, o.graceEndsOn]), [['renewal', '2031-03-02', '2035-09-02', '2036-03-02', '2036-09-02']]);
  assert.deepEqual(renew('2031-03-02').fees.map((f) => f.code), ['renewal', 'renewal-additional'], 'on the expiry date itself: no surcharge');
  refused('TIME_LIMIT_EXPIRED', () => renew('2031-09-03'));
});

test('renewal in the grace period (Mon 2 Jun 2031) of designs 1 and 3 only: 90 + 45 + 50 surcharge = 185 EUR; design 2 lapses at the end of its term (last day Sun 2 Mar 2031) and can no longer be renewed (DESIGN_NOT_IN_FORCE)', () => {
  const limits = [limit('renewal', '2031-03-02', '2030-09-02', '2031-09-02')];
  const r = attempt('renew', { state: 'registered', today: '2031-06-02', as: APPLICANT_SIDE, limits, payload: { designs: [3, 1] }, data: { expiryDate: '2031-03-02', designsInForce: [1, 2, 3] } });
  assert.deepEqual(fees(r), [['renewal', 1, 90_00], ['renewal-additional', 1, 45_00], ['renewal-surcharge', 1, 50_00]]);
  assert.equal(r.fees.reduce((s, f) => s + f.amount, 0), 185_00);
  assert.deepEqual([r.data.expiryDate, r.data.designsInForce, r.data.lapsedDesigns], ['2036-03-02', [1, 3], [{ design: 2, lastDay: '2031-03-02' }]]);
  assert.deepEqual((r.data.renewals as any[]).at(-1), { on: '2031-06-02', previousExpiry: '2031-03-02', designs: [1, 3] });
  const next = [limit('renewal', '2036-03-02', '2035-09-02', '2036-09-02')];
  assert.throws(() => attempt('renew', { state: 'registered', today: '2036-01-05', as: APPLICANT_SIDE, limits: next, payload: { designs: [1, 2] }, data: { expiryDate: '2036-03-02', designsInForce: [1, 3] } }),
    (e: any) => e.code === 'DESIGN_NOT_IN_FORCE' && e.details.designs.length === 1 && e.details.designs[0] === 2);
});

test('after design 2 was transferred out to a case of its own (a partial transfer leaves designs 1 and 3 here), renewal covers designs 1 and 3: 90 + 45 = 135 EUR, and design 2 does not lapse here', () => {
  const r = attempt('renew', {
    state: 'registered', today: '2031-01-05', as: APPLICANT_SIDE, limits: [limit('renewal', '2031-03-02', '2030-09-02', '2031-09-02')],
    data: { designs: filed().designs.filter((x) => x.number !== 2), expiryDate: '2031-03-02', designsInForce: [1, 2, 3] },
  });
  assert.deepEqual(fees(r), [['renewal', 1, 90_00], ['renewal-additional', 1, 45_00]]);
  assert.deepEqual([r.data.designsInForce, r.data.lapsedDesigns], [[1, 3], []]);
});

test('25 years at most: the renewal in 2040 to Fri 2 Mar 2046 opens the next renewal; the one in 2045 to Thu 2 Mar 2051 opens no renewal but the end of protection, after which the system lets the registration expire (ST.87 Expired)', () => {
  const renewFrom = (expiry: string, today: string) => attempt('renew', {
    state: 'registered', today, as: APPLICANT_SIDE, data: { expiryDate: expiry, designsInForce: [1] },
    limits: [limit('renewal', expiry, `${Number(expiry.slice(0, 4)) - 1}-09-02`, `${expiry.slice(0, 4)}-09-02`)],
  });
  const third = renewFrom('2041-03-02', '2040-10-01');
  assert.deepEqual([third.data.expiryDate, third.opens.map((o) => [o.kind, o.dueOn, o.onExpiry])], ['2046-03-02', [['renewal', '2046-03-02', 'lapse']]]);
  const fourth = renewFrom('2046-03-02', '2045-10-02');
  assert.equal(fourth.data.expiryDate, '2051-03-02');
  assert.deepEqual(fourth.opens.map((o) => [o.kind, o.startsFrom, o.windowOpensOn, o.dueOn, o.graceEndsOn, o.onExpiry]), [['maximum-term', '2046-03-02', null, '2051-03-02', null, 'expire']]);
  const end = attempt('expire', { state: 'registered', today: '2051-03-03', as: ['system'], data: { designsInForce: [1] } });
  assert.deepEqual([end.stateAfter, end.event, end.data.designsInForce], ['expired', { standard: 'ST.87', category: 'Expired', statusCategory: 'Expired' }, []]);
  refused('NO_OPEN_TIME_LIMIT', () => attempt('renew', { state: 'registered', today: '2050-10-03', as: APPLICANT_SIDE, limits: [limit('maximum-term', '2051-03-02')], data: { expiryDate: '2051-03-02' } }));
});

test('an office with a 10-year maximum (two 5-year terms): registration opens the renewal, the renewal opens the end of protection', () => {
  const ten = designProcedure({ ...DESIGN_MODEL_LAW_OPTIONS, maxTermYears: 10 });
  assert.deepEqual(attempt('register', { state: 'accepted', today: '2026-07-01', as: ['registrar'], law: ten }).opens.map((o) => o.kind), ['renewal']);
  const r = attempt('renew', { state: 'registered', today: '2031-01-05', as: APPLICANT_SIDE, law: ten, limits: [limit('renewal', '2031-03-02', '2030-09-02', '2031-09-02')], data: { expiryDate: '2031-03-02' } });
  assert.deepEqual(r.opens.map((o) => [o.kind, o.dueOn]), [['maximum-term', '2036-03-02']]);
  const five = designProcedure({ ...DESIGN_MODEL_LAW_OPTIONS, maxTermYears: 5 });
  assert.deepEqual(attempt('register', { state: 'accepted', today: '2026-07-01', as: ['registrar'], law: five }).opens.map((o) => [o.kind, o.dueOn]), [['maximum-term', '2031-03-02']]);
  assert.throws(() => designProcedure({ ...DESIGN_MODEL_LAW_OPTIONS, maxTermYears: 12 }), /not a whole number/);
});

test('not renewed: after the grace period the system lets the registration lapse (ST.87 Expired), designs 1 and 3 with their last day Sun 2 Mar 2031', () => {
  const r = attempt('lapse', { state: 'registered', today: '2031-09-03', as: ['system'], data: { expiryDate: '2031-03-02', designsInForce: [1, 3], lapsedDesigns: [] } });
  assert.deepEqual([r.stateAfter, r.event?.category, r.event?.statusCategory], ['lapsed', 'Expired', 'Expired']);
  assert.deepEqual(r.data.lapsedDesigns, [{ design: 1, lastDay: '2031-03-02' }, { design: 3, lastDay: '2031-03-02' }]);
  refused('ACT_NOT_PERMITTED', () => attempt('lapse', { state: 'registered', today: '2031-09-03', as: ['registrar'] }));
});

test('withdrawal in every pending state and in none after registration; surrender of a registration, also while its publication is deferred (ST.87 Undefined event, status Cancelled)', () => {
  for (const [state, def] of Object.entries(ML.states)) {
    const pending = !def.terminal && !state.startsWith('registered');
    if (pending) assert.equal(attempt('withdraw', { state, today: '2026-04-15', as: APPLICANT_SIDE }).event?.category, 'Withdrawn', state);
    else refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('withdraw', { state, today: '2026-04-15', as: APPLICANT_SIDE }));
  }
  for (const state of ['registered', 'registered-deferred']) {
    const s = attempt('surrender', { state, today: '2027-01-04', as: APPLICANT_SIDE });
    assert.deepEqual([s.stateAfter, s.event], ['surrendered', { standard: 'ST.87', category: 'Undefined', statusCategory: 'Cancelled' }]);
  }
  refused('ACT_NOT_PERMITTED', () => attempt('surrender', { state: 'registered', today: '2027-01-04', as: ['third-party'] }));
});

test('only a published registration makes the case public: the states after it (lapsed, expired, surrendered) keep what was public, and a design that ends before its deferred publication stays unpublished', () => {
  assert.deepEqual(Object.entries(ML.states).filter(([, s]) => s.public).map(([k]) => k), ['registered']);
});

const codes = (file: string) => new Set(readFileSync(new URL(`../../../../reference/st96/${file}`, import.meta.url), 'utf8')
  .split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[0]));

test('every event the design procedure can emit is an ST.96 DesignEventCategory with a DesignCurrentStatusCategory, and every state has a DesignCurrentStatusCategory', () => {
  const events = codes('DesignEventCategory.csv');
  const statuses = codes('DesignCurrentStatusCategory.csv');
  assert.ok(events.has('Registered') && statuses.has('Rejected'), 'the code lists were read');
  const samples: ActContext[] = [];
  for (const state of Object.keys(ML.states)) {
    for (const limits of [[], [limit('deferment', '2028-09-02')]]) {
      for (const data of [{}, { objectedDesigns: [1] }, { objectedDesigns: [1, 2, 3] }]) {
        for (const payload of [{}, { designs: [1] }]) {
          samples.push({ case: { id: 'x', number: 'DS-1', right: 'design', state, filingDate: d('2026-03-02'), data: filed(data), openTimeLimits: limits, parent: null }, payload, today: d('2027-01-04'), calendars: modelLaw.calendars, periods: periodTable(ML.periods, modelLaw.calendars) });
        }
      }
    }
  }
  let seen = 0;
  for (const [type, act] of Object.entries(ML.acts)) {
    for (const ctx of samples) {
      const e = typeof act.event === 'function' ? act.event(ctx) : act.event ?? null;
      if (!e) continue;
      seen++;
      assert.equal(e.standard, 'ST.87', type);
      assert.ok(events.has(e.category), `${type}: '${e.category}' is not an ST.96 DesignEventCategory`);
      if (e.statusCategory) assert.ok(statuses.has(e.statusCategory), `${type}: '${e.statusCategory}' is not an ST.96 DesignCurrentStatusCategory`);
    }
  }
  assert.ok(seen > 0);
  for (const [state, s] of Object.entries(ML.states)) assert.ok(s.statusCategory && statuses.has(s.statusCategory), `state ${state}: '${s.statusCategory}'`);
});

test('the Locarno classes of the procedure are those of reference/locarno/locarno-class-headings.csv, 01 to 32', () => {
  const lines = readFileSync(new URL('../../../../reference/locarno/locarno-class-headings.csv', import.meta.url), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
  const fromCsv = Object.fromEntries(lines.map((l) => {
    const m = /^(\d{2}),(?:"(.*)"|(.*))$/.exec(l)!;
    return [m[1], (m[2] ?? m[3]).replaceAll('""', '"')];
  }));
  assert.deepEqual(LOCARNO_CLASSES, fromCsv);
  assert.equal(Object.keys(LOCARNO_CLASSES).length, 32);
  assert.equal(LOCARNO_CLASSES['06'], 'Furnishing');
});
