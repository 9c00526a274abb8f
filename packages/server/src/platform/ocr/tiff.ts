// The pages of a multi-page TIFF (a fax, a batch from a document scanner) as single-page TIFFs: the OCR
// engine's image library reads only the first image of a file. Each page keeps its own tags and image
// data (strips or tiles, any compression), copied into a file of its own with the offsets rewritten;
// links to other directories (EXIF, GPS, sub-images) are dropped, and reduced-resolution images
// (thumbnails) are not pages. Pure.

export class TiffReadError extends Error {}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** Tags whose values are offsets of the image data, with the tag giving each block's length. */
const DATA_BLOCKS: Record<number, number> = { 273: 279, 324: 325, 513: 514 };
/** Tags pointing to other directories: meaningless in a file of one page. */
const DROPPED = new Set([330, 34665, 34853, 40965]);
const MAX_PAGES = 10_000;

interface Entry { tag: number; type: number; count: number; raw: Buffer; valueOffset: number | null }

export function tiffPageCount(b: Buffer): number { return directories(b).length; }

function directories(b: Buffer): { offset: number; entries: Entry[] }[] {
  if (b.length < 8) throw new TiffReadError('too short for a TIFF');
  const le = b[0] === 0x49 && b[1] === 0x49;
  if (!le && !(b[0] === 0x4d && b[1] === 0x4d)) throw new TiffReadError('not a TIFF');
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  if (u16(2) === 43) throw new TiffReadError('BigTIFF is not read');
  if (u16(2) !== 42) throw new TiffReadError('not a TIFF');
  const out: { offset: number; entries: Entry[] }[] = [];
  const seen = new Set<number>();
  for (let offset = u32(4); offset !== 0; ) {
    if (seen.has(offset) || offset + 2 > b.length || out.length >= MAX_PAGES) throw new TiffReadError('the TIFF file is damaged');
    seen.add(offset);
    const count = u16(offset);
    if (offset + 2 + count * 12 + 4 > b.length) throw new TiffReadError('the TIFF file is damaged');
    const entries: Entry[] = [];
    for (let i = 0; i < count; i++) {
      const o = offset + 2 + i * 12;
      const tag = u16(o); const type = u16(o + 2); const n = u32(o + 4);
      const size = (TYPE_SIZE[type] ?? 0) * n;
      if (!TYPE_SIZE[type]) continue; // unknown type: a reader must skip it
      if (size <= 4) entries.push({ tag, type, count: n, raw: b.subarray(o + 8, o + 12), valueOffset: null });
      else {
        const at = u32(o + 8);
        if (at + size > b.length) throw new TiffReadError(`tag ${tag} points outside the file`);
        entries.push({ tag, type, count: n, raw: b.subarray(at, at + size), valueOffset: at });
      }
    }
    out.push({ offset, entries });
    offset = u32(offset + 2 + count * 12);
  }
  if (out.length === 0) throw new TiffReadError('the TIFF file has no image');
  return out;
}

/** The pages of a TIFF, each a TIFF of its own. A file of one page is returned as it is. */
export function splitTiff(b: Buffer): Buffer[] {
  const dirs = directories(b);
  const le = b[0] === 0x49;
  const values = (e: Entry): number[] => {
    const out: number[] = [];
    for (let i = 0; i < e.count; i++) {
      if (e.type === 3) out.push(le ? e.raw.readUInt16LE(2 * i) : e.raw.readUInt16BE(2 * i));
      else if (e.type === 4 || e.type === 13) out.push(le ? e.raw.readUInt32LE(4 * i) : e.raw.readUInt32BE(4 * i));
      else throw new TiffReadError(`tag ${e.tag} has an unexpected type`);
    }
    return out;
  };
  // Reduced-resolution images (NewSubfileType bit 0) are previews of a page, not pages.
  const pages = dirs.filter((d) => {
    const sub = d.entries.find((e) => e.tag === 254);
    return !sub || (values(sub)[0] & 1) === 0;
  });
  if (dirs.length === 1) return [b];
  return (pages.length ? pages : dirs).map((d) => onePage(d.entries, le, values, b));
}

function onePage(entriesIn: Entry[], le: boolean, values: (e: Entry) => number[], b: Buffer): Buffer {
  const entries = entriesIn.filter((e) => !DROPPED.has(e.tag)).sort((x, y) => x.tag - y.tag);
  const w16 = (buf: Buffer, v: number, o: number) => (le ? buf.writeUInt16LE(v, o) : buf.writeUInt16BE(v, o));
  const w32 = (buf: Buffer, v: number, o: number) => (le ? buf.writeUInt32LE(v, o) : buf.writeUInt32BE(v, o));
  const ifdSize = 2 + entries.length * 12 + 4;
  const chunks: Buffer[] = [];
  let at = 8 + ifdSize;
  const place = (data: Buffer): number => {
    if (at % 2) { chunks.push(Buffer.alloc(1)); at++; } // values start on a word boundary
    const o = at; chunks.push(data); at += data.length;
    return o;
  };
  // The image data first (so the offsets of out-of-line values are known when the directory is written).
  const blocks = new Map<number, number[]>();
  for (const e of entries) {
    const lengthTag = DATA_BLOCKS[e.tag];
    if (lengthTag === undefined) continue;
    const lengths = entries.find((x) => x.tag === lengthTag);
    if (!lengths) throw new TiffReadError(`tag ${e.tag} without the lengths of its data`);
    const offs = values(e); const lens = values(lengths);
    if (offs.length !== lens.length && e.tag !== 513) throw new TiffReadError('image data offsets and lengths do not match');
    blocks.set(e.tag, offs.map((o, i) => {
      const len = lens[i] ?? 0;
      if (o + len > b.length) throw new TiffReadError('image data outside the file');
      return place(b.subarray(o, o + len));
    }));
  }
  const ifd = Buffer.alloc(ifdSize);
  w16(ifd, entries.length, 0);
  entries.forEach((e, i) => {
    const o = 2 + i * 12;
    const moved = blocks.get(e.tag);
    w16(ifd, e.tag, o);
    if (moved) {
      // Offsets are written as LONGs, whatever type they had.
      w16(ifd, 4, o + 2); w32(ifd, moved.length, o + 4);
      if (moved.length === 1) w32(ifd, moved[0], o + 8);
      else {
        const arr = Buffer.alloc(moved.length * 4);
        moved.forEach((v, j) => w32(arr, v, j * 4));
        w32(ifd, place(arr), o + 8);
      }
      return;
    }
    w16(ifd, e.type, o + 2); w32(ifd, e.count, o + 4);
    if (e.valueOffset === null) e.raw.copy(ifd, o + 8);
    else w32(ifd, place(Buffer.from(e.raw)), o + 8);
  });
  w32(ifd, 0, ifdSize - 4);
  const head = Buffer.alloc(8);
  head.write(le ? 'II' : 'MM', 0, 'latin1'); w16(head, 42, 2); w32(head, 8, 4);
  return Buffer.concat([head, ifd, ...chunks]);
}
