// What an act's hash covers. The database computes it (registrum_act_hash, migration 002) when the
// act is inserted and when the journal is verified. This file reproduces the same computation
// outside the database, so an auditor can check an exported journal without trusting Registrum;
// a test holds the two equal.
import { createHash } from 'node:crypto';
import type { ActRow } from './journal.repository.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Each case's chain starts from a hash of its id, so acts cannot be moved to another case. */
export const genesisHash = (caseId: string): string => sha256(`registrum:case:${caseId}`);

/**
 * PostgreSQL's jsonb text form: object keys ordered by UTF-8 length then bytes, ", " and ": " as
 * separators, strings escaped as JSON. (Numbers are written as JavaScript writes them, which matches
 * PostgreSQL for the integers and short decimals that acts hold.)
 */
export function jsonbText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(jsonbText).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined)
    .map(([k, x]) => [Buffer.from(k, 'utf8'), k, x] as const)
    .sort(([a], [b]) => a.length - b.length || Buffer.compare(a, b));
  return `{${entries.map(([, k, x]) => `${JSON.stringify(k)}: ${jsonbText(x)}`).join(', ')}}`;
}

export type HashedFields = Pick<ActRow,
  'case_id' | 'seq' | 'type' | 'office_date' | 'recorded_at' | 'actor_id' | 'actor_role' | 'actor_name' |
  'legal_basis' | 'state_before' | 'state_after' | 'payload' | 'effects' | 'event' | 'prev_hash'>;

/** The same value as the database's registrum_act_hash for the act. */
export function actHash(a: HashedFields): string {
  const micros = BigInt(new Date(a.recorded_at).getTime()) * 1000n;
  const parts = [1, a.case_id, a.seq, a.type, a.office_date, null, a.actor_id, a.actor_role, a.actor_name,
    a.legal_basis, a.state_before, a.state_after, a.payload, a.effects, a.event, a.prev_hash].map(jsonbText);
  parts[5] = micros.toString(); // recorded_at as microseconds since the epoch, a JSON integer
  return sha256(`[${parts.join(', ')}]`);
}

/** A seal links the previous seal to the acts it covers, in journal order. */
export const sealHash = (prevHash: string, actHashes: string[]): string => sha256(`${prevHash}\n${actHashes.join('\n')}`);
export const SEAL_GENESIS = sha256('registrum:office-chain');

/**
 * For an auditor checking a case's journal outside the database: the hash each act rewritten by a
 * redaction of personal data (modules/privacy) must now have, as the latest redaction act of the case
 * that rewrote it recorded it (`payload.acts[].hashAfter`). An act listed here is checked against this
 * value instead of its stored hash; its stored hash still links the chain.
 */
export function redactedHashes(caseActs: readonly Pick<ActRow, 'seq' | 'type' | 'payload'>[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const a of [...caseActs].sort((x, y) => x.seq - y.seq)) {
    if (a.type !== 'redact-personal-data' || !Array.isArray(a.payload?.acts)) continue;
    for (const r of a.payload.acts) if (Number.isInteger(r?.seq) && r.seq < a.seq && typeof r.hashAfter === 'string') out.set(r.seq, r.hashAfter);
  }
  return out;
}
