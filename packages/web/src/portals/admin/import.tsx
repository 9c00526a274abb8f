// Taking over records of a previous register from an ST.96 document, for administrators and registrars:
// the document is sent as it is, each record becomes a case (or updates the one it became before, or is
// unchanged), and the report lists every record with its outcome and, when refused, the reason. Large
// registers go through the command line, which reads files of any size record by record.
import { useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, qs } from '../../api.ts';
import { hasMessage, useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, SelectField, SubmitButton, useAction } from '../../ui/forms.tsx';
import { formatSize } from '../../ui/files.ts';
import { rightName } from '../../ui/rights.ts';

type Outcome = 'created' | 'updated' | 'unchanged' | 'rejected';
const OUTCOMES: Outcome[] = ['created', 'updated', 'unchanged', 'rejected'];

interface RecordOutcome {
  file?: string; position: number; outcome: Outcome; right?: string; source?: string; sourceId?: string;
  caseId?: string; number?: string; code?: string; message?: string;
}
interface ImportReport {
  runId: string; format: string; seconds: number; counts: Record<Outcome, number>;
  files: { name: string; records: number; error?: { code: string; message: string } }[];
  records: RecordOutcome[];
}

/** The largest document the office takes in one request (its API's limit); larger ones go through the command line. */
const MAX_BYTES = 25 * 1024 * 1024;
/** Rows of the report shown at once: a long report is filtered by outcome. */
const SHOWN = 500;

/** The title the law gives the act a taken-over record is recorded by. */
const TAKE_OVER_TITLE = 'Record taken over from the previous register';

const BADGE: Record<Outcome, string> = { created: 'badge-ok', updated: 'badge', unchanged: 'badge', rejected: 'badge-bad' };

