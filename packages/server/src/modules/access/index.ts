// Accounts, sessions and API tokens. Passwords are argon2id hashes; tokens are random and stored only
// as SHA-256 hashes, so a copy of the database holds no usable credential. An account may add a TOTP
// second factor (its secret sealed with the office secret, recovery codes hashed); failures in a row
// lock the user name typed, known or not, and the client address.
import { randomBytes, randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { ROLES, type Role } from '@registrum/procedures';
import type { Actor } from '../../kernel/actor.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { sha256 } from '../../kernel/hash.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import * as repo from './access.repository.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { SCOPES, type Scope } from './scopes.ts';
import { base32Encode, matchStep, newRecoveryCode, newSecret, normaliseRecoveryCode, otpauthUri, SecretBox } from './totp.ts';

export type { UserRow } from './access.repository.ts';
export { hashPassword };
export { checkScope, SCOPES, type Scope } from './scopes.ts';
export { officeSecret } from './office-secret.ts';
export { OidcSignIn, safeReturnTo, type OidcIdentity } from './oidc.ts';

// A fixed hash to compare against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | null = null;

export interface AccessOptions {
  /** Failures in a row (within lockMinutes of each other) that lock a user name; the address allows ten times as many. */
  maxFailures: number;
  lockMinutes: number;
  /** The key second-factor secrets are sealed with is derived from it. */
  officeSecret: Buffer;
  /** The name an authenticator app shows for the account. */
  issuer: string;
  /** Wall-clock time (lockouts, TOTP steps); tests move it. */
  now?: () => Date;
  /** false = office staff may not sign in with a password (only through the OpenID Connect provider). */
  staffPasswordSignIn?: boolean;
}

/** How a sign-in came about, recorded with its events. */
export type SignInMethod = 'password' | 'oidc';

export interface LoginInput { username: string; password: string; code?: string; address?: string | null }

const RECOVERY_CODES = 10;
const credentialsError = () => new DomainError('INVALID_CREDENTIALS', 'Unknown user name or wrong password', 401);
const nameKey = (username: string) => `user:${username.trim().toLowerCase().slice(0, 100)}`;
const addressKey = (address: string) => `address:${address}`;

export class AccessService {
  private readonly box: SecretBox;
  now: () => Date;
  constructor(private readonly db: Db, private readonly sessionDays: number, private readonly opts: AccessOptions) {
    this.box = new SecretBox(opts.officeSecret);
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * Signs in. An unknown user name and a wrong password answer alike (and take as long: the password
   * is checked against a dummy hash); an account with a second factor also needs its current code or
   * a recovery code. Every failure is counted and recorded; a locked name or address is refused even
   * with the right password.
   */
  async login(input: LoginInput): Promise<{ token: string; user: repo.UserRow }> {
    const now = this.now();
    const { username, password, code } = input;
    const address = input.address ?? null;
    await this.refuseIfLocked(username, address, now);
    const found = await repo.findUserByUsername(this.db, username);
    const user = found?.active ? found : undefined;
    const passwordOk = await verifyPassword(user ? user.password_hash : await (dummyHash ??= hashPassword(randomUUID())), password);
    if (!user || !passwordOk) return this.fail(username, found?.id ?? null, address, user ? 'bad-password' : 'unknown-user', now, credentialsError());
    // Checked only once the password is right, so the refusal tells nothing to whoever does not know it.
    if (this.opts.staffPasswordSignIn === false && isOfficeRole(user.role)) {
      await this.event(username, user.id, 'refused-password-disabled', address, now);
      throw new DomainError('PASSWORD_SIGN_IN_DISABLED', 'Office staff sign in through the office\'s identity provider, not with a password', 403);
    }
    const factor = await repo.findSecondFactor(this.db, user.id);
    if (factor?.confirmed_at) {
      if (!code) {
        await this.event(username, user.id, 'second-factor-required', address, now);
        throw new DomainError('SECOND_FACTOR_REQUIRED', 'This account has a second factor: send the current code of its authenticator app (or a recovery code) as `code`', 401);
      }
      const how = await this.checkCode(this.db, user.id, factor, code, now);
      if (!how) return this.fail(username, user.id, address, 'bad-code', now, new DomainError('SECOND_FACTOR_INVALID', 'The code is wrong, expired or already used', 401));
      if (how === 'recovery') await this.event(username, user.id, 'recovery-code-used', address, now);
    }
    await repo.clearThrottle(this.db, nameKey(username));
    return { token: await this.openSession(user, 'password', address), user };
  }

  /** A new session for an account whose sign-in succeeded (by password or through the provider), recorded with how. */
  async openSession(user: repo.UserRow, method: SignInMethod, address: string | null): Promise<string> {
    await repo.insertSignInEvent(this.db, { at: this.now(), username: user.username, userId: user.id, event: 'signed-in', address, method });
    const token = randomBytes(32).toString('base64url');
    await repo.insertSession(this.db, sha256(token), user.id, this.sessionDays);
    return token;
  }

  private async refuseIfLocked(username: string, address: string | null, now: Date) {
    const [byName, byAddress] = await Promise.all([
      repo.findThrottle(this.db, nameKey(username)),
      address ? repo.findThrottle(this.db, addressKey(address)) : undefined,
    ]);
    if (byName?.locked_until && byName.locked_until > now) {
      await this.event(username, null, 'refused-locked', address, now);
      throw lockedError(byName.locked_until, now);
    }
    if (byAddress?.locked_until && byAddress.locked_until > now) {
      await this.event(username, null, 'refused-address-locked', address, now);
      throw addressLockedError(byAddress.locked_until, now);
    }
  }

  /** Counts a failure against the name and the address, records it, and throws (the lock, if this failure set one). */
  private async fail(username: string, userId: string | null, address: string | null, why: string, now: Date, error: DomainError): Promise<never> {
    const { maxFailures, lockMinutes } = this.opts;
    const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
    const until = new Date(now.getTime() + lockMinutes * 60_000);
    await repo.pruneThrottle(this.db, new Date(now.getTime() - 86_400_000));
    const byName = await repo.recordFailure(this.db, nameKey(username), now, windowStart, maxFailures, until);
    const byAddress = address ? await repo.recordFailure(this.db, addressKey(address), now, windowStart, maxFailures * 10, until) : null;
    await this.event(username, userId, why, address, now);
    if (byName.locked_until) {
      await this.event(username, userId, 'locked', address, now);
      throw lockedError(byName.locked_until, now);
    }
    if (byAddress?.locked_until) {
      await this.event(username, userId, 'address-locked', address, now);
      throw addressLockedError(byAddress.locked_until, now);
    }
    throw error;
  }

  private event(username: string, userId: string | null, event: string, address: string | null, now: Date, byUser: string | null = null) {
    return repo.insertSignInEvent(this.db, { at: now, username, userId, event, address, byUser, method: byUser ? null : 'password' });
  }

  /** A TOTP code not used before, or an unused recovery code; which of the two, or null. */
  private async checkCode(q: Queryable, userId: string, factor: repo.SecondFactorRow, code: string, now: Date): Promise<'totp' | 'recovery' | null> {
    const c = code.trim();
    if (/^\d{6}$/.test(c)) {
      const step = matchStep(this.box.open(factor.secret, userId), c, now, factor.last_step);
      return step !== null && await repo.acceptStep(q, userId, step) ? 'totp' : null;
    }
    const normal = normaliseRecoveryCode(c);
    if (normal.length !== 12) return null;
    return await repo.useRecoveryCode(q, userId, sha256(normal), now) ? 'recovery' : null;
  }

  async logout(token: string): Promise<void> { await repo.revokeSession(this.db, sha256(token)); }

  /** The user of a token, with the token's kind and scopes. */
  async authenticate(token: string) {
    if (!token || token.length > 200) return undefined;
    return repo.userBySession(this.db, sha256(token));
  }

  async createApiToken(userId: string, label: string, days: number, scopes: string[] | null = null): Promise<string> {
    if (scopes !== null) {
      const unknown = scopes.filter((s) => !SCOPES.includes(s as Scope));
      if (unknown.length || scopes.length === 0) throw invalid('UNKNOWN_SCOPE', `Scopes are some of ${SCOPES.join(', ')}`, { scopes: SCOPES });
    }
    const token = `rgm_${randomBytes(32).toString('base64url')}`;
    await repo.insertSession(this.db, sha256(token), userId, days, 'api-token', label, scopes ? [...new Set(scopes)].sort() : null);
    return token;
  }

  listApiTokens(userId: string) { return repo.listApiTokens(this.db, userId); }

  async revokeApiToken(userId: string, id: string) {
    if (!(await repo.revokeApiToken(this.db, userId, id))) throw new DomainError('TOKEN_NOT_FOUND', `No live API token ${id}`, 404);
  }

  // --- second factor ------------------------------------------------------------------------------

  async secondFactorStatus(userId: string) {
    const f = await repo.findSecondFactor(this.db, userId);
    return { enabled: !!f?.confirmed_at, pending: !!f && !f.confirmed_at, recoveryCodesLeft: f?.confirmed_at ? await repo.recoveryCodesLeft(this.db, userId) : 0 };
  }

  /** Starts an enrolment: a new secret, shown once as text, as an otpauth:// address and as a QR code (SVG). */
  async startSecondFactor(user: repo.UserRow) {
    const secret = newSecret();
    if (!(await repo.startSecondFactor(this.db, user.id, this.box.seal(secret, user.id), this.now()))) {
      throw new DomainError('SECOND_FACTOR_ACTIVE', 'The account already has a second factor; turn it off first', 409);
    }
    const uri = otpauthUri(this.opts.issuer, user.username, secret);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret: base32Encode(secret), uri, qrSvg };
  }

  /** Puts the enrolment in force with a current code; returns the recovery codes (shown this once). */
  async confirmSecondFactor(user: repo.UserRow, code: string, address: string | null): Promise<{ recoveryCodes: string[] }> {
    const now = this.now();
    return this.db.tx(async (q) => {
      const f = await repo.findSecondFactor(q, user.id);
      if (!f) throw new DomainError('SECOND_FACTOR_NOT_STARTED', 'Start the enrolment first', 409);
      if (f.confirmed_at) throw new DomainError('SECOND_FACTOR_ACTIVE', 'The account already has a second factor', 409);
      const step = matchStep(this.box.open(f.secret, user.id), code.trim(), now, f.last_step);
      if (step === null || !(await repo.acceptStep(q, user.id, step, now))) {
        throw new DomainError('SECOND_FACTOR_INVALID', 'The code is wrong or expired: enter the code the app shows now', 422);
      }
      const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      await repo.replaceRecoveryCodes(q, user.id, codes.map((c) => sha256(normaliseRecoveryCode(c))));
      await repo.insertSignInEvent(q, { at: now, username: user.username, userId: user.id, event: 'second-factor-enabled', address });
      return { recoveryCodes: codes };
    });
  }

  /** Turns the second factor off: the password and a current code (or a recovery code) again; failures count. */
  async disableSecondFactor(user: repo.UserRow, password: string, code: string, address: string | null) {
    const now = this.now();
    await this.refuseIfLocked(user.username, address, now);
    const f = await repo.findSecondFactor(this.db, user.id);
    if (!(await verifyPassword(user.password_hash, password))) {
      return this.fail(user.username, user.id, address, 'bad-password', now, new DomainError('INVALID_CREDENTIALS', 'The password is wrong', 403));
    }
    if (!f?.confirmed_at) {
      await repo.deleteSecondFactor(this.db, user.id); // an enrolment never confirmed goes too
      return;
    }
    if (!(await this.checkCode(this.db, user.id, f, code, now))) {
      return this.fail(user.username, user.id, address, 'bad-code', now, new DomainError('SECOND_FACTOR_INVALID', 'The code is wrong, expired or already used', 403));
    }
    await this.db.tx(async (q) => {
      await repo.deleteSecondFactor(q, user.id);
      await repo.insertSignInEvent(q, { at: now, username: user.username, userId: user.id, event: 'second-factor-disabled', address });
    });
  }

  // --- administration -----------------------------------------------------------------------------

  /** An administrator lifts the lock of an account's user name (and its count of failures). */
  async unlock(by: Actor, id: string, address: string | null) {
    const user = UUID.test(id) ? await repo.findUserById(this.db, id) : undefined;
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user account ${id}`, 404);
    const now = this.now();
    const t = await repo.findThrottle(this.db, nameKey(user.username));
    await repo.clearThrottle(this.db, nameKey(user.username));
    await this.event(user.username, user.id, 'unlocked', address, now, by.kind === 'user' ? by.id : null);
    return { id: user.id, username: user.username, wasLocked: !!t?.locked_until && t.locked_until > now };
  }

  /** An administrator removes an account's second factor (a lost phone and lost recovery codes). */
  async resetSecondFactor(by: Actor, id: string, address: string | null) {
    const user = UUID.test(id) ? await repo.findUserById(this.db, id) : undefined;
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user account ${id}`, 404);
    await this.db.tx(async (q) => {
      await repo.deleteSecondFactor(q, user.id);
      await repo.insertSignInEvent(q, { at: this.now(), username: user.username, userId: user.id, event: 'second-factor-reset', address, byUser: by.kind === 'user' ? by.id : null });
    });
  }

  /** Whether an account's user name is locked now, and its latest sign-in events. */
  async signInState(id: string, limit = 50) {
    const user = UUID.test(id) ? await repo.findUserById(this.db, id) : undefined;
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user account ${id}`, 404);
    const t = await repo.findThrottle(this.db, nameKey(user.username));
    const now = this.now();
    return {
      lockedUntil: t?.locked_until && t.locked_until > now ? t.locked_until.toISOString() : null,
      secondFactor: (await this.secondFactorStatus(user.id)).enabled,
      events: (await repo.signInEventsOf(this.db, user.id, user.username, limit)).map((e) => ({ at: e.at.toISOString(), event: e.event, method: e.method, address: e.address, byUser: e.by_user })),
    };
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

function lockedError(until: Date, now: Date) {
  return new DomainError('ACCOUNT_LOCKED', `Too many failed sign-ins: this account is locked until ${until.toISOString()}`, 423,
    { lockedUntil: until.toISOString(), retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) });
}

function addressLockedError(until: Date, now: Date) {
  return new DomainError('SIGN_IN_RATE_LIMITED', `Too many failed sign-ins from this address: try again after ${until.toISOString()}`, 429,
    { lockedUntil: until.toISOString(), retryAfterSeconds: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) });
}
