// Notifications to the filer's own systems (webhooks): the office POSTs a signed JSON message to a URL
// when something happens to the filer's cases. The list of subscriptions with their last delivery, adding
// one (the signing secret is shown once, with how to check a signature), pausing, testing, deleting, and
// every delivery of a subscription with each attempt.
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ApiError, qs } from '../../api.ts';
import { isolate, type Notice } from '../../features/publication/index.tsx';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary, fieldMessage, SelectField, SubmitButton, TextArea, TextField, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { PortalNav } from './portfolio.tsx';

interface Subscription {
  id: string; url: string; events: string[]; scope: 'own' | 'public'; description: string | null; active: boolean;
  createdAt: string; updatedAt: string; deliveries?: { pending: number; failed: number };
}
interface Attempt { attempt: number; at: string; ok: boolean; statusCode: number | null; error: string | null; durationMs: number | null }
interface Delivery {
  id: string; event: string; status: 'pending' | 'delivered' | 'failed'; attempts: number; createdAt: string; nextAttemptAt: string | null;
  deliveredAt: string | null; lastStatus: number | null; lastError: string | null; attemptLog: Attempt[];
}
interface Deliveries { total: number; limit: number; offset: number; next: string | null; items: Delivery[] }
interface Revealed { id: string; url: string; secret: string; renewed: boolean }

const eventName = (i18n: I18n, event: string) => i18n.tx(`pub.event.${event}`, event);
const hookHref = (id: string) => `/webhooks/${encodeURIComponent(id)}`;

