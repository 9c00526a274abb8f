// Response shapes of the API: never table rows. Dates of legal effect as 'YYYY-MM-DD'.
import type { ProcedureDefinition } from '@registrum/procedures';
import type { ActRow, CaseRow } from './cases.repository.ts';

export function caseSummary(c: CaseRow, procedure: ProcedureDefinition) {
  return {
    id: c.id,
    number: c.number,
    right: c.right_kind,
    framework: c.framework,
    procedureVersion: c.procedure_version,
    state: c.state,
    stateTitle: procedure.states[c.state]?.title ?? c.state,
    statusCategory: procedure.states[c.state]?.statusCategory ?? null,
    title: c.title,
    filingDate: c.filing_date,
    public: c.public,
    parentId: c.parent_id,
    updatedAt: c.updated_at,
  };
}

export function presentAct(a: ActRow, procedure: ProcedureDefinition) {
  return {
    id: a.id,
    seq: a.seq,
    type: a.type,
    title: procedure.acts[a.type]?.title ?? a.type,
    officeDate: a.office_date,
    recordedAt: a.recorded_at,
    actor: { id: a.actor_id, role: a.actor_role, name: a.actor_name },
    legalBasis: a.legal_basis,
    stateBefore: a.state_before,
    stateAfter: a.state_after,
    payload: a.payload,
    effects: a.effects,
    event: a.event,
    hash: a.hash,
    prevHash: a.prev_hash,
    sealed: a.seal_id !== null,
  };
}

/** What the public may see of an act: no payment details or internal payloads of unpublished steps. */
export function presentPublicAct(a: ActRow, procedure: ProcedureDefinition) {
  const { payload, effects, actor, ...rest } = presentAct(a, procedure);
  return { ...rest, actor: { role: actor.role } };
}
