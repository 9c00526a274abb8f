// Response shapes of drafts.
import type { DraftRow } from './drafts.repository.ts';

export const draftSummary = (d: DraftRow) => ({
  id: d.id,
  right: d.right_kind,
  title: d.title,
  updatedAt: d.updated_at,
  shared: d.share_token_hash !== null,
  submittedCase: d.submitted_case_id ? { id: d.submitted_case_id, number: d.submitted_number } : null,
});

export const presentDraft = (d: DraftRow) => ({
  ...draftSummary(d),
  payload: d.payload,
  revision: d.revision,
  createdAt: d.created_at,
  submittedAt: d.submitted_at,
});
