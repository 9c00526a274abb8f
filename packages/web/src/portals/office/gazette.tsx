// The registrar's gazette: compile the next issue (the cases waiting for a publication act and the acts
// the public must be told), review the draft (take entries out, see what is blocked and why, compile it
// again or discard it), then publish it on its date, which performs the publication acts and freezes
// the issue. Other office roles see the draft as it stands, without the buttons.
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'wouter';
import { api, qs } from '../../api.ts';
import { Dialog } from '../../features/acts/Dialog.tsx';
import { actTitle, useProcedures } from '../../features/case/law.ts';
import { calendarText, EventCode, isolate, sectionTitle, type Calendar, type Issue, type IssueEntry, type IssueList, type Notice } from '../../features/publication/index.tsx';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { caseTitleText } from '../../ui/names.ts';
import { rightName } from '../../ui/rights.ts';
import { useSession } from '../../ui/session.tsx';

interface PublishResult { performed: number; leftOut: { case: string; act: string; code: string; detail: string }[]; issue: Issue }

/** A refusal's reason in the reader's language: the code's message, else the office's own words. */
const reason = (i18n: I18n, code: string, detail: string) => i18n.tx(`error.${code}`, detail);

export function GazettePage() {
  const i18n = useI18n();
  const { user } = useSession();
  const canAct = user?.role === 'registrar';
  const list = useApi<IssueList>(`/gazette/issues${qs({ limit: 6 })}`);
  const calendar = useApi<Calendar>('/gazette/calendar');
  const clock = useApi<{ officeDate: string }>('/admin/clock');
  const open = list.data?.items.find((i) => i.status !== 'published') ?? null;
  const draft = useApi<Issue>(open ? `/gazette/issues/${encodeURIComponent(open.id)}` : null);
  const [published, setPublished] = useState<PublishResult | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const recent = (list.data?.items ?? []).filter((i) => i.status === 'published' && i.number).slice(0, 5);

  const onPublished = (r: PublishResult) => {
    setPublished(r); setNotice(null);
    list.reload();
    setTimeout(() => resultRef.current?.focus(), 0);
  };

  return (
    <Page title={i18n.t('pub.office.title')} actions={<Link href="~/register/gazette" className="btn btn-secondary" data-testid="office-gazette-public">{i18n.t('pub.office.public')}</Link>}>
      {notice ? <p className="alert alert-ok" role="status" data-testid="gazette-notice">{notice.say(i18n)}</p> : null}
      {published ? <PublishedResult result={published} headingRef={resultRef} /> : null}
      <ErrorSummary error={list.error ?? draft.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && !open ? (
        <NoDraft calendar={calendar.data} canAct={canAct} onCompiled={() => { setPublished(null); setNotice({ say: (t) => t.t('pub.office.compiled') }); list.reload(); }} />
      ) : null}
      {open && draft.loading && !draft.data ? <Loading /> : null}
      {open && draft.data ? (
        <Draft issue={draft.data} today={clock.data?.officeDate ?? null} canAct={canAct}
          onChanged={(issue, message) => { draft.setData(issue); setNotice(message); if (issue.date !== open.date) list.reload(); }}
          onDiscarded={() => { setNotice({ say: (t) => t.t('pub.office.discarded') }); list.reload(); }}
          onPublished={onPublished} />
      ) : null}

      {recent.length > 0 ? (
        <section aria-labelledby="gazette-recent-h">
          <h2 id="gazette-recent-h">{i18n.t('pub.office.recent')}</h2>
          <ul className="issue-list">
            {recent.map((i) => (
              <li key={i.id}>
                <Link href={`~/register/gazette/${encodeURIComponent(i.number!)}`}>{i18n.t('pub.issue.title', { number: i.number! })}</Link>
                <span className="muted"> · <time dateTime={i.date}>{i18n.date(i.date)}</time> · {i18n.t('pub.issue.entryCount', { count: i18n.number(i.entryCount ?? 0) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}

/** No open issue: the next dates of the calendar and, for the registrar, compiling one. */
function NoDraft({ calendar, canAct, onCompiled }: { calendar: Calendar | null; canAct: boolean; onCompiled(): void }) {
  const i18n = useI18n();
  const next = calendar?.nextIssues ?? [];
  const compile = useAction(async (body: { date?: string; extraordinary?: boolean }) => {
    await api<Issue>('/gazette/issues', { method: 'POST', body });
    onCompiled();
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const date = String(f.get('date') ?? '').trim();
    void compile.run({ ...(date ? { date } : {}), ...(f.get('extraordinary') ? { extraordinary: true } : {}) });
  };
  return (
    <section className="card" aria-labelledby="gazette-next-h" data-testid="gazette-no-draft">
      <h2 id="gazette-next-h">{i18n.t('pub.office.next')}</h2>
      <p>{i18n.t('pub.office.noDraft')}</p>
      {next.length > 0 ? (
        <>
          <p className="hint">{calendarText(i18n, calendar!)}</p>
          <ol className="inline-list next-issues" data-testid="gazette-next-dates">
            {next.map((d) => <li key={d}><time dateTime={d}>{i18n.date(d)}</time></li>)}
          </ol>
        </>
      ) : null}
      {canAct ? (
        <form className="form admin-form compile-form" onSubmit={submit} noValidate key={next[0] ?? ''} aria-labelledby="gazette-compile-h">
          <h3 id="gazette-compile-h">{i18n.t('pub.office.compileTitle')}</h3>
          <ErrorSummary error={compile.error} />
          <div className="admin-form-grid">
            <TextField name="date" type="date" label={i18n.t('pub.office.date')} defaultValue={next[0] ?? ''} hint={i18n.t('pub.office.dateHint')} data-testid="gazette-compile-date" />
          </div>
          <label className="check">
            <input type="checkbox" name="extraordinary" value="true" data-testid="gazette-compile-extraordinary" />
            {i18n.t('pub.office.extraordinary')}
          </label>
          <p className="hint">{i18n.t('pub.office.extraordinaryHint')}</p>
          <div className="btn-row"><SubmitButton busy={compile.busy} data-testid="gazette-compile">{i18n.t('pub.office.compile')}</SubmitButton></div>
        </form>
      ) : <p className="hint" data-testid="gazette-read-only">{i18n.t('pub.office.readOnly')}</p>}
    </section>
  );
}

interface DraftProps {
  issue: Issue; today: string | null; canAct: boolean;
  onChanged(issue: Issue, message: Notice): void; onDiscarded(): void; onPublished(r: PublishResult): void;
}

/** The open issue: what it holds, what is blocked, and the registrar's buttons. */
function Draft({ issue, today, canAct, onChanged, onDiscarded, onPublished }: DraftProps) {
  const i18n = useI18n();
  const law = useProcedures();
  const editable = canAct && issue.status === 'draft';
  const entries = issue.sections.flatMap((s) => s.entries);
  const pending = entries.filter((e) => e.status === 'pending').length;
  // A draft is published on its date; a publication stopped half-way is finished whenever it is resumed.
  const publishable = issue.status === 'publishing' || (today !== null && issue.date === today);
  const [publishing, setPublishing] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const publishButton = useRef<HTMLButtonElement>(null);

  const takeOut = useAction(async (e: IssueEntry) => {
    const r = await api<Issue>(`/gazette/issues/${encodeURIComponent(issue.id)}/entries/${encodeURIComponent(e.id)}`, { method: 'DELETE' });
    onChanged(r, { say: (t) => t.t('pub.office.takenOut', { number: isolate(e.caseNumber) }) });
    document.getElementById('gazette-draft-h')?.focus();
  });
  const recompile = useAction(async (body: { date?: string; extraordinary?: boolean }) => {
    const r = await api<Issue>(`/gazette/issues/${encodeURIComponent(issue.id)}/compile`, { method: 'POST', body });
    onChanged(r, { say: (t) => t.t('pub.office.recompiled', { date: t.date(r.date) }) });
  });
  const discard = useAction(async () => {
    await api(`/gazette/issues/${encodeURIComponent(issue.id)}`, { method: 'DELETE' });
    onDiscarded();
  });
  const publish = useAction(async () => {
    const r = await api<PublishResult>(`/gazette/issues/${encodeURIComponent(issue.id)}/publish`, { method: 'POST' });
    setPublishing(false);
    onPublished(r);
  });
  const actionError = takeOut.error ?? recompile.error ?? discard.error;

  return (
    <section aria-labelledby="gazette-draft-h" data-testid="gazette-draft" data-status={issue.status}>
      <h2 id="gazette-draft-h" tabIndex={-1}>{i18n.t(issue.status === 'draft' ? 'pub.office.draftOf' : 'pub.office.publishingOf', { date: i18n.date(issue.date) })}</h2>
      <div className="card">
        <dl className="facts">
          <dt>{i18n.t('pub.issue.date')}</dt><dd><time dateTime={issue.date} data-testid="gazette-draft-date">{i18n.date(issue.date)}</time></dd>
          <dt>{i18n.t('common.status')}</dt><dd>{i18n.t(issue.status === 'draft' ? 'pub.status.draft' : 'pub.status.publishing')}</dd>
          <dt>{i18n.t('pub.office.compiledBy')}</dt>
          <dd>{i18n.t('pub.office.compiledByValue', { name: isolate(issue.compiledBy?.name || '—'), at: isolate(i18n.instant(issue.compiledAt)) })}</dd>
          <dt>{i18n.t('pub.issue.entries')}</dt>
          <dd data-testid="gazette-draft-count">{i18n.t('pub.office.counts', { total: i18n.number(entries.length), pending: i18n.number(pending) })}</dd>
        </dl>
        {!publishable && today ? <p className="alert alert-info" data-testid="gazette-not-today">{i18n.t('pub.office.notToday', { date: i18n.date(issue.date), today: i18n.date(today) })}</p> : null}
        {issue.lastError?.code ? (
          <p className="alert alert-error" data-code={issue.lastError.code}>{i18n.tx(`error.${issue.lastError.code}`, String(issue.lastError.code))}</p>
        ) : null}
        <ErrorSummary error={actionError} />
        {canAct ? (
          <div className="btn-row gazette-actions">
            <button ref={publishButton} type="button" className="btn btn-primary" disabled={!publishable || publish.busy}
              onClick={() => { publish.setError(null); setPublishing(true); }} data-testid="gazette-publish">{i18n.t('pub.office.publish')}</button>
            {editable ? (
              <button type="button" className="btn btn-secondary" disabled={recompile.busy} aria-busy={recompile.busy || undefined}
                onClick={() => void recompile.run({})} data-testid="gazette-recompile">{recompile.busy ? i18n.t('common.working') : i18n.t('pub.office.recompile')}</button>
            ) : null}
            {editable ? (confirmDiscard ? (
              <span className="confirm" role="group" aria-label={i18n.t('pub.office.confirmDiscard')}>
                <span>{i18n.t('pub.office.confirmDiscard')}</span>
                <button type="button" className="btn btn-danger btn-small" autoFocus disabled={discard.busy} onClick={() => void discard.run()} data-testid="gazette-discard-confirm">{i18n.t('pub.office.discard')}</button>
                <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirmDiscard(false)}>{i18n.t('common.cancel')}</button>
              </span>
            ) : (
              <button type="button" className="btn btn-danger" onClick={() => setConfirmDiscard(true)} data-testid="gazette-discard">{i18n.t('pub.office.discard')}</button>
            )) : null}
          </div>
        ) : <p className="hint" data-testid="gazette-read-only">{i18n.t('pub.office.readOnly')}</p>}
        {editable ? <OtherDate issueDate={issue.date} busy={recompile.busy} onSubmit={(body) => void recompile.run(body)} /> : null}
      </div>

      {entries.length === 0 ? <p className="muted" data-testid="gazette-draft-empty">{i18n.t('pub.office.emptyDraft')}</p> : null}
      {issue.sections.filter((s) => s.entries.length > 0).map((s) => (
        <section key={s.section} aria-labelledby={`draft-${s.section}-h`} data-testid={`draft-section-${s.section}`}>
          <h3 id={`draft-${s.section}-h`}>{sectionTitle(i18n, s.section, s.title)}</h3>
          <div className="table-scroll">
            <table className="entries-table" aria-labelledby={`draft-${s.section}-h`}>
              <thead>
                <tr>
                  <th scope="col">{i18n.t('register.col.number')}</th>
                  <th scope="col">{i18n.t('register.col.title')}</th>
                  <th scope="col">{i18n.t('pub.entry.act')}</th>
                  <th scope="col">{i18n.t('pub.entry.event')}</th>
                  <th scope="col">{i18n.t('pub.entry.when')}</th>
                  {editable ? <th scope="col"><span className="sr-only">{i18n.t('pub.office.takeOut')}</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {s.entries.map((e) => (
                  <tr key={e.id} data-testid={`draft-entry-${e.caseNumber}`} data-status={e.status}>
                    <th scope="row">
                      <Link href={`/cases/${encodeURIComponent(e.caseNumber)}`}>{e.caseNumber}</Link>
                      <div className="hint">{rightName(i18n, e.right)}</div>
                    </th>
                    <td>{e.title ? <span className="mark-text" dir="auto">{caseTitleText(i18n, e.right, e.title)}</span> : <span className="muted">{i18n.t('register.untitled')}</span>}</td>
                    <td>{i18n.law(e.actTitle)}</td>
                    <td><EventCode event={e.event} /></td>
                    <td>
                      {e.status === 'pending'
                        ? <span className="badge badge-warn">{i18n.t(e.performer === 'system' ? 'pub.entry.pendingSystem' : 'pub.entry.pendingRegistrar')}</span>
                        : <>{i18n.t('pub.entry.recorded')} <time dateTime={e.officeDate ?? undefined}>{i18n.date(e.officeDate)}</time></>}
                    </td>
                    {editable ? (
                      <td>
                        <button type="button" className="btn btn-secondary btn-small nowrap" disabled={takeOut.busy} onClick={() => void takeOut.run(e)} data-testid={`take-out-${e.caseNumber}`}>
                          {i18n.t('pub.office.takeOut')}<span className="sr-only">: {e.caseNumber}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}

      {issue.blocked && issue.blocked.length > 0 ? (
        <section aria-labelledby="draft-blocked-h" data-testid="gazette-blocked">
          <h3 id="draft-blocked-h">{i18n.t('pub.office.blocked')}</h3>
          <p className="hint">{i18n.t('pub.office.blockedHint')}</p>
          <div className="table-scroll">
            <table className="entries-table" aria-labelledby="draft-blocked-h">
              <thead>
                <tr>
                  <th scope="col">{i18n.t('register.col.number')}</th>
                  <th scope="col">{i18n.t('pub.entry.act')}</th>
                  <th scope="col">{i18n.t('pub.office.why')}</th>
                </tr>
              </thead>
              <tbody>
                {issue.blocked.map((b) => (
                  <tr key={`${b.caseId}-${b.act}`} data-testid={`blocked-${b.number}`}>
                    <th scope="row"><Link href={`/cases/${encodeURIComponent(b.number)}`}>{b.number}</Link><div className="hint">{rightName(i18n, b.right)}</div></th>
                    <td>{i18n.law(actTitle(law, b.right, b.act))}</td>
                    <td data-code={b.code}>{reason(i18n, b.code, b.detail)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <Dialog open={publishing} title={i18n.t('pub.office.publishTitle', { date: i18n.date(issue.date) })} onClose={() => { if (!publish.busy) setPublishing(false); }}
        returnFocus={publishButton.current} testid="gazette-publish-dialog">
        <form className="form" onSubmit={(e) => { e.preventDefault(); void publish.run(); }}>
          <p>{i18n.t('pub.office.publishActs', { pending: i18n.number(pending), total: i18n.number(entries.length) })}</p>
          <p>{i18n.t('pub.office.publishFreeze')}</p>
          <ErrorSummary error={publish.error} />
          {publish.busy ? <p className="hint" role="status">{i18n.t('pub.office.publishingWait')}</p> : null}
          <div className="btn-row">
            <SubmitButton busy={publish.busy} data-testid="gazette-publish-confirm">{i18n.t('pub.office.publishConfirm')}</SubmitButton>
            <button type="button" className="btn btn-secondary" disabled={publish.busy} onClick={() => setPublishing(false)}>{i18n.t('common.cancel')}</button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

/** Compiling the draft again for another date (an extraordinary one if the calendar has no issue that day). */
function OtherDate({ issueDate, busy, onSubmit }: { issueDate: string; busy: boolean; onSubmit(body: { date: string; extraordinary?: boolean }): void }) {
  const i18n = useI18n();
  return (
    <details className="admin-schedule">
      <summary>{i18n.t('pub.office.otherDate')}</summary>
      <form className="form compile-form" noValidate onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const date = String(f.get('date') ?? '').trim();
        if (date) onSubmit({ date, ...(f.get('extraordinary') ? { extraordinary: true } : {}) });
      }}>
        <div className="admin-form-grid">
          <TextField name="date" type="date" label={i18n.t('pub.office.date')} defaultValue={issueDate} required data-testid="gazette-recompile-date" />
        </div>
        <label className="check"><input type="checkbox" name="extraordinary" value="true" /> {i18n.t('pub.office.extraordinary')}</label>
        <div className="btn-row"><SubmitButton busy={busy} className="btn btn-secondary">{i18n.t('pub.office.recompileFor')}</SubmitButton></div>
      </form>
    </details>
  );
}

/** What publishing did: the acts performed, the entries left out and why, and where the public reads the issue. */
function PublishedResult({ result, headingRef }: { result: PublishResult; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const i18n = useI18n();
  const law = useProcedures();
  const number = result.issue.number ?? '';
  // The issue as the office reads it names each left-out case's right (for the act's title).
  const leftOut = result.issue.leftOut ?? result.leftOut.map((l) => ({ caseNumber: l.case, right: '', act: l.act, code: l.code, detail: l.detail }));
  return (
    <section className="card alert-ok-card" aria-labelledby="gazette-published-h" data-testid="gazette-published">
      <h2 id="gazette-published-h" ref={headingRef} tabIndex={-1}>{i18n.t('pub.office.published', { number })}</h2>
      <p data-testid="gazette-performed">{i18n.t('pub.office.performed', { count: i18n.number(result.performed), entries: i18n.number(result.issue.entryCount ?? 0) })}</p>
      {leftOut.length > 0 ? (
        <>
          <h3>{i18n.t('pub.office.leftOut')}</h3>
          <ul data-testid="gazette-left-out">
            {leftOut.map((l) => (
              <li key={`${l.caseNumber}-${l.act}`} data-code={l.code}>
                <Link href={`/cases/${encodeURIComponent(l.caseNumber)}`}>{l.caseNumber}</Link>{' · '}{i18n.law(actTitle(law, l.right, l.act))}
                {': '}{reason(i18n, l.code, l.detail)}
              </li>
            ))}
          </ul>
        </>
      ) : <p className="hint">{i18n.t('pub.office.noneLeftOut')}</p>}
      <p><Link href={`~/register/gazette/${encodeURIComponent(number)}`} className="btn btn-primary" data-testid="gazette-public-issue">{i18n.t('pub.office.openPublic', { number })}</Link></p>
    </section>
  );
}
