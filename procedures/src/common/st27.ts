// WIPO ST.27 legal-status events (patents and utility models): a key event category (A10 "Application
// filed", F10 "IP right granted" ...) and, where one fits, the detailed event in that category (A12, F11 ...).
// The values are those of the ST.96 KeyEventCode and DetailedEventCode lists in reference/st96/.
import type { StatusEvent } from './types.ts';

export function st27(category: string, detailedCode?: string): StatusEvent {
  if (detailedCode !== undefined && detailedCode[0] !== category[0]) {
    throw new Error(`ST.27 detailed event ${detailedCode} does not belong to key event category ${category}`);
  }
  return { standard: 'ST.27', category, ...(detailedCode ? { detailedCode } : {}) };
}
