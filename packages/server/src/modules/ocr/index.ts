// OCR of scanned documents: incoming PDFs and images read by the worker (platform/ocr: the engine and
// the page images), the text kept beside the bytes with its confidence, searchable by the office.
export { OcrReader, MAX_ATTEMPTS, MAX_PAGES, RETRY_AFTER_SECONDS, type OcrDeps, type OcrPass } from './use-cases/read-pending.ts';
export { documentText, type DocumentText, type TextStatus } from './use-cases/document-text.ts';
export { searchTexts, SEARCH_MAX } from './use-cases/search-texts.ts';
