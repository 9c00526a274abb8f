// Outages of the office's electronic services: registrars and administrators declare one once it is
// over (published at once, never changed; the time limits of parties ending in it are extended), see
// what the extension did case by case, and staff enter the filings received meanwhile through a
// fallback channel with their date of receipt.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { api, upload, type UploadedRef } from '../../api.ts';
import { emptyValue, payloadOf, SchemaForm, type JsonSchema } from '../../features/acts/SchemaForm.tsx';
import { useProcedures } from '../../features/case/law.ts';
import type { ProceduresResponse } from '../../features/case/types.ts';
import { channelName, dayRange, OutageTable, type Outage, type OutageList } from '../../features/outages/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextArea, TextField, useAction, errorMessage } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { useSession } from '../../ui/session.tsx';

const CHANNELS = ['web', 'api', 'payments'] as const;
const FALLBACK = ['post', 'hand-delivery', 'e-mail', 'fax'] as const;
const DECLARE_ROLES = ['registrar', 'admin'];
const FILING_ROLES = ['formalities', 'registrar', 'admin'];
/** Rights filed only as a proceeding on another case are not filed here. */
const CHILD_ONLY = new Set(['recordal', 'trademark-opposition']);

export function OutagesPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const list = useApi<OutageList>('/outages');
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canDeclare = !!user && DECLARE_ROLES.includes(user.role);
  const current = list.data?.items.find((o) => o.id === selected) ?? null;
  return (
    <Page title={i18n.t('outage.office.title')}>
      <p className="hint">{i18n.t('outage.office.intro')}</p>
      {notice ? <div className="alert alert-ok" role="status" data-testid="outage-notice">{notice}</div> : null}
      <ErrorSummary error={list.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{i18n.t('outage.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <OutageTable items={list.data.items} caption={i18n.t('outage.office.title')} action={(o) => (
          <button type="button" className="btn btn-secondary" aria-pressed={o.id === selected}
            aria-label={i18n.t('outage.details.show', { number: String(o.number) })} data-testid={`outage-show-${o.number}`}
            onClick={() => setSelected(o.id === selected ? null : o.id)}>{i18n.t('outage.col.details')}</button>
        )} />
      ) : null}
      {list.data ? <p className="hint">{i18n.t('outage.timeZone', { zone: list.data.timeZone })}</p> : null}
      {current ? <OutageDetails key={current.id} outage={current} canRerun={canDeclare} canFile={!!user && FILING_ROLES.includes(user.role)} /> : null}
      {canDeclare && list.data ? (
        <DeclareForm zone={list.data.timeZone} onDeclared={(o) => {
          const c = o.extension.counts ?? { extended: 0, reinstated: 0, review: 0 };
          setNotice(i18n.t('outage.declared', { number: String(o.number), extended: String(c.extended), reinstated: String(c.reinstated), review: String(c.review) }));
          setSelected(o.id);
          list.reload();
        }} />
      ) : null}
    </Page>
  );
}

