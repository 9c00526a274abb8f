// The audit chain. Requests append events unchained (a plain INSERT: no lock, no wait on other
// requests); the worker chains the pending ones in id order, each hashing its content, its position
// and the hash of the event before it (registrum_audit_chain, migration 014). Verification re-derives
// every hash and link in set-based SQL and names the first event altered or removed. auditEventHash
// reproduces the database's hash outside it, so an auditor can check an export without trusting us.
import { createHash } from 'node:crypto';
import { jsonbText } from '../../procedure-engine/hash-chain.ts';
import type { Db, Queryable } from '../../platform/db/db.ts';
import * as repo from './audit.repository.ts';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The chain starts from a fixed hash (registrum_audit_genesis). */
export const AUDIT_GENESIS = sha256('registrum:audit-chain');

export type ChainedFields = Pick<repo.AuditEventRow,
  'id' | 'at' | 'office_date' | 'kind' | 'user_id' | 'user_role' | 'user_name' | 'case_id' | 'case_number' | 'method' | 'route' |
  'url' | 'status' | 'summary' | 'request_id' | 'address'> & { seq: number; prev_hash: string };

/** The same value as the database's registrum_audit_hash for a chained event. */
export function auditEventHash(e: ChainedFields): string {
  const micros = BigInt(new Date(e.at).getTime()) * 1000n;
  const parts = ['audit', 1, e.seq, e.id, null, e.office_date, e.kind, e.user_id, e.user_role, e.user_name, e.case_id, e.case_number,
    e.method, e.route, e.url, e.status, e.summary, e.request_id, e.address, e.prev_hash].map(jsonbText);
  parts[4] = micros.toString(); // the instant as microseconds since the epoch, a JSON integer
  return sha256(`[${parts.join(', ')}]`);
}

const CHAIN_BATCH = 5_000;

/** Chains every pending event (a few batches a pass, like the seals); returns how many. */
export async function chainAuditTrail(db: Db, maxBatches = 5): Promise<number> {
  let chained = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await repo.chainPending(db, CHAIN_BATCH);
    if (!n) break;
    chained += n;
    if (n < CHAIN_BATCH) break;
  }
  return chained;
}

export interface AuditProblem { kind: 'audit-altered' | 'audit-missing' | 'audit-chain-broken'; eventId?: number; eventSeq: number; message: string }
export interface AuditCounts { events: number; chained: number; unchained: number; headSeq: number | null; headHash: string | null }

/**
 * Re-derives the chain: every chained event's hash from its content, every link to the event before
 * it, and the positions without gaps from 1. Problems come in chain order, so the first one names the
 * first event altered or removed. Events not yet chained are counted, not judged.
 */
export async function verifyAuditTrail(q: Queryable, limit = 100): Promise<{ problems: AuditProblem[]; counts: AuditCounts }> {
  const problems: AuditProblem[] = [];
  for (const r of await repo.alteredEvents(q, limit)) {
    problems.push({ kind: 'audit-altered', eventId: r.id, eventSeq: r.seq, message: `audit event ${r.seq} (id ${r.id}) was altered after it was chained` });
  }
  for (const r of await repo.brokenLinks(q, limit)) {
    const expected = (r.prev_seq ?? 0) + 1;
    if (r.seq !== expected) {
      const gone = r.seq - 1 === expected ? `event ${expected} was` : `events ${expected} to ${r.seq - 1} were`;
      problems.push({ kind: 'audit-missing', eventId: r.id, eventSeq: expected,
        message: `audit ${gone} removed (${r.prev_id ? `between event ids ${r.prev_id} and ${r.id}` : `before event id ${r.id}`})` });
    } else if (!r.linked) {
      problems.push({ kind: 'audit-chain-broken', eventId: r.id, eventSeq: r.seq,
        message: r.prev_seq === null
          ? `audit event ${r.seq} (id ${r.id}) does not start the chain: the start was altered or replaced`
          : `audit event ${r.seq} (id ${r.id}) does not link to event ${r.prev_seq} (id ${r.prev_id}): event ${r.prev_seq} was altered or replaced` });
    }
  }
  problems.sort((a, b) => a.eventSeq - b.eventSeq || a.kind.localeCompare(b.kind));
  const s = await repo.chainState(q);
  return {
    problems: problems.slice(0, limit),
    counts: { events: s.events, chained: s.events - s.unchained, unchained: s.unchained, headSeq: s.head_seq, headHash: s.head_hash },
  };
}
