// Sealing and verification of the register. Per case, every act hashes its predecessor; across the
// office, seals hash the previous seal and the acts sealed since, in journal order. The sealer runs in
// the worker (one at a time, by advisory lock on PostgreSQL); `verify` re-derives every hash.
import type { Db } from '../platform/db/db.ts';
import { actHash, genesisHash, sealHash, SEAL_GENESIS } from './hash-chain.ts';
import type { ActRow } from './journal.repository.ts';

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

export interface VerifyProblem { kind: string; caseId?: string; caseNumber?: string; actId?: number; seq?: number; sealId?: number; message: string }
export interface VerifyReport { ok: boolean; cases: number; acts: number; seals: number; unsealedActs: number; problems: VerifyProblem[]; seconds: number }

/**
 * Re-derives every act hash, every case chain and head, and every seal. Reads the journal once, in
 * id order (a case's acts are appended in seq order under its row lock, so id order is seq order).
 */
export async function verifyJournal(db: Db, opts: { batch?: number; maxProblems?: number; onProgress?: (acts: number) => void } = {}): Promise<VerifyReport> {
  const started = Date.now();
  const batch = opts.batch ?? 20_000;
  const maxProblems = opts.maxProblems ?? 100;
  const problems: VerifyProblem[] = [];
  const add = (p: VerifyProblem) => { if (problems.length < maxProblems) problems.push(p); };
  const heads = new Map<string, { hash: string; seq: number }>();
  const sealActs = new Map<number, string[]>();
  let acts = 0;
  let unsealed = 0;
  let after = 0;
  for (;;) {
    const { rows } = await db.query<ActRow>('SELECT * FROM acts WHERE id > $1 ORDER BY id LIMIT $2', [after, batch]);
    if (rows.length === 0) break;
    for (const a of rows) {
      acts++;
      const head = heads.get(a.case_id) ?? { hash: genesisHash(a.case_id), seq: 0 };
      if (a.seq !== head.seq + 1) add({ kind: 'sequence-gap', caseId: a.case_id, actId: a.id, seq: a.seq, message: `act ${a.seq} follows act ${head.seq}: acts are missing or reordered` });
      if (a.prev_hash !== head.hash) add({ kind: 'chain-broken', caseId: a.case_id, actId: a.id, seq: a.seq, message: `act ${a.seq} does not link to the act before it` });
      const h = actHash(a);
      if (h !== a.hash) add({ kind: 'act-altered', caseId: a.case_id, actId: a.id, seq: a.seq, message: `act ${a.seq} (${a.type}) was altered after it was recorded` });
      heads.set(a.case_id, { hash: a.hash, seq: a.seq });
      if (a.seal_id === null) unsealed++;
      else {
        let list = sealActs.get(a.seal_id);
        if (!list) sealActs.set(a.seal_id, (list = []));
        list.push(a.hash);
      }
    }
    after = rows[rows.length - 1].id;
    opts.onProgress?.(acts);
  }

  const cases = (await db.query<{ id: string; number: string; act_count: number; head_hash: string }>('SELECT id, number, act_count, head_hash FROM cases')).rows;
  const numbers = new Map(cases.map((c) => [c.id, c.number]));
  for (const c of cases) {
    const head = heads.get(c.id) ?? { hash: genesisHash(c.id), seq: 0 };
    if (c.act_count !== head.seq || c.head_hash !== head.hash) {
      add({ kind: 'head-mismatch', caseId: c.id, message: `the case records ${c.act_count} acts ending in ${c.head_hash.slice(0, 12)}, the journal has ${head.seq} ending in ${head.hash.slice(0, 12)}` });
    }
    heads.delete(c.id);
  }
  for (const [caseId] of heads) add({ kind: 'orphan-acts', caseId, message: 'acts exist for a case that is not in the register' });

  const seals = (await db.query<{ id: number; prev_hash: string; hash: string; act_count: number }>('SELECT id, prev_hash, hash, act_count FROM journal_seals ORDER BY id')).rows;
  let prev = SEAL_GENESIS;
  let expectedId = 1;
  for (const s of seals) {
    if (s.id !== expectedId) add({ kind: 'seal-missing', sealId: s.id, message: `seal ${expectedId} is missing` });
    const hashes = sealActs.get(s.id) ?? [];
    if (s.prev_hash !== prev) add({ kind: 'seal-chain-broken', sealId: s.id, message: `seal ${s.id} does not link to the seal before it` });
    if (hashes.length !== s.act_count) add({ kind: 'seal-acts-missing', sealId: s.id, message: `seal ${s.id} covered ${s.act_count} acts, ${hashes.length} remain: acts or whole cases were deleted` });
    else if (sealHash(s.prev_hash, hashes) !== s.hash) add({ kind: 'seal-mismatch', sealId: s.id, message: `the acts of seal ${s.id} are not those it sealed (altered, replaced or reordered)` });
    prev = s.hash;
    expectedId = s.id + 1;
    sealActs.delete(s.id);
  }
  for (const [sealId] of sealActs) add({ kind: 'unknown-seal', sealId, message: `acts point to seal ${sealId}, which does not exist` });
  for (const p of problems) if (p.caseId) p.caseNumber = numbers.get(p.caseId);
  return { ok: problems.length === 0, cases: cases.length, acts, seals: seals.length, unsealedActs: unsealed, problems, seconds: (Date.now() - started) / 1000 };
}
