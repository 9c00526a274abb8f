// Paying fees from the current account: the debit is made in the transaction of the filing or act it
// pays for, so either both are recorded or neither is. The ledger entry's id is the payment's reference.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../kernel/errors.ts';
import type { AccountPayments } from '../../cases/index.ts';
import * as repo from '../accounts.repository.ts';
import type { AccountsDeps } from '../deps.ts';
import { noAccount } from './read-account.ts';

export function accountPayments(deps: AccountsDeps): AccountPayments {
  return {
    prepare(actor, payment) {
      if (!payment || payment.method !== 'current-account') return null;
      if (actor.kind !== 'user' || !actor.partyId) throw noAccount(402);
      const partyId = actor.partyId;
      const entryId = randomUUID();
      return {
        payment: { ...payment, reference: entryId },
        async debit(q, ref) {
          const account = await repo.accountOfParty(q, partyId);
          if (!account) throw noAccount(402);
          if (payment.currency !== account.currency) {
            throw new DomainError('ACCOUNT_CURRENCY_MISMATCH', `Your account is kept in ${account.currency}, not ${payment.currency}`, 422, { currency: account.currency });
          }
          const entry = await repo.postEntry(q, {
            id: entryId, accountId: account.id, kind: 'debit', amount: -payment.amount, currency: payment.currency,
            caseId: ref.caseId, caseNumber: ref.caseNumber, actId: ref.actId, description: ref.description,
            recordedBy: actor.id, recordedAt: deps.clock.now(), officeDate: deps.clock.today(),
          });
          if (!entry) {
            // The balance as it is now (the debit waited for any concurrent one to commit).
            const balance = (await repo.accountById(q, account.id))?.balance ?? 0;
            throw new DomainError('INSUFFICIENT_FUNDS', `Your current account holds ${(balance / 100).toFixed(2)} ${account.currency}; this payment needs ${(payment.amount / 100).toFixed(2)} ${account.currency}`, 402,
              { balance, needed: payment.amount, shortfall: payment.amount - balance, currency: account.currency });
          }
        },
      };
    },
  };
}
