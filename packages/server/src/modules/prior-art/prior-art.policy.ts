// Whose applications a search may show (pure), as the cases module decides for lists (cases.policy.ts):
// office staff every case; an applicant or agent the published ones and their own (filed by them, or
// naming their party or account); everyone else what has been published.
import { OFFICE_ROLES } from '@registrum/procedures';
import type { Viewer } from '../cases/index.ts';

export type SearchScope = { kind: 'public' } | { kind: 'office' } | { kind: 'party'; userId: string; partyId: string | null };

export function searchScope(viewer: Viewer): SearchScope {
  if (!viewer) return { kind: 'public' };
  if ((OFFICE_ROLES as readonly string[]).includes(viewer.role)) return { kind: 'office' };
  return { kind: 'party', userId: viewer.userId, partyId: viewer.partyId };
}
