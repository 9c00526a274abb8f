// Who may call a route: every API route declares its access policy in its options
// (`config: { access }`), the server refuses to start with a route that has none, the policy is
// enforced here before the body is even read, and the authorisation test derives its whole matrix
// (every route x every role, the anonymous caller and another applicant's agent) from the same
// declarations.
import type { FastifyRequest } from 'fastify';
import { OFFICE_ROLES, type Role } from '@registrum/procedures';
import { DomainError } from '../kernel/errors.ts';

/** What a resource an owner-only route names is: the route's `:id` must be the caller's own. */
export type Owned = 'draft' | 'webhook' | 'token' | 'watch';

export type Access =
  /** Anyone, signed in or not (the public register, the gazette, open data, document checks). */
  | 'public'
  /** Any signed-in account; what it reads or changes is its own (its inbox, portfolio, account). */
  | 'signed-in'
  /** Office staff of any role. */
  | 'office'
  /** Accounts of these roles only (office roles, or e.g. applicants and agents). */
  | { roles: readonly Role[] }
  /**
   * A case named by the route parameter `param`: once published anyone may read it; before that its
   * parties and office staff only (the handler decides case by case, through the case's visibility;
   * a hidden case is answered as not found). `signedIn` when only a signed-in caller may use it at all.
   */
  | { case: string; signedIn?: boolean }
  /** A document of a case, named by its SHA-256 in `param`: seen by whoever may see one of its cases. */
  | { document: string }
  /**
   * A signed-in caller's own resource named by `:id` (another caller's is answered as not found);
   * `alsoRoles` may manage everyone's (the administrator, for webhooks).
   */
  | { owner: Owned; alsoRoles?: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
}

export const isOfficeRoleName = (role: string) => (OFFICE_ROLES as readonly string[]).includes(role);

/** The roles a policy lets through, before any case-by-case decision; 'anonymous' for no account. */
export function admits(access: Access, role: Role | 'anonymous'): boolean {
  if (access === 'public' || (typeof access === 'object' && 'document' in access)) return true;
  if (typeof access === 'object' && 'case' in access) return !access.signedIn || role !== 'anonymous';
  if (role === 'anonymous') return false;
  if (access === 'signed-in' || (typeof access === 'object' && 'owner' in access)) return true;
  if (access === 'office') return isOfficeRoleName(role);
  return access.roles.includes(role);
}

/** Refuses the request when the route's policy does not admit the caller (401 unsigned, 403 wrong role). */
export function enforce(access: Access, req: FastifyRequest) {
  const role = req.user?.role ?? 'anonymous';
  if (admits(access, role)) return;
  if (role === 'anonymous') throw new DomainError('UNAUTHENTICATED', 'Sign in first (POST /api/v1/auth/login, then send the token as a Bearer token)', 401);
  const staffOnly = access === 'office' || (typeof access === 'object' && 'roles' in access && access.roles.every(isOfficeRoleName));
  throw new DomainError('FORBIDDEN', staffOnly ? 'This is for office staff only' : 'Your account may not do this', 403);
}

/** The policy in words, for the OpenAPI description of each operation. */
export function describeAccess(access: Access): string {
  if (access === 'public') return 'Access: anyone.';
  if (access === 'signed-in') return 'Access: any signed-in account, for its own data.';
  if (access === 'office') return 'Access: office staff.';
  if ('roles' in access) return `Access: accounts with the role ${access.roles.join(' or ')}.`;
  if ('owner' in access) return `Access: the signed-in owner of the ${access.owner}${access.alsoRoles ? ` (and ${access.alsoRoles.join(', ')})` : ''}.`;
  if ('document' in access) return 'Access: whoever may see a case the document belongs to (anyone, for a public document of a published case).';
  return `Access: ${access.signedIn ? 'signed-in ' : ''}parties of the case and office staff; ${access.signedIn ? '' : 'anyone '}once the case is published${access.signedIn ? ' (signed in)' : ''}.`;
}
