// Fee schedules, effective-dated: what the law sets and what the office has changed since, per right
// and procedure version, and a form to set new amounts from a later date. Amounts are typed in major
// units (euros) and sent in minor units (cents), the API's unit for money.
import { useMemo, useState } from 'react';
import { api, qs } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField, useAction } from '../../ui/forms.tsx';
import { useApi } from '../../ui/data.ts';
import { FrameworkFilter, PanelStatus, fieldError, formatMajor, inForce, isIsoDate, nextDay, parseMajor, rightName, useFrameworks, useOfficeClock } from './shared.tsx';

interface Schedule {
  effectiveFrom: string; source: 'law' | 'office'; currency: string; inForce?: boolean;
  items: Record<string, { title: string; amount: number }>;
  /** Office versions: the codes whose amounts they set (the rest carried over). */
  changes?: string[]; note?: string | null;
}
interface ProcedureFees { right: string; version: string; procedureEffectiveFrom?: string; title?: string; history: Schedule[] }
interface FeesReply { framework: string; officeDate?: string; items: ProcedureFees[] }

export function FeesSection() {
  const i18n = useI18n();
  const frameworks = useFrameworks();
  const [framework, setFramework] = useState('');
  const clock = useOfficeClock();
  const { data, error, loading, reload } = useApi<FeesReply>(`/admin/fees${qs({ framework })}`);
  const [notice, setNotice] = useState<string | null>(null);
  const today = data?.officeDate ?? clock.data?.officeDate;
  return (
    <section aria-labelledby="fees-h">
      <h2 id="fees-h">{i18n.t('admin.fees.title')}</h2>
      <p className="hint">{i18n.t('admin.fees.intro')}</p>
      <FrameworkFilter frameworks={frameworks} value={framework || data?.framework || ''} onChange={(id) => { setNotice(null); setFramework(id); }} testid="fees-framework" />
      <PanelStatus notice={notice} error={error} loading={loading && !data} />
      {data?.items.map((p) => <ProcedureSchedules key={`${p.right}:${p.version}`} p={p} today={today} />)}
      {data && data.items.length > 0 ? (
        <AddSchedule key={`${data.framework}:${JSON.stringify(data.items.map((p) => p.history.length))}`} reply={data} today={today}
          onAdded={(right, from) => { setNotice(i18n.t('admin.fees.added', { right: rightName(i18n, right), date: i18n.date(from) })); reload(); }} />
      ) : null}
    </section>
  );
}

