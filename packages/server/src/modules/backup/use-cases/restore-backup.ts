// `registrum restore FILE`: the whole archive is checked against its manifest before the database is
// touched; the register is then loaded into an empty database in one transaction (at the archive's
// schema version, later migrations applied after), the documents are put back, and the journal verified.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Db } from '../../../platform/db/db.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import type { BlobStorage } from '../../../platform/storage/storage.ts';
import { verifyJournal, type VerifyReport } from '../../../procedure-engine/journal.ts';
import { ArchiveReader } from '../archive.ts';
import {
  addForeignKeys, appliedMigrations, applyMigrationSql, countRows, createMigrationsTable, dropForeignKeys, existingTables,
  insertRows, journalState, listTables, lockMigrations, resetSequences, setUserTriggers, tablesWithTriggers,
} from '../backup.repository.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, BLOB_ENTRY, knownMigrations, MANIFEST_ENTRY, migrationUrl, type BackupManifest } from '../manifest.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Opens an archive and checks every entry against the manifest: its SHA-256 and size, every blob's
 * content against its name, nothing missing and nothing added. Throws a BackupError naming what failed.
 */
export async function checkArchive(file: string, onProgress?: (step: string) => void): Promise<{ archive: ArchiveReader; manifest: BackupManifest }> {
  let archive: ArchiveReader;
  try { archive = await ArchiveReader.open(file); } catch (e) { throw new BackupError(`cannot read ${file}: ${(e as Error).message}`); }
  try {
    let manifest: BackupManifest;
    try { manifest = JSON.parse((await archive.read(MANIFEST_ENTRY)).toString('utf8')); } catch (e) {
      throw new BackupError(`${file} is not a Registrum backup: ${MANIFEST_ENTRY} is missing or unreadable (${(e as Error).message})`);
    }
    if (manifest?.format !== BACKUP_FORMAT || manifest.version !== BACKUP_VERSION || typeof manifest.entries !== 'object') {
      throw new BackupError(`${file} is not a Registrum backup of format version ${BACKUP_VERSION}`);
    }
    for (const name of archive.entries.keys()) {
      if (name !== MANIFEST_ENTRY && !manifest.entries[name]) throw new BackupError(`the archive holds ${name}, which its manifest does not list`);
    }
    let checked = 0;
    for (const [name, expected] of Object.entries(manifest.entries)) {
      if (!archive.entries.has(name)) throw new BackupError(`the archive lacks ${name}, which its manifest lists`);
      const data = await archive.read(name);
      const actual = sha(data);
      if (data.length !== expected.size || actual !== expected.sha256) {
        throw new BackupError(`${name} does not match the manifest (SHA-256 ${actual}, expected ${expected.sha256}): the archive was altered or damaged`);
      }
      const blob = BLOB_ENTRY.exec(name);
      if (blob && blob[1] !== actual) throw new BackupError(`${name} holds bytes whose SHA-256 is ${actual}: the archive was altered or damaged`);
      if (++checked % 500 === 0) onProgress?.(`checked ${checked} entries`);
    }
    for (const t of manifest.tables) for (const p of t.parts) if (!manifest.entries[p]) throw new BackupError(`table ${t.name}: part ${p} is not in the archive`);
    return { archive, manifest };
  } catch (e) {
    await archive.close();
    throw e;
  }
}

/** The migrations up to the archive's schema version, or why this code cannot restore it. */
function migrationsFor(manifest: BackupManifest): string[] {
  const known = knownMigrations();
  if (!known.includes(manifest.schemaVersion)) {
    throw new BackupError(`the archive has schema version ${manifest.schemaVersion || '(none)'}, which this version of Registrum does not know `
      + `(it knows up to ${known[known.length - 1]}): restore it with the version of Registrum that made it, or a later one`);
  }
  const upTo = known.slice(0, known.indexOf(manifest.schemaVersion) + 1);
  if (upTo.join('\n') !== manifest.migrations.join('\n')) {
    throw new BackupError(`the archive's migrations (${manifest.migrations.join(', ')}) are not those of this version of Registrum up to ${manifest.schemaVersion}`);
  }
  return upTo;
}

export class NotEmptyError extends BackupError {}

/**
 * Loads the register into `db`, which must hold no tables at all. Refused before any write if the
 * archive fails its checks, is of an unknown schema, or the database is not empty.
 */
