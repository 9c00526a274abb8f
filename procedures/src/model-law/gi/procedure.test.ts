// The model-law geographical indication procedure (ML r. 60-64), read rule by rule through the engine's
// pure decide(): hand-made case views, no database, no clock. Fees in EUR: application 600, objection 150,
// amendment of the specification 200, request for cancellation 300.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decide } from '../../../../packages/server/src/procedure-engine/decide.ts';
import {
  findFramework, findProcedure, parseLegalDate, periodTable, type ActContext, type CaseView, type Performer, type TimeLimitView,
} from '../../index.ts';
import { giCaseTitle } from './procedure.ts';

const modelLaw = findFramework('model-law')!;
const GI = findProcedure('model-law', 'gi', '2026.1')!;
const d = parseLegalDate;

const SPEC = { sha256: 'a'.repeat(64) };
const APPLICATION = {
  applicant: { name: 'Union of Mainalo Olive Growers', legalForm: 'cooperative', membersCount: 214, country: 'GR', address: 'Plateia 1, Vytina' },
  representative: { name: 'Lex & Partners LLP', country: 'XX' },
  kind: 'Appellation of Origin',
  name: { text: 'Λάδι Μαινάλου', language: 'el', transliteration: 'Ladi Mainalou' },
  product: { description: 'Extra virgin olive oil of the Koroneiki and Mastoidis varieties', category: 'Oils and fats', niceClass: 29 },
  area: { description: 'The municipal units of Vytina, Levidi and Valtetsi', boundaries: { type: 'Polygon', coordinates: [[[22.1, 37.6], [22.3, 37.6], [22.3, 37.7], [22.1, 37.6]]] } },
  specification: SPEC,
  linkToOrigin: 'Altitude of 600 to 900 m and a cold winter give the oil its low acidity and bitterness.',
  controlBody: { name: 'Hellenic Agricultural Organisation', kind: 'public-authority', country: 'GR' },
};
const OBJECTION = { objector: { name: 'Aurora Olive Trading Ltd', country: 'XX' }, grounds: ['generic-name'], statement: 'The name is used for any oil of the region.' };
const limit = (kind: string, dueOn: string): TimeLimitView => ({ kind, dueOn: d(dueOn), windowOpensOn: null, graceEndsOn: null });
const objection = (number: number, status = 'pending') => ({ number, filedOn: '2026-05-04', objector: 'Objector', grounds: ['generic-name'], status });

interface Try { today: string; state?: string; payload?: Record<string, any>; data?: Record<string, any>; limits?: TimeLimitView[]; as?: Performer[] }

/** What the law decides for `act`; other acts than the filing on a case filed Mon 2 Mar 2026. */
function attempt(act: string, t: Try) {
  const isFiling = act === GI.filingAct;
  const view: CaseView = {
    id: '00000000-0000-4000-8000-000000000003', number: isFiling ? '' : 'GI-2026-000001', right: 'gi', state: isFiling ? '' : t.state ?? '',
    filingDate: isFiling ? null : d('2026-03-02'),
    data: isFiling ? {} : { name: APPLICATION.name, specification: SPEC, area: APPLICATION.area, feesOutstanding: 0, ...t.data },
    openTimeLimits: t.limits ?? [], parent: null,
  };
  return decide(modelLaw, GI, act, { case: view, payload: t.payload ?? {}, today: d(t.today) }, new Set(t.as ?? ['party']));
}
const refused = (code: string, fn: () => unknown) => assert.throws(fn, (e: any) => { assert.equal(e.code, code, e.message); return true; });
const APPLICANT_SIDE: Performer[] = ['party', 'party:applicant'];
const THIRD_PARTY: Performer[] = ['third-party'];

