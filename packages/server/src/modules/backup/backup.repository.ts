// The SQL of backup and restore. Tables, keys, sequences and triggers are read from the catalogue, so a
// table added by a later migration is backed up without a change here.
import type { Queryable } from '../../platform/db/db.ts';

export const MIGRATIONS_TABLE = 'schema_migrations';

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableInfo { name: string; columns: string[]; key: string[]; identity: string[]; jsonb: string[]; sha256Column: boolean }

/** The tables of the schema, parents before children (self-references and cycles do not order). */
export async function listTables(q: Queryable): Promise<TableInfo[]> {
  const cols = (await q.query<{ table_name: string; column_name: string; data_type: string; is_identity: string; is_generated: string }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_identity, c.is_generated
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`)).rows;
  const keys = (await q.query<{ table_name: string; cols: string[] }>(
    `SELECT r.relname AS table_name, array_agg(a.attname::text ORDER BY k.ord) AS cols
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'p' AND c.connamespace = current_schema()::regnamespace
      GROUP BY r.relname`)).rows;
  const edges = (await q.query<{ child: string; parent: string }>(
    `SELECT DISTINCT ch.relname AS child, pa.relname AS parent FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace AND c.conrelid <> c.confrelid`)).rows;
  const tables = new Map<string, TableInfo>();
  for (const c of cols) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], key: [], identity: [], jsonb: [], sha256Column: false };
    tables.set(c.table_name, t);
    if (c.is_generated !== 'NEVER') continue; // computed again by the database
    t.columns.push(c.column_name);
    if (c.is_identity === 'YES') t.identity.push(c.column_name);
    if (c.data_type === 'jsonb') t.jsonb.push(c.column_name);
    if (c.column_name === 'sha256' && c.data_type === 'text') t.sha256Column = true;
  }
  for (const k of keys) { const t = tables.get(k.table_name); if (t) t.key = k.cols; }
  // Depth-first: a table comes after every table it refers to; a cycle is cut where it is met.
  const parents = new Map<string, string[]>();
  for (const e of edges) parents.set(e.child, [...(parents.get(e.child) ?? []), e.parent]);
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.has(name) || !tables.has(name)) return;
    state.set(name, 'visiting');
    for (const p of (parents.get(name) ?? []).sort()) visit(p);
    state.set(name, 'done');
    ordered.push(tables.get(name)!);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

/** Makes the calling transaction one consistent, read-only view of the register (first statement only). */
export async function beginSnapshot(q: Queryable): Promise<void> {
  await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

/** Rows as PostgreSQL's own JSON text (timestamps to the microsecond, numerics exact), in key order. */
export async function exportRows(q: Queryable, t: TableInfo, batch: number, onRows: (json: string[]) => Promise<void>): Promise<void> {
  const order = t.key.length ? ` ORDER BY ${t.key.map(ident).join(', ')}` : '';
  await q.query(`DECLARE registrum_backup NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${t.columns.map(ident).join(', ')} FROM ${ident(t.name)}${order}) r`);
  for (;;) {
    const { rows } = await q.query<{ j: string }>(`FETCH FORWARD ${batch} FROM registrum_backup`);
    if (rows.length === 0) break;
    await onRows(rows.map((r) => r.j));
  }
  await q.query('CLOSE registrum_backup');
}

/**
 * Every SHA-256 the register holds that may name a stored blob: columns named sha256, and any `sha256`
 * inside JSON (uploads in payloads and drafts, the files of gazette issues and register dumps). `column`
 * says whether a column names it (such a blob must exist).
 */
export async function blobReferences(q: Queryable, tables: TableInfo[], batch: number, onRefs: (refs: { sha256: string; column: boolean }[]) => Promise<void>): Promise<void> {
  const parts: string[] = [];
  for (const t of tables) {
    if (t.sha256Column) parts.push(`SELECT sha256 AS h, true AS col FROM ${ident(t.name)}`);
    for (const c of t.jsonb) parts.push(`SELECT v #>> '{}', false FROM ${ident(t.name)} x, jsonb_path_query(x.${ident(c)}, 'strict $.**.sha256') v`);
  }
  if (parts.length === 0) return;
  await q.query(`DECLARE registrum_blobs NO SCROLL CURSOR FOR SELECT h, bool_or(col) AS col FROM (${parts.join(' UNION ALL ')}) r(h, col)
                  WHERE h ~ '^[0-9a-f]{64}$' GROUP BY h ORDER BY h`);
  for (;;) {
    const { rows } = await q.query<{ h: string; col: boolean }>(`FETCH FORWARD ${batch} FROM registrum_blobs`);
    if (rows.length === 0) break;
    await onRefs(rows.map((r) => ({ sha256: r.h, column: r.col })));
  }
  await q.query('CLOSE registrum_blobs');
}

export async function sequences(q: Queryable): Promise<{ name: string; lastValue: number | null }[]> {
  return (await q.query<{ name: string; last_value: number | null }>(
    'SELECT sequencename AS name, last_value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1')).rows
    .map((r) => ({ name: r.name, lastValue: r.last_value === null ? null : Number(r.last_value) }));
}

