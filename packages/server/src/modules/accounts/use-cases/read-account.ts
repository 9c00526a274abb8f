// Reading accounts: a party's own account (opened on first sight, empty), its statement for a period,
// and the office's list of every account.
import { compareDates, isLegalDate, type LegalDate } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import * as repo from '../accounts.repository.ts';
import type { AccountsDeps } from '../deps.ts';
import { presentAccount, presentEntry } from '../presenter.ts';

/** How many of the latest entries an account view shows; the statement pages through the rest. */
export const LATEST_ENTRIES = 50;

export function noAccount(status: 402 | 404) {
  return new DomainError('ACCOUNT_NOT_FOUND', 'There is no current account for you: only applicants and agents acting as a party have one', status);
}

/** The signed-in party's account, opened (empty) the first time it is asked for. */
export async function ownAccount(deps: AccountsDeps, actor: Actor): Promise<repo.AccountRow> {
  if (actor.kind !== 'user' || !actor.partyId) throw noAccount(404);
  return (await repo.accountOfParty(deps.db, actor.partyId)) ?? repo.openAccount(deps.db, actor.partyId, deps.currency);
}

export async function accountView(deps: AccountsDeps, account: repo.AccountRow) {
  const { entryCount, updatedAt, ...a } = presentAccount(account);
  return { ...a, entries: (await repo.latestEntries(deps.db, account.id, LATEST_ENTRIES)).map(presentEntry) };
}

export async function readOwnAccount(deps: AccountsDeps, actor: Actor) {
  return accountView(deps, await ownAccount(deps, actor));
}

export async function readAccount(deps: AccountsDeps, id: string) {
  const account = await repo.accountById(deps.db, id);
  if (!account) throw noAccount(404);
  return accountView(deps, account);
}

const dateParam = (name: string, v: string | undefined): LegalDate | null => {
  if (v === undefined || v === '') return null;
  if (!isLegalDate(v)) throw invalid('INVALID_DATE', `${name} must be a date YYYY-MM-DD (got '${v}')`, { parameter: name });
  return v;
};

export async function ownStatement(deps: AccountsDeps, actor: Actor, f: { from?: string; to?: string; limit?: number; offset?: number }) {
  const account = await ownAccount(deps, actor);
  const from = dateParam('from', f.from); const to = dateParam('to', f.to);
  if (from && to && compareDates(from, to) > 0) throw invalid('INVALID_DATE_RANGE', `The period starts (${from}) after it ends (${to})`, { from, to });
  const limit = f.limit ?? 100; const offset = f.offset ?? 0;
  const s = await repo.statement(deps.db, account.id, { from, to, limit, offset });
  return {
    accountId: account.id, currency: account.currency, from, to,
    opening: s.opening, closing: s.closing, total: s.total, limit, offset, entries: s.rows.map(presentEntry),
  };
}

export async function listAccounts(deps: AccountsDeps, f: { q?: string; limit?: number; offset?: number }) {
  const limit = f.limit ?? 50; const offset = f.offset ?? 0;
  const { rows, total } = await repo.listAccounts(deps.db, { text: f.q?.trim() || null, limit, offset });
  return { total, limit, offset, items: rows.map(presentAccount) };
}
