// Notices about the filer's cases: one per act recorded on them and per reminder of a time limit, newest first.
import { Link } from 'wouter';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { timeLimitName } from '../../ui/names.ts';
import { PortalNav } from './portfolio.tsx';

/**
 * A notice names its case and act by the case number and the act's English title in the case's
 * procedure (the notice's own `title` is a plain-text line for other channels, with the act's code).
 * A reminder has no act: it names the kind of time limit and its due date.
 */
interface Notice {
  id: string; case_id: string | null; act_id: number | null; title: string; body: string; created_at: string; read_at: string | null;
  case_number: string | null; act_type: string | null; act_title: string | null;
  reminder_id: string | null; reminder_kind: string | null; reminder_due_on: string | null;
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
            const ref = n.case_number ?? n.case_id;
            return (
              <li key={n.id} className={`card inbox-item${n.read_at ? '' : ' unread'}`} data-testid={`inbox-item-${n.id}`}>
                <h2 className="inbox-title">
                  {ref ? <Link href={`/cases/${encodeURIComponent(ref)}`}>{n.case_number ?? i18n.t('filing.inbox.case')}</Link> : i18n.t('filing.inbox.case')}
                  {n.act_title ? <>{': '}{i18n.law(n.act_title)}</> : null}
                  {!n.act_title && n.reminder_kind && n.reminder_due_on
                    ? <>{': '}{i18n.t('filing.inbox.reminder', { limit: timeLimitName(i18n, n.reminder_kind), date: i18n.date(n.reminder_due_on) })}</> : null}
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
