// Parts of the electronic dossier shown on case pages: the text OCR read from a scanned document (loaded
// when opened), and what the parties were told of the case (notices, e-mails with every attempt,
// deadline reminders). Shared by the office's and the filing portal's case pages.
import { useState } from 'react';
import { ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary } from '../../ui/forms.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { timeLimitName } from '../../ui/names.ts';
import type { CaseData, CaseDocument } from './types.ts';

/** Documents OCR reads: what came in as a scan or an image. */
const SCANNED = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff']);
export const mayHaveText = (d: CaseDocument) => d.direction === 'incoming' && SCANNED.has(d.media_type ?? '');

interface DocumentTextData {
  status: 'pending' | 'done' | 'failed' | 'not-needed' | 'unsupported' | 'disabled';
  text: string | null; confidence: number | null; note: string | null; languages: string | null;
  pages: { page: number; confidence: number | null; chars: number }[];
}

/** The text read from a scan, fetched when the reader opens it. */
export function DocumentText({ caseId, doc }: { caseId: string; doc: CaseDocument }) {
  const i18n = useI18n();
  const [open, setOpen] = useState(false);
  const { data, error, loading } = useApi<DocumentTextData>(open ? `/cases/${encodeURIComponent(caseId)}/documents/${doc.sha256}/text` : null);
  return (
    <details className="doc-text" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-testid={`doc-text-${doc.sha256.slice(0, 12)}`}>
      <summary>{i18n.t('doc.ocr.summary')}</summary>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="hint" data-status={data.status}>
            {i18n.tx(`doc.ocr.status.${data.status}`, data.status)}
            {data.confidence !== null ? <> · {i18n.t('doc.ocr.confidence', { value: i18n.number(Math.round(data.confidence)) })}</> : null}
            {data.pages.length ? <> · {i18n.t('doc.ocr.pages', { count: i18n.number(data.pages.length) })}</> : null}
          </p>
          {data.text ? <pre className="doc-text-body" dir="auto" lang={data.languages?.startsWith('fra') ? 'fr' : undefined}>{data.text}</pre> : null}
        </>
      ) : null}
    </details>
  );
}

interface CaseNotificationsData {
  mails: { id: string; recipient: string; recipientName: string | null; subject: string; status: 'pending' | 'sent' | 'failed'; attempts: number; createdAt: string; sentAt: string | null; lastError: string | null; nextAttemptAt: string | null }[];
  reminders: { id: string; kind: string; dueOn: string; days: number; officeDate: string }[];
  notices: { id: string }[];
}

/** What the parties were told: e-mails with their delivery, and the deadline reminders made. */
export function CaseNotifications({ case: c }: { case: CaseData }) {
  const i18n = useI18n();
  const { data, error } = useApi<CaseNotificationsData>(`/cases/${encodeURIComponent(c.id)}/notifications`);
  // A viewer who may not see them (the public) gets nothing here rather than an error.
  if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) return null;
  return (
    <section className="case-part card" aria-labelledby="case-notifications" data-testid="case-notifications">
      <div className="case-part-head"><h2 id="case-notifications">{i18n.t('doc.notify.heading')}</h2></div>
      <ErrorSummary error={error} />
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <p className="hint">{i18n.t('doc.notify.notices', { count: i18n.number(data.notices.length) })}</p>
          {data.mails.length === 0 ? <p className="muted">{i18n.t('doc.notify.noMail')}</p> : (
            <div className="table-scroll">
              <table>
                <caption className="sr-only">{i18n.t('doc.notify.mails')}</caption>
                <thead><tr>
                  <th scope="col">{i18n.t('doc.notify.subject')}</th>
                  <th scope="col">{i18n.t('doc.notify.recipient')}</th>
                  <th scope="col">{i18n.t('doc.notify.status')}</th>
                  <th scope="col">{i18n.t('doc.notify.attempts')}</th>
                </tr></thead>
                <tbody>
                  {data.mails.map((m) => (
                    <tr key={m.id} data-testid={`mail-${m.id}`}>
                      <th scope="row"><span dir="auto">{m.subject}</span></th>
                      <td><span dir="ltr">{m.recipient}</span>{m.recipientName ? <div className="hint" dir="auto">{m.recipientName}</div> : null}</td>
                      <td>
                        <span className={m.status === 'sent' ? 'badge badge-ok' : m.status === 'failed' ? 'badge badge-bad' : 'badge badge-warn'}>{i18n.tx(`doc.notify.mail.${m.status}`, m.status)}</span>
                        {m.sentAt ? <div className="hint">{i18n.instant(m.sentAt)}</div> : m.nextAttemptAt && m.status === 'pending' ? <div className="hint">{i18n.t('doc.notify.nextAttempt', { at: i18n.instant(m.nextAttemptAt) })}</div> : null}
                        {m.lastError && m.status !== 'sent' ? <div className="hint" dir="ltr">{m.lastError}</div> : null}
                      </td>
                      <td>{i18n.number(m.attempts)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.reminders.length ? (
            <>
              <h3>{i18n.t('doc.notify.reminders')}</h3>
              <ul data-testid="case-reminders">
                {data.reminders.map((r) => (
                  <li key={r.id}>{i18n.t('doc.notify.reminder', { limit: timeLimitName(i18n, r.kind), due: i18n.date(r.dueOn), days: i18n.number(r.days), on: i18n.date(r.officeDate) })}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
