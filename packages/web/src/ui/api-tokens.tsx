// The signed-in user's API tokens, beside the sign-in security page: the live tokens (label, scopes,
// created, expires), a new one made with a label, a validity in days and its scopes (each with what it
// allows), shown once with a copy button, and revoked after a confirmation.
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ApiError } from '../api.ts';
import { isolate, type Notice } from '../features/publication/index.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useApi } from './data.ts';
import { ErrorSummary, fieldMessage, SubmitButton, TextField, useAction } from './forms.tsx';
import { Loading, Page } from './Layout.tsx';
import { isOffice, useSession } from './session.tsx';

interface ApiToken { id: string; label: string; scopes: string[] | null; createdAt: string; expiresAt: string }
interface Created { token: string; label: string; scopes: string[] }

/** The scopes of the API (modules/access/scopes.ts), in the order a user reads them. */
const SCOPES = ['read', 'file', 'act', 'webhooks', 'admin'] as const;
type Scope = (typeof SCOPES)[number];
const scopeName = (s: string) => `tokens.scope.${s}` as MessageKey;

/** The two halves of sign-in security: the second factor and the API tokens. */
export function SecurityNav() {
  const i18n = useI18n();
  const [path] = useLocation();
  const item = (href: string, label: string, testid: string) => (
    <Link href={href} data-testid={testid} aria-current={path === href ? 'page' : undefined}>{label}</Link>
  );
  return (
    <nav className="portal-nav" aria-label={i18n.t('security.title')}>
      {item('/security', i18n.t('security.secondFactor'), 'nav-second-factor')}
      {item('/security/tokens', i18n.t('tokens.nav'), 'nav-api-tokens')}
    </nav>
  );
}

