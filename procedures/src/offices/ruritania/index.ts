// Ruritania: a demonstration national framework. It extends the model law and overrides only what its
// law says differently: a 2-month opposition period, a 3-month renewal grace with a higher surcharge,
// its own fees and holidays. Its 2027 amendment lengthens the opposition period again; cases filed
// before it keep the version they were filed under.
import { parseLegalDate as d } from '../../common/calendar.ts';
import { extendProcedure } from '../../common/extend.ts';
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

const trademark2026 = extendProcedure(trademarkModelLaw, {
  framework: 'ruritania',
  version: '2026.1',
  effectiveFrom: d('2000-01-01'),
  title: 'Trademark (Ruritania Trade Marks Act)',
  numberPrefix: 'RT',
  periods: {
    opposition: { months: 2, citation: 'RTMA s. 21(1)' },
    renewalGrace: { months: 3, citation: 'RTMA s. 34(3)' },
  },
  fees: [fees2026],
  acts: {
    'file-opposition': { legalBasis: 'RTMA s. 21' },
    renew: { legalBasis: 'RTMA s. 34' },
  },
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
  title: 'Ruritania Trade Marks Act',
  office: { code: 'XX', name: 'Ruritanian Intellectual Property Office', timeZone: 'Europe/Vienna', currency: 'EUR', languages: ['en', 'fr'] },
  calendars: [
    { id: 'ruritania', version: '2026-1', effectiveFrom: d('2000-01-01'), weekendDays: [0, 6], holidays: ['2026-01-01', '2026-05-01', '2026-12-24', '2026-12-25', '2026-12-31'].map(d) },
    { id: 'ruritania', version: '2027-1', effectiveFrom: d('2027-01-01'), weekendDays: [0, 6], holidays: ['2027-01-01', '2027-05-01', '2027-06-15', '2027-12-24', '2027-12-31'].map(d) },
  ],
  procedures: [trademark2026, trademark2027, opposition],
};
