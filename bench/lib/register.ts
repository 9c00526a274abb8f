// A synthetic register, written in bulk: cases that went through a realistic trademark procedure
// (filing, deficiency, formalities, classification, examination, publication, opposition period,
// registration, renewal), each act with a correct per-case hash chain (actHash/genesisHash) and the
// office chain of seals (sealHash, 20,000 acts a seal like sealJournal), so `journal verify` passes.
import { randomUUID } from 'node:crypto';
import { actHash, genesisHash, sealHash, SEAL_GENESIS, type HashedFields } from '../../packages/server/src/procedure-engine/hash-chain.ts';
import type { Db } from '../../packages/server/src/platform/db/db.ts';
import { rng, trademarkFiling, type Rng } from './payloads.ts';

export const SEAL_SIZE = 20_000;
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const noLimits = { opened: [], closed: [] };
const fx = (data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ data, fees: [], allocated: 0, timeLimits: noLimits, ...extra });
const st61 = (category: string, statusCategory?: string) => ({ standard: 'ST.61', category, ...(statusCategory ? { statusCategory } : {}) });
const OFFICERS = [
  { role: 'formalities', name: 'Formalities Officer' }, { role: 'examiner', name: 'Trademark Examiner' }, { role: 'registrar', name: 'Registrar' },
];

type Step = { type: string; basis: string; after: string; days: number; role: number | 'party' | 'system'; make: (c: CaseGen, t: number) => { payload: any; effects: any; event: any } };

interface CaseGen { r: Rng; no: number; filing: ReturnType<typeof trademarkFiling>; filed: number; data: Record<string, any> }

/** The ten acts of a registered-and-renewed trademark, in order (a case with --acts N keeps the first N). */
const STEPS: Step[] = [
  { type: 'file', basis: 'ML r. 2, r. 3 (minimum requirements for a filing date)', after: 'formalities', days: 0, role: 'party', make: (c, t) => {
    const gs = c.filing.payload.goodsServices;
    const fees = [{ code: 'application', title: 'Application fee (one class)', quantity: 1, amount: 250_00, currency: 'EUR' },
      ...(gs.length > 1 ? [{ code: 'class', title: 'Fee for each class beyond the first', quantity: gs.length - 1, amount: 50_00 * (gs.length - 1), currency: 'EUR' }] : [])];
    const data = { filingDate: iso(t), receiptDate: iso(t), mark: c.filing.payload.mark, goodsServices: gs, priorityClaims: c.filing.payload.priorityClaims ?? [], language: 'en', classesCharged: gs.length };
    return { payload: c.filing.payload, effects: fx(data, { fees, payment: { ...c.filing.payment, reference: c.filing.payment.reference }, allocated: c.filing.payment.amount }), event: st61('Filing date accorded', 'Filing date accorded') };
  } },
  { type: 'notify-formal-deficiency', basis: 'ML r. 5(2)', after: 'formalities-deficient', days: 12, role: 0, make: (_c, t) => ({
    payload: { deficiencies: [{ code: 'APPLICANT_ADDRESS', description: 'The address of the applicant is incomplete.' }] },
    effects: fx({ deficiencies: ['APPLICANT_ADDRESS'] }, { timeLimits: { opened: [{ kind: 'remedy-deficiency', dueOn: iso(t + 61 * DAY), onExpiry: 'deem-withdrawn' }], closed: [] } }),
    event: st61('Formalities deficiency notified') }) },
  { type: 'remedy-deficiency', basis: 'ML r. 5(2)', after: 'formalities', days: 20, role: 'party', make: () => ({
    payload: { remarks: 'Full address: 12 Industrial Park, Unit 4, Port Town.' },
    effects: fx({ deficiencies: [] }, { timeLimits: { opened: [], closed: ['remedy-deficiency'] } }), event: null }) },
  { type: 'accept-formalities', basis: 'ML r. 5', after: 'classification', days: 9, role: 0, make: () => ({ payload: {}, effects: fx({ formalitiesAccepted: true }), event: null }) },
  { type: 'approve-classification', basis: 'ML r. 6 (Nice Agreement)', after: 'examination', days: 15, role: 1, make: () => ({ payload: {}, effects: fx({ classificationApproved: true }), event: st61('Classification checked', 'Classification checked') }) },
  { type: 'accept', basis: 'ML r. 7', after: 'accepted', days: 40, role: 1, make: () => ({ payload: {}, effects: fx({}), event: st61('Application accepted', 'Application accepted') }) },
  { type: 'publish', basis: 'ML r. 8', after: 'published', days: 14, role: 2, make: (_c, t) => ({
    payload: {}, effects: fx({ publicationDate: iso(t), bulletin: `${iso(t).slice(0, 4)}/${Math.floor((t / DAY) % 52) + 1}` }, { timeLimits: { opened: [{ kind: 'opposition', dueOn: iso(t + 92 * DAY), onExpiry: 'close-opposition-period' }], closed: [] } }),
    event: st61('Application published', 'Application published') }) },
  { type: 'close-opposition-period', basis: 'ML r. 9(1)', after: 'awaiting-registration', days: 93, role: 'system', make: () => ({
    payload: {}, effects: fx({ oppositionPeriodClosed: true }, { timeLimits: { opened: [], closed: ['opposition'] } }), event: null }) },
  { type: 'register', basis: 'ML r. 10', after: 'registered', days: 7, role: 2, make: (c, t) => ({
    payload: {}, effects: fx({ registrationDate: iso(t), expiryDate: iso(c.filed + 3652 * DAY), registrationNumber: `R${c.r.int(100000, 999999)}` }),
    event: st61('Registration published', 'Registration published') }) },
  { type: 'renew', basis: 'ML r. 11', after: 'registered', days: 3300, role: 'party', make: (c, t) => {
    const n = c.filing.payload.goodsServices.length;
    const fees = [{ code: 'renewal', title: 'Renewal fee (one class)', quantity: 1, amount: 300_00, currency: 'EUR' },
      ...(n > 1 ? [{ code: 'renewal-class', title: 'Renewal fee for each class beyond the first', quantity: n - 1, amount: 50_00 * (n - 1), currency: 'EUR' }] : [])];
    const amount = fees.reduce((s, f) => s + f.amount, 0);
    return { payload: { classes: c.filing.payload.goodsServices.map((g: any) => g.classNumber) },
      effects: fx({ expiryDate: iso(c.filed + 7305 * DAY), renewedOn: iso(t) }, { fees, payment: { amount, currency: 'EUR', method: 'bank-transfer', reference: null }, allocated: amount }),
      event: st61('Registration renewed', 'Registration renewed') };
  } },
];

