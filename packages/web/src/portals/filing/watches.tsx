// Watches on marks: the filer's watches (the mark, its classes, the threshold, how many published marks it
// found), ending one after a confirmation, and one watch's page with the marks it found and the reasons.
// A watch is started from a similar-mark search in the register.
import { useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../api.ts';
import { classList, HitsTable, isolate, percent, similarHref, type SimilarHit } from '../../features/similar/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApi } from '../../ui/data.ts';
import { ErrorSummary, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { PortalNav } from './portfolio.tsx';

interface Watch {
  id: string; markText: string; niceClasses: number[]; threshold: number; label: string | null; createdAt: string;
  /** In the list: how many published marks it found. */
  hits?: number;
}
interface WatchWithHits extends Omit<Watch, 'hits'> { hits: SimilarHit[] }

const watchHref = (id: string) => `/watches/${encodeURIComponent(id)}`;

export function WatchesPage() {
  const i18n = useI18n();
  const { data, error, loading, reload } = useApi<{ items: Watch[] }>('/watches');
  const [ended, setEnded] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const items = data?.items ?? [];
  return (
    <Page title={i18n.t('watch.title')} actions={<Link href="~/register/similar" className="btn btn-primary" data-testid="watch-new">{i18n.t('watch.search')}</Link>}>
      <PortalNav />
      <p className="register-intro">{i18n.t('watch.intro')}</p>
      {ended ? <p className="alert alert-ok" role="status" data-testid="watch-ended">{i18n.t('watch.ended', { mark: isolate(ended) })}</p> : null}
      <h2 id="watches-h" ref={heading} tabIndex={-1}>{i18n.t('watch.list')}</h2>
      <ErrorSummary error={error} />
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? <p className="muted" data-testid="watches-empty">{i18n.t('watch.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="watches-table">
            <caption className="sr-only">{i18n.t('watch.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('similar.col.mark')}</th>
                <th scope="col">{i18n.t('similar.col.classes')}</th>
                <th scope="col" className="num">{i18n.t('watch.col.threshold')}</th>
                <th scope="col" className="num">{i18n.t('watch.col.found')}</th>
                <th scope="col">{i18n.t('watch.col.since')}</th>
                <th scope="col"><span className="sr-only">{i18n.t('watch.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={w.id} data-testid={`watch-row-${w.id}`}>
                  <th scope="row">
                    <span className="mark-text" dir="auto" data-testid="watch-mark">{w.markText}</span>
                    {w.label ? <div className="hint" dir="auto">{w.label}</div> : null}
                  </th>
                  <td>{w.niceClasses.length ? classList(i18n, w.niceClasses) : i18n.t('similar.allClasses')}</td>
                  <td className="num">{percent(i18n, w.threshold)}</td>
                  <td className="num" data-testid="watch-found">{i18n.number(w.hits ?? 0)}</td>
                  <td>{i18n.instant(w.createdAt)}</td>
                  <td>
                    <div className="row-actions">
                      <Link href={watchHref(w.id)} className="btn btn-secondary btn-small" data-testid={`watch-see-${w.id}`}>
                        {i18n.t('watch.see')}<span className="sr-only">: {w.markText}</span>
                      </Link>
                      <EndWatch watch={w} compact onEnded={() => { setEnded(w.markText); reload(); heading.current?.focus(); }} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}

/** Ending a watch, after a confirmation: what it found stays recorded, it reports nothing new. */
function EndWatch({ watch, compact, onEnded }: { watch: Watch | WatchWithHits; compact?: boolean; onEnded(): void }) {
  const i18n = useI18n();
  const [confirming, setConfirming] = useState(false);
  const small = compact ? ' btn-small' : '';
  const end = useAction(async () => {
    await api(watchHref(watch.id), { method: 'DELETE' });
    setConfirming(false);
    onEnded();
  });
  const question = i18n.t('watch.confirmEnd', { mark: isolate(watch.markText) });
  return (
    <>
      {confirming ? (
        <span className="confirm" role="group" aria-label={question}>
          <span>{question}</span>
          <button type="button" className={`btn btn-danger${small}`} autoFocus disabled={end.busy} onClick={() => void end.run()} data-testid={`watch-end-confirm-${watch.id}`}>{i18n.t('watch.end')}</button>
          <button type="button" className={`btn btn-secondary${small}`} onClick={() => setConfirming(false)} data-testid={`watch-end-cancel-${watch.id}`}>{i18n.t('common.cancel')}</button>
        </span>
      ) : (
        <button type="button" className={`btn btn-danger${small}`} onClick={() => setConfirming(true)} data-testid={`watch-end-${watch.id}`}>
          {i18n.t('watch.end')}<span className="sr-only">: {watch.markText}</span>
        </button>
      )}
      <ErrorSummary error={end.error} />
    </>
  );
}

/** One watch: what it watches, and the published marks it found with the reasons. */
export function WatchPage({ id }: { id: string }) {
  const i18n = useI18n();
  const [, navigate] = useLocation();
  const { data: w, error, loading } = useApi<WatchWithHits>(watchHref(id));
  const back = <Link href="/watches" className="btn btn-secondary" data-testid="watch-back">{i18n.t('watch.back')}</Link>;
  if (loading && !w) return <Loading />;
  if (!w) {
    return (
      <Page title={i18n.t('watch.title')} actions={back}>
        <PortalNav />
        <ErrorSummary error={error} />
      </Page>
    );
  }
  return (
    <Page title={i18n.t('watch.one', { mark: isolate(w.markText) })} actions={back}>
      <PortalNav />
      <section className="card" aria-labelledby="watch-facts-h">
        <h2 id="watch-facts-h">{i18n.t('watch.about')}</h2>
        <dl className="facts">
          <dt>{i18n.t('similar.col.mark')}</dt><dd><span className="mark-text" dir="auto" data-testid="watch-mark">{w.markText}</span></dd>
          <dt>{i18n.t('similar.col.classes')}</dt><dd>{w.niceClasses.length ? classList(i18n, w.niceClasses) : i18n.t('similar.allClasses')}</dd>
          <dt>{i18n.t('watch.col.threshold')}</dt><dd data-testid="watch-threshold-value">{percent(i18n, w.threshold)}</dd>
          {w.label ? <><dt>{i18n.t('watch.label')}</dt><dd dir="auto">{w.label}</dd></> : null}
          <dt>{i18n.t('watch.col.since')}</dt><dd>{i18n.instant(w.createdAt)}</dd>
        </dl>
        <div className="row-actions watch-actions">
          <Link href={similarHref({ text: w.markText, classes: w.niceClasses })} className="btn btn-secondary" data-testid="watch-search-now">{i18n.t('watch.searchNow')}</Link>
          <EndWatch watch={w} onEnded={() => navigate('/watches')} />
        </div>
      </section>
      <section aria-labelledby="watch-found-h">
        <h2 id="watch-found-h">{i18n.t('watch.found')}</h2>
        <p role="status" className="register-count" data-testid="watch-found-count">
          {w.hits.length ? i18n.t('watch.foundCount', { count: i18n.number(w.hits.length) }) : i18n.t('watch.noneFound')}
        </p>
        {w.hits.length > 0 ? (
          <HitsTable hits={w.hits} found caption={i18n.t('watch.foundCaption', { mark: w.markText })}
            caseHref={(h) => `~/register/cases/${encodeURIComponent(h.applicationNumber)}`} />
        ) : null}
      </section>
    </Page>
  );
}
