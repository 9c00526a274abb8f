// Legal-status events of industrial designs (WIPO ST.87). The values are those of the ST.96 V6_0 code
// lists shipped in reference/st96/DesignEventCategory.csv and DesignCurrentStatusCategory.csv.
import type { StatusEvent } from './types.ts';

/** ST.96 DesignEventCategory: the only events ST.87 names; any other status change is 'Undefined'. */
export type DesignEventCategory = 'Withdrawn' | 'Registered' | 'Expired' | 'Undefined';

/** ST.96 DesignCurrentStatusCategory. */
export type DesignStatusCategory = 'Filed' | 'Withdrawn' | 'Rejected' | 'Registered' | 'Cancelled' | 'Expired' | 'Undefined';

export function st87(category: DesignEventCategory, statusCategory?: DesignStatusCategory): StatusEvent {
  return { standard: 'ST.87', category, ...(statusCategory ? { statusCategory } : {}) };
}
