import type { Role } from '@registrum/procedures';

/** Who performs an act: a signed-in user, or the office itself (sweeps, cross-case effects). */
export type Actor =
  | { kind: 'user'; id: string; role: Role; name: string; partyId: string | null }
  | { kind: 'system'; name: string };

export const SYSTEM: Actor = { kind: 'system', name: 'Registrum (automatic)' };