export function ImportSection() {
  const i18n = useI18n();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [filter, setFilter] = useState<'' | Outcome>('');
  const reportRef = useRef<HTMLHeadingElement>(null);

  const { run, busy, error } = useAction(async (f: File) => {
    setReport(null);
    const r = await api<ImportReport>(`/imports/st96${qs({ name: f.name })}`, { method: 'POST', raw: { data: f, type: 'application/xml' } });
    setReport(r); setFilter(r.counts.rejected > 0 ? 'rejected' : '');
    setTimeout(() => reportRef.current?.focus(), 0);
  });

  const rows = useMemo(() => (report?.records ?? []).filter((r) => !filter || r.outcome === filter), [report, filter]);
  const localError = local ?? undefined;

  return (
    <section aria-labelledby="import-h">
      <h2 id="import-h">{i18n.t('pub.import.title')}</h2>
      <p className="hint">{i18n.t('pub.import.intro', { act: i18n.law(TAKE_OVER_TITLE) })}</p>
      <form className="form card admin-form" aria-labelledby="import-form-h" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (!file) { setLocal(i18n.t('pub.import.choose')); input.current?.focus(); return; }
        if (file.size > MAX_BYTES) { setLocal(i18n.t('pub.import.tooLarge', { size: formatSize(i18n, MAX_BYTES) })); input.current?.focus(); return; }
        setLocal(null);
        void run(file);
      }}>
        <h3 id="import-form-h">{i18n.t('pub.import.upload')}</h3>
        <ErrorSummary error={error} />
        <div className={`field${localError ? ' field-invalid' : ''}`}>
          <label htmlFor={fileId}>{i18n.t('pub.import.file')}<span className="req" aria-hidden="true"> *</span></label>
          <input ref={input} id={fileId} type="file" accept=".xml,application/xml,text/xml" required aria-invalid={localError ? true : undefined}
            aria-describedby={[`${fileId}-hint`, localError ? `${fileId}-error` : ''].filter(Boolean).join(' ')}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setLocal(null); }} data-testid="import-file" />
          <div className="hint" id={`${fileId}-hint`}>{i18n.t('pub.import.fileHint', { size: formatSize(i18n, MAX_BYTES) })}</div>
          {localError ? <div className="field-error" id={`${fileId}-error`} role="alert">{localError}</div> : null}
        </div>
        <div className="btn-row"><SubmitButton busy={busy} data-testid="import-submit">{i18n.t('pub.import.submit')}</SubmitButton></div>
        {busy ? <p className="hint" role="status">{i18n.t('pub.import.working')}</p> : null}
      </form>

      {report ? (
        <section className="card" aria-labelledby="import-report-h" data-testid="import-report">
          <h3 id="import-report-h" ref={reportRef} tabIndex={-1}>{i18n.t('pub.import.report')}</h3>
          <p className="hint">{i18n.t('pub.import.ran', { seconds: i18n.number(Math.round(report.seconds * 10) / 10), run: report.runId })}</p>
          <dl className="facts import-counts">
            {OUTCOMES.map((o) => (
              <div key={o} className="facts-row">
                <dt>{i18n.t(`pub.import.outcome.${o}`)}</dt>
                <dd data-testid={`import-count-${o}`}>{i18n.number(report.counts[o])}</dd>
              </div>
            ))}
          </dl>
          {report.files.map((f) => (
            <p key={f.name} className={f.error ? 'alert alert-error' : 'hint'} data-testid="import-file-result" data-code={f.error?.code}>
              {i18n.t('pub.import.fileRecords', { name: f.name, records: i18n.number(f.records) })}
              {f.error ? <>{' '}{i18n.tx(`error.${f.error.code}`, f.error.message)} <code>{f.error.code}</code></> : null}
            </p>
          ))}
          {report.records.length > 0 ? (
            <>
              <div className="admin-filter">
                <SelectField label={i18n.t('pub.import.show')} value={filter} onChange={(e) => setFilter(e.target.value as '' | Outcome)} data-testid="import-filter">
                  <option value="">{i18n.t('pub.import.all', { count: i18n.number(report.records.length) })}</option>
                  {OUTCOMES.filter((o) => report.counts[o] > 0).map((o) => (
                    <option key={o} value={o}>{i18n.t('pub.import.only', { outcome: i18n.t(`pub.import.outcome.${o}`), count: i18n.number(report.counts[o]) })}</option>
                  ))}
                </SelectField>
              </div>
              <div className="table-scroll">
                <table data-testid="import-records">
                  <caption className="sr-only">{i18n.t('pub.import.report')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">{i18n.t('pub.import.position')}</th>
                      <th scope="col">{i18n.t('pub.import.outcome')}</th>
                      <th scope="col">{i18n.t('pub.import.record')}</th>
                      <th scope="col">{i18n.t('pub.import.case')}</th>
                      <th scope="col">{i18n.t('pub.import.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.slice(0, SHOWN).map((r) => (
                      <tr key={`${r.file ?? ''}:${r.position}`} data-testid={`import-record-${r.position}`} data-outcome={r.outcome}>
                        <td className="num">{i18n.number(r.position)}</td>
                        <td><span className={`badge ${BADGE[r.outcome]}`}>{i18n.t(`pub.import.outcome.${r.outcome}`)}</span></td>
                        <td>
                          {r.sourceId ? <bdi className="nowrap">{r.sourceId}</bdi> : '—'}
                          {r.right ? <div className="hint">{rightName(i18n, r.right)}</div> : null}
                        </td>
                        <td>{r.number ? <Link href={`~/office/cases/${encodeURIComponent(r.number)}`}>{r.number}</Link> : '—'}</td>
                        <td>
                          {r.code ? <>{i18n.tx(`error.${r.code}`, r.message ?? r.code)} <code className="nowrap">{r.code}</code></> : null}
                          {r.code && r.message && hasMessage(`error.${r.code}`) ? <div className="hint" dir="ltr" lang="en">{r.message}</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {rows.length > SHOWN ? <p className="hint">{i18n.t('pub.import.more', { shown: i18n.number(SHOWN), total: i18n.number(rows.length) })}</p> : null}
            </>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="import-cli-h">
        <h3 id="import-cli-h">{i18n.t('pub.import.cli')}</h3>
        <p>{i18n.t('pub.import.cliIntro')}</p>
        <pre className="cli" dir="ltr" data-testid="import-cli"><code>{[
          'registrum import st96 <file|dir>',
          'registrum import uspto <file>',
          'registrum import register --format jsonl <file>',
        ].join('\n')}</code></pre>
        <p className="hint">{i18n.t('pub.import.cliHint')}</p>
      </section>
    </section>
  );
}
