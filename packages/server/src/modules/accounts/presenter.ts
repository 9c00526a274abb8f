// Response shapes of the accounts API. Money in minor units with its currency; office dates 'YYYY-MM-DD'.
import type { AccountRow, EntryRow } from './accounts.repository.ts';

export function presentEntry(e: EntryRow) {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    amount: e.amount,
    currency: e.currency,
    balanceAfter: e.balance_after,
    caseId: e.case_id,
    caseNumber: e.case_number,
    actId: e.act_id,
    description: e.description,
    provider: e.provider,
    /** The provider's or the bank's reference of a deposit. */
    reference: e.provider_reference,
    recordedAt: e.recorded_at,
    officeDate: e.office_date,
  };
}

export function presentAccount(a: AccountRow) {
  return {
    id: a.id,
    holder: { partyId: a.party_id, name: a.holder_name },
    currency: a.currency,
    balance: a.balance,
    entryCount: a.entry_count,
    updatedAt: a.updated_at,
  };
}