test('an application by a cooperative of 214 olive growers filed Mon 2 Mar 2026: filing date that day, 600 EUR payable later, the group as applicant (a legal person), its specification a PDF upload, the title the name with its transliteration', () => {
  const r = attempt('file', { today: '2026-03-02', payload: APPLICATION });
  assert.deepEqual([r.stateAfter, r.data.filingDate, r.paymentBefore], ['formalities', '2026-03-02', false]);
  assert.deepEqual(r.fees.map((f) => [f.code, f.amount]), [['application', 600_00]]);
  assert.deepEqual(r.data.applicantGroup, { legalForm: 'cooperative', membersCount: 214 });
  assert.deepEqual([r.data.kind, (r.data.product as any).category, (r.data.controlBody as any).kind], ['Appellation of Origin', 'Oils and fats', 'public-authority']);
  assert.deepEqual(r.parties, [
    { role: 'applicant', party: { kind: 'legal', name: 'Union of Mainalo Olive Growers', address: 'Plateia 1, Vytina', country: 'GR' } },
    { role: 'representative', party: { name: 'Lex & Partners LLP', country: 'XX' } },
  ]);
  const [spec, ...more] = GI.acts.file.uploads!(APPLICATION);
  assert.deepEqual([spec.sha256, spec.kind, spec.title, spec.accept, more.length], [SPEC.sha256, 'gi-specification', 'Product specification', ['application/pdf'], 0]);
  assert.equal(spec.at, APPLICATION.specification, 'the office completes the payload\'s reference with the type and size it finds');
  assert.deepEqual(r.event, { standard: 'ST.61', category: 'Filing date accorded', statusCategory: 'Filing date accorded' });
  assert.equal(giCaseTitle(r.data), 'Λάδι Μαινάλου (Ladi Mainalou)');
  assert.equal(giCaseTitle({ name: { text: 'Mainalo' } }), 'Mainalo');
  assert.equal(giCaseTitle({}), null);
});

test('formalities: not passed while the application fee is unpaid; a deficiency notice of Mon 2 Mar 2026 gives until Sat 2 May, extended to Mon 4 May; a corrected specification is an upload too; not remedied, the application is deemed withdrawn', () => {
  refused('FEES_UNPAID', () => attempt('accept-formalities', { state: 'formalities', today: '2026-03-02', as: ['formalities'], data: { feesOutstanding: 600_00 } }));
  assert.equal(attempt('accept-formalities', { state: 'formalities', today: '2026-03-02', as: ['formalities'] }).stateAfter, 'examination');
  const [l] = attempt('notify-formal-deficiency', { state: 'formalities', today: '2026-03-02', as: ['formalities'], payload: { deficiencies: [{ code: 'control-body-missing' }] } }).opens;
  assert.deepEqual([l.kind, l.dueOn, l.onExpiry, l.computation.citation], ['remedy-deficiency', '2026-05-04', 'deem-withdrawn', 'ML r. 61(2)']);
  const corrected = { sha256: 'b'.repeat(64) };
  const r = attempt('remedy-deficiency', { state: 'formalities-deficient', today: '2026-05-04', as: APPLICANT_SIDE, limits: [limit('remedy-deficiency', '2026-05-04')], payload: { specification: corrected } });
  assert.deepEqual([r.stateAfter, r.data.specification], ['formalities', corrected]);
  assert.deepEqual(GI.acts['remedy-deficiency'].uploads!({ specification: corrected }).map((u) => [u.kind, u.sha256]), [['gi-specification', corrected.sha256]]);
  assert.deepEqual(GI.acts['remedy-deficiency'].uploads!({ remarks: 'address added' }), []);
  const gone = attempt('deem-withdrawn', { state: 'formalities-deficient', today: '2026-05-05', as: ['system'] });
  assert.deepEqual([gone.stateAfter, gone.event?.category], ['deemed-withdrawn', 'Application withdrawn']);
});

test('examination: a provisional refusal of Wed 15 Apr 2026 gives 3 months, to Wed 15 Jul 2026; the applicant responds or the refusal becomes final; the examiner may refuse or accept', () => {
  const p = attempt('refuse-provisionally', { state: 'examination', today: '2026-04-15', as: ['examiner'], payload: { grounds: [{ code: 'generic-name' }] } });
  assert.deepEqual([p.stateAfter, p.opens.map((o) => [o.kind, o.dueOn, o.onExpiry])], ['provisionally-refused', [['refusal-response', '2026-07-15', 'refuse-for-no-response']]]);
  const limits = [limit('refusal-response', '2026-07-15')];
  assert.equal(attempt('respond-to-refusal', { state: 'provisionally-refused', today: '2026-07-15', as: APPLICANT_SIDE, limits, payload: { remarks: 'see annex' } }).stateAfter, 'examination');
  refused('TIME_LIMIT_EXPIRED', () => attempt('respond-to-refusal', { state: 'provisionally-refused', today: '2026-07-16', as: APPLICANT_SIDE, limits }));
  assert.equal(attempt('refuse-for-no-response', { state: 'provisionally-refused', today: '2026-07-16', as: ['system'] }).event?.category, 'Application refused');
  assert.equal(attempt('refuse', { state: 'examination', today: '2026-08-03', as: ['examiner'], payload: { grounds: [{ code: 'generic-name' }] } }).stateAfter, 'refused');
  assert.equal(attempt('accept', { state: 'examination', today: '2026-08-03', as: ['examiner'] }).stateAfter, 'accepted');
  refused('ACT_NOT_PERMITTED', () => attempt('accept', { state: 'examination', today: '2026-08-03', as: APPLICANT_SIDE }));
});

