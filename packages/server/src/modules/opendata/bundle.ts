// Files as the office publishes them for reuse: each with its SHA-256 and size, bundled in a zip with a
// manifest (manifest.json) that lists every file, when it was made and the journal seal it anchors to,
// so a downloader checks what it received by recomputing the checksums.
import { Zip, ZipDeflate } from 'fflate';
import { sha256 } from '../../kernel/hash.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';

export interface PublishedFile { name: string; mediaType: string; size: number; sha256: string }

export interface Manifest {
  format: 'registrum-manifest/1';
  /** What the files are: the register dump or a gazette issue. */
  subject: Record<string, unknown>;
  generatedAt: string;
  /** The latest seal of the journal when the files were made (null before the first seal). */
  seal: { id: number; hash: string } | null;
  files: PublishedFile[];
}

export const describe = (name: string, mediaType: string, data: Uint8Array): PublishedFile => ({ name, mediaType, size: data.length, sha256: sha256(Buffer.from(data.buffer, data.byteOffset, data.length)) });

export function manifest(subject: Record<string, unknown>, generatedAt: Date, seal: Manifest['seal'], files: PublishedFile[]): Manifest {
  return { format: 'registrum-manifest/1', subject, generatedAt: generatedAt.toISOString(), seal, files };
}

export const manifestBytes = (m: Manifest) => Buffer.from(`${JSON.stringify(m, null, 2)}\n`, 'utf8');

/**
 * A zip built file by file (each compressed as it is added, so the uncompressed files need not all be
 * held at once), ending with a manifest.json of every file. Entries carry the generation time as their
 * date. Compressed formats (gzip, PDF, zip) are stored as they are.
 */
export class ZipBuilder {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((err, chunk) => { if (err) throw err; this.chunks.push(chunk); });
  readonly files: PublishedFile[] = [];
  constructor(private readonly generatedAt: Date) {}

  add(name: string, mediaType: string, data: Uint8Array) {
    this.files.push(describe(name, mediaType, data));
    const entry = new ZipDeflate(name, { level: /gzip|pdf|zip/.test(mediaType) ? 0 : 6 });
    entry.mtime = this.generatedAt;
    this.zip.add(entry);
    entry.push(data, true);
  }

  /** Adds the manifest of the files added and closes the zip. */
  finish(m: Omit<Manifest, 'files'>): { zip: Buffer; manifest: Manifest } {
    const full: Manifest = { ...m, files: [...this.files] };
    const entry = new ZipDeflate('manifest.json', { level: 6 });
    entry.mtime = this.generatedAt;
    this.zip.add(entry);
    entry.push(manifestBytes(full), true);
    this.zip.end();
    return { zip: Buffer.concat(this.chunks), manifest: full };
  }
}

/** A zip of the files with their manifest.json. */
export function zipWithManifest(files: { name: string; data: Uint8Array; mediaType: string }[], m: Omit<Manifest, 'files'>): { zip: Buffer; manifest: Manifest } {
  const z = new ZipBuilder(new Date(m.generatedAt));
  for (const f of files) z.add(f.name, f.mediaType, f.data);
  return z.finish(m);
}

/** Stores the bytes content-addressed; returns their description (the storage's SHA-256 is the file's). */
export async function store(storage: BlobStorage, name: string, mediaType: string, data: Uint8Array): Promise<PublishedFile> {
  const stored = await storage.put(Buffer.from(data.buffer, data.byteOffset, data.length));
  return { name, mediaType, size: stored.size, sha256: stored.sha256 };
}
