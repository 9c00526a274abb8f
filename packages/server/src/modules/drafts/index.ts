// Drafts: unfinished filings a user saves, resumes, shares read-only by link and finally submits.
export type { DraftsDeps } from './deps.ts';
export { createDraft, deleteDraft, updateDraft, DRAFT_MAX_BYTES } from './use-cases/save-draft.ts';
export { listDrafts, readDraft, readSharedDraft } from './use-cases/read-drafts.ts';
export { shareDraft, unshareDraft } from './use-cases/share-draft.ts';
export { submitDraft, draftIdempotencyKey } from './use-cases/submit-draft.ts';