test('publication on Wed 15 Apr 2026 opens 3 months for objections, to Wed 15 Jul 2026; any person objects on payment of 150 EUR first, is recorded as objection 1 and joins as opponent; on Thu 16 Jul it is too late', () => {
  const pub = attempt('publish', { state: 'accepted', today: '2026-04-15', as: ['registrar'] });
  assert.deepEqual([pub.stateAfter, pub.data.publicationDate, pub.event?.category], ['published', '2026-04-15', 'Application published']);
  assert.deepEqual(pub.opens.map((o) => [o.kind, o.dueOn, o.onExpiry, o.computation.citation]), [['objection', '2026-07-15', 'close-objection-period', 'ML r. 63(1)']]);
  const limits = [limit('objection', '2026-07-15')];
  const o = attempt('file-objection', { state: 'published', today: '2026-07-15', as: THIRD_PARTY, limits, data: { objections: [] }, payload: OBJECTION });
  assert.deepEqual([o.stateAfter, o.paymentBefore, o.fees.map((f) => [f.code, f.amount])], ['opposed', true, [['objection', 150_00]]]);
  assert.deepEqual(o.data.objections, [{ number: 1, filedOn: '2026-07-15', objector: 'Aurora Olive Trading Ltd', grounds: ['generic-name'], status: 'pending' }]);
  assert.equal(o.data.pendingObjections, 1);
  assert.deepEqual(o.parties, [{ role: 'opponent', party: OBJECTION.objector }]);
  assert.deepEqual(o.event, { standard: 'ST.61', category: 'Opposition pending', statusCategory: 'Opposition pending' });
  const second = attempt('file-objection', { state: 'opposed', today: '2026-07-15', as: THIRD_PARTY, limits, data: { objections: [objection(1)] }, payload: OBJECTION });
  assert.deepEqual([(second.data.objections as any[]).map((x) => x.number), second.data.pendingObjections], [[1, 2], 2]);
  refused('TIME_LIMIT_EXPIRED', () => attempt('file-objection', { state: 'published', today: '2026-07-16', as: THIRD_PARTY, limits, payload: OBJECTION }));
  refused('ACT_NOT_PERMITTED', () => attempt('file-objection', { state: 'published', today: '2026-05-04', as: ['examiner'], limits, payload: OBJECTION }));
});

test('the examiner decides each objection: with another pending the application stays opposed; the last one rejected or withdrawn sends it to registration when the period is over, back to published while it runs; an upheld objection refuses it', () => {
  const decideIt = (payload: Record<string, any>, data: Record<string, any>) => attempt('decide-objection', { state: 'opposed', today: '2026-08-03', as: ['examiner'], payload, data });
  const two = { objections: [objection(1), objection(2)], objectionPeriodClosed: true };
  const first = decideIt({ objection: 1, outcome: 'rejected' }, two);
  assert.deepEqual([first.stateAfter, first.data.pendingObjections, (first.data.objections as any[])[0].status, (first.data.objections as any[])[0].decidedOn], ['opposed', 1, 'rejected', '2026-08-03']);
  assert.equal(decideIt({ objection: 2, outcome: 'withdrawn' }, { objections: [objection(1, 'rejected'), objection(2)], objectionPeriodClosed: true }).stateAfter, 'awaiting-registration');
  assert.equal(decideIt({ objection: 2, outcome: 'rejected' }, { objections: [objection(1, 'rejected'), objection(2)], objectionPeriodClosed: false }).stateAfter, 'published');
  const upheld = decideIt({ objection: 2, outcome: 'upheld', reasons: 'generic' }, two);
  assert.deepEqual([upheld.stateAfter, upheld.event?.category], ['refused', 'Application refused']);
  refused('OBJECTION_ALREADY_DECIDED', () => decideIt({ objection: 1, outcome: 'upheld' }, { objections: [objection(1, 'rejected'), objection(2)] }));
  refused('UNKNOWN_OBJECTION', () => decideIt({ objection: 3, outcome: 'upheld' }, two));
  refused('ACT_NOT_PERMITTED', () => attempt('decide-objection', { state: 'opposed', today: '2026-08-03', as: APPLICANT_SIDE, payload: { objection: 1, outcome: 'rejected' }, data: two }));
  const reply = attempt('reply-to-objection', { state: 'opposed', today: '2026-06-01', as: APPLICANT_SIDE, payload: { objection: 2, remarks: 'the name is not generic' }, data: two });
  assert.deepEqual([reply.stateAfter, (reply.data.objections as any[])[1].repliedOn], ['opposed', '2026-06-01']);
});

