// Ids for the rows a register taken over in bulk creates: UUIDs of version 7 (RFC 9562), which begin
// with the time they were made, so a million new cases, parties and time limits are appended to the
// ends of their indexes instead of being scattered over them (far fewer pages read and rewritten).
// They are ordinary UUIDs to everything else.
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 4096);
let used = pool.length;
let lastMs = -1;
let counter = 0;
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A time-ordered UUID; ids made in the same millisecond keep their order through a 12-bit counter. */
export function timeOrderedUuid(): string {
  if (used === pool.length) { randomFillSync(pool); used = 0; }
  const b = pool.subarray(used, used + 16);
  used += 16;
  let ms = Date.now();
  if (ms <= lastMs) {
    counter++;
    if (counter > 0xfff) { lastMs++; counter = 0; }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = b[6] & 0x07; // a random start leaves room to count up within the millisecond
  }
  const t = ms;
  const out = [
    Math.floor(t / 2 ** 40) & 0xff, Math.floor(t / 2 ** 32) & 0xff, (t >>> 24) & 0xff, (t >>> 16) & 0xff, (t >>> 8) & 0xff, t & 0xff,
    0x70 | ((counter >>> 8) & 0x0f), counter & 0xff,
    0x80 | (b[8] & 0x3f), b[9], b[10], b[11], b[12], b[13], b[14], b[15],
  ];
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += hex[out[i]];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}
