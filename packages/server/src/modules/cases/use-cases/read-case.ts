// A case as the viewer may see it: now, or as it stood at the end of an office date ("as of"),
// rebuilt from the journal's recorded effects, not by re-running today's rules.
import { compareDates, daysBetween, isLegalDate, type LegalDate, type Performer, type ProcedureDefinition } from '@registrum/procedures';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { availableActs } from '../../../procedure-engine/decide.ts';
import { performerCapacities } from '../../../procedure-engine/engine.ts';
import * as repo from '../cases.repository.ts';
import { canSeeContactDetails, canView, isOffice, type Viewer } from '../cases.policy.ts';
import type { CasesDeps } from '../deps.ts';
import { caseSummary, presentAct, presentPublicAct } from '../presenter.ts';
import { addressPublished, publishedData, privacyRulesOf } from '../../privacy/index.ts';

async function isPartyTo(q: Queryable, c: repo.CaseRow, viewer: Viewer): Promise<boolean> {
  if (!viewer || isOffice(viewer)) return false;
  if (c.filed_by === viewer.userId) return true;
  const parties = await repo.partiesOf(q, c.id);
  return parties.some((p: any) => p.user_id === viewer.userId || (viewer.partyId && p.id === viewer.partyId));
}

/**
 * Where a viewer's reads of cases go: a signed-in user reads their own work just after changing it, so
 * from the primary; the public reads the register, which may lag by a moment, from the read replica.
 */
export const casesReader = (deps: CasesDeps, viewer: Viewer): Queryable => deps.db.reader(viewer !== null);

/** Loads a case the viewer may see; an unpublished case of someone else is "not found", not "forbidden". */
export async function loadVisibleCase(deps: CasesDeps, viewer: Viewer, idOrNumber: string) {
  const q = casesReader(deps, viewer);
  const c = await repo.findCase(q, idOrNumber);
  const party = c ? await isPartyTo(q, c, viewer) : false;
  if (!c || !canView(viewer, c, party)) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  return { c, party };
}

export async function readCase(deps: CasesDeps, viewer: Viewer, idOrNumber: string, asOfRaw?: string) {
  let asOf: LegalDate | undefined;
  if (asOfRaw !== undefined) {
    if (!isLegalDate(asOfRaw)) throw invalid('INVALID_DATE', `asOf must be a date YYYY-MM-DD (got '${asOfRaw}')`);
    asOf = asOfRaw;
  }
  const { c, party } = await loadVisibleCase(deps, viewer, idOrNumber);
  const q = casesReader(deps, viewer);
  const { procedure } = deps.engine.procedureOf(c);
  const today = deps.clock.today();
  const full = isOffice(viewer) || party;
  const acts = await repo.actsOf(q, c.id, asOf);
  if (asOf && acts.length === 0) throw new DomainError('CASE_NOT_YET_FILED', `Case ${c.number} did not exist on ${asOf}`, 404, { asOf });

  // The projection as of a date: state and data folded from the recorded effects of the acts up to it.
  let state = c.state; let data: Record<string, any> = c.data; let filingDate = c.filing_date; let isPublic = c.public;
  if (asOf) {
    data = {};
    for (const a of acts) data = { ...data, ...(a.effects?.data ?? {}) };
    state = acts[acts.length - 1].state_after;
    filingDate = (data.filingDate ?? null) as LegalDate | null;
    // Public from the act that published the case (recorded in its effects), or from reaching a state whose
    // cases are always public (acts recorded before publication was an act's own effect say only that).
    isPublic = acts.some((a) => a.effects?.published === true || !!procedure.states[a.state_after]?.public);
    if (!full && !isPublic) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  }
  const refDate = asOf ?? today;
  const limits = (await repo.timeLimitsOf(q, c.id, asOf))
    .filter((t) => (asOf ? !t.closed_on || compareDates(t.closed_on, asOf) > 0 : t.status === 'open'))
    .map((t) => ({
      kind: t.kind, startsFrom: t.starts_from, windowOpensOn: t.window_opens_on, dueOn: t.due_on, graceEndsOn: t.grace_ends_on,
      daysLeft: daysBetween(refDate, t.due_on), inGrace: compareDates(refDate, t.due_on) > 0, onExpiry: t.on_expiry,
      citation: (t.computation as any).citation ?? null, computation: t.computation,
    }));
  // Others see a party as the register publishes it: name and country, and the address where the office's law publishes it.
  const rules = privacyRulesOf(c.framework);
  const parties = (await repo.partiesOf(q, c.id)).map((p: any) => (canSeeContactDetails(viewer, party)
    ? { id: p.id, role: p.role, kind: p.kind, name: p.name, address: p.address, country: p.country, email: p.email }
    : { role: p.role, name: p.name, country: p.country, ...(addressPublished(rules, p) && p.address ? { address: p.address } : {}) }));
  const viewerActor = viewer ? { kind: 'user' as const, id: viewer.userId, role: viewer.role, name: '', partyId: viewer.partyId } : null;
  const capacities: Set<Performer> = viewerActor ? performerCapacities(viewerActor, false, await deps.engine.partyRolesOf(q, c, viewerActor)) : new Set();
  const summary = caseSummary({ ...c, state, data, filing_date: filingDate, public: isPublic }, procedure);
  return {
    ...summary,
    asOf: asOf ?? null,
    officeDate: today,
    data: full ? data : publicData(procedure, data),
    parties,
    timeLimits: limits,
    acts: acts.map((a) => (full ? presentAct(a, procedure) : presentPublicAct(a, procedure))),
    fees: full && !asOf ? { outstanding: c.fees_outstanding, credit: c.credit, currency: c.currency, items: await repo.feesOf(q, c.id), payments: await repo.paymentsOf(q, c.id) } : null,
    // Who handed a document in (an account's name) is not what the register publishes.
    documents: full ? await repo.documentsOf(q, c.id) : (await repo.documentsOf(q, c.id))
      .filter((d: any) => isPublic && publicDocumentKinds(procedure).has(d.kind)).map(({ submitter, ...d }: any) => d),
    children: await repo.childrenOf(q, c.id),
    availableActs: asOf ? [] : availableActs(procedure, c.state, capacities).map((type) => ({
      type, title: procedure.acts[type].title, legalBasis: procedure.acts[type].legalBasis, payloadSchema: procedure.acts[type].payloadSchema ?? null,
    })),
  };
}