export interface GenOptions { cases: number; acts: number; chunk: number; seed: number; procedureVersion: string; onProgress?: (cases: number, acts: number) => void }

/** Writes the register; returns what it wrote. Acts of a chunk of cases are interleaved (all first acts, then all second acts...), as in a live journal. */
export async function writeRegister(db: Db, o: GenOptions) {
  const r = rng(o.seed);
  const steps = STEPS.slice(0, Math.max(1, Math.min(STEPS.length, o.acts)));
  let nextId = 1;
  let sealHashes: string[] = [];
  let prevSeal = SEAL_GENESIS;
  const seals: { id: number; prev: string; hash: string; count: number; first: number; last: number }[] = [];
  let pending: Promise<unknown> = Promise.resolve();
  for (let base = 0; base < o.cases; base += o.chunk) {
    const n = Math.min(o.chunk, o.cases - base);
    const gens: (CaseGen & { id: string; head: string; t: number; state: string })[] = [];
    for (let i = 0; i < n; i++) {
      const filed = Date.UTC(2005, 0, 3) + r.int(0, 3650) * DAY + r.int(8 * 3600, 17 * 3600) * 1000;
      const id = randomUUID();
      gens.push({ r, no: base + i + 1, filing: trademarkFiling(r, new Date(filed)), filed, data: {}, id, head: genesisHash(id), t: filed, state: '' });
    }
    const acts: (HashedFields & { id: number; hash: string; seal_id: number })[] = [];
    steps.forEach((step, k) => {
      for (const g of gens) {
        g.t += step.days * DAY + r.int(0, 6 * 3600) * 1000;
        const m = step.make(g, g.t);
        const actor = step.role === 'party' ? { id: null, role: 'agent', name: 'Demo IP Attorneys' }
          : step.role === 'system' ? { id: null, role: 'system', name: 'Registrum (automatic)' }
          : { id: null, role: OFFICERS[step.role].role, name: OFFICERS[step.role].name };
        const a = {
          case_id: g.id, seq: k + 1, type: step.type, office_date: iso(g.t) as any, recorded_at: new Date(g.t),
          actor_id: actor.id, actor_role: actor.role, actor_name: actor.name, legal_basis: step.basis,
          state_before: k === 0 ? null : g.state, state_after: step.after, payload: m.payload, effects: m.effects, event: m.event, prev_hash: g.head,
        };
        const hash = actHash(a);
        const id = nextId++;
        const sealId = Math.floor((id - 1) / SEAL_SIZE) + 1;
        acts.push({ ...a, id, hash, seal_id: sealId });
        g.head = hash; g.state = step.after; Object.assign(g.data, m.effects.data);
        sealHashes.push(hash);
        if (sealHashes.length === SEAL_SIZE) {
          const h = sealHash(prevSeal, sealHashes);
          seals.push({ id: sealId, prev: prevSeal, hash: h, count: sealHashes.length, first: id - sealHashes.length + 1, last: id });
          prevSeal = h; sealHashes = [];
        }
      }
    });
    // Insert this chunk while the next one is being computed (two statements in flight at most).
    await pending;
    pending = insertChunk(db, gens, acts, o.procedureVersion);
    o.onProgress?.(base + n, nextId - 1);
  }
  await pending;
  if (sealHashes.length) {
    const last = nextId - 1;
    seals.push({ id: seals.length + 1, prev: prevSeal, hash: sealHash(prevSeal, sealHashes), count: sealHashes.length, first: last - sealHashes.length + 1, last });
  }
  await db.query(
    `INSERT INTO journal_seals (id, prev_hash, hash, act_count, first_act, last_act)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::bigint[])`,
    [seals.map((s) => s.id), seals.map((s) => s.prev), seals.map((s) => s.hash), seals.map((s) => s.count), seals.map((s) => s.first), seals.map((s) => s.last)]);
  await db.query("SELECT setval(pg_get_serial_sequence('acts', 'id'), $1)", [nextId - 1]);
  return { cases: o.cases, acts: nextId - 1, seals: seals.length };
}

