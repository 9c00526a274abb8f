// Sign-in through the office's OpenID Connect provider: the authorisation code flow with PKCE, state
// and nonce. The state, nonce and code verifier of a sign-in under way are kept in the database (found
// by the state's SHA-256, taken once, for ten minutes); the state is also in a cookie of the browser
// that began it, so a callback only counts in that browser and only once. The ID token is checked by
// openid-client (issuer, audience, nonce, times, and its signature against the provider's keys; the
// `iss` of the response when the provider sends one).
//
// Who may enter: an identity (issuer, subject) signs in to the account it is linked to. On its first
// sign-in it is linked to the one account bearing its e-mail address, if the provider says the address
// is verified. With OIDC_ROLE_CLAIM, a person the claim gives an office role (`<prefix><role>`, only
// the roles OIDC_PROVISION_ROLES allows) gets an account with that role, which then follows the claim
// at every sign-in (no role left in the claim: refused). Nothing else enters; an unverified address is
// never used.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { Role } from '@registrum/procedures';
import type { OidcConfig } from '../../app/config.ts';
import { DomainError, invalid } from '../../kernel/errors.ts';
import { sha256 } from '../../kernel/hash.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import * as accessRepo from './access.repository.ts';
import type { UserRow } from './access.repository.ts';
import type { AccessService } from './index.ts';
import * as repo from './oidc.repository.ts';

export interface OidcIdentity { issuer: string; subject: string; linkedBy: repo.LinkedBy; linkedAt: string; lastSignInAt: string | null }

export interface OidcOptions extends OidcConfig {
  /** Plain-http providers are accepted (demo mode and tests only; production insists on https). */
  allowHttp: boolean;
  /** Seconds a sign-in may take from start to callback. */
  loginSeconds: number;
}

export interface OidcResult {
  /** A new session (sign-in); absent when an identity was linked to the account already signed in. */
  token?: string;
  user: UserRow;
  /** The web app page to go to: the one asked for, else the home of the account's role. */
  returnTo: string;
}

type Found = { user: UserRow } | { refused: DomainError; event: string; userId: string | null };

const concurrent = () => new DomainError('OIDC_ALREADY_LINKED', 'This identity was linked by another sign-in at the same moment; sign in again', 409);
const notLinked = () => new DomainError('OIDC_NOT_LINKED', 'No Registrum account is linked to this identity of the identity provider; ask the office to link it', 403);
const unavailable = () => new DomainError('OIDC_UNAVAILABLE', 'The identity provider cannot be reached or did not answer properly; try again later', 503);

/**
 * The page a sign-in returns to: a path of this site (not another site, not the API), or null for the
 * account's home. Anything else is refused.
 */
export function safeReturnTo(raw: string | undefined | null): string | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const base = 'http://registrum.invalid';
  let u: URL | null = null;
  // eslint-disable-next-line no-control-regex
  if (raw.length <= 500 && raw.startsWith('/') && !/^\/[/\\]/.test(raw) && !/[\u0000-\u001f\u007f\\]/.test(raw)) {
    try { u = new URL(raw, base); } catch { u = null; }
  }
  if (!u || u.origin !== base || u.pathname.startsWith('/api/')) throw invalid('OIDC_RETURN_TO_INVALID', 'returnTo must be a path of this site, e.g. /office');
  return u.pathname === '/login' ? null : `${u.pathname}${u.search}${u.hash}`;
}

