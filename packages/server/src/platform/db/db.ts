// One database interface over two engines: PostgreSQL (node-postgres pool) and embedded PGlite
// (the same pool API through PGlite's node-postgres adapter, one connection, guarded by a lock file).
import { mkdirSync, openSync, closeSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';

// Dates of legal effect stay 'YYYY-MM-DD' strings; 64-bit integers (money, ids) become numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

export interface Queryable {
  query<R = any>(sql: string, params?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction; rolls back on any error. */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class DatabaseLockedError extends Error {}

/**
 * On PostgreSQL every parameterised statement is prepared once per connection (named by a hash of
 * its text): the server parses and plans the hot statements of filing and acting only once.
 */
const statementNames = new Map<string, string>();
function prepared(sql: string, params: unknown[] | undefined): pg.QueryConfig | string {
  if (!params) return sql;
  let name = statementNames.get(sql);
  if (!name) { name = `r${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`; statementNames.set(sql, name); }
  return { name, text: sql, values: params as any[] };
}

class PoolDb implements Db {
  constructor(readonly kind: Db['kind'], private pool: pg.Pool, private onClose: () => Promise<void> = async () => {}) {}
  private run<R>(target: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]) {
    const q = this.kind === 'postgres' ? prepared(sql, params) : sql;
    return (typeof q === 'string' ? target.query(q, params as any[]) : target.query(q)) as any as Promise<{ rows: R[]; rowCount: number | null }>;
  }
  query<R>(sql: string, params?: unknown[]) { return this.run<R>(this.pool, sql, params); }
  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({ query: (sql, params) => this.run(client, sql, params) });
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }
  async close() { await this.pool.end(); await this.onClose(); }
}

export async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {}); // an idle client's broken connection is replaced on next use
  return new PoolDb('postgres', pool);
}

/**
 * PGlite keeps no lock between processes: a second process on the same directory would corrupt it.
 * We hold `<dir>/registrum.lock` (created exclusively, holding our pid) for as long as we run.
 */
export async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let release = async () => {};
  let dir: string | undefined;
  if (dataDir !== 'memory://') {
    dir = join(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    release = acquireLock(join(dataDir, 'registrum.lock'));
  }
  try {
    const lite = new PGlite(dir);
    await lite.waitReady;
    const pool = new pg.Pool(createPgConfig(lite) as any);
    return new PoolDb('pglite', pool, async () => { await lite.close(); await release(); });
  } catch (e) {
    await release();
    throw e;
  }
}

function acquireLock(file: string): () => Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => { if (!released) { released = true; try { unlinkSync(file); } catch { /* already gone */ } } };
      process.once('exit', release);
      return async () => release();
    } catch (e: any) {
      if (e.code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseLockedError(`The data directory is in use by process ${pid} (lock file ${file}). Stop that process first, or use another DATA_DIR.`);
      }
      unlinkSync(file); // stale lock of a process that died
    }
  }
  throw new DatabaseLockedError(`Could not take the lock ${file}`);
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e: any) { return e.code === 'EPERM'; }
}

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize: number }): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize) : openPglite(opts.dataDir);
}
