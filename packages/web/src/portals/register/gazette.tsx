// The official gazette as the public reads it: the published issues, newest first, each with its date,
// its number of entries and its files. The page lives in the address (?page=) so it can be bookmarked.
import { Link, useSearch } from 'wouter';
import { qs } from '../../api.ts';
import { fileKind, type IssueList } from '../../features/publication/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { RegisterNav } from './nav.tsx';

const PAGE_SIZE = 20;

export const issueHref = (number: string) => `~/register/gazette/${encodeURIComponent(number)}`;

export default function GazettePage() {
  const i18n = useI18n();
  const search = useSearch();
  const asked = Number(new URLSearchParams(search).get('page') ?? '1');
  const page = Number.isInteger(asked) && asked >= 1 ? asked : 1;
  const { data, error, loading } = useApi<IssueList>(`/gazette/issues${qs({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`);
  // The public sees published issues only; an office member signed in also gets the open draft, which is not the gazette.
  const items = (data?.items ?? []).filter((i) => i.status === 'published' && i.number);
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Page title={i18n.t('pub.gazette.title')} actions={<RegisterNav current="gazette" />}>
      <p className="register-intro">{i18n.t('pub.gazette.intro')}</p>
      <h2 id="gazette-issues-h">{i18n.t('pub.gazette.issues')}</h2>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? <p className="muted" data-testid="gazette-empty">{i18n.t('pub.gazette.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="register-results" aria-labelledby="gazette-issues-h" data-testid="gazette-issues">
            <thead>
              <tr>
                <th scope="col">{i18n.t('pub.issue.number')}</th>
                <th scope="col">{i18n.t('pub.issue.date')}</th>
                <th scope="col" className="num">{i18n.t('pub.issue.entries')}</th>
                <th scope="col">{i18n.t('pub.issue.downloads')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((issue) => (
                <tr key={issue.id} data-testid={`gazette-issue-${issue.number}`}>
                  <th scope="row">
                    <Link href={issueHref(issue.number!)} data-testid={`gazette-issue-link-${issue.number}`}
                      aria-label={i18n.t('pub.issue.title', { number: issue.number! })}>{issue.number}</Link>
                  </th>
                  <td><time dateTime={issue.date}>{i18n.date(issue.date)}</time></td>
                  <td className="num">{i18n.number(issue.entryCount ?? 0)}</td>
                  <td>
                    <ul className="inline-list downloads">
                      {issue.files.filter((f) => !/-manifest\.json$/.test(f.name)).map((f) => (
                        <li key={f.name}>
                          <a href={f.href} download={f.name} aria-label={i18n.t('pub.files.downloadOfIssue', { kind: fileKind(i18n, f.name), number: issue.number! })}>
                            {fileKind(i18n, f.name)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && pages > 1 ? (
        <nav className="pager" aria-label={i18n.t('pub.gazette.pages')}>
          {page > 1 ? <Link href={`~/register/gazette${qs({ page: page - 1 > 1 ? page - 1 : undefined })}`} className="btn btn-secondary" rel="prev">{i18n.t('common.previous')}</Link> : null}
          <span aria-current="page">{i18n.t('register.pageOf', { page: i18n.number(page), pages: i18n.number(pages) })}</span>
          {page < pages ? <Link href={`~/register/gazette${qs({ page: page + 1 })}`} className="btn btn-secondary" rel="next">{i18n.t('common.next')}</Link> : null}
        </nav>
      ) : null}
    </Page>
  );
}
