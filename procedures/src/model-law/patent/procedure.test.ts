// The model-law patent procedure (and Ruritania's variant of it), rule by rule through the engine's pure
// decide(): hand-made case views, no database, no clock. Every date below is worked out by hand in the
// test's name from the rule it exercises and the office calendar (model law: closed Saturdays, Sundays,
// 25-26 Dec 2025, 1 Jan, 3 and 6 Apr, 1 May, 25 and 28 Dec 2026, 1 Jan, 26 and 29 Mar, 1 May, 27 Dec 2027,
// 3 Jan 2028; Ruritania 2027: closed Saturdays, Sundays, 1 Jan, 1 May, 15 Jun, 24 and 31 Dec).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decide } from '../../../../packages/server/src/procedure-engine/decide.ts';
import {
  findFramework, findProcedure, parseLegalDate, periodTable,
  type ActContext, type CaseView, type Framework, type Performer, type ProcedureDefinition, type StatusEvent, type TimeLimitView,
} from '../../index.ts';
import { ruritaniaPatent } from '../../offices/ruritania/patent.ts';
import { patentModelLaw } from './procedure.ts';

const modelLaw = findFramework('model-law')!;
const PT = findProcedure('model-law', 'patent', '2026.1')!;
const ruritania = findFramework('ruritania')!;
const ruritaniaWithPatent: Framework = { ...ruritania, procedures: [...ruritania.procedures.filter((p) => p.right !== 'patent'), ruritaniaPatent] };
const RT: [Framework, ProcedureDefinition] = [ruritaniaWithPatent, ruritaniaPatent];
const d = parseLegalDate;

