// SQL of drafts. Every query of a user's drafts names the owner: another user's draft does not exist.
import type { Queryable } from '../../platform/db/db.ts';

export interface DraftRow {
  id: string; owner_id: string; right_kind: string; title: string | null; payload: Record<string, any>; revision: number;
  share_token_hash: string | null; shared_at: Date | null; submitted_case_id: string | null; submitted_at: Date | null;
  created_at: Date; updated_at: Date; submitted_number: string | null;
}

const SELECT = 'SELECT d.*, c.number AS submitted_number FROM drafts d LEFT JOIN cases c ON c.id = d.submitted_case_id';

export async function insertDraft(q: Queryable, d: { id: string; ownerId: string; right: string; title: string | null; payload: Record<string, any> }): Promise<DraftRow> {
  await q.query('INSERT INTO drafts (id, owner_id, right_kind, title, payload) VALUES ($1, $2, $3, $4, $5)',
    [d.id, d.ownerId, d.right, d.title, JSON.stringify(d.payload)]);
  return (await draftOf(q, d.id, d.ownerId))!;
}

export async function draftOf(q: Queryable, id: string, ownerId: string): Promise<DraftRow | undefined> {
  return (await q.query<DraftRow>(`${SELECT} WHERE d.id = $1 AND d.owner_id = $2`, [id, ownerId])).rows[0];
}

export async function draftsOf(q: Queryable, ownerId: string, limit: number): Promise<DraftRow[]> {
  return (await q.query<DraftRow>(`${SELECT} WHERE d.owner_id = $1 ORDER BY d.updated_at DESC, d.id LIMIT $2`, [ownerId, limit])).rows;
}

/** Saves a new revision of a draft not yet submitted; false when there is none such. */
export async function updateDraft(q: Queryable, id: string, ownerId: string, payload: Record<string, any>, title: string | null): Promise<boolean> {
  const { rows } = await q.query(
    `UPDATE drafts SET payload = $3, title = coalesce($4, title), revision = revision + 1, updated_at = now()
      WHERE id = $1 AND owner_id = $2 AND submitted_case_id IS NULL RETURNING id`, [id, ownerId, JSON.stringify(payload), title]);
  return rows.length === 1;
}

export async function deleteDraft(q: Queryable, id: string, ownerId: string): Promise<boolean> {
  return (await q.query('DELETE FROM drafts WHERE id = $1 AND owner_id = $2 RETURNING id', [id, ownerId])).rows.length === 1;
}

/** Sets (a new link replaces the old one) or clears the hash of the draft's share token. */
export async function setShareToken(q: Queryable, id: string, ownerId: string, tokenHash: string | null): Promise<boolean> {
  const { rows } = await q.query(
    'UPDATE drafts SET share_token_hash = $3, shared_at = CASE WHEN $3::text IS NULL THEN NULL ELSE now() END WHERE id = $1 AND owner_id = $2 RETURNING id',
    [id, ownerId, tokenHash]);
  return rows.length === 1;
}

export async function draftByShareToken(q: Queryable, tokenHash: string): Promise<(DraftRow & { owner_name: string }) | undefined> {
  return (await q.query<DraftRow & { owner_name: string }>(
    `SELECT d.*, u.display_name AS owner_name FROM drafts d JOIN users u ON u.id = d.owner_id WHERE d.share_token_hash = $1`, [tokenHash])).rows[0];
}

/** Marks the revision that was filed as submitted; false if the draft changed (or was submitted) meanwhile. */
export async function markSubmitted(q: Queryable, id: string, ownerId: string, revision: number, caseId: string): Promise<boolean> {
  const { rows } = await q.query(
    `UPDATE drafts SET submitted_case_id = $4, submitted_at = now(), updated_at = now()
      WHERE id = $1 AND owner_id = $2 AND revision = $3 AND submitted_case_id IS NULL RETURNING id`, [id, ownerId, revision, caseId]);
  return rows.length === 1;
}