export default function ApiTokensPage() {
  const i18n = useI18n();
  const { data, error, loading, reload } = useApi<{ items: ApiToken[] }>('/auth/tokens');
  const [created, setCreated] = useState<Created | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const items = data?.items ?? [];
  return (
    <Page title={i18n.t('tokens.title')}>
      <SecurityNav />
      <p className="register-intro">{i18n.t('tokens.intro')}</p>
      {created ? <TokenPanel created={created} onDone={() => { setCreated(null); document.getElementById('tokens-list-h')?.focus(); }} /> : null}
      {notice ? <p className="alert alert-ok" role="status" data-testid="tokens-notice">{notice.say(i18n)}</p> : null}
      <h2 id="tokens-list-h" tabIndex={-1}>{i18n.t('tokens.list')}</h2>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? <p className="muted" data-testid="tokens-empty">{i18n.t('tokens.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="tokens-table">
            <caption className="sr-only">{i18n.t('tokens.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('tokens.label')}</th>
                <th scope="col">{i18n.t('tokens.scopes')}</th>
                <th scope="col">{i18n.t('tokens.created')}</th>
                <th scope="col">{i18n.t('tokens.expires')}</th>
                <th scope="col"><span className="sr-only">{i18n.t('tokens.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((t) => (
                <tr key={t.id} data-testid={`token-row-${t.id}`}>
                  <th scope="row"><bdi data-testid={`token-label-${t.id}`}>{t.label}</bdi></th>
                  <td>
                    {t.scopes ? (
                      <ul className="plain-list">{t.scopes.map((s) => <li key={s}>{i18n.tx(`tokens.scope.${s}`, s)}</li>)}</ul>
                    ) : i18n.t('tokens.allScopes')}
                  </td>
                  <td>{i18n.instant(t.createdAt)}</td>
                  <td>{i18n.instant(t.expiresAt)}</td>
                  <td>
                    <RevokeButton token={t} onRevoked={() => {
                      setNotice({ say: (x) => x.t('tokens.revoked', { label: isolate(t.label) }) });
                      reload();
                      document.getElementById('tokens-list-h')?.focus();
                    }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CreateToken onCreated={(c) => { setNotice(null); setCreated(c); reload(); }} />
    </Page>
  );
}

/** Revoke, after a confirmation that names the token. */
function RevokeButton({ token, onRevoked }: { token: ApiToken; onRevoked(): void }) {
  const i18n = useI18n();
  const [confirming, setConfirming] = useState(false);
  const revoke = useAction(async () => {
    await api(`/auth/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' });
    setConfirming(false);
    onRevoked();
  });
  const question = i18n.t('tokens.confirmRevoke', { label: isolate(token.label) });
  return (
    <div className="row-actions">
      {confirming ? (
        <span className="confirm" role="group" aria-label={question}>
          <span>{question}</span>
          <button type="button" className="btn btn-danger btn-small" autoFocus disabled={revoke.busy} onClick={() => void revoke.run()} data-testid={`token-revoke-confirm-${token.id}`}>{i18n.t('tokens.revoke')}</button>
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirming(false)} data-testid={`token-revoke-cancel-${token.id}`}>{i18n.t('common.cancel')}</button>
        </span>
      ) : (
        <button type="button" className="btn btn-danger btn-small" onClick={() => setConfirming(true)} data-testid={`token-revoke-${token.id}`}>
          {i18n.t('tokens.revoke')}<span className="sr-only">: {token.label}</span>
        </button>
      )}
      <ErrorSummary error={revoke.error} />
    </div>
  );
}

/** A new token: a label, the days it is valid and its scopes (at least one). */
function CreateToken({ onCreated }: { onCreated(c: Created): void }) {
  const i18n = useI18n();
  const { user } = useSession();
  // Administration is for office staff only: another account is not offered a scope it could never use.
  const offered: readonly Scope[] = isOffice(user) ? SCOPES : SCOPES.filter((s) => s !== 'admin');
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [generation, setGeneration] = useState(0);
  const { run, busy, error } = useAction(async (body: { label: string; days: number; scopes: string[] }) => {
    const r = await api<Created>('/auth/tokens', { body });
    setGeneration((g) => g + 1);
    setLocal({});
    onCreated(r);
  });
  const code = error instanceof ApiError ? error.code : '';
  const labelError = local.label ?? fieldMessage(i18n, error, '/label');
  const daysError = local.days ?? (fieldMessage(i18n, error, '/days') ? i18n.t('tokens.daysInvalid') : undefined);
  const scopesError = local.scopes ?? fieldMessage(i18n, error, '/scopes') ?? (code === 'UNKNOWN_SCOPE' ? i18n.t('error.UNKNOWN_SCOPE') : undefined);
  return (
    <section className="card tokens-add" aria-labelledby="tokens-add-h">
      <h2 id="tokens-add-h">{i18n.t('tokens.add')}</h2>
      <form key={generation} className="form" noValidate onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const label = String(f.get('label') ?? '').trim();
        const daysText = String(f.get('days') ?? '').trim();
        const days = Number(daysText);
        const scopes = f.getAll('scopes').map(String);
        const checks = {
          label: !label ? i18n.t('field.required') : undefined,
          days: !/^\d+$/.test(daysText) || days < 1 || days > 365 ? i18n.t('tokens.daysInvalid') : undefined,
          scopes: scopes.length === 0 ? i18n.t('tokens.scopesRequired') : undefined,
        };
        setLocal(checks);
        if (checks.label) { document.getElementById('token-label')?.focus(); return; }
        if (checks.days) { document.getElementById('token-days')?.focus(); return; }
        if (checks.scopes) { document.querySelector<HTMLInputElement>('input[name=scopes]')?.focus(); return; }
        void run({ label, days, scopes });
      }}>
        <ErrorSummary error={labelError || daysError || scopesError ? null : error} />
        <TextField id="token-label" name="label" label={i18n.t('tokens.label')} hint={i18n.t('tokens.labelHint')} required maxLength={100} dir="auto"
          autoComplete="off" error={labelError} data-testid="token-label" />
        <TextField id="token-days" name="days" type="number" label={i18n.t('tokens.days')} hint={i18n.t('tokens.daysHint')} required min={1} max={365} step={1}
          defaultValue={90} inputMode="numeric" error={daysError} data-testid="token-days" />
        <fieldset className={`fieldset${scopesError ? ' field-invalid' : ''}`} aria-describedby={`tokens-scopes-hint${scopesError ? ' tokens-scopes-error' : ''}`} data-testid="token-scopes">
          <legend>{i18n.t('tokens.scopes')}<span className="req" aria-hidden="true"> *</span></legend>
          <div className="hint" id="tokens-scopes-hint">{i18n.t('tokens.scopesHint')}</div>
          {offered.map((s) => (
            <label key={s} className="check field-check-line">
              <input type="checkbox" name="scopes" value={s} defaultChecked={s === 'read'} data-testid={`token-scope-${s}`} />
              <span>
                <span className="event-name">{i18n.t(scopeName(s))}</span>
                <span className="hint"> {i18n.t(`${scopeName(s)}.about` as MessageKey)}</span>
              </span>
            </label>
          ))}
          {scopesError ? <div className="field-error" id="tokens-scopes-error" role="alert">{scopesError}</div> : null}
        </fieldset>
        <div className="btn-row"><SubmitButton busy={busy} data-testid="token-create">{i18n.t('tokens.submit')}</SubmitButton></div>
      </form>
    </section>
  );
}

/** The token, shown this once: copy it, and how a program sends it. */
function TokenPanel({ created, onDone }: { created: Created; onDone(): void }) {
  const i18n = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'' | 'ok' | 'select'>('');
  useEffect(() => { heading.current?.focus(); }, [created.token]);
  const copy = async () => {
    // A browser that neither writes nor refuses (a permission never answered) counts as a refusal after
    // a moment: the token is then selected to copy by hand, never left without a word.
    const noAnswer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), 1500));
    try { await Promise.race([navigator.clipboard.writeText(created.token), noAnswer]); setCopied('ok'); }
    catch { field.current?.focus(); field.current?.select(); setCopied('select'); }
  };
  return (
    <section className="card secret-panel" aria-labelledby={`${id}-h`} data-testid="token-panel">
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>{i18n.t('tokens.newTitle')}: <bdi>{created.label}</bdi></h2>
      <p className="alert alert-info" data-testid="token-once">{i18n.t('tokens.once')}</p>
      <div className="field">
        <label htmlFor={`${id}-token`}>{i18n.t('tokens.token')}</label>
        <div className="secret-row">
          <input ref={field} id={`${id}-token`} readOnly value={created.token} dir="ltr" className="hash" spellCheck={false} autoComplete="off"
            onFocus={(e) => e.currentTarget.select()} data-testid="token-value" />
          <button type="button" className="btn btn-secondary" onClick={() => void copy()} data-testid="token-copy">{i18n.t('tokens.copy')}</button>
        </div>
        <span role="status" className="hint" data-testid="token-copy-status">{copied === 'ok' ? i18n.t('tokens.copied') : copied === 'select' ? i18n.t('tokens.copySelect') : ''}</span>
      </div>
      <p>{i18n.t('tokens.usage')}</p>
      <pre className="cli" dir="ltr"><code>{`curl -H "Authorization: Bearer ${created.token.slice(0, 8)}…" ${location.origin}/api/v1/portfolio`}</code></pre>
      <div className="btn-row"><button type="button" className="btn btn-primary" onClick={onDone} data-testid="token-done">{i18n.t('tokens.done')}</button></div>
    </section>
  );
}
