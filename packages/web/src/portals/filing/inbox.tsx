// Notices about the filer's cases: one per act recorded on them, newest first.
import { Link } from 'wouter';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { PortalNav } from './portfolio.tsx';
import { humanize } from './summary.tsx';

interface Notice { id: string; case_id: string; act_id: number; title: string; body: string; created_at: string; read_at: string | null }

/** The notice's title is "<case number>: <act>"; both parts are shown in the reader's language. */
function parseTitle(title: string): { number: string | null; act: string } {
  const i = title.indexOf(': ');
  return i > 0 ? { number: title.slice(0, i), act: title.slice(i + 2) } : { number: null, act: title };
}

export function Inbox() {
  const i18n = useI18n();
  const { data, error, loading } = useApi<{ items: Notice[] }>('/inbox');
  const items = data?.items ?? [];
  return (
    <Page title={i18n.t('filing.inbox.title')}>
      <PortalNav />
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? <p className="muted" data-testid="inbox-empty">{i18n.t('filing.inbox.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="inbox" data-testid="inbox-list">
          {items.map((n) => {
            const { number, act } = parseTitle(n.title);
            return (
              <li key={n.id} className={`card inbox-item${n.read_at ? '' : ' unread'}`} data-testid={`inbox-item-${n.id}`}>
                <h2 className="inbox-title">
                  <Link href={`/cases/${encodeURIComponent(number ?? n.case_id)}`}>{number ?? i18n.t('filing.inbox.case')}</Link>
                  {': '}{i18n.law(humanize(act))}
                  {!n.read_at ? <span className="badge">{i18n.t('filing.inbox.new')}</span> : null}
                </h2>
                <p className="muted">{i18n.instant(n.created_at)}</p>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Page>
  );
}
