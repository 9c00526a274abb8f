// The current account: balance, a statement for a period, and deposits to pay fees from; and the
// account's second factor.
import { useState } from 'react';
import { Link } from 'wouter';
import { api, qs } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary, fieldMessage, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { SecondFactorSection } from '../../ui/second-factor.tsx';
import type { Account } from './model.ts';
import { PortalNav } from './portfolio.tsx';

interface Entry {
  id: string; seq: number; kind: string; amount: number; balanceAfter: number; caseNumber: string | null;
  description: string | null; reference: string | null; recordedAt: string; officeDate: string;
}
interface Statement { opening: number; closing: number; currency: string; total: number; entries: Entry[] }
/** A deposit the provider has not settled yet comes back with no entry (202). */
interface DepositResult { entry: Entry | null; balance: number; provider: { name: string; reference: string; status: string } }

/** Minor units of a currency (2 for EUR, 0 for JPY), as Intl knows them. */
const digitsOf = (currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

/** "1 234,50" or "1234.5" -> minor units; null when it is not an amount. */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f']/g, '').replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  const m = /^(\d+)(?:[.,٫](\d*))?$/.exec(cleaned);
  if (!m) return null;
  const digits = digitsOf(currency);
  const frac = (m[2] ?? '').padEnd(digits, '0');
  if (frac.length > digits) return null;
  const minor = Number(m[1]) * 10 ** digits + Number(frac || '0');
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

const monthStart = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`; };
const today = () => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; };

export function AccountPage() {
  const i18n = useI18n();
  const account = useApi<Account>('/account');
  const [from, setFrom] = useState(() => { const d = new Date(); d.setMonth(d.getMonth() - 3); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`; });
  const [to, setTo] = useState(today);
  const statement = useApi<Statement>(`/account/statement${qs({ from, to })}`);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | undefined>();
  const [done, setDone] = useState<(DepositResult & { requested: number }) | null>(null);
  const currency = account.data?.currency ?? 'EUR';
  const deposit = useAction(async () => {
    const minor = parseAmount(amount, currency);
    if (minor === null) { setAmountError(i18n.t('filing.account.amountInvalid')); document.getElementById('deposit-amount')?.focus(); return; }
    setAmountError(undefined);
    const r = await api<DepositResult>('/account/deposits', { body: { amount: minor, currency } });
    setDone({ ...r, requested: minor }); setAmount('');
    account.reload(); statement.reload();
  });
  const acc = account.data;
  return (
    <Page title={i18n.t('filing.account.title')}>
      <PortalNav />
      <ErrorSummary error={account.error} />
      {account.loading && !acc ? <Loading /> : null}
      {acc ? (
        <section className="card balance-card" aria-labelledby="balance-heading">
          <h2 id="balance-heading">{i18n.t('filing.account.balance')}</h2>
          <p className="balance" data-testid="account-balance">{i18n.money(acc.balance, acc.currency)}</p>
          <p className="muted">{i18n.t('filing.account.number', { id: acc.id })}</p>
        </section>
      ) : null}

      <section className="card" aria-labelledby="deposit-heading">
        <h2 id="deposit-heading">{i18n.t('filing.account.deposit')}</h2>
        <form className="form narrow" noValidate onSubmit={(e) => { e.preventDefault(); void deposit.run(); }}>
          <ErrorSummary error={deposit.error} />
          <TextField id="deposit-amount" label={i18n.t('filing.account.amount', { currency })} value={amount} inputMode="decimal" dir="ltr" required
            hint={i18n.t('filing.account.amountHint')} error={amountError ?? fieldMessage(i18n, deposit.error, '/amount')}
            onChange={(e) => setAmount(e.target.value)} data-testid="deposit-amount" />
          <SubmitButton busy={deposit.busy} data-testid="deposit-submit">{i18n.t('filing.account.depositSubmit')}</SubmitButton>
        </form>
        {done ? (
          <p className="alert alert-ok" role="status" data-testid="deposit-done">
            {done.entry
              ? i18n.t('filing.account.deposited', { amount: i18n.money(done.entry.amount, currency), balance: i18n.money(done.balance, currency) })
              : i18n.t('filing.account.depositPending', { amount: i18n.money(done.requested, currency) })}
            {' '}{i18n.t('filing.account.provider', { name: done.provider.name, reference: done.provider.reference, status: i18n.tx(`filing.account.providerStatus.${done.provider.status}`, done.provider.status) })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="statement-heading">
        <h2 id="statement-heading">{i18n.t('filing.account.statement')}</h2>
        <form className="filters" aria-label={i18n.t('filing.account.period')} onSubmit={(e) => e.preventDefault()}>
          <TextField type="date" label={i18n.t('filing.account.from')} value={from} max={to} onChange={(e) => setFrom(e.target.value || monthStart())} data-testid="statement-from" />
          <TextField type="date" label={i18n.t('filing.account.to')} value={to} min={from} onChange={(e) => setTo(e.target.value || today())} data-testid="statement-to" />
        </form>
        <ErrorSummary error={statement.error} />
        {statement.loading && !statement.data ? <Loading /> : null}
        {statement.data ? <StatementTable s={statement.data} /> : null}
      </section>

      <SecondFactorSection />
    </Page>
  );
}

function StatementTable({ s }: { s: Statement }) {
  const i18n = useI18n();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="statement-heading">
      <table data-testid="statement-table">
        <caption className="sr-only">{i18n.t('filing.account.statement')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('common.date')}</th>
            <th scope="col">{i18n.t('filing.account.entry')}</th>
            <th scope="col">{i18n.t('filing.account.case')}</th>
            <th scope="col" className="num">{i18n.t('common.amount')}</th>
            <th scope="col" className="num">{i18n.t('filing.account.balanceAfter')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="statement-edge"><td colSpan={4}>{i18n.t('filing.account.opening')}</td><td className="num" data-testid="statement-opening">{i18n.money(s.opening, s.currency)}</td></tr>
          {s.entries.length === 0 ? <tr><td colSpan={5} className="muted">{i18n.t('filing.account.noEntries')}</td></tr> : null}
          {s.entries.map((e) => (
            <tr key={e.id} data-testid={`statement-entry-${e.seq}`}>
              <td>{i18n.date(e.officeDate)}</td>
              <td>
                {i18n.tx(`filing.account.kind.${e.kind}`, e.kind)}
                {e.description ? <div className="hint"><bdi>{i18n.law(e.description)}</bdi></div> : null}
                {e.reference ? <div className="hint">{i18n.t('filing.account.reference', { reference: e.reference })}</div> : null}
              </td>
              <td>{e.caseNumber ? <Link href={`/cases/${encodeURIComponent(e.caseNumber)}`}>{e.caseNumber}</Link> : '—'}</td>
              <td className={`num ${e.amount < 0 ? 'amount-debit' : 'amount-credit'}`}>{i18n.money(e.amount, s.currency)}</td>
              <td className="num">{i18n.money(e.balanceAfter, s.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row" colSpan={3}>{i18n.t('filing.account.net')}</th><td className="num">{i18n.money(s.closing - s.opening, s.currency)}</td><td /></tr>
          <tr><th scope="row" colSpan={4}>{i18n.t('filing.account.closing')}</th><td className="num" data-testid="statement-closing">{i18n.money(s.closing, s.currency)}</td></tr>
        </tfoot>
      </table>
      {s.total > s.entries.length ? <p className="hint">{i18n.t('filing.account.partial', { shown: i18n.number(s.entries.length), total: i18n.number(s.total) })}</p> : null}
    </div>
  );
}
