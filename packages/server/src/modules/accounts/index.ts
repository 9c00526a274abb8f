// Current accounts: a party's prepaid account with the office and its append-only ledger. Fees paid
// "by current account" are debited in the transaction of the filing or act (see cases' AccountPayments).
export type { AccountsDeps } from './deps.ts';
export { accountPayments } from './use-cases/pay-from-account.ts';
export { confirmDeposit, depositOwn, fundAccounts, recordBankTransfer, OFFICE_BANK_TRANSFER } from './use-cases/deposit.ts';
export { listAccounts, ownStatement, readAccount, readOwnAccount, LATEST_ENTRIES } from './use-cases/read-account.ts';

/** The demo office's agent and applicant start with EUR 10 000.00 each (app/demo.ts). */
export const DEMO_OPENING_DEPOSIT = 10_000_00;