const homeOf = (role: Role) => role === 'admin' ? '/admin' : ['formalities', 'examiner', 'registrar'].includes(role) ? '/office' : '/portal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a); const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly db: Db, private readonly access: AccessService, readonly opts: OidcOptions) {}

  get name() { return this.opts.name; }

  /** The provider's metadata, fetched once (again after a failure); the provider down = OIDC_UNAVAILABLE. */
  private async config(): Promise<client.Configuration> {
    const o = this.opts;
    this.configuration ??= client.discovery(new URL(o.issuer), o.clientId, { client_secret: o.clientSecret },
      o.clientAuth === 'client_secret_post' ? client.ClientSecretPost(o.clientSecret) : client.ClientSecretBasic(o.clientSecret),
      // The ID token's signature is checked too (against the provider's published keys), not only its claims.
      { timeout: 10, execute: [client.enableNonRepudiationChecks, ...(o.allowHttp ? [client.allowInsecureRequests] : [])] });
    try {
      return await this.configuration;
    } catch {
      this.configuration = null;
      throw unavailable();
    }
  }

  /** Begins a sign-in (or, with linkUser, the linking of an identity to that signed-in account): the provider's address and the state for the browser's cookie. */
  async start(input: { returnTo?: string | null; linkUser?: string | null }): Promise<{ url: string; state: string }> {
    const returnTo = safeReturnTo(input.returnTo);
    const config = await this.config();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    await repo.insertLogin(this.db, sha256(state), { nonce, codeVerifier, returnTo, linkUser: input.linkUser ?? null, seconds: this.opts.loginSeconds });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.opts.redirectUri, scope: this.opts.scopes.join(' '), state, nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /**
   * The provider's answer: `query` is the callback's query string as received, `cookieState` the state
   * the browser kept. Checks it, exchanges the code, and signs in (or links) as the rules above say.
   */
  async finish(input: { query: string; cookieState: string | null; address: string | null }): Promise<OidcResult> {
    const callbackUrl = new URL(this.opts.redirectUri);
    callbackUrl.search = input.query;
    const state = callbackUrl.searchParams.get('state');
    if (!state || !input.cookieState || !sameText(state, input.cookieState)) {
      await this.event('oidc', null, 'oidc-state-mismatch', input.address);
      throw invalid('OIDC_STATE_MISMATCH', 'This answer of the identity provider does not belong to a sign-in begun in this browser; start again');
    }
    const pending = await repo.takeLogin(this.db, sha256(state));
    if (!pending) throw invalid('OIDC_LOGIN_EXPIRED', 'This sign-in has already been used or took too long; start again');
    const config = await this.config();
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl,
        { pkceCodeVerifier: pending.code_verifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
      const idToken = tokens.claims()!;
      claims = { ...idToken };
      // Many providers put e-mail and roles only in the UserInfo answer (whose subject must be the ID token's).
      if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
        claims = { ...idToken, ...await client.fetchUserInfo(config, tokens.access_token, idToken.sub), sub: idToken.sub, iss: idToken.iss };
      }
    } catch (e) {
      throw await this.providerError(e, input.address);
    }
    const issuer = String(claims.iss);
    const subject = String(claims.sub);
    if (pending.link_user) return this.link(pending, issuer, subject, input.address);
    const found = await this.db.tx((q) => this.accountOf(q, issuer, subject, claims, input.address));
    if ('refused' in found) {
      // Recorded after the transaction (which wrote nothing), and with who tried.
      await this.event(`oidc:${typeof claims.email === 'string' ? claims.email : subject}`, found.userId, found.event, input.address);
      throw found.refused;
    }
    const { user } = found;
    await repo.touchIdentity(this.db, issuer, subject);
    const token = await this.access.openSession(user, 'oidc', input.address);
    return { token, user, returnTo: pending.return_to ?? homeOf(user.role) };
  }

  /** The provider refused, could not be reached, or answered something the checks refuse. */
  private async providerError(e: unknown, address: string | null): Promise<DomainError> {
    if (e instanceof client.AuthorizationResponseError) {
      await this.event('oidc', null, 'oidc-denied', address);
      return new DomainError('OIDC_DENIED', `The identity provider did not sign you in (${e.error})`, 401, { error: e.error });
    }
    const status = e instanceof client.ResponseBodyError ? e.status : (e as { cause?: Response })?.cause instanceof Response ? (e as { cause: Response }).cause.status : 0;
    const network = e instanceof TypeError || (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'));
    if (network || status >= 500) return unavailable();
    await this.event('oidc', null, 'oidc-invalid-response', address);
    return new DomainError('OIDC_INVALID_RESPONSE', 'The identity provider\'s answer failed the checks (issuer, audience, nonce, signature or code); you are not signed in', 401);
  }

  /** The account an identity signs in to (linking or making it when the rules allow), or a refusal and its event. */
  private async accountOf(q: Queryable, issuer: string, subject: string, claims: Record<string, unknown>, address: string | null): Promise<Found> {
    const refuse = (event: string, refused: DomainError, userId: string | null = null): Found => ({ refused, event, userId });
    const role = this.roleFromClaims(claims);
    const linked = await repo.findIdentity(q, issuer, subject);
    if (linked) {
      const user = await accessRepo.findUserById(q, linked.user_id, true);
      if (!user?.active) return refuse('oidc-refused-inactive', notLinked(), linked.user_id);
      if (linked.linked_by === 'provisioned' && this.opts.roleClaim) {
        if (!role) return refuse('oidc-no-role', new DomainError('OIDC_NO_ROLE', 'The identity provider no longer gives you a role at the office', 403), user.id);
        if (role !== user.role) {
          await repo.setRole(q, user.id, role);
          await accessRepo.insertSignInEvent(q, { at: this.access.now(), username: user.username, userId: user.id, event: `oidc-role-${role}`, address, method: 'oidc' });
          return { user: { ...user, role } };
        }
      }
      return { user };
    }
    const email = typeof claims.email === 'string' && claims.email.trim() ? claims.email.trim() : null;
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    const unverified = () => refuse('oidc-email-unverified', new DomainError('OIDC_EMAIL_UNVERIFIED', 'The identity provider has not verified your e-mail address, so it cannot be used to find your account', 403));
    const sameEmail = email ? await repo.usersByEmail(q, email) : [];
    if (sameEmail.length) {
      if (!verified) return unverified();
      // Not when the address is shared, or the account already has another identity at this provider
      // (an address handed on to someone else must not take over the account).
      if (sameEmail.length > 1 || !sameEmail[0].active) return refuse('oidc-not-linked', notLinked());
      const user = sameEmail[0];
      if ((await repo.identitiesOf(q, user.id)).some((i) => i.issuer === issuer)) return refuse('oidc-not-linked', notLinked(), user.id);
      if (!(await repo.insertIdentity(q, issuer, subject, user.id, 'email'))) return refuse('oidc-not-linked', concurrent());
      await accessRepo.insertSignInEvent(q, { at: this.access.now(), username: user.username, userId: user.id, event: 'oidc-linked', address, method: 'oidc' });
      return { user };
    }
    if (role) {
      if (email && !verified) return unverified();
      const user = await this.provision(q, claims, verified ? email : null, role);
      // A concurrent first sign-in of the same identity won: this one's account is rolled back.
      if (!(await repo.insertIdentity(q, issuer, subject, user.id, 'provisioned'))) throw concurrent();
      await accessRepo.insertSignInEvent(q, { at: this.access.now(), username: user.username, userId: user.id, event: 'oidc-provisioned', address, method: 'oidc' });
      return { user };
    }
    if (email && !verified) return unverified();
    return refuse('oidc-not-linked', notLinked());
  }

  /** The office role the claim gives (the first of OIDC_PROVISION_ROLES it names), or null. */
  roleFromClaims(claims: Record<string, unknown>): Role | null {
    const { roleClaim, rolePrefix, provisionRoles } = this.opts;
    if (!roleClaim) return null;
    const raw = claims[roleClaim];
    const values = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,]+/) : []).filter((v): v is string => typeof v === 'string');
    const named = new Set(values.filter((v) => v.startsWith(rolePrefix)).map((v) => v.slice(rolePrefix.length)));
    return provisionRoles.find((r) => named.has(r)) ?? null;
  }

  /** Makes an office account from the provider's claims; it has no usable password (a random one, never shown). */
  private async provision(q: Queryable, claims: Record<string, unknown>, email: string | null, role: Role): Promise<UserRow> {
    const base = [claims.preferred_username, email?.split('@')[0], `oidc-${sha256(String(claims.sub)).slice(0, 10)}`]
      .map((c) => typeof c === 'string' ? c.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 56) : '')
      .find((c) => c.length >= 3)!;
    let username = base;
    for (let i = 2; await repo.usernameTaken(q, username); i++) username = `${base}-${i}`;
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : username;
    const id = await this.access.createUser(q, { username, displayName: name, email: email ?? undefined, role, password: randomBytes(32).toString('base64url') });
    return (await accessRepo.findUserById(q, id))!;
  }

  /** Links the identity to the account that began the linking (signed in); refused when another account has it. */
  private async link(pending: repo.PendingLogin, issuer: string, subject: string, address: string | null): Promise<OidcResult> {
    const user = await accessRepo.findUserById(this.db, pending.link_user!);
    if (!user?.active) throw notLinked();
    const existing = await repo.findIdentity(this.db, issuer, subject);
    if (existing && existing.user_id !== user.id) {
      await this.event(user.username, user.id, 'oidc-link-refused', address);
      throw new DomainError('OIDC_ALREADY_LINKED', 'This identity of the identity provider is already linked to another account', 409);
    }
    if (!existing) {
      await repo.insertIdentity(this.db, issuer, subject, user.id, 'self');
      await this.event(user.username, user.id, 'oidc-linked', address);
    }
    return { user, returnTo: pending.return_to ?? '/security' };
  }

  private async account(id: string): Promise<UserRow> {
    const user = UUID.test(id) ? await accessRepo.findUserById(this.db, id) : undefined;
    if (!user) throw new DomainError('USER_NOT_FOUND', `No user account ${id}`, 404);
    return user;
  }

  /** An administrator links an identity (the provider's subject) to an account. */
  async linkByAdmin(by: string, userId: string, subject: string, address: string | null) {
    const user = await this.account(userId);
    const issuer = (await this.config()).serverMetadata().issuer;
    if (!(await repo.insertIdentity(this.db, issuer, subject, user.id, 'admin'))) {
      throw new DomainError('OIDC_ALREADY_LINKED', 'This identity of the identity provider is already linked to an account', 409);
    }
    await accessRepo.insertSignInEvent(this.db, { at: this.access.now(), username: user.username, userId: user.id, event: 'oidc-linked', address, byUser: by });
    return this.identitiesOf(user.id);
  }


  /** An administrator removes every identity linked to an account (it then signs in by password only, if at all). */
  async unlinkAll(by: string, userId: string, address: string | null) {
    const user = await this.account(userId);
    const removed = await repo.deleteIdentitiesOf(this.db, user.id);
    if (removed) await accessRepo.insertSignInEvent(this.db, { at: this.access.now(), username: user.username, userId: user.id, event: 'oidc-unlinked', address, byUser: by });
    return { removed };
  }

  async identitiesOf(userId: string): Promise<OidcIdentity[]> {
    const user = await this.account(userId);
    return (await repo.identitiesOf(this.db, user.id)).map((i) => ({
      issuer: i.issuer, subject: i.subject, linkedBy: i.linked_by, linkedAt: i.linked_at.toISOString(), lastSignInAt: i.last_sign_in_at?.toISOString() ?? null,
    }));
  }

  private event(username: string, userId: string | null, event: string, address: string | null) {
    return accessRepo.insertSignInEvent(this.db, { at: this.access.now(), username, userId, event, address, method: 'oidc' });
  }
}
