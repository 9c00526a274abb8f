// The office clock (demo mode): move the office date forward and see what the expiry sweep did with
// the time limits that ran out meanwhile. In production the clock is the real date and cannot be set.
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { timeLimitName } from '../../ui/names.ts';
import { fieldError, isIsoDate, nextDay, useOfficeClock } from './shared.tsx';

interface SweepReport { expired: number; acted: { caseId: string; number: string; act: string; title?: string }[]; skipped: { caseId: string; kind: string; reason: string }[] }
interface ClockReply { officeDate: string; sweep: SweepReport | null }

export function ClockSection() {
  const i18n = useI18n();
  const { data, error: loadError, loading, setData } = useOfficeClock();
  const [result, setResult] = useState<ClockReply | null>(null);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useAction(async (date: string, runSweep: boolean) => {
    const r = await api<ClockReply>('/admin/clock', { method: 'PUT', body: { date, runSweep } });
    setResult(r);
    setData((d) => (d ? { ...d, officeDate: r.officeDate } : d));
  });
  const earliest = nextDay(data?.officeDate);
  const err = (name: string) => fieldError(i18n, local, error, name, { CLOCK_BACKWARDS: 'date', INVALID_DATE: 'date' });
  return (
    <section aria-labelledby="clock-h">
      <h2 id="clock-h">{i18n.t('admin.clock.title')}</h2>
      <ErrorSummary error={loadError} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="admin-today">
            {i18n.t('admin.clock.today')} <strong data-testid="clock-today"><time dateTime={data.officeDate}>{i18n.date(data.officeDate)}</time></strong>
            {data.offsetDays ? <span className="muted"> · {i18n.t('admin.clock.offset', { days: i18n.number(data.offsetDays) })}</span> : null}
          </p>
          {!data.settable ? <p className="alert alert-info" data-testid="clock-not-settable">{i18n.t('admin.clock.notSettable')}</p> : (
            <form className="form card admin-form narrow" aria-labelledby="clock-set-h" noValidate onSubmit={(e) => {
              e.preventDefault();
              const f = new FormData(e.currentTarget);
              const date = String(f.get('date') ?? '').trim();
              const checks = {
                date: !date ? i18n.t('field.required') : !isIsoDate(date) ? i18n.t('error.INVALID_DATE')
                  : earliest && date < earliest ? i18n.t('admin.afterToday', { date: i18n.date(data.officeDate) }) : undefined,
              };
              setLocal(checks);
              if (checks.date) return;
              setResult(null);
              void run(date, f.get('runSweep') === 'on');
            }}>
              <h3 id="clock-set-h">{i18n.t('admin.clock.set')}</h3>
              <p className="hint">{i18n.t('admin.clock.intro')}</p>
              <ErrorSummary error={error} />
              <TextField name="date" type="date" label={i18n.t('admin.clock.newDate')} required min={earliest}
                hint={i18n.t('admin.afterToday', { date: i18n.date(data.officeDate) })} error={err('date')} data-testid="clock-date" />
              <label className="check">
                <input type="checkbox" name="runSweep" defaultChecked data-testid="clock-sweep" />
                {i18n.t('admin.clock.runSweep')}
              </label>
              <div className="btn-row"><SubmitButton busy={busy} data-testid="clock-set">{i18n.t('admin.clock.submit')}</SubmitButton></div>
            </form>
          )}
        </>
      ) : null}
      {result ? <SweepResult result={result} /> : null}
    </section>
  );
}

function SweepResult({ result }: { result: ClockReply }) {
  const i18n = useI18n();
  const s = result.sweep;
  return (
    <div className="card" data-testid="clock-result" aria-labelledby="clock-result-h">
      <h3 id="clock-result-h">{i18n.t('admin.clock.result')}</h3>
      <p role="status" className="alert alert-ok">{i18n.t('admin.clock.moved', { date: i18n.date(result.officeDate) })}</p>
      {!s ? <p>{i18n.t('admin.clock.noSweep')}</p> : (
        <>
          <p data-testid="clock-expired">{i18n.t('admin.clock.expired', { n: i18n.number(s.expired) })}</p>
          {s.acted.length > 0 ? (
            <table data-testid="clock-acted">
              <caption>{i18n.t('admin.clock.acted')}</caption>
              <thead><tr><th scope="col">{i18n.t('common.number')}</th><th scope="col">{i18n.t('admin.clock.act')}</th></tr></thead>
              <tbody>
                {s.acted.map((a, i) => (
                  <tr key={`${a.caseId}:${i}`}>
                    <th scope="row"><Link href={`~/office/cases/${encodeURIComponent(a.number)}`}>{a.number}</Link></th>
                    <td>{i18n.law(a.title ?? a.act)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {s.skipped.length > 0 ? (
            <table data-testid="clock-skipped">
              <caption>{i18n.t('admin.clock.skipped')}</caption>
              <thead><tr><th scope="col">{i18n.t('admin.clock.case')}</th><th scope="col">{i18n.t('admin.clock.limit')}</th><th scope="col">{i18n.t('admin.clock.reason')}</th></tr></thead>
              <tbody>
                {s.skipped.map((k, i) => (
                  <tr key={`${k.caseId}:${i}`}>
                    <th scope="row"><Link href={`~/office/cases/${encodeURIComponent(k.caseId)}`}>{k.caseId.slice(0, 8)}</Link></th>
                    <td>{timeLimitName(i18n, k.kind)}</td>
                    <td>{i18n.tx(`error.${k.reason}`, k.reason)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      )}
    </div>
  );
}
