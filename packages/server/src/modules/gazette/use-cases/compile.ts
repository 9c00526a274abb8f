// Compiling an issue for a date: (a) the cases waiting for a publication act (an accepted trademark
// application, a registration to make, a patent application whose publication falls due), each tried
// against the law as it will stand on the issue date, so that the draft holds only what can be
// published and lists what cannot (blocked) with the reason; and (b) the acts already recorded since the
// last issue that the public must be told of (sections.ts). Nothing is recorded in the journal here.
import { randomUUID } from 'node:crypto';
import { addDays, compareDates, findFramework, isLegalDate, type CaseView, type LegalDate, type Right } from '@registrum/procedures';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { decide } from '../../../procedure-engine/decide.ts';
import { DEFAULT_CALENDAR, isIssueDay, nextIssueDates } from '../calendar.ts';
import type { GazetteDeps } from '../deps.ts';
import * as repo from '../gazette.repository.ts';
import { ANNOUNCEABLE_ACTS, publicationActs, publicationLanes, sectionOf, type PublicationAct } from '../sections.ts';

export async function readCalendarOrDefault(q: Queryable) {
  return (await repo.readCalendar(q)) ?? DEFAULT_CALENDAR;
}

/** The issue date asked for, or the calendar's next one; checked against the calendar and the last issue. */
async function issueDateFor(deps: GazetteDeps, q: Queryable, asked: string | undefined, extraordinary: boolean): Promise<LegalDate> {
  const today = deps.clock.today();
  const cal = await readCalendarOrDefault(q);
  const date = asked ?? nextIssueDates(cal, today, 1)[0];
  if (!isLegalDate(date)) throw invalid('INVALID_DATE', `The issue date must be a date YYYY-MM-DD (got '${date}')`);
  if (compareDates(date, today) < 0) throw new DomainError('GAZETTE_DATE_IN_PAST', `An issue cannot be compiled for ${date}, before today (${today})`, 422, { date, today });
  if (!extraordinary && !isIssueDay(cal, date)) {
    throw new DomainError('GAZETTE_NOT_AN_ISSUE_DAY', `The gazette calendar has no issue on ${date}; the next issue days are ${nextIssueDates(cal, date, 3).join(', ')} (or compile an extraordinary issue)`, 422, { date, next: nextIssueDates(cal, date, 3) });
  }
  const last = await repo.lastPublished(q);
  if (last && compareDates(date, last.issue_date) <= 0) {
    throw new DomainError('GAZETTE_DATE_TAKEN', `Issue ${last.number} was published for ${last.issue_date}; the next issue must be later`, 409, { last: last.number, lastDate: last.issue_date });
  }
  return date;
}

type Gathered = { entries: repo.NewEntry[]; blocked: repo.Blocked[] };

/**
 * (a): cases waiting for a publication act, each decided as on the issue date: those in a state from which
 * the registrar publishes, and those whose publication time limit ends before the issue date (the office
 * performs the act the law gives the expiry, as the expiry sweep would the day after).
 */
async function pendingPublications(deps: GazetteDeps, q: Queryable, issueDate: LegalDate, out: Gathered) {
  const { lanes, onExpiry } = publicationLanes();
  const seen = new Set<string>();
  const rows = [...await repo.casesInLanes(q, lanes), ...await repo.casesAwaitingOnExpiry(q, onExpiry, issueDate)];
  for (const c of rows) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const { framework, procedure } = deps.engine.procedureOf(c);
    const pa = publicationActs(procedure);
    const candidates: PublicationAct[] = [];
    const byState = pa.byState.get(c.state);
    if (byState) candidates.push(byState);
    for (const t of c.limits) if (t.status === 'open' && pa.onExpiry.has(t.onExpiry) && !candidates.some((x) => x.act === t.onExpiry)) candidates.push({ act: t.onExpiry, by: 'system' });
    if (candidates.length === 0) continue;
    const view: CaseView = {
      id: c.id, number: c.number, right: c.right_kind as Right, state: c.state, filingDate: c.filing_date,
      data: { ...c.data, feesOutstanding: c.fees_outstanding, credit: c.credit },
      openTimeLimits: c.limits.filter((t) => t.status === 'open'),
      expiredTimeLimits: c.limits.filter((t) => t.status === 'expired'),
      parent: c.parent ? { ...c.parent, right: c.parent.right as Right } : null,
      parties: c.parties as CaseView['parties'],
    };
    const law = deps.engine.lawOf(findFramework(c.framework) ?? framework);
    let refusal: { code: string; detail: string } | null = null;
    for (const cand of candidates) {
      try {
        const d = decide(law, procedure, cand.act, { case: view, payload: {}, today: issueDate }, new Set([cand.by]));
        if (!d.publishes) { refusal = { code: 'PUBLICATION_DEFERRED', detail: `'${d.definition.title}' would not publish the case now` }; continue; }
        out.entries.push({
          id: randomUUID(), section: sectionOf({ type: cand.act, event: d.event, published: !c.public }), status: 'pending',
          case_id: c.id, case_number: c.number, right_kind: c.right_kind, title: c.title, act: cand.act, performer: cand.by,
          act_id: null, office_date: issueDate, event: d.event, state_after: d.stateAfter, refusal: null,
        });
        refusal = null;
        break;
      } catch (e) {
        refusal = e instanceof DomainError ? { code: e.code, detail: e.message } : { code: 'INTERNAL_ERROR', detail: 'The act could not be decided' };
        if (!(e instanceof DomainError)) deps.log.error({ err: e, case: c.number }, 'gazette: deciding a publication failed');
      }
    }
    // A due publication the law refuses before its date is no news: only a refused registrar's act is listed for review.
    if (refusal && candidates.some((x) => x.by === 'registrar')) {
      out.blocked.push({ caseId: c.id, number: c.number, right: c.right_kind, act: candidates[0].act, ...refusal });
    }
  }
}

