// Sharing a draft read-only by link. The token is shown once and stored only as its SHA-256, so the
// database holds no usable link; sharing again makes a new link and ends the old one.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../kernel/actor.ts';
import { sha256 } from '../../../kernel/hash.ts';
import * as repo from '../drafts.repository.ts';
import type { DraftsDeps } from '../deps.ts';
import { draftNotFound, ownerOf } from './save-draft.ts';

export async function shareDraft(deps: DraftsDeps, actor: Actor, id: string) {
  const token = randomBytes(24).toString('base64url');
  if (!(await repo.setShareToken(deps.db, id, ownerOf(actor), sha256(token)))) throw draftNotFound(id);
  return { token, path: `/shared/drafts/${token}` };
}

export async function unshareDraft(deps: DraftsDeps, actor: Actor, id: string) {
  if (!(await repo.setShareToken(deps.db, id, ownerOf(actor), null))) throw draftNotFound(id);
}
