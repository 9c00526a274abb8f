// Similar marks: the marks of the register most likely to be confused with a given one, ranked, each with
// the reasons in the reader's language. The criteria live in the address (?text=&classes=9,42&dead=1) so
// a result can be bookmarked and shared. The API decides what the reader sees: the public and filers the
// published marks, office staff also applications not yet published. A signed-in filer can watch the mark.
import { useEffect, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, ApiError } from '../../api.ts';
import { classList, HitsTable, isolate, parseClasses, percent, similarHref, type SimilarHit } from '../../features/similar/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ErrorSummary, fieldMessage, SelectField, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { isOffice, useSession } from '../../ui/session.tsx';
import { RegisterNav } from './nav.tsx';

const LIMIT = 50;
/** The thresholds a watch offers, the office's default first among equals. */
const THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const DEFAULT_THRESHOLD = 0.75;

interface Criteria { text: string; classesText: string; classes: number[] | null; dead: boolean }
interface SearchAnswer { hits: SimilarHit[]; query: { latin: string; scripts: string[]; niceClasses: number[] } }

function readCriteria(search: string): Criteria {
  const p = new URLSearchParams(search);
  const classesText = p.get('classes') ?? '';
  return { text: (p.get('text') ?? '').trim(), classesText, classes: parseClasses(classesText), dead: p.get('dead') === '1' };
}

/**
 * The search of the address, run again whenever the address or the signed-in user changes (`who` is empty
 * until the session is known, so staff never see the public's results first).
 */
function useSimilar(crit: Criteria, who: string) {
  const [state, setState] = useState<{ data: SearchAnswer | null; error: unknown; loading: boolean }>({ data: null, error: null, loading: false });
  const ready = !!crit.text && crit.classes !== null && who !== '';
  const key = JSON.stringify([crit.text, crit.classes, crit.dead, who]);
  useEffect(() => {
    if (!ready) { setState({ data: null, error: null, loading: false }); return; }
    const ctl = new AbortController();
    setState((s) => ({ ...s, error: null, loading: true }));
    api<SearchAnswer>('/search/trademarks', {
      method: 'POST', signal: ctl.signal,
      body: { text: crit.text, limit: LIMIT, ...(crit.classes?.length ? { niceClasses: crit.classes } : {}), ...(crit.dead ? { includeDead: true } : {}) },
    })
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((e) => { if ((e as Error).name !== 'AbortError') setState({ data: null, error: e, loading: false }); });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}

export default function SimilarPage() {
  const i18n = useI18n();
  const { user, ready: sessionReady } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const crit = readCriteria(search);
  const staff = isOffice(user);
  const answer = useSimilar(crit, sessionReady ? user?.id ?? '-' : '');
  const { data, error } = answer;
  const loading = answer.loading || (!!crit.text && crit.classes !== null && !sessionReady);
  // What the visitor typed and the form refused before asking the office.
  const [local, setLocal] = useState<{ text?: string; classes?: string }>({});
  useEffect(() => { setLocal({}); }, [search]);
  const searched = !!(crit.text || crit.classesText || crit.dead);
  const classesError = local.classes ?? (crit.classes === null ? i18n.t('similar.classesInvalid') : undefined) ?? fieldMessage(i18n, error, '/niceClasses');
  const textError = local.text ?? fieldMessage(i18n, error, '/text');
  const apiError = error instanceof ApiError && error.code === 'VALIDATION_FAILED' && (classesError || textError) ? null : error;

  return (
    <Page title={i18n.t('similar.title')} actions={<RegisterNav current="similar" />}>
      <p className="register-intro">{i18n.t('similar.intro')}</p>
      {staff ? <p className="alert alert-info" data-testid="similar-staff-note">{i18n.t('similar.staffNote')}</p> : null}
      {/* Keyed by the address so the fields follow back/forward navigation. */}
      <form key={search} role="search" aria-label={i18n.t('similar.form')} className="register-search similar-search" noValidate onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = String(f.get('text') ?? '').trim();
        const classesText = String(f.get('classes') ?? '');
        const classes = parseClasses(classesText);
        const checks = { text: text ? undefined : i18n.t('similar.textRequired'), classes: classes === null ? i18n.t('similar.classesInvalid') : undefined };
        setLocal(checks);
        if (checks.text) { document.getElementById('similar-text')?.focus(); return; }
        if (checks.classes) { document.getElementById('similar-classes')?.focus(); return; }
        navigate(similarHref({ text, classes: classes ?? [], dead: f.get('dead') === '1' }));
      }}>
        <TextField id="similar-text" name="text" type="search" label={i18n.t('similar.text')} hint={i18n.t('similar.textHint')} defaultValue={crit.text}
          maxLength={500} dir="auto" autoComplete="off" spellCheck={false} error={textError} data-testid="similar-text" />
        <TextField id="similar-classes" name="classes" label={i18n.t('similar.classes')} hint={i18n.t('similar.classesHint')} defaultValue={crit.classesText}
          maxLength={200} autoComplete="off" spellCheck={false} error={classesError} data-testid="similar-classes" />
        <div className="field field-check similar-dead">
          <label><input type="checkbox" name="dead" value="1" defaultChecked={crit.dead} data-testid="similar-dead" /> {i18n.t('similar.dead')}</label>
        </div>
        <div className="register-search-actions">
          <button type="submit" className="btn btn-primary" data-testid="similar-search">{i18n.t('similar.search')}</button>
          {searched ? <Link href="~/register/similar" className="btn btn-secondary" data-testid="similar-clear">{i18n.t('similar.clear')}</Link> : null}
        </div>
      </form>

      <h2 id="similar-results-heading">{i18n.t('similar.results')}</h2>
      <ErrorSummary error={apiError} />
      {/* Announced to screen readers whenever a search brings new results. */}
      <p role="status" className="register-count" data-testid="similar-count">
        {loading ? i18n.t('common.loading')
          : data ? (data.hits.length ? i18n.t('similar.count', { count: i18n.number(data.hits.length) }) : i18n.t('similar.none'))
            : !crit.text && !error ? i18n.t('similar.prompt') : ''}
      </p>
      {loading && !data ? <Loading /> : null}
      {data && data.hits.length > 0 ? (
        <HitsTable hits={data.hits} busy={loading} caption={i18n.t('similar.caption', { mark: crit.text })}
          caseHref={(h) => staff ? `~/office/cases/${encodeURIComponent(h.applicationNumber)}` : `~/register/cases/${encodeURIComponent(h.applicationNumber)}`} />
      ) : null}
      {data && crit.text && crit.classes ? <WatchPanel key={`watch:${search}`} markText={crit.text} classes={crit.classes} /> : null}
    </Page>
  );
}

