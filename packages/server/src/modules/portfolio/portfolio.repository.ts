// Read-only SQL of the portfolio: the cases a user's party takes part in, with the next open time limit.
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';
import type { CaseRow } from '../../procedure-engine/journal.repository.ts';

export type PortfolioRow = CaseRow & { next_kind: string | null; next_due_on: LegalDate | null; next_grace_ends_on: LegalDate | null };

export async function portfolio(q: Queryable, f: { userId: string; partyId: string | null; right: string | null; text: string | null; limit: number; offset: number }) {
  const text = f.text ? `%${f.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  // A party to the case as the case-view rules have it (read-case isPartyTo): the filer, its party, or a party it is the user of.
  // Gathered by index from each side, then joined to the cases: an OR over them would read every case of the office.
  const mine = `(SELECT id FROM cases WHERE filed_by = $1
                  UNION SELECT case_id FROM case_parties WHERE party_id = $2
                  UNION SELECT cp.case_id FROM case_parties cp JOIN parties pa ON pa.id = cp.party_id WHERE pa.user_id = $1) mine
                 JOIN cases c ON c.id = mine.id`;
  const where = `WHERE ($3::text IS NULL OR c.right_kind = $3) AND ($4::text IS NULL OR c.title ILIKE $4 OR c.number = $5)`;
  const params = [f.userId, f.partyId, f.right, text, f.text];
  const total = Number((await q.query<{ n: number }>(`SELECT count(*) AS n FROM ${mine} ${where}`, params)).rows[0].n);
  const { rows } = await q.query<PortfolioRow>(
    `SELECT c.*, t.kind AS next_kind, t.due_on AS next_due_on, t.grace_ends_on AS next_grace_ends_on
       FROM ${mine}
       LEFT JOIN LATERAL (SELECT kind, due_on, grace_ends_on FROM time_limits
                           WHERE case_id = c.id AND status = 'open' ORDER BY due_on, kind LIMIT 1) t ON true
      ${where}
      ORDER BY t.due_on NULLS LAST, c.number LIMIT $6 OFFSET $7`, [...params, f.limit, f.offset]);
  return { total, rows };
}
