// An image's bytes judged and decoded: the type by its magic number (never by what the sender says), the
// size in pixels from the header before any pixel is decoded (an image of more than MAX_PIXELS is refused
// there), then the pixels averaged into a small picture for the features.
import { DomainError } from '../../../kernel/errors.ts';
import { BoxSink, damaged, type Header, type Picture } from './common.ts';
import { decodeJpeg, isJpeg, jpegHeader } from './jpeg.ts';
import { decodePng, isPng, pngHeader } from './png.ts';

export type { Header, Picture } from './common.ts';

/** The most pixels an image may have (25 megapixels). */
export const MAX_PIXELS = 25_000_000;
/** Above this many pixels a JPEG is decoded at one eighth of its size (its DC coefficients), which is plenty for the features. */
const DC_ONLY_ABOVE = 4_000_000;

/** The image's type and size, from its first bytes; refuses what is no PNG or JPEG, or is too large. */
export function imageHeader(bytes: Buffer): Header {
  if (bytes.length === 0) throw new DomainError('IMAGE_EMPTY', 'The image is empty (0 bytes)', 422);
  const header = isPng(bytes) ? pngHeader(bytes) : isJpeg(bytes) ? jpegHeader(bytes) : null;
  if (!header) throw new DomainError('IMAGE_NOT_AN_IMAGE', 'The file is not a PNG or JPEG image', 415, { accept: ['image/png', 'image/jpeg'] });
  const pixels = header.width * header.height;
  if (pixels > MAX_PIXELS) {
    throw new DomainError('IMAGE_TOO_LARGE', `The image has ${(pixels / 1e6).toFixed(1)} megapixels (${header.width} × ${header.height}); at most ${MAX_PIXELS / 1e6} megapixels are accepted`, 422,
      { width: header.width, height: header.height, maxPixels: MAX_PIXELS });
  }
  return header;
}

/** Decodes into a picture of at most `maxSide` pixels a side. Throws DomainErrors with stable codes. */
export function decodeImage(bytes: Buffer, maxSide = 256): Picture {
  const header = imageHeader(bytes);
  try {
    return decodePixels(bytes, header, maxSide);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // Reading past the end of a malformed segment, say: the bytes are at fault.
    throw damaged('The image data is damaged');
  }
}

function decodePixels(bytes: Buffer, header: Header, maxSide: number): Picture {
  if (header.type === 'image/png') {
    const sink = new BoxSink(header.width, header.height, maxSide);
    decodePng(bytes, header, sink);
    return sink.picture(header);
  }
  const dcOnly = header.width * header.height > DC_ONLY_ABOVE;
  const sink = new BoxSink(dcOnly ? Math.ceil(header.width / 8) : header.width, dcOnly ? Math.ceil(header.height / 8) : header.height, maxSide);
  decodeJpeg(bytes, header, sink, { dcOnly });
  return sink.picture(header);
}
