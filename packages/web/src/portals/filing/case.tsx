// A case of the filer, in the portal: what the office recorded (documents to download, time limits,
// fees) and the acts the filer may perform now (answer an office action, renew, record a transfer,
// withdraw), exactly as the case's availableActs offers them to this user.
import { useEffect, useRef, useState } from 'react';
import { ActButtons } from '../../features/acts/ActButtons.tsx';
import { CaseHeader, Classes, Documents, Fees, MarkImage, Parties, TimeLimits, Timeline } from '../../features/case/components.tsx';
import { procedureOf, stateTitle, useProcedures } from '../../features/case/law.ts';
import type { CaseData } from '../../features/case/types.ts';
import { CaseNotifications } from '../../features/case/dossier.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { PortalNav } from './portfolio.tsx';

export function PortalCase({ number }: { number: string }) {
  const i18n = useI18n();
  const law = useProcedures();
  const { data: c, error, loading, reload } = useApi<CaseData>(`/cases/${encodeURIComponent(number)}`);
  const [recorded, setRecorded] = useState<{ act: string; state: string } | null>(null);
  const notice = useRef<HTMLParagraphElement>(null);
  // After an act the dialog closes; the confirmation is where the user continues from.
  useEffect(() => { if (recorded && !loading) notice.current?.focus(); }, [recorded, loading]);

  const title = i18n.t('filing.case.title', { number: c?.number ?? number });
  if (!c) {
    return (
      <Page title={title}>
        <PortalNav />
        {loading ? <Loading /> : <ErrorSummary error={error} />}
      </Page>
    );
  }
  const proc = procedureOf(law, c);
  return (
    <Page title={title}>
      <PortalNav />
      <div data-testid="portal-case">
        {recorded ? (
          <p className="alert alert-ok" role="status" tabIndex={-1} ref={notice} data-testid="act-done">
            {i18n.t('filing.case.done', { act: i18n.law(recorded.act), state: i18n.law(stateTitle(law, c.right, recorded.state, proc)) })}
          </p>
        ) : null}
        <ErrorSummary error={error} />
        <CaseHeader case={c} caseHref={(id) => `/cases/${encodeURIComponent(id)}`} />
        <ActButtons case={c} heading={i18n.t('filing.case.acts')} onDone={(r, act) => { setRecorded({ act: act.title, state: r.state }); reload(); }} />
        <div className="grid-2 case-grid">
          <MarkImage case={c} />
          <TimeLimits case={c} />
        </div>
        <Documents case={c} />
        <CaseNotifications case={c} />
        <Fees case={c} />
        <Classes case={c} />
        <Parties case={c} />
        <Timeline case={c} />
      </div>
    </Page>
  );
}
