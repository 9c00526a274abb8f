// SQL of current accounts and their ledger. The balance changes only in postEntry, in the statement
// that appends the entry, so the two cannot disagree.
import { randomUUID } from 'node:crypto';
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';

export interface AccountRow {
  id: string; party_id: string; currency: string; balance: number; entry_count: number;
  created_at: Date; updated_at: Date; holder_name: string;
}

export interface EntryRow {
  id: string; account_id: string; seq: number; kind: 'deposit' | 'debit' | 'refund'; amount: number; currency: string;
  balance_after: number; case_id: string | null; case_number: string | null; act_id: number | null;
  provider: string | null; provider_reference: string | null; description: string; recorded_by: string | null;
  recorded_at: Date; office_date: LegalDate;
}

const SELECT_ACCOUNT = 'SELECT a.*, p.name AS holder_name FROM accounts a JOIN parties p ON p.id = a.party_id';

export async function accountOfParty(q: Queryable, partyId: string): Promise<AccountRow | undefined> {
  return (await q.query<AccountRow>(`${SELECT_ACCOUNT} WHERE a.party_id = $1`, [partyId])).rows[0];
}

export async function accountById(q: Queryable, id: string): Promise<AccountRow | undefined> {
  return (await q.query<AccountRow>(`${SELECT_ACCOUNT} WHERE a.id = $1`, [id])).rows[0];
}

/** Opens the party's account if it has none (a concurrent opening wins harmlessly); returns it. */
export async function openAccount(q: Queryable, partyId: string, currency: string): Promise<AccountRow> {
  await q.query('INSERT INTO accounts (id, party_id, currency) VALUES ($1, $2, $3) ON CONFLICT (party_id) DO NOTHING', [randomUUID(), partyId, currency]);
  return (await accountOfParty(q, partyId))!;
}

export interface NewEntry {
  id: string; accountId: string; kind: EntryRow['kind']; amount: number; currency: string;
  caseId?: string | null; caseNumber?: string | null; actId?: number | null;
  provider?: string | null; providerReference?: string | null; description: string; recordedBy?: string | null;
  recordedAt: Date; officeDate: LegalDate;
}

/**
 * Appends an entry and moves the balance in one statement. The UPDATE's condition is what keeps the
 * balance from going below zero under concurrency: a second debit waits for the row lock of the first
 * and is then evaluated against the balance the first left. No row: wrong currency or not enough money.
 */
/** Entries with the number of the case they concern: a filing's debit is written before the case has its number. */
const ENTRY = `SELECT e.*, coalesce(e.case_number, c.number) AS case_number FROM account_entries e LEFT JOIN cases c ON c.id = e.case_id`;

export async function postEntry(q: Queryable, e: NewEntry): Promise<EntryRow | undefined> {
  const { rows } = await q.query<EntryRow>(
    `WITH a AS (
       UPDATE accounts SET balance = balance + $3, entry_count = entry_count + 1, updated_at = $12
        WHERE id = $2 AND currency = $4 AND balance + $3 >= 0
        RETURNING id, balance, entry_count
     )
     INSERT INTO account_entries (id, account_id, seq, kind, amount, currency, balance_after, case_id, case_number, act_id,
                                  provider, provider_reference, description, recorded_by, recorded_at, office_date)
     SELECT $1, a.id, a.entry_count, $5, $3, $4, a.balance, $6, $7, $8, $9, $10, $11, $13, $12, $14 FROM a
     RETURNING *`,
    [e.id, e.accountId, e.amount, e.currency, e.kind, e.caseId ?? null, e.caseNumber ?? null, e.actId ?? null,
      e.provider ?? null, e.providerReference ?? null, e.description, e.recordedAt, e.recordedBy ?? null, e.officeDate]);
  return rows[0];
}

export async function entryByProviderReference(q: Queryable, accountId: string, provider: string, reference: string): Promise<EntryRow | undefined> {
  return (await q.query<EntryRow>(`${ENTRY} WHERE e.account_id = $1 AND e.provider = $2 AND e.provider_reference = $3`,
    [accountId, provider, reference])).rows[0];
}

export async function latestEntries(q: Queryable, accountId: string, limit: number): Promise<EntryRow[]> {
  return (await q.query<EntryRow>(`${ENTRY} WHERE e.account_id = $1 ORDER BY e.seq DESC LIMIT $2`, [accountId, limit])).rows;
}

/** Entries of office dates from..to (either open), oldest first, with the balances before and after the period. */
export async function statement(q: Queryable, accountId: string, f: { from: LegalDate | null; to: LegalDate | null; limit: number; offset: number }) {
  const params = [accountId, f.from, f.to];
  const { rows: [sums] } = await q.query<{ opening: number; closing: number; total: number }>(
    `SELECT coalesce(sum(amount) FILTER (WHERE $2::date IS NOT NULL AND office_date < $2::date), 0)::bigint AS opening,
            coalesce(sum(amount) FILTER (WHERE $3::date IS NULL OR office_date <= $3::date), 0)::bigint AS closing,
            count(*) FILTER (WHERE ($2::date IS NULL OR office_date >= $2::date) AND ($3::date IS NULL OR office_date <= $3::date))::bigint AS total
       FROM account_entries WHERE account_id = $1`, params);
  const { rows } = await q.query<EntryRow>(
    `${ENTRY} WHERE e.account_id = $1 AND ($2::date IS NULL OR e.office_date >= $2::date) AND ($3::date IS NULL OR e.office_date <= $3::date)
      ORDER BY e.seq LIMIT $4 OFFSET $5`, [...params, f.limit, f.offset]);
  return { opening: Number(sums.opening), closing: Number(sums.closing), total: Number(sums.total), rows };
}

export async function listAccounts(q: Queryable, f: { text: string | null; limit: number; offset: number }): Promise<{ rows: AccountRow[]; total: number }> {
  const text = f.text ? `%${f.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const where = 'WHERE ($1::text IS NULL OR p.name ILIKE $1)';
  const total = Number((await q.query<{ n: number }>(`SELECT count(*) AS n FROM accounts a JOIN parties p ON p.id = a.party_id ${where}`, [text])).rows[0].n);
  const rows = (await q.query<AccountRow>(`${SELECT_ACCOUNT} ${where} ORDER BY p.name, a.id LIMIT $2 OFFSET $3`, [text, f.limit, f.offset])).rows;
  return { rows, total };
}
