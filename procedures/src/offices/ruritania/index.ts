// Ruritania: a demonstration national framework. It extends the model law and overrides only what its
// law says differently: a 2-month opposition period, a 3-month renewal grace with a higher surcharge,
// its own fees and holidays. Its 2027 amendment lengthens the opposition period again; cases filed
// before it keep the version they were filed under.
import { parseLegalDate as d } from '../../common/calendar.ts';
import { extendProcedure } from '../../common/extend.ts';
import { withOutageActsForAll } from '../../common/outage.ts';
import { recordalFor, withRecordalsForAll } from '../../common/recordals.ts';
import { withTakeOverForAll } from '../../common/takeover.ts';
import { ruritaniaPatent } from './patent.ts';
import type { Framework } from '../../common/types.ts';
import { oppositionModelLaw } from '../../model-law/trademark/opposition.ts';
import { trademarkModelLaw } from '../../model-law/trademark/procedure.ts';

const fees2026 = {
  effectiveFrom: d('2000-01-01'),
  currency: 'EUR',
  items: {
    application: { title: 'Application fee (one class)', amount: 180_00 },
    class: { title: 'Fee for each class beyond the first', amount: 40_00 },
    renewal: { title: 'Renewal fee (one class)', amount: 220_00 },
    'renewal-class': { title: 'Renewal fee for each class beyond the first', amount: 40_00 },
    'renewal-surcharge': { title: 'Surcharge for renewal in the grace period', amount: 110_00 },
    opposition: { title: 'Opposition fee', amount: 200_00 },
  },
};

/** Where the Ruritania Trade Marks Act says what the model law says in its own words. */
const RTMA: Record<string, string> = {
  file: 'RTMA s. 8, s. 10 (date of filing)', 'complete-filing': 'RTMA s. 10(2)', 'filing-date-not-accorded': 'RTMA s. 10(3)',
  'accept-formalities': 'RTMA s. 12', 'notify-formal-deficiency': 'RTMA s. 12(2)', 'remedy-deficiency': 'RTMA s. 12(2)',
  'deem-withdrawn': 'RTMA s. 12(3)', 'approve-classification': 'RTMA s. 13', 'object-classification': 'RTMA s. 13(2)',
  'amend-classification': 'RTMA s. 13(2)', accept: 'RTMA s. 15', 'refuse-provisionally': 'RTMA s. 15(2)',
  'respond-to-refusal': 'RTMA s. 15(3)', refuse: 'RTMA s. 15(4)', 'refuse-for-no-response': 'RTMA s. 15(4)', publish: 'RTMA s. 18',
  'file-opposition': 'RTMA s. 21', 'close-opposition-period': 'RTMA s. 21(1)', 'opposition-upheld': 'RTMA s. 23',
  'opposition-ended': 'RTMA s. 23', register: 'RTMA s. 25', renew: 'RTMA s. 34', lapse: 'RTMA s. 34(4)',
  withdraw: 'RTMA s. 17', surrender: 'RTMA s. 38', 'pay-fees': 'RTMA Fees Regulations',
  // Madrid Protocol designations (RTMA Part 6)
  'receive-designation': 'RTMA s. 60; Madrid Protocol art. 3bis', 'grant-protection': 'RTMA s. 62(1); Common Regulations r. 18ter(1)',
  'notify-provisional-refusal': 'RTMA s. 61; Madrid Protocol art. 5(1), (2)(a)', 'respond-to-designation-refusal': 'RTMA s. 61(3)',
  'withdraw-provisional-refusal': 'RTMA s. 62(2); Common Regulations r. 18ter(2)(i)', 'confirm-refusal': 'RTMA s. 62(3); Common Regulations r. 18ter(3)',
  'confirm-refusal-for-no-response': 'RTMA s. 62(3)', 'protection-by-lapse-of-refusal-period': 'RTMA s. 62(4); Madrid Protocol art. 4(1)',
  'record-ceasing-of-effect': 'RTMA s. 63; Madrid Protocol art. 6(4)',
};

