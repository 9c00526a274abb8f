// The cookies the office sets, in one place: the session cookie of every way of signing in (password
// or OpenID Connect) and the short-lived one that ties a provider sign-in to the browser that began
// it. Over TLS they carry `Secure`, and responses carry Strict-Transport-Security.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';

export const SESSION_COOKIE = 'registrum_session';
export const OIDC_STATE_COOKIE = 'registrum_oidc';
/** The OpenID Connect state cookie is sent back only to the sign-in routes. */
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
/** How long a provider sign-in may take, from start to callback. */
export const OIDC_LOGIN_SECONDS = 600;
/** One year; subdomains are left out because the office need not own them. */
export const HSTS = 'max-age=31536000';

/**
 * Whether the browser reached the office over TLS: PUBLIC_URL is https:// (the office says it is only
 * reached that way), or the connection is TLS as Fastify sees it, which behind a proxy named in
 * TRUST_PROXY means X-Forwarded-Proto: https from that proxy (without TRUST_PROXY the header is ignored).
 */
export function servedOverTls(req: FastifyRequest, config: Pick<Config, 'publicUrl'>): boolean {
  return !!config.publicUrl?.startsWith('https://') || req.protocol === 'https';
}

function cookie(name: string, value: string, path: string, maxAge: number, secure: boolean) {
  return `${name}=${value}; HttpOnly; SameSite=Lax; Path=${path}; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

function append(reply: FastifyReply, value: string) {
  const prev = reply.getHeader('set-cookie');
  reply.header('set-cookie', prev === undefined ? value : [...[prev].flat().map(String), value]);
}

/** Sets the session cookie of a sign-in (whatever the way), or clears it (token null). */
export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Pick<Config, 'publicUrl' | 'sessionDays'>, token: string | null) {
  append(reply, cookie(SESSION_COOKIE, token ?? '', '/', token ? config.sessionDays * 86400 : 0, servedOverTls(req, config)));
}

/** Sets (or clears, state null) the cookie holding the state of a provider sign-in under way. */
export function setOidcStateCookie(reply: FastifyReply, req: FastifyRequest, config: Pick<Config, 'publicUrl'>, state: string | null) {
  append(reply, cookie(OIDC_STATE_COOKIE, state ?? '', OIDC_COOKIE_PATH, state ? OIDC_LOGIN_SECONDS : 0, servedOverTls(req, config)));
}

/** A cookie's value, or null when absent or malformed. */
export function readCookie(req: FastifyRequest, name: string): string | null {
  const c = req.headers.cookie?.split(';').map((x) => x.trim()).find((x) => x.startsWith(`${name}=`));
  if (!c) return null;
  try { return decodeURIComponent(c.slice(name.length + 1)) || null; } catch { return null; }
}
