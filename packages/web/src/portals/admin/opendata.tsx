// Open data for the administrator: ask the worker for a register dump now, and the dumps made so far
// with their files. The worker makes the dump within moments; the list follows until it appears.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, qs } from '../../api.ts';
import { FileTable, SealHash, type Dump, type Notice } from '../../features/publication/index.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useAction } from '../../ui/forms.tsx';
import { useApi } from '../../ui/data.ts';
import { PanelStatus } from './shared.tsx';

interface DumpList { total: number; limit: number; offset: number; items: Dump[]; next: string | null }

/** How long the list is refreshed after asking for a dump, and how often. */
const FOLLOW_MS = 60_000;
const EVERY_MS = 2_000;

export function OpenDataSection() {
  const i18n = useI18n();
  const { data, error, loading, reload } = useApi<DumpList>(`/open-data/dumps${qs({ limit: 10 })}`);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Set while a requested dump is awaited: the number of dumps there were when it was asked for.
  const [awaiting, setAwaiting] = useState<{ total: number; since: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const request = useAction(async () => {
    const r = await api<{ queued: boolean; alreadyAsked: boolean }>('/open-data/dumps', { method: 'POST' });
    setNotice({ say: (t) => t.t(r.alreadyAsked ? 'pub.dumps.alreadyAsked' : 'pub.dumps.asked') });
    setAwaiting({ total: data?.total ?? 0, since: Date.now() });
  });

  useEffect(() => {
    if (!awaiting || !data) return;
    if (data.total > awaiting.total) { setAwaiting(null); setNotice({ say: (t) => t.t('pub.dumps.made') }); return; }
    if (Date.now() - awaiting.since > FOLLOW_MS) { setAwaiting(null); return; }
    timer.current = setTimeout(reload, EVERY_MS);
    return () => { if (timer.current) clearTimeout(timer.current); };
  }, [awaiting, data, reload]);

  return (
    <section aria-labelledby="dumps-h">
      <h2 id="dumps-h">{i18n.t('pub.dumps.title')}</h2>
      <p className="hint">{i18n.t('pub.dumps.intro')} <Link href="~/register/open-data">{i18n.t('pub.dumps.public')}</Link></p>
      <div className="btn-row">
        <button type="button" className="btn btn-primary" disabled={request.busy || !!awaiting} aria-busy={request.busy || !!awaiting || undefined}
          onClick={() => void request.run()} data-testid="dump-now">{request.busy || awaiting ? i18n.t('common.working') : i18n.t('pub.dumps.now')}</button>
      </div>
      <PanelStatus notice={notice?.say(i18n) ?? null} error={request.error ?? error} loading={loading && !data} />
      {data && data.items.length === 0 ? <p className="muted" data-testid="dumps-empty">{i18n.t('pub.open.noDump')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <p className="hint">{i18n.t('pub.dumps.count', { shown: i18n.number(data.items.length), total: i18n.number(data.total) })}</p>
          {data.items.map((d, n) => {
            const label = i18n.t('pub.dump.summary', { date: i18n.date(d.officeDate), cases: i18n.number(d.cases) });
            return (
              <details key={d.id} className="admin-schedule" open={n === 0} data-testid={`dump-${d.id}`}>
                <summary>{label} · {i18n.instant(d.generatedAt)}</summary>
                <p>{i18n.t('pub.seal.title')}: <SealHash seal={d.seal} testid={`dump-seal-${d.id}`} /></p>
                <FileTable files={d.files} caption={label} testid={`dump-files-${d.id}`} />
              </details>
            );
          })}
        </>
      ) : null}
    </section>
  );
}
