// Pieces every filing form shares: the live fee, the draft's save state and sharing, the list of
// problems that stops a step, the party fields, and paying and submitting.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, TextField, useAction } from '../../ui/forms.tsx';
import { useApi } from '../../ui/data.ts';
import { useSession } from '../../ui/session.tsx';
import type { DraftSaver } from './hooks.ts';
import { newIdempotencyKey, RECEIPT_KEY, type Account, type FeeQuote, type FilingResponse, type Party, type StoredReceipt } from './model.ts';

/** The id of the input that edits the field at a JSON pointer (also the target of error links). */
export const fieldId = (prefix: string, path: string) => `${prefix}${path.replace(/\//g, '-')}`;

export function FeePanel({ quote, loading, error, heading = true }: { quote: FeeQuote | null; loading: boolean; error: unknown; heading?: boolean }) {
  const i18n = useI18n();
  return (
    <section className="card fee-panel" aria-labelledby="fee-heading" aria-busy={loading || undefined}>
      {heading ? <h2 id="fee-heading">{i18n.t('filing.fee.title')}</h2> : <h3 id="fee-heading">{i18n.t('filing.fee.title')}</h3>}
      {quote ? (
        <table>
          <caption className="sr-only">{i18n.t('filing.fee.title')}</caption>
          <thead><tr><th scope="col">{i18n.t('filing.fee.item')}</th><th scope="col" className="num">{i18n.t('filing.fee.quantity')}</th><th scope="col" className="num">{i18n.t('common.amount')}</th></tr></thead>
          <tbody>
            {quote.items.map((it) => (
              <tr key={it.code} data-testid={`fee-item-${it.code}`}>
                <td>{i18n.law(it.title)}</td>
                <td className="num">{i18n.number(it.quantity)}</td>
                <td className="num">{i18n.money(it.amount, it.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row" colSpan={2}>{i18n.t('filing.fee.total')}</th><td className="num"><strong data-testid="fee-total">{i18n.money(quote.total, quote.currency)}</strong></td></tr>
          </tfoot>
        </table>
      ) : null}
      <p className="hint" role="status">
        {loading ? i18n.t('filing.fee.updating') : error ? i18n.t('filing.fee.unavailable') : !quote ? i18n.t('filing.fee.none') : ''}
      </p>
    </section>
  );
}

export function SaveState({ draft }: { draft: DraftSaver }) {
  const i18n = useI18n();
  const text = draft.status === 'saving' ? i18n.t('filing.draft.saving')
    : draft.status === 'saved' ? i18n.t('filing.draft.savedAt', { time: i18n.instant(draft.savedAt) })
      : draft.status === 'error' ? i18n.t('filing.draft.saveFailed')
        : i18n.t('filing.draft.notSaved');
  return (
    <div className="save-state" data-testid="draft-status" data-status={draft.status}>
      <span role="status">{text}</span>
      {draft.status === 'error' ? <button type="button" className="btn-link" onClick={() => void draft.flush()}>{i18n.t('common.retry')}</button> : null}
    </div>
  );
}

/** Shares a draft read-only with a client: the link to copy, and revoking it. */
/** The side column of a filing: the live fee, and the draft's saving and sharing. */
export function FilingAside({ fee, draft, shared, onSaveNow }: {
  fee: { quote: FeeQuote | null; loading: boolean; error: unknown }; draft: DraftSaver; shared?: boolean; onSaveNow: () => void;
}) {
  const i18n = useI18n();
  return (
    <aside className="filing-aside" aria-label={i18n.t('filing.aside')}>
      <FeePanel quote={fee.quote} loading={fee.loading} error={fee.error} />
      <section className="card" aria-labelledby="draft-heading">
        <h2 id="draft-heading">{i18n.t('filing.draft.title')}</h2>
        <SaveState draft={draft} />
        <div className="btn-row">
          <button type="button" className="btn btn-secondary" data-testid="draft-save" onClick={() => { onSaveNow(); void draft.flush(); }}>{i18n.t('filing.draft.saveNow')}</button>
        </div>
        {draft.id ? <SharePanel draftId={draft.id} shared={shared} /> : <p className="hint">{i18n.t('filing.share.afterSave')}</p>}
      </section>
    </aside>
  );
}

export function SharePanel({ draftId, shared: initiallyShared }: { draftId: string; shared?: boolean }) {
  const i18n = useI18n();
  const [link, setLink] = useState<string | null>(null);
  const [shared, setShared] = useState(!!initiallyShared);
  const [copied, setCopied] = useState(false);
  const share = useAction(async () => {
    const r = await api<{ token: string; path: string }>(`/drafts/${encodeURIComponent(draftId)}/share`, { method: 'POST' });
    setLink(new URL(r.path, location.origin).toString()); setShared(true); setCopied(false);
  });
  const revoke = useAction(async () => {
    await api(`/drafts/${encodeURIComponent(draftId)}/share`, { method: 'DELETE' });
    setLink(null); setShared(false);
  });
  const copy = async () => {
    if (!link) return;
    try { await navigator.clipboard.writeText(link); setCopied(true); } catch { setCopied(false); }
  };
  return (
    <section className="share-panel" aria-label={i18n.t('filing.share.title')}>
      <ErrorSummary error={share.error ?? revoke.error} />
      {link ? (
        <div className="share-link">
          <TextField label={i18n.t('filing.share.link')} value={link} readOnly dir="ltr" data-testid="share-link" hint={i18n.t('filing.share.hint')} onFocus={(e) => e.currentTarget.select()} />
          <div className="btn-row">
            <button type="button" className="btn btn-secondary" onClick={() => void copy()} data-testid="share-copy">{i18n.t('filing.share.copy')}</button>
            <span role="status" className="muted">{copied ? i18n.t('filing.share.copied') : ''}</span>
          </div>
        </div>
      ) : shared ? <p className="muted">{i18n.t('filing.share.active')}</p> : null}
      <div className="btn-row">
        <button type="button" className="btn btn-secondary" onClick={() => void share.run()} disabled={share.busy} data-testid="draft-share">
          {share.busy ? i18n.t('common.working') : shared ? i18n.t('filing.share.newLink') : i18n.t('filing.share.action')}
        </button>
        {shared ? (
          <button type="button" className="btn btn-danger" onClick={() => void revoke.run()} disabled={revoke.busy} data-testid="share-revoke">
            {revoke.busy ? i18n.t('common.working') : i18n.t('filing.share.revoke')}
          </button>
        ) : null}
      </div>
    </section>
  );
}

/** What stops a step: each problem links to its field. */
export function ProblemList({ problems, idOf, headingRef }: { problems: { path: string; message: string }[]; idOf: (path: string) => string; headingRef?: React.Ref<HTMLDivElement> }) {
  const i18n = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="alert alert-error problem-list" role="alert" tabIndex={-1} ref={headingRef} data-testid="step-problems">
      <p><strong>{i18n.t('filing.v.summary')}</strong></p>
      <ul>
        {problems.map((p) => (
          <li key={p.path}>
            <a href={`#${idOf(p.path)}`} onClick={(e) => {
              const el = document.getElementById(idOf(p.path));
              if (el) { e.preventDefault(); el.focus(); }
            }}>{p.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A party (applicant, representative) as the schema knows it; every field labelled, errors beside. */
export function PartyFields({ value, onChange, prefix, path, errorOf, requireName, testid }: {
  value: Party; onChange: (p: Party) => void; prefix: string; path: string;
  errorOf: (path: string) => string | undefined; requireName: boolean; testid: string;
}) {
  const i18n = useI18n();
  const set = (k: keyof Party, v: string) => onChange({ ...value, [k]: v });
  const id = (k: string) => fieldId(prefix, `${path}/${k}`);
  return (
    <div className="party-fields">
      <SelectField id={id('kind')} label={i18n.t('filing.party.kind')} value={value.kind ?? ''} onChange={(e) => set('kind', e.target.value)} data-testid={`${testid}-kind`}>
        <option value="">{i18n.t('filing.party.kindUnset')}</option>
        <option value="legal">{i18n.t('filing.party.legal')}</option>
        <option value="natural">{i18n.t('filing.party.natural')}</option>
      </SelectField>
      <TextField id={id('name')} label={i18n.t('filing.party.name')} required={requireName} value={value.name ?? ''} dir="auto" maxLength={500}
        onChange={(e) => set('name', e.target.value)} error={errorOf(`${path}/name`)} data-testid={`${testid}-name`} autoComplete="organization" />
      <TextField id={id('address')} label={i18n.t('filing.party.address')} value={value.address ?? ''} dir="auto" maxLength={1000}
        onChange={(e) => set('address', e.target.value)} error={errorOf(`${path}/address`)} data-testid={`${testid}-address`} autoComplete="street-address" />
      <div className="field-row">
        <TextField id={id('country')} label={i18n.t('filing.party.country')} value={value.country ?? ''} dir="ltr" maxLength={2} className="input-code"
          hint={i18n.t('filing.party.countryHint')} onChange={(e) => set('country', e.target.value.toUpperCase())} error={errorOf(`${path}/country`)} data-testid={`${testid}-country`} />
        <TextField id={id('nationality')} label={i18n.t('filing.party.nationality')} value={value.nationality ?? ''} dir="ltr" maxLength={2} className="input-code"
          onChange={(e) => set('nationality', e.target.value.toUpperCase())} error={errorOf(`${path}/nationality`)} data-testid={`${testid}-nationality`} />
      </div>
      <TextField id={id('email')} type="email" label={i18n.t('filing.party.email')} value={value.email ?? ''} dir="ltr" maxLength={320}
        onChange={(e) => set('email', e.target.value)} error={errorOf(`${path}/email`)} data-testid={`${testid}-email`} autoComplete="email" />
    </div>
  );
}

/** The signed-in filer as a party: the holder of their current account, else their display name. */
export function useOwnParty(): Party | null {
  const { user } = useSession();
  const acc = useApi<Account>(user ? '/account' : null, [user?.id]);
  if (!user) return null;
  if (acc.loading) return null;
  const h = acc.data?.holder as any;
  if (h && typeof h === 'object' && typeof h.name === 'string') {
    const p: Party = { name: h.name };
    if (h.kind === 'legal' || h.kind === 'natural') p.kind = h.kind;
    for (const k of ['address', 'country', 'email', 'nationality'] as const) if (typeof h[k] === 'string') p[k] = h[k];
    return p;
  }
  return { kind: 'legal', name: typeof h === 'string' && h ? h : user.displayName };
}

export function storeReceipt(r: StoredReceipt) {
  try { sessionStorage.setItem(RECEIPT_KEY(r.case.number), JSON.stringify(r)); } catch { /* storage blocked: the receipt page falls back to the case */ }
}

/**
 * The balance, the amount to pay (the quote) and the one button that pays and files. With a draft,
 * the draft is saved first and submitted by id; without one the filing goes straight to /cases
 * with an idempotency key that stays the same for the same payload, so a retry never files twice.
 */
export function PayAndSubmit({ right, payload, quote, quoteCurrent, draft, validate, onError, children }: {
  right: string; payload: Record<string, any>; quote: FeeQuote | null; quoteCurrent: boolean;
  draft: DraftSaver | null; validate: () => boolean; onError: (e: unknown) => void; children?: ReactNode;
}) {
  const i18n = useI18n();
  const [, navigate] = useLocation();
  const account = useApi<Account>('/account');
  const json = JSON.stringify(payload);
  const key = useRef<{ json: string; key: string }>({ json, key: newIdempotencyKey() });
  if (key.current.json !== json) key.current = { json, key: newIdempotencyKey() };

  const act = useAction(async () => {
    if (!validate()) return;
    const payment = quote && quote.total > 0 ? { amount: quote.total, currency: quote.currency, method: 'current-account' } : null;
    const headers = { 'idempotency-key': key.current.key };
    try {
      const draftId = draft ? await draft.flush() : null;
      const res = draftId
        ? await api<FilingResponse>(`/drafts/${encodeURIComponent(draftId)}/submit`, { body: payment ? { payment } : {}, headers })
        : await api<FilingResponse>('/cases', { body: { right, payload, ...(payment ? { payment } : {}) }, headers });
      storeReceipt({ ...res, payment, right, feeTitles: Object.fromEntries((quote?.items ?? []).map((it) => [it.code, it.title])) });
      navigate(`/receipts/${encodeURIComponent(res.case.number)}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INSUFFICIENT_FUNDS') account.reload();
      onError(e);
      throw e;
    }
  });
  const acc = account.data;
  const short = acc && quote && acc.currency === quote.currency && acc.balance < quote.total;
  const code = act.error instanceof ApiError ? act.error.code : null;
  return (
    <section className="card pay-panel" aria-labelledby="pay-heading">
      <h2 id="pay-heading">{i18n.t('filing.pay.title')}</h2>
      {children}
      <dl className="facts">
        <dt>{i18n.t('filing.pay.method')}</dt><dd>{i18n.t('filing.pay.currentAccount')}</dd>
        <dt>{i18n.t('filing.pay.balance')}</dt>
        <dd data-testid="account-balance">{acc ? i18n.money(acc.balance, acc.currency) : account.error ? i18n.t('filing.pay.balanceUnavailable') : i18n.t('common.loading')}</dd>
        <dt>{i18n.t('filing.pay.amount')}</dt>
        <dd data-testid="pay-amount">{quote ? i18n.money(quote.total, quote.currency) : '—'}</dd>
      </dl>
      {short ? (
        <p className="alert alert-info" data-testid="pay-short">
          {i18n.t('filing.pay.short')} <Link href="/account">{i18n.t('filing.pay.topUp')}</Link>
        </p>
      ) : null}
      {act.error ? (
        <div>
          <ErrorSummary error={act.error} />
          {code === 'INSUFFICIENT_FUNDS' ? <p><Link href="/account" data-testid="insufficient-funds-account">{i18n.t('filing.pay.topUp')}</Link></p> : null}
        </div>
      ) : null}
      <div className="btn-row">
        <button type="button" className="btn btn-primary" data-testid="pay-submit" onClick={() => void act.run()}
          disabled={act.busy || !quoteCurrent} aria-busy={act.busy || undefined} aria-describedby="pay-note">
          {act.busy ? i18n.t('common.working') : quote && quote.total > 0 ? i18n.t('filing.pay.submit', { amount: i18n.money(quote.total, quote.currency) }) : i18n.t('filing.pay.submitNoFee')}
        </button>
      </div>
      <p className="hint" id="pay-note">{quoteCurrent ? i18n.t('filing.pay.note') : i18n.t('filing.fee.updating')}</p>
    </section>
  );
}

/** Moves focus to an element when `dep` changes (not on first render): the step heading, a summary. */
export function useFocusOnChange<T extends HTMLElement>(dep: unknown) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) { first.current = false; return; }
    ref.current?.focus();
  }, [dep]);
  return ref;
}

export const k = (key: string) => key as MessageKey;
