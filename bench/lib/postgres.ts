// The benchmark PostgreSQL: the URL of a server we may create databases on, and throw-away databases.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const repo = new URL('../../', import.meta.url).pathname;

/** --url, else BENCH_DATABASE_URL / DATABASE_URL, else the private server of scripts/ci-postgres.sh (started if needed). */
export function serverUrl(flag?: string): string {
  const url = flag || process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (url) return url;
  return execFileSync(`${repo}scripts/ci-postgres.sh`, ['start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** Creates an empty database on the server of `url`; returns its URL and a function that drops it. */
export async function freshDatabase(url: string, prefix: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}"`));
  const u = new URL(url); u.pathname = `/${name}`;
  return {
    url: u.toString(), name,
    drop: () => admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

/** The server's version and the settings that matter for write throughput. */
export async function serverInfo(url: string): Promise<Record<string, string>> {
  return admin(url, async (c) => {
    const { rows } = await c.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'wal_level', 'commit_delay')`);
    return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
  });
}
