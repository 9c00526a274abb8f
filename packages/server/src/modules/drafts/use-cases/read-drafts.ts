// Reading drafts: the owner's own, and a shared one by its link (no sign-in; the token is the key).
import type { Actor } from '../../../kernel/actor.ts';
import { sha256 } from '../../../kernel/hash.ts';
import * as repo from '../drafts.repository.ts';
import type { DraftsDeps } from '../deps.ts';
import { draftSummary, presentDraft } from '../presenter.ts';
import { draftNotFound, ownerOf } from './save-draft.ts';

export async function listDrafts(deps: DraftsDeps, actor: Actor) {
  return { items: (await repo.draftsOf(deps.db, ownerOf(actor), 500)).map(draftSummary) };
}

export async function readDraft(deps: DraftsDeps, actor: Actor, id: string) {
  const d = await repo.draftOf(deps.db, id, ownerOf(actor));
  if (!d) throw draftNotFound(id);
  return presentDraft(d);
}

/** A shared draft as its link shows it: read-only, without the owner's bookkeeping. */
export async function readSharedDraft(deps: DraftsDeps, token: string) {
  const d = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await repo.draftByShareToken(deps.db, sha256(token)) : undefined;
  if (!d) throw draftNotFound('link');
  return { right: d.right_kind, title: d.title, payload: d.payload, updatedAt: d.updated_at, sharedBy: d.owner_name, submitted: d.submitted_case_id !== null };
}
