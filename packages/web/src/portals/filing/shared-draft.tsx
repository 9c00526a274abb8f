// A draft shared read-only with a client by link: anyone holding the link may read it, nobody may change it.
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { trademarkFromDraft } from './model.ts';
import { GenericSummary, TrademarkSummary } from './summary.tsx';

interface SharedDraftView { right: string; title: string; payload: Record<string, any>; updatedAt: string; sharedBy: unknown }

const nameOf = (x: unknown): string => (typeof x === 'string' ? x : x && typeof x === 'object' ? String((x as any).displayName ?? (x as any).name ?? '') : '');

export default function SharedDraft({ token }: { token: string }) {
  const i18n = useI18n();
  const { data, error, loading } = useApi<SharedDraftView>(`/shared/drafts/${encodeURIComponent(token)}`);
  const title = data ? i18n.t('filing.shared.titleX', { title: data.title || i18n.tx(`right.${data.right}`, data.right) }) : i18n.t('filing.shared.title');
  return (
    <Page title={title}>
      {loading ? <Loading /> : null}
      {error ? <ErrorSummary error={error} /> : null}
      {data ? (
        <div data-testid="shared-draft">
          <p className="alert alert-info">{i18n.t('filing.shared.readOnly')}</p>
          <dl className="facts">
            <dt>{i18n.t('filing.portfolio.right')}</dt><dd>{i18n.tx(`right.${data.right}`, data.right)}</dd>
            {nameOf(data.sharedBy) ? <><dt>{i18n.t('filing.shared.by')}</dt><dd><bdi>{nameOf(data.sharedBy)}</bdi></dd></> : null}
            <dt>{i18n.t('filing.drafts.updated')}</dt><dd>{i18n.instant(data.updatedAt)}</dd>
          </dl>
          {data.right === 'trademark'
            ? <TrademarkSummary p={trademarkFromDraft(data.payload)} headingLevel={2} />
            : <section><h2>{i18n.t('filing.generic.details')}</h2><GenericSummary value={data.payload} /></section>}
        </div>
      ) : null}
    </Page>
  );
}
