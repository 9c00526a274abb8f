// Saving drafts. A draft is unfinished by nature: its payload is not checked against the filing schema
// (the filing is, on submission), only limited in size; its text is checked like every body (app/http.ts).
import { randomUUID } from 'node:crypto';
import { procedureInForce } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import * as repo from '../drafts.repository.ts';
import type { DraftsDeps } from '../deps.ts';
import { presentDraft } from '../presenter.ts';

/** The largest draft payload, as JSON text: far above any real filing, far below the request limit. */
export const DRAFT_MAX_BYTES = 256 * 1024;

export function ownerOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in to keep drafts', 401);
  return actor.id;
}

export const draftNotFound = (id: string) => new DomainError('DRAFT_NOT_FOUND', `Draft ${id} not found`, 404);

function procedureFor(deps: DraftsDeps, right: string) {
  const procedure = procedureInForce(deps.defaultFramework, right, deps.clock.today());
  if (!procedure) throw invalid('UNKNOWN_RIGHT', `No procedure for '${right}' in framework '${deps.defaultFramework}'`, { right, framework: deps.defaultFramework });
  return procedure;
}

function checkSize(payload: Record<string, any>) {
  const size = Buffer.byteLength(JSON.stringify(payload));
  if (size > DRAFT_MAX_BYTES) throw new DomainError('DRAFT_TOO_LARGE', `A draft may hold at most ${DRAFT_MAX_BYTES / 1024} KB`, 413, { limit: DRAFT_MAX_BYTES, size });
}

/** The title lists show: the one given, else what the procedure calls such a case (the mark, the invention's title), if the draft says it yet. */
function titleOf(procedure: ReturnType<typeof procedureFor>, payload: Record<string, any>, given: string | undefined): string | null {
  if (given !== undefined) return given.trim() || null;
  try {
    const t = procedure.caseTitle?.(payload);
    return typeof t === 'string' && t.trim() ? t.trim().slice(0, 300) : null;
  } catch { return null; } // an unfinished payload the rule cannot read yet: no title
}

export async function createDraft(deps: DraftsDeps, actor: Actor, input: { right: string; payload: Record<string, any>; title?: string }) {
  const owner = ownerOf(actor);
  const procedure = procedureFor(deps, input.right);
  checkSize(input.payload);
  return presentDraft(await repo.insertDraft(deps.db, { id: randomUUID(), ownerId: owner, right: procedure.right, title: titleOf(procedure, input.payload, input.title), payload: input.payload }));
}

export async function updateDraft(deps: DraftsDeps, actor: Actor, id: string, input: { payload: Record<string, any>; title?: string }) {
  const owner = ownerOf(actor);
  const draft = await repo.draftOf(deps.db, id, owner);
  if (!draft) throw draftNotFound(id);
  if (draft.submitted_case_id) throw submitted(draft);
  checkSize(input.payload);
  const title = titleOf(procedureFor(deps, draft.right_kind), input.payload, input.title);
  // A title derived from the payload replaces the old one; without one the old title stays.
  if (!(await repo.updateDraft(deps.db, id, owner, input.payload, title))) {
    const now = await repo.draftOf(deps.db, id, owner);
    throw now ? submitted(now) : draftNotFound(id);
  }
  return presentDraft((await repo.draftOf(deps.db, id, owner))!);
}

const submitted = (d: repo.DraftRow) =>
  new DomainError('DRAFT_SUBMITTED', `This draft was filed as ${d.submitted_number}; it can no longer be changed`, 409, { caseNumber: d.submitted_number });

export async function deleteDraft(deps: DraftsDeps, actor: Actor, id: string) {
  if (!(await repo.deleteDraft(deps.db, id, ownerOf(actor)))) throw draftNotFound(id);
}
