// What an act's hash covers, in one place, so the writer and `journal verify` cannot disagree.
import { canonicalJson, sha256 } from '../kernel/hash.ts';
import type { ActRow } from './journal.repository.ts';

export const HASH_VERSION = 1;

/** Each case's chain starts from a hash of its id, so acts cannot be moved to another case. */
export const genesisHash = (caseId: string): string => sha256(`registrum:case:${caseId}`);

export type HashedFields = Pick<ActRow,
  'case_id' | 'seq' | 'type' | 'office_date' | 'recorded_at' | 'actor_id' | 'actor_role' | 'actor_name' |
  'legal_basis' | 'state_before' | 'state_after' | 'payload' | 'effects' | 'event' | 'prev_hash'>;

export function actHash(a: HashedFields): string {
  return sha256(canonicalJson({
    v: HASH_VERSION,
    caseId: a.case_id,
    seq: a.seq,
    type: a.type,
    officeDate: a.office_date,
    recordedAt: new Date(a.recorded_at).toISOString(),
    actor: { id: a.actor_id, role: a.actor_role, name: a.actor_name },
    legalBasis: a.legal_basis,
    stateBefore: a.state_before,
    stateAfter: a.state_after,
    payload: a.payload,
    effects: a.effects,
    event: a.event,
    prev: a.prev_hash,
  }));
}

/** A seal links the previous seal to the acts it covers, in journal order. */
export const sealHash = (prevHash: string, actHashes: string[]): string => sha256(`${prevHash}\n${actHashes.join('\n')}`);
export const SEAL_GENESIS = sha256('registrum:office-chain');
