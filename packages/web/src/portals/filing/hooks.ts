// The live parts of a filing form: the fee quote that follows the payload, and the draft that
// saves itself while the applicant types (saves run one after another, so a draft is created once).
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import type { Draft, FeeQuote } from './model.ts';

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => { const t = setTimeout(() => setV(value), ms); return () => clearTimeout(t); }, [value, ms]);
  return v;
}

/** The fee for the payload as it stands, asked for again (debounced) whenever the payload changes. */
export function useFeeQuote(right: string, payload: Record<string, any> | null, ms = 400) {
  const json = payload ? JSON.stringify(payload) : '';
  const debounced = useDebounced(json, ms);
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!debounced) { setQuote(null); return; }
    const ctl = new AbortController();
    setLoading(true);
    api<FeeQuote>('/fees/quote', { body: { right, payload: JSON.parse(debounced) }, signal: ctl.signal })
      .then((q) => { setQuote(q); setError(null); setLoading(false); })
      .catch((e) => { if ((e as Error).name !== 'AbortError') { setQuote(null); setError(e); setLoading(false); } });
    return () => ctl.abort();
  }, [right, debounced]);
  // The quote shown must be the quote of what will be submitted: stale while a newer one is pending.
  const current = json === debounced && !loading;
  return { quote, error, loading: loading || json !== debounced, current };
}

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface DraftSaver {
  id: string | null;
  status: SaveStatus;
  savedAt: string | null;
  error: unknown;
  /** Saves now what is not yet saved; resolves to the draft id (null when saving failed). */
  flush(): Promise<string | null>;
}

export function useDraftAutosave(opts: {
  right: string; payload: Record<string, any>; title: string; initial: Draft | null;
  enabled: boolean; onCreated?: (id: string) => void; ms?: number;
}): DraftSaver {
  const { right, payload, title, initial, enabled, onCreated, ms = 1200 } = opts;
  const snapshot = JSON.stringify({ payload, title });
  const [id, setId] = useState<string | null>(initial?.id ?? null);
  const [status, setStatus] = useState<SaveStatus>(initial ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(initial?.updatedAt ?? null);
  const [error, setError] = useState<unknown>(null);
  const idRef = useRef<string | null>(initial?.id ?? null);
  // Until the user changes something, there is nothing to save (a new form creates no empty draft).
  const lastSaved = useRef(snapshot);
  const latest = useRef(snapshot);
  latest.current = snapshot;
  const chain = useRef<Promise<string | null>>(Promise.resolve(idRef.current));
  const created = useRef(onCreated);
  created.current = onCreated;

  const saveOnce = useCallback(async (): Promise<string | null> => {
    const snap = latest.current;
    if (snap === lastSaved.current && idRef.current) return idRef.current;
    const body = JSON.parse(snap) as { payload: Record<string, any>; title: string };
    setStatus('saving');
    try {
      if (!idRef.current) {
        const d = await api<Draft>('/drafts', { body: { right, payload: body.payload, title: body.title } });
        idRef.current = d.id; setId(d.id);
        created.current?.(d.id);
      } else {
        await api(`/drafts/${encodeURIComponent(idRef.current)}`, { method: 'PUT', body });
      }
      lastSaved.current = snap;
      setStatus(latest.current === snap ? 'saved' : 'saving');
      setSavedAt(new Date().toISOString()); setError(null);
      return idRef.current;
    } catch (e) {
      setStatus('error'); setError(e);
      return null;
    }
  }, [right]);

  const flush = useCallback(() => {
    chain.current = chain.current.then(saveOnce, saveOnce);
    return chain.current;
  }, [saveOnce]);

  useEffect(() => {
    if (!enabled || snapshot === lastSaved.current) return;
    const t = setTimeout(() => { void flush(); }, ms);
    return () => clearTimeout(t);
  }, [snapshot, enabled, ms, flush]);

  return { id, status, savedAt, error, flush };
}
