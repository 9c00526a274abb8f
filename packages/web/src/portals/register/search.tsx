// Searching the register. The search lives in the address (?q=&holder=&class=&right=&page=) so a
// result list can be bookmarked, shared and reached again with the browser's back button.
import { useEffect } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { qs } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { caseTitleText } from '../../ui/names.ts';
import { ErrorSummary, SelectField, TextField } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { rightName } from '../../ui/rights.ts';
import { RegisterNav } from './nav.tsx';

export const PUBLIC_RIGHTS = ['trademark', 'patent', 'utility-model', 'design', 'gi'] as const;
const PAGE_SIZE = 20;
const NICE_CLASSES = Array.from({ length: 45 }, (_, i) => i + 1);

export interface CaseSummary {
  id: string; number: string; right: string; state: string; stateTitle: string; statusCategory: string | null;
  title: string | null; filingDate: string | null;
}
interface CaseList { total: number; limit: number; offset: number; items: CaseSummary[] }

interface Criteria { q: string; holder: string; classNumber: string; right: string; page: number }

function readCriteria(search: string): Criteria {
  const p = new URLSearchParams(search);
  const cls = p.get('class') ?? '';
  const page = Number(p.get('page') ?? '1');
  return {
    q: p.get('q') ?? '', holder: p.get('holder') ?? '',
    classNumber: /^\d{1,2}$/.test(cls) && +cls >= 1 && +cls <= 45 ? cls : '',
    right: (PUBLIC_RIGHTS as readonly string[]).includes(p.get('right') ?? '') ? p.get('right')! : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The address of a result page, absolute so it works from any nested route. */
export function registerHref(c: Partial<Criteria>): string {
  return `~/register${qs({ q: c.q?.trim(), holder: c.holder?.trim(), class: c.classNumber, right: c.right, page: c.page && c.page > 1 ? c.page : undefined })}`;
}

// The visitor's last search, so that a case page leads back to the same results.
let lastSearch = '';
export const lastSearchHref = () => `~/register${lastSearch ? `?${lastSearch}` : ''}`;

export function SearchPage() {
  const i18n = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const crit = readCriteria(search);
  useEffect(() => { lastSearch = search; }, [search]);
  // Only filters the visitor set go to the API: an empty one would narrow nothing.
  const path = `/cases${qs({
    q: crit.q.trim(), holder: crit.holder.trim(), classNumber: crit.classNumber, right: crit.right,
    limit: PAGE_SIZE, offset: (crit.page - 1) * PAGE_SIZE,
  })}`;
  const { data, error, loading } = useApi<CaseList>(path);
  const searched = !!(crit.q || crit.holder || crit.classNumber || crit.right);

  return (
    <Page title={i18n.t('register.title')} actions={<RegisterNav current="search" />}>
      <p className="register-intro">{i18n.t('register.intro')}</p>
      {/* Keyed by the address so the fields follow back/forward navigation. */}
      <form key={search} role="search" aria-label={i18n.t('register.searchForm')} className="register-search" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const get = (k: string) => String(f.get(k) ?? '');
        navigate(registerHref({ q: get('q'), holder: get('holder'), classNumber: get('classNumber'), right: get('right') }));
      }}>
        <TextField name="q" type="search" label={i18n.t('register.q')} hint={i18n.t('register.qHint')} defaultValue={crit.q} maxLength={500} data-testid="register-q" />
        <TextField name="holder" type="search" label={i18n.t('register.holder')} defaultValue={crit.holder} maxLength={500} data-testid="register-holder" />
        <SelectField name="classNumber" label={i18n.t('register.class')} defaultValue={crit.classNumber} data-testid="register-class">
          <option value="">{i18n.t('register.anyClass')}</option>
          {NICE_CLASSES.map((n) => <option key={n} value={String(n)}>{i18n.t('register.classOption', { n: i18n.number(n) })}</option>)}
        </SelectField>
        <SelectField name="right" label={i18n.t('register.right')} defaultValue={crit.right} data-testid="register-right">
          <option value="">{i18n.t('register.anyRight')}</option>
          {PUBLIC_RIGHTS.map((r) => <option key={r} value={r}>{rightName(i18n, r)}</option>)}
        </SelectField>
        <div className="register-search-actions">
          <button type="submit" className="btn btn-primary" data-testid="register-search">{i18n.t('register.search')}</button>
          {searched ? <Link href="~/register" className="btn btn-secondary" data-testid="register-clear">{i18n.t('register.clear')}</Link> : null}
        </div>
      </form>

      <h2 id="register-results-heading">{searched ? i18n.t('register.results') : i18n.t('register.latest')}</h2>
      <ErrorSummary error={error} />
      <Results data={data} loading={loading} crit={crit} />
    </Page>
  );
}

function Results({ data, loading, crit }: { data: CaseList | null; loading: boolean; crit: Criteria }) {
  const i18n = useI18n();
  const status = !data ? '' : data.total === 0 ? i18n.t('register.none') : i18n.t('register.count', {
    from: i18n.number(data.offset + 1), to: i18n.number(data.offset + data.items.length), total: i18n.number(data.total),
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <>
      {/* Announced to screen readers whenever a search or page change brings new results. */}
      <p role="status" className="register-count" data-testid="register-count">{loading ? i18n.t('common.loading') : status}</p>
      {loading && !data ? <Loading /> : null}
      {data && data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="register-results" aria-labelledby="register-results-heading" aria-busy={loading || undefined}>
            <thead>
              <tr>
                <th scope="col">{i18n.t('register.col.number')}</th>
                <th scope="col">{i18n.t('register.col.title')}</th>
                <th scope="col">{i18n.t('register.col.right')}</th>
                <th scope="col">{i18n.t('register.col.status')}</th>
                <th scope="col">{i18n.t('register.col.filingDate')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={c.id} data-testid={`register-row-${c.number}`}>
                  <th scope="row"><Link href={`~/register/cases/${encodeURIComponent(c.number)}`} className="case-number" data-testid="register-case-link">{c.number}</Link></th>
                  <td>{c.title ? <span className="mark-text" dir="auto">{caseTitleText(i18n, c.right, c.title)}</span> : <span className="muted">{i18n.t('register.untitled')}</span>}</td>
                  <td>{rightName(i18n, c.right)}</td>
                  <td><span className={`badge ${badgeOf(c.statusCategory)}`}>{i18n.law(c.stateTitle)}</span></td>
                  <td>{i18n.date(c.filingDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && pages > 1 ? (
        <nav className="pager" aria-label={i18n.t('register.pages')}>
          {crit.page > 1
            ? <Link href={registerHref({ ...crit, page: crit.page - 1 })} className="btn btn-secondary" rel="prev" data-testid="register-prev">{i18n.t('common.previous')}</Link>
            : null}
          <span aria-current="page">{i18n.t('register.pageOf', { page: i18n.number(crit.page), pages: i18n.number(pages) })}</span>
          {crit.page < pages
            ? <Link href={registerHref({ ...crit, page: crit.page + 1 })} className="btn btn-secondary" rel="next" data-testid="register-next">{i18n.t('common.next')}</Link>
            : null}
        </nav>
      ) : null}
    </>
  );
}

/** A colour hint beside the (always written) status; the text carries the meaning. */
export function badgeOf(category: string | null | undefined): string {
  const c = (category ?? '').toLowerCase();
  if (/refus|reject|lapse|withdraw|expir|revo|invalid|surrend|cancel/.test(c)) return 'badge-bad';
  if (/^registered|grant|in force/.test(c)) return 'badge-ok';
  return '';
}
