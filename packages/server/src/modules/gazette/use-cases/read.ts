// Reading the gazette: the list of issues and an issue with its sections and entries. The public sees
// published issues only; office staff also see the open draft (with what will be performed on
// publication and what is blocked) to review it. The calendar: its setting and the next issue dates.
import { findProcedure } from '@registrum/procedures';
import { DomainError } from '../../../kernel/errors.ts';
import { calendarSchema, nextIssueDates, normaliseCalendar, type GazetteCalendar } from '../calendar.ts';
import type { GazetteDeps } from '../deps.ts';
import * as repo from '../gazette.repository.ts';
import { rightRank, sectionRank, SECTION_TITLES, SECTIONS } from '../sections.ts';
import { readCalendarOrDefault } from './compile.ts';

export { calendarSchema };

const issueLink = (i: repo.IssueRow) => `/api/v1/gazette/issues/${i.number ?? i.id}`;

export function issueSummary(i: repo.IssueRow) {
  const self = issueLink(i);
  return {
    id: i.id,
    number: i.number,
    date: i.issue_date,
    status: i.status,
    compiledOn: i.compiled_on,
    compiledAt: i.compiled_at,
    publishedAt: i.published_at,
    entryCount: i.entry_count,
    seal: i.seal_id !== null && i.seal_hash ? { id: i.seal_id, hash: i.seal_hash } : null,
    files: (i.files ?? []).map((f) => ({ ...f, href: `${self}/files/${f.name}` })),
    links: { self },
  };
}

export async function listIssues(deps: GazetteDeps, office: boolean, f: { year?: number; limit?: number; offset?: number }) {
  const limit = Math.min(Math.max(f.limit ?? 20, 1), 100);
  const offset = Math.max(f.offset ?? 0, 0);
  // The public's reads of the gazette may be served by the read replica; office staff work on drafts: the primary.
  const { rows, total } = await repo.listIssues(deps.db.reader(office), { includeOpen: office, year: f.year, limit, offset });
  const query = (o: number) => `/api/v1/gazette/issues?${new URLSearchParams({ ...(f.year ? { year: String(f.year) } : {}), limit: String(limit), offset: String(o) })}`;
  return { total, limit, offset, items: rows.map(issueSummary), next: offset + limit < total ? query(offset + limit) : null };
}

export async function readIssue(deps: GazetteDeps, office: boolean, ref: string) {
  const q = deps.db.reader(office);
  const issue = await repo.findIssue(q, ref);
  // A draft is the office's business: to anyone else it does not exist yet.
  if (!issue || (!office && issue.status !== 'published')) throw new DomainError('GAZETTE_ISSUE_NOT_FOUND', `No gazette issue ${ref}`, 404);
  const rows = await repo.entriesOf(q, issue.id);
  const shown = issue.status === 'published' ? rows.filter((e) => e.seq !== null) : rows.filter((e) => e.status !== 'left-out');
  shown.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || sectionRank(a.section ?? '') - sectionRank(b.section ?? '') || rightRank(a.right_kind) - rightRank(b.right_kind)
    || a.case_number.localeCompare(b.case_number));
  const entry = (e: (typeof rows)[number]) => ({
    id: e.id,
    no: e.seq,
    section: e.section,
    status: e.status,
    caseNumber: e.case_number,
    right: e.right_kind,
    title: e.title,
    act: e.act,
    actTitle: findProcedure(e.framework, e.right_kind, e.procedure_version)?.acts[e.act]?.title ?? e.act,
    // Who performs a pending act on publication: the registrar who publishes, or the office itself.
    ...(office ? { performer: e.performer } : {}),
    officeDate: e.office_date,
    event: e.event,
    stateAfter: e.state_after,
    links: { case: `/api/v1/cases/${encodeURIComponent(e.case_number)}` },
  });
  const names = office ? await repo.userNames(deps.db, [issue.compiled_by, issue.published_by].filter((x): x is string => !!x)) : new Map();
  return {
    ...issueSummary(issue),
    sections: SECTIONS.map((s) => ({ section: s, title: SECTION_TITLES[s], entries: shown.filter((e) => e.section === s).map(entry) })),
    ...(office ? {
      compiledBy: issue.compiled_by ? { id: issue.compiled_by, name: names.get(issue.compiled_by) ?? '' } : null,
      publishedBy: issue.published_by ? { id: issue.published_by, name: names.get(issue.published_by) ?? '' } : null,
      // Cases waiting for a publication act that the law would refuse on the issue date, and why.
      blocked: issue.blocked,
      // Entries whose publication act was refused when the issue was published: not in the issue.
      leftOut: rows.filter((e) => e.status === 'left-out').map((e) => ({ id: e.id, caseNumber: e.case_number, right: e.right_kind, act: e.act, ...e.refusal })),
      lastError: issue.last_error,
    } : {}),
  };
}

/** A stored file of a published issue, by its name. */
export async function issueFile(deps: GazetteDeps, ref: string, name: string) {
  const issue = await repo.findIssue(deps.db.reader(false), ref);
  const file = issue?.status === 'published' ? issue.files?.find((f) => f.name === name) : undefined;
  if (!issue || !file) throw new DomainError('GAZETTE_FILE_NOT_FOUND', `Issue ${ref} has no file ${name}`, 404);
  return file;
}

export async function readCalendar(deps: GazetteDeps) {
  const cal = await readCalendarOrDefault(deps.db);
  return { ...cal, nextIssues: nextIssueDates(cal, deps.clock.today(), 5) };
}

export async function setCalendar(deps: GazetteDeps, input: Partial<GazetteCalendar> & { frequency: GazetteCalendar['frequency'] }) {
  const cal = normaliseCalendar(input);
  // Its issues are dated before it is kept: a calendar whose dates run off the calendar (a first issue in
  // the year 9999) is refused, instead of being stored and breaking every later reading of it.
  nextIssueDates(cal, deps.clock.today(), 5);
  await deps.db.tx((q) => repo.writeCalendar(q, cal));
  return readCalendar(deps);
}
