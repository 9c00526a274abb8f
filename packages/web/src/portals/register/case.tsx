// One case as the register publishes it. The API already leaves out what the public may not see;
// this page renders whatever is present, through the case parts every portal shares.
import { Fragment, type ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api.ts';
import { CaseHeader, Classes, Documents, MarkImage, Parties, TimeLimits, Timeline, type CaseData } from '../../features/case/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { caseTitleText } from '../../ui/names.ts';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { lastSearchHref } from './search.tsx';

const caseHref = (idOrNumber: string) => `~/register/cases/${encodeURIComponent(idOrNumber)}`;

/** The rights WIPO ST.96 has records for: their cases link to their export. */
const ST96_RIGHTS = new Set(['trademark', 'design', 'patent', 'utility-model', 'gi']);

export default function CasePage({ number }: { number: string }) {
  const i18n = useI18n();
  const { data: c, error, loading } = useApi<CaseData>(`/cases/${encodeURIComponent(number)}`);
  const back = <Link href={lastSearchHref()} className="btn btn-secondary" data-testid="register-back">{i18n.t('register.case.back')}</Link>;
  const exports = c && ST96_RIGHTS.has(c.right) ? (['xml', 'json'] as const).map((f) => (
    <a key={f} href={`/api/v1/register/${encodeURIComponent(c.number)}/st96.${f}`} className="btn btn-secondary" data-testid={`register-st96-${f}`}
      type={f === 'xml' ? 'application/xml' : 'application/json'}>
      {i18n.t(f === 'xml' ? 'pub.st96.xml' : 'pub.st96.json')}
    </a>
  )) : null;
  if (loading && !c) return <Loading />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Page title={i18n.t('common.notFound')} actions={back}>
        <p data-testid="register-case-missing">{i18n.t('register.case.notFound', { number })}</p>
      </Page>
    );
  }
  if (!c) return <Page title={number} actions={back}><ErrorSummary error={error} /></Page>;
  return (
    <Page title={c.title ? `${c.number} · ${caseTitleText(i18n, c.right, c.title)}` : c.number} actions={<>{back}{exports}</>}>
      <div className="register-case" data-testid="register-case">
        <CaseHeader case={c} caseHref={caseHref} />
        <RegisterEntries case={c} />
        <MarkImage case={c} />
        <Classes case={c} />
        <Parties case={c} />
        <TimeLimits case={c} />
        <Timeline case={c} />
        <Documents case={c} />
      </div>
    </Page>
  );
}

/** The dates and numbers the register records for the right, as far as the case has them. */
function RegisterEntries({ case: c }: { case: CaseData }) {
  const i18n = useI18n();
  const d = c.data ?? {};
  const str = (k: string) => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : null);
  const priority: { office?: string; number?: string; date?: string }[] = Array.isArray(d.priorityClaims) ? d.priorityClaims : [];
  const rows: [string, ReactNode][] = [];
  if (str('registrationNumber')) rows.push([i18n.t('register.case.registrationNumber'), <span data-testid="register-registration-number">{str('registrationNumber')}</span>]);
  if (str('registrationDate')) rows.push([i18n.t('register.case.registrationDate'), i18n.date(str('registrationDate'))]);
  if (str('publicationDate')) rows.push([i18n.t('register.case.publicationDate'), i18n.date(str('publicationDate'))]);
  if (str('expiryDate')) rows.push([i18n.t('register.case.expiryDate'), i18n.date(str('expiryDate'))]);
  if (priority.length) {
    rows.push([i18n.t('register.case.priority'), (
      <ul className="inline-list">
        {priority.map((p, i) => <li key={i}>{i18n.t('register.case.priorityItem', { office: p.office ?? '', number: p.number ?? '', date: i18n.date(p.date) })}</li>)}
      </ul>
    )]);
  }
  if (!rows.length) return null;
  return (
    <section className="card case-part register-entries" aria-labelledby="register-entries-h" data-testid="register-entries">
      <h2 id="register-entries-h">{i18n.t('register.case.entries')}</h2>
      <dl className="facts">
        {rows.map(([k, v]) => <Fragment key={k}><dt>{k}</dt><dd>{v}</dd></Fragment>)}
      </dl>
    </section>
  );
}
