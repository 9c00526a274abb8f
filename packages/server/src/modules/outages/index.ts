// Interruptions of the office's electronic services (ML r. 80, 81): declared periods of unavailability,
// published and chained; the extension of the time limits of parties ending in them (and the
// reinstatement of any the expiry sweep acted on meanwhile), a case per transaction; and filings
// received through a fallback channel, entered by staff with their date of receipt.
export type { OutagesDeps } from './deps.ts';
export { declareOutage, MAX_OUTAGE_DAYS, OUTAGE_CHANNELS, type DeclareOutageInput } from './use-cases/declare-outage.ts';
export { completePendingExtensions, extendForOutage, type ExtensionOptions, type ExtensionReport } from './use-cases/extend-time-limits.ts';
export { enterFallbackFiling, FALLBACK_CHANNELS, type FallbackFilingInput } from './use-cases/fallback-filing.ts';
export { outageDetail, outageFilings, outagesList } from './use-cases/read-outages.ts';
export { parseOfficeDateTime } from './time.ts';
