// One act on many cases of a lane (e.g. publish every accepted trademark). Sent in chunks of ten so
// the officer sees progress and a refusal of one case never holds up the others; the result of each
// case is listed with the office's reason in the user's language.
import { useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, ApiError, qs } from '../../api.ts';
import { emptyValue, hasFields, payloadOf, SchemaForm } from '../../features/acts/SchemaForm.tsx';
import { actTitle, stateTitle, useProcedures } from '../../features/case/law.ts';
import type { ProceduresResponse } from '../../features/case/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { caseTitleText } from '../../ui/names.ts';
import { ErrorSummary, Progress, SelectField, useAction } from '../../ui/forms.tsx';
import { Loading, Page } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
import { laneKey, type Worklist } from './worklist.tsx';

const CHUNK = 10;

type BulkResult = { case: string; ok: boolean; number?: string; state?: string; code?: string; detail?: string };

/** The payload schema of an act of a right (the same act has the same schema in every version in force). */
function schemaOf(law: ProceduresResponse | null, right: string, act: string) {
  for (const f of law?.items ?? []) for (const p of f.procedures) if (p.right === right && p.acts[act]) return p.acts[act].payloadSchema;
  return null;
}

export function BulkPage() {
  const i18n = useI18n();
  const law = useProcedures();
  const lanesQ = useApi<Worklist>('/worklist?limit=1');
  const [lane, setLane] = useState('');
  const current = lanesQ.data?.lanes.find((l) => laneKey(l) === lane) ?? null;
  const casesQ = useApi<Worklist>(current ? `/worklist${qs({ state: current.state, right: current.right, limit: 200 })}` : null);
  const cases = useMemo(() => (casesQ.data?.items ?? []).filter((c) => c.right === current?.right), [casesQ.data, current]);
  const [act, setAct] = useState('');
  const chosenAct = current && current.acts.includes(act) ? act : current?.acts[0] ?? '';
  const schema = current && chosenAct ? schemaOf(law, current.right, chosenAct) : null;
  const [payload, setPayload] = useState<Record<string, any>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<BulkResult[] | null>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const chooseLane = (k: string) => { setLane(k); setSelected(new Set()); setResults(null); setProgress(null); setAct(''); setPayload({}); };
  const chooseAct = (a: string) => {
    setAct(a);
    const s = current ? schemaOf(law, current.right, a) : null;
    setPayload(hasFields(s) ? emptyValue(s!) ?? {} : {});
  };
  const allOn = cases.length > 0 && cases.every((c) => selected.has(c.number));
  const someOn = cases.some((c) => selected.has(c.number));

  const { run, busy, error } = useAction(async () => {
    const list = cases.map((c) => c.number).filter((n) => selected.has(n));
    const out: BulkResult[] = [];
    setResults(null); setProgress({ done: 0, total: list.length });
    const body = (chunk: string[]) => ({ act: chosenAct, cases: chunk, ...(hasFields(schema) ? { payload: payloadOf(schema, payload) } : {}) });
    try {
      for (let i = 0; i < list.length; i += CHUNK) {
        const chunk = list.slice(i, i + CHUNK);
        try {
          const res = await api<{ results: BulkResult[] }>('/bulk/acts', { method: 'POST', body: body(chunk) });
          out.push(...res.results);
        } catch (e) {
          // The request itself was refused (not one case): report the rest as not done, and stop.
          const code = e instanceof ApiError ? e.code : 'NETWORK';
          out.push(...list.slice(i).map((n) => ({ case: n, ok: false, code, detail: e instanceof Error ? e.message : '' })));
          setProgress({ done: list.length, total: list.length });
          throw e;
        }
        setProgress({ done: Math.min(i + CHUNK, list.length), total: list.length });
      }
    } finally {
      setResults(out);
      setSelected(new Set());
      casesQ.reload(); lanesQ.reload();
      setTimeout(() => resultsRef.current?.focus(), 0);
    }
  });

  const ok = results?.filter((r) => r.ok).length ?? 0;
  const failed = (results?.length ?? 0) - ok;

  return (
    <Page title={i18n.t('office.bulk.title')}>
      <p>{i18n.t('office.bulk.intro')}</p>
      <ErrorSummary error={lanesQ.error ?? casesQ.error ?? error} />
      {!lanesQ.data ? <Loading /> : (
        <form className="form bulk-form" onSubmit={(e) => { e.preventDefault(); if (selected.size) void run(); }} noValidate>
          <div className="grid-2">
            <SelectField label={i18n.t('office.bulk.lane')} value={lane} onChange={(e) => chooseLane(e.target.value)} disabled={busy} data-testid="bulk-lane">
              <option value="">{i18n.t('office.form.choose')}</option>
              {lanesQ.data.lanes.map((l) => (
                <option key={laneKey(l)} value={laneKey(l)}>
                  {i18n.tx(`right.${l.right}`, l.right)} · {i18n.law(stateTitle(law, l.right, l.state))} ({i18n.number(l.count)})
                </option>
              ))}
            </SelectField>
            {current ? (
              <SelectField label={i18n.t('office.bulk.act')} value={chosenAct} onChange={(e) => chooseAct(e.target.value)} disabled={busy} data-testid="bulk-act">
                {current.acts.map((a) => <option key={a} value={a}>{i18n.law(actTitle(law, current.right, a))}</option>)}
              </SelectField>
            ) : null}
          </div>
          {current && hasFields(schema) ? (
            <fieldset className="schema-group">
              <legend>{i18n.law(actTitle(law, current.right, chosenAct))}</legend>
              <p className="hint">{i18n.t('office.bulk.needsData')}</p>
              <SchemaForm schema={schema!} value={payload} onChange={setPayload} error={error} disabled={busy} />
            </fieldset>
          ) : null}

          {!current ? <p className="muted">{i18n.t('office.bulk.chooseLane')}</p> : casesQ.loading && !casesQ.data ? <Loading /> : cases.length === 0 ? (
            <p className="muted" data-testid="bulk-empty">{i18n.t('office.bulk.none')}</p>
          ) : (
            <fieldset className="schema-group">
              <legend>{i18n.t('office.bulk.cases')}</legend>
              <div className="field field-check">
                <label>
                  <input type="checkbox" checked={allOn} disabled={busy} data-testid="bulk-select-all"
                    ref={(el) => { if (el) el.indeterminate = someOn && !allOn; }}
                    onChange={(e) => setSelected(e.target.checked ? new Set(cases.map((c) => c.number)) : new Set())} />
                  {' '}{i18n.t('office.bulk.selectAll')}
                </label>
                <span className="muted" aria-live="polite">{i18n.t('office.bulk.selected', { count: i18n.number(selected.size) })}</span>
              </div>
              <table>
                <thead><tr>
                  <th scope="col"><span className="sr-only">{i18n.t('office.bulk.selectAll')}</span></th>
                  <th scope="col">{i18n.t('office.worklist.number')}</th>
                  <th scope="col">{i18n.t('office.worklist.titleCol')}</th>
                  <th scope="col">{i18n.t('office.worklist.filed')}</th>
                </tr></thead>
                <tbody>
                  {cases.map((c) => (
                    <tr key={c.id} data-testid={`bulk-row-${c.number}`}>
                      <td>
                        <input type="checkbox" checked={selected.has(c.number)} disabled={busy} data-testid={`bulk-select-${c.number}`}
                          aria-label={i18n.t('office.bulk.select', { number: c.number })}
                          onChange={(e) => setSelected((s) => { const n = new Set(s); if (e.target.checked) n.add(c.number); else n.delete(c.number); return n; })} />
                      </td>
                      <th scope="row"><Link href={`/cases/${encodeURIComponent(c.number)}`}>{c.number}</Link></th>
                      <td>{c.title ? <span className="mark-text" dir="auto">{caseTitleText(i18n, c.right, c.title)}</span> : '—'}</td>
                      <td>{i18n.date(c.filingDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </fieldset>
          )}
          {current ? (
            <div className="btn-row">
              <button type="submit" className="btn btn-primary" disabled={busy || selected.size === 0 || !chosenAct} aria-busy={busy || undefined} data-testid="bulk-run">
                {busy ? i18n.t('common.working') : `${i18n.law(actTitle(law, current.right, chosenAct))} · ${i18n.t('office.bulk.run')} (${i18n.number(selected.size)})`}
              </button>
            </div>
          ) : null}
          {progress ? <Progress value={progress.done} max={progress.total} label={i18n.t('office.bulk.progress')} /> : null}
        </form>
      )}

      {results ? (
        <section aria-labelledby="bulk-results" data-testid="bulk-results">
          <h2 id="bulk-results" tabIndex={-1} ref={resultsRef}>{i18n.t('office.bulk.results')}</h2>
          <p role="status">{i18n.t('office.bulk.summary', { ok: i18n.number(ok), failed: i18n.number(failed) })}</p>
          <table>
            <thead><tr>
              <th scope="col">{i18n.t('office.worklist.number')}</th>
              <th scope="col">{i18n.t('office.bulk.result')}</th>
              <th scope="col">{i18n.t('office.bulk.newState')}</th>
              <th scope="col">{i18n.t('office.bulk.reason')}</th>
            </tr></thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.case} data-testid={`bulk-result-${r.case}`} data-ok={r.ok}>
                  <th scope="row"><Link href={`/cases/${encodeURIComponent(r.number ?? r.case)}`}>{r.number ?? r.case}</Link></th>
                  <td><span className={r.ok ? 'badge badge-ok' : 'badge badge-bad'}>{r.ok ? i18n.t('office.bulk.ok') : i18n.t('office.bulk.failed')}</span></td>
                  <td>{r.state && current ? i18n.law(stateTitle(law, current.right, r.state)) : r.state ?? '—'}</td>
                  <td>{r.ok ? '—' : i18n.tx(`error.${r.code}`, i18n.tx('error.unknown', r.detail ?? r.code ?? '', { code: r.code ?? '' }), {})}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </Page>
  );
}
