// Who may see what. Pure: the caller supplies the facts (role, whether the viewer is a party).
import type { Role } from '@registrum/procedures';

export type Viewer = { userId: string; role: Role; partyId: string | null } | null;

export const isOffice = (v: Viewer) => !!v && (v.role === 'formalities' || v.role === 'examiner' || v.role === 'registrar' || v.role === 'admin');

/** Office staff see every case; parties see their own; everyone else only what has been published. */
export function canView(viewer: Viewer, c: { public: boolean }, isParty: boolean): boolean {
  return isOffice(viewer) || isParty || c.public;
}

/** What a non-party may see of a published case: no contact details of the parties. */
export function canSeeContactDetails(viewer: Viewer, isParty: boolean): boolean {
  return isOffice(viewer) || isParty;
}

export function listScope(viewer: Viewer): { userId: string; partyId: string | null } | null | 'public' {
  if (!viewer) return 'public';
  if (isOffice(viewer)) return null;
  return { userId: viewer.userId, partyId: viewer.partyId };
}
