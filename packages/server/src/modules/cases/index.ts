export type { AccountPayments, CasesDeps, PreparedDebit } from './deps.ts';
export { fileApplication } from './use-cases/file-application.ts';
export { performAct } from './use-cases/perform-act.ts';
export { readCase, listActs, loadVisibleCase, documentFor, publicData, publicDocumentKinds } from './use-cases/read-case.ts';
export { listCases, worklist, worklistStates, assignCase } from './use-cases/list-cases.ts';
export { bulkAct, BULK_MAX_CASES, type BulkResult } from './use-cases/bulk-act.ts';
export type { Viewer } from './cases.policy.ts';
export { isOffice } from './cases.policy.ts';
export { checkTerms, niceData } from './reference-data.ts';
