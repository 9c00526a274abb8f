// Loading data for a page: one hook, with reload after an act.
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';

export function useApi<T>(path: string | null, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(!!path);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) { setData(null); setLoading(false); return; }
    const ctl = new AbortController();
    setLoading(true); setError(null);
    api<T>(path, { signal: ctl.signal })
      .then((d) => { setData(d); setLoading(false); })
      .catch((e) => { if ((e as Error).name !== 'AbortError') { setError(e); setLoading(false); } });
    return () => ctl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}
