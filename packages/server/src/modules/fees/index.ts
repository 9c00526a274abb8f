// Fee quotes for the filing portal, from the same rules the engine charges by.
export type { FeesDeps } from './deps.ts';
export { quoteFees, type QuoteInput } from './use-cases/quote-fees.ts';
