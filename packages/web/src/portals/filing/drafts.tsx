// Drafts: the list (resume, share, delete) and the entry to a filing form, new or resumed. The form
// stays mounted when its first save turns /file/trademark into /drafts/<id>, so nothing typed is lost.
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { GenericFiling } from './generic.tsx';
import { ALL_RIGHTS, submittedNumber, type Draft, type Right } from './model.ts';
import { SharePanel } from './parts.tsx';
import { PortalNav } from './portfolio.tsx';
import { TrademarkFiling } from './trademark.tsx';

export function Drafts() {
  const i18n = useI18n();
  const { data, error, loading, reload } = useApi<{ items: Draft[] }>('/drafts');
  const [sharing, setSharing] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const del = useAction(async (id: string) => {
    await api(`/drafts/${encodeURIComponent(id)}`, { method: 'DELETE' });
    setConfirm(null); reload();
    document.getElementById('drafts-heading')?.focus();
  });
  const items = data?.items ?? [];
  return (
    <Page title={i18n.t('filing.drafts.title')} actions={<Link href="/file/trademark" className="btn btn-primary" data-testid="file-trademark">{i18n.t('filing.portfolio.fileTrademark')}</Link>}>
      <PortalNav />
      <h2 id="drafts-heading" tabIndex={-1}>{i18n.t('filing.drafts.list')}</h2>
      <ErrorSummary error={error ?? del.error} />
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? <p className="muted" data-testid="drafts-empty">{i18n.t('filing.drafts.empty')}</p> : null}
      {items.length > 0 ? (
        <table data-testid="drafts-table">
          <caption className="sr-only">{i18n.t('filing.drafts.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('filing.drafts.titleCol')}</th>
              <th scope="col">{i18n.t('filing.portfolio.right')}</th>
              <th scope="col">{i18n.t('filing.drafts.updated')}</th>
              <th scope="col">{i18n.t('common.status')}</th>
              <th scope="col"><span className="sr-only">{i18n.t('filing.drafts.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => {
              const submitted = submittedNumber(d);
              return (
                <tr key={d.id} data-testid={`draft-row-${d.id}`}>
                  <th scope="row">
                    {submitted ? <bdi>{d.title || i18n.t('filing.drafts.untitled')}</bdi>
                      : <Link href={`/drafts/${encodeURIComponent(d.id)}`} data-testid={`draft-resume-${d.id}`}><bdi>{d.title || i18n.t('filing.drafts.untitled')}</bdi></Link>}
                  </th>
                  <td>{i18n.tx(`right.${d.right}`, d.right)}</td>
                  <td>{i18n.instant(d.updatedAt)}</td>
                  <td>
                    {submitted ? <>{i18n.t('filing.drafts.submitted')} <Link href={`/cases/${encodeURIComponent(submitted)}`}>{submitted}</Link></>
                      : d.shared ? <span className="badge">{i18n.t('filing.drafts.shared')}</span> : i18n.t('filing.drafts.inProgress')}
                  </td>
                  <td>
                    {!submitted ? (
                      <div className="row-actions">
                        <Link href={`/drafts/${encodeURIComponent(d.id)}`} className="btn btn-secondary btn-small">{i18n.t('filing.drafts.resume')}<span className="sr-only">: {d.title}</span></Link>
                        <button type="button" className="btn btn-secondary btn-small" aria-expanded={sharing === d.id} data-testid={`draft-share-toggle-${d.id}`}
                          onClick={() => setSharing(sharing === d.id ? null : d.id)}>{i18n.t('filing.share.title')}<span className="sr-only">: {d.title}</span></button>
                        {confirm === d.id ? (
                          <span className="confirm" role="group" aria-label={i18n.t('filing.drafts.confirmDelete', { title: d.title })}>
                            <span>{i18n.t('filing.drafts.confirmDelete', { title: d.title })}</span>
                            <button type="button" className="btn btn-danger btn-small" onClick={() => void del.run(d.id)} disabled={del.busy} data-testid={`draft-delete-confirm-${d.id}`} autoFocus>{i18n.t('filing.drafts.delete')}</button>
                            <button type="button" className="btn btn-secondary btn-small" onClick={() => setConfirm(null)}>{i18n.t('common.cancel')}</button>
                          </span>
                        ) : (
                          <button type="button" className="btn btn-danger btn-small" onClick={() => setConfirm(d.id)} data-testid={`draft-delete-${d.id}`}>
                            {i18n.t('filing.drafts.delete')}<span className="sr-only">: {d.title}</span>
                          </button>
                        )}
                      </div>
                    ) : null}
                    {sharing === d.id ? <SharePanel draftId={d.id} shared={d.shared} /> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}

/** A filing form, new (`right`) or resumed from a draft (`draftId`). */
export function FilingEntry({ right, draftId }: { right?: string; draftId?: string }) {
  const i18n = useI18n();
  const [, navigate] = useLocation();
  const [loaded, setLoaded] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  // The draft this form created itself: its URL changes to the draft's, the form carries on.
  const own = useRef<string | null>(null);

  useEffect(() => {
    if (!draftId) {
      if (own.current || loaded) { own.current = null; setLoaded(null); setGeneration((g) => g + 1); }
      return;
    }
    if (draftId === own.current || loaded?.id === draftId) return;
    const ctl = new AbortController();
    setLoadError(null);
    api<Draft>(`/drafts/${encodeURIComponent(draftId)}`, { signal: ctl.signal })
      .then((d) => { own.current = null; setLoaded(d); setGeneration((g) => g + 1); })
      .catch((e) => { if ((e as Error).name !== 'AbortError') setLoadError(e); });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId]);

  const kind = (loaded?.right ?? right ?? 'trademark') as Right;
  const waiting = !!draftId && draftId !== own.current && loaded?.id !== draftId;
  const title = kind === 'trademark' ? i18n.t('filing.tm.title') : i18n.t('filing.generic.title', { right: i18n.tx(`right.${kind}`, kind) });
  const onCreated = (id: string) => { own.current = id; navigate(`/drafts/${encodeURIComponent(id)}`, { replace: true }); };

  if (!ALL_RIGHTS.includes(kind)) {
    return <Page title={i18n.t('common.notFound')}><p>{i18n.t('filing.generic.unknownRight')}</p></Page>;
  }
  const submitted = loaded ? submittedNumber(loaded) : null;
  return (
    <Page title={title}>
      <PortalNav />
      {loadError ? <ErrorSummary error={loadError} /> : waiting ? <Loading /> : submitted ? (
        <p className="alert alert-info">{i18n.t('filing.drafts.alreadySubmitted')} <Link href={`/cases/${encodeURIComponent(submitted)}`}>{submitted}</Link></p>
      ) : kind === 'trademark' ? (
        <TrademarkFiling key={`tm-${generation}`} initial={loaded} onCreated={onCreated} />
      ) : (
        <GenericFiling key={`${kind}-${generation}`} right={kind} initial={loaded} onCreated={onCreated} />
      )}
    </Page>
  );
}
