// Similar-mark search (and, with it, watches on marks): the public surface of the module.
export { SearchService, type SearchOptions } from './search-service.ts';
export { searchTrademarks, type TrademarkSearch, type TrademarkHit } from './use-cases/search-trademarks.ts';
export { prepareMark, compareMarks, type PreparedMark, type Why } from './similarity/compare.ts';
export { SCRIPTS, type Script } from './similarity/scripts.ts';
export { createWatch, listWatches, readWatch, endWatch, watchJob, type NewWatch } from './use-cases/watches.ts';