/** What the register publishes of a case: the procedure's public fields (by default, those of a trademark). */
const DEFAULT_PUBLIC_FIELDS = ['mark', 'goodsServices', 'priorityClaims', 'publicationDate', 'registrationDate', 'registrationNumber', 'expiryDate', 'filingDate'];

export function publicData(procedure: ProcedureDefinition, data: Record<string, any>) {
  const fields = Object.fromEntries((procedure.publicFields ?? DEFAULT_PUBLIC_FIELDS).filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
  // The persons among them (a patent's applicants and inventors) as the office's law publishes them.
  return publishedData(privacyRulesOf(procedure.framework), fields);
}

export async function listActs(deps: CasesDeps, viewer: Viewer, idOrNumber: string) {
  const { c, party } = await loadVisibleCase(deps, viewer, idOrNumber);
  const { procedure } = deps.engine.procedureOf(c);
  const full = isOffice(viewer) || party;
  return (await repo.actsOf(casesReader(deps, viewer), c.id)).map((a) => (full ? presentAct(a, procedure) : presentPublicAct(a, procedure)));
}

/** What of a published case's file anyone may download: what its procedure publishes (by default, the representation of the right). */
const DEFAULT_PUBLIC_DOCUMENTS = ['mark-image', 'design-view', 'gi-specification'];
export const publicDocumentKinds = (procedure: ProcedureDefinition): ReadonlySet<string> => new Set(procedure.publicDocuments ?? DEFAULT_PUBLIC_DOCUMENTS);

/** A stored document the viewer may download: parties and staff get the whole file; others what the register publishes of a published case. */
export async function documentFor(deps: CasesDeps, viewer: Viewer, sha: string): Promise<{ mediaType: string } | null> {
  const q = casesReader(deps, viewer);
  for (const d of await repo.documentsBySha(q, sha)) {
    const c = await repo.findCase(q, d.case_id);
    if (!c) continue;
    const party = await isPartyTo(q, c, viewer);
    if (isOffice(viewer) || party || (c.public && publicDocumentKinds(deps.engine.procedureOf(c).procedure).has(d.kind))) return { mediaType: d.media_type };
  }
  return null;
}
