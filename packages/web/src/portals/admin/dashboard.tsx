// The office dashboard: filings per week by right, the backlog by state, how long cases take, and
// the time limits that run out this week (each a link to the case in the office).
import { Link } from 'wouter';
import { useSession } from '../../ui/session.tsx';
import { intlLocale } from '../../i18n/core.ts';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { caseTitleText, timeLimitName } from '../../ui/names.ts';
import { rightName } from './shared.tsx';
import { ChartFigure, HorizontalBars, Legend, StackedColumns, type Bar, type StackedColumn } from './charts.tsx';

const WEEKS = 12;

interface DashboardData {
  officeDate: string;
  filingsPerWeek: { week: string; weekStart: string; right: string; count: number }[];
  backlog: { right: string; state: string; stateTitle: string; count: number }[];
  pendency: { right: string; medianDays: number | null; cases: number }[];
  expiringThisWeek: { caseId: string; number: string; right: string; title: string | null; kind: string; dueDate: string; daysLeft: number }[];
  expiringThisWeekTotal?: number;
}

const RIGHT_ORDER = ['trademark', 'trademark-opposition', 'patent', 'utility-model', 'design', 'gi', 'recordal'];
const byRightOrder = (a: string, b: string) => (RIGHT_ORDER.indexOf(a) + 1 || 99) - (RIGHT_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);

function shortDate(i18n: I18n, date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return new Intl.DateTimeFormat(intlLocale(i18n.lang), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

export function Dashboard() {
  const i18n = useI18n();
  const { user } = useSession();
  const { data, error, loading } = useApi<DashboardData>(`/stats/dashboard?weeks=${WEEKS}`);
  const actions = user?.role === 'admin' ? <Link href="/users" className="btn btn-secondary">{i18n.t('admin.title')}</Link> : undefined;
  return (
    <Page title={i18n.t('admin.dash.title')} actions={actions}>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="admin-today">{i18n.t('admin.clock.today')} <strong><time dateTime={data.officeDate}>{i18n.date(data.officeDate)}</time></strong></p>
          <div className="dash-grid">
            <Filings data={data} />
            <Backlog data={data} />
            <Pendency data={data} />
          </div>
          <Expiring data={data} />
        </>
      ) : null}
    </Page>
  );
}


