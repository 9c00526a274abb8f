// A case as the office works on it: everything about it, and the acts the officer may record now.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ActButtons } from '../../features/acts/ActButtons.tsx';
import { CaseHeader, Classes, Documents, Fees, MarkImage, Parties, TimeLimits, Timeline } from '../../features/case/components.tsx';
import { procedureOf, stateTitle, useProcedures } from '../../features/case/law.ts';
import type { CaseData } from '../../features/case/types.ts';
import { CaseNotifications } from '../../features/case/dossier.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';

export function CasePage({ number }: { number: string }) {
  const i18n = useI18n();
  const law = useProcedures();
  const { data: c, error, loading, reload } = useApi<CaseData>(`/cases/${encodeURIComponent(number)}`);
  const [done, setDone] = useState<{ title: string; state: string } | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => { if (done && !loading) doneRef.current?.focus(); }, [done, loading]);

  const title = i18n.t('office.case.title', { number });
  if (!c) {
    return (
      <Page title={title}>
        {loading ? <Loading /> : <ErrorSummary error={error} />}
        <p><Link href="/">{i18n.t('office.case.back')}</Link></p>
      </Page>
    );
  }
  const proc = procedureOf(law, c);
  return (
    <Page title={title} actions={<Link href="/" className="btn btn-secondary">{i18n.t('office.case.back')}</Link>}>
      {done ? (
        <p className="alert alert-ok" role="status" tabIndex={-1} ref={doneRef} data-testid="act-done">
          {i18n.t('office.act.done', { title: i18n.law(done.title), state: i18n.law(stateTitle(law, c.right, done.state, proc)) })}
        </p>
      ) : null}
      <ErrorSummary error={error} />
      <CaseHeader case={c} caseHref={(id) => `/cases/${encodeURIComponent(id)}`} />
      <ActButtons case={c} onDone={(r, act) => { setDone({ title: act.title, state: r.state }); reload(); }} />
      <div className="grid-2 case-grid">
        <MarkImage case={c} />
        <TimeLimits case={c} />
      </div>
      <Classes case={c} />
      <Parties case={c} />
      <Fees case={c} />
      <Documents case={c} />
      <CaseNotifications case={c} />
      <Timeline case={c} />
    </Page>
  );
}