const SHA = (c: string) => c.repeat(64);
const DESCRIPTION = { sha256: SHA('a'), pages: 24 };
const claims = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. A coffee roaster according to claim ${i || 1}.`);
const APPLICANT = { kind: 'legal', name: 'Aurora Roasters Inc', country: 'DE' };
const INVENTOR = { kind: 'natural', name: 'Ada Brewer', country: 'DE' };
const AGENT = { name: 'Lex & Partners LLP', country: 'XX' };
const complete = (extra: Record<string, any> = {}) => ({
  applicants: [APPLICANT], inventors: [INVENTOR], representative: AGENT, title: 'Fluid-bed coffee roaster',
  abstract: 'A roaster that ...', description: DESCRIPTION, claims: claims(10), ...extra,
});
const limit = (kind: string, dueOn: string, windowOpensOn: string | null = null, graceEndsOn: string | null = null): TimeLimitView =>
  ({ kind, dueOn: d(dueOn), windowOpensOn: windowOpensOn ? d(windowOpensOn) : null, graceEndsOn: graceEndsOn ? d(graceEndsOn) : null });

interface Try {
  today: string;
  /** Absent: the act creates the case (decided on an empty draft, as the engine does). */
  state?: string;
  filingDate?: string;
  payload?: Record<string, any>;
  data?: Record<string, any>;
  limits?: TimeLimitView[];
  as?: Performer[];
  parent?: CaseView['parent'];
  law?: [Framework, ProcedureDefinition];
}

function attempt(act: string, t: Try) {
  const [framework, procedure] = t.law ?? [modelLaw, PT];
  const creating = t.state === undefined;
  const view: CaseView = {
    id: '00000000-0000-4000-8000-000000000001', number: creating ? '' : 'PT-2026-000001', right: 'patent', state: t.state ?? '',
    filingDate: creating ? null : d(t.filingDate ?? '2026-03-02'),
    data: creating ? {} : { claims: claims(10), claimsCharged: 10, feesOutstanding: 0, ...t.data },
    openTimeLimits: t.limits ?? [], parent: t.parent ?? null,
  };
  const decision = decide(framework, procedure, act, { case: view, payload: t.payload ?? {}, today: d(t.today) }, new Set(t.as ?? ['party']));
  return decision as typeof decision & { data: Record<string, any> };
}

const refused = (code: string, fn: () => unknown) => assert.throws(fn, (e: any) => { assert.equal(e.code, code, e.message); return true; });
const opened = (decision: ReturnType<typeof attempt>) => Object.fromEntries(decision.opens.map((o) => [o.kind, o.dueOn]));
const fees = (decision: ReturnType<typeof attempt>) => decision.fees.map((f) => [f.code, f.amount]);

// ---------------------------------------------------------------------------------------------------------
// Filing (ML r. 20-23)

test('filed Mon 2 Mar 2026 with 12 claims and a request for examination: filing date 2 Mar 2026; 150 EUR filing + 2 x 25 EUR claims + 600 EUR search + 700 EUR examination; publication after 18 months from the filing date (Thu 2 Sep 2027); the 5th-year annuity due on the last day of the month of the 4th anniversary (Sun 31 Mar 2030, not moved), payable from 31 Dec 2029, grace to Mon 30 Sep 2030', () => {
  const filed = attempt('file', { today: '2026-03-02', payload: complete({ claims: claims(12), requestExamination: true }) });
  assert.equal(filed.stateAfter, 'formalities');
  assert.equal(filed.data.filingDate, '2026-03-02');
  assert.deepEqual(fees(filed), [['filing', 150_00], ['claims', 50_00], ['search', 600_00], ['examination', 700_00]]);
  assert.deepEqual(filed.event, { standard: 'ST.27', category: 'A10', detailedCode: 'A12' });
  assert.deepEqual(opened(filed), { publication: '2027-09-02', annuity: '2030-03-31' });
  const annuity = filed.opens.find((o) => o.kind === 'annuity')!;
  assert.deepEqual([annuity.startsFrom, annuity.windowOpensOn, annuity.graceEndsOn, annuity.onExpiry], ['2030-03-02', '2029-12-31', '2030-09-30', 'annuity-not-paid']);
  assert.equal(filed.data.nextAnnuityYear, 5);
  assert.deepEqual(filed.data.claimsVersions, [{ version: 1, on: '2026-03-02', claims: claims(12) }]);
  assert.equal(filed.data.claimsCharged, 12);
  assert.deepEqual(filed.parties.map((p) => 'party' in p ? [p.role, p.party.name] : []), [
    ['applicant', 'Aurora Roasters Inc'], ['inventor', 'Ada Brewer'], ['representative', 'Lex & Partners LLP'],
  ]);
  assert.deepEqual(PT.acts.file.uploads!({ description: DESCRIPTION, drawings: { sha256: SHA('b') } }).map((u) => [u.kind, u.sha256, u.accept]), [
    ['description', SHA('a'), ['application/pdf']], ['drawings', SHA('b'), ['application/pdf']],
  ]);
  assert.equal(PT.caseTitle!(filed.data), 'Fluid-bed coffee roaster');
});

test('filed Mon 2 Mar 2026 without a request for examination: the request is due within 36 months of the filing date (Fri 2 Mar 2029); without claims, they are due within 2 months (Sat 2 May 2026, extended to Mon 4 May)', () => {
  const filed = attempt('file', { today: '2026-03-02', payload: complete({ claims: undefined }) });
  assert.deepEqual(fees(filed), [['filing', 150_00]]);
  assert.deepEqual(opened(filed), { claims: '2026-05-04', publication: '2027-09-02', 'examination-request': '2029-03-02', annuity: '2030-03-31' });
  assert.equal(filed.opens.find((o) => o.kind === 'claims')!.onExpiry, 'deem-withdrawn');
  const claimsFiled = attempt('file-claims', { state: 'formalities', today: '2026-05-04', data: { claims: null, claimsVersions: [] }, limits: [limit('claims', '2026-05-04')], payload: { claims: claims(11) } });
  assert.deepEqual(fees(claimsFiled), [['claims', 25_00]]);
  assert.deepEqual(claimsFiled.data.claimsVersions, [{ version: 1, on: '2026-05-04', claims: claims(11) }]);
  refused('TIME_LIMIT_EXPIRED', () => attempt('file-claims', { state: 'formalities', today: '2026-05-05', limits: [limit('claims', '2026-05-04')], payload: { claims: claims(3) } }));
});

test('a filing without a description gets no filing date (ML r. 21): received Mon 2 Mar 2026, 2 months to complete it (Sat 2 May, extended to Mon 4 May); completed on 4 May, that is the filing date, and publication (Thu 4 Nov 2027), the examination request (Fri 4 May 2029) and the 5th annuity (Fri 31 May 2030) run from it', () => {
  const filed = attempt('file', { today: '2026-03-02', payload: complete({ description: undefined }) });
  assert.equal(filed.stateAfter, 'incomplete');
  assert.equal(filed.data.filingDate, null);
  assert.equal(filed.event, null);
  assert.deepEqual(filed.opens.map((o) => [o.kind, o.dueOn, o.onExpiry]), [['complete-filing', '2026-05-04', 'filing-date-not-accorded']]);
  const done = attempt('complete-filing', { state: 'incomplete', today: '2026-05-04', data: { filingDate: null, priorityClaims: [] }, limits: [limit('complete-filing', '2026-05-04')], payload: { description: DESCRIPTION } });
  assert.equal(done.stateAfter, 'formalities');
  assert.equal(done.data.filingDate, '2026-05-04');
  assert.deepEqual(opened(done), { publication: '2027-11-04', 'examination-request': '2029-05-04', annuity: '2030-05-31' });
  refused('TIME_LIMIT_EXPIRED', () => attempt('complete-filing', { state: 'incomplete', today: '2026-05-05', limits: [limit('complete-filing', '2026-05-04')], payload: { description: DESCRIPTION } }));
  assert.equal(attempt('filing-date-not-accorded', { state: 'incomplete', today: '2026-05-05', as: ['system'] }).stateAfter, 'not-accorded');
});

test('the priority is judged against the filing date that is accorded: received Mon 2 Mar 2026 claiming priority of Sat 1 Mar 2025 (12 months to Sun 1 Mar 2026, extended to Mon 2 Mar) it is in time; completed on Mon 4 May 2026 it is not, unless restoration is requested then (possible until 2 May, a Saturday, so Mon 4 May), for 250 EUR', () => {
  const claim = { office: 'DE', number: '10 2025 000 009.9', date: '2025-03-01' };
  assert.equal(attempt('file', { today: '2026-03-02', payload: complete({ description: undefined, priorityClaims: [claim] }) }).stateAfter, 'incomplete');
  const completing = { state: 'incomplete', today: '2026-05-04', data: { filingDate: null, priorityClaims: [claim] }, limits: [limit('complete-filing', '2026-05-04')] };
  refused('PRIORITY_PERIOD_EXPIRED', () => attempt('complete-filing', { ...completing, payload: { description: DESCRIPTION } }));
  const restored = attempt('complete-filing', { ...completing, payload: { description: DESCRIPTION, priorityClaims: [{ ...claim, restoration: { reasons: 'The description was lost in the post.' } }] } });
  assert.deepEqual([restored.data.filingDate, fees(restored)], ['2026-05-04', [['priority-restoration', 250_00]]]);
  assert.equal(restored.data.priorityClaims[0].restoration.status, 'requested');
});

// ---------------------------------------------------------------------------------------------------------
// Priority and its restoration (ML r. 22; Paris Convention art. 4C)

test('priority: 12 months from Sun 2 Mar 2025 end on Mon 2 Mar 2026 (a filing that day claims it, one on Tue 3 Mar cannot); from Thu 29 Feb 2024 they end on Fri 28 Feb 2025; from Sat 1 Mar 2025 on Sun 1 Mar 2026, extended to Mon 2 Mar; a priority date after the filing date is refused', () => {
  const file = (today: string, date: string) => attempt('file', { today, payload: complete({ priorityClaims: [{ office: 'DE', number: '10 2025 000 001.1', date }] }) });
  assert.equal(file('2026-03-02', '2025-03-02').stateAfter, 'formalities');
  refused('PRIORITY_PERIOD_EXPIRED', () => file('2026-03-03', '2025-03-02'));
  assert.equal(file('2025-02-28', '2024-02-29').stateAfter, 'formalities');
  refused('PRIORITY_PERIOD_EXPIRED', () => file('2025-03-03', '2024-02-29'));
  assert.equal(file('2026-03-02', '2025-03-01').stateAfter, 'formalities');
  refused('PRIORITY_DATE_AFTER_FILING_DATE', () => file('2026-03-02', '2026-03-03'));
});

test('restoration of priority: priority 15 Jan 2025, 12 months ended Thu 15 Jan 2026; filed Mon 2 Mar 2026 the claim needs a request for restoration (possible until 15 Mar 2026, a Sunday, so Mon 16 Mar), 250 EUR; publication 18 months from 15 Jan 2025 = Wed 15 Jul 2026; filed Tue 17 Mar it is too late', () => {
  const claim = { office: 'US', number: '63/123,456', date: '2025-01-15' };
  const err = (() => { try { attempt('file', { today: '2026-03-02', payload: complete({ priorityClaims: [claim] }) }); } catch (e) { return e as any; } })();
  assert.equal(err.code, 'PRIORITY_PERIOD_EXPIRED');
  assert.deepEqual([err.details.lastDay, err.details.restorableUntil], ['2026-01-15', '2026-03-16']);
  const restored = { ...claim, restoration: { reasons: 'The docketing system failed on 14 Jan 2026.' } };
  const filed = attempt('file', { today: '2026-03-02', payload: complete({ priorityClaims: [restored] }) });
  assert.deepEqual(fees(filed), [['filing', 150_00], ['priority-restoration', 250_00]]);
  assert.equal(opened(filed).publication, '2026-07-15');
  assert.deepEqual(filed.data.priorityClaims, [{ ...restored, restoration: { ...restored.restoration, status: 'requested', requestedOn: '2026-03-02' } }]);
  assert.equal(attempt('file', { today: '2026-03-16', payload: complete({ priorityClaims: [restored] }) }).stateAfter, 'formalities');
  refused('PRIORITY_PERIOD_EXPIRED', () => attempt('file', { today: '2026-03-17', payload: complete({ priorityClaims: [restored] }) }));
  refused('PRIORITY_RESTORATION_NOT_NEEDED', () => attempt('file', { today: '2026-01-15', payload: complete({ priorityClaims: [restored] }) }));
});

test('the office grants a restoration of priority (C14), or refuses it: the claim is lost and publication runs from the filing date 2 Mar 2026 instead (Thu 2 Sep 2027); only a pending request can be decided', () => {
  const priorityClaims = [{ office: 'US', number: '63/123,456', date: '2025-01-15', restoration: { reasons: 'x', status: 'requested', requestedOn: '2026-03-02' } }];
  const base = { state: 'formalities', today: '2026-04-01', as: ['formalities'] as Performer[], data: { priorityClaims }, payload: { priorityNumber: '63/123,456' } };
  const granted = attempt('grant-priority-restoration', base);
  assert.equal(granted.data.priorityClaims[0].restoration.status, 'granted');
  assert.deepEqual(granted.event, { standard: 'ST.27', category: 'C10', detailedCode: 'C14' });
  const lost = attempt('refuse-priority-restoration', { ...base, limits: [limit('publication', '2026-07-15')] });
  assert.deepEqual([lost.data.priorityClaims[0].restoration.status, lost.data.priorityClaims[0].restoration.decidedOn], ['refused', '2026-04-01']);
  assert.deepEqual(lost.closes, ['publication']);
  assert.deepEqual(opened(lost), { publication: '2027-09-02' });
  refused('NO_PRIORITY_RESTORATION_REQUESTED', () => attempt('grant-priority-restoration', { ...base, payload: { priorityNumber: 'other' } }));
  refused('ACT_NOT_PERMITTED', () => attempt('grant-priority-restoration', { ...base, as: ['party'] }));
});

// ---------------------------------------------------------------------------------------------------------
// Formalities, search and examination (ML r. 24-28)

test('formalities: not passed while fees are outstanding or the title, abstract or inventors are missing; a deficiency notice of Tue 3 Feb 2026 gives 2 months, ending on Good Friday 3 Apr, so Tue 7 Apr (after Easter Monday); not remedied, the application is deemed withdrawn (B12)', () => {
  refused('FEES_UNPAID', () => attempt('accept-formalities', { state: 'formalities', today: '2026-03-10', as: ['formalities'], data: { feesOutstanding: 150_00, title: 't', abstract: 'a', inventors: [INVENTOR] } }));
  const err = (() => { try { attempt('accept-formalities', { state: 'formalities', today: '2026-03-10', as: ['formalities'], data: { title: 't' } }); } catch (e) { return e as any; } })();
  assert.deepEqual([err.code, err.details.missing], ['FORMAL_REQUIREMENTS_NOT_MET', ['abstract', 'inventors']]);
  const ok = { title: 't', abstract: 'a', inventors: [INVENTOR] };
  assert.equal(attempt('accept-formalities', { state: 'formalities', today: '2026-03-10', as: ['formalities'], data: ok }).stateAfter, 'awaiting-examination-request');
  assert.equal(attempt('accept-formalities', { state: 'formalities', today: '2026-03-10', as: ['formalities'], data: { ...ok, examinationRequested: true } }).stateAfter, 'search');
  const notice = attempt('notify-formal-deficiency', { state: 'formalities', today: '2026-02-03', as: ['formalities'], payload: { deficiencies: [{ code: 'abstract-missing' }] } });
  assert.deepEqual(notice.opens.map((o) => [o.kind, o.computation.nominalLastDay, o.dueOn, o.onExpiry]), [['remedy-deficiency', '2026-04-03', '2026-04-07', 'deem-withdrawn']]);
  const remedied = attempt('remedy-deficiency', { state: 'formalities-deficient', today: '2026-04-07', limits: [limit('remedy-deficiency', '2026-04-07')], payload: { abstract: 'A roaster that ...', inventors: [INVENTOR] } });
  assert.deepEqual([remedied.stateAfter, remedied.data.abstract], ['formalities', 'A roaster that ...']);
  assert.deepEqual(remedied.parties, [{ role: 'inventor', party: INVENTOR, replace: true }]);
  const withdrawn = attempt('deem-withdrawn', { state: 'formalities-deficient', today: '2026-04-08', as: ['system'] });
  assert.deepEqual([withdrawn.stateAfter, withdrawn.event], ['deemed-withdrawn', { standard: 'ST.27', category: 'B10', detailedCode: 'B12' }]);
});

test('search and examination are requested within the time limit with 1300 EUR paid first (600 search + 700 examination, D11); the search report (D14) opens examination; an examination report of Tue 15 Sep 2026 is answered within 4 months (Fri 15 Jan 2027), not later', () => {
  const exam = [limit('examination-request', '2029-03-02')];
  const requested = attempt('request-examination', { state: 'awaiting-examination-request', today: '2026-06-01', limits: exam });
  assert.deepEqual([requested.stateAfter, requested.paymentBefore, fees(requested)], ['search', true, [['search', 600_00], ['examination', 700_00]]]);
  assert.deepEqual(requested.closes, ['examination-request']);
  assert.equal(attempt('request-examination', { state: 'formalities', today: '2026-03-05', limits: exam }).stateAfter, 'formalities', 'made during the formalities, it waits for them');
  refused('NO_OPEN_TIME_LIMIT', () => attempt('request-examination', { state: 'awaiting-examination-request', today: '2026-06-01' }));
  const report = attempt('issue-search-report', { state: 'search', today: '2026-08-03', as: ['examiner'], payload: { citations: [{ document: 'US 2019/0123456 A1', category: 'X', claims: [1, 2] }] } });
  assert.deepEqual([report.stateAfter, report.event?.detailedCode, report.data.searchReportDate], ['examination', 'D14', '2026-08-03']);
  const action = attempt('issue-office-action', { state: 'examination', today: '2026-09-15', as: ['examiner'], payload: { objections: [{ code: 'lack-of-novelty', claims: [1] }] } });
  assert.deepEqual([action.stateAfter, opened(action), action.opens[0].onExpiry, action.event?.detailedCode], ['office-action', { 'office-action-response': '2027-01-15' }, 'deem-withdrawn', 'D15']);
  const respond = { state: 'office-action', limits: [limit('office-action-response', '2027-01-15')] };
  refused('TIME_LIMIT_EXPIRED', () => attempt('respond-to-office-action', { ...respond, today: '2027-01-16', payload: { remarks: 'late' } }));
  const answered = attempt('respond-to-office-action', { ...respond, today: '2027-01-15', payload: { remarks: 'Claim 1 is novel over D1.' } });
  assert.deepEqual([answered.stateAfter, answered.event, answered.fees], ['examination', null, []]);
});

test('amended claims are kept as versions: 10 claims filed on 2 Mar 2026 (version 1), 13 in the response of 15 Jan 2027 (version 2, 3 x 25 EUR for the claims beyond 10), then 12 in a voluntary amendment (version 3, nothing more to pay: 13 were paid for); P13', () => {
  const v1 = { version: 1, on: '2026-03-02', claims: claims(10) };
  const response = attempt('respond-to-office-action', {
    state: 'office-action', today: '2027-01-15', limits: [limit('office-action-response', '2027-01-15')],
    data: { claimsVersions: [v1] }, payload: { remarks: 'Amended', claims: claims(13) },
  });
  assert.deepEqual(fees(response), [['claims', 75_00]]);
  assert.deepEqual(response.data.claimsVersions, [v1, { version: 2, on: '2027-01-15', claims: claims(13) }]);
  assert.deepEqual([response.data.claimsCharged, response.event?.detailedCode], [13, 'P13']);
  const amended = attempt('amend-claims', { state: 'examination', today: '2027-02-10', data: { claimsVersions: response.data.claimsVersions, claimsCharged: 13 }, payload: { claims: claims(12) } });
  assert.deepEqual([amended.fees, amended.data.claimsCharged, (amended.data.claimsVersions as any[]).map((v) => [v.version, v.claims.length])], [[], 13, [[1, 10], [2, 13], [3, 12]]]);
});

// ---------------------------------------------------------------------------------------------------------
// Publication (ML r. 29)

test('publication: the sweep publishes after the 18 months (limit due Wed 15 Jul 2026: on Thu 16 Jul, Q12); the registrar publishes earlier only at the applicant\'s request; never twice', () => {
  const limits = [limit('publication', '2026-07-15')];
  const swept = attempt('publish-application', { state: 'examination', today: '2026-07-16', as: ['system'], limits });
  assert.deepEqual([swept.stateAfter, swept.data.publicationDate, swept.closes, swept.event?.detailedCode], ['examination', '2026-07-16', ['publication'], 'Q12']);
  refused('EARLY_PUBLICATION_NOT_REQUESTED', () => attempt('publish-application', { state: 'examination', today: '2026-05-04', as: ['registrar'], limits }));
  const asked = attempt('request-early-publication', { state: 'examination', today: '2026-04-20', limits });
  assert.equal(asked.data.earlyPublicationRequestedOn, '2026-04-20');
  assert.equal(attempt('publish-application', { state: 'examination', today: '2026-05-04', as: ['registrar'], limits, data: asked.data }).data.publicationDate, '2026-05-04');
  refused('ALREADY_PUBLISHED', () => attempt('publish-application', { state: 'examination', today: '2026-07-16', as: ['system'], data: { publicationDate: '2026-05-04' } }));
  refused('ACT_NOT_PERMITTED', () => attempt('publish-application', { state: 'examination', today: '2026-07-16', as: ['party'], limits }));
});

// ---------------------------------------------------------------------------------------------------------
// Grant and term (ML r. 30, 31)

test('grant: intention to grant of Mon 1 Feb 2027 (D22) gives 4 months to pay the 350 EUR grant fee (Tue 1 Jun 2027); the registrar grants (F11) a patent filed 2 Mar 2026 that expires on 2 Mar 2046 (20 years, never moved), the grant also publishing an application not yet published', () => {
  const intended = attempt('decide-grant', { state: 'examination', today: '2027-02-01', as: ['examiner'], data: { claimsVersions: [{}, {}] } });
  assert.deepEqual([intended.stateAfter, opened(intended), intended.event?.detailedCode, intended.data.claimsVersionForGrant], ['grant-intended', { 'grant-fee': '2027-06-01' }, 'D22', 2]);
  refused('FEES_UNPAID', () => attempt('decide-grant', { state: 'examination', today: '2027-02-01', as: ['examiner'], data: { feesOutstanding: 75_00 } }));
  const paid = attempt('pay-grant-fee', { state: 'grant-intended', today: '2027-06-01', limits: [limit('grant-fee', '2027-06-01')] });
  assert.deepEqual([paid.stateAfter, paid.paymentBefore, fees(paid)], ['awaiting-grant', true, [['grant', 350_00]]]);
  const granted = attempt('grant', { state: 'awaiting-grant', today: '2027-06-15', as: ['registrar'] });
  assert.deepEqual([granted.stateAfter, granted.data.expiryDate, granted.data.publicationDate, granted.data.patentNumber], ['granted', '2046-03-02', '2027-06-15', 'PT-2026-000001']);
  assert.deepEqual(granted.opens.map((o) => [o.kind, o.startsFrom, o.dueOn, o.onExpiry]), [['term', '2026-03-02', '2046-03-02', 'expire']]);
  assert.deepEqual(granted.closes, ['publication']);
  assert.deepEqual(granted.event, { standard: 'ST.27', category: 'F10', detailedCode: 'F11' });
  assert.equal(attempt('grant', { state: 'awaiting-grant', today: '2027-06-15', as: ['registrar'], data: { publicationDate: '2027-09-02' } }).data.publicationDate, '2027-09-02');
  assert.deepEqual(attempt('expire', { state: 'granted', today: '2046-03-03', as: ['system'] }).event, { standard: 'ST.27', category: 'H10', detailedCode: 'H14' });
  assert.equal(attempt('refuse', { state: 'examination', today: '2027-02-01', as: ['examiner'], payload: { grounds: [{ code: 'lack-of-inventive-step' }] } }).stateAfter, 'refused');
});

// ---------------------------------------------------------------------------------------------------------
// Annuities, lapse and restoration (ML r. 32, 33)

test('annuities of a patent filed Sat 31 Jan 2026: the 5th year is due Thu 31 Jan 2030, payable from 31 Oct 2029 (not on 30 Oct: ANNUITY_WINDOW_NOT_OPEN), 100 EUR; paying it opens the 6th year, due Fri 31 Jan 2031 (grace to Thu 31 Jul 2031); in the grace period a 100 EUR surcharge is added; after Wed 31 Jul 2030 it is too late', () => {
  const y5 = [limit('annuity', '2030-01-31', '2029-10-31', '2030-07-31')];
  const pay = (today: string, limits = y5) => attempt('pay-annuity', { state: 'granted', filingDate: '2026-01-31', today, limits, data: { nextAnnuityYear: 5 } });
  refused('ANNUITY_WINDOW_NOT_OPEN', () => pay('2029-10-30'));
  const paid = pay('2029-10-31');
  assert.deepEqual([fees(paid), paid.paymentBefore, paid.closes], [[['annuity-5', 100_00]], true, ['annuity']]);
  assert.deepEqual(paid.opens.map((o) => [o.kind, o.startsFrom, o.windowOpensOn, o.dueOn, o.graceEndsOn]), [['annuity', '2031-01-31', '2030-10-31', '2031-01-31', '2031-07-31']]);
  assert.deepEqual([paid.data.nextAnnuityYear, paid.data.annuities], [6, [{ year: 5, paidOn: '2029-10-31', dueOn: '2030-01-31' }]]);
  assert.deepEqual(paid.event, { standard: 'ST.27', category: 'U10', detailedCode: 'U11' });
  assert.deepEqual(fees(pay('2030-01-31')), [['annuity-5', 100_00]], 'on the due date: no surcharge');
  assert.deepEqual(fees(pay('2030-02-01')), [['annuity-5', 100_00], ['annuity-surcharge', 100_00]]);
  assert.deepEqual(fees(pay('2030-07-31')), [['annuity-5', 100_00], ['annuity-surcharge', 100_00]]);
  refused('TIME_LIMIT_EXPIRED', () => pay('2030-08-01'));
});

test('the 5th-year annuity of an application filed Sat 15 Jan 2022 falls due on Sat 31 Jan 2026: paid on Mon 2 Feb, the next working day, it bears no surcharge; on Tue 3 Feb it does; annuities are paid while the application is pending too', () => {
  const limits = [limit('annuity', '2026-01-31', '2025-10-31', '2026-07-31')];
  const pay = (today: string) => attempt('pay-annuity', { state: 'examination', filingDate: '2022-01-15', today, limits, data: { nextAnnuityYear: 5 } });
  assert.deepEqual(fees(pay('2026-02-02')), [['annuity-5', 100_00]]);
  assert.deepEqual(fees(pay('2026-02-03')), [['annuity-5', 100_00], ['annuity-surcharge', 100_00]]);
});

test('the 20th-year annuity is the last: paying it opens no further time limit', () => {
  const paid = attempt('pay-annuity', { state: 'granted', filingDate: '2026-01-31', today: '2045-01-02', limits: [limit('annuity', '2045-01-31', '2044-10-31', '2045-07-31')], data: { nextAnnuityYear: 20 } });
  assert.deepEqual([fees(paid), paid.opens], [[['annuity-20', 850_00]], []]);
});

test('annuity not paid by the end of the grace period (Wed 31 Jul 2030): a patent lapses on 1 Aug 2030 (H13) and may be restored within 12 months (to Thu 31 Jul 2031); an application is deemed withdrawn (B12), with no restoration', () => {
  const limits = [limit('annuity', '2030-01-31', '2029-10-31', '2030-07-31')];
  const lapsed = attempt('annuity-not-paid', { state: 'granted', filingDate: '2026-01-31', today: '2030-08-01', as: ['system'], limits, data: { nextAnnuityYear: 5 } });
  assert.deepEqual([lapsed.stateAfter, lapsed.event?.detailedCode, lapsed.data.lapse], ['lapsed', 'H13', { year: 5, on: '2030-08-01', graceEndedOn: '2030-07-31' }]);
  assert.deepEqual(lapsed.opens.map((o) => [o.kind, o.startsFrom, o.dueOn, o.onExpiry]), [['restoration', '2030-07-31', '2031-07-31', 'restoration-period-ended']]);
  const withdrawn = attempt('annuity-not-paid', { state: 'examination', filingDate: '2026-01-31', today: '2030-08-01', as: ['system'], limits, data: { nextAnnuityYear: 5 } });
  assert.deepEqual([withdrawn.stateAfter, withdrawn.event?.detailedCode, withdrawn.opens], ['deemed-withdrawn', 'B12', []]);
});

test('restoration of a patent filed 31 Jan 2026 that lapsed for the 5th year: requested on Sat 1 Mar 2031 it costs 500 EUR + the 5th (100) and the 6th (150, due 31 Jan 2031) annuities + 2 surcharges (200) = 950 EUR, paid first (K11); granted (K13), the patent is in force again and the 7th year is due Sat 31 Jan 2032 (grace to Sat 31 Jul 2032, extended to Mon 2 Aug 2032); requested on Wed 1 Jan 2031 only the 5th is owed and the 6th is due next', () => {
  const data = { nextAnnuityYear: 5, lapse: { year: 5, on: '2030-08-01', graceEndedOn: '2030-07-31' } };
  const limits = [limit('restoration', '2031-07-31')];
  const request = (today: string) => attempt('request-restoration', { state: 'lapsed', filingDate: '2026-01-31', today, limits, data, payload: { reasons: 'The payment order was lost.' } });
  const asked = request('2031-03-01');
  assert.deepEqual(fees(asked), [['restoration', 500_00], ['annuity-5', 100_00], ['annuity-6', 150_00], ['annuity-surcharge', 200_00]]);
  assert.deepEqual([asked.stateAfter, asked.paymentBefore, asked.event?.detailedCode, asked.data.restoration], ['restoration-requested', true, 'K11', { requestedOn: '2031-03-01', reasons: 'The payment order was lost.', years: [5, 6] }]);
  const restored = attempt('grant-restoration', { state: 'restoration-requested', filingDate: '2026-01-31', today: '2031-04-15', as: ['examiner'], data: { ...data, restoration: asked.data.restoration } });
  assert.deepEqual([restored.stateAfter, restored.data.nextAnnuityYear, restored.event?.detailedCode], ['granted', 7, 'K13']);
  assert.deepEqual((restored.data.annuities as any[]).map((a) => [a.year, a.paidOn, a.dueOn]), [[5, '2031-03-01', '2030-01-31'], [6, '2031-03-01', '2031-01-31']]);
  assert.deepEqual(restored.opens.map((o) => [o.kind, o.dueOn, o.graceEndsOn]), [['annuity', '2032-01-31', '2032-08-02']]);
  assert.deepEqual(request('2031-01-01').data.restoration.years, [5]);
  refused('TIME_LIMIT_EXPIRED', () => request('2031-08-01'));
  const refusedRestoration = attempt('refuse-restoration', { state: 'restoration-requested', today: '2031-04-15', as: ['examiner'], payload: { grounds: [{ code: 'due-care-not-shown' }] }, data: { restoration: asked.data.restoration } });
  assert.deepEqual([refusedRestoration.stateAfter, refusedRestoration.event?.detailedCode], ['ceased', 'H11']);
  assert.equal(attempt('restoration-period-ended', { state: 'lapsed', today: '2031-08-01', as: ['system'] }).stateAfter, 'ceased');
});

// ---------------------------------------------------------------------------------------------------------
// Divisional applications (ML r. 34), conversion (ML r. 35), national phase (ML r. 36)

const PARENT: CaseView['parent'] = {
  id: '00000000-0000-4000-8000-0000000000aa', number: 'PT-2026-000007', right: 'patent', state: 'examination', filingDate: d('2026-03-02'),
  data: {
    filingDate: '2026-03-02', title: 'Fluid-bed coffee roaster', applicants: [APPLICANT], inventors: [INVENTOR],
    priorityClaims: [
      { office: 'DE', number: '10 2025 000 001.1', date: '2025-04-02' },
      { office: 'US', number: '63/000,001', date: '2025-01-15', restoration: { reasons: 'x', status: 'refused' } },
    ],
  },
};
const DIVISIONAL = { description: DESCRIPTION, claims: claims(12), title: 'Cooling tray for a coffee roaster', abstract: 'A tray ...' };

test('a divisional filed on 10 May 2027 on an application under examination: on the parent, nothing changes but a child case is filed with the parent\'s applicant and representative; the child keeps the filing date 2 Mar 2026 and the priority of 2 Apr 2025 (not the lost one), so publication was due Fri 2 Oct 2026 (the sweep publishes it at once), examination is requested by Fri 2 Mar 2029, and it pays 150 + 2 x 25 EUR (A16)', () => {
  const onParent = attempt('file-divisional', { state: 'examination', today: '2027-05-10', payload: DIVISIONAL });
  assert.deepEqual([onParent.stateAfter, onParent.fees, onParent.opens, onParent.event, onParent.parties], ['examination', [], [], null, []]);
  assert.deepEqual(onParent.child, {
    right: 'patent', act: 'file-divisional', payload: DIVISIONAL,
    parties: { fromParent: { applicant: 'applicant', representative: 'representative' } }, inheritTimeLimits: [],
  });
  assert.deepEqual(onParent.data.divisionals, [{ filedOn: '2027-05-10', title: 'Cooling tray for a coffee roaster' }]);

  const child = attempt('file-divisional', { today: '2027-05-10', payload: DIVISIONAL, parent: PARENT });
  assert.equal(child.child, null, 'the child files no grandchild');
  assert.deepEqual([child.stateAfter, child.data.filingDate, child.data.receiptDate], ['formalities', '2026-03-02', '2027-05-10']);
  assert.deepEqual(child.data.priorityClaims, [PARENT!.data.priorityClaims[0]]);
  assert.deepEqual(child.data.parentApplication, { number: 'PT-2026-000007', filingDate: '2026-03-02' });
  assert.deepEqual(child.data.applicants, [APPLICANT]);
  assert.deepEqual(child.parties, [{ role: 'inventor', party: INVENTOR }], 'inventors copied from the parent; applicant and representative are linked from it');
  assert.deepEqual(fees(child), [['filing', 150_00], ['claims', 50_00]]);
  assert.deepEqual(opened(child), { publication: '2026-10-02', 'examination-request': '2029-03-02', annuity: '2030-03-31' });
  assert.deepEqual(child.event, { standard: 'ST.27', category: 'A10', detailedCode: 'A16' });
});

test('a divisional filed Thu 15 Feb 2029 on an application filed 2 Mar 2026: 36 months from the filing date would end Fri 2 Mar 2029, so the request for examination is due 2 months from receipt instead (Sun 15 Apr 2029, extended to Mon 16 Apr)', () => {
  const child = attempt('file-divisional', { today: '2029-02-15', payload: DIVISIONAL, parent: PARENT });
  const request = child.opens.find((o) => o.kind === 'examination-request')!;
  assert.deepEqual([request.computation.period, request.startsFrom, request.dueOn], ['examinationRequestDerived', '2029-02-15', '2029-04-16']);
});

test('a divisional is filed only on a pending application with a filing date, and only through it: not on a granted patent, not on its own', () => {
  refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('file-divisional', { state: 'granted', today: '2027-05-10', payload: DIVISIONAL }));
  refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('file-divisional', { state: 'incomplete', today: '2027-05-10', payload: DIVISIONAL }));
  refused('DIVISIONAL_NEEDS_PENDING_PARENT', () => attempt('file-divisional', { today: '2027-05-10', payload: DIVISIONAL }));
  refused('DIVISIONAL_NEEDS_PENDING_PARENT', () => attempt('file-divisional', { today: '2027-05-10', payload: DIVISIONAL, parent: { ...PARENT!, state: 'refused' } }));
});

test('conversion into a utility model on 10 May 2027: the patent application ends (converted, A19) and a utility-model application is filed by conversion with its applicants, representative and inventors', () => {
  const converted = attempt('convert-to-utility-model', { state: 'examination', today: '2027-05-10', payload: { remarks: 'A utility model suffices' } });
  assert.deepEqual([converted.stateAfter, converted.event?.detailedCode, converted.data.convertedOn], ['converted', 'A19', '2027-05-10']);
  assert.deepEqual(converted.child, {
    right: 'utility-model', act: 'file-by-conversion', payload: { remarks: 'A utility model suffices' },
    parties: { fromParent: { applicant: 'applicant', representative: 'representative', inventor: 'inventor' } }, inheritTimeLimits: [],
  });
  assert.ok(PT.states.converted.terminal);
  refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('convert-to-utility-model', { state: 'granted', today: '2027-05-10' }));
});

const PCT = (extra: Record<string, any> = {}) => ({
  ...complete(),
  internationalApplication: { number: 'PCT/XX2025/000123', filingDate: '2025-03-10', publicationNumber: 'WO2025/123456', publicationDate: '2026-03-05' },
  priorityClaims: [{ office: 'DE', number: '10 2024 000 777.0', date: '2024-08-31' }],
  ...extra,
});

test('national phase: priority 31 Aug 2024, 30 months end on the last day of February 2027 (28 Feb, a Sunday), extended to Mon 1 Mar 2027: entry that day is in time, on Tue 2 Mar it is not; the filing date is the international filing date 10 Mar 2025; the international publication stands for the national one; A15; entered without claims, they are due 2 months from the entry (Sat 1 May 2027, extended to Mon 3 May)', () => {
  const entered = attempt('enter-national-phase', { today: '2027-03-01', payload: PCT() });
  assert.deepEqual([entered.stateAfter, entered.data.filingDate, entered.data.nationalPhaseEntryDate, entered.data.publicationDate], ['formalities', '2025-03-10', '2027-03-01', '2026-03-05']);
  assert.deepEqual(fees(entered), [['national-fee', 150_00]]);
  // 36 months from 10 Mar 2025 = Fri 10 Mar 2028, later than 2 months from entry; 5th annuity: 31 Mar 2029.
  assert.deepEqual(opened(entered), { 'examination-request': '2028-03-10', annuity: '2029-03-31' });
  assert.deepEqual(entered.event, { standard: 'ST.27', category: 'A10', detailedCode: 'A15' });
  const err = (() => { try { attempt('enter-national-phase', { today: '2027-03-02', payload: PCT() }); } catch (e) { return e as any; } })();
  assert.deepEqual([err.code, err.details.priorityDate, err.details.lastDay], ['NATIONAL_PHASE_PERIOD_EXPIRED', '2024-08-31', '2027-03-01']);
  const unpublished = attempt('enter-national-phase', { today: '2026-06-01', payload: PCT({ internationalApplication: { number: 'PCT/XX2025/000123', filingDate: '2025-03-10' } }) });
  assert.equal(opened(unpublished).publication, '2026-02-28', '18 months from 31 Aug 2024 (no 31 Feb): published by the next sweep');
  const noClaims = attempt('enter-national-phase', { today: '2027-03-01', payload: PCT({ claims: undefined }) });
  assert.equal(opened(noClaims).claims, '2027-05-03', 'claims within 2 months of the entry (Sat 1 May 2027, extended to Mon 3 May), not of the international filing date');
  refused('PRIORITY_DATE_AFTER_FILING_DATE', () => attempt('enter-national-phase', { today: '2026-06-01', payload: PCT({ priorityClaims: [{ office: 'DE', number: '1', date: '2025-03-11' }] }) }));
});

// ---------------------------------------------------------------------------------------------------------
// Ruritania (Ruritania Patents Act)

test('Ruritania: national-phase entry up to 31 months from 31 Aug 2024 (Wed 31 Mar 2027), not on Thu 1 Apr; without a priority claim, an entry on Wed 14 Jul 2027 for an international application filed 15 Jan 2025 owes the 3rd-year annuity (due 31 Jan 2027) at once (60 EUR) and the 4th is due Mon 31 Jan 2028', () => {
  const entered = attempt('enter-national-phase', { today: '2027-03-31', payload: PCT(), law: RT });
  assert.deepEqual(fees(entered), [['national-fee', 120_00]]);
  assert.equal(opened(entered).annuity, '2027-03-31', 'the 3rd year (2nd anniversary 10 Mar 2027) is due the day of entry');
  refused('NATIONAL_PHASE_PERIOD_EXPIRED', () => attempt('enter-national-phase', { today: '2027-04-01', payload: PCT(), law: RT }));
  const late = attempt('enter-national-phase', { today: '2027-07-14', law: RT, payload: PCT({ priorityClaims: undefined, internationalApplication: { number: 'PCT/XX2025/000456', filingDate: '2025-01-15', publicationNumber: 'WO2025/200001', publicationDate: '2025-07-17' } }) });
  assert.deepEqual(fees(late), [['national-fee', 120_00], ['annuity-3', 60_00]]);
  assert.deepEqual([opened(late).annuity, late.data.nextAnnuityYear], ['2028-01-31', 4]);
  assert.deepEqual((late.data.annuities as any[]).map((a) => [a.year, a.dueOn]), [[3, '2027-01-31']]);
});

test('Ruritania: annuities from the 3rd year (a patent filed 2 Mar 2026 pays its first on Fri 31 Mar 2028), 60 EUR, 150 EUR surcharge in the grace period; a divisional filed Thu 10 May 2029 owes the 3rd (60) and 4th (100) at once and the 5th is due next (Sun 31 Mar 2030)', () => {
  const filed = attempt('file', { today: '2026-03-02', payload: complete(), law: RT });
  assert.deepEqual([fees(filed), opened(filed).annuity, filed.data.nextAnnuityYear], [[['filing', 120_00]], '2028-03-31', 3]);
  const late = attempt('pay-annuity', { state: 'granted', today: '2028-04-03', limits: [limit('annuity', '2028-03-31', '2027-12-31', '2028-09-30')], data: { nextAnnuityYear: 3 }, law: RT });
  assert.deepEqual(fees(late), [['annuity-3', 60_00], ['annuity-surcharge', 150_00]]);
  const child = attempt('file-divisional', { today: '2029-05-10', payload: DIVISIONAL, parent: PARENT, law: RT });
  assert.deepEqual(fees(child), [['filing', 120_00], ['claims', 40_00], ['annuity-3', 60_00], ['annuity-4', 100_00]]);
  assert.deepEqual([opened(child).annuity, child.data.nextAnnuityYear], ['2030-03-31', 5]);
});

test('Ruritania: every act cites the Ruritania Patents Act, and every period too', () => {
  const stray = Object.entries(ruritaniaPatent.acts).filter(([, a]) => !a.legalBasis.startsWith('RPA')).map(([t]) => t);
  assert.deepEqual(stray, []);
  const strayPeriods = Object.entries(ruritaniaPatent.periods).filter(([, p]) => !p.citation?.startsWith('RPA')).map(([k]) => k);
  assert.deepEqual(strayPeriods, []);
  assert.deepEqual([ruritaniaPatent.framework, ruritaniaPatent.numberPrefix, ruritaniaPatent.periods.nationalPhaseEntry.months], ['ruritania', 'RP', 31]);
});

// ---------------------------------------------------------------------------------------------------------
// Who may do what; the law as data

test('an applicant may withdraw in every state before grant (B11), and in none after it; a holder may surrender a granted patent (H15)', () => {
  for (const [state, def] of Object.entries(PT.states)) {
    const pending = !def.terminal && !['granted', 'lapsed', 'restoration-requested'].includes(state);
    if (pending) assert.equal(attempt('withdraw', { state, today: '2026-04-15' }).stateAfter, 'withdrawn', state);
    else refused('ACT_NOT_ALLOWED_IN_STATE', () => attempt('withdraw', { state, today: '2026-04-15' }));
  }
  assert.deepEqual(attempt('surrender', { state: 'granted', today: '2030-04-15' }).event, { standard: 'ST.27', category: 'H10', detailedCode: 'H15' });
});

test('who may do what: the examiner does not grant (registrar), an applicant does not issue reports, nobody but the system lapses a patent', () => {
  refused('ACT_NOT_PERMITTED', () => attempt('grant', { state: 'awaiting-grant', today: '2027-06-15', as: ['examiner'] }));
  refused('ACT_NOT_PERMITTED', () => attempt('issue-office-action', { state: 'examination', today: '2027-06-15', as: ['party'] }));
  refused('ACT_NOT_PERMITTED', () => attempt('annuity-not-paid', { state: 'granted', today: '2027-06-15', as: ['registrar'] }));
  refused('NOT_AN_INITIAL_ACT', () => attempt('grant', { today: '2027-06-15', as: ['registrar'] }));
});

const st96 = (file: string) => new Set(readFileSync(new URL(`../../../../reference/st96/${file}`, import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]));
const keyEvents = st96('KeyEventCode.csv');
const detailedEvents = st96('DetailedEventCode.csv');

/** Every event an act can emit: its event evaluated on case views in every state, new and existing, with and without claims. */
function possibleEvents(p: ProcedureDefinition): Map<string, StatusEvent[]> {
  const out = new Map<string, StatusEvent[]>();
  const parent: CaseView['parent'] = { id: 'p', number: 'PT-1', right: 'patent', state: 'examination', filingDate: d('2026-01-01'), data: {} };
  for (const [type, act] of Object.entries(p.acts)) {
    const events: StatusEvent[] = [];
    for (const state of ['', ...Object.keys(p.states)]) {
      for (const payload of [{}, { claims: ['1. x'], description: { sha256: SHA('a') } }]) {
        const ctx = { case: { id: 'x', number: state ? 'X-1' : '', right: p.right, state, filingDate: d('2026-01-01'), data: {}, openTimeLimits: [], parent }, payload, today: d('2026-06-01'), calendars: [], periods: periodTable(p.periods, []) } as ActContext;
        const e = typeof act.event === 'function' ? act.event(ctx) : act.event ?? null;
        if (e) events.push(e);
      }
    }
    out.set(type, events);
  }
  return out;
}

for (const [framework, p, own] of [[modelLaw, PT, patentModelLaw], [...RT, ruritaniaPatent]] as const) {
  test(`${framework.id} patent: every event is an ST.27 key event (ST.96 KeyEventCode) with a detailed event of its category (DetailedEventCode)`, () => {
    let count = 0;
    // The acts this procedure defines (the framework adds the recordal acts every right shares).
    for (const [type, events] of possibleEvents(own)) {
      for (const e of events) {
        count++;
        assert.equal(e.standard, 'ST.27', type);
        assert.ok(keyEvents.has(e.category), `${type}: '${e.category}' is not an ST.96 KeyEventCode`);
        if (e.detailedCode) {
          assert.ok(detailedEvents.has(e.detailedCode), `${type}: '${e.detailedCode}' is not an ST.96 DetailedEventCode`);
          assert.equal(e.detailedCode[0], e.category[0], `${type}: ${e.detailedCode} is not in category ${e.category}`);
        }
      }
    }
    assert.ok(count >= 25, `events found: ${count}`);
  });

  test(`${framework.id} patent: the law as data is consistent (states, periods, fees in the schedule, expiry acts performable where the time limit runs)`, () => {
    const opened = new Set<string>();
    for (const [type, act] of Object.entries(p.acts)) {
      for (const s of act.from) assert.ok(s === '*' || p.states[s], `${type}: unknown from-state ${s}`);
      if (typeof act.to === 'string') assert.ok(p.states[act.to], `${type}: unknown state ${act.to}`);
      for (const fee of act.fees ?? []) for (const schedule of p.fees) assert.ok(schedule.items[fee.code], `${type}: no fee ${fee.code}`);
      for (const o of act.opens ?? []) {
        opened.add(o.kind);
        for (const key of [o.period, o.windowBefore, o.grace]) if (key) assert.ok(p.periods[key], `${type}: no period ${key}`);
        assert.ok(p.acts[o.onExpiry]?.performers.includes('system'), `${type}: expiry act ${o.onExpiry}`);
      }
    }
    for (const [type, act] of Object.entries(p.acts)) if (act.within) assert.ok(opened.has(act.within), `${type}: no act opens '${act.within}'`);
    for (const a of p.initialActs ?? []) assert.ok(p.acts[a], `initial act ${a}`);
    // Every annuity the schedule knows is charged by some act, and no act charges one it does not know.
    const annuities = Object.keys(p.fees[0].items).filter((k) => /^annuity-\d+$/.test(k));
    assert.deepEqual(new Set(p.acts['pay-annuity'].fees!.map((f) => f.code).filter((c) => c !== 'annuity-surcharge')), new Set(annuities));
  });
}
