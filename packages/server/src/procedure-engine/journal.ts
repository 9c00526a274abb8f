// Sealing and verification of the register. Per case, every act hashes its predecessor; across the
// office, seals hash the previous seal and the acts sealed since, in journal order. The sealer runs in
// the worker (one at a time, by advisory lock on PostgreSQL); `verify` re-derives every hash.
import type { Db } from '../platform/db/db.ts';
import { sealHash, SEAL_GENESIS } from './hash-chain.ts';
import { verifyAuditTrail, type AuditCounts } from '../modules/audit/index.ts';

export async function sealJournal(db: Db, maxActs = 20_000): Promise<{ sealId: number; acts: number } | null> {
  return db.tx(async (q) => {
    if (db.kind === 'postgres') {
      const { rows } = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(727101) AS ok');
      if (!rows[0].ok) return null;
    }
    const acts = (await q.query<{ id: number; hash: string }>('SELECT id, hash FROM acts WHERE seal_id IS NULL ORDER BY id LIMIT $1', [maxActs])).rows;
    if (acts.length === 0) return null;
    const last = (await q.query<{ id: number; hash: string }>('SELECT id, hash FROM journal_seals ORDER BY id DESC LIMIT 1')).rows[0];
    const sealId = (last?.id ?? 0) + 1;
    const prev = last?.hash ?? SEAL_GENESIS;
    const hash = sealHash(prev, acts.map((a) => a.hash));
    await q.query('INSERT INTO journal_seals (id, prev_hash, hash, act_count, first_act, last_act) VALUES ($1, $2, $3, $4, $5, $6)',
      [sealId, prev, hash, acts.length, acts[0].id, acts[acts.length - 1].id]);
    await q.query('UPDATE acts SET seal_id = $1 WHERE id = ANY($2::bigint[])', [sealId, acts.map((a) => a.id)]);
    return { sealId, acts: acts.length };
  });
}

export interface VerifyProblem { kind: string; caseId?: string; caseNumber?: string; actId?: number; seq?: number; sealId?: number; outageSeq?: number; eventId?: number; eventSeq?: number; message: string }
export interface VerifyReport { ok: boolean; cases: number; acts: number; seals: number; unsealedActs: number; outages?: number; audit: AuditCounts; problems: VerifyProblem[]; seconds: number }

const ACT_HASH_SQL = `registrum_act_hash(a.case_id, a.seq, a.type, a.office_date, a.recorded_at, a.actor_id, a.actor_role, a.actor_name,
  a.legal_basis, a.state_before, a.state_after, a.payload, a.effects, a.event, a.prev_hash)`;

/**
 * Acts whose personal data a redaction act erased (modules/privacy): for each, the hash of its content
 * after the latest redaction of it, as that later act of the same case recorded it (the redaction act is
 * itself hash-chained, so the value cannot be changed unnoticed). The stored hash of the act stays the
 * one it was recorded with, so the chain and the seals are untouched.
 */
const REDACTED_SQL = `SELECT DISTINCT ON (case_id, seq) case_id, seq, hash_after, by_seq FROM (
     SELECT r.case_id, r.seq AS by_seq, x ->> 'hashAfter' AS hash_after,
            CASE WHEN jsonb_typeof(x -> 'seq') = 'number' THEN (x ->> 'seq')::numeric END AS seq
       FROM acts r CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(r.payload -> 'acts') = 'array' THEN r.payload -> 'acts' ELSE '[]'::jsonb END) x
      WHERE r.type = 'redact-personal-data') y
   WHERE seq < by_seq ORDER BY case_id, seq, by_seq DESC`;

/**
 * Each act with the hash of its content now and, if a redaction rewrote it, the hash the redaction
 * recorded: an act is as recorded when its content hashes to its stored hash, or, once redacted, to the
 * hash its latest redaction recorded, and to nothing else. Content that hashes to the original again after
 * a redaction means the erased data was put back.
 */
const CHECKED_ACTS_SQL = `SELECT a.id, a.case_id, a.seq, a.type, a.hash, ${ACT_HASH_SQL} AS computed, d.hash_after, d.by_seq
    FROM acts a LEFT JOIN (${REDACTED_SQL}) d ON d.case_id = a.case_id AND d.seq = a.seq`;
const ALTERED = `(x.hash_after IS NULL AND x.hash IS DISTINCT FROM x.computed) OR (x.hash_after IS NOT NULL AND x.hash_after IS DISTINCT FROM x.computed)`;

