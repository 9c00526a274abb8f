// Accounts, sessions and API tokens. Passwords are argon2id hashes; tokens are random and stored only
// as SHA-256 hashes, so a copy of the database holds no usable credential.
import { randomBytes, randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@registrum/procedures';
import type { Actor } from '../../kernel/actor.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { sha256 } from '../../kernel/hash.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import * as repo from './access.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export type { UserRow } from './access.repository.ts';
export { hashPassword };

// A fixed hash to compare against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

export class AccessService {
  constructor(private readonly db: Db, private readonly sessionDays: number) {}

  async login(username: string, password: string): Promise<{ token: string; user: repo.UserRow }> {
    const user = await repo.findUserByUsername(this.db, username);
    if (!user || !user.active) {
      await verifyPassword(await (dummyHash ??= hashPassword(randomUUID())), password);
      throw new DomainError('INVALID_CREDENTIALS', 'Unknown user name or wrong password', 401);
    }
    if (!(await verifyPassword(user.password_hash, password))) throw new DomainError('INVALID_CREDENTIALS', 'Unknown user name or wrong password', 401);
    const token = randomBytes(32).toString('base64url');
    await repo.insertSession(this.db, sha256(token), user.id, this.sessionDays);
    return { token, user };
  }

  async logout(token: string): Promise<void> { await repo.revokeSession(this.db, sha256(token)); }

  async authenticate(token: string): Promise<repo.UserRow | undefined> {
    if (!token || token.length > 200) return undefined;
    return repo.userBySession(this.db, sha256(token));
  }

  async createApiToken(userId: string, label: string, days: number): Promise<string> {
    const token = `rgm_${randomBytes(32).toString('base64url')}`;
    await repo.insertSession(this.db, sha256(token), userId, days, 'api-token', label);
    return token;
  }

  async createUser(q: Queryable, u: { username: string; displayName: string; email?: string; role: Role; password: string; partyId?: string | null }): Promise<string> {
    if (!ROLES.includes(u.role)) throw invalid('UNKNOWN_ROLE', `Unknown role '${u.role}'`, { roles: ROLES });
    if (!/^[a-z0-9._-]{3,64}$/.test(u.username)) throw invalid('INVALID_USERNAME', 'A user name has 3 to 64 lower-case letters, digits, dots, dashes or underscores');
    if (u.password.length < 8) throw invalid('PASSWORD_TOO_SHORT', 'A password has at least 8 characters');
    if (await repo.findUserByUsername(q, u.username)) throw new DomainError('USERNAME_TAKEN', `The user name ${u.username} is taken`, 409);
    return repo.insertUser(q, { ...u, passwordHash: await hashPassword(u.password) });
  }

  listUsers() { return repo.listUsers(this.db); }

  /**
   * An administrator changes an account. An administrator cannot lock themselves out (deactivate or
   * demote their own account). A deactivated account, or one whose password was reset, has its
   * sessions and API tokens ended: whoever held them signs in again (or no longer can); an administrator
   * changing their own password keeps the session they are using (`currentToken`).
   */
  async updateUser(q: Queryable, by: Actor, id: string, patch: { displayName?: string; role?: Role; active?: boolean; password?: string }, currentToken?: string): Promise<repo.UserRow> {
    if (!UUID.test(id)) throw new DomainError('USER_NOT_FOUND', `No user account ${id}`, 404);
    if (patch.role !== undefined && !ROLES.includes(patch.role)) throw invalid('UNKNOWN_ROLE', `Unknown role '${patch.role}'`, { roles: ROLES });
    if (patch.password !== undefined && patch.password.length < 8) throw invalid('PASSWORD_TOO_SHORT', 'A password has at least 8 characters');
    if (patch.displayName !== undefined && patch.displayName.trim() === '') throw invalid('INVALID_DISPLAY_NAME', 'A display name is not empty');
    const user = await repo.findUserById(q, id, true);
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user account ${id}`, 404);
    if (by.kind === 'user' && by.id === id && (patch.active === false || (patch.role !== undefined && patch.role !== user.role))) {
      throw new DomainError('SELF_LOCKOUT', 'You cannot deactivate your own account or change your own role; another administrator can', 409);
    }
    const updated = await repo.updateUser(q, id, {
      displayName: patch.displayName?.trim() ?? null, role: patch.role ?? null, active: patch.active ?? null,
      passwordHash: patch.password !== undefined ? await hashPassword(patch.password) : null,
    });
    if (patch.active === false || patch.password !== undefined) await repo.revokeSessionsOf(q, id, currentToken ? sha256(currentToken) : null);
    return updated;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function actorOf(user: repo.UserRow): Actor {
  return { kind: 'user', id: user.id, role: user.role, name: user.display_name, partyId: user.party_id };
}

export const isOfficeRole = (role: Role) => role === 'formalities' || role === 'examiner' || role === 'registrar' || role === 'admin';
