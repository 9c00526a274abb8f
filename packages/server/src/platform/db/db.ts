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
  /**
   * Where a read goes. `fresh`: the caller must see everything committed so far (a signed-in user reading
   * their own work just after changing it): the primary. Otherwise (the public register, the gazette, open
   * data, the change feed) the read replica when one is configured and answering, which may lag the
   * primary by a moment; the primary when there is none or it does not answer.
   */
  reader(fresh: boolean): Queryable;
  /** Whether the primary (and the read replica, if any) answer now; for /health. */
  health(): Promise<DbHealth>;
  /** Told once each time the primary or the replica stops or starts answering. */
  onAvailability(listener: (change: AvailabilityChange) => void): void;
  close(): Promise<void>;
}

export type DbRole = 'primary' | 'replica';
export interface AvailabilityChange { role: DbRole; available: boolean; reason: string | null; downForMs: number | null }
export interface DbHealth {
  available: boolean;
  replica: null | { available: boolean; inRecovery: boolean | null; behindBytes: number | null };
}

export class DatabaseLockedError extends Error {}

/**
 * The database cannot be reached: down, restarting, the connection lost, or no connection to be had in
 * time. `outcome` says what became of the work: 'not-recorded' when it certainly did not commit (it never
 * reached the database, or the connection broke before COMMIT: PostgreSQL rolls back what was not
 * committed), 'unknown' when the connection broke while a statement or the COMMIT was under way.
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(readonly role: DbRole, readonly reason: string, readonly outcome: 'not-recorded' | 'unknown') {
    super(`The ${role === 'replica' ? 'read replica of the ' : ''}database is not reachable (${reason})`);
    this.name = 'DatabaseUnavailableError';
  }
}

// SQLSTATEs of a database that is going away, coming back or refusing connections: class 08 (connection
// exception), 57P01 admin_shutdown (restart, pg_terminate_backend), 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up, shutting down, in recovery), 57P05 idle_session_timeout,
// 53300 too_many_connections, 25006 read-only transaction (the node named as primary is a standby).
const UNAVAILABLE_STATES = new Set(['08000', '08001', '08003', '08004', '08006', '08007', '57P01', '57P02', '57P03', '57P05', '53300', '25006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN']);
// What node-postgres says when a connection breaks, times out or cannot be had from the pool in time.
const UNAVAILABLE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end on the pool)/;

/** Whether an error means the database could not be reached (rather than that it refused the statement). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (UNAVAILABLE_STATES.has(e.code) || UNAVAILABLE_ERRNOS.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable); // several addresses tried, each refused
}

/** An error in a few words for the log: its code and message, never a connection string with a password. */
function reasonOf(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const text = `${typeof e?.code === 'string' ? `${e.code} ` : ''}${typeof e?.message === 'string' ? e.message : String(err)}`;
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s/@]*@/gi, '…@').replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * On PostgreSQL every parameterised statement is prepared once per connection (named by a hash of
 * its text): the server parses and plans the hot statements of filing and acting only once. node-postgres
 * keeps the statements a connection has prepared with the connection, so a new connection (after the
 * database restarted, or a broken one was dropped) prepares them again on first use.
 */
const statementNames = new Map<string, string>();
function prepared(sql: string, params: unknown[] | undefined): pg.QueryConfig | string {
  if (!params) return sql;
  let name = statementNames.get(sql);
  if (!name) { name = `r${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`; statementNames.set(sql, name); }
  return { name, text: sql, values: params as any[] };
}

type Result<R> = { rows: R[]; rowCount: number | null };

/**
 * One pool of connections (the primary's or the replica's) and whether its database answers. A connection
 * that breaks is dropped from the pool (released with its error) and a new one is made on the next
 * request; while a connection is checked out its errors are caught here (an 'error' event nobody listens
 * to would end the process).
 */
class Connections {
  private downSince: number | null = null;
  constructor(readonly role: DbRole, readonly kind: Db['kind'], readonly pool: pg.Pool, private notify: (c: AvailabilityChange) => void) {
    // An idle connection that breaks is dropped by the pool; whether the database answers is told by the next query.
    pool.on('error', () => {});
  }

  get available() { return this.downSince === null; }

