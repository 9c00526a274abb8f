import { randomUUID } from 'node:crypto';
import type { Role } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';

export interface UserRow {
  id: string; username: string; display_name: string; email: string | null; role: Role;
  password_hash: string; party_id: string | null; active: boolean; created_at: Date;
}

export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  return (await q.query<UserRow>('SELECT * FROM users WHERE username = $1', [username])).rows[0];
}

export async function userBySession(q: Queryable, tokenHash: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(
    `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
    [tokenHash],
  );
  return rows[0];
}

export async function insertSession(q: Queryable, tokenHash: string, userId: string, days: number, kind: 'session' | 'api-token' = 'session', label: string | null = null) {
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, kind, label, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [tokenHash, userId, kind, label, days],
  );
}

export async function revokeSession(q: Queryable, tokenHash: string) {
  await q.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
}

export async function insertUser(q: Queryable, u: { username: string; displayName: string; email?: string | null; role: Role; passwordHash: string; partyId?: string | null }): Promise<string> {
  const id = randomUUID();
  await q.query(
    'INSERT INTO users (id, username, display_name, email, role, password_hash, party_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, u.username, u.displayName, u.email ?? null, u.role, u.passwordHash, u.partyId ?? null],
  );
  // The party the account acts as (an applicant's or agent's own identity) points back to it.
  if (u.partyId) await q.query('UPDATE parties SET user_id = $1 WHERE id = $2 AND user_id IS NULL', [id, u.partyId]);
  return id;
}

export async function listUsers(q: Queryable): Promise<UserRow[]> {
  return (await q.query<UserRow>('SELECT * FROM users ORDER BY role, username')).rows;
}

export async function findUserById(q: Queryable, id: string, forUpdate = false): Promise<UserRow | undefined> {
  return (await q.query<UserRow>(`SELECT * FROM users WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id])).rows[0];
}

/** Sets the fields given (null = unchanged); returns the account as it is now. */
export async function updateUser(q: Queryable, id: string, u: { displayName: string | null; role: Role | null; active: boolean | null; passwordHash: string | null }): Promise<UserRow> {
  const { rows } = await q.query<UserRow>(
    `UPDATE users SET display_name = coalesce($2, display_name), role = coalesce($3, role), active = coalesce($4, active),
            password_hash = coalesce($5, password_hash)
      WHERE id = $1 RETURNING *`,
    [id, u.displayName, u.role, u.active, u.passwordHash]);
  return rows[0];
}

/** Ends every session and API token of a user (but the one named); returns how many were live. */
export async function revokeSessionsOf(q: Queryable, userId: string, exceptTokenHash: string | null = null): Promise<number> {
  const { rowCount } = await q.query(
    'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $2', [userId, exceptTokenHash]);
  return rowCount ?? 0;
}