test('when the objection period ends an unobjected application awaits registration and an objected one stays opposed; registration (fees paid) is for an unlimited time: no renewal, no time limit', () => {
  const sys: Performer[] = ['system'];
  assert.equal(attempt('close-objection-period', { state: 'published', today: '2026-07-16', as: sys }).stateAfter, 'awaiting-registration');
  const opposed = attempt('close-objection-period', { state: 'opposed', today: '2026-07-16', as: sys });
  assert.deepEqual([opposed.stateAfter, opposed.data.objectionPeriodClosed], ['opposed', true]);
  refused('FEES_UNPAID', () => attempt('register', { state: 'awaiting-registration', today: '2026-07-20', as: ['registrar'], data: { feesOutstanding: 1 } }));
  const r = attempt('register', { state: 'awaiting-registration', today: '2026-07-20', as: ['registrar'] });
  assert.deepEqual([r.stateAfter, r.data.registrationDate, r.opens, r.event?.category], ['registered', '2026-07-20', [], 'Registration published']);
  assert.equal(r.data.expiryDate, undefined);
  assert.ok(!Object.values(GI.acts).some((a) => a.opens?.some((o) => o.kind === 'renewal')));
});

test('amendment of the specification: the holder pays 200 EUR first and uploads the amended specification; the examiner enters it (with the new area) or refuses it, and the first one stays', () => {
  const amended = { sha256: 'c'.repeat(64) };
  const area = { description: 'The municipal units of Vytina, Levidi, Valtetsi and Tripoli' };
  const req = attempt('request-amendment', { state: 'registered', today: '2027-01-04', as: APPLICANT_SIDE, payload: { specification: amended, summary: 'Tripoli added to the area', area } });
  assert.deepEqual([req.stateAfter, req.paymentBefore, req.fees.map((f) => [f.code, f.amount])], ['amendment-pending', true, [['amendment', 200_00]]]);
  assert.deepEqual(GI.acts['request-amendment'].uploads!({ specification: amended }).map((u) => [u.kind, u.title, u.accept]), [['gi-specification', 'Amended product specification', ['application/pdf']]]);
  refused('ACT_NOT_PERMITTED', () => attempt('request-amendment', { state: 'registered', today: '2027-01-04', as: THIRD_PARTY, payload: { specification: amended, summary: 'x' } }));
  const pending = { pendingAmendment: req.data.pendingAmendment };
  const ok = attempt('approve-amendment', { state: 'amendment-pending', today: '2027-03-01', as: ['examiner'], data: pending });
  assert.deepEqual([ok.stateAfter, ok.data.specification, ok.data.area, ok.data.pendingAmendment], ['registered', amended, area, null]);
  assert.deepEqual(ok.data.amendments, [{ requestedOn: '2027-01-04', summary: 'Tripoli added to the area', outcome: 'approved', decidedOn: '2027-03-01' }]);
  const no = attempt('reject-amendment', { state: 'amendment-pending', today: '2027-03-01', as: ['examiner'], data: pending });
  assert.deepEqual([no.stateAfter, no.data.specification, (no.data.amendments as any[])[0].outcome], ['registered', undefined, 'refused']);
  refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('request-amendment', { state: 'amendment-pending', today: '2027-01-05', as: APPLICANT_SIDE, payload: { specification: amended, summary: 'again' } }));
});

