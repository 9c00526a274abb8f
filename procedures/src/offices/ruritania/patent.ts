// Ruritania's patent procedure: the model-law patent procedure under the Ruritania Patents Act (RPA).
// What differs: annuities are paid from the 3rd year, national-phase entry is allowed up to 31 months
// from the priority date, a higher surcharge for annuities paid in the grace period, its own fees, and
// its own citations.
import { parseLegalDate as d } from '../../common/calendar.ts';
import type { PeriodSpec } from '../../common/calendar.ts';
import { extendProcedure } from '../../common/extend.ts';
import type { FeeScheduleVersion } from '../../common/types.ts';
import { ordinal, PATENT_PERIODS, PATENT_TERM_YEARS, patentProcedure } from '../../model-law/patent/procedure.ts';

/** RPA s. 40(1): annuities are paid for the 3rd and every later year. */
export const RPA_ANNUITIES_FROM = 3;

/** Where the Ruritania Patents Act says what the model law says in its own words. */
const RPA: Record<string, string> = {
  file: 'RPA s. 14, s. 15 (date of filing), s. 16 (priority)', 'complete-filing': 'RPA s. 15(2)',
  'filing-date-not-accorded': 'RPA s. 15(3)', 'enter-national-phase': 'RPA s. 60; PCT art. 22, 39',
  'file-divisional': 'RPA s. 24', 'convert-to-utility-model': 'RPA s. 25',
  'grant-priority-restoration': 'RPA s. 16(3)', 'refuse-priority-restoration': 'RPA s. 16(3)', 'file-claims': 'RPA s. 15(4)',
  'accept-formalities': 'RPA s. 18', 'notify-formal-deficiency': 'RPA s. 18(2)', 'remedy-deficiency': 'RPA s. 18(2)',
  'deem-withdrawn': 'RPA s. 15(4), s. 18(3), s. 19(3), s. 21(3), s. 26(1)', 'request-examination': 'RPA s. 19',
  'issue-search-report': 'RPA s. 20', 'issue-office-action': 'RPA s. 21(2)', 'respond-to-office-action': 'RPA s. 21(2), s. 22',
  'amend-claims': 'RPA s. 22', 'request-early-publication': 'RPA s. 23(2)', 'publish-application': 'RPA s. 23',
  'decide-grant': 'RPA s. 26(1)', 'pay-grant-fee': 'RPA s. 26(1)', grant: 'RPA s. 26(2), s. 27', refuse: 'RPA s. 21(4)',
  withdraw: 'RPA s. 17', 'pay-annuity': 'RPA s. 40', 'annuity-not-paid': 'RPA s. 41(1)',
  'request-restoration': 'RPA s. 42(1)', 'grant-restoration': 'RPA s. 42(3)', 'refuse-restoration': 'RPA s. 42(3)',
  'restoration-period-ended': 'RPA s. 42(1)', expire: 'RPA s. 27', surrender: 'RPA s. 45', 'pay-fees': 'RPA Fees Regulations',
};

const RPA_PERIODS: Record<string, string> = {
  completeFiling: 'RPA s. 15(2)', claims: 'RPA s. 15(4)', priority: 'RPA s. 16(1); Paris Convention art. 4C',
  priorityRestoration: 'RPA s. 16(3)', remedyDeficiency: 'RPA s. 18(2)', examinationRequest: 'RPA s. 19(1)',
  examinationRequestDerived: 'RPA s. 19(2)', officeActionResponse: 'RPA s. 21(2)', publication: 'RPA s. 23(1)', earlyPublication: 'RPA s. 23(2)',
  grantFee: 'RPA s. 26(1)', term: 'RPA s. 27', annuityDue: 'RPA s. 40(2)', annuityWindow: 'RPA s. 40(3)',
  annuityGrace: 'RPA s. 40(4)', restoration: 'RPA s. 42(1)', nationalPhaseEntry: 'RPA s. 60(1); PCT art. 22(3), 39(1)(b)',
};

// Every period keeps the model law's length, cited to the Act, except national-phase entry: 31 months
// (PCT art. 22(3)). The entry guard reads it from here like the time limits do.
const periods: Record<string, PeriodSpec> = {
  ...Object.fromEntries(Object.entries(PATENT_PERIODS).map(([k, p]) => [k, { ...p, citation: RPA_PERIODS[k] }])),
  nationalPhaseEntry: { months: 31, citation: RPA_PERIODS.nationalPhaseEntry },
};

const years = Array.from({ length: PATENT_TERM_YEARS - RPA_ANNUITIES_FROM + 1 }, (_, i) => RPA_ANNUITIES_FROM + i);

const fees: FeeScheduleVersion = {
  effectiveFrom: d('2000-01-01'),
  currency: 'EUR',
  items: {
    filing: { title: 'Filing fee (including 10 claims)', amount: 120_00 },
    'national-fee': { title: 'National fee for entry into the national phase (including 10 claims)', amount: 120_00 },
    claims: { title: 'Claims fee for each claim beyond 10', amount: 20_00 },
    'priority-restoration': { title: 'Fee for a request to restore a right of priority', amount: 200_00 },
    search: { title: 'Search fee', amount: 450_00 },
    examination: { title: 'Examination fee', amount: 500_00 },
    grant: { title: 'Grant and publication fee', amount: 300_00 },
    // 60 EUR for the 3rd year, 40 EUR more for each later year (740 EUR for the 20th).
    ...Object.fromEntries(years.map((y) => [`annuity-${y}`, { title: `Annuity for the ${ordinal(y)} year`, amount: (60 + 40 * (y - RPA_ANNUITIES_FROM)) * 100 }])),
    'annuity-surcharge': { title: 'Surcharge for an annuity paid in the grace period', amount: 150_00 },
    restoration: { title: 'Fee for a request for restoration of a lapsed patent', amount: 400_00 },
  },
};

export const ruritaniaPatent = extendProcedure(patentProcedure({ annuitiesFrom: RPA_ANNUITIES_FROM }), {
  framework: 'ruritania',
  version: '2026.1',
  effectiveFrom: d('2000-01-01'),
  title: 'Patent (Ruritania Patents Act)',
  numberPrefix: 'RP',
  periods,
  fees: [fees],
  acts: Object.fromEntries(Object.entries(RPA).map(([act, legalBasis]) => [act, { legalBasis }])),
});