/**
 * Re-derives every act hash, every case chain and head, and every seal, as set-based queries the
 * database can run in parallel. Each check names the case and act (or seal) it finds wrong.
 */
export async function verifyJournal(db: Db, opts: { maxProblems?: number; onProgress?: (step: string) => void } = {}): Promise<VerifyReport> {
  const started = Date.now();
  const limit = opts.maxProblems ?? 100;
  const problems: VerifyProblem[] = [];
  const step = (name: string) => opts.onProgress?.(name);

  step('act hashes');
  // Counting first lets the server scan in parallel; the altered acts are listed only if there are any.
  const altered = Number((await db.query<{ n: string }>(`SELECT count(*) FILTER (WHERE ${ALTERED}) AS n FROM (${CHECKED_ACTS_SQL}) x`)).rows[0].n);
  if (altered > 0) {
    for (const r of (await db.query<{ id: number; case_id: string; seq: number; type: string; reverted: boolean; by_seq: number | null }>(
      `SELECT x.id, x.case_id, x.seq, x.type, x.by_seq, (x.hash_after IS NOT NULL AND x.hash = x.computed) AS reverted
         FROM (${CHECKED_ACTS_SQL}) x WHERE ${ALTERED} ORDER BY x.id LIMIT $1`, [limit])).rows) {
      problems.push(r.reverted
        ? { kind: 'redaction-reverted', caseId: r.case_id, actId: r.id, seq: r.seq, message: `act ${r.seq} (${r.type}) holds again the personal data act ${r.by_seq} erased` }
        : { kind: 'act-altered', caseId: r.case_id, actId: r.id, seq: r.seq, message: `act ${r.seq} (${r.type}) was altered after it was recorded${r.by_seq ? ` (or after its redaction by act ${r.by_seq})` : ''}` });
    }
  }

  step('case chains');
  // Each act against the one before it in its case (a window, not a million index probes).
  for (const r of (await db.query<{ id: number; case_id: string; seq: number; kind: string }>(
    `SELECT id, case_id, seq, CASE WHEN seq > 1 AND prev_seq IS DISTINCT FROM seq - 1 THEN 'sequence-gap' ELSE 'chain-broken' END AS kind
       FROM (SELECT a.id, a.case_id, a.seq, a.prev_hash,
                    lag(a.seq) OVER w AS prev_seq, lag(a.hash) OVER w AS prev_act_hash
               FROM acts a WINDOW w AS (PARTITION BY a.case_id ORDER BY a.seq)) x
      WHERE (seq = 1 AND (prev_seq IS NOT NULL OR prev_hash <> registrum_genesis_hash(case_id)))
         OR (seq > 1 AND (prev_seq IS DISTINCT FROM seq - 1 OR prev_hash <> prev_act_hash))
         OR seq < 1
      ORDER BY id LIMIT $1`, [limit])).rows) {
    problems.push({
      kind: r.kind, caseId: r.case_id, actId: r.id, seq: r.seq,
      message: r.kind === 'sequence-gap' ? `act ${r.seq} has no act ${r.seq - 1} before it: acts are missing or reordered` : `act ${r.seq} does not link to the act before it`,
    });
  }

  step('case heads');
  for (const r of (await db.query<{ id: string; act_count: number; head_hash: string; seq: number | null; hash: string | null }>(
    `SELECT c.id, c.act_count, c.head_hash, h.seq, h.hash FROM cases c
       LEFT JOIN (SELECT DISTINCT ON (case_id) case_id, seq, hash FROM acts ORDER BY case_id, seq DESC) h ON h.case_id = c.id
      WHERE c.act_count <> coalesce(h.seq, 0) OR c.head_hash <> coalesce(h.hash, registrum_genesis_hash(c.id))
      LIMIT $1`, [limit])).rows) {
    problems.push({ kind: 'head-mismatch', caseId: r.id, message: `the case records ${r.act_count} acts ending in ${r.head_hash.slice(0, 12)}, the journal has ${r.seq ?? 0} ending in ${(r.hash ?? 'genesis').slice(0, 12)}` });
  }
  for (const r of (await db.query<{ case_id: string }>(
    'SELECT DISTINCT a.case_id FROM acts a WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = a.case_id) LIMIT $1', [limit])).rows) {
    problems.push({ kind: 'orphan-acts', caseId: r.case_id, message: 'acts exist for a case that is not in the register' });
  }

  step('office chain');
  const seals = (await db.query<{ id: number; prev_hash: string; hash: string; act_count: number; n: number | null; computed: string | null }>(
    `SELECT s.id, s.prev_hash, s.hash, s.act_count, x.n,
            encode(sha256(convert_to(s.prev_hash || E'\n' || coalesce(x.hashes, ''), 'UTF8')), 'hex') AS computed
       FROM journal_seals s
       LEFT JOIN (SELECT seal_id, count(*)::int AS n, string_agg(hash, E'\n' ORDER BY id) AS hashes FROM acts WHERE seal_id IS NOT NULL GROUP BY seal_id) x
         ON x.seal_id = s.id
      ORDER BY s.id`)).rows;
  let prev = SEAL_GENESIS;
  let expectedId = 1;
  for (const s of seals) {
    const add = (p: VerifyProblem) => { if (problems.length < limit) problems.push(p); };
    if (s.id !== expectedId) add({ kind: 'seal-missing', sealId: s.id, message: `seal ${expectedId} is missing` });
    if (s.prev_hash !== prev) add({ kind: 'seal-chain-broken', sealId: s.id, message: `seal ${s.id} does not link to the seal before it` });
    if ((s.n ?? 0) !== s.act_count) add({ kind: 'seal-acts-missing', sealId: s.id, message: `seal ${s.id} covered ${s.act_count} acts, ${s.n ?? 0} remain: acts or whole cases were deleted` });
    else if (s.computed !== s.hash) add({ kind: 'seal-mismatch', sealId: s.id, message: `the acts of seal ${s.id} are not those it sealed (altered, replaced or reordered)` });
    prev = s.hash;
    expectedId = s.id + 1;
  }
  for (const r of (await db.query<{ seal_id: number }>(
    'SELECT DISTINCT seal_id FROM acts WHERE seal_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM journal_seals s WHERE s.id = acts.seal_id) LIMIT $1', [limit])).rows) {
    problems.push({ kind: 'unknown-seal', sealId: r.seal_id, message: `acts point to seal ${r.seal_id}, which does not exist` });
  }

  step('declared outages');
  // The declared periods of unavailability (modules/outages): a chain of their own, hashed by the database.
  const outages = (await db.query<{ seq: number; prev_hash: string; hash: string; computed: string; previous: string | null; genesis: string }>(
    `SELECT o.seq, o.prev_hash, o.hash, registrum_outage_hash(o) AS computed, lag(o.hash) OVER (ORDER BY o.seq) AS previous,
            registrum_outages_genesis() AS genesis
       FROM outages o ORDER BY o.seq`)).rows;
  outages.forEach((o, i) => {
    const add = (p: VerifyProblem) => { if (problems.length < limit) problems.push(p); };
    if (o.seq !== i + 1) add({ kind: 'outage-missing', outageSeq: o.seq, message: `declared outage ${i + 1} is missing` });
    if (o.prev_hash !== (o.previous ?? o.genesis)) add({ kind: 'outage-chain-broken', outageSeq: o.seq, message: `declared outage ${o.seq} does not link to the one before it` });
    if (o.computed !== o.hash) add({ kind: 'outage-altered', outageSeq: o.seq, message: `declared outage ${o.seq} was altered after it was declared` });
  });

  step('audit chain');
  // The audit trail (modules/audit): its own chain, hashed by the database; problems in chain order.
  const audit = await verifyAuditTrail(db, limit);
  for (const p of audit.problems) if (problems.length < limit) problems.push(p);

  const counts = (await db.query<{ cases: number; acts: number; unsealed: number }>(
    'SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM acts)::int AS acts, (SELECT count(*) FROM acts WHERE seal_id IS NULL)::int AS unsealed')).rows[0];
  if (problems.some((p) => p.caseId)) {
    const ids = [...new Set(problems.map((p) => p.caseId).filter(Boolean))];
    const numbers = new Map((await db.query<{ id: string; number: string }>('SELECT id, number FROM cases WHERE id = ANY($1::uuid[])', [ids])).rows.map((r) => [r.id, r.number]));
    for (const p of problems) if (p.caseId) p.caseNumber = numbers.get(p.caseId);
  }
  const trimmed = problems.slice(0, limit);
  return { ok: trimmed.length === 0, cases: counts.cases, acts: counts.acts, seals: seals.length, unsealedActs: counts.unsealed, outages: outages.length, audit: audit.counts, problems: trimmed, seconds: (Date.now() - started) / 1000 };
}