async function insertChunk(db: Db, gens: (CaseGen & { id: string; head: string; t: number; state: string })[], acts: (HashedFields & { id: number; hash: string; seal_id: number })[], version: string) {
  const col = <T>(f: (g: (typeof gens)[number], i: number) => T) => gens.map(f);
  await db.query(
    `INSERT INTO cases (id, number, right_kind, framework, procedure_version, state, public, filing_date, title, data, currency, act_count, head_hash, created_at, updated_at)
     SELECT id, number, 'trademark', 'model-law', $3, state, true, filing_date, title, data, 'EUR', act_count, head_hash, created_at, updated_at
       FROM unnest($1::uuid[], $2::text[], $4::text[], $5::date[], $6::text[], $7::jsonb[], $8::int[], $9::text[], $10::timestamptz[], $11::timestamptz[])
         AS t(id, number, state, filing_date, title, data, act_count, head_hash, created_at, updated_at)`,
    [col((g) => g.id), col((g) => `TM-${iso(g.filed).slice(0, 4)}-${String(g.no).padStart(6, '0')}`), version, col((g) => g.state), col((g) => iso(g.filed)),
      col((g) => g.filing.payload.mark.text), col((g) => JSON.stringify(g.data)), col(() => acts.length / gens.length), col((g) => g.head),
      col((g) => new Date(g.filed).toISOString()), col((g) => new Date(g.t).toISOString())]);
  const a = <T>(f: (x: (typeof acts)[number]) => T) => acts.map(f);
  await db.query(
    `INSERT INTO acts (id, case_id, seq, type, office_date, recorded_at, actor_id, actor_role, actor_name, legal_basis, state_before, state_after, payload, effects, event, prev_hash, hash, seal_id)
     OVERRIDING SYSTEM VALUE
     SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::int[], $4::text[], $5::date[], $6::timestamptz[], $7::uuid[], $8::text[], $9::text[], $10::text[],
                          $11::text[], $12::text[], $13::jsonb[], $14::jsonb[], $15::jsonb[], $16::text[], $17::text[], $18::bigint[])`,
    [a((x) => x.id), a((x) => x.case_id), a((x) => x.seq), a((x) => x.type), a((x) => x.office_date), a((x) => (x.recorded_at as Date).toISOString()),
      a((x) => x.actor_id), a((x) => x.actor_role), a((x) => x.actor_name), a((x) => x.legal_basis), a((x) => x.state_before), a((x) => x.state_after),
      a((x) => JSON.stringify(x.payload)), a((x) => JSON.stringify(x.effects)), a((x) => (x.event ? JSON.stringify(x.event) : null)),
      a((x) => x.prev_hash), a((x) => x.hash), a((x) => x.seal_id)]);
}
