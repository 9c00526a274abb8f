// Money into an account: a party's own deposit through the payment provider, a bank transfer the
// office received and books, and the confirmation of a provider's payment. Each provider reference is
// credited once.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import * as repo from '../accounts.repository.ts';
import type { AccountsDeps } from '../deps.ts';
import { presentEntry } from '../presenter.ts';
import { noAccount, ownAccount } from './read-account.ts';

/** The provider name of deposits the office books from its bank statement. */
export const OFFICE_BANK_TRANSFER = 'bank-transfer';

function checkMoney(account: repo.AccountRow, amount: number, currency: string) {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new DomainError('INVALID_AMOUNT', 'An amount is a positive whole number of minor units (cents)', 422);
  if (currency !== account.currency) {
    throw new DomainError('ACCOUNT_CURRENCY_MISMATCH', `This account is kept in ${account.currency}, not ${currency}`, 422, { currency: account.currency });
  }
}

/**
 * Credits a deposit the provider (or the office's bank) has confirmed. Safe to call again with the
 * same reference: the second call credits nothing and returns the first entry.
 */
export async function confirmDeposit(deps: AccountsDeps, d: {
  accountId: string; amount: number; currency: string; provider: string; reference: string; recordedBy?: string | null; description: string;
}): Promise<{ entry: repo.EntryRow; duplicate: boolean }> {
  return deps.db.tx(async (q) => {
    const prior = await repo.entryByProviderReference(q, d.accountId, d.provider, d.reference);
    if (prior) return { entry: prior, duplicate: true };
    const entry = await repo.postEntry(q, {
      id: randomUUID(), accountId: d.accountId, kind: 'deposit', amount: d.amount, currency: d.currency,
      provider: d.provider, providerReference: d.reference, description: d.description, recordedBy: d.recordedBy ?? null,
      recordedAt: deps.clock.now(), officeDate: deps.clock.today(),
    });
    if (!entry) throw noAccount(404);
    return { entry, duplicate: false };
  });
}

/** A party pays into its own account through the payment provider. */
export async function depositOwn(deps: AccountsDeps, actor: Actor, amount: number, currency: string) {
  const account = await ownAccount(deps, actor);
  checkMoney(account, amount, currency);
  const provider = deps.provider;
  if (!provider) throw new DomainError('DEPOSITS_UNAVAILABLE', 'Online deposits are not available at this office; pay by bank transfer quoting your account number', 503);
  // The provider is called outside any transaction: no row stays locked while another system answers.
  let result;
  try {
    result = await provider.deposit({ id: account.id, holderName: account.holder_name }, amount, currency);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('PAYMENT_PROVIDER_UNAVAILABLE', 'The payment provider did not accept the deposit; nothing was charged or credited, try again later', 503);
  }
  const providerInfo = { name: provider.name, reference: result.providerReference, status: result.status };
  if (result.status === 'pending') return { status: 202, body: { entry: null, balance: account.balance, currency: account.currency, provider: providerInfo } };
  const { entry } = await confirmDeposit(deps, {
    accountId: account.id, amount, currency, provider: provider.name, reference: result.providerReference,
    recordedBy: actor.kind === 'user' ? actor.id : null, description: `Deposit (${provider.name})`,
  });
  return { status: 201, body: { entry: presentEntry(entry), balance: entry.balance_after, currency: account.currency, provider: providerInfo } };
}

/** The office books a bank transfer it received for an account. A reference already booked is refused. */
export async function recordBankTransfer(deps: AccountsDeps, officer: { id: string }, accountId: string, amount: number, currency: string, reference: string) {
  const account = await repo.accountById(deps.db, accountId);
  if (!account) throw noAccount(404);
  checkMoney(account, amount, currency);
  const { entry, duplicate } = await confirmDeposit(deps, {
    accountId, amount, currency, provider: OFFICE_BANK_TRANSFER, reference, recordedBy: officer.id, description: 'Bank transfer received',
  });
  if (duplicate) {
    throw new DomainError('DEPOSIT_ALREADY_RECORDED', `A transfer with reference '${reference}' is already booked on this account`, 409, { entryId: entry.id });
  }
  return { entry: presentEntry(entry), balance: entry.balance_after, currency: account.currency, provider: { name: OFFICE_BANK_TRANSFER, reference, status: 'completed' as const } };
}

/** Opens the accounts of these parties and credits each with an opening deposit (the demo office's). */
export async function fundAccounts(deps: AccountsDeps, partyIds: string[], amount: number, reference: string) {
  for (const partyId of partyIds) {
    const account = await repo.openAccount(deps.db, partyId, deps.currency);
    await confirmDeposit(deps, { accountId: account.id, amount, currency: account.currency, provider: OFFICE_BANK_TRANSFER, reference, description: 'Opening deposit' });
  }
}
