import type { Role } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';
import type { UserRow } from './access.repository.ts';

export type LinkedBy = 'email' | 'provisioned' | 'self' | 'admin';

export interface PendingLogin { nonce: string; code_verifier: string; return_to: string | null; link_user: string | null; expires_at: Date }

export async function insertLogin(q: Queryable, stateHash: string, p: { nonce: string; codeVerifier: string; returnTo: string | null; linkUser: string | null; seconds: number }) {
  await q.query('DELETE FROM oidc_logins WHERE expires_at < now()');
  await q.query(
    `INSERT INTO oidc_logins (state_hash, nonce, code_verifier, return_to, link_user, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [stateHash, p.nonce, p.codeVerifier, p.returnTo, p.linkUser, p.seconds]);
}

/** Takes a sign-in under way once (a second callback with the same state finds nothing); null when unknown or expired. */
export async function takeLogin(q: Queryable, stateHash: string): Promise<PendingLogin | null> {
  const { rows } = await q.query<PendingLogin & { live: boolean }>(
    'DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING nonce, code_verifier, return_to, link_user, expires_at, expires_at > now() AS live', [stateHash]);
  return rows[0]?.live ? rows[0] : null;
}

export interface IdentityRow { issuer: string; subject: string; user_id: string; linked_by: LinkedBy; linked_at: Date; last_sign_in_at: Date | null }

export async function findIdentity(q: Queryable, issuer: string, subject: string): Promise<IdentityRow | undefined> {
  return (await q.query<IdentityRow>('SELECT * FROM oidc_identities WHERE issuer = $1 AND subject = $2', [issuer, subject])).rows[0];
}

/** Links an identity to an account; false when it is already linked (to this account or another). */
export async function insertIdentity(q: Queryable, issuer: string, subject: string, userId: string, linkedBy: LinkedBy): Promise<boolean> {
  const { rowCount } = await q.query(
    'INSERT INTO oidc_identities (issuer, subject, user_id, linked_by) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [issuer, subject, userId, linkedBy]);
  return (rowCount ?? 0) === 1;
}

export async function touchIdentity(q: Queryable, issuer: string, subject: string) {
  await q.query('UPDATE oidc_identities SET last_sign_in_at = now() WHERE issuer = $1 AND subject = $2', [issuer, subject]);
}

export async function identitiesOf(q: Queryable, userId: string): Promise<IdentityRow[]> {
  return (await q.query<IdentityRow>('SELECT * FROM oidc_identities WHERE user_id = $1 ORDER BY linked_at, issuer, subject', [userId])).rows;
}

export async function deleteIdentitiesOf(q: Queryable, userId: string): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM oidc_identities WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}

/** Every account bearing this e-mail address (compared without regard to case), active or not. */
export async function usersByEmail(q: Queryable, email: string): Promise<UserRow[]> {
  return (await q.query<UserRow>('SELECT * FROM users WHERE lower(email) = lower($1) ORDER BY created_at, id', [email])).rows;
}

export async function setRole(q: Queryable, userId: string, role: Role) {
  await q.query('UPDATE users SET role = $2 WHERE id = $1', [userId, role]);
}

export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE username = $1', [username])).rows.length > 0;
}
