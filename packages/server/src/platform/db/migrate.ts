// Applies the SQL files in ./migrations in name order, each once, in a transaction. On PostgreSQL an
// advisory lock keeps two starting processes from migrating at the same time.
import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from './db.ts';

const dir = new URL('./migrations/', import.meta.url);

export async function migrate(db: Db): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return db.tx(async (q) => {
    if (db.kind === 'postgres') await q.query('SELECT pg_advisory_xact_lock(727100)');
    await q.query('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await q.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    const applied: string[] = [];
    for (const f of files) {
      if (done.has(f)) continue;
      await q.query(readFileSync(new URL(f, dir), 'utf8'));
      await q.query('INSERT INTO schema_migrations (id) VALUES ($1)', [f]);
      applied.push(f);
    }
    return applied;
  });
}