test('cancellation: any person requests it on payment of 300 EUR first (revocation proceeding pending) and joins as requester; the examiner cancels the registration or rejects the request; the office may also cancel on its own motion', () => {
  const payload = { requester: { name: 'Consumers Association' }, grounds: ['specification-not-met'], statement: 'Oil from outside the area is sold under the name.' };
  const req = attempt('request-cancellation', { state: 'registered', today: '2028-02-01', as: THIRD_PARTY, payload });
  assert.deepEqual([req.stateAfter, req.paymentBefore, req.fees.map((f) => [f.code, f.amount]), req.event?.category], ['cancellation-pending', true, [['cancellation', 300_00]], 'Revocation proceeding pending']);
  assert.deepEqual(req.parties, [{ role: 'requester', party: { name: 'Consumers Association' } }]);
  const grounds = { grounds: [{ code: 'specification-not-met' }] };
  const cancelled = attempt('cancel', { state: 'cancellation-pending', today: '2028-06-01', as: ['examiner'], payload: grounds });
  assert.deepEqual([cancelled.stateAfter, cancelled.data.cancellationDate, cancelled.event?.category], ['cancelled', '2028-06-01', 'Registration cancelled']);
  assert.equal(GI.states.cancelled.public, true);
  const kept = attempt('reject-cancellation', { state: 'cancellation-pending', today: '2028-06-01', as: ['examiner'], data: { cancellationRequest: req.data.cancellationRequest } });
  assert.deepEqual([kept.stateAfter, kept.data.cancellationRequest, (kept.data.cancellationRequests as any[])[0]], ['registered', null, { filedOn: '2028-02-01', requester: 'Consumers Association', grounds: ['specification-not-met'], outcome: 'rejected', decidedOn: '2028-06-01' }]);
  assert.equal(attempt('cancel', { state: 'registered', today: '2028-06-01', as: ['examiner'], payload: grounds }).stateAfter, 'cancelled');
  refused('ACT_NOT_PERMITTED', () => attempt('cancel', { state: 'registered', today: '2028-06-01', as: [...APPLICANT_SIDE, ...THIRD_PARTY], payload: grounds }));
});

test('the applicant may withdraw in every state before registration and in none after it; an objector (a party as opponent) may not', () => {
  for (const [state, def] of Object.entries(GI.states)) {
    const pending = !def.terminal && !['registered', 'amendment-pending', 'cancellation-pending'].includes(state);
    if (pending) assert.equal(attempt('withdraw', { state, today: '2026-05-04', as: APPLICANT_SIDE }).stateAfter, 'withdrawn', state);
    else refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('withdraw', { state, today: '2026-05-04', as: APPLICANT_SIDE }));
  }
  refused('ACT_NOT_PERMITTED', () => attempt('withdraw', { state: 'opposed', today: '2026-05-04', as: ['party', 'party:opponent', 'third-party'] }));
});

const codes = (file: string) => new Set(readFileSync(new URL(`../../../../reference/st96/${file}`, import.meta.url), 'utf8')
  .split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(',')[0]));

test('every event the GI procedure can emit is an ST.96 MarkEventCategory (the ST.61 categories it borrows) with a MarkCurrentStatusCategory, and so is the status of every state', () => {
  const events = codes('MarkEventCategory.csv');
  const statuses = codes('MarkCurrentStatusCategory.csv');
  assert.ok(events.has('Registration published') && statuses.has('Revocation proceeding pending'), 'the code lists were read');
  assert.equal(GI.statusStandard, 'ST.61');
  let seen = 0;
  for (const [type, act] of Object.entries(GI.acts)) {
    for (const state of Object.keys(GI.states)) {
      for (const payload of [{}, { outcome: 'upheld', objection: 1 }, { outcome: 'rejected', objection: 1 }]) {
        const ctx: ActContext = { case: { id: 'x', number: 'GI-1', right: 'gi', state, filingDate: d('2026-03-02'), data: { objections: [objection(1)] }, openTimeLimits: [], parent: null }, payload, today: d('2026-08-03'), calendars: modelLaw.calendars, periods: periodTable(GI.periods, modelLaw.calendars) };
        const e = typeof act.event === 'function' ? act.event(ctx) : act.event ?? null;
        if (!e) continue;
        seen++;
        assert.equal(e.standard, 'ST.61', type);
        assert.ok(events.has(e.category), `${type}: '${e.category}' is not an ST.96 MarkEventCategory`);
        if (e.statusCategory) assert.ok(statuses.has(e.statusCategory), `${type}: '${e.statusCategory}'`);
      }
    }
  }
  assert.ok(seen > 0);
  for (const [state, s] of Object.entries(GI.states)) assert.ok(s.statusCategory && statuses.has(s.statusCategory), `state ${state}: '${s.statusCategory}'`);
});