function ProcedureSchedules({ p, today }: { p: ProcedureFees; today?: string }) {
  const i18n = useI18n();
  const current = p.history.find((s) => s.inForce) ?? inForce(p.history, today);
  const headingId = `fees-${p.right}-${p.version}`.replace(/[^\w-]/g, '_');
  return (
    <div className="card admin-fees" data-testid={`fees-${p.right}-${p.version}`}>
      <h3 id={headingId}>
        {rightName(i18n, p.right)} <span className="muted">· {i18n.t('admin.fees.procedureVersion', { version: p.version })}</span>
        {p.procedureEffectiveFrom ? <span className="muted"> · {i18n.t('admin.fees.procedureFrom', { date: i18n.date(p.procedureEffectiveFrom) })}</span> : null}
      </h3>
      {p.history.map((s, i) => {
        const state = s === current ? 'current' : today && s.effectiveFrom > today ? 'upcoming' : 'past';
        return (
          <details key={`${s.effectiveFrom}:${i}`} open={state !== 'past'} className={`admin-schedule admin-schedule-${state}`}>
            <summary>
              {i18n.t('admin.fees.from', { date: i18n.date(s.effectiveFrom) })}{' '}
              <span className="badge">{s.source === 'office' ? i18n.t('admin.source.office') : i18n.t('admin.source.law')}</span>{' '}
              {state === 'current' ? <span className="badge badge-ok">{i18n.t('admin.inForce')}</span> : null}
              {state === 'upcoming' ? <span className="badge badge-warn">{i18n.t('admin.upcoming')}</span> : null}
            </summary>
            {s.note ? <p className="hint" dir="auto">{s.note}</p> : null}
            <table>
              <caption className="sr-only">{rightName(i18n, p.right)} · {i18n.t('admin.fees.from', { date: i18n.date(s.effectiveFrom) })}</caption>
              <thead><tr><th scope="col">{i18n.t('admin.fees.fee')}</th><th scope="col">{i18n.t('admin.fees.code')}</th><th scope="col" className="num">{i18n.t('common.amount')}</th></tr></thead>
              <tbody>
                {Object.entries(s.items).map(([code, f]) => (
                  <tr key={code}>
                    <th scope="row">{i18n.law(f.title)}{s.changes?.includes(code) ? <> <span className="badge badge-warn">{i18n.t('admin.fees.changed')}</span></> : null}</th>
                    <td><code>{code}</code></td>
                    <td className="num">{i18n.money(f.amount, s.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        );
      })}
    </div>
  );
}

function AddSchedule({ reply, today, onAdded }: { reply: FeesReply; today?: string; onAdded: (right: string, from: string) => void }) {
  const i18n = useI18n();
  const rights = useMemo(() => [...new Set(reply.items.map((p) => p.right))], [reply]);
  const [right, setRight] = useState(rights[0] ?? '');
  // The fees of the newest procedure version of that right, at the amounts of its latest schedule.
  const latest = useMemo(() => {
    const versions = reply.items.filter((p) => p.right === right);
    const proc = versions[versions.length - 1];
    return proc ? [...proc.history].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).pop() : undefined;
  }, [reply, right]);
  const currency = latest?.currency ?? 'EUR';
  const fees = latest ? Object.entries(latest.items) : [];
  const [local, setLocal] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useAction(async (body: { framework: string; right: string; effectiveFrom: string; amounts: Record<string, number>; currency: string; note?: string }) => {
    await api('/admin/fees', { method: 'POST', body });
    onAdded(body.right, body.effectiveFrom);
  });
  const codes = { FEE_SCHEDULE_NOT_IN_FUTURE: 'effectiveFrom', FEE_SCHEDULE_EXISTS: 'effectiveFrom', INVALID_DATE: 'effectiveFrom', UNKNOWN_RIGHT: 'right', UNKNOWN_FEE_CODE: 'amounts', CURRENCY_MISMATCH: 'amounts' };
  const err = (name: string) => fieldError(i18n, local, error, name, codes);
  const earliest = nextDay(today);
  return (
    <form className="form card admin-form" aria-labelledby="fees-new-h" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!latest) return;
      const f = new FormData(e.currentTarget);
      const effectiveFrom = String(f.get('effectiveFrom') ?? '').trim();
      const note = String(f.get('note') ?? '').trim();
      const checks: Record<string, string | undefined> = {
        effectiveFrom: !effectiveFrom ? i18n.t('field.required') : !isIsoDate(effectiveFrom) ? i18n.t('error.INVALID_DATE')
          : earliest && effectiveFrom < earliest ? i18n.t('admin.afterToday', { date: i18n.date(today) }) : undefined,
      };
      // Only the amounts that change: the server carries the others over from the schedule before.
      const amounts: Record<string, number> = {};
      for (const [code, fee] of fees) {
        const minor = parseMajor(String(f.get(`amount:${code}`) ?? ''), currency);
        if (minor === null) checks[`amount:${code}`] = i18n.t('admin.fees.badAmount');
        else if (minor !== fee.amount) amounts[code] = minor;
      }
      if (!Object.values(checks).some(Boolean) && Object.keys(amounts).length === 0) checks.amounts = i18n.t('admin.fees.nothingChanged');
      setLocal(checks);
      if (Object.values(checks).some(Boolean)) return;
      void run({ framework: reply.framework, right, effectiveFrom, amounts, currency, note: note || undefined });
    }}>
      <h3 id="fees-new-h">{i18n.t('admin.fees.new')}</h3>
      <ErrorSummary error={error} />
      <div className="admin-form-grid">
        <SelectField name="right" label={i18n.t('admin.fees.right')} value={right} onChange={(e) => { setLocal({}); setRight(e.target.value); }} error={err('right')} data-testid="fees-new-right">
          {rights.map((r) => <option key={r} value={r}>{rightName(i18n, r)}</option>)}
        </SelectField>
        <TextField name="effectiveFrom" type="date" label={i18n.t('admin.effectiveFrom')} required min={earliest}
          hint={today ? i18n.t('admin.afterToday', { date: i18n.date(today) }) : undefined} error={err('effectiveFrom')} data-testid="fees-new-from" />
      </div>
      {latest ? (
        <fieldset className="admin-amounts" key={right}>
          <legend>{i18n.t('admin.fees.amountsIn', { currency })}</legend>
          {err('amounts') ? <div className="field-error" role="alert">{err('amounts')}</div> : null}
          <div className="admin-form-grid">
            {fees.map(([code, fee]) => (
              <TextField key={code} name={`amount:${code}`} label={i18n.law(fee.title)} inputMode="decimal" dir="ltr" required
                defaultValue={formatMajor(fee.amount, currency)} hint={i18n.t('admin.fees.now', { amount: i18n.money(fee.amount, currency) })}
                error={local[`amount:${code}`]} data-testid={`fees-new-amount-${code}`} />
            ))}
          </div>
        </fieldset>
      ) : null}
      <TextArea name="note" label={i18n.t('admin.note')} maxLength={2000} rows={2} error={err('note')} />
      <div className="btn-row"><SubmitButton busy={busy} disabled={!latest} data-testid="fees-new-submit">{i18n.t('admin.fees.add')}</SubmitButton></div>
    </form>
  );
}
