// The gazette's publication calendar: weekly or every other week on a weekday, or monthly on a day;
// the next issue dates follow from it. The registrar compiles issues for these dates (or an
// extraordinary one) in the office's gazette page.
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { calendarText, isoWeekdayName, type Calendar, type Notice } from '../../features/publication/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { useApi } from '../../ui/data.ts';
import { PanelStatus, fieldError, isIsoDate } from './shared.tsx';

type Frequency = Calendar['frequency'];
const FREQUENCIES: Frequency[] = ['weekly', 'fortnightly', 'monthly'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const MONTH_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);

export function GazetteCalendarSection() {
  const i18n = useI18n();
  const { data, error, loading, setData } = useApi<Calendar>('/gazette/calendar');
  const [notice, setNotice] = useState<Notice | null>(null);
  return (
    <section aria-labelledby="gazcal-h">
      <h2 id="gazcal-h">{i18n.t('pub.calendar.title')}</h2>
      <p className="hint">{i18n.t('pub.calendar.intro')}</p>
      <PanelStatus notice={notice?.say(i18n) ?? null} error={error} loading={loading && !data} />
      {data ? (
        <>
          <div className="card" data-testid="gazcal-current">
            <p><strong>{calendarText(i18n, data)}</strong></p>
            <h3 id="gazcal-next-h">{i18n.t('pub.calendar.next')}</h3>
            <ol className="inline-list next-issues" aria-labelledby="gazcal-next-h" data-testid="gazcal-next">
              {data.nextIssues.map((d) => <li key={d}><time dateTime={d}>{i18n.date(d)}</time></li>)}
            </ol>
            <p className="hint"><Link href="~/office/gazette">{i18n.t('pub.calendar.toOffice')}</Link></p>
          </div>
          <CalendarForm key={JSON.stringify(data)} current={data} onSaved={(c) => { setData(c); setNotice({ say: (t) => t.t('pub.calendar.saved', { when: calendarText(t, c) }) }); }} />
        </>
      ) : null}
    </section>
  );
}

function CalendarForm({ current, onSaved }: { current: Calendar; onSaved(c: Calendar): void }) {
  const i18n = useI18n();
  const [frequency, setFrequency] = useState<Frequency>(current.frequency);
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useAction(async (body: Record<string, unknown>) => {
    onSaved(await api<Calendar>('/gazette/calendar', { method: 'PUT', body }));
  });
  const err = (name: string) => fieldError(i18n, local, error, name, { INVALID_DATE: 'startsOn' });
  return (
    <form className="form card admin-form" aria-labelledby="gazcal-form-h" noValidate onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      const startsOn = String(f.get('startsOn') ?? '').trim();
      const checks: Record<string, string | undefined> = {
        startsOn: frequency !== 'fortnightly' ? undefined : !startsOn ? i18n.t('field.required') : !isIsoDate(startsOn) ? i18n.t('error.INVALID_DATE') : undefined,
      };
      setLocal(checks);
      if (Object.values(checks).some(Boolean)) return;
      const body: Record<string, unknown> = { frequency };
      if (frequency === 'monthly') body.monthDay = Number(f.get('monthDay'));
      else body.weekday = Number(f.get('weekday'));
      if (frequency === 'fortnightly') body.startsOn = startsOn;
      void run(body);
    }}>
      <h3 id="gazcal-form-h">{i18n.t('pub.calendar.change')}</h3>
      <ErrorSummary error={error} />
      <div className="admin-form-grid">
        <SelectField name="frequency" label={i18n.t('pub.calendar.frequency')} value={frequency} onChange={(e) => setFrequency(e.target.value as Frequency)} data-testid="gazcal-frequency">
          {FREQUENCIES.map((f) => <option key={f} value={f}>{i18n.t(`pub.calendar.${f}`)}</option>)}
        </SelectField>
        {frequency === 'monthly' ? (
          <SelectField name="monthDay" label={i18n.t('pub.calendar.monthDay')} defaultValue={String(current.monthDay)} hint={i18n.t('pub.calendar.monthDayHint')} data-testid="gazcal-month-day">
            {MONTH_DAYS.map((d) => <option key={d} value={d}>{i18n.number(d)}</option>)}
          </SelectField>
        ) : (
          <SelectField name="weekday" label={i18n.t('pub.calendar.weekday')} defaultValue={String(current.weekday)} data-testid="gazcal-weekday"
            hint={frequency === 'fortnightly' ? i18n.t('pub.calendar.weekdayFortnightly') : undefined}>
            {WEEKDAYS.map((d) => <option key={d} value={d}>{isoWeekdayName(i18n, d)}</option>)}
          </SelectField>
        )}
        {frequency === 'fortnightly' ? (
          <TextField name="startsOn" type="date" label={i18n.t('pub.calendar.startsOn')} required defaultValue={current.startsOn ?? ''}
            hint={i18n.t('pub.calendar.startsOnHint')} error={err('startsOn')} data-testid="gazcal-starts-on" />
        ) : null}
      </div>
      <div className="btn-row"><SubmitButton busy={busy} data-testid="gazcal-save">{i18n.t('pub.calendar.save')}</SubmitButton></div>
    </form>
  );
}
