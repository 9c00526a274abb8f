// The inner loop of the image search: the dot products of one query vector with many stored vectors,
// picked by row number. A tiny WebAssembly function using 128-bit SIMD (four floats at a time) runs it
// over the vectors kept in its memory; where WebAssembly SIMD is not available the same loop runs in
// JavaScript. The vectors stay in a Float32Array over that memory: the search reads and writes them there.

/** The function, encoded by hand: dots(vec, chunks, idx, n, q, out) with `chunks` 16-byte groups a row. */
function kernelBytes(): Uint8Array {
  const leb = (n: number): number[] => { const out: number[] = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
  const name = (s: string) => [...leb(s.length), ...Buffer.from(s, 'latin1')];
  const [VEC, CHUNKS, IDX, N, Q, OUT, I, P, QP, J, ROW, ACC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const get = (l: number) => [0x20, l]; const set = (l: number) => [0x21, l]; const tee = (l: number) => [0x22, l];
  const i32 = (v: number) => [0x41, v]; // small non-negative constants only
  const SIMD = 0xfd;
  const code = [
    ...get(CHUNKS), ...i32(4), 0x74, ...set(ROW), // bytes a row = chunks * 16
    0x02, 0x40, // block
    ...get(N), 0x45, 0x0d, 0x00, // nothing to do
    0x03, 0x40, // loop over the rows
    ...get(VEC), ...get(IDX), ...get(I), ...i32(2), 0x74, 0x6a, 0x28, 0x02, 0x00, ...get(ROW), 0x6c, 0x6a, ...set(P),
    ...get(Q), ...set(QP),
    SIMD, 0x0c, ...new Array(16).fill(0), ...set(ACC),
    ...get(CHUNKS), ...set(J),
    0x03, 0x40, // loop over the row's chunks
    ...get(ACC), ...get(P), SIMD, 0x00, 0x04, 0x00, ...get(QP), SIMD, 0x00, 0x04, 0x00, SIMD, 0xe6, 0x01, SIMD, 0xe4, 0x01, ...set(ACC),
    ...get(P), ...i32(16), 0x6a, ...set(P), ...get(QP), ...i32(16), 0x6a, ...set(QP),
    ...get(J), ...i32(1), 0x6b, ...tee(J), 0x0d, 0x00,
    0x0b,
    ...get(OUT), ...get(I), ...i32(2), 0x74, 0x6a,
    ...get(ACC), SIMD, 0x1f, 0x00, ...get(ACC), SIMD, 0x1f, 0x01, 0x92, ...get(ACC), SIMD, 0x1f, 0x02, 0x92, ...get(ACC), SIMD, 0x1f, 0x03, 0x92,
    0x38, 0x02, 0x00,
    ...get(I), ...i32(1), 0x6a, ...tee(I), ...get(N), 0x49, 0x0d, 0x00,
    0x0b, // end loop
    0x0b, // end block
    0x0b, // end function
  ];
  const body = [0x02, 0x05, 0x7f, 0x01, 0x7b, ...code]; // locals: 5 i32, 1 v128
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x06, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, ...name('dots'), 0x00, 0x00]),
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
}

const PAGE = 65536;
/** Bytes kept at the start of the memory for the query vector. */
const QUERY_BYTES = 64 * 1024;

/**
 * Vectors of `dim` floats (a multiple of 4) in rows, with the scratch space of a scan after them, in
 * WebAssembly memory when it can be used.
 */
export class VectorStore {
  private memory: WebAssembly.Memory | null = null;
  private dotsFn: ((vec: number, chunks: number, idx: number, n: number, q: number, out: number) => void) | null = null;
  private buffer: ArrayBuffer;
  /** The vectors, row after row. */
  vectors: Float32Array;
  capacity = 0;
  readonly simd: boolean;

  constructor(readonly dim: number, initialRows = 1024) {
    if (dim % 4 !== 0 || dim * 4 > QUERY_BYTES) throw new Error('vector length must be a multiple of 4 and at most 16384');
    try {
      const module = new WebAssembly.Module(kernelBytes() as Uint8Array<ArrayBuffer>);
      this.memory = new WebAssembly.Memory({ initial: 1 });
      const instance = new WebAssembly.Instance(module, { env: { memory: this.memory } });
      this.dotsFn = instance.exports.dots as any;
    } catch {
      this.memory = null; this.dotsFn = null;
    }
    this.simd = !!this.dotsFn;
    this.buffer = new ArrayBuffer(0);
    this.vectors = new Float32Array(0);
    this.reserve(initialRows);
  }

  /** Room for at least `rows` vectors (the memory grows; the vectors are kept). */
  reserve(rows: number) {
    if (rows <= this.capacity) return;
    const capacity = Math.max(rows, Math.ceil(this.capacity * 1.5), 1024);
    const bytes = QUERY_BYTES + capacity * this.dim * 4;
    if (this.memory) {
      const need = Math.ceil(bytes / PAGE) - this.memory.buffer.byteLength / PAGE;
      if (need > 0) this.memory.grow(need);
      this.buffer = this.memory.buffer;
    } else {
      const next = new ArrayBuffer(bytes);
      new Uint8Array(next).set(new Uint8Array(this.buffer));
      this.buffer = next;
    }
    this.capacity = capacity;
    this.vectors = new Float32Array(this.buffer, QUERY_BYTES, capacity * this.dim);
  }

  private scratchAt(n: number): { idx: number; out: number } {
    const base = QUERY_BYTES + this.capacity * this.dim * 4;
    const bytes = base + n * 8;
    if (this.memory) {
      const need = Math.ceil(bytes / PAGE) - this.memory.buffer.byteLength / PAGE;
      if (need > 0) { this.memory.grow(need); this.buffer = this.memory.buffer; this.vectors = new Float32Array(this.buffer, QUERY_BYTES, this.capacity * this.dim); }
    }
    return { idx: base, out: base + n * 4 };
  }

  /** The dot product of `query` with each row of `rows`, in order. */
  dots(query: Float32Array, rows: Int32Array, n = rows.length): Float32Array {
    if (!this.memory || !this.dotsFn) {
      const out = new Float32Array(n); const v = this.vectors; const d = this.dim;
      for (let i = 0; i < n; i++) {
        const o = rows[i] * d;
        let s0 = 0; let s1 = 0; let s2 = 0; let s3 = 0;
        for (let j = 0; j < d; j += 4) { s0 += v[o + j] * query[j]; s1 += v[o + j + 1] * query[j + 1]; s2 += v[o + j + 2] * query[j + 2]; s3 += v[o + j + 3] * query[j + 3]; }
        out[i] = s0 + s1 + s2 + s3;
      }
      return out;
    }
    const { idx, out } = this.scratchAt(n);
    new Float32Array(this.buffer, 0, this.dim).set(query);
    new Int32Array(this.buffer, idx, n).set(rows.subarray(0, n));
    this.dotsFn(QUERY_BYTES, this.dim / 4, idx, n, 0, out);
    return new Float32Array(this.buffer, out, n).slice();
  }
}
