// Content-addressed blob storage. The local-disk adapter is the embedded default; an S3 adapter
// implements the same interface. Writes are atomic (temp file + rename) and idempotent by hash.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface BlobStorage {
  put(data: Buffer): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<Buffer | null>;
  exists(sha256: string): Promise<boolean>;
}

const HEX64 = /^[0-9a-f]{64}$/;

export class LocalDiskStorage implements BlobStorage {
  private readonly made = new Set<string>();
  constructor(private readonly root: string) { mkdirSync(root, { recursive: true }); }

  private path(sha: string) { return join(this.root, sha.slice(0, 2), sha.slice(2, 4), sha); }

  async put(data: Buffer) {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const p = this.path(sha256);
    if (!(await this.exists(sha256))) {
      const dir = join(this.root, sha256.slice(0, 2), sha256.slice(2, 4));
      if (!this.made.has(dir)) { await mkdir(dir, { recursive: true }); this.made.add(dir); }
      const tmp = `${p}.${randomUUID()}.tmp`;
      await writeFile(tmp, data);
      await rename(tmp, p);
    }
    return { sha256, size: data.length };
  }

  async get(sha256: string) {
    if (!HEX64.test(sha256)) return null;
    try { return await readFile(this.path(sha256)); } catch { return null; }
  }

  async exists(sha256: string) {
    if (!HEX64.test(sha256)) return false;
    try { await stat(this.path(sha256)); return true; } catch { return false; }
  }
}

/** For tests and the in-memory database: nothing touches the disk. */
export class MemoryStorage implements BlobStorage {
  private blobs = new Map<string, Buffer>();
  async put(data: Buffer) {
    const sha256 = createHash('sha256').update(data).digest('hex');
    this.blobs.set(sha256, Buffer.from(data));
    return { sha256, size: data.length };
  }
  async get(sha256: string) { return this.blobs.get(sha256) ?? null; }
  async exists(sha256: string) { return this.blobs.has(sha256); }
}
