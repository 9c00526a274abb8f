// What the decoders share: the header a file declares, the refusals of a file's bytes, and the sink that
// averages the decoded pixels into a small picture (a box filter), which is all the features need.
import { DomainError } from '../../../kernel/errors.ts';

export type ImageType = 'image/png' | 'image/jpeg';

export interface Header { type: ImageType; width: number; height: number }

/** A decoded picture, at most `maxSide` pixels a side: RGB, 3 bytes a pixel, row by row. */
export interface Picture { width: number; height: number; rgb: Uint8Array; source: Header }

export const damaged = (why: string) => new DomainError('IMAGE_DAMAGED', `${why}; the image cannot be read`, 422);
export const unsupported = (why: string) => new DomainError('IMAGE_FORMAT_UNSUPPORTED', `${why}; save the image again as an ordinary PNG or JPEG`, 422);

/** Receives rows of RGB: `count` pixels of source row `y`, the first at column `x0`, then every `dx` columns. */
export interface Sink { row(y: number, x0: number, dx: number, rgb: Uint8Array, count: number): void }

/** Averages source pixels into the cells of a picture of at most `maxSide` a side. */
export class BoxSink implements Sink {
  readonly width: number;
  readonly height: number;
  private readonly sums: Float64Array;
  private readonly counts: Uint32Array;
  private readonly colOf: Uint32Array;

  constructor(readonly sourceWidth: number, readonly sourceHeight: number, maxSide: number) {
    const scale = Math.min(1, maxSide / Math.max(sourceWidth, sourceHeight));
    this.width = Math.max(1, Math.round(sourceWidth * scale));
    this.height = Math.max(1, Math.round(sourceHeight * scale));
    this.sums = new Float64Array(this.width * this.height * 3);
    this.counts = new Uint32Array(this.width * this.height);
    this.colOf = new Uint32Array(sourceWidth);
    for (let x = 0; x < sourceWidth; x++) this.colOf[x] = Math.min(this.width - 1, Math.floor((x * this.width) / sourceWidth));
  }

  row(y: number, x0: number, dx: number, rgb: Uint8Array, count: number) {
    const ty = Math.min(this.height - 1, Math.floor((y * this.height) / this.sourceHeight));
    const base = ty * this.width;
    for (let i = 0, x = x0; i < count; i++, x += dx) {
      const cell = base + this.colOf[x];
      this.sums[cell * 3] += rgb[i * 3]; this.sums[cell * 3 + 1] += rgb[i * 3 + 1]; this.sums[cell * 3 + 2] += rgb[i * 3 + 2];
      this.counts[cell]++;
    }
  }

  picture(source: Header): Picture {
    const rgb = new Uint8Array(this.width * this.height * 3);
    for (let i = 0; i < this.counts.length; i++) {
      const n = this.counts[i] || 1;
      rgb[i * 3] = Math.round(this.sums[i * 3] / n); rgb[i * 3 + 1] = Math.round(this.sums[i * 3 + 1] / n); rgb[i * 3 + 2] = Math.round(this.sums[i * 3 + 2] / n);
    }
    return { width: this.width, height: this.height, rgb, source };
  }
}
