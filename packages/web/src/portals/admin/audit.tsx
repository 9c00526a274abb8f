// The audit trail: staff reads of unpublished data, administrative changes and refused attempts,
// newest first, filtered by user, case, kind and office dates, a page at a time. Each event shows
// its place in the chain once the worker has chained it; the summary is the server's own record.
import { useState } from 'react';
import { Link } from 'wouter';
import { qs } from '../../api.ts';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, TextField } from '../../ui/forms.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { isIsoDate } from './shared.tsx';

const KINDS = ['read-unpublished', 'admin-change', 'admin-denied'] as const;
const PAGE = 50;

interface AuditEvent {
  id: number; seq: number | null; at: string; officeDate: string; kind: string;
  user: { id: string | null; role: string; name: string }; case: { id: string | null; number: string | null } | null;
  method: string; route: string; url: string; status: number | null; summary: Record<string, unknown>;
  requestId: string | null; address: string | null; hash: string | null;
}
interface Filters { user: string; case: string; kind: string; from: string; to: string }
const NO_FILTERS: Filters = { user: '', case: '', kind: '', from: '', to: '' };

const roleName = (i18n: I18n, role: string) => (role === 'operator' ? i18n.t('audit.operator') : i18n.tx(`role.${role}`, role));

export function AuditSection() {
  const i18n = useI18n();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [local, setLocal] = useState<string | undefined>();
  const users = useApi<{ items: { id: string; username: string; displayName: string }[] }>('/admin/users');
  const { data, error, loading } = useApi<{ total: number; limit: number; offset: number; items: AuditEvent[] }>(
    `/admin/audit${qs({ ...filters, case: filters.case.trim(), limit: PAGE, offset })}`);
  const last = data ? Math.min(data.offset + data.items.length, data.total) : 0;
  return (
    <section aria-labelledby="audit-h">
      <h2 id="audit-h">{i18n.t('audit.title')}</h2>
      <p className="hint">{i18n.t('audit.intro')}</p>
      <form className="form card admin-form" aria-labelledby="audit-filters-h" role="search" noValidate data-testid="audit-filters" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const next: Filters = { user: String(f.get('user') ?? ''), case: String(f.get('case') ?? ''), kind: String(f.get('kind') ?? ''), from: String(f.get('from') ?? ''), to: String(f.get('to') ?? '') };
        const bad = (next.from && !isIsoDate(next.from)) || (next.to && !isIsoDate(next.to)) || (next.from && next.to && next.from > next.to);
        setLocal(bad ? i18n.t('audit.badRange') : undefined);
        if (bad) return;
        setOffset(0);
        setFilters(next);
      }}>
        <h3 id="audit-filters-h">{i18n.t('audit.filters')}</h3>
        <div className="admin-form-grid">
          <SelectField name="user" label={i18n.t('audit.user')} defaultValue={filters.user} data-testid="audit-user">
            <option value="">{i18n.t('audit.anyone')}</option>
            {(users.data?.items ?? []).map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.username})</option>)}
          </SelectField>
          <TextField name="case" label={i18n.t('audit.case')} defaultValue={filters.case} maxLength={100} dir="ltr" autoComplete="off" data-testid="audit-case" />
          <SelectField name="kind" label={i18n.t('audit.kind')} defaultValue={filters.kind} data-testid="audit-kind">
            <option value="">{i18n.t('audit.anyKind')}</option>
            {KINDS.map((k) => <option key={k} value={k}>{i18n.t(`audit.kind.${k}`)}</option>)}
          </SelectField>
          <TextField name="from" type="date" label={i18n.t('audit.from')} defaultValue={filters.from} error={local} data-testid="audit-from" />
          <TextField name="to" type="date" label={i18n.t('audit.to')} defaultValue={filters.to} data-testid="audit-to" />
        </div>
        <div className="btn-row">
          <button type="submit" className="btn btn-primary" data-testid="audit-apply">{i18n.t('audit.apply')}</button>
          <button type="reset" className="btn btn-secondary" onClick={() => { setLocal(undefined); setOffset(0); setFilters(NO_FILTERS); }}>{i18n.t('audit.clear')}</button>
        </div>
      </form>
      {data ? <p className="hint" role="status" data-testid="audit-count">{i18n.t('audit.count', { n: i18n.number(data.total) })}</p> : null}
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && data.items.length === 0 ? <p>{i18n.t('audit.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="audit-table">
            <caption className="sr-only">{i18n.t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('audit.when')}</th>
                <th scope="col">{i18n.t('audit.who')}</th>
                <th scope="col">{i18n.t('audit.what')}</th>
                <th scope="col">{i18n.t('admin.clock.case')}</th>
                <th scope="col">{i18n.t('audit.request')}</th>
                <th scope="col">{i18n.t('audit.status')}</th>
                <th scope="col">{i18n.t('audit.chain')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => <EventRow key={e.id} e={e} />)}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.total > PAGE ? (
        <nav className="pager" aria-label={i18n.t('audit.pages')}>
          {data.offset > 0 ? <button type="button" className="btn btn-secondary" onClick={() => setOffset(Math.max(0, data.offset - PAGE))} data-testid="audit-prev">{i18n.t('common.previous')}</button> : null}
          <span>{i18n.t('audit.range', { from: i18n.number(data.offset + 1), to: i18n.number(last), total: i18n.number(data.total) })}</span>
          {last < data.total ? <button type="button" className="btn btn-secondary" onClick={() => setOffset(data.offset + PAGE)} data-testid="audit-next">{i18n.t('common.next')}</button> : null}
        </nav>
      ) : null}
    </section>
  );
}

function EventRow({ e }: { e: AuditEvent }) {
  const i18n = useI18n();
  const listed = Array.isArray(e.summary.cases) ? (e.summary.cases as string[]) : null;
  return (
    <tr data-testid={`audit-row-${e.id}`} data-kind={e.kind}>
      <td>{i18n.instant(e.at)}<div className="hint">{i18n.date(e.officeDate)}</div></td>
      <td><span dir="auto">{e.user.name}</span><div className="hint">{roleName(i18n, e.user.role)}</div></td>
      <td>{i18n.tx(`audit.kind.${e.kind}`, e.kind)}</td>
      <td>
        {e.case?.number ? <Link href={`~/office/cases/${encodeURIComponent(e.case.number)}`}>{e.case.number}</Link> : null}
        {!e.case?.number && listed ? i18n.t('audit.casesShown', { n: i18n.number(Number(e.summary.count ?? listed.length)) }) : null}
        {!e.case?.number && !listed ? '—' : null}
      </td>
      <td>
        <code className="hash">{e.method} {e.url}</code>
        {e.address ? <div className="hint" dir="ltr">{e.address}</div> : null}
        {Object.keys(e.summary).length > 0 ? (
          <details className="audit-summary">
            <summary>{i18n.t('audit.details')}</summary>
            {/* The server's own record, kept as evidence in the form it was written. */}
            <pre lang="en" dir="ltr">{JSON.stringify(e.summary, null, 2)}</pre>
          </details>
        ) : null}
      </td>
      <td>{e.status ?? '—'}</td>
      <td>{e.seq !== null ? <span title={e.hash ?? undefined}>{i18n.t('audit.seq', { n: i18n.number(e.seq) })}</span> : <span className="hint">{i18n.t('audit.unchained')}</span>}</td>
    </tr>
  );
}
