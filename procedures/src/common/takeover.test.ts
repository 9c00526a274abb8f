// The take-over acts through the engine's pure decide(): the state the record says, the time limits
// running to the end of the term taken from the expiry date, those the state waits for, the parties,
// and the update of a record taken over earlier.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../../packages/server/src/procedure-engine/decide.ts';
import { FRAMEWORKS, findFramework, parseLegalDate, procedureInForce, type CaseView, type Performer } from '../index.ts';

const modelLaw = findFramework('model-law')!;
const d = parseLegalDate;
const tm = procedureInForce('model-law', 'trademark', d('2026-03-02'))!;
const design = procedureInForce('model-law', 'design', d('2026-03-02'))!;

const payload = (over: Record<string, any> = {}) => ({
  source: { format: 'test', office: 'US', id: '87035559', number: '87035559' },
  state: 'registered',
  public: true,
  data: { mark: { kind: 'Word', text: 'LANYI' }, goodsServices: [{ classNumber: 9, terms: ['Cell phone cases'] }], filingDate: '2016-05-12', registrationDate: '2017-03-28', expiryDate: '2027-03-28' },
  parties: [{ role: 'holder', party: { name: 'Shenzhen Fengniao E-Commerce Co.,Ltd', country: 'CN' } }],
  history: [{ date: '2016-05-16', code: 'NWAPI', text: 'NEW APPLICATION ENTERED IN TRAM' }],
  ...over,
});

function takeOver(procedure = tm, p: Record<string, any> = payload(), as: Performer[] = ['registrar'], existing?: Partial<CaseView>) {
  const view: CaseView = {
    id: '00000000-0000-4000-8000-000000000009', number: '', right: procedure.right, state: '', filingDate: null, data: {},
    openTimeLimits: [], parent: null, ...existing,
  };
  return decide(modelLaw, procedure, existing ? 'take-over-update' : 'take-over', { case: view, payload: p, today: d('2026-03-02') }, new Set(as));
}
const refusal = (fn: () => unknown): any => {
  try { fn(); } catch (e) { return e; }
  assert.fail('expected a refusal');
};

test('every right of every framework is taken over by an initial act of its own, performed by the office; proceedings on a case are not', () => {
  for (const f of FRAMEWORKS) {
    for (const p of f.procedures) {
      const has = Object.hasOwn(p.acts, 'take-over');
      if (p.right === 'trademark-opposition' || p.right === 'recordal') { assert.equal(has, false, `${f.id}/${p.right}`); continue; }
      assert.ok(has && p.initialActs?.includes('take-over'), `${f.id}/${p.right} ${p.version}`);
      assert.deepEqual([...p.acts['take-over'].performers].sort(), ['admin', 'registrar', 'system']);
      assert.ok(p.acts['take-over-update'].from.includes('*'));
    }
  }
});

test('a registered mark is taken over in its state, with its data, parties and history, and its renewal falls due on the expiry date the record gives (window 6 months before, grace 6 months after)', () => {
  const r = takeOver();
  assert.equal(r.stateAfter, 'registered');
  assert.equal(r.data.registrationDate, '2017-03-28');
  assert.deepEqual((r.data.takenOver as any), { format: 'test', office: 'US', id: '87035559', number: '87035559', on: '2026-03-02', fields: ['expiryDate', 'filingDate', 'goodsServices', 'mark', 'registrationDate'] });
  assert.deepEqual(r.parties, [{ role: 'holder', party: { name: 'Shenzhen Fengniao E-Commerce Co.,Ltd', country: 'CN' } }]);
  assert.equal(r.publishes, true);
  assert.deepEqual(r.opens.map((o) => [o.kind, o.dueOn, o.windowOpensOn, o.graceEndsOn, o.onExpiry]), [['renewal', '2027-03-28', '2026-09-28', '2027-09-28', 'lapse']]);
  assert.equal(r.fees.length, 0);
});

test('the renewal falls due on the expiry date even where counting a term back and forth would not reach it (29 February 2032)', () => {
  const r = takeOver(tm, payload({ data: { ...payload().data, expiryDate: '2032-02-29' } }));
  assert.equal(r.opens[0].dueOn, '2032-02-29');
});

