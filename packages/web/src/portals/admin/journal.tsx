// Journal verification: re-derives every act hash, case chain and seal on the server and names what
// does not match. Run on request only: on a large register it reads every act.
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, useAction } from '../../ui/forms.tsx';

interface Problem { kind: string; caseId?: string; caseNumber?: string; actId?: number; seq?: number; sealId?: number; eventId?: number; eventSeq?: number; message: string }
interface AuditCounts { events: number; chained: number; unchained: number; headSeq: number | null; headHash: string | null }
interface Report { ok: boolean; cases: number; acts: number; seals: number; unsealedActs: number; audit?: AuditCounts; problems: Problem[]; seconds: number }

export function JournalSection() {
  const i18n = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const { run, busy, error } = useAction(async () => { setReport(null); setReport(await api<Report>('/admin/journal/verify')); });
  return (
    <section aria-labelledby="journal-h">
      <h2 id="journal-h">{i18n.t('admin.journal.title')}</h2>
      <p className="hint">{i18n.t('admin.journal.intro')}</p>
      <div className="btn-row">
        <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined} data-testid="journal-verify">
          {busy ? i18n.t('admin.journal.running') : i18n.t('admin.journal.verify')}
        </button>
      </div>
      <ErrorSummary error={error} />
      <div aria-live="polite">
        {report ? (
          <div className="card" data-testid="journal-report" data-ok={report.ok}>
            <p className={`alert ${report.ok ? 'alert-ok' : 'alert-error'}`} data-testid="journal-result">
              {report.ok ? i18n.t('admin.journal.ok') : i18n.t('admin.journal.bad', { n: i18n.number(report.problems.length) })}
            </p>
            <dl className="facts">
              <dt>{i18n.t('admin.journal.cases')}</dt><dd>{i18n.number(report.cases)}</dd>
              <dt>{i18n.t('admin.journal.acts')}</dt><dd>{i18n.number(report.acts)}</dd>
              <dt>{i18n.t('admin.journal.seals')}</dt><dd>{i18n.number(report.seals)}</dd>
              <dt>{i18n.t('admin.journal.unsealed')}</dt><dd>{i18n.number(report.unsealedActs)}</dd>
              {report.audit ? (
                <>
                  <dt>{i18n.t('audit.journal.events')}</dt><dd data-testid="journal-audit-events">{i18n.number(report.audit.events)}</dd>
                  <dt>{i18n.t('audit.journal.unchained')}</dt><dd>{i18n.number(report.audit.unchained)}</dd>
                  {report.audit.headHash ? <><dt>{i18n.t('audit.journal.head')}</dt><dd><code className="hash">{report.audit.headHash}</code></dd></> : null}
                </>
              ) : null}
              <dt>{i18n.t('admin.journal.seconds')}</dt><dd>{i18n.number(Math.round(report.seconds * 100) / 100)}</dd>
            </dl>
            {report.problems.length > 0 ? (
              <table data-testid="journal-problems">
                <caption>{i18n.t('admin.journal.problems')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{i18n.t('admin.journal.kind')}</th>
                    <th scope="col">{i18n.t('admin.clock.case')}</th>
                    <th scope="col">{i18n.t('admin.journal.where')}</th>
                    <th scope="col">{i18n.t('admin.journal.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p, i) => (
                    <tr key={i}>
                      <th scope="row">{i18n.tx(`admin.journal.kind.${p.kind}`, p.kind)}</th>
                      <td>{p.caseNumber || p.caseId ? <Link href={`~/office/cases/${encodeURIComponent(p.caseNumber ?? p.caseId!)}`}>{p.caseNumber ?? p.caseId!.slice(0, 8)}</Link> : '—'}</td>
                      <td>
                        {p.seq !== undefined ? i18n.t('admin.journal.actSeq', { n: i18n.number(p.seq) }) : null}
                        {p.sealId !== undefined ? i18n.t('admin.journal.sealId', { n: i18n.number(p.sealId) }) : null}
                        {p.eventSeq !== undefined ? i18n.t('audit.journal.eventSeq', { n: i18n.number(p.eventSeq) }) : null}
                      </td>
                      {/* The server's own wording, kept as evidence; the kind column says it in the reader's language. */}
                      <td lang="en" dir="ltr">{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
