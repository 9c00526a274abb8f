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

export type SessionKind = 'session' | 'api-token';

/** The user of a live session or API token, with the token's kind and scopes (null = unrestricted). */
export async function userBySession(q: Queryable, tokenHash: string): Promise<{ user: UserRow; kind: SessionKind; scopes: string[] | null } | undefined> {
  const { rows } = await q.query<UserRow & { session_kind: SessionKind; session_scopes: string[] | null }>(
    `SELECT u.*, s.kind AS session_kind, s.scopes AS session_scopes FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
    [tokenHash],
  );
  if (!rows[0]) return undefined;
  const { session_kind: kind, session_scopes: scopes, ...user } = rows[0];
  return { user, kind, scopes };
}

export async function insertSession(q: Queryable, tokenHash: string, userId: string, days: number, kind: SessionKind = 'session', label: string | null = null, scopes: string[] | null = null) {
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, kind, label, expires_at, scopes) VALUES ($1, $2, $3, $4, now() + make_interval(days => $5), $6)`,
    [tokenHash, userId, kind, label, days, scopes],
  );
}

export interface ApiTokenRow { id: string; label: string | null; scopes: string[] | null; created_at: Date; expires_at: Date }

/** A user's live API tokens, each named by the start of its hash (the token itself is not kept). */
export async function listApiTokens(q: Queryable, userId: string): Promise<ApiTokenRow[]> {
  return (await q.query<ApiTokenRow>(
    `SELECT left(token_hash, 16) AS id, label, scopes, created_at, expires_at FROM sessions
      WHERE user_id = $1 AND kind = 'api-token' AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at, token_hash`, [userId])).rows;
}

export async function revokeApiToken(q: Queryable, userId: string, id: string): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND kind = 'api-token' AND left(token_hash, 16) = $2 AND revoked_at IS NULL`, [userId, id]);
  return rowCount ?? 0;
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

// --- second factor -------------------------------------------------------------------------------

export interface SecondFactorRow { user_id: string; secret: string; confirmed_at: Date | null; last_step: number }

export async function findSecondFactor(q: Queryable, userId: string): Promise<SecondFactorRow | undefined> {
  return (await q.query<SecondFactorRow>('SELECT user_id, secret, confirmed_at, last_step FROM second_factors WHERE user_id = $1', [userId])).rows[0];
}

/** Starts (or restarts) an enrolment; an active second factor is left alone (0 rows). */
export async function startSecondFactor(q: Queryable, userId: string, sealedSecret: string, now: Date): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO second_factors (user_id, secret, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at, last_step = 0
      WHERE second_factors.confirmed_at IS NULL`, [userId, sealedSecret, now]);
  return rowCount ?? 0;
}

/**
 * Accepts a TOTP time step: only a step after the last one accepted (one statement, so two requests
 * with the same code cannot both pass). `confirm` = the enrolment's first code, which puts it in force.
 */
export async function acceptStep(q: Queryable, userId: string, step: number, confirm: Date | null = null): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE second_factors SET last_step = $2, confirmed_at = coalesce(confirmed_at, $3)
      WHERE user_id = $1 AND last_step < $2 AND (confirmed_at IS NULL) = ($3::timestamptz IS NOT NULL)`, [userId, step, confirm]);
  return (rowCount ?? 0) === 1;
}

export async function replaceRecoveryCodes(q: Queryable, userId: string, hashes: string[]) {
  await q.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  for (const h of hashes) await q.query('INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)', [userId, h]);
}

/** Uses a recovery code once; false when it is unknown or already used. */
export async function useRecoveryCode(q: Queryable, userId: string, hash: string, now: Date): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL', [userId, hash, now]);
  return (rowCount ?? 0) === 1;
}

export async function recoveryCodesLeft(q: Queryable, userId: string): Promise<number> {
  return Number((await q.query<{ n: number }>('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId])).rows[0].n);
}

export async function deleteSecondFactor(q: Queryable, userId: string): Promise<number> {
  await q.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
  const { rowCount } = await q.query('DELETE FROM second_factors WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}

// --- failures and lockout -------------------------------------------------------------------------

export interface ThrottleRow { key: string; failures: number; last_failed_at: Date; locked_until: Date | null }

export async function findThrottle(q: Queryable, key: string): Promise<ThrottleRow | undefined> {
  return (await q.query<ThrottleRow>('SELECT * FROM login_throttle WHERE key = $1', [key])).rows[0];
}

/**
 * Counts one failure in a row for a key: a failure after the window, or after a lock that has run out,
 * starts again from one; the `max`th locks the key until `lockUntil`. One statement, so concurrent
 * failures are all counted.
 */
export async function recordFailure(q: Queryable, key: string, now: Date, windowStart: Date, max: number, lockUntil: Date): Promise<ThrottleRow> {
  const { rows } = await q.query<ThrottleRow>(
    `INSERT INTO login_throttle AS t (key, failures, last_failed_at, locked_until)
     VALUES ($1, 1, $2, CASE WHEN $4::int <= 1 THEN $5::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.last_failed_at < $3 OR t.locked_until IS NOT NULL THEN 1 ELSE t.failures + 1 END,
       last_failed_at = $2,
       locked_until = CASE WHEN (CASE WHEN t.last_failed_at < $3 OR t.locked_until IS NOT NULL THEN 1 ELSE t.failures + 1 END) >= $4
                           THEN $5::timestamptz END
     RETURNING *`, [key, now, windowStart, max, lockUntil]);
  return rows[0];
}

export async function clearThrottle(q: Queryable, key: string): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM login_throttle WHERE key = $1', [key]);
  return rowCount ?? 0;
}

/** Forgets failures older than a day that hold no lock (user names typed once, addresses long quiet). */
export async function pruneThrottle(q: Queryable, before: Date) {
  await q.query('DELETE FROM login_throttle WHERE last_failed_at < $1 AND (locked_until IS NULL OR locked_until < $1)', [before]);
}

/** method: how the sign-in came about ('password', 'oidc'); null for what an administrator did. */
export interface SignInEvent { at: Date; username: string; userId: string | null; event: string; address: string | null; byUser?: string | null; method?: string | null }

export async function insertSignInEvent(q: Queryable, e: SignInEvent) {
  await q.query('INSERT INTO sign_in_events (at, username, user_id, event, address, by_user, method) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [e.at, e.username.slice(0, 100), e.userId, e.event, e.address, e.byUser ?? null, e.method ?? null]);
}

export async function signInEventsOf(q: Queryable, userId: string, username: string, limit: number) {
  return (await q.query<{ at: Date; event: string; method: string | null; address: string | null; by_user: string | null }>(
    `SELECT at, event, method, address, by_user FROM sign_in_events WHERE user_id = $1 OR username = $2 ORDER BY at DESC, id DESC LIMIT $3`,
    [userId, username, limit])).rows;
}
