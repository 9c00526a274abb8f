// The declared outages of the office's electronic services, as the public reads them: a legal fact the
// office publishes, since a time limit ending on a day of one runs to the next day the office is open.
import { OutageTable, type OutageList } from '../../features/outages/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { RegisterNav } from './nav.tsx';

export default function OutagesPage() {
  const i18n = useI18n();
  const { data, error, loading } = useApi<OutageList>('/outages');
  return (
    <Page title={i18n.t('outage.public.title')} actions={<RegisterNav current="outages" />}>
      <p className="register-intro">{i18n.t('outage.public.intro')}</p>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && data.items.length === 0 ? <p className="muted" data-testid="outages-empty">{i18n.t('outage.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <OutageTable items={data.items} caption={i18n.t('outage.public.title')} />
          <p className="hint">{i18n.t('outage.timeZone', { zone: data.timeZone })}</p>
        </>
      ) : null}
    </Page>
  );
}