const trademark2026 = extendProcedure(trademarkModelLaw, {
  framework: 'ruritania',
  version: '2026.1',
  effectiveFrom: d('2000-01-01'),
  title: 'Trademark (Ruritania Trade Marks Act)',
  numberPrefix: 'RT',
  periods: {
    opposition: { months: 2, citation: 'RTMA s. 21(1)' },
    renewalGrace: { months: 3, citation: 'RTMA s. 34(3)' },
    madridRefusal: { months: 12, citation: 'RTMA s. 60; Madrid Protocol art. 5(2)(a)' },
  },
  fees: [fees2026],
  acts: Object.fromEntries(Object.entries(RTMA).map(([act, legalBasis]) => [act, { legalBasis }])),
});

const trademark2027 = extendProcedure(trademark2026, {
  framework: 'ruritania',
  version: '2027.1',
  effectiveFrom: d('2027-01-01'),
  periods: { opposition: { months: 3, citation: 'RTMA s. 21(1) as amended 2026' } },
  fees: [fees2026, { ...fees2026, effectiveFrom: d('2027-01-01'), items: { ...fees2026.items, application: { title: 'Application fee (one class)', amount: 200_00 } } }],
});

const opposition = extendProcedure(oppositionModelLaw, {
  framework: 'ruritania', version: '2026.1', effectiveFrom: d('2000-01-01'), numberPrefix: 'RO',
  fees: [{ effectiveFrom: d('2000-01-01'), currency: 'EUR', items: { opposition: fees2026.items.opposition } }],
});

export const ruritania: Framework = {
  id: 'ruritania',
  title: 'Ruritania Trade Marks Act and Patents Act',
  office: { code: 'XX', name: 'Ruritanian Intellectual Property Office', timeZone: 'Europe/Vienna', currency: 'EUR', languages: ['en', 'fr'] },
  // The registers publish the address of companies and of representatives, not of private individuals
  // (RTMA s. 96(1); RPA s. 126(1)): a natural person is named with the country only.
  privacy: {
    publishAddressesOf: ['legal-persons', 'representatives'],
    erasure: { legalBasis: 'RTMA s. 96(2)', byRight: { patent: 'RPA s. 126(2)' }, retention: { years: 3, citation: 'RTMA s. 96(3); RPA s. 126(3)' } },
  },
  calendars: [
    { id: 'ruritania', version: '2026-1', effectiveFrom: d('2000-01-01'), weekendDays: [0, 6], holidays: ['2026-01-01', '2026-05-01', '2026-12-24', '2026-12-25', '2026-12-31'].map(d) },
    { id: 'ruritania', version: '2027-1', effectiveFrom: d('2027-01-01'), weekendDays: [0, 6], holidays: ['2027-01-01', '2027-05-01', '2027-06-15', '2027-12-24', '2027-12-31'].map(d) },
  ],
  procedures: withOutageActsForAll(withTakeOverForAll(withRecordalsForAll([trademark2026, trademark2027, opposition, ruritaniaPatent], recordalFor('ruritania', [{
    effectiveFrom: d('2000-01-01'), currency: 'EUR', items: { recordal: { title: 'Fee for a request for recordal', amount: 60_00 } },
  }], { file: 'RTMA s. 40; RPA s. 70', record: 'RTMA s. 41; RPA s. 71', refuse: 'RTMA s. 41(2); RPA s. 71(2)' }), {
    trademark: { 'request-recordal': 'RTMA s. 40', 'enter-recordal': 'RTMA s. 41(3)', 'recordal-not-entered': 'RTMA s. 41(2)', 'divide-out': 'RTMA s. 42' },
    patent: { 'request-recordal': 'RPA s. 70', 'enter-recordal': 'RPA s. 71(3)', 'recordal-not-entered': 'RPA s. 71(2)' },
  }), {
    // Records of the registers kept before the Acts came into force.
    trademark: { 'take-over': 'RTMA s. 90 (transitional provisions)', 'take-over-update': 'RTMA s. 90 (transitional provisions)' },
    patent: { 'take-over': 'RPA s. 120 (transitional provisions)', 'take-over-update': 'RPA s. 120 (transitional provisions)' },
  }), {
    // Interruptions of the office's electronic services (the same rule in both Acts).
    extend: 'RTMA s. 95(1), (2)', reinstate: 'RTMA s. 95(3)',
  }, { patent: { extend: 'RPA s. 125(1), (2)', reinstate: 'RPA s. 125(3)' } }),
};
