// The `registrum backup` and `registrum restore` commands.
import { existsSync } from 'node:fs';
import type { Db } from '../../platform/db/db.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import { BackupError } from './manifest.ts';
import { makeBackup } from './use-cases/make-backup.ts';
import { checkArchive, checkRestored, restoreBlobs, restoreDatabase } from './use-cases/restore-backup.ts';

export const BACKUP_HELP = `  registrum backup FILE           write the database and every document it names into one archive (tar)
  registrum restore FILE          check an archive, load it into an EMPTY database, put its documents back
                                  and verify the journal; exits 1 on any mismatch`;

export interface CliOut { out: (line: string) => void; err: (line: string) => void; progress: (text: string | null) => void }

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function backupCommand(office: { db: Db; storage: BlobStorage; framework: string }, args: string[], io: CliOut): Promise<number> {
  const file = args[0];
  if (!file) { io.err('Usage: registrum backup FILE'); return 2; }
  if (existsSync(file)) { io.err(`${file} exists already: give the name of a new file`); return 2; }
  const { manifest: m, manifestSha256, bytes } = await makeBackup(office, file, { onProgress: (s) => io.progress(s) });
  io.progress(null);
  const rows = m.tables.reduce((s, t) => s + t.rows, 0);
  io.out(`backup written to ${file} (${mb(bytes)})`);
  io.out(`  schema ${m.schemaVersion}, ${m.tables.length} tables, ${rows} rows; ${m.blobs.count} documents (${mb(m.blobs.bytes)})`);
  io.out(`  register: ${m.journal.cases} cases, ${m.journal.acts} acts (${m.journal.unsealedActs} not yet sealed); latest seal ${m.journal.latestSeal ? `${m.journal.latestSeal.id} ${m.journal.latestSeal.hash}` : 'none'}`);
  io.out(`  manifest sha256 ${manifestSha256}`);
  if (m.blobs.missing.length > 0) {
    io.err(`WARNING: ${m.blobs.missing.length} documents the register names are missing or damaged in storage and are not in the backup:`);
    for (const h of m.blobs.missing.slice(0, 20)) io.err(`  ${h}`);
    return 1;
  }
  return 0;
}

export interface RestoreTarget {
  /** The configured database, not migrated (a restore needs it empty). */
  openDatabase(): Promise<Db>;
  /** The office on that database once loaded: its storage receives the documents. */
  openOffice(db: Db): Promise<{ db: Db; storage: BlobStorage; close(): Promise<void> }>;
  framework: string;
}

export async function restoreCommand(target: RestoreTarget, args: string[], io: CliOut): Promise<number> {
  const file = args[0];
  if (!file) { io.err('Usage: registrum restore FILE'); return 2; }
  try {
    const { archive, manifest: m } = await checkArchive(file, (s) => io.progress(s));
    io.progress(null);
    try {
      io.out(`archive checked: ${Object.keys(m.entries).length} entries match the manifest (made ${m.createdAt}, office ${m.office.code} ${m.office.framework}, schema ${m.schemaVersion})`);
      if (m.office.framework !== target.framework) io.err(`note: the archive is of framework ${m.office.framework}, REGISTRUM_FRAMEWORK is ${target.framework}`);
      const db = await target.openDatabase();
      let loaded;
      try { loaded = await restoreDatabase(db, archive, m, (s) => io.progress(s)); } catch (e) { await db.close(); throw e; }
      io.progress(null);
      io.out(`database loaded: ${loaded.tables} tables, ${loaded.rows} rows`);
      const office = await target.openOffice(db);
      try {
        const blobs = await restoreBlobs(office.storage, archive, m, (s) => io.progress(s));
        io.progress(null);
        io.out(`documents stored: ${blobs.count} (${mb(blobs.bytes)})`);
        const check = await checkRestored(office.db, m);
        const r = check.journal;
        io.out(`journal verify: ${r.ok ? 'OK' : 'TAMPERING DETECTED'}: ${r.cases} cases, ${r.acts} acts, ${r.seals} seals (${r.unsealedActs} acts not yet sealed)`);
        for (const p of r.problems) io.out(`  ${p.kind}: ${p.caseNumber ?? p.caseId ?? `seal ${p.sealId}`}${p.seq ? ` act ${p.seq}` : ''}: ${p.message}`);
        for (const p of check.problems) io.out(`  ${p}`);
        io.out(check.ok ? `restored; latest seal ${m.journal.latestSeal ? `${m.journal.latestSeal.id} ${m.journal.latestSeal.hash}` : 'none'} as in the archive`
          : 'RESTORE FAILED its checks: do not use this database');
        return check.ok ? 0 : 1;
      } finally {
        await office.close();
      }
    } finally {
      await archive.close();
    }
  } catch (e) {
    io.progress(null);
    if (e instanceof BackupError) { io.err(`restore refused: ${e.message}`); return 1; }
    throw e;
  }
}
