// What a backup file holds, written last into it as manifest.json.
import { readdirSync } from 'node:fs';

export const BACKUP_FORMAT = 'registrum-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  office: { framework: string; code: string; name: string };
  database: 'postgres' | 'pglite';
  /** The last migration applied, and all of them in order. */
  schemaVersion: string;
  migrations: string[];
  /** In load order: parents before children. */
  tables: { name: string; columns: string[]; rows: number; parts: string[] }[];
  sequences: { name: string; lastValue: number | null }[];
  blobs: { count: number; bytes: number; missing: string[]; notStored: number };
  journal: { cases: number; acts: number; unsealedActs: number; latestSeal: { id: number; hash: string } | null };
  /** Every other entry of the archive with its SHA-256 and size. */
  entries: Record<string, { sha256: string; size: number }>;
}

export class BackupError extends Error {}

/** The migrations this version of the code knows, in the order they apply. */
export function knownMigrations(): string[] {
  return readdirSync(new URL('../../platform/db/migrations/', import.meta.url)).filter((f) => f.endsWith('.sql')).sort();
}

export const migrationUrl = (id: string) => new URL(`../../platform/db/migrations/${id}`, import.meta.url);

export const blobEntry = (sha256: string) => `blobs/${sha256}`;
export const BLOB_ENTRY = /^blobs\/([0-9a-f]{64})$/;
