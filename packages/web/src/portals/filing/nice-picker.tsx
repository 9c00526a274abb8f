// Goods and services: terms of the Nice Classification found by search and picked into their class,
// terms of the applicant's own wording added to a class, terms and whole classes removed.
import { useEffect, useId, useState } from 'react';
import { api, qs } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { SelectField, TextField } from '../../ui/forms.tsx';
import { useApi } from '../../ui/data.ts';
import { useDebounced } from './hooks.ts';
import type { GoodsServices } from './model.ts';

interface NiceClass { classNumber: number; heading: string; kind: string }
interface NiceTerm { classNumber: number; basicNumber: string; term: string }

const norm = (s: string) => s.trim().toLocaleLowerCase();

export function NicePicker({ value, onChange, error, classError, idPrefix }: {
  value: GoodsServices[]; onChange: (v: GoodsServices[]) => void;
  error?: string; classError: (index: number) => string | undefined; idPrefix: string;
}) {
  const i18n = useI18n();
  const classes = useApi<{ items: NiceClass[] }>('/reference/nice/classes');
  const headingOf = (n: number) => classes.data?.items.find((c) => c.classNumber === n)?.heading;
  const [q, setQ] = useState('');
  const [classFilter, setClassFilter] = useState('');
  const dq = useDebounced(q.trim(), 250);
  const [results, setResults] = useState<{ total: number; items: NiceTerm[] } | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);
  const [addClass, setAddClass] = useState('');
  const [announce, setAnnounce] = useState('');
  const listId = useId();

  useEffect(() => {
    if (dq.length < 2 && !classFilter) { setResults(null); return; }
    const ctl = new AbortController();
    setSearching(true);
    api<{ total: number; items: NiceTerm[] }>(`/reference/nice/terms${qs({ q: dq, classNumber: classFilter, limit: 30 })}`, { signal: ctl.signal })
      .then((r) => { setResults(r); setSearchError(null); setSearching(false); })
      .catch((e) => { if ((e as Error).name !== 'AbortError') { setSearchError(e); setSearching(false); } });
    return () => ctl.abort();
  }, [dq, classFilter]);

  const sorted = [...value].sort((a, b) => a.classNumber - b.classNumber);
  const has = (n: number, term: string) => value.some((g) => g.classNumber === n && g.terms.some((t) => norm(t) === norm(term)));

  const addTerm = (n: number, term: string) => {
    const t = term.trim();
    if (!t || has(n, t)) return;
    const existing = value.find((g) => g.classNumber === n);
    onChange(existing
      ? value.map((g) => (g.classNumber === n ? { ...g, terms: [...g.terms, t] } : g))
      : [...value, { classNumber: n, terms: [t] }]);
    setAnnounce(i18n.t('filing.nice.added', { term: t, class: n }));
  };
  const removeTerm = (n: number, i: number) => {
    const term = value.find((g) => g.classNumber === n)?.terms[i];
    onChange(value.map((g) => (g.classNumber === n ? { ...g, terms: g.terms.filter((_, j) => j !== i) } : g)));
    if (term) setAnnounce(i18n.t('filing.nice.removed', { term, class: n }));
  };
  const removeClass = (n: number) => {
    onChange(value.filter((g) => g.classNumber !== n));
    setAnnounce(i18n.t('filing.nice.classRemoved', { class: n }));
  };
  const openClass = (n: number) => {
    if (!value.some((g) => g.classNumber === n)) onChange([...value, { classNumber: n, terms: [] }]);
    setAnnounce(i18n.t('filing.nice.classAdded', { class: n }));
    // The new class's own-term field is where the user goes next.
    setTimeout(() => document.getElementById(`${idPrefix}-free-${n}`)?.focus(), 0);
  };

  const perClassIndex = new Map<number, number>();
  const classOptions = (classes.data?.items ?? []);

  return (
    <div className="nice-picker">
      <div className="sr-only" aria-live="polite">{announce}</div>
      <section className="card" aria-labelledby={`${listId}-search`}>
        <h3 id={`${listId}-search`}>{i18n.t('filing.nice.searchTitle')}</h3>
        <div className="field-row">
          <TextField id={`${idPrefix}-search`} type="search" label={i18n.t('filing.nice.search')} hint={i18n.t('filing.nice.searchHint')} value={q} dir="auto"
            onChange={(e) => setQ(e.target.value)} data-testid="nice-search" aria-controls={`${listId}-results`} />
          <SelectField id={`${idPrefix}-filter`} label={i18n.t('filing.nice.inClass')} value={classFilter} onChange={(e) => setClassFilter(e.target.value)} data-testid="nice-class-filter">
            <option value="">{i18n.t('filing.nice.allClasses')}</option>
            {classOptions.map((c) => <option key={c.classNumber} value={c.classNumber}>{i18n.t('filing.nice.classLabel', { class: c.classNumber })}</option>)}
          </SelectField>
        </div>
        <p className="hint" role="status">
          {searching ? i18n.t('common.loading') : searchError ? i18n.t('filing.nice.searchFailed') : results ? i18n.t('filing.nice.found', { count: results.total }) : ''}
        </p>
        {results && results.items.length > 0 ? (
          <ul className="nice-results" id={`${listId}-results`} aria-label={i18n.t('filing.nice.results')}>
            {results.items.map((r) => {
              const n = perClassIndex.get(r.classNumber) ?? 0;
              perClassIndex.set(r.classNumber, n + 1);
              const added = has(r.classNumber, r.term);
              return (
                <li key={`${r.classNumber}-${r.basicNumber}`}>
                  <span className="badge">{i18n.t('filing.nice.classShort', { class: r.classNumber })}</span>
                  <span className="nice-term" dir="auto">{r.term}</span>
                  <button type="button" className="btn btn-secondary btn-small" disabled={added} data-testid={`nice-result-${r.classNumber}-${n}`} data-basic-number={r.basicNumber}
                    onClick={() => addTerm(r.classNumber, r.term)}>
                    {added ? i18n.t('filing.nice.added.short') : i18n.t('common.add')}
                    <span className="sr-only">: {r.term} ({i18n.t('filing.nice.classLabel', { class: r.classNumber })})</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby={`${listId}-chosen`} className="nice-chosen">
        <h3 id={`${listId}-chosen`} tabIndex={-1}>{i18n.t('filing.nice.chosen', { count: sorted.length })}</h3>
        {error ? <div className="field-error" id={`${idPrefix}`} role="alert" tabIndex={-1}>{error}</div> : null}
        {sorted.length === 0 ? <p className="muted">{i18n.t('filing.nice.noneChosen')}</p> : null}
        {sorted.map((g) => {
          const index = value.indexOf(g);
          const heading = headingOf(g.classNumber);
          const cErr = classError(index);
          return (
            <div className="card nice-class" key={g.classNumber} data-testid={`class-${g.classNumber}`}>
              <div className="nice-class-head">
                <h4>{i18n.t('filing.nice.classLabel', { class: g.classNumber })}{heading ? <span className="muted nice-heading"> — {heading}</span> : null}</h4>
                <button type="button" className="btn btn-danger btn-small" data-testid={`class-remove-${g.classNumber}`}
                  onClick={() => removeClass(g.classNumber)}>{i18n.t('filing.nice.removeClass', { class: g.classNumber })}</button>
              </div>
              {cErr ? <div className="field-error" id={`${idPrefix}-${index}-terms`} tabIndex={-1} role="alert">{cErr}</div> : null}
              <ul className="term-list">
                {g.terms.map((t, i) => (
                  <li key={`${t}-${i}`}>
                    <span dir="auto" className="nice-term">{t}</span>
                    <button type="button" className="btn-link" data-testid={`term-remove-${g.classNumber}-${i}`} onClick={() => removeTerm(g.classNumber, i)}>
                      {i18n.t('common.remove')}<span className="sr-only">: {t} ({i18n.t('filing.nice.classLabel', { class: g.classNumber })})</span>
                    </button>
                  </li>
                ))}
              </ul>
              <FreeTerm id={`${idPrefix}-free-${g.classNumber}`} classNumber={g.classNumber} onAdd={(t) => addTerm(g.classNumber, t)} />
            </div>
          );
        })}
        <div className="field-row add-class">
          <SelectField id={`${idPrefix}-add-class`} label={i18n.t('filing.nice.addClass')} value={addClass} onChange={(e) => setAddClass(e.target.value)} data-testid="add-class-select">
            <option value="">{i18n.t('filing.nice.chooseClass')}</option>
            {Array.from({ length: 45 }, (_, i) => i + 1).filter((n) => !value.some((g) => g.classNumber === n)).map((n) => {
              const h = headingOf(n);
              return <option key={n} value={n}>{i18n.t('filing.nice.classLabel', { class: n })}{h ? ` — ${h.length > 60 ? `${h.slice(0, 60)}…` : h}` : ''}</option>;
            })}
          </SelectField>
          <button type="button" className="btn btn-secondary" data-testid="add-class" disabled={!addClass}
            onClick={() => { if (addClass) { openClass(Number(addClass)); setAddClass(''); } }}>{i18n.t('common.add')}</button>
        </div>
      </section>
    </div>
  );
}

function FreeTerm({ id, classNumber, onAdd }: { id: string; classNumber: number; onAdd: (t: string) => void }) {
  const i18n = useI18n();
  const [v, setV] = useState('');
  const add = () => { if (v.trim()) { onAdd(v); setV(''); } };
  return (
    <div className="field-row free-term">
      <TextField id={id} label={i18n.t('filing.nice.ownTerm', { class: classNumber })} value={v} dir="auto" maxLength={1000}
        onChange={(e) => setV(e.target.value)} data-testid={`free-term-${classNumber}`}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } }} />
      <button type="button" className="btn btn-secondary" data-testid={`free-term-add-${classNumber}`} onClick={add} disabled={!v.trim()}>{i18n.t('filing.nice.addTerm')}</button>
    </div>
  );
}
