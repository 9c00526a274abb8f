// Payment providers: how money reaches a party's current account with the office from outside (a
// bank gateway, a card acquirer). Only app/office.ts picks one.
import { randomUUID } from 'node:crypto';

/** The account money is paid into, as the provider needs to know it (e.g. for the payer's bank statement). */
export interface DepositAccount { id: string; holderName: string }

export interface DepositResult {
  /**
   * 'completed': the money is the office's now and the account is credited at once.
   * 'pending': the provider confirms later (a bank transfer initiated, a 3-D Secure step); the adapter
   * then reports the confirmation with the same providerReference, and only that credits the account
   * (modules/accounts confirmDeposit, which credits a reference once however often it is reported).
   */
  status: 'completed' | 'pending';
  /** The provider's own identifier of the payment: what reconciles the ledger with the provider's statements. */
  providerReference: string;
}

/**
 * What an adapter of a real payment provider implements. `deposit` asks the provider to collect
 * `amount` (minor units of `currency`, ISO 4217) for the account and says how far it got. It must not
 * credit anything itself (the ledger is ours), and throws if the provider refused or did not answer:
 * then nothing is credited.
 */
export interface PaymentProvider {
  /** Recorded on every ledger entry the provider's payments create. */
  readonly name: string;
  deposit(account: DepositAccount, amount: number, currency: string): Promise<DepositResult>;
}

/** The demo office's bank: every deposit completes at once. Used in demo mode only. */
export class DemoBank implements PaymentProvider {
  readonly name = 'demo-bank';
  async deposit(_account: DepositAccount, _amount: number, _currency: string): Promise<DepositResult> {
    return { status: 'completed', providerReference: `DEMO-${randomUUID()}` };
  }
}
