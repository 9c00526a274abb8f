// Time-limit arithmetic held to worked examples of the published rules, every expected date computed by
// hand from the rule and stated in the test's name:
// (1) EPO-style renewal fees (EPC r. 51, as ML r. 32 adopts them): an annuity falls due on the last day of
//     the month containing the anniversary of the filing date on which the patent year begins; it may be
//     paid from 3 months before; with a surcharge up to the last day of the 6th month after the due date
//     (extended if the office is closed then); a due date on which the office is closed is not moved, but
//     payment on the next working day is still without surcharge. Checked through the patent procedure's
//     own annuity time limits (decide() on the filing and on each payment).
// (2) PCT r. 80: a period of months ends on the day of the last month with the same number as the day it
//     runs from, or on that month's last day if it has no such day (r. 80.2, 80.3); a last day on which the
//     office is closed moves to the next working day (r. 80.5).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../../packages/server/src/procedure-engine/decide.ts';
import { computePeriodEnd, parseLegalDate, type LegalDate } from './calendar.ts';
import type { CaseView, Framework, ProcedureDefinition, TimeLimitView } from './types.ts';
import { findFramework, findProcedure } from '../index.ts';
import { ruritaniaPatent } from '../offices/ruritania/patent.ts';

const d = parseLegalDate;
const modelLaw = findFramework('model-law')!;
const PT = findProcedure('model-law', 'patent', '2026.1')!;
const ruritania = findFramework('ruritania')!;
const RT: [Framework, ProcedureDefinition] = [{ ...ruritania, procedures: [...ruritania.procedures.filter((p) => p.right !== 'patent'), ruritaniaPatent] }, ruritaniaPatent];
const ML: [Framework, ProcedureDefinition] = [modelLaw, PT];

const PAYLOAD = {
  applicants: [{ name: 'Aurora Roasters Inc' }], inventors: [{ name: 'Ada Brewer' }], title: 'Roaster', abstract: 'A roaster',
  description: { sha256: 'a'.repeat(64) }, claims: ['1. A roaster.'],
};

interface Annuity { year: number; window: string | null; due: string; grace: string | null }

/**
 * The annuity time limits of a patent filed on `filedOn`, as the procedure opens them: the first on filing,
 * each next one when the previous annuity is paid (here on the first day its window is open).
 */
function annuities([framework, procedure]: [Framework, ProcedureDefinition], filedOn: string, count: number): Annuity[] {
  const filed = decide(framework, procedure, 'file', { case: draft(), payload: PAYLOAD, today: d(filedOn) }, new Set(['party']));
  let year = Number(filed.data.nextAnnuityYear);
  let next = filed.opens.find((o) => o.kind === 'annuity')!;
  const out: Annuity[] = [];
  while (next && out.length < count) {
    out.push({ year, window: next.windowOpensOn, due: next.dueOn, grace: next.graceEndsOn });
    const limit: TimeLimitView = { kind: 'annuity', dueOn: next.dueOn, windowOpensOn: next.windowOpensOn, graceEndsOn: next.graceEndsOn };
    const view: CaseView = { ...draft(), number: 'PT-1', state: 'granted', filingDate: d(filedOn), data: { nextAnnuityYear: year }, openTimeLimits: [limit] };
    const paid = decide(framework, procedure, 'pay-annuity', { case: view, payload: {}, today: next.windowOpensOn! }, new Set(['party']));
    year = Number(paid.data.nextAnnuityYear);
    next = paid.opens.find((o) => o.kind === 'annuity')!;
  }
  return out;
}

function draft(): CaseView {
  return { id: '00000000-0000-4000-8000-000000000009', number: '', right: 'patent', state: '', filingDate: null, data: {}, openTimeLimits: [], parent: null };
}

/** The fee codes of paying the annuity of a patent filed `filedOn` (model law, 5th year) on `paidOn`. */
function feesOnPayment(filedOn: string, dueOn: string, graceEndsOn: string, paidOn: string, law = ML): string[] {
  const [framework, procedure] = law;
  const limit: TimeLimitView = { kind: 'annuity', dueOn: d(dueOn), windowOpensOn: null, graceEndsOn: d(graceEndsOn) };
  const view: CaseView = { ...draft(), number: 'PT-1', state: 'granted', filingDate: d(filedOn), data: { nextAnnuityYear: 5 }, openTimeLimits: [limit] };
  return decide(framework, procedure, 'pay-annuity', { case: view, payload: {}, today: d(paidOn) }, new Set(['party'])).fees.map((f) => f.code);
}

