// Erasure by redaction. In one transaction: the case is locked; each field asked for is checked against
// the law (erasure-policy.ts); the person's values are replaced by the redaction marker in every act of
// the case that names them (payload and effects), in the case data and in the party; then the redaction
// act is recorded in the case's journal, hash-chained like any act, listing for each act it rewrote the
// paths erased and the hash of the act's content after the redaction. The stored hash of a rewritten act
// is left as it was recorded, so the chain and the seals hold; journal verify accepts the act's new
// content only because it hashes to what the (later, itself chained) redaction act recorded.
import { REDACT_PERSONAL_DATA, findProcedure, privacyOf, findFramework } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import type { Clock } from '../../../kernel/clock.ts';
import { DomainError } from '../../../kernel/errors.ts';
import type { Db } from '../../../platform/db/db.ts';
import type { ProcedureEngine } from '../../../procedure-engine/engine.ts';
import { ERASABLE_FIELDS, RIGHT_CONFERRED_FIELDS, type ErasableField } from '../classification.ts';
import { erasureRefusal, retentionEnds, type ErasureFacts } from '../erasure-policy.ts';
import * as repo from '../privacy.repository.ts';
import { REDACTED, redactPerson, type PersonValues } from '../redaction.ts';

export interface PrivacyDeps { db: Db; engine: ProcedureEngine; clock: Clock }

export interface RedactionRequest { targets: { party: string; fields: ErasableField[] }[]; reason: string }

/** The persons of a case: those taking part now, and those its journal added or ended since. */
function personsOf(journal: repo.JournalAct[], current: { party_id: string; role: string }[]) {
  const roles = new Map<string, { current: Set<string>; former: Set<string> }>();
  const entry = (id: string) => roles.get(id) ?? roles.set(id, { current: new Set(), former: new Set() }).get(id)!;
  for (const c of current) entry(c.party_id).current.add(c.role);
  for (const a of journal) {
    for (const x of [...(a.effects?.parties?.added ?? []), ...(a.effects?.parties?.ended ?? [])]) {
      if (typeof x?.partyId === 'string' && typeof x?.role === 'string') entry(x.partyId).former.add(x.role);
    }
  }
  for (const r of roles.values()) for (const role of r.current) r.former.delete(role);
  return roles;
}

/** What the law's erasure rules need to know of a case. */
function caseFacts(deps: PrivacyDeps, c: repo.CaseFacts, journal: repo.JournalAct[]) {
  const procedure = findProcedure(c.framework, c.right_kind, c.procedure_version);
  if (!procedure) throw new Error(`case ${c.number} is pinned to an unknown procedure`);
  const ended = !!procedure.states[c.state]?.terminal;
  // The act that brought the case into its final state.
  const endedBy = ended ? [...journal].reverse().find((a) => a.state_after === c.state && a.state_before !== c.state) : undefined;
  return {
    procedure, ended, endedOn: endedBy?.office_date ?? (ended ? journal.at(-1)?.office_date ?? null : null),
    conferredRight: RIGHT_CONFERRED_FIELDS.some((k) => c.data?.[k] !== undefined && c.data?.[k] !== null),
    retention: privacyOf(findFramework(c.framework)).erasure.retention,
  };
}

const present = (p: repo.PartyRow, f: ErasableField) => typeof p[f] === 'string' && p[f] !== '' && p[f] !== REDACTED;

/** What the case holds of each person, and for each field whether it may be erased now (and why not). */
export async function personalDataOfCase(deps: PrivacyDeps, idOrNumber: string) {
  const c = await repo.findCase(deps.db, idOrNumber);
  if (!c) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  const journal = await repo.journalOf(deps.db, c.id);
  const persons = personsOf(journal, await repo.currentParties(deps.db, c.id));
  const facts = caseFacts(deps, c, journal);
  const today = deps.clock.today();
  const rows = await repo.partiesByIds(deps.db, [...persons.keys()]);
  return {
    caseId: c.id, number: c.number, ended: facts.ended, endedOn: facts.endedOn, conferredRight: facts.conferredRight,
    retentionEnds: retentionEnds(facts),
    parties: rows.map((p) => {
      const r = persons.get(p.id)!;
      const f: ErasureFacts = { ...facts, today, party: { id: p.id, kind: p.kind, current: r.current.size > 0 } };
      return {
        id: p.id, kind: p.kind, name: p.name, roles: [...r.current].sort(), formerRoles: [...r.former].sort(), current: r.current.size > 0,
        fields: Object.fromEntries(ERASABLE_FIELDS.map((field) => {
          const refusal = erasureRefusal(field, f);
          return [field, {
            present: present(p, field), redacted: p[field] === REDACTED,
            erasable: !refusal, ...(refusal ? { refusal: { code: refusal.code, message: refusal.message, ...refusal.details } } : {}),
          }];
        })),
      };
    }),
  };
}

