// Prior-art search over patents and utility models: the text of each application kept in a derived
// table (patent_texts) by the acts that change it and by OCR of its description, searched in full text
// with phrases, boolean operators and IPC filters, ranked by the field the words are found in.
export { indexPatentText, indexDescriptionText, joinClaims, SEARCHED_RIGHTS } from './use-cases/index-patent-text.ts';
export { searchPatents, SEARCH_LIMIT_MAX, SEARCH_OFFSET_MAX, type PatentHit, type PatentSearch, type PriorArtDeps } from './use-cases/search-patents.ts';
export type { PriorArtReranker, RerankCandidate } from './rerank.ts';
export { parseQuery, composeQuery, MAX_QUERY_LENGTH } from './query.ts';
export { ipcPrefix } from './ipc.ts';
