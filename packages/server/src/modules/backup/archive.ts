// The backup file: a POSIX tar (ustar) archive, so an operator can list and extract it with `tar`
// without Registrum. Written entry by entry to `<file>.partial` and renamed when complete; read by
// position, so the manifest at its end can be checked before anything else is trusted.
import { createHash } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';

const BLOCK = 512;

export interface ArchiveEntry { name: string; offset: number; size: number }

function header(name: string, size: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`archive entry name too long: ${name}`);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write(`${Math.floor(mtime / 1000).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export class ArchiveWriter {
  private pos = 0;
  private constructor(private readonly fh: FileHandle, private readonly path: string, private readonly tmp: string) {}

  static async create(path: string): Promise<ArchiveWriter> {
    const tmp = `${path}.partial`;
    return new ArchiveWriter(await open(tmp, 'w'), path, tmp);
  }

  /** Adds one entry; returns its SHA-256 and size for the manifest. */
  async add(name: string, data: Buffer): Promise<{ sha256: string; size: number }> {
    await this.write(header(name, data.length, Date.now()));
    await this.write(data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad) await this.write(Buffer.alloc(pad));
    return { sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
  }

  private async write(b: Buffer) {
    let off = 0;
    while (off < b.length) {
      const { bytesWritten } = await this.fh.write(b, off, b.length - off, this.pos);
      off += bytesWritten; this.pos += bytesWritten;
    }
  }

  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    await this.fh.sync();
    await this.fh.close();
    await rename(this.tmp, this.path);
  }

  async abandon(): Promise<void> {
    await this.fh.close().catch(() => {});
    await unlink(this.tmp).catch(() => {});
  }
}

export class ArchiveError extends Error {}

export class ArchiveReader {
  private constructor(private readonly fh: FileHandle, readonly entries: Map<string, ArchiveEntry>) {}

  /** Lists the entries by reading their headers only. */
  static async open(path: string): Promise<ArchiveReader> {
    const fh = await open(path, 'r');
    try {
      const { size: total } = await fh.stat();
      const entries = new Map<string, ArchiveEntry>();
      const h = Buffer.alloc(BLOCK);
      let pos = 0;
      while (pos + BLOCK <= total) {
        await fh.read(h, 0, BLOCK, pos);
        if (h.every((b) => b === 0)) break;
        let sum = 0;
        for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
        if (parseInt(h.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8) !== sum) throw new ArchiveError(`not a Registrum backup (bad tar header at byte ${pos})`);
        const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
        const size = parseInt(h.toString('ascii', 124, 136).replace(/\0.*$/, '').trim(), 8);
        if (pos + BLOCK + size > total) throw new ArchiveError(`the archive is truncated (entry ${name})`);
        if (entries.has(name)) throw new ArchiveError(`the archive holds ${name} twice`);
        entries.set(name, { name, offset: pos + BLOCK, size });
        pos += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
      }
      return new ArchiveReader(fh, entries);
    } catch (e) {
      await fh.close();
      throw e;
    }
  }

  async read(name: string): Promise<Buffer> {
    const e = this.entries.get(name);
    if (!e) throw new ArchiveError(`the archive has no entry ${name}`);
    const b = Buffer.alloc(e.size);
    let off = 0;
    while (off < e.size) {
      const { bytesRead } = await this.fh.read(b, off, e.size - off, e.offset + off);
      if (bytesRead === 0) throw new ArchiveError(`the archive is truncated (entry ${name})`);
      off += bytesRead;
    }
    return b;
  }

  close() { return this.fh.close(); }
}