export async function redactPersonalData(deps: PrivacyDeps, actor: Actor & { kind: 'user' }, idOrNumber: string, req: RedactionRequest) {
  // One entry per party, its fields merged.
  const wanted = new Map<string, Set<ErasableField>>();
  for (const t of req.targets) for (const f of t.fields) (wanted.get(t.party.toLowerCase()) ?? wanted.set(t.party.toLowerCase(), new Set()).get(t.party.toLowerCase())!).add(f);
  return deps.db.tx(async (q) => {
    const c = await repo.findCase(q, idOrNumber, true);
    if (!c) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
    const journal = await repo.journalOf(q, c.id);
    const persons = personsOf(journal, await repo.currentParties(q, c.id));
    const facts = caseFacts(deps, c, journal);
    const today = deps.clock.today();
    const rows = new Map((await repo.partiesByIds(q, [...wanted.keys()].filter(repo.isUuid))).map((p) => [p.id, p]));

    // The law first: every field of every person, before anything is written.
    for (const [partyId, fields] of wanted) {
      const p = rows.get(partyId);
      const r = persons.get(partyId);
      if (!p || !r) throw new DomainError('PARTY_NOT_IN_CASE', `The case ${c.number} names no party ${partyId}`, 404, { party: partyId });
      for (const field of ERASABLE_FIELDS.filter((f) => fields.has(f))) {
        const refusal = erasureRefusal(field, { ...facts, today, party: { id: p.id, kind: p.kind, current: r.current.size > 0 } });
        if (refusal) throw refusal;
      }
    }

    // The journal: each act rewritten once, with every person's fields replaced.
    const rewritten: { seq: number; paths: string[]; hashAfter: string }[] = [];
    let data = c.data ?? {};
    const dataPaths: string[] = [];
    const values = [...wanted].map(([partyId, fields]) => {
      const p = rows.get(partyId)!;
      const person: PersonValues = { id: p.id, name: p.name, address: p.address, email: p.email, nationality: p.nationality };
      return { person, fields: ERASABLE_FIELDS.filter((f) => fields.has(f)) };
    });
    for (const a of journal) {
      if (a.type === REDACT_PERSONAL_DATA) continue;
      let payload = a.payload; let effects = a.effects; const paths: string[] = [];
      for (const v of values) {
        const rp = redactPerson(payload, v.person, v.fields, 'payload'); payload = rp.value; paths.push(...rp.paths);
        const re = redactPerson(effects, v.person, v.fields, 'effects'); effects = re.value; paths.push(...re.paths);
      }
      if (paths.length) rewritten.push({ seq: a.seq, paths, hashAfter: await repo.rewriteAct(q, a.id, payload, effects) });
    }
    for (const v of values) { const rd = redactPerson(data, v.person, v.fields, 'data'); data = rd.value; dataPaths.push(...rd.paths); }
    if (dataPaths.length) await repo.setCaseData(q, c.id, data);

    // The parties: a person also named by another case keeps its particulars there (and so in its row).
    const partyOutcome: { partyId: string; fields: ErasableField[]; row: 'redacted' | 'kept'; keptFor?: string[] }[] = [];
    for (const v of values) {
      const p = rows.get(v.person.id)!;
      const fields = v.fields.filter((f) => present(p, f));
      const others = fields.length ? await repo.otherCasesNaming(q, p.id, c.id) : [];
      if (fields.length && others.length === 0) await repo.redactParty(q, p.id, fields, REDACTED);
      partyOutcome.push({
        partyId: p.id, fields: v.fields, row: fields.length && others.length === 0 ? 'redacted' : 'kept',
        ...(others.length ? { keptFor: others.map((o) => o.number) } : {}),
      });
    }
    if (rewritten.length === 0 && dataPaths.length === 0 && !partyOutcome.some((o) => o.row === 'redacted')) {
      throw new DomainError('NOTHING_TO_REDACT', 'The case holds none of these data of these persons (already erased, or never given)', 409, { case: c.number });
    }

    // The redaction act itself: what was erased, where, why, and the hashes verify checks the rewritten acts against.
    const result = await deps.engine.perform(q, {
      caseId: c.id, act: REDACT_PERSONAL_DATA, actor,
      payload: { reason: req.reason, parties: partyOutcome, acts: rewritten, ...(dataPaths.length ? { caseData: dataPaths } : {}) },
    });
    for (const o of partyOutcome) {
      await repo.logRequest(q, {
        kind: 'erasure', partyId: o.partyId, userId: null, caseId: c.id, actId: result.actId, requestedBy: actor.id, at: deps.clock.now(),
        summary: { fields: o.fields, row: o.row, acts: rewritten.map((r) => r.seq) },
      });
    }
    return {
      caseId: c.id, number: c.number, act: { id: result.actId, seq: result.seq, type: REDACT_PERSONAL_DATA, hash: result.hash },
      parties: partyOutcome, acts: rewritten, caseData: dataPaths,
    };
  });
}
