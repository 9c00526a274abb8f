// The signed-in officer's worklist: lanes (a right in a state awaiting an act of their role) with
// counts, the cases of the chosen lane, a text filter, "mine only", and taking or releasing a case.
// The filters live in the address, so a lane can be bookmarked and the back button works.
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { api, qs } from '../../api.ts';
import { stateTitle, useProcedures } from '../../features/case/law.ts';
import { useI18n } from '../../i18n/index.tsx';
import { caseTitleText } from '../../ui/names.ts';
import { ErrorSummary, TextField, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { useSession } from '../../ui/session.tsx';

export interface Lane { right: string; state: string; acts: string[]; count: number }
export interface WorkItem {
  id: string; number: string; right: string; state: string; stateTitle: string; title: string | null; filingDate: string | null;
  /** Present once the server reports assignments. */
  assignee?: { id: string; name: string } | null;
}
export interface Worklist { role: string; lanes: Lane[]; total: number; limit: number; offset: number; items: WorkItem[] }

export const laneKey = (l: { right: string; state: string }) => `${l.right}-${l.state}`;

export function WorklistPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const law = useProcedures();
  const [params, setParams] = useSearchParams();
  const right = params.get('right') ?? '';
  const state = params.get('state') ?? '';
  const q = params.get('q') ?? '';
  const mine = params.get('mine') === 'true';
  const [limit, setLimit] = useState(50);
  const [text, setText] = useState(q);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const set = (changes: Record<string, string | null>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
    return next;
  });

  // The text filter follows typing after a pause, not on every key.
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => set({ q: text.trim() || null }), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const { data, error, loading, reload } = useApi<Worklist>(`/worklist${qs({ state: state || undefined, q: q || undefined, mine: mine || undefined, limit })}`);
  // A state can be a lane of several rights (formalities of trademarks and of patents): keep the chosen right's.
  const items = (data?.items ?? []).filter((c) => !right || c.right === right);
  const showAssignee = items.some((c) => c.assignee !== undefined);
  const allCount = (data?.lanes ?? []).reduce((s, l) => s + l.count, 0);

  const assign = useAction(async (number: string, toMe: boolean) => {
    await api(`/cases/${encodeURIComponent(number)}/assignment`, { method: 'POST', body: { toMe } });
    setNotice(i18n.t(toMe ? 'office.worklist.assigned' : 'office.worklist.released', { number }));
    reload();
  });
  useEffect(() => { if (notice) noticeRef.current?.focus(); }, [notice]);

  const laneLabel = (l: { right: string; state: string }) => `${i18n.tx(`right.${l.right}`, l.right)} · ${i18n.law(stateTitle(law, l.right, l.state))}`;

  return (
    <Page title={i18n.t('office.worklist.title')}>
      <div className="worklist">
        <nav className="lanes" aria-labelledby="lanes-heading">
          <h2 id="lanes-heading">{i18n.t('office.worklist.lanes')}</h2>
          <ul>
            <li>
              <button type="button" className="lane" aria-pressed={!state} data-testid="lane-all" onClick={() => set({ state: null, right: null })}>
                <span>{i18n.t('office.worklist.allLanes')}</span>
                <Count n={allCount} tone="badge" />
              </button>
            </li>
            {(data?.lanes ?? []).map((l) => {
              const on = state === l.state && right === l.right;
              return (
                <li key={laneKey(l)}>
                  <button type="button" className={`lane${l.count === 0 ? ' lane-empty' : ''}`} aria-pressed={on} data-testid={`lane-${laneKey(l)}`}
                    onClick={() => set({ state: l.state, right: l.right })}>
                    <span>{laneLabel(l)}</span>
                    <Count n={l.count} tone={l.count ? 'badge badge-warn' : 'badge'} />
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>

        <section className="worklist-main" aria-labelledby="worklist-cases">
          <h2 id="worklist-cases">{state ? laneLabel({ right, state }) : i18n.t('office.worklist.allLanes')}</h2>
          <form className="filters" role="search" onSubmit={(e) => { e.preventDefault(); set({ q: text.trim() || null }); }}>
            <TextField label={i18n.t('office.worklist.filter')} hint={i18n.t('office.worklist.filterHint')} type="search" value={text}
              onChange={(e) => setText(e.target.value)} data-testid="worklist-q" />
            <div className="field field-check">
              <label><input type="checkbox" checked={mine} onChange={(e) => set({ mine: e.target.checked ? 'true' : null })} data-testid="worklist-mine" /> {i18n.t('office.worklist.mine')}</label>
            </div>
          </form>
          {notice ? <p className="alert alert-ok" role="status" tabIndex={-1} ref={noticeRef}>{notice}</p> : null}
          <ErrorSummary error={error ?? assign.error} />
          {loading && !data ? <Loading /> : null}
          {data && items.length === 0 ? <p className="muted" data-testid="worklist-empty">{i18n.t('office.worklist.empty')}</p> : null}
          {items.length ? (
            <table className="worklist-table" data-testid="worklist-table" aria-busy={loading || undefined}>
              <caption className="sr-only">{i18n.t('office.worklist.caption', { count: i18n.number(items.length) })}</caption>
              <thead><tr>
                <th scope="col">{i18n.t('office.worklist.number')}</th>
                <th scope="col">{i18n.t('office.worklist.titleCol')}</th>
                <th scope="col">{i18n.t('office.worklist.state')}</th>
                <th scope="col">{i18n.t('office.worklist.filed')}</th>
                {showAssignee ? <th scope="col">{i18n.t('office.worklist.assignee')}</th> : null}
                <th scope="col">{i18n.t('office.worklist.actions')}</th>
              </tr></thead>
              <tbody>
                {items.map((c) => {
                  const mineCase = !!c.assignee && c.assignee.id === user?.id;
                  return (
                    <tr key={c.id} data-testid={`case-row-${c.number}`} data-state={c.state}>
                      <th scope="row" className="nowrap"><Link href={`/cases/${encodeURIComponent(c.number)}`} data-testid={`case-link-${c.number}`}>{c.number}</Link></th>
                      <td>{c.title ? <span className="mark-text" dir="auto">{caseTitleText(i18n, c.right, c.title)}</span> : '—'}<div className="hint">{i18n.tx(`right.${c.right}`, c.right)}</div></td>
                      <td>{i18n.law(c.stateTitle)}</td>
                      <td>{i18n.date(c.filingDate)}</td>
                      {showAssignee ? <td data-testid={`assignee-${c.number}`}>{c.assignee ? <span dir="auto">{c.assignee.name}</span> : <span className="muted">{i18n.t('office.worklist.unassigned')}</span>}</td> : null}
                      <td><div className="row-actions">
                        {!mineCase ? (
                          <button type="button" className="btn btn-secondary btn-small" disabled={assign.busy} data-testid={`assign-${c.number}`}
                            onClick={() => void assign.run(c.number, true)}>
                            {i18n.t('office.worklist.assign')}<span className="sr-only"> ({c.number})</span>
                          </button>
                        ) : null}
                        {mineCase || c.assignee === undefined || (c.assignee && user?.role === 'admin') ? (
                          <button type="button" className="btn btn-secondary btn-small" disabled={assign.busy} data-testid={`release-${c.number}`}
                            onClick={() => void assign.run(c.number, false)}>
                            {i18n.t('office.worklist.release')}<span className="sr-only"> ({c.number})</span>
                          </button>
                        ) : null}
                      </div></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          {data && data.total > data.items.length && limit < 200 ? (
            <button type="button" className="btn btn-secondary" onClick={() => setLimit((n) => Math.min(n + 50, 200))} data-testid="worklist-more">{i18n.t('office.worklist.showMore')}</button>
          ) : null}
        </section>
      </div>
    </Page>
  );
}

/** A lane's count: the number for the eye, "n cases" for a screen reader. */
function Count({ n, tone }: { n: number; tone: string }) {
  const i18n = useI18n();
  return (
    <span className={tone}>
      <span aria-hidden="true">{i18n.number(n)}</span>
      <span className="sr-only">{i18n.t('office.worklist.laneCount', { count: i18n.number(n) })}</span>
    </span>
  );
}