test('a record without an expiry date, or in a state the renewal is not for, opens no renewal', () => {
  const { expiryDate, ...data } = payload().data;
  assert.equal(expiryDate, '2027-03-28');
  assert.deepEqual(takeOver(tm, payload({ data })).opens, []);
  assert.deepEqual(takeOver(tm, payload({ state: 'lapsed' })).opens, []);
});

test('a published mark gets the opposition period the publication opens, from the date it was published in the previous register', () => {
  const r = takeOver(tm, payload({ state: 'published', since: '2026-02-10', data: { ...payload().data, expiryDate: undefined } }));
  assert.deepEqual(r.opens.map((o) => [o.kind, o.startsFrom, o.dueOn, o.onExpiry]), [['opposition', '2026-02-10', '2026-05-11', 'close-opposition-period']]);
});

test('a design taken over gets a renewal where another term fits in the longest protection, else the end of protection', () => {
  const data = { filingDate: '2005-01-10', designs: [{ number: 1, products: ['Chair'], locarno: { class: '06', subclass: '01' }, views: [] }] };
  const renewable = takeOver(design, payload({ data: { ...data, expiryDate: '2025-01-10' } }));
  assert.deepEqual(renewable.opens.map((o) => [o.kind, o.dueOn]), [['renewal', '2025-01-10']]);
  const last = takeOver(design, payload({ data: { ...data, expiryDate: '2030-01-10' } }));
  assert.deepEqual(last.opens.map((o) => [o.kind, o.dueOn]), [['maximum-term', '2030-01-10']]);
});

test('a state the procedure does not have, a role a register does not name, and a party instead of the office are refused', () => {
  assert.equal(refusal(() => takeOver(tm, payload({ state: 'granted' }))).code, 'TAKE_OVER_UNKNOWN_STATE');
  assert.equal(refusal(() => takeOver(tm, payload({ parties: [{ role: 'opponent', party: { name: 'X' } }] }))).code, 'TAKE_OVER_INVALID');
  assert.equal(refusal(() => takeOver(tm, payload({ data: { ...payload().data, expiryDate: '2010-01-01' } }))).code, 'TAKE_OVER_INVALID');
  assert.equal(refusal(() => takeOver(tm, payload({ data: { ...payload().data, credit: 5 } }))).code, 'TAKE_OVER_INVALID');
  assert.equal(refusal(() => takeOver(tm, payload(), ['party'])).code, 'ACT_NOT_PERMITTED');
  assert.equal(takeOver(tm, payload(), ['system']).stateAfter, 'registered');
});

test('an update of the record clears the fields it no longer has, replaces the holder it names and refuses another source record', () => {
  const before = takeOver();
  const existing: Partial<CaseView> = {
    number: '87035559', state: 'registered', filingDate: d('2016-05-12'), data: { ...before.data },
    parties: [{ role: 'holder', name: 'Shenzhen Fengniao E-Commerce Co.,Ltd' }, { role: 'representative', name: 'IVY XU' }],
  };
  const { registrationDate, ...data } = payload().data;
  assert.equal(registrationDate, '2017-03-28');
  const r = takeOver(tm, payload({ data, parties: [{ role: 'holder', party: { name: 'New Owner Ltd' } }] }), ['registrar'], existing);
  assert.equal(r.data.registrationDate, null);
  assert.deepEqual(r.parties, [{ role: 'holder', party: { name: 'New Owner Ltd' }, replace: true }, { role: 'representative', remove: true }]);
  // The time limits a take-over opens are closed and opened afresh from what the record now says.
  assert.ok(r.closes.includes('renewal') && r.closes.includes('opposition'));
  assert.deepEqual(r.opens.map((o) => [o.kind, o.dueOn]), [['renewal', '2027-03-28']]);
  const other = payload({ source: { format: 'test', office: 'US', id: '99999999' } });
  assert.equal(refusal(() => takeOver(tm, other, ['registrar'], existing)).code, 'TAKE_OVER_INVALID');
});