export function WebhooksPage() {
  const i18n = useI18n();
  const { data, error, loading, reload } = useApi<{ items: Subscription[] }>('/webhooks');
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const items = data?.items ?? [];
  return (
    <Page title={i18n.t('pub.hooks.title')}>
      <PortalNav />
      <p className="register-intro">{i18n.t('pub.hooks.intro')}</p>
      {revealed ? <SecretPanel revealed={revealed} onDone={() => { setRevealed(null); document.getElementById('hooks-list-h')?.focus(); }} /> : null}
      {notice ? <p className="alert alert-ok" role="status" data-testid="hooks-notice">{notice.say(i18n)}</p> : null}
      <h2 id="hooks-list-h" tabIndex={-1}>{i18n.t('pub.hooks.list')}</h2>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? <p className="muted" data-testid="hooks-empty">{i18n.t('pub.hooks.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="hooks-table">
            <caption className="sr-only">{i18n.t('pub.hooks.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('pub.hooks.url')}</th>
                <th scope="col">{i18n.t('pub.hooks.events')}</th>
                <th scope="col">{i18n.t('common.status')}</th>
                <th scope="col">{i18n.t('pub.hooks.lastDelivery')}</th>
                <th scope="col"><span className="sr-only">{i18n.t('pub.hooks.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id} data-testid={`hook-row-${s.id}`}>
                  <th scope="row">
                    <Link href={hookHref(s.id)} className="hook-url" data-testid={`hook-link-${s.id}`}><bdi dir="ltr">{s.url}</bdi></Link>
                    {s.description ? <div className="hint" dir="auto">{s.description}</div> : null}
                  </th>
                  <td><ul className="plain-list">{s.events.map((e) => <li key={e}>{eventName(i18n, e)}</li>)}</ul></td>
                  <td><ActiveBadge active={s.active} /></td>
                  <td>
                    <LastDelivery id={s.id} />
                    {s.deliveries && (s.deliveries.pending > 0 || s.deliveries.failed > 0) ? (
                      <div className="hint">{i18n.t('pub.hooks.counts', { pending: i18n.number(s.deliveries.pending), failed: i18n.number(s.deliveries.failed) })}</div>
                    ) : null}
                  </td>
                  <td>
                    <SubscriptionActions sub={s} compact
                      onChanged={(message) => { setNotice(message); reload(); }}
                      onDeleted={() => { setNotice({ say: (t) => t.t('pub.hooks.deleted', { url: isolate(s.url) }) }); reload(); document.getElementById('hooks-list-h')?.focus(); }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AddSubscription onAdded={(r) => { setNotice(null); setRevealed(r); reload(); }} />
    </Page>
  );
}

function ActiveBadge({ active }: { active: boolean }) {
  const i18n = useI18n();
  return active ? <span className="badge badge-ok">{i18n.t('pub.hooks.active')}</span> : <span className="badge badge-warn">{i18n.t('pub.hooks.paused')}</span>;
}

/** The latest delivery of a subscription: when, and how it went. */
function LastDelivery({ id }: { id: string }) {
  const i18n = useI18n();
  const { data } = useApi<Deliveries>(`${hookHref(id)}/deliveries${qs({ limit: 1 })}`);
  const d = data?.items[0];
  if (!data) return <span className="muted">…</span>;
  if (!d) return <span className="muted" data-testid={`hook-last-${id}`}>{i18n.t('pub.hooks.noDelivery')}</span>;
  return (
    <span data-testid={`hook-last-${id}`} data-status={d.status}>
      <DeliveryStatus d={d} /> <span className="hint">{eventName(i18n, d.event)} · {i18n.instant(d.deliveredAt ?? d.createdAt)}</span>
    </span>
  );
}

function DeliveryStatus({ d }: { d: Delivery }) {
  const i18n = useI18n();
  const cls = d.status === 'delivered' ? 'badge-ok' : d.status === 'failed' ? 'badge-bad' : 'badge-warn';
  return <span className={`badge ${cls}`}>{i18n.t(`pub.delivery.status.${d.status}`)}{d.lastStatus ? ` · ${d.lastStatus}` : ''}</span>;
}

/** Pause or resume, send a test delivery, and delete (after a confirmation); on its page also a new secret. */
function SubscriptionActions({ sub, compact, onChanged, onDeleted, onSecret }: {
  sub: Subscription; compact?: boolean; onChanged(message: Notice): void; onDeleted(): void; onSecret?(r: Revealed): void;
}) {
  const i18n = useI18n();
  const [confirm, setConfirm] = useState<'delete' | 'secret' | null>(null);
  const small = compact ? ' btn-small' : '';
  const toggle = useAction(async () => {
    await api(hookHref(sub.id), { method: 'PATCH', body: { active: !sub.active } });
    onChanged({ say: (t) => t.t(sub.active ? 'pub.hooks.pausedNotice' : 'pub.hooks.resumedNotice', { url: isolate(sub.url) }) });
  });
  const ping = useAction(async () => {
    await api(`${hookHref(sub.id)}/ping`, { method: 'POST' });
    onChanged({ say: (t) => t.t('pub.hooks.pinged', { url: isolate(sub.url) }) });
  });
  const del = useAction(async () => {
    await api(hookHref(sub.id), { method: 'DELETE' });
    setConfirm(null);
    onDeleted();
  });
  const secret = useAction(async () => {
    const r = await api<Subscription & { secret: string }>(`${hookHref(sub.id)}/secret`, { method: 'POST' });
    setConfirm(null);
    onSecret?.({ id: r.id, url: r.url, secret: r.secret, renewed: true });
  });
  const error = toggle.error ?? ping.error ?? del.error ?? secret.error;
  const label = <span className="sr-only">: {sub.url}</span>;
  return (
    <div className="row-actions hook-actions">
      <button type="button" className={`btn btn-secondary${small}`} disabled={toggle.busy} onClick={() => void toggle.run()} data-testid={`hook-toggle-${sub.id}`}>
        {i18n.t(sub.active ? 'pub.hooks.pause' : 'pub.hooks.resume')}{label}
      </button>
      <button type="button" className={`btn btn-secondary${small}`} disabled={ping.busy || !sub.active} onClick={() => void ping.run()} data-testid={`hook-ping-${sub.id}`}>
        {i18n.t('pub.hooks.ping')}{label}
      </button>
      {onSecret ? (confirm === 'secret' ? (
        <span className="confirm" role="group" aria-label={i18n.t('pub.hooks.confirmSecret')}>
          <span>{i18n.t('pub.hooks.confirmSecret')}</span>
          <button type="button" className={`btn btn-danger${small}`} autoFocus disabled={secret.busy} onClick={() => void secret.run()} data-testid={`hook-secret-confirm-${sub.id}`}>{i18n.t('pub.hooks.newSecret')}</button>
          <button type="button" className={`btn btn-secondary${small}`} onClick={() => setConfirm(null)}>{i18n.t('common.cancel')}</button>
        </span>
      ) : (
        <button type="button" className={`btn btn-secondary${small}`} onClick={() => setConfirm('secret')} data-testid={`hook-secret-${sub.id}`}>{i18n.t('pub.hooks.newSecret')}</button>
      )) : null}
      {confirm === 'delete' ? (
        <span className="confirm" role="group" aria-label={i18n.t('pub.hooks.confirmDelete', { url: isolate(sub.url) })}>
          <span>{i18n.t('pub.hooks.confirmDelete', { url: isolate(sub.url) })}</span>
          <button type="button" className={`btn btn-danger${small}`} autoFocus disabled={del.busy} onClick={() => void del.run()} data-testid={`hook-delete-confirm-${sub.id}`}>{i18n.t('pub.hooks.delete')}</button>
          <button type="button" className={`btn btn-secondary${small}`} onClick={() => setConfirm(null)}>{i18n.t('common.cancel')}</button>
        </span>
      ) : (
        <button type="button" className={`btn btn-danger${small}`} onClick={() => setConfirm('delete')} data-testid={`hook-delete-${sub.id}`}>{i18n.t('pub.hooks.delete')}{label}</button>
      )}
      <ErrorSummary error={error} />
    </div>
  );
}

/** Adding a subscription: a URL, the events wanted (from the office's list) and a note for the filer's own use. */
function AddSubscription({ onAdded }: { onAdded(r: Revealed): void }) {
  const i18n = useI18n();
  const events = useApi<{ items: { event: string; description: string }[] }>('/webhooks/events');
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const [generation, setGeneration] = useState(0);
  const { run, busy, error } = useAction(async (body: { url: string; events: string[]; description?: string }) => {
    const r = await api<Subscription & { secret: string }>('/webhooks', { method: 'POST', body });
    setGeneration((g) => g + 1);
    onAdded({ id: r.id, url: r.url, secret: r.secret, renewed: false });
  });
  const code = error instanceof ApiError ? error.code : '';
  const urlError = local.url ?? fieldMessage(i18n, error, '/url') ?? (code.startsWith('WEBHOOK_URL') ? i18n.tx(`error.${code}`, (error as ApiError).message) : undefined);
  const eventsError = local.events ?? fieldMessage(i18n, error, '/events') ?? (code === 'WEBHOOK_EVENT_UNKNOWN' ? i18n.t('error.WEBHOOK_EVENT_UNKNOWN') : undefined);
  return (
    <section className="card hooks-add" aria-labelledby="hooks-add-h">
      <h2 id="hooks-add-h">{i18n.t('pub.hooks.add')}</h2>
      <form key={generation} className="form" noValidate onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const url = String(f.get('url') ?? '').trim();
        const chosen = f.getAll('events').map(String);
        const description = String(f.get('description') ?? '').trim();
        const checks = {
          url: !url ? i18n.t('field.required') : !/^https?:\/\/\S+$/i.test(url) ? i18n.t('pub.hooks.urlInvalid') : undefined,
          events: chosen.length === 0 ? i18n.t('pub.hooks.eventsRequired') : undefined,
        };
        setLocal(checks);
        if (checks.url) { document.getElementById('hook-url')?.focus(); return; }
        if (checks.events) { document.querySelector<HTMLInputElement>('input[name=events]')?.focus(); return; }
        void run({ url, events: chosen, ...(description ? { description } : {}) });
      }}>
        <ErrorSummary error={urlError || eventsError ? null : error} />
        <TextField id="hook-url" name="url" type="url" label={i18n.t('pub.hooks.url')} required dir="ltr" maxLength={2000} inputMode="url"
          placeholder="https://" hint={i18n.t('pub.hooks.urlHint')} error={urlError} data-testid="hook-url" />
        <fieldset className={`fieldset${eventsError ? ' field-invalid' : ''}`} aria-describedby={eventsError ? 'hook-events-error' : undefined} data-testid="hook-events">
          <legend>{i18n.t('pub.hooks.events')}<span className="req" aria-hidden="true"> *</span></legend>
          {events.loading && !events.data ? <Loading /> : null}
          <ErrorSummary error={events.error} />
          {(events.data?.items ?? []).map((ev) => (
            <label key={ev.event} className="check field-check-line">
              <input type="checkbox" name="events" value={ev.event} data-testid={`hook-event-${ev.event}`} />
              <span>
                <span className="event-name">{eventName(i18n, ev.event)}</span>
                <span className="hint"> {i18n.tx(`pub.event.${ev.event}.about`, ev.description)}</span>
              </span>
            </label>
          ))}
          {eventsError ? <div className="field-error" id="hook-events-error" role="alert">{eventsError}</div> : null}
        </fieldset>
        <TextArea name="description" label={i18n.t('pub.hooks.description')} hint={i18n.t('pub.hooks.descriptionHint')} maxLength={500} rows={2} dir="auto" data-testid="hook-description" />
        <div className="btn-row"><SubmitButton busy={busy} data-testid="hook-add">{i18n.t('pub.hooks.addSubmit')}</SubmitButton></div>
      </form>
    </section>
  );
}

/** The signing secret, shown once: copy it, and how a receiver checks that a delivery comes from the office. */
function SecretPanel({ revealed, onDone }: { revealed: Revealed; onDone(): void }) {
  const i18n = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'' | 'ok' | 'select'>('');
  useEffect(() => { heading.current?.focus(); }, [revealed.secret]);
  const copy = async () => {
    try { await navigator.clipboard.writeText(revealed.secret); setCopied('ok'); }
    catch { field.current?.select(); setCopied('select'); }
  };
  return (
    <section className="card secret-panel" aria-labelledby={`${id}-h`} data-testid="hook-secret-panel">
      <h2 id={`${id}-h`} ref={heading} tabIndex={-1}>{i18n.t(revealed.renewed ? 'pub.hooks.secretRenewed' : 'pub.hooks.secretTitle')}</h2>
      <p className="alert alert-info">{i18n.t('pub.hooks.secretOnce', { url: isolate(revealed.url) })}</p>
      <div className="field">
        <label htmlFor={`${id}-secret`}>{i18n.t('pub.hooks.secret')}</label>
        <div className="secret-row">
          <input ref={field} id={`${id}-secret`} readOnly value={revealed.secret} dir="ltr" className="hash" spellCheck={false}
            onFocus={(e) => e.currentTarget.select()} data-testid="hook-secret" />
          <button type="button" className="btn btn-secondary" onClick={() => void copy()} data-testid="hook-secret-copy">{i18n.t('pub.hooks.copy')}</button>
        </div>
        <span role="status" className="hint">{copied === 'ok' ? i18n.t('pub.hooks.copied') : copied === 'select' ? i18n.t('pub.hooks.copySelect') : ''}</span>
      </div>
      <h3>{i18n.t('pub.hooks.verifyTitle')}</h3>
      <p>{i18n.t('pub.hooks.verifyHeaders')}</p>
      <ul className="header-list">
        <li><code dir="ltr">x-registrum-event</code>: {i18n.t('pub.hooks.header.event')}</li>
        <li><code dir="ltr">x-registrum-delivery</code>: {i18n.t('pub.hooks.header.delivery')}</li>
        <li><code dir="ltr">x-registrum-timestamp</code>: {i18n.t('pub.hooks.header.timestamp')}</li>
        <li><code dir="ltr">x-registrum-signature</code>: {i18n.t('pub.hooks.header.signature')}</li>
      </ul>
      <p>{i18n.t('pub.hooks.verifySteps')}</p>
      <pre className="cli" dir="ltr"><code>{[
        "import { createHmac, timingSafeEqual } from 'node:crypto';",
        '',
        "const expected = 'sha256=' + createHmac('sha256', secret)",
        "  .update(`${headers['x-registrum-timestamp']}.${rawBody}`).digest('hex');",
        "const given = headers['x-registrum-signature'];",
        'const valid = given.length === expected.length',
        '  && timingSafeEqual(Buffer.from(given), Buffer.from(expected));',
      ].join('\n')}</code></pre>
      <p className="hint">{i18n.t('pub.hooks.retries')}</p>
      <div className="btn-row"><button type="button" className="btn btn-primary" onClick={onDone} data-testid="hook-secret-done">{i18n.t('pub.hooks.secretDone')}</button></div>
    </section>
  );
}

/** One subscription: what it asks for, its buttons, and every delivery with each attempt. */
export function WebhookPage({ id }: { id: string }) {
  const i18n = useI18n();
  const [, navigate] = useLocation();
  const sub = useApi<Subscription>(hookHref(id));
  const [status, setStatus] = useState<'' | Delivery['status']>('');
  const deliveries = useApi<Deliveries>(`${hookHref(id)}/deliveries${qs({ status, limit: 100 })}`);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const s = sub.data;
  if (sub.loading && !s) return <Loading />;
  if (!s) {
    return (
      <Page title={i18n.t('pub.hooks.title')}>
        <PortalNav />
        <ErrorSummary error={sub.error} />
        <p><Link href="/webhooks">{i18n.t('pub.hooks.back')}</Link></p>
      </Page>
    );
  }
  return (
    <Page title={i18n.t('pub.hooks.one')} actions={<Link href="/webhooks" className="btn btn-secondary" data-testid="hook-back">{i18n.t('pub.hooks.back')}</Link>}>
      <PortalNav />
      {revealed ? <SecretPanel revealed={revealed} onDone={() => setRevealed(null)} /> : null}
      {notice ? <p className="alert alert-ok" role="status" data-testid="hook-notice">{notice.say(i18n)}</p> : null}
      <section className="card" aria-labelledby="hook-facts-h">
        <h2 id="hook-facts-h">{i18n.t('pub.hooks.about')}</h2>
        <dl className="facts">
          <dt>{i18n.t('pub.hooks.url')}</dt><dd><bdi dir="ltr" className="hook-url" data-testid="hook-url-value">{s.url}</bdi></dd>
          <dt>{i18n.t('pub.hooks.events')}</dt><dd>{s.events.map((e) => eventName(i18n, e)).join(' · ')}</dd>
          {s.description ? <><dt>{i18n.t('pub.hooks.description')}</dt><dd dir="auto">{s.description}</dd></> : null}
          <dt>{i18n.t('common.status')}</dt><dd><ActiveBadge active={s.active} /></dd>
          <dt>{i18n.t('pub.hooks.created')}</dt><dd>{i18n.instant(s.createdAt)}</dd>
        </dl>
        <SubscriptionActions sub={s} onSecret={setRevealed}
          onChanged={(m) => { setNotice(m); sub.reload(); deliveries.reload(); }}
          onDeleted={() => navigate('/webhooks')} />
      </section>

      <section aria-labelledby="hook-deliveries-h">
        <h2 id="hook-deliveries-h">{i18n.t('pub.hooks.deliveries')}</h2>
        <div className="filters deliveries-filters">
          <SelectField label={i18n.t('pub.hooks.deliveryFilter')} value={status} onChange={(e) => setStatus(e.target.value as '' | Delivery['status'])} data-testid="deliveries-status">
            <option value="">{i18n.t('pub.hooks.allDeliveries')}</option>
            {(['pending', 'delivered', 'failed'] as const).map((x) => <option key={x} value={x}>{i18n.t(`pub.delivery.status.${x}`)}</option>)}
          </SelectField>
          <div className="btn-row"><button type="button" className="btn btn-secondary" onClick={deliveries.reload} data-testid="deliveries-refresh">{i18n.t('pub.hooks.refresh')}</button></div>
        </div>
        <ErrorSummary error={deliveries.error} />
        <p role="status" className="hint">{deliveries.loading ? i18n.t('common.loading') : deliveries.data ? i18n.t('pub.hooks.deliveryCount', { total: i18n.number(deliveries.data.total) }) : ''}</p>
        {deliveries.data && deliveries.data.items.length > 0 ? (
          <div className="table-scroll">
            <table data-testid="deliveries-table">
              <caption className="sr-only">{i18n.t('pub.hooks.deliveries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('pub.delivery.time')}</th>
                  <th scope="col">{i18n.t('pub.delivery.event')}</th>
                  <th scope="col">{i18n.t('common.status')}</th>
                  <th scope="col" className="num">{i18n.t('pub.delivery.attempts')}</th>
                  <th scope="col" className="num">{i18n.t('pub.delivery.http')}</th>
                  <th scope="col">{i18n.t('pub.delivery.error')}</th>
                  <th scope="col">{i18n.t('pub.delivery.nextRetry')}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.data.items.map((d) => (
                  <tr key={d.id} data-testid={`delivery-${d.id}`} data-status={d.status}>
                    <td>{i18n.instant(d.createdAt)}</td>
                    <td>{eventName(i18n, d.event)}</td>
                    <td><DeliveryStatus d={d} /></td>
                    <td className="num">{i18n.number(d.attempts)}</td>
                    <td className="num">{d.lastStatus ?? '—'}</td>
                    <td>
                      {d.lastError ? <span className="delivery-error" dir="ltr">{d.lastError}</span> : '—'}
                      {d.attemptLog.length > 0 ? (
                        <details>
                          <summary>{i18n.t('pub.delivery.log', { count: i18n.number(d.attemptLog.length) })}</summary>
                          <ol className="attempt-log">
                            {d.attemptLog.map((a) => (
                              <li key={a.attempt}>
                                {i18n.t('pub.delivery.attempt', { n: i18n.number(a.attempt), at: i18n.instant(a.at) })}
                                {' · '}{a.ok ? i18n.t('pub.delivery.ok') : i18n.t('pub.delivery.notOk')}
                                {a.statusCode ? ` · ${a.statusCode}` : ''}
                                {a.durationMs !== null ? ` · ${i18n.t('pub.delivery.ms', { ms: i18n.number(a.durationMs) })}` : ''}
                                {a.error ? <div className="hint" dir="ltr">{a.error}</div> : null}
                              </li>
                            ))}
                          </ol>
                        </details>
                      ) : null}
                    </td>
                    <td>{d.status === 'pending' && d.nextAttemptAt ? i18n.instant(d.nextAttemptAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : deliveries.data ? <p className="muted" data-testid="deliveries-empty">{i18n.t('pub.hooks.noDelivery')}</p> : null}
      </section>
    </Page>
  );
}