describe('renewal fees (annuities), EPO style, through the model-law patent procedure', () => {
  it('filed Sat 31 Jan 2026: the 5th year falls due on the last day of January 2030 (Thu 31 Jan), payable from 31 Oct 2029 (3 months before), grace to the last day of the 6th month after (Wed 31 Jul 2030); the 6th year is due Fri 31 Jan 2031, grace Thu 31 Jul 2031', () => {
    assert.deepEqual(annuities(ML, '2026-01-31', 2), [
      { year: 5, window: '2029-10-31', due: '2030-01-31', grace: '2030-07-31' },
      { year: 6, window: '2030-10-31', due: '2031-01-31', grace: '2031-07-31' },
    ]);
  });

  it('filed Thu 29 Feb 2024: the 4th anniversary is Tue 29 Feb 2028, the last day of its month, so the 5th year is due then (window 29 Nov 2027, grace 29 Aug 2028 -> last day of August, Thu 31 Aug 2028); the 5th anniversary falls in a February without a 29th, so the 6th year is due Wed 28 Feb 2029 (window 28 Nov 2028, grace Fri 31 Aug 2029)', () => {
    assert.deepEqual(annuities(ML, '2024-02-29', 2), [
      { year: 5, window: '2027-11-29', due: '2028-02-29', grace: '2028-08-31' },
      { year: 6, window: '2028-11-28', due: '2029-02-28', grace: '2029-08-31' },
    ]);
  });

  it('filed Tue 15 Jul 2025 (mid-month): the 5th year is due at the end of the month of the anniversary, Tue 31 Jul 2029, not on 15 Jul; payable from 3 months before, counted back to 30 Apr 2029 (April has no 31st); grace Thu 31 Jan 2030', () => {
    assert.deepEqual(annuities(ML, '2025-07-15', 1), [{ year: 5, window: '2029-04-30', due: '2029-07-31', grace: '2030-01-31' }]);
  });

  it('filed Sat 15 Jan 2022: the 5th year is due on Sat 31 Jan 2026, a day the office is closed; the due date stays 31 Jan (the grace period runs from it: Fri 31 Jul 2026), but payment on Mon 2 Feb is without surcharge, on Tue 3 Feb with it', () => {
    assert.deepEqual(annuities(ML, '2022-01-15', 1), [{ year: 5, window: '2025-10-31', due: '2026-01-31', grace: '2026-07-31' }]);
    assert.deepEqual(feesOnPayment('2022-01-15', '2026-01-31', '2026-07-31', '2026-02-02'), ['annuity-5']);
    assert.deepEqual(feesOnPayment('2022-01-15', '2026-01-31', '2026-07-31', '2026-02-03'), ['annuity-5', 'annuity-surcharge']);
  });

  it('filed Sat 31 Jan 2026, 7th year: due Sat 31 Jan 2032 (not moved), grace ends on the last day of July 2032, a Saturday, so on Mon 2 Aug 2032', () => {
    assert.deepEqual(annuities(ML, '2026-01-31', 3)[2], { year: 7, window: '2031-10-31', due: '2032-01-31', grace: '2032-08-02' });
  });

  it('Ruritania (annuities from the 3rd year), filed Mon 30 Jun 2025: the 3rd year is due Wed 30 Jun 2027 (window 30 Mar 2027); its grace ends on the last day of December 2027, Fri 31 Dec, an office holiday, then a weekend, so on Mon 3 Jan 2028', () => {
    assert.deepEqual(annuities(RT, '2025-06-30', 1), [{ year: 3, window: '2027-03-30', due: '2027-06-30', grace: '2028-01-03' }]);
  });

  it('the chain runs to the 20th year and stops: a patent filed 31 Jan 2026 pays 16 annuities under the model law (years 5 to 20, the last due 31 Jan 2045) and 18 in Ruritania (years 3 to 20)', () => {
    const ml = annuities(ML, '2026-01-31', 30);
    assert.deepEqual([ml.length, ml[0].year, ml.at(-1)!.year, ml.at(-1)!.due], [16, 5, 20, '2045-01-31']);
    const rt = annuities(RT, '2026-01-31', 30);
    assert.deepEqual([rt.length, rt[0].year, rt[0].due, rt.at(-1)!.year], [18, 3, '2028-01-31', 20]);
  });
});