export async function restoreDatabase(db: Db, archive: ArchiveReader, manifest: BackupManifest, onProgress?: (step: string) => void): Promise<{ tables: number; rows: number }> {
  const upTo = migrationsFor(manifest);
  let rows = 0;
  await db.tx(async (q) => {
    if (db.kind === 'postgres') await lockMigrations(q);
    const existing = await existingTables(q);
    if (existing.tables.length > 0) {
      const what = existing.cases !== null ? ` (${existing.cases} cases, ${existing.acts ?? 0} acts)` : '';
      throw new NotEmptyError(`the target database is not empty: it has ${existing.tables.length} tables${what}. A restore goes into an empty database only: `
        + 'on PostgreSQL create one (createdb) and point DATABASE_URL at it; with the embedded database use a DATA_DIR that does not exist yet');
    }
    await createMigrationsTable(q);
    for (const id of upTo) await applyMigrationSql(q, readFileSync(migrationUrl(id), 'utf8'));
    const target = await listTables(q);
    const targetNames = new Set(target.map((t) => t.name));
    for (const t of manifest.tables) if (!targetNames.has(t.name)) throw new BackupError(`table ${t.name} of the archive is not in schema ${manifest.schemaVersion}`);
    const fks = await dropForeignKeys(q);
    const guarded = await tablesWithTriggers(q);
    for (const t of guarded) await setUserTriggers(q, t, false);
    for (const t of manifest.tables) {
      onProgress?.(`table ${t.name}`);
      let n = 0;
      for (const p of t.parts) {
        const lines = gunzipSync(await archive.read(p)).toString('utf8').split('\n').filter((l) => l.length > 0);
        n += await insertRows(q, t.name, t.columns, lines);
      }
      const count = await countRows(q, t.name);
      if (n !== t.rows || count !== t.rows) throw new BackupError(`table ${t.name}: ${count} rows loaded, the manifest lists ${t.rows}`);
      rows += n;
    }
    onProgress?.('foreign keys');
    await addForeignKeys(q, fks);
    for (const t of guarded) await setUserTriggers(q, t, true);
    await resetSequences(q, target, manifest.sequences);
    const applied = await appliedMigrations(q);
    if (applied.join('\n') !== manifest.migrations.join('\n')) throw new BackupError(`the archive's schema_migrations rows (${applied.join(', ')}) differ from its manifest`);
  });
  // Migrations newer than the archive run as they would on an upgrade.
  await migrate(db);
  return { tables: manifest.tables.length, rows };
}

/** Puts every blob of the archive back into storage; the store's own hash must be the blob's name. */
export async function restoreBlobs(storage: BlobStorage, archive: ArchiveReader, manifest: BackupManifest, onProgress?: (step: string) => void): Promise<{ count: number; bytes: number }> {
  let count = 0; let bytes = 0;
  for (const name of Object.keys(manifest.entries)) {
    const m = BLOB_ENTRY.exec(name);
    if (!m) continue;
    const stored = await storage.put(await archive.read(name));
    if (stored.sha256 !== m[1]) throw new BackupError(`${name} was stored as ${stored.sha256}: the archive was altered or damaged`);
    count++; bytes += stored.size;
    if (count % 500 === 0) onProgress?.(`documents ${count}`);
  }
  return { count, bytes };
}

export interface RestoreCheck { ok: boolean; journal: VerifyReport; problems: string[] }

/** The restored register against the manifest: the journal verifies, and ends in the archived seal. */
export async function checkRestored(db: Db, manifest: BackupManifest): Promise<RestoreCheck> {
  const journal = await verifyJournal(db);
  const now = await journalState(db);
  const problems: string[] = [];
  const was = manifest.journal;
  if (now.cases !== was.cases || now.acts !== was.acts) problems.push(`the restored register has ${now.cases} cases and ${now.acts} acts, the archive ${was.cases} and ${was.acts}`);
  if ((now.latestSeal?.hash ?? null) !== (was.latestSeal?.hash ?? null) || (now.latestSeal?.id ?? null) !== (was.latestSeal?.id ?? null)) {
    problems.push(`the latest journal seal is ${now.latestSeal ? `${now.latestSeal.id} ${now.latestSeal.hash}` : 'none'}, the archive's ${was.latestSeal ? `${was.latestSeal.id} ${was.latestSeal.hash}` : 'none'}`);
  }
  return { ok: journal.ok && problems.length === 0, journal, problems };
}

/** The whole restore, for one process that holds both the database and the storage. */
export async function restoreBackup(deps: { db: Db; storage: BlobStorage }, file: string, onProgress?: (step: string) => void) {
  const { archive, manifest } = await checkArchive(file, onProgress);
  try {
    const loaded = await restoreDatabase(deps.db, archive, manifest, onProgress);
    const blobs = await restoreBlobs(deps.storage, archive, manifest, onProgress);
    return { manifest, ...loaded, blobs, check: await checkRestored(deps.db, manifest) };
  } finally {
    await archive.close();
  }
}
