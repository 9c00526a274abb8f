// Backup and restore of the whole office: the database, every table, and the documents it names, in
// one archive with a manifest of SHA-256s; restored into an empty database and verified.
export { makeBackup, type BackupDeps, type BackupOptions } from './use-cases/make-backup.ts';
export { checkArchive, checkRestored, restoreBackup, restoreBlobs, restoreDatabase, NotEmptyError, type RestoreCheck } from './use-cases/restore-backup.ts';
export { BackupError, knownMigrations, type BackupManifest } from './manifest.ts';
export { ArchiveReader } from './archive.ts';
export { BACKUP_HELP, backupCommand, restoreCommand } from './backup.cli.ts';