/** (b): acts already recorded since the last issue that the public must be told of. */
async function recordedSinceLastIssue(q: Queryable, out: Gathered) {
  const last = await repo.lastPublished(q);
  // A day's margin before the last compilation: an act recorded while it was being compiled is still found
  // (and one already announced is excluded by its entry).
  const floor = last ? addDays(last.compiled_on, -1) : null;
  for (const a of await repo.unannouncedActs(q, ANNOUNCEABLE_ACTS, floor)) {
    const section = sectionOf({ type: a.type, event: a.event, published: a.published });
    if (!section) continue;
    out.entries.push({
      id: randomUUID(), section, status: 'recorded', case_id: a.case_id, case_number: a.number, right_kind: a.right_kind, title: a.title,
      act: a.type, performer: null, act_id: a.id, office_date: a.office_date, event: a.event, state_after: a.state_after, refusal: null,
    });
  }
}

async function gather(deps: GazetteDeps, q: Queryable, issueDate: LegalDate): Promise<Gathered> {
  const out: Gathered = { entries: [], blocked: [] };
  await recordedSinceLastIssue(q, out);
  await pendingPublications(deps, q, issueDate, out);
  return out;
}

/** Compiles a new draft issue (only one may be open at a time). */
export async function compileIssue(deps: GazetteDeps, userId: string, opts: { date?: string; extraordinary?: boolean }) {
  return deps.db.tx(async (q) => {
    const open = await repo.openIssue(q);
    if (open) throw new DomainError('GAZETTE_DRAFT_EXISTS', `The issue of ${open.issue_date} is still ${open.status === 'draft' ? 'a draft' : 'being published'}: review and publish it, recompile it or discard it first`, 409, { id: open.id, date: open.issue_date });
    const issueDate = await issueDateFor(deps, q, opts.date, !!opts.extraordinary);
    const id = randomUUID();
    const { entries, blocked } = await gather(deps, q, issueDate);
    await repo.insertIssue(q, { id, issueDate, compiledOn: deps.clock.today(), compiledAt: deps.clock.now(), compiledBy: userId, blocked });
    await repo.insertEntries(q, id, entries);
    return id;
  });
}

/** Compiles a draft again from scratch (removed entries come back), for its date or a new one. */
export async function recompileIssue(deps: GazetteDeps, userId: string, ref: string, opts: { date?: string; extraordinary?: boolean }) {
  return deps.db.tx(async (q) => {
    const issue = await repo.findIssue(q, ref, true);
    if (!issue) throw new DomainError('GAZETTE_ISSUE_NOT_FOUND', `No gazette issue ${ref}`, 404);
    if (issue.status !== 'draft') throw new DomainError('GAZETTE_NOT_A_DRAFT', `The issue of ${issue.issue_date} is ${issue.status} and can no longer be compiled`, 409, { issueStatus: issue.status });
    const issueDate = await issueDateFor(deps, q, opts.date ?? (compareDates(issue.issue_date, deps.clock.today()) >= 0 ? issue.issue_date : undefined), !!opts.extraordinary);
    await repo.deleteEntries(q, issue.id);
    const { entries, blocked } = await gather(deps, q, issueDate);
    await repo.recompiled(q, issue.id, { issueDate, compiledOn: deps.clock.today(), compiledAt: deps.clock.now(), compiledBy: userId, blocked });
    await repo.insertEntries(q, issue.id, entries);
    return issue.id;
  });
}

/** Takes an entry out of a draft: its act (or its case's publication) waits for a later issue. */
export async function removeEntry(deps: GazetteDeps, ref: string, entryId: string) {
  return deps.db.tx(async (q) => {
    const issue = await repo.findIssue(q, ref, true);
    if (!issue) throw new DomainError('GAZETTE_ISSUE_NOT_FOUND', `No gazette issue ${ref}`, 404);
    if (issue.status !== 'draft') throw new DomainError('GAZETTE_NOT_A_DRAFT', `The issue of ${issue.issue_date} is ${issue.status}: its entries can no longer change`, 409, { issueStatus: issue.status });
    if (!await repo.deleteEntry(q, issue.id, entryId)) throw new DomainError('GAZETTE_ENTRY_NOT_FOUND', 'The draft has no such entry', 404);
    return issue.id;
  });
}

/** Discards a draft (nothing of it was ever published). */
export async function discardIssue(deps: GazetteDeps, ref: string) {
  await deps.db.tx(async (q) => {
    const issue = await repo.findIssue(q, ref, true);
    if (!issue) throw new DomainError('GAZETTE_ISSUE_NOT_FOUND', `No gazette issue ${ref}`, 404);
    if (issue.status !== 'draft') throw new DomainError('GAZETTE_NOT_A_DRAFT', `The issue of ${issue.issue_date} is ${issue.status} and cannot be discarded`, 409, { issueStatus: issue.status });
    await repo.deleteDraft(q, issue.id);
  });
}