  lost(err: unknown) {
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.notify({ role: this.role, available: false, reason: reasonOf(err instanceof DatabaseUnavailableError ? err.reason : err), downForMs: null });
  }

  answered() {
    if (this.downSince === null) return;
    const downForMs = Date.now() - this.downSince;
    this.downSince = null;
    this.notify({ role: this.role, available: true, reason: null, downForMs });
  }

  private unavailable(err: unknown, outcome: 'not-recorded' | 'unknown'): DatabaseUnavailableError {
    this.lost(err);
    return err instanceof DatabaseUnavailableError ? err : new DatabaseUnavailableError(this.role, reasonOf(err), outcome);
  }

  private exec<R>(client: pg.PoolClient, sql: string, params?: unknown[]): Promise<Result<R>> {
    const q = this.kind === 'postgres' ? prepared(sql, params) : sql;
    return (typeof q === 'string' ? client.query(q, params as any[]) : client.query(q)) as any as Promise<Result<R>>;
  }

  /** A connection from the pool within the pool's acquire timeout, with its errors caught while it is out. */
  private async checkout(): Promise<{ client: pg.PoolClient; broken(): unknown; release(err?: unknown): void }> {
    let client: pg.PoolClient;
    try { client = await this.pool.connect(); } catch (e) { throw isDatabaseUnavailable(e) ? this.unavailable(e, 'not-recorded') : e; }
    let broken: unknown;
    const onError = (e: unknown) => { broken ??= e; };
    client.on('error', onError);
    return {
      client,
      broken: () => broken,
      release: (err?: unknown) => {
        client.removeListener('error', onError);
        const bad = broken ?? err;
        client.release(bad ? (bad instanceof Error ? bad : new Error(String(bad))) : undefined);
      },
    };
  }

  async query<R>(sql: string, params?: unknown[]): Promise<Result<R>> {
    const c = await this.checkout();
    let lost: unknown;
    try {
      const r = await this.exec<R>(c.client, sql, params);
      this.answered();
      return r;
    } catch (e) {
      if (c.broken() || isDatabaseUnavailable(e)) { lost = c.broken() ?? e; throw this.unavailable(lost, 'unknown'); }
      throw e;
    } finally {
      c.release(lost);
    }
  }

  async tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    // A connection found broken at BEGIN (it died while idle) is replaced once: nothing was sent yet.
    for (let attempt = 0; ; attempt++) {
      const c = await this.checkout();
      let stage: 'begin' | 'work' | 'commit' = 'begin';
      let lost: unknown;
      try {
        await c.client.query('BEGIN');
        stage = 'work';
        const result = await fn({
          query: async <R>(sql: string, params?: unknown[]) => {
            try { return await this.exec<R>(c.client, sql, params); } catch (e) {
              // Inside the transaction the work is rolled back by the server when the connection goes.
              if (c.broken() || isDatabaseUnavailable(e)) throw this.unavailable(c.broken() ?? e, 'not-recorded');
              throw e;
            }
          },
        });
        stage = 'commit';
        await c.client.query('COMMIT');
        this.answered();
        return result;
      } catch (e) {
        if (c.broken() || isDatabaseUnavailable(e)) lost = c.broken() ?? e;
        else await c.client.query('ROLLBACK').catch(() => {});
        if (lost === undefined) throw e;
        if (stage === 'begin' && attempt === 0) continue;
        throw this.unavailable(lost, stage === 'commit' ? 'unknown' : 'not-recorded');
      } finally {
        c.release(lost);
      }
    }
  }

  /** Probes the database now (for /health); the answer updates whether it is taken as available. */
  async probe<R>(sql: string, params?: unknown[]): Promise<R | null> {
    try { return (await this.query<R>(sql, params)).rows[0] ?? null; } catch { return null; }
  }
}

/** How long reads stay on the primary after the replica failed, before the replica is tried again. */
const REPLICA_RETRY_MS = 5_000;

