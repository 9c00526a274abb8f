// One published issue of the gazette: its sections in order with their numbered entries, the seal hash
// of the journal it was published from (the value that anchors the register), and its files with their
// SHA-256. A draft is the office's business: here it does not exist.
import { Link } from 'wouter';
import { ApiError } from '../../api.ts';
import { EventCode, FileTable, SealHash, sectionTitle, type Issue } from '../../features/publication/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { caseTitleText } from '../../ui/names.ts';
import { rightName } from '../../ui/rights.ts';
import { RegisterNav } from './nav.tsx';

export default function IssuePage({ number }: { number: string }) {
  const i18n = useI18n();
  const { data, error, loading } = useApi<Issue>(`/gazette/issues/${encodeURIComponent(number)}`);
  const nav = <RegisterNav current="gazette" />;
  if (loading && !data) return <Loading />;
  const missing = (error instanceof ApiError && error.status === 404) || (data && data.status !== 'published');
  if (missing) {
    return (
      <Page title={i18n.t('common.notFound')} actions={nav}>
        <p data-testid="issue-missing">{i18n.t('pub.issue.notFound', { number })}</p>
        <p><Link href="~/register/gazette">{i18n.t('pub.issue.back')}</Link></p>
      </Page>
    );
  }
  if (!data) return <Page title={i18n.t('pub.issue.title', { number })} actions={nav}><ErrorSummary error={error} /></Page>;
  const sections = data.sections.filter((s) => s.entries.length > 0);
  return (
    <Page title={i18n.t('pub.issue.title', { number: data.number ?? number })} actions={nav}>
      <p><Link href="~/register/gazette" data-testid="issue-back">{i18n.t('pub.issue.back')}</Link></p>
      <section className="card" aria-labelledby="issue-facts-h" data-testid="issue-facts">
        <h2 id="issue-facts-h">{i18n.t('pub.issue.about')}</h2>
        <dl className="facts">
          <dt>{i18n.t('pub.issue.date')}</dt><dd><time dateTime={data.date} data-testid="issue-date">{i18n.date(data.date)}</time></dd>
          <dt>{i18n.t('pub.issue.publishedAt')}</dt><dd>{i18n.instant(data.publishedAt)}</dd>
          <dt>{i18n.t('pub.issue.entries')}</dt><dd data-testid="issue-entry-count">{i18n.number(data.entryCount ?? 0)}</dd>
          <dt>{i18n.t('pub.seal.title')}</dt>
          <dd><SealHash seal={data.seal} testid="issue-seal" /><p className="hint">{i18n.t('pub.seal.explain')}</p></dd>
        </dl>
      </section>

      {sections.length === 0 ? <p className="muted">{i18n.t('pub.issue.empty')}</p> : null}
      {sections.map((s) => (
        <section key={s.section} aria-labelledby={`section-${s.section}-h`} data-testid={`issue-section-${s.section}`}>
          <h2 id={`section-${s.section}-h`}>{sectionTitle(i18n, s.section, s.title)}</h2>
          <div className="table-scroll">
            <table className="register-results issue-entries" aria-labelledby={`section-${s.section}-h`}>
              <thead>
                <tr>
                  <th scope="col" className="num">{i18n.t('pub.entry.no')}</th>
                  <th scope="col">{i18n.t('register.col.number')}</th>
                  <th scope="col">{i18n.t('register.col.title')}</th>
                  <th scope="col">{i18n.t('pub.entry.act')}</th>
                  <th scope="col">{i18n.t('pub.entry.event')}</th>
                  <th scope="col">{i18n.t('pub.entry.officeDate')}</th>
                </tr>
              </thead>
              <tbody>
                {s.entries.map((e) => (
                  <tr key={e.id} data-testid={`issue-entry-${e.caseNumber}`} data-no={e.no ?? undefined}>
                    <td className="num">{e.no !== null ? i18n.number(e.no) : '—'}</td>
                    <th scope="row">
                      <Link href={`~/register/cases/${encodeURIComponent(e.caseNumber)}`} className="case-number" data-testid={`issue-case-${e.caseNumber}`}>{e.caseNumber}</Link>
                      <div className="hint">{rightName(i18n, e.right)}</div>
                    </th>
                    <td>{e.title ? <span className="mark-text" dir="auto">{caseTitleText(i18n, e.right, e.title)}</span> : <span className="muted">{i18n.t('register.untitled')}</span>}</td>
                    <td>{i18n.law(e.actTitle)}</td>
                    <td><EventCode event={e.event} /></td>
                    <td>{e.officeDate ? <time dateTime={e.officeDate}>{i18n.date(e.officeDate)}</time> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      <section aria-labelledby="issue-files-h">
        <h2 id="issue-files-h">{i18n.t('pub.files.title')}</h2>
        <p className="hint">{i18n.t('pub.files.checkHint')}</p>
        <FileTable files={data.files} caption={i18n.t('pub.files.title')} testid="issue-files" />
      </section>
    </Page>
  );
}
