// The portal's home: the filer's cases with their status and next deadline, and where to file next.
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { qs } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary, SelectField, TextField } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { caseTitleText, timeLimitName } from '../../ui/names.ts';
import { useDebounced } from './hooks.ts';
import { ALL_RIGHTS, OTHER_RIGHTS } from './model.ts';

export interface NextDeadline { kind: string; dueDate: string; daysLeft: number; graceEnds: string | null }
interface PortfolioItem {
  id: string; number: string; right: string; title: string | null; state: string; stateTitle: string; statusCategory: string | null;
  filingDate: string | null; outstanding: number | null; currency?: string; nextDeadline: NextDeadline | null;
}

/** Where the filer goes in the portal, on every portal page. */
export function PortalNav() {
  const i18n = useI18n();
  const [path] = useLocation();
  const item = (href: string, label: string, testid: string) => (
    <Link href={href} data-testid={testid} aria-current={path === href ? 'page' : undefined}>{label}</Link>
  );
  return (
    <nav className="portal-nav" aria-label={i18n.t('filing.nav.label')}>
      {item('/', i18n.t('filing.portfolio.title'), 'nav-portfolio')}
      {item('/drafts', i18n.t('filing.drafts.title'), 'nav-drafts')}
      {item('/account', i18n.t('filing.account.title'), 'nav-account')}
      {item('/inbox', i18n.t('filing.inbox.title'), 'nav-inbox')}
      {item('/watches', i18n.t('watch.nav'), 'nav-watches')}
      {item('/webhooks', i18n.t('pub.hooks.nav'), 'nav-webhooks')}
    </nav>
  );
}

export function useDeadlineText() {
  const i18n = useI18n();
  return (kind: string) => timeLimitName(i18n, kind);
}

/** A deadline's days left as a badge: warning within 30 days, alarm once passed. */
export function DeadlineBadge({ d, testid }: { d: NextDeadline; testid?: string }) {
  const i18n = useI18n();
  const cls = d.daysLeft < 0 ? 'badge badge-bad' : d.daysLeft < 30 ? 'badge badge-warn' : 'badge';
  const text = d.daysLeft < 0 ? i18n.t('common.overdue', { days: i18n.number(-d.daysLeft) }) : i18n.t('common.daysLeft', { days: i18n.number(d.daysLeft) });
  return <span className={cls} data-testid={testid} data-days-left={d.daysLeft}>{text}</span>;
}

export function Portfolio() {
  const i18n = useI18n();
  const deadlineText = useDeadlineText();
  const [right, setRight] = useState('');
  const [q, setQ] = useState('');
  const dq = useDebounced(q.trim(), 300);
  const { data, error, loading } = useApi<{ items: PortfolioItem[] }>(`/portfolio${qs({ right, q: dq })}`);
  const items = data?.items ?? [];
  return (
    <Page title={i18n.t('filing.portfolio.title')} actions={
      <Link href="/file/trademark" className="btn btn-primary" data-testid="file-trademark">{i18n.t('filing.portfolio.fileTrademark')}</Link>
    }>
      <PortalNav />
      <section aria-labelledby="file-other" className="file-other">
        <h2 id="file-other">{i18n.t('filing.portfolio.fileOther')}</h2>
        <ul className="inline-list">
          {OTHER_RIGHTS.map((r) => (
            <li key={r}><Link href={`/file/${r}`} className="btn btn-secondary" data-testid={`file-right-${r}`}>{i18n.t('filing.portfolio.fileRight', { right: i18n.tx(`right.${r}`, r) })}</Link></li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{i18n.t('filing.portfolio.cases')}</h2>
        <form className="filters" role="search" aria-label={i18n.t('filing.portfolio.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={i18n.t('filing.portfolio.right')} value={right} onChange={(e) => setRight(e.target.value)} data-testid="portfolio-right">
            <option value="">{i18n.t('filing.portfolio.allRights')}</option>
            {[...ALL_RIGHTS, 'recordal', 'opposition'].map((r) => <option key={r} value={r}>{i18n.tx(`right.${r}`, r)}</option>)}
          </SelectField>
          <TextField type="search" label={i18n.t('filing.portfolio.search')} hint={i18n.t('filing.portfolio.searchHint')} value={q} dir="auto"
            onChange={(e) => setQ(e.target.value)} data-testid="portfolio-q" />
        </form>
        <ErrorSummary error={error} />
        <p role="status" className="hint">{loading ? i18n.t('common.loading') : data ? i18n.t('common.results', { count: i18n.number(items.length) }) : ''}</p>
        {loading && !data ? <Loading /> : null}
        {data && items.length === 0 ? <p className="muted" data-testid="portfolio-empty">{right || dq ? i18n.t('filing.portfolio.noMatch') : i18n.t('filing.portfolio.empty')}</p> : null}
        {items.length > 0 ? (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="cases-heading">
            <table data-testid="portfolio-table">
              <caption className="sr-only">{i18n.t('filing.portfolio.cases')}</caption>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('common.number')}</th>
                  <th scope="col">{i18n.t('filing.portfolio.right')}</th>
                  <th scope="col">{i18n.t('filing.portfolio.titleCol')}</th>
                  <th scope="col">{i18n.t('common.status')}</th>
                  <th scope="col">{i18n.t('filing.portfolio.filingDate')}</th>
                  <th scope="col">{i18n.t('filing.portfolio.nextDeadline')}</th>
                  <th scope="col" className="num">{i18n.t('filing.portfolio.outstanding')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} data-testid={`portfolio-row-${c.number}`}>
                    <th scope="row"><Link href={`/cases/${encodeURIComponent(c.number)}`} data-testid={`portfolio-link-${c.number}`}>{c.number}</Link></th>
                    <td>{i18n.tx(`right.${c.right}`, c.right)}</td>
                    <td><bdi className="mark-text">{c.title ? caseTitleText(i18n, c.right, c.title) : '—'}</bdi></td>
                    <td data-testid={`portfolio-status-${c.number}`}>{i18n.law(c.stateTitle)}</td>
                    <td>{i18n.date(c.filingDate)}</td>
                    <td data-testid={`next-deadline-${c.number}`}>
                      {c.nextDeadline ? (
                        <>
                          <span className="deadline-kind">{deadlineText(c.nextDeadline.kind)}</span>{' '}
                          <span className="deadline-date">{i18n.date(c.nextDeadline.dueDate)}</span>{' '}
                          <DeadlineBadge d={c.nextDeadline} testid={`next-deadline-badge-${c.number}`} />
                          {c.nextDeadline.graceEnds ? <div className="hint">{i18n.t('filing.portfolio.graceEnds', { date: i18n.date(c.nextDeadline.graceEnds) })}</div> : null}
                        </>
                      ) : <span className="muted">{i18n.t('common.none')}</span>}
                    </td>
                    <td className="num">{c.outstanding ? <span className="badge badge-warn">{i18n.money(c.outstanding, c.currency)}</span> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
