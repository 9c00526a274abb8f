// Where the time of a filing goes, seen from the application: wraps a Db so that every statement is
// timed (round trip as the event loop sees it, including lock waits), and every transaction is split
// into pool wait + BEGIN, its statements, and COMMIT. Also measures how long the number-series row
// lock (INSERT INTO counters ... ON CONFLICT DO UPDATE) is held: from that statement to the end of
// COMMIT, the span during which every other filing waits.
import { performance } from 'node:perf_hooks';
import type { Db, Queryable } from '../../packages/server/src/platform/db/db.ts';

interface Stat { count: number; totalMs: number; maxMs: number }

export class SqlProfile {
  readonly statements = new Map<string, Stat>();
  readonly spans = new Map<string, Stat>();
  enabled = false;

  reset() { this.statements.clear(); this.spans.clear(); }

  add(map: Map<string, Stat>, key: string, ms: number) {
    if (!this.enabled) return;
    const s = map.get(key) ?? { count: 0, totalMs: 0, maxMs: 0 };
    s.count++; s.totalMs += ms; if (ms > s.maxMs) s.maxMs = ms;
    map.set(key, s);
  }

  wrap(db: Db): Db {
    const prof = this;
    const timed = (q: Queryable, onCounter?: (t: number) => void): Queryable => ({
      async query(sql: string, params?: unknown[]) {
        const t0 = performance.now();
        if (onCounter && sql.includes('INTO counters')) onCounter(t0);
        try { return await q.query(sql, params); } finally { prof.add(prof.statements, normalise(sql), performance.now() - t0); }
      },
    }) as Queryable;
    return {
      kind: db.kind,
      query: timed(db).query,
      reader: (fresh: boolean) => timed(db.reader(fresh)),
      health: () => db.health(),
      onAvailability: (listener) => db.onAvailability(listener),
      close: () => db.close(),
      async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
        const t0 = performance.now();
        let tIn = 0; let tOut = 0; let tLock = 0;
        try {
          return await db.tx(async (q) => {
            tIn = performance.now();
            try { return await fn(timed(q, (t) => { tLock = t; })); } finally { tOut = performance.now(); }
          });
        } finally {
          const tEnd = performance.now();
          prof.add(prof.spans, 'tx: pool wait + BEGIN', tIn - t0);
          prof.add(prof.spans, 'tx: statements (fn)', tOut - tIn);
          prof.add(prof.spans, 'tx: COMMIT (or ROLLBACK)', tEnd - tOut);
          prof.add(prof.spans, 'tx: total', tEnd - t0);
          if (tLock) prof.add(prof.spans, 'number-series row lock held (counters -> end of COMMIT)', tEnd - tLock);
        }
      },
    };
  }

  report(windowSec: number) {
    const rows = (m: Map<string, Stat>) => [...m.entries()]
      .map(([k, s]) => ({ what: k, count: s.count, perSec: Math.round(s.count / windowSec), meanMs: +(s.totalMs / s.count).toFixed(2), maxMs: +s.maxMs.toFixed(1), totalSec: +(s.totalMs / 1000).toFixed(1) }))
      .sort((a, b) => b.totalSec - a.totalSec);
    return { statements: rows(this.statements), transactions: rows(this.spans) };
  }
}

function normalise(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim().slice(0, 90);
}
