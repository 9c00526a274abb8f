// `registrum backup FILE`: the database and the documents it names, as one archive. All rows are read in
// one repeatable-read transaction, so the archive is the register at one instant even while the office
// works; blobs never change once stored, so reading them inside that transaction is enough.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { findFramework } from '@registrum/procedures';
import type { Db } from '../../../platform/db/db.ts';
import type { BlobStorage } from '../../../platform/storage/storage.ts';
import { ArchiveWriter } from '../archive.ts';
import { appliedMigrations, beginSnapshot, blobReferences, exportRows, journalState, listTables, sequences } from '../backup.repository.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, blobEntry, MANIFEST_ENTRY, type BackupManifest } from '../manifest.ts';

export interface BackupDeps { db: Db; storage: BlobStorage; framework: string }

export interface BackupOptions {
  /** Rows per compressed part of a table (a part is also closed at 8 MB of JSON). */
  rowsPerPart?: number;
  onProgress?: (step: string) => void;
}

const PART_BYTES = 8 * 1024 * 1024;

export async function makeBackup(deps: BackupDeps, file: string, opts: BackupOptions = {}): Promise<{ manifest: BackupManifest; manifestSha256: string; bytes: number }> {
  const rowsPerPart = opts.rowsPerPart ?? 2000;
  const framework = findFramework(deps.framework);
  if (!framework) throw new BackupError(`unknown framework ${deps.framework}`);
  const out = await ArchiveWriter.create(file);
  try {
    const manifest = await deps.db.tx(async (q): Promise<BackupManifest> => {
      await beginSnapshot(q);
      const migrations = await appliedMigrations(q);
      const entries: BackupManifest['entries'] = {};
      const tables: BackupManifest['tables'] = [];
      for (const t of await listTables(q)) {
        opts.onProgress?.(`table ${t.name}`);
        const entry = { name: t.name, columns: t.columns, rows: 0, parts: [] as string[] };
        let lines: string[] = []; let bytes = 0;
        const flush = async () => {
          if (lines.length === 0) return;
          const name = `tables/${t.name}/${String(entry.parts.length + 1).padStart(5, '0')}.jsonl.gz`;
          entries[name] = await out.add(name, gzipSync(`${lines.join('\n')}\n`));
          entry.parts.push(name);
          lines = []; bytes = 0;
        };
        await exportRows(q, t, Math.min(rowsPerPart, 1000), async (rows) => {
          for (const r of rows) {
            lines.push(r); bytes += r.length; entry.rows++;
            if (lines.length >= rowsPerPart || bytes >= PART_BYTES) await flush();
          }
        });
        await flush();
        tables.push(entry);
      }
      opts.onProgress?.('documents');
      const blobs: BackupManifest['blobs'] = { count: 0, bytes: 0, missing: [], notStored: 0 };
      await blobReferences(q, await listTables(q), 500, async (refs) => {
        for (const ref of refs) {
          const data = await deps.storage.get(ref.sha256);
          // A SHA-256 inside JSON need not name a blob (e.g. the hash of submitted data); a sha256 column always does.
          if (!data || createHash('sha256').update(data).digest('hex') !== ref.sha256) {
            if (ref.column || data) blobs.missing.push(ref.sha256); else blobs.notStored++;
            continue;
          }
          const name = blobEntry(ref.sha256);
          entries[name] = await out.add(name, data);
          blobs.count++; blobs.bytes += data.length;
        }
      });
      return {
        format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(),
        office: { framework: framework.id, code: framework.office.code, name: framework.office.name },
        database: deps.db.kind, schemaVersion: migrations[migrations.length - 1] ?? '', migrations,
        tables, sequences: await sequences(q), blobs, journal: await journalState(q), entries,
      };
    });
    const text = Buffer.from(JSON.stringify(manifest, null, 1));
    await out.add(MANIFEST_ENTRY, text);
    await out.finish();
    const bytes = Object.values(manifest.entries).reduce((s, e) => s + e.size, text.length);
    return { manifest, manifestSha256: createHash('sha256').update(text).digest('hex'), bytes };
  } catch (e) {
    await out.abandon();
    throw e;
  }
}