function Filings({ data }: { data: DashboardData }) {
  const i18n = useI18n();
  // Rights with no filing in the period stay out of the chart and its key.
  const rights = [...new Set(data.filingsPerWeek.filter((f) => f.count > 0).map((f) => f.right))].sort(byRightOrder);
  const weeks = new Map<string, StackedColumn & { weekStart: string }>();
  for (const f of [...data.filingsPerWeek].sort((a, b) => a.weekStart.localeCompare(b.weekStart))) {
    const w = weeks.get(f.weekStart) ?? { key: f.weekStart, weekStart: f.weekStart, label: shortDate(i18n, f.weekStart), values: {} };
    w.values[f.right] = (w.values[f.right] ?? 0) + f.count;
    weeks.set(f.weekStart, w);
  }
  const columns = [...weeks.values()];
  const totals = columns.map((c) => rights.reduce((n, r) => n + (c.values[r] ?? 0), 0));
  const total = totals.reduce((a, b) => a + b, 0);
  const busiest = totals.length ? totals.indexOf(Math.max(...totals)) : -1;
  const summary = total === 0 || busiest < 0
    ? i18n.t('admin.dash.filingsNone', { weeks: i18n.number(columns.length || WEEKS) })
    : i18n.t('admin.dash.filingsSummary', {
      weeks: i18n.number(columns.length), total: i18n.number(total),
      byRight: rights.map((r) => `${rightName(i18n, r)} ${i18n.number(columns.reduce((n, c) => n + (c.values[r] ?? 0), 0))}`).join(', '),
      week: i18n.date(columns[busiest].weekStart), max: i18n.number(totals[busiest]),
    });
  return (
    <ChartFigure id="dash-filings" title={i18n.t('admin.dash.filings')} testId="dash-filings" table={
      <table>
        <caption className="sr-only">{i18n.t('admin.dash.filings')}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('admin.dash.weekOf')}</th>
            {rights.map((r) => <th key={r} scope="col" className="num">{rightName(i18n, r)}</th>)}
            <th scope="col" className="num">{i18n.t('admin.dash.total')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={c.key}>
              <th scope="row">{i18n.date(c.weekStart)}</th>
              {rights.map((r) => <td key={r} className="num">{i18n.number(c.values[r] ?? 0)}</td>)}
              <td className="num">{i18n.number(totals[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    }>
      {total === 0 ? <p>{summary}</p> : (
        <>
          <StackedColumns columns={columns} series={rights} summary={summary} />
          <Legend label={i18n.t('admin.dash.legend')} series={rights.map((r) => ({ key: r, label: rightName(i18n, r) }))} />
        </>
      )}
    </ChartFigure>
  );
}

function Backlog({ data }: { data: DashboardData }) {
  const i18n = useI18n();
  const rows = [...data.backlog].sort((a, b) => byRightOrder(a.right, b.right) || b.count - a.count);
  const rights = [...new Set(rows.map((r) => r.right))];
  const bars: Bar[] = rows.map((r) => ({
    key: `${r.right}:${r.state}`, label: `${rightName(i18n, r.right)} · ${i18n.law(r.stateTitle)}`, value: r.count,
    valueLabel: i18n.number(r.count), series: r.right,
  }));
  const total = rows.reduce((n, r) => n + r.count, 0);
  const top = rows.reduce<typeof rows[number] | null>((m, r) => (!m || r.count > m.count ? r : m), null);
  const summary = !top ? i18n.t('admin.dash.backlogNone') : i18n.t('admin.dash.backlogSummary', {
    total: i18n.number(total), states: i18n.number(rows.length), top: `${rightName(i18n, top.right)} · ${i18n.law(top.stateTitle)}`, n: i18n.number(top.count),
  });
  return (
    <ChartFigure id="dash-backlog" title={i18n.t('admin.dash.backlog')} testId="dash-backlog" table={
      <table>
        <caption className="sr-only">{i18n.t('admin.dash.backlog')}</caption>
        <thead><tr><th scope="col">{i18n.t('admin.fees.right')}</th><th scope="col">{i18n.t('common.status')}</th><th scope="col" className="num">{i18n.t('admin.dash.cases')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.right}:${r.state}`}><th scope="row">{rightName(i18n, r.right)}</th><td>{i18n.law(r.stateTitle)}</td><td className="num">{i18n.number(r.count)}</td></tr>
          ))}
        </tbody>
      </table>
    }>
      {rows.length === 0 ? <p>{summary}</p> : (
        <>
          <HorizontalBars bars={bars} series={rights} summary={summary} />
          <Legend label={i18n.t('admin.dash.legend')} series={rights.map((r) => ({ key: r, label: rightName(i18n, r) }))} />
        </>
      )}
    </ChartFigure>
  );
}

function Pendency({ data }: { data: DashboardData }) {
  const i18n = useI18n();
  const rows = [...data.pendency].filter((p) => p.medianDays !== null).sort((a, b) => byRightOrder(a.right, b.right));
  const bars: Bar[] = rows.map((p) => ({
    key: p.right, label: rightName(i18n, p.right), value: p.medianDays ?? 0, series: p.right,
    valueLabel: i18n.t('admin.dash.daysCases', { days: i18n.number(p.medianDays ?? 0), cases: i18n.number(p.cases) }),
  }));
  const summary = rows.length === 0 ? i18n.t('admin.dash.pendencyNone') : i18n.t('admin.dash.pendencySummary', {
    list: rows.map((p) => `${rightName(i18n, p.right)} ${i18n.t('admin.dash.days', { days: i18n.number(p.medianDays ?? 0) })}`).join(', '),
  });
  return (
    <ChartFigure id="dash-pendency" title={i18n.t('admin.dash.pendency')} testId="dash-pendency" table={
      <table>
        <caption className="sr-only">{i18n.t('admin.dash.pendency')}</caption>
        <thead><tr><th scope="col">{i18n.t('admin.fees.right')}</th><th scope="col" className="num">{i18n.t('admin.dash.median')}</th><th scope="col" className="num">{i18n.t('admin.dash.cases')}</th></tr></thead>
        <tbody>
          {data.pendency.map((p) => (
            <tr key={p.right}><th scope="row">{rightName(i18n, p.right)}</th><td className="num">{p.medianDays === null ? '—' : i18n.number(p.medianDays)}</td><td className="num">{i18n.number(p.cases)}</td></tr>
          ))}
        </tbody>
      </table>
    }>
      <p className="hint">{i18n.t('admin.dash.pendencyHint')}</p>
      {rows.length === 0 ? <p>{summary}</p> : <HorizontalBars bars={bars} series={rows.map((r) => r.right)} summary={summary} />}
    </ChartFigure>
  );
}

function Expiring({ data }: { data: DashboardData }) {
  const i18n = useI18n();
  const rows = [...data.expiringThisWeek].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  return (
    <section className="card dash-expiring" aria-labelledby="dash-expiring-h" data-testid="dash-expiring">
      <h2 id="dash-expiring-h">{i18n.t('admin.dash.expiring')}</h2>
      {data.expiringThisWeekTotal && data.expiringThisWeekTotal > rows.length
        ? <p className="hint">{i18n.t('admin.dash.expiringMore', { shown: i18n.number(rows.length), total: i18n.number(data.expiringThisWeekTotal) })}</p> : null}
      {rows.length === 0 ? <p>{i18n.t('admin.dash.expiringNone')}</p> : (
        <div className="table-scroll">
          <table>
            <caption className="sr-only">{i18n.t('admin.dash.expiring')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('common.number')}</th>
                <th scope="col">{i18n.t('register.col.title')}</th>
                <th scope="col">{i18n.t('admin.fees.right')}</th>
                <th scope="col">{i18n.t('admin.clock.limit')}</th>
                <th scope="col">{i18n.t('admin.dash.due')}</th>
                <th scope="col">{i18n.t('admin.dash.left')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={`${t.caseId}:${t.kind}:${t.dueDate}`} data-testid={`dash-expiring-${t.number}`}>
                  <th scope="row"><Link href={`~/office/cases/${encodeURIComponent(t.number)}`}>{t.number}</Link></th>
                  <td>{t.title ? <span className="mark-text" dir="auto">{caseTitleText(i18n, t.right, t.title)}</span> : '—'}</td>
                  <td>{rightName(i18n, t.right)}</td>
                  <td>{timeLimitName(i18n, t.kind)}</td>
                  <td><time dateTime={t.dueDate}>{i18n.date(t.dueDate)}</time></td>
                  <td>{t.daysLeft < 0
                    ? <span className="badge badge-bad">{i18n.t('common.overdue', { days: i18n.number(-t.daysLeft) })}</span>
                    : <span className={`badge ${t.daysLeft <= 2 ? 'badge-warn' : ''}`}>{i18n.t('common.daysLeft', { days: i18n.number(t.daysLeft) })}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