/** Watching the searched mark: a signed-in filer chooses a threshold; a visitor is asked to sign in. */
function WatchPanel({ markText, classes }: { markText: string; classes: number[] }) {
  const i18n = useI18n();
  const { user } = useSession();
  const search = useSearch();
  const [created, setCreated] = useState<{ id: string; markText: string } | null>(null);
  const { run, busy, error } = useAction(async (threshold: number, label: string) => {
    const w = await api<{ id: string; markText: string }>('/watches', {
      method: 'POST', body: { markText, threshold, ...(classes.length ? { niceClasses: classes } : {}), ...(label ? { label } : {}) },
    });
    setCreated(w);
  });
  if (isOffice(user)) return null;
  const scope = classes.length ? i18n.t('similar.watch.scopeClasses', { classes: classList(i18n, classes) }) : i18n.t('similar.watch.scopeAll');
  return (
    <section className="card watch-panel" aria-labelledby="watch-panel-h" data-testid="watch-panel">
      <h2 id="watch-panel-h">{i18n.t('similar.watch.title')}</h2>
      <p>{i18n.t('similar.watch.intro', { mark: isolate(markText) })} {scope}</p>
      {!user ? (
        <p>
          <Link href={`~/login?next=${encodeURIComponent(`/register/similar${search ? `?${search}` : ''}`)}`} className="btn btn-secondary" data-testid="watch-sign-in">
            {i18n.t('similar.watch.signIn')}
          </Link>
          <span className="hint"> {i18n.t('similar.watch.signInHint')}</span>
        </p>
      ) : created ? (
        <div className="alert alert-ok" role="status" data-testid="watch-created">
          {i18n.t('similar.watch.created', { mark: isolate(created.markText) })}{' '}
          <Link href={`~/portal/watches/${encodeURIComponent(created.id)}`} data-testid="watch-open">{i18n.t('similar.watch.open')}</Link>
          {' · '}
          <Link href="~/portal/watches" data-testid="watch-all">{i18n.t('similar.watch.all')}</Link>
        </div>
      ) : (
        <form className="form watch-form" noValidate onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void run(Number(f.get('threshold') ?? DEFAULT_THRESHOLD), String(f.get('label') ?? '').trim());
        }}>
          <ErrorSummary error={error} />
          <SelectField name="threshold" label={i18n.t('similar.watch.threshold')} hint={i18n.t('similar.watch.thresholdHint')} defaultValue={String(DEFAULT_THRESHOLD)} data-testid="watch-threshold">
            {THRESHOLDS.map((t) => (
              <option key={t} value={String(t)}>{t === DEFAULT_THRESHOLD ? i18n.t('similar.watch.recommended', { percent: percent(i18n, t) }) : percent(i18n, t)}</option>
            ))}
          </SelectField>
          <TextField name="label" label={i18n.t('similar.watch.label')} hint={i18n.t('similar.watch.labelHint')} maxLength={200} dir="auto" data-testid="watch-label" />
          <div className="btn-row"><SubmitButton busy={busy} data-testid="watch-submit">{i18n.t('similar.watch.submit')}</SubmitButton></div>
        </form>
      )}
    </section>
  );
}