/** Reads that may lag: the replica while it answers; the primary while it does not, trying the replica again now and then. */
class ReplicaReader implements Queryable {
  private retryAt = 0;
  constructor(private replica: Connections, private primary: Connections) {}
  async query<R>(sql: string, params?: unknown[]): Promise<Result<R>> {
    if (!this.replica.available) {
      if (Date.now() < this.retryAt) return this.primary.query<R>(sql, params);
      this.retryAt = Date.now() + REPLICA_RETRY_MS; // this read tries the replica; the others meanwhile go to the primary
    }
    try {
      return await this.replica.query<R>(sql, params);
    } catch (e) {
      if (e instanceof DatabaseUnavailableError) { this.retryAt = Date.now() + REPLICA_RETRY_MS; return this.primary.query<R>(sql, params); }
      // 40001 on a standby: the read was cancelled because replay needed what it was reading.
      if ((e as { code?: string })?.code === '40001') return this.primary.query<R>(sql, params);
      throw e;
    }
  }
}

class PoolDb implements Db {
  private listeners: ((c: AvailabilityChange) => void)[] = [];
  private primary: Connections;
  private replica: Connections | null;
  private replicaReader: Queryable;
  constructor(readonly kind: Db['kind'], pool: pg.Pool, replicaPool: pg.Pool | null = null, private onClose: () => Promise<void> = async () => {}) {
    const notify = (c: AvailabilityChange) => { for (const l of this.listeners) { try { l(c); } catch { /* a listener's failure is not the database's */ } } };
    this.primary = new Connections('primary', kind, pool, notify);
    this.replica = replicaPool ? new Connections('replica', kind, replicaPool, notify) : null;
    this.replicaReader = this.replica ? new ReplicaReader(this.replica, this.primary) : this;
  }
  query<R>(sql: string, params?: unknown[]) { return this.primary.query<R>(sql, params); }
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> { return this.primary.tx(fn); }
  reader(fresh: boolean): Queryable { return fresh ? this : this.replicaReader; }
  onAvailability(listener: (c: AvailabilityChange) => void) { this.listeners.push(listener); }
  async health(): Promise<DbHealth> {
    if (this.kind !== 'postgres') return { available: !!(await this.primary.probe('SELECT 1 AS ok')), replica: null };
    const p = await this.primary.probe<{ lsn: string | null }>('SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn()::text END AS lsn');
    if (!this.replica) return { available: !!p, replica: null };
    // How far the replica's replay is behind the primary's WAL, in bytes (null when either is unknown).
    const r = await this.replica.probe<{ in_recovery: boolean; behind: string | null }>(
      `SELECT pg_is_in_recovery() AS in_recovery,
              CASE WHEN pg_is_in_recovery() AND $1::text IS NOT NULL THEN pg_wal_lsn_diff($1::text::pg_lsn, pg_last_wal_replay_lsn()) END::text AS behind`,
      [p?.lsn ?? null]);
    return {
      available: !!p,
      replica: r ? { available: true, inRecovery: r.in_recovery, behindBytes: r.behind === null ? null : Math.max(0, Number(r.behind)) } : { available: false, inRecovery: null, behindBytes: null },
    };
  }
  async close() {
    await this.primary.pool.end();
    await this.replica?.pool.end();
    await this.onClose();
  }
}

export interface PostgresOptions {
  /** A read replica (a streaming standby) for reads that may lag; null = none. */
  readUrl?: string | null;
  /** How long to wait for a connection (a new one, or a free one of the pool) before the database is taken as unavailable. */
  connectTimeoutMs?: number;
}

export async function openPostgres(url: string, poolSize: number, opts: PostgresOptions = {}): Promise<Db> {
  const timeout = opts.connectTimeoutMs ?? 10_000;
  // application_name names the office's connections in pg_stat_activity (a name in the URL wins).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: timeout, keepAlive: true, application_name: 'registrum' });
  // A replica that does not answer is given up quickly: the primary serves the read instead.
  const replica = opts.readUrl ? new pg.Pool({ connectionString: opts.readUrl, max: poolSize, connectionTimeoutMillis: Math.min(timeout, 3_000), keepAlive: true, application_name: 'registrum-read' }) : null;
  return new PoolDb('postgres', pool, replica);
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
    return new PoolDb('pglite', pool, null, async () => { await lite.close(); await release(); });
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

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string; poolSize: number } & PostgresOptions): Promise<Db> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize, opts) : openPglite(opts.dataDir);
}
