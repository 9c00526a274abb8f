// Keeping the text index of patents and utility models current: the procedure engine calls
// indexPatentText with the case's data before and after each act, in the act's own transaction, so an
// application is findable the moment its filing commits and a search never shows claims that an
// amendment has replaced. The description is an uploaded document: its text is what OCR read from it,
// taken when the act is recorded if it has been read already, and otherwise when the worker has read it
// (indexDescriptionText, called by the OCR task in the transaction that records the text).
import type { Queryable } from '../../../platform/db/db.ts';
import * as repo from '../prior-art.repository.ts';

/** The rights whose applications are searched as prior art. */
export const SEARCHED_RIGHTS = ['patent', 'utility-model'] as const;

/** The claims as one text, a blank line between claims (migration 018 joins them the same way). */
export const joinClaims = (claims: unknown): string | null =>
  (Array.isArray(claims) && claims.length ? claims.map(String).join('\n\n') : null);

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** What the index holds of a case's data. */
function textsOf(data: Record<string, any>) {
  return {
    title: str(data.title),
    abstract: str(data.abstract),
    claims: joinClaims(data.claims),
    ipc: Array.isArray(data.ipc) ? data.ipc.filter((s: unknown): s is string => typeof s === 'string') : [],
    descriptionSha256: str(data.description?.sha256),
  };
}

/**
 * Updates the text row of a patent or utility-model application after an act, in the act's transaction
 * (other rights: nothing). `data`: the case's data after the act; `previous`: before it (empty for a
 * case the act creates). An act that changes none of the texts writes nothing.
 */
export async function indexPatentText(
  q: Queryable, c: { caseId: string; right: string; data: Record<string, any>; previous: Record<string, any> },
): Promise<void> {
  if (!(SEARCHED_RIGHTS as readonly string[]).includes(c.right)) return;
  const now = textsOf(c.data ?? {});
  const before = textsOf(c.previous ?? {});
  if (JSON.stringify(now) === JSON.stringify(before) && await repo.hasPatentText(q, c.caseId)) return;
  await repo.upsertPatentText(q, { caseId: c.caseId, ...now });
}

/** The text OCR has just read from a document, into the applications it is the description of. */
export async function indexDescriptionText(q: Queryable, sha256: string): Promise<number> {
  return repo.updateDescriptions(q, sha256);
}