function DeclareForm({ zone, onDeclared }: { zone: string; onDeclared: (o: Outage) => void }) {
  const i18n = useI18n();
  const [channels, setChannels] = useState<string[]>(['web', 'api']);
  const [confirmed, setConfirmed] = useState(false);
  const { run, busy, error } = useAction(async (body: { startsAt: string; endsAt: string; reason: string; channels: string[] }) => {
    onDeclared(await api<Outage>('/outages', { method: 'POST', body }));
  });
  const code = (error as any)?.code as string | undefined;
  const at = (name: string, codes: string[]) => (code && codes.includes(code) ? errorMessage(i18n, error) : undefined);
  return (
    <form className="form card" aria-labelledby="outage-declare-h" noValidate onSubmit={(e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      void run({ startsAt: String(f.get('startsAt') ?? ''), endsAt: String(f.get('endsAt') ?? ''), reason: String(f.get('reason') ?? '').trim(), channels });
    }}>
      <h2 id="outage-declare-h">{i18n.t('outage.declare.heading')}</h2>
      <ErrorSummary error={error} />
      <TextField name="startsAt" type="datetime-local" required label={i18n.t('outage.declare.start')} hint={i18n.t('outage.declare.timeHint', { zone })}
        error={at('startsAt', ['INVALID_DATE_TIME', 'OUTAGE_OVERLAPS', 'OUTAGE_TOO_LONG'])} data-testid="outage-start" />
      <TextField name="endsAt" type="datetime-local" required label={i18n.t('outage.declare.end')} hint={i18n.t('outage.declare.timeHint', { zone })}
        error={at('endsAt', ['OUTAGE_END_BEFORE_START', 'OUTAGE_IN_FUTURE'])} data-testid="outage-end" />
      <TextArea name="reason" required maxLength={2000} rows={2} label={i18n.t('outage.col.reason')} data-testid="outage-reason" />
      <fieldset>
        <legend>{i18n.t('outage.col.channels')}</legend>
        {CHANNELS.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={channels.includes(c)} data-testid={`outage-channel-${c}`}
              onChange={(e) => setChannels(e.target.checked ? [...channels, c] : channels.filter((x) => x !== c))} />
            {channelName(i18n, c)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="outage-confirm" />
        {i18n.t('outage.declare.confirm')}
      </label>
      <SubmitButton busy={busy} disabled={!confirmed || channels.length === 0} data-testid="outage-declare">{i18n.t('outage.declare.submit')}</SubmitButton>
    </form>
  );
}

function OutageDetails({ outage, canRerun, canFile }: { outage: Outage; canRerun: boolean; canFile: boolean }) {
  const i18n = useI18n();
  const detail = useApi<Outage>(`/outages/${outage.id}`);
  const filings = useApi<{ items: { caseId: string; number: string; receivedOn: string; channel: string; enteredBy: string; filingDate: string | null }[] }>(`/outages/${outage.id}/filings`);
  const rerun = useAction(async () => { await api(`/outages/${outage.id}/extension`, { method: 'POST' }); detail.reload(); });
  const effects = detail.data?.effects ?? [];
  const reason = (d: any) => (d?.reason === 'CASE_ACTED_ON_SINCE' ? i18n.t('outage.reason.CASE_ACTED_ON_SINCE') : i18n.t('outage.reason.other', { code: String(d?.reason ?? '') }));
  return (
    <section aria-labelledby="outage-detail-h" className="card" data-testid="outage-details">
      <h2 id="outage-detail-h">{i18n.t('outage.details.heading', { number: String(outage.number) })}</h2>
      <p>{dayRange(i18n, outage.firstDay, outage.lastDay)} · <span dir="auto">{outage.reason}</span></p>
      <h3>{i18n.t('outage.effects.heading')}</h3>
      <ErrorSummary error={detail.error ?? rerun.error} />
      {detail.data && !detail.data.extension.complete ? <p className="alert alert-error" role="alert">{i18n.t('outage.effects.incomplete')}</p> : null}
      {detail.data && effects.length === 0 ? <p className="muted">{i18n.t('outage.effects.none')}</p> : null}
      {effects.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="outage-effects">
            <caption className="sr-only">{i18n.t('outage.effects.heading')}</caption>
            <thead><tr><th scope="col">{i18n.t('outage.col.case')}</th><th scope="col">{i18n.t('outage.col.outcome')}</th><th scope="col">{i18n.t('outage.col.details')}</th></tr></thead>
            <tbody>
              {effects.map((e) => (
                <tr key={`${e.caseId}-${e.outcome}-${e.actId ?? 'review'}`} data-testid={`outage-effect-${e.number}`}>
                  <th scope="row"><Link href={`/cases/${encodeURIComponent(e.number)}`}>{e.number}</Link></th>
                  <td>{i18n.t(`outage.outcome.${e.outcome}`)}</td>
                  <td>
                    {e.outcome === 'review' ? reason(e.detail) : (e.detail?.limits ?? []).map((l: any) => (
                      <div key={l.kind}>{i18n.t('outage.range', { from: i18n.date(l.from), to: i18n.date(l.to) })}</div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canRerun ? <button type="button" className="btn btn-secondary" disabled={rerun.busy} onClick={() => void rerun.run()} data-testid="outage-rerun">{i18n.t('outage.effects.rerun')}</button> : null}

      <h3>{i18n.t('outage.filings.heading')}</h3>
      <ErrorSummary error={filings.error} />
      {filings.data && filings.data.items.length === 0 ? <p className="muted">{i18n.t('outage.filings.none')}</p> : null}
      {filings.data && filings.data.items.length > 0 ? (
        <ul data-testid="outage-filings">
          {filings.data.items.map((f) => (
            <li key={f.caseId}>
              <Link href={`/cases/${encodeURIComponent(f.number)}`}>{f.number}</Link>{' '}
              · {i18n.date(f.receivedOn)} · {i18n.t(`outage.filing.channel.${f.channel}` as any)} · {i18n.t('outage.col.enteredBy')}: {f.enteredBy}
            </li>
          ))}
        </ul>
      ) : null}
      {canFile ? <FallbackFiling outage={outage} onFiled={() => filings.reload()} /> : null}
    </section>
  );
}

type Law = ProceduresResponse & { filingFramework?: string };

/** The filing act's payload schema of a right, in the version in force on the date of receipt. */
function filingSchema(law: Law | null, right: string, on: string): JsonSchema | null {
  const fw = law?.items.find((f) => f.id === law.filingFramework) ?? law?.items[0];
  const versions = (fw?.procedures ?? []).filter((p) => p.right === right).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const inForce = versions.filter((p) => p.effectiveFrom <= on).at(-1) ?? versions.at(-1);
  return (inForce?.acts.file?.payloadSchema as JsonSchema | null | undefined) ?? null;
}

function FallbackFiling({ outage, onFiled }: { outage: Outage; onFiled: () => void }) {
  const i18n = useI18n();
  const law = useProcedures() as Law | null;
  const rights = useMemo(() => {
    const fw = law?.items.find((f) => f.id === law.filingFramework) ?? law?.items[0];
    return [...new Set((fw?.procedures ?? []).filter((p) => !CHILD_ONLY.has(p.right) && p.acts.file?.payloadSchema).map((p) => p.right))];
  }, [law]);
  const [receivedOn, setReceivedOn] = useState(outage.firstDay);
  const [right, setRight] = useState('trademark');
  const schema = filingSchema(law, right, receivedOn);
  const [value, setValue] = useState<Record<string, any>>({});
  // Required lists start with their entries, as in the filing portal, once the law's schema is there.
  useEffect(() => { if (schema) setValue((v) => (Object.keys(v).length ? v : emptyValue(schema) ?? {})); }, [schema]);
  const [evidence, setEvidence] = useState<UploadedRef | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [schemaBusy, setSchemaBusy] = useState(false);
  const [done, setDone] = useState<{ number: string; filingDate: string } | null>(null);
  const [missing, setMissing] = useState(false);
  const { run, busy, error } = useAction(async (body: Record<string, any>) => {
    const res = await api<{ case: { number: string; filingDate: string } }>(`/outages/${outage.id}/filings`, { method: 'POST', body });
    setDone({ number: res.case.number, filingDate: res.case.filingDate });
    setValue(schema ? emptyValue(schema) ?? {} : {});
    onFiled();
  });
  return (
    <form className="form" aria-labelledby="outage-filing-h" noValidate data-testid="outage-filing-form" onSubmit={(e) => {
      e.preventDefault();
      if (!evidence) { setMissing(true); return; }
      const f = new FormData(e.currentTarget);
      const filer = String(f.get('filer') ?? '').trim();
      void run({
        receivedOn, channel: String(f.get('channel')), right, payload: payloadOf(schema, value), evidence: { sha256: evidence.sha256 },
        ...(filer ? { filer } : {}),
      });
    }}>
      <h3 id="outage-filing-h">{i18n.t('outage.filing.heading')}</h3>
      <p className="hint">{i18n.t('outage.filing.intro')}</p>
      {done ? (
        <div className="alert alert-ok" role="status" data-testid="outage-filed">
          <Link href={`/cases/${encodeURIComponent(done.number)}`}>{i18n.t('outage.filing.done', { number: done.number, date: i18n.date(done.filingDate) })}</Link>
        </div>
      ) : null}
      <ErrorSummary error={error} />
      <TextField type="date" required label={i18n.t('outage.filing.receivedOn')} min={outage.firstDay} max={outage.lastDay} value={receivedOn}
        onChange={(e) => setReceivedOn(e.target.value)} error={(error as any)?.code === 'RECEIPT_DATE_OUTSIDE_OUTAGE' ? errorMessage(i18n, error) : undefined} data-testid="outage-filing-date" />
      <SelectField name="channel" required label={i18n.t('outage.filing.channel')} defaultValue="post" data-testid="outage-filing-channel">
        {FALLBACK.map((c) => <option key={c} value={c}>{i18n.t(`outage.filing.channel.${c}`)}</option>)}
      </SelectField>
      <TextField name="filer" label={i18n.t('outage.filing.filer')} hint={i18n.t('outage.filing.filerHint')} maxLength={200} autoComplete="off"
        error={(error as any)?.code === 'UNKNOWN_FILER' ? errorMessage(i18n, error) : undefined} data-testid="outage-filing-filer" />
      <div className={`field${missing && !evidence ? ' field-invalid' : ''}`}>
        <label htmlFor="outage-evidence">{i18n.t('outage.filing.evidence')}<span className="req" aria-hidden="true"> *</span></label>
        <input id="outage-evidence" type="file" accept="application/pdf,image/png,image/jpeg,image/tiff" required data-testid="outage-filing-evidence"
          aria-invalid={missing && !evidence ? true : undefined} aria-describedby={missing && !evidence ? 'outage-evidence-error' : undefined}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setEvidence(null); setUploadError(null);
            if (!file) return;
            setUploading(true);
            try { setEvidence(await upload(file)); } catch (err) { setUploadError(err); } finally { setUploading(false); }
          }} />
        {uploading ? <div className="hint" role="status">{i18n.t('outage.filing.uploading')}</div> : null}
        {missing && !evidence ? <div className="field-error" id="outage-evidence-error" role="alert">{i18n.t('outage.filing.evidenceMissing')}</div> : null}
        <ErrorSummary error={uploadError} />
      </div>
      <SelectField label={i18n.t('outage.filing.right')} value={right} onChange={(e) => { setRight(e.target.value); setValue({}); }} data-testid="outage-filing-right">
        {rights.map((r) => <option key={r} value={r}>{i18n.tx(`right.${r}`, r)}</option>)}
      </SelectField>
      {schema ? <SchemaForm key={right} schema={schema} value={value} onChange={setValue} error={error} onBusyChange={setSchemaBusy} /> : <Loading />}
      <SubmitButton busy={busy} disabled={uploading || schemaBusy || !schema} data-testid="outage-filing-submit">{i18n.t('outage.filing.submit')}</SubmitButton>
    </form>
  );
}
