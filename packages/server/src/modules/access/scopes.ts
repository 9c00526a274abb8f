// What an API token may do. A token is made with a list of scopes; each request needs one, by method
// and route group. A sign-in session (and a token made before scopes existed) is not restricted.
import { DomainError } from '../../kernel/errors.ts';

export const SCOPES = ['read', 'file', 'act', 'webhooks', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

// Routes that change data but only answer a question.
const READ_POSTS = new Set(['/fees/quote', '/verify', '/auth/logout']);

/**
 * The scope a request needs, or 'session' for what only a signed-in person may do with a scoped token
 * unable to (making tokens, the second factor).
 */
export function scopeNeeded(method: string, url: string): Scope | 'session' {
  const path = url.split('?')[0].replace(/^\/api\/v1(?=\/)/, '').replace(/\/+$/, '');
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || READ_POSTS.has(path)) return 'read';
  if (/^\/(admin|imports|open-data)(\/|$)/.test(path)) return 'admin';
  if (/^\/cases\/[^/]+\/(acts|assignment|redactions)(\/|$)/.test(path) || /^\/(bulk|gazette)(\/|$)/.test(path)) return 'act';
  if (/^\/(cases|uploads|drafts|account\/deposits)(\/|$)/.test(path)) return 'file';
  if (/^\/webhooks(\/|$)/.test(path)) return 'webhooks';
  return 'session';
}

/** Refuses a request its token has no scope for (null scopes = unrestricted). */
export function checkScope(method: string, url: string, scopes: string[] | null) {
  if (scopes === null) return;
  const needed = scopeNeeded(method, url);
  if (!scopes.includes(needed)) {
    throw new DomainError('TOKEN_SCOPE', needed === 'session'
      ? 'This needs a signed-in session, not an API token'
      : `This API token lacks the scope '${needed}'`, 403, { scope: needed, scopes });
  }
}
