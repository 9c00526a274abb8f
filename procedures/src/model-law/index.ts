// The model-law framework: the reference law Registrum ships; an office starts from it.
import { parseLegalDate as d } from '../common/calendar.ts';
import { withOutageActsForAll } from '../common/outage.ts';
import { recordalModelLaw, withRecordalsForAll } from '../common/recordals.ts';
import { withTakeOverForAll } from '../common/takeover.ts';
import type { Framework } from '../common/types.ts';
import { designModelLaw } from './design/procedure.ts';
import { giModelLaw } from './gi/procedure.ts';
import { patentModelLaw } from './patent/procedure.ts';
import { oppositionModelLaw } from './trademark/opposition.ts';
import { trademarkModelLaw } from './trademark/procedure.ts';
import { utilityModelModelLaw } from './utility-model/procedure.ts';

export const modelLaw: Framework = {
  id: 'model-law',
  title: 'Registrum model law',
  office: {
    code: 'XX', name: 'Registrum Model Office', timeZone: 'UTC', currency: 'EUR',
    languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
  },
  // The register names the parties with their name and country; their addresses and e-mails stay in the file (ML r. 90(1)).
  privacy: { publishAddressesOf: [], erasure: { legalBasis: 'ML r. 90(2)', retention: { years: 5, citation: 'ML r. 90(3)' } } },
  calendars: [{
    id: 'model-law', version: '2026-1', effectiveFrom: d('2000-01-01'), weekendDays: [0, 6],
    holidays: [
      '2025-12-25', '2025-12-26', '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25',
      '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-12-27', '2028-01-03',
    ].map(d),
  }],
  // Every right takes recordals (transfer, licence, change of name ...) the same way: see common/recordals.ts;
  // and records taken over from a previous register: see common/takeover.ts; and the extension of time
  // limits when the office was unavailable: see common/outage.ts.
  procedures: withOutageActsForAll(withTakeOverForAll(withRecordalsForAll([trademarkModelLaw, oppositionModelLaw, designModelLaw, giModelLaw, patentModelLaw, utilityModelModelLaw], recordalModelLaw))),
};