export async function appliedMigrations(q: Queryable): Promise<string[]> {
  return (await q.query<{ id: string }>(`SELECT id FROM ${MIGRATIONS_TABLE} ORDER BY id`)).rows.map((r) => r.id);
}

export async function journalState(q: Queryable) {
  const seal = (await q.query<{ id: number; hash: string }>('SELECT id, hash FROM journal_seals ORDER BY id DESC LIMIT 1')).rows[0] ?? null;
  const c = (await q.query<{ cases: number; acts: number; unsealed: number }>(
    'SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM acts)::int AS acts, (SELECT count(*) FROM acts WHERE seal_id IS NULL)::int AS unsealed')).rows[0];
  return { cases: c.cases, acts: c.acts, unsealedActs: c.unsealed, latestSeal: seal ? { id: Number(seal.id), hash: seal.hash } : null };
}

// ---- restore ----

/** The tables already in the target schema, with the rows of the register's main ones. */
export async function existingTables(q: Queryable): Promise<{ tables: string[]; cases: number | null; acts: number | null }> {
  const tables = (await q.query<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE relkind IN ('r', 'p') AND relnamespace = current_schema()::regnamespace ORDER BY 1`)).rows.map((r) => r.relname);
  const count = async (t: string) => tables.includes(t) ? Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t)}`)).rows[0].n) : null;
  return { tables, cases: await count('cases'), acts: await count('acts') };
}

export async function lockMigrations(q: Queryable): Promise<void> {
  await q.query('SELECT pg_advisory_xact_lock(727100)');
}

export async function createMigrationsTable(q: Queryable): Promise<void> {
  await q.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
}

export interface ForeignKey { table: string; name: string; definition: string }

/** Removes the foreign keys for the load (rows come in key order, not reference order; users and parties refer to each other). */
export async function dropForeignKeys(q: Queryable): Promise<ForeignKey[]> {
  const fks = (await q.query<{ table: string; name: string; definition: string }>(
    `SELECT r.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace ORDER BY 1, 2`)).rows;
  for (const f of fks) await q.query(`ALTER TABLE ${ident(f.table)} DROP CONSTRAINT ${ident(f.name)}`);
  return fks;
}

/** Puts them back: each is checked against every restored row. */
export async function addForeignKeys(q: Queryable, fks: ForeignKey[]): Promise<void> {
  for (const f of fks) await q.query(`ALTER TABLE ${ident(f.table)} ADD CONSTRAINT ${ident(f.name)} ${f.definition}`);
}

/** Tables with triggers of their own (published gazette issues, template versions, the ledger refuse changes). */
export async function tablesWithTriggers(q: Queryable): Promise<string[]> {
  return (await q.query<{ relname: string }>(
    `SELECT DISTINCT r.relname FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND r.relnamespace = current_schema()::regnamespace ORDER BY 1`)).rows.map((r) => r.relname);
}

export async function setUserTriggers(q: Queryable, table: string, enabled: boolean): Promise<void> {
  await q.query(`ALTER TABLE ${ident(table)} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
}

/** Loads rows exported by `exportRows`, values as they were (identity columns included). */
export async function insertRows(q: Queryable, table: string, columns: string[], json: string[]): Promise<number> {
  const cols = columns.map(ident).join(', ');
  const r = await q.query(`INSERT INTO ${ident(table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [`[${json.join(',')}]`]);
  return r.rowCount ?? 0;
}

export async function countRows(q: Queryable, table: string): Promise<number> {
  return Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(table)}`)).rows[0].n);
}

/** Sequences continue after the highest value restored (and never below where they stood). */
export async function resetSequences(q: Queryable, tables: TableInfo[], archived: { name: string; lastValue: number | null }[]): Promise<void> {
  const last = new Map(archived.map((s) => [s.name, s.lastValue]));
  for (const t of tables) {
    for (const c of t.identity) {
      const { rows } = await q.query<{ seq: string; name: string; m: number | null }>(
        `SELECT s.seq, (SELECT relname FROM pg_class WHERE oid = s.seq::regclass) AS name, (SELECT max(${ident(c)}) FROM ${ident(t.name)}) AS m
           FROM (SELECT pg_get_serial_sequence($1, $2) AS seq) s`, [ident(t.name), c]);
      const r = rows[0];
      if (!r?.seq) continue;
      const target = Math.max(Number(r.m ?? 0), Number(last.get(r.name) ?? 0));
      if (target > 0) await q.query('SELECT setval($1::regclass, $2)', [r.seq, target]);
    }
  }
  for (const s of archived) {
    if (s.lastValue === null) continue;
    await q.query('SELECT setval($1::regclass, greatest($2::bigint, (SELECT last_value FROM pg_sequences WHERE schemaname = current_schema() AND sequencename = $3)))', [ident(s.name), s.lastValue, s.name]);
  }
}

export async function applyMigrationSql(q: Queryable, sql: string): Promise<void> {
  await q.query(sql);
}
