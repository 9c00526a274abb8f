// Current accounts that applicants and agents pay fees from: their balances, and recording a bank
// transfer the office received. The bank reference is booked once per account, so a repeated click or
// a retry after a lost answer cannot credit the same transfer twice.
import { useState } from 'react';
import { api, qs } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { fieldError, parseMajor } from './shared.tsx';

interface Account {
  id: string; balance: number; currency: string; entryCount?: number; updatedAt?: string | null;
  holder: { partyId: string | null; name: string | null } | null;
}

const holderOf = (a: Account) => a.holder?.name ?? a.id;

export function AccountsSection() {
  const i18n = useI18n();
  const [q, setQ] = useState('');
  const { data, error, loading, reload } = useApi<{ total: number; items: Account[] }>(`/admin/accounts${qs({ q: q.trim(), limit: 200 })}`);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const account = data?.items.find((a) => a.id === open) ?? null;
  return (
    <section aria-labelledby="acc-h">
      <h2 id="acc-h">{i18n.t('admin.acc.title')}</h2>
      <p className="hint">{i18n.t('admin.acc.intro')}</p>
      <form role="search" className="admin-filter admin-search" onSubmit={(e) => {
        e.preventDefault();
        setNotice(null); setOpen(null);
        setQ(String(new FormData(e.currentTarget).get('q') ?? ''));
      }}>
        <TextField name="q" type="search" label={i18n.t('admin.acc.search')} defaultValue={q} maxLength={200} data-testid="acc-search" />
        <button type="submit" className="btn btn-secondary">{i18n.t('common.search')}</button>
      </form>
      {data ? <p className="hint" role="status">{i18n.t('admin.acc.count', { n: i18n.number(data.total) })}</p> : null}
      {notice ? <div className="alert alert-ok" role="status" data-testid="acc-notice">{notice}</div> : null}
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{i18n.t('admin.acc.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="acc-table">
            <caption className="sr-only">{i18n.t('admin.acc.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('admin.acc.holder')}</th>
                <th scope="col" className="num">{i18n.t('admin.acc.balance')}</th>
                <th scope="col">{i18n.t('admin.acc.updated')}</th>
                <th scope="col"><span className="sr-only">{i18n.t('admin.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((a) => (
                <tr key={a.id} data-testid={`acc-row-${a.id}`}>
                  <th scope="row" dir="auto">{holderOf(a)}</th>
                  <td className="num">{i18n.money(a.balance, a.currency)}</td>
                  <td>{a.updatedAt ? i18n.instant(a.updatedAt) : '—'}</td>
                  <td>
                    <button type="button" className="btn btn-link" aria-expanded={open === a.id} aria-controls="acc-deposit"
                      onClick={() => { setNotice(null); setOpen(open === a.id ? null : a.id); }} data-testid={`acc-deposit-open-${a.id}`}>
                      {i18n.t('admin.acc.record')}<span className="sr-only"> · {holderOf(a)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {account ? (
        <Deposit key={account.id} account={account} onCancel={() => setOpen(null)} onDone={(amount) => {
          setOpen(null);
          setNotice(i18n.t('admin.acc.recorded', { amount: i18n.money(amount, account.currency), holder: holderOf(account) }));
          reload();
        }} />
      ) : null}
    </section>
  );
}

function Deposit({ account, onDone, onCancel }: { account: Account; onDone: (amount: number) => void; onCancel: () => void }) {
  const i18n = useI18n();
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useAction(async (body: { amount: number; currency: string; reference: string }) => {
    await api(`/admin/accounts/${encodeURIComponent(account.id)}/deposits`, { method: 'POST', body });
    onDone(body.amount);
  });
  const err = (name: string) => fieldError(i18n, local, error, name, { INVALID_AMOUNT: 'amount', ACCOUNT_CURRENCY_MISMATCH: 'amount', DEPOSIT_ALREADY_RECORDED: 'reference' });
  return (
    <form id="acc-deposit" className="form card admin-form" aria-labelledby="acc-deposit-h" noValidate onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const amount = parseMajor(String(f.get('amount') ?? ''), account.currency);
      const reference = String(f.get('reference') ?? '').trim();
      const checks = {
        amount: amount === null ? i18n.t('admin.fees.badAmount') : amount <= 0 ? i18n.t('field.minimum') : undefined,
        reference: reference ? undefined : i18n.t('field.required'),
      };
      setLocal(checks);
      if (checks.amount || checks.reference || amount === null) return;
      void run({ amount, currency: account.currency, reference });
    }}>
      <h3 id="acc-deposit-h">{i18n.t('admin.acc.depositTitle', { holder: holderOf(account) })}</h3>
      <ErrorSummary error={error} />
      <div className="admin-form-grid">
        <TextField name="amount" label={i18n.t('admin.acc.amount', { currency: account.currency })} required inputMode="decimal" dir="ltr" autoComplete="off"
          error={err('amount')} data-testid="acc-deposit-amount" />
        <TextField name="reference" label={i18n.t('admin.acc.reference')} required maxLength={200} hint={i18n.t('admin.acc.referenceHint')} error={err('reference')} data-testid="acc-deposit-reference" />
      </div>
      <div className="btn-row">
        <SubmitButton busy={busy} data-testid="acc-deposit-submit">{i18n.t('admin.acc.submit')}</SubmitButton>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>{i18n.t('common.cancel')}</button>
      </div>
    </form>
  );
}
