// Subject access: everything the office holds about a person, for office staff to hand over. Read by the
// catalogue: every table with a column that holds the id of an account or a party (classification.ts,
// flags `user` / `party`) is read by it, with the columns the catalogue lets out (no credentials, nothing
// that is others' data as well); for a party, the cases that name it and where their journal names it; a
// party's accounts and an account's party come with it. The export is logged (privacy_requests).
import { DomainError } from '../../../kernel/errors.ts';
import { exportedColumns, subjectLinks } from '../classification.ts';
import * as repo from '../privacy.repository.ts';
import { redactPerson } from '../redaction.ts';
import type { PrivacyDeps } from './redact.ts';

const ROWS_PER_TABLE = 10_000;

type Subject = { kind: 'party' | 'user'; id: string };

async function tablesNaming(q: Parameters<typeof repo.rowsNaming>[0], live: Map<string, Set<string>>, s: Subject) {
  const out: Record<string, { by: string; rows: Record<string, unknown>[] }[]> = {};
  for (const link of subjectLinks().filter((l) => l.refersTo === s.kind)) {
    const cols = live.get(link.table);
    if (!cols?.has(link.column)) continue;
    const rows = await repo.rowsNaming(q, link.table, link.column, exportedColumns(link.table).filter((c) => cols.has(c)), s.id, ROWS_PER_TABLE);
    if (rows.length) (out[link.table] ??= []).push({ by: link.column, rows });
  }
  return out;
}

async function partyExport(deps: PrivacyDeps, live: Map<string, Set<string>>, id: string) {
  const [p] = await repo.partiesByIds(deps.db, [id]);
  if (!p) return null;
  const person = { id: p.id, name: p.name, address: p.address, email: p.email, nationality: p.nationality };
  const cases = [];
  for (const c of await repo.casesOfParty(deps.db, p.id)) {
    // Where the case's journal names the person (the values are the person's own, as above).
    const mentions = [];
    for (const a of await repo.journalOf(deps.db, c.id)) {
      const paths = [...redactPerson(a.payload, person, [], 'payload').paths, ...redactPerson(a.effects, person, [], 'effects').paths];
      if (paths.length) mentions.push({ seq: a.seq, type: a.type, officeDate: a.office_date, paths });
    }
    cases.push({ id: c.id, number: c.number, right: c.right_kind, state: c.state, public: c.public, roles: c.roles ?? [], current: !!c.roles?.length, journal: mentions });
  }
  return { party: p, cases, records: await tablesNaming(deps.db, live, { kind: 'party', id: p.id }) };
}

async function userExport(deps: PrivacyDeps, live: Map<string, Set<string>>, id: string) {
  const u = await repo.userById(deps.db, id);
  if (!u) return null;
  const records = await tablesNaming(deps.db, live, { kind: 'user', id: u.id });
  const own = (await repo.rowsNaming(deps.db, 'users', 'id', exportedColumns('users').filter((c) => live.get('users')?.has(c)), u.id, 1))[0];
  return { user: own, records };
}

/** Everything held about a party or an account (with the accounts of a party and the party of an account). */
export async function exportPerson(deps: PrivacyDeps, staff: { id: string }, subject: Subject) {
  if (!repo.isUuid(subject.id)) throw new DomainError('PERSON_NOT_FOUND', `There is no ${subject.kind} ${subject.id}`, 404, { kind: subject.kind });
  const live = await repo.liveColumns(deps.db);
  let party: Awaited<ReturnType<typeof partyExport>> = null;
  const users: NonNullable<Awaited<ReturnType<typeof userExport>>>[] = [];
  if (subject.kind === 'party') {
    party = await partyExport(deps, live, subject.id);
    if (!party) throw new DomainError('PERSON_NOT_FOUND', `There is no party ${subject.id}`, 404, { kind: 'party' });
    const accountIds = new Set([party.party.user_id, ...(party.records.users ?? []).flatMap((t) => t.rows.map((r) => String(r.id)))].filter((x): x is string => !!x));
    for (const uid of accountIds) { const u = await userExport(deps, live, uid); if (u) users.push(u); }
  } else {
    const u = await userExport(deps, live, subject.id);
    if (!u) throw new DomainError('PERSON_NOT_FOUND', `There is no account ${subject.id}`, 404, { kind: 'user' });
    users.push(u);
    const partyId = (u.user as any)?.party_id as string | null;
    if (partyId) party = await partyExport(deps, live, partyId);
  }
  const generatedAt = deps.clock.now();
  const count = (r: Record<string, { rows: unknown[] }[]>) => Object.values(r).reduce((n, l) => n + l.reduce((m, x) => m + x.rows.length, 0), 0);
  const summary = {
    cases: party?.cases.length ?? 0, accounts: users.length,
    records: (party ? count(party.records) : 0) + users.reduce((n, u) => n + count(u.records), 0),
  };
  await deps.db.tx((q) => repo.logRequest(q, {
    kind: 'export', partyId: party?.party.id ?? null, userId: users[0]?.user ? String((users[0].user as any).id) : null,
    requestedBy: staff.id, at: generatedAt, summary: { subject, ...summary },
  }));
  return {
    format: 'registrum-subject-access/1',
    generatedAt: generatedAt.toISOString(),
    officeDate: deps.clock.today(),
    subject,
    summary,
    party,
    accounts: users,
    notes: [
      'Records are those of every table that names the person by account or party; credentials (password and token hashes, second-factor secrets) are never exported.',
      'The journal entries of each case are listed where they name the person (paths into the act); what the acts say of others is not part of this export.',
    ],
  };
}

export async function findPeople(deps: PrivacyDeps, text: string) {
  const t = text.trim();
  // The route asks for two characters at least; blanks around them do not count.
  return t.length < 2 ? { parties: [], users: [] } : repo.searchPeople(deps.db, t, 50);
}
