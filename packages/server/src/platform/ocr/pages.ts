// What of a stored document the OCR engine reads, page by page: the page images of a PDF, the pages of
// a TIFF, or the one image of a PNG or JPEG. A PDF without page images needs no OCR (its text is its
// own, or it has none); a PDF whose images are all in a form we do not read (JBIG2, JPEG 2000, LZW) or
// that is encrypted is unsupported, said with the reason. Pure.
import { pdfPageImages, PdfUnsupported } from './pdf-images.ts';
import { splitTiff, TiffReadError } from './tiff.ts';

export const OCR_MEDIA_TYPES: readonly string[] = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'];

export interface ScanPage {
  page: number;
  /**
   * The images to read, in the order they are drawn, each decoded when called (throws when its data is
   * damaged); none for a page that has no image we can read.
   */
  images: (() => Buffer)[];
  /** Why a page has nothing to read: 'text layer', 'no image', or the form of image that is not read. */
  note: string | null;
}

export type Scan =
  | { kind: 'ocr'; pages: ScanPage[] }
  | { kind: 'not-needed'; pages: number; reason: string }
  | { kind: 'unsupported'; reason: string };

/** Throws (PdfReadError, TiffReadError) when the file is damaged. */
export function scanOf(mediaType: string, data: Buffer, maxPages: number): Scan {
  switch (mediaType) {
    case 'image/png':
    case 'image/jpeg':
      return { kind: 'ocr', pages: [{ page: 1, images: [() => data], note: null }] };
    case 'image/tiff': {
      let pages: Buffer[];
      try {
        pages = splitTiff(data);
      } catch (e) {
        if (e instanceof TiffReadError && /BigTIFF/.test(e.message)) return { kind: 'unsupported', reason: e.message };
        throw e;
      }
      if (pages.length > maxPages) return { kind: 'unsupported', reason: `more than ${maxPages} pages` };
      return { kind: 'ocr', pages: pages.map((p, i) => ({ page: i + 1, images: [() => p], note: null })) };
    }
    case 'application/pdf': {
      let pdf: ReturnType<typeof pdfPageImages>;
      try {
        pdf = pdfPageImages(data, { maxPages });
      } catch (e) {
        if (e instanceof PdfUnsupported) return { kind: 'unsupported', reason: e.message };
        throw e;
      }
      if (pdf.encrypted) return { kind: 'unsupported', reason: 'the PDF is encrypted' };
      const pages: ScanPage[] = pdf.pages.map((p) => ({
        page: p.page,
        images: p.images.map((i) => () => i.read().data),
        note: p.images.length ? null : p.skipped.length ? `image not read: ${[...new Set(p.skipped)].join(', ')}` : p.hasText ? 'text layer' : 'no image',
      }));
      if (pages.some((p) => p.images.length)) return { kind: 'ocr', pages };
      const skipped = [...new Set(pdf.pages.flatMap((p) => p.skipped))];
      if (skipped.length) return { kind: 'unsupported', reason: `images not read: ${skipped.join(', ')}` };
      return { kind: 'not-needed', pages: pages.length, reason: pdf.pages.some((p) => p.hasText) ? 'the PDF has a text layer and no page images' : 'the PDF has no page images' };
    }
    default:
      return { kind: 'unsupported', reason: `${mediaType} is not an image` };
  }
}
