// Submitting a draft files it exactly as POST /cases does, under an Idempotency-Key derived from the
// draft: submitting again (a double click, a retry after a lost answer) returns the first receipt and
// files nothing more. The draft is marked submitted in the filing's own transaction.
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import type { PaymentInput } from '../../../procedure-engine/engine.ts';
import { fileApplication } from '../../cases/index.ts';
import * as repo from '../drafts.repository.ts';
import type { DraftsDeps } from '../deps.ts';
import { draftNotFound, ownerOf } from './save-draft.ts';

export const draftIdempotencyKey = (draftId: string) => `draft:${draftId}`;

export async function submitDraft(deps: DraftsDeps, actor: Actor, id: string, payment?: PaymentInput) {
  const owner = ownerOf(actor);
  const draft = await repo.draftOf(deps.db, id, owner);
  if (!draft) throw draftNotFound(id);
  return fileApplication(deps, actor, {
    right: draft.right_kind, payload: draft.payload, payment, idempotencyKey: draftIdempotencyKey(id),
    onFiled: async (q, filed) => {
      if (!(await repo.markSubmitted(q, id, owner, draft.revision, filed.caseId))) {
        throw new DomainError('DRAFT_CHANGED', 'The draft was changed or removed while it was being submitted; nothing was filed, submit it again', 409);
      }
    },
  });
}
