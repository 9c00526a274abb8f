// Holiday calendars: every version with the date it takes effect, and a form to add one. A new
// version takes effect only after today: a time limit already computed keeps its calendar.
import { useState } from 'react';
import { api, qs } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextArea, TextField, useAction } from '../../ui/forms.tsx';
import { useApi } from '../../ui/data.ts';
import { FrameworkFilter, PanelStatus, fieldError, inForce, isIsoDate, nextDay, useFrameworks, useOfficeClock, weekdayNames } from './shared.tsx';

interface CalendarVersion { id: string; version: string; effectiveFrom: string; weekendDays: number[]; holidays: string[]; source: 'framework' | 'office'; note?: string | null }

export function CalendarsSection() {
  const i18n = useI18n();
  const frameworks = useFrameworks();
  const [framework, setFramework] = useState<string>('');
  const clock = useOfficeClock();
  const { data, error, loading, reload } = useApi<{ framework: string; items: CalendarVersion[] }>(`/admin/calendars${qs({ framework })}`);
  const [notice, setNotice] = useState<string | null>(null);
  const today = clock.data?.officeDate;
  const current = data ? inForce(data.items, today) : undefined;
  const days = weekdayNames(i18n);
  return (
    <section aria-labelledby="cal-h">
      <h2 id="cal-h">{i18n.t('admin.cal.title')}</h2>
      <p className="hint">{i18n.t('admin.cal.intro')}</p>
      <FrameworkFilter frameworks={frameworks} value={framework || data?.framework || ''} onChange={(id) => { setNotice(null); setFramework(id); }} testid="cal-framework" />
      <PanelStatus notice={notice} error={error} loading={loading && !data} />
      {data ? (
        <div className="table-scroll">
          <table data-testid="cal-table">
            <caption className="sr-only">{i18n.t('admin.cal.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('admin.cal.version')}</th>
                <th scope="col">{i18n.t('admin.effectiveFrom')}</th>
                <th scope="col">{i18n.t('admin.cal.weekend')}</th>
                <th scope="col">{i18n.t('admin.cal.holidays')}</th>
                <th scope="col">{i18n.t('admin.source')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((c) => (
                <tr key={`${c.id}:${c.version}`} data-testid={`cal-row-${c.version}`}>
                  <th scope="row">
                    <span dir="auto">{c.version}</span>
                    {current === c ? <> <span className="badge badge-ok">{i18n.t('admin.inForce')}</span></> : null}
                    {today && c.effectiveFrom > today ? <> <span className="badge badge-warn">{i18n.t('admin.upcoming')}</span></> : null}
                    {c.note ? <div className="hint" dir="auto">{c.note}</div> : null}
                  </th>
                  <td>{i18n.date(c.effectiveFrom)}</td>
                  <td>{c.weekendDays.length ? c.weekendDays.map((d) => days[d] ?? d).join(', ') : i18n.t('common.none')}</td>
                  <td>
                    {c.holidays.length === 0 ? i18n.t('common.none') : (
                      <details>
                        <summary>{i18n.t('admin.cal.holidayCount', { n: i18n.number(c.holidays.length) })}</summary>
                        <ul className="admin-holidays">{c.holidays.map((h) => <li key={h}><time dateTime={h}>{i18n.date(h)}</time></li>)}</ul>
                      </details>
                    )}
                  </td>
                  <td>{c.source === 'office' ? i18n.t('admin.source.office') : i18n.t('admin.source.law')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <AddCalendar key={`${data.framework}:${data.items.length}`} framework={data.framework} today={today} base={data.items[data.items.length - 1]}
          onAdded={(v) => { setNotice(i18n.t('admin.cal.added', { version: v })); reload(); }} />
      ) : null}
    </section>
  );
}

function AddCalendar({ framework, today, base, onAdded }: { framework: string; today?: string; base?: CalendarVersion; onAdded: (version: string) => void }) {
  const i18n = useI18n();
  const days = weekdayNames(i18n);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useAction(async (body: { framework: string; version: string; effectiveFrom: string; weekendDays: number[]; holidays: string[]; note?: string }) => {
    await api('/admin/calendars', { method: 'POST', body });
    onAdded(body.version);
  });
  const codes = { CALENDAR_NOT_IN_FUTURE: 'effectiveFrom', CALENDAR_VERSION_EXISTS: 'version', INVALID_WEEKEND: 'weekendDays', INVALID_DATE: 'holidays' };
  const err = (name: string) => fieldError(i18n, local, error, name, codes);
  const earliest = nextDay(today);
  const weekendErr = err('weekendDays');
  return (
    <form className="form card admin-form" aria-labelledby="cal-new-h" noValidate onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const version = String(f.get('version') ?? '').trim();
      const effectiveFrom = String(f.get('effectiveFrom') ?? '').trim();
      const weekendDays = f.getAll('weekendDays').map(Number);
      const lines = String(f.get('holidays') ?? '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
      const badLines = lines.filter((l) => !isIsoDate(l));
      const note = String(f.get('note') ?? '').trim();
      const checks: Record<string, string | undefined> = {
        version: version ? undefined : i18n.t('field.required'),
        effectiveFrom: !effectiveFrom ? i18n.t('field.required') : !isIsoDate(effectiveFrom) ? i18n.t('error.INVALID_DATE')
          : earliest && effectiveFrom < earliest ? i18n.t('admin.afterToday', { date: i18n.date(today) }) : undefined,
        weekendDays: weekendDays.length > 5 ? i18n.t('admin.cal.weekendTooMany') : undefined,
        holidays: badLines.length ? i18n.t('admin.cal.badHolidays', { list: badLines.slice(0, 5).join(', ') }) : undefined,
      };
      setLocal(checks);
      if (Object.values(checks).some(Boolean)) return;
      void run({ framework, version, effectiveFrom, weekendDays, holidays: [...new Set(lines)].sort(), note: note || undefined });
    }}>
      <h3 id="cal-new-h">{i18n.t('admin.cal.new')}</h3>
      <ErrorSummary error={error} />
      <div className="admin-form-grid">
        <TextField name="version" label={i18n.t('admin.cal.version')} required maxLength={50} hint={i18n.t('admin.cal.versionHint')} error={err('version')} data-testid="cal-new-version" />
        <TextField name="effectiveFrom" type="date" label={i18n.t('admin.effectiveFrom')} required min={earliest}
          hint={today ? i18n.t('admin.afterToday', { date: i18n.date(today) }) : undefined} error={err('effectiveFrom')} data-testid="cal-new-from" />
      </div>
      <fieldset className={`admin-weekdays${weekendErr ? ' field-invalid' : ''}`} aria-describedby={weekendErr ? 'cal-weekend-error' : undefined}>
        <legend>{i18n.t('admin.cal.weekend')}</legend>
        {days.map((name, d) => (
          <label key={d} className="check">
            <input type="checkbox" name="weekendDays" value={d} defaultChecked={(base?.weekendDays ?? [0, 6]).includes(d)} data-testid={`cal-new-weekday-${d}`} />
            {name}
          </label>
        ))}
        {weekendErr ? <div className="field-error" id="cal-weekend-error" role="alert">{weekendErr}</div> : null}
      </fieldset>
      <TextArea name="holidays" label={i18n.t('admin.cal.holidays')} hint={i18n.t('admin.cal.holidaysHint')} dir="ltr" rows={6} error={err('holidays')} data-testid="cal-new-holidays" />
      <TextArea name="note" label={i18n.t('admin.note')} maxLength={2000} rows={2} error={err('note')} />
      <div className="btn-row"><SubmitButton busy={busy} data-testid="cal-new-submit">{i18n.t('admin.cal.add')}</SubmitButton></div>
    </form>
  );
}