describe('PCT rule 80: periods in months and years, and closed days', () => {
  const cal = modelLaw.calendars;
  const end = (from: string, spec: Parameters<typeof computePeriodEnd>[1]) => {
    const e = computePeriodEnd(d(from), spec, cal);
    return [e.nominalLastDay, e.lastDay] as [LegalDate, LegalDate];
  };

  it('30 months from 31 Aug 2024: February 2027 has no 31st, so the period ends on its last day, Sun 28 Feb 2027, and the office being closed, on Mon 1 Mar 2027 (r. 80.2, 80.5); national-phase entry that day is in time, the next day is not', () => {
    assert.deepEqual(end('2024-08-31', { months: 30 }), ['2027-02-28', '2027-03-01']);
    const ia = { number: 'PCT/XX2024/000001', filingDate: '2024-08-31' };
    const enter = (today: string) => decide(modelLaw, PT, 'enter-national-phase', { case: draft(), payload: { ...PAYLOAD, internationalApplication: ia }, today: d(today) }, new Set(['party']));
    assert.equal(enter('2027-03-01').stateAfter, 'formalities');
    assert.throws(() => enter('2027-03-02'), (e: any) => e.code === 'NATIONAL_PHASE_PERIOD_EXPIRED');
  });

  it('31 months from 31 Aug 2024 end on Wed 31 Mar 2027 (March has a 31st); 30 months from Mon 30 Sep 2024 end on Tue 30 Mar 2027', () => {
    assert.deepEqual(end('2024-08-31', { months: 31 }), ['2027-03-31', '2027-03-31']);
    assert.deepEqual(end('2024-09-30', { months: 30 }), ['2027-03-30', '2027-03-30']);
  });

  it('30 months from Thu 26 Sep 2024 end on Fri 26 Mar 2027, Good Friday in the model-law calendar; Saturday, Sunday and Easter Monday follow, so the period ends Tue 30 Mar 2027', () => {
    assert.deepEqual(end('2024-09-26', { months: 30 }), ['2027-03-26', '2027-03-30']);
  });

  it('one month from 31 Jan ends on the last day of February: Sat 28 Feb 2026 (extended to Mon 2 Mar), Tue 29 Feb 2028 in a leap year; one year from Thu 29 Feb 2024 ends Fri 28 Feb 2025 (r. 80.3)', () => {
    assert.deepEqual(end('2026-01-31', { months: 1 }), ['2026-02-28', '2026-03-02']);
    assert.deepEqual(end('2028-01-31', { months: 1 }), ['2028-02-29', '2028-02-29']);
    assert.deepEqual(end('2024-02-29', { years: 1 }), ['2025-02-28', '2025-02-28']);
  });

  it('12 months from Wed 25 Dec 2024 end on Thu 25 Dec 2025, a holiday, as is Fri 26 Dec, then a weekend: the priority year ends Mon 29 Dec 2025, and a filing that day claims the priority', () => {
    assert.deepEqual(end('2024-12-25', { months: 12 }), ['2025-12-25', '2025-12-29']);
    const file = (today: string) => decide(modelLaw, PT, 'file', { case: draft(), payload: { ...PAYLOAD, priorityClaims: [{ office: 'DE', number: '1', date: '2024-12-25' }] }, today: d(today) }, new Set(['party']));
    assert.equal(file('2025-12-29').stateAfter, 'formalities');
    assert.throws(() => file('2025-12-30'), (e: any) => e.code === 'PRIORITY_PERIOD_EXPIRED');
  });

  it('18 months from 31 Aug 2024 (publication, which no closed day moves) end on the last day of February 2026, Sat 28 Feb 2026', () => {
    assert.deepEqual(end('2024-08-31', PT.periods.publication), ['2026-02-28', '2026-02-28']);
  });
});
