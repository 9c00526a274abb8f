// A page writer for the office's PDFs (the gazette, outgoing documents): A4 pages with a running
// header and a numbered footer, headings, paragraphs in any script (platform/pdf/text.ts), labelled
// rows, images and rules. It keeps its own y position and starts a new page when the next block does not fit,
// so callers describe content, not coordinates.
import PDFDocument from 'pdfkit';
import { FONT_NAMES, fontObject, type FontName } from './fonts.ts';
import { layoutParagraph, type Direction, type Line } from './text.ts';

export interface PdfWriterOptions {
  title: string;
  author?: string;
  subject?: string;
  /** Shown at the top of every page. */
  header?: string;
  /** Shown at the foot of every page, before the page number. */
  footer?: string;
  /** The document's creation date (fixed by the caller, so that the same content gives the same file). */
  createdAt?: Date;
  lang?: string;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  /** Points from the left margin. */
  indent?: number;
  direction?: Direction;
  /** Space after the block, in points. */
  after?: number;
  /** Lines of a paragraph that reads right to left are set flush right (default: flush left, like the rest). */
  alignRtl?: boolean;
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };

export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;
  private y = MARGIN.top;
  private pageNo = 0;
  private currentFont: FontName | null = null;
  private currentSize = 0;
  private readonly widths = new Map<string, number>();

  constructor(private readonly opts: PdfWriterOptions) {
    const info: Record<string, string | Date> = { Title: opts.title, Author: opts.author ?? '', Subject: opts.subject ?? '', Creator: 'Registrum', Producer: 'Registrum' };
    if (opts.createdAt) { info.CreationDate = opts.createdAt; info.ModDate = opts.createdAt; }
    // No default font: pdfkit would read Helvetica's metrics for every document, and every run is set in an embedded font.
    this.doc = new PDFDocument({ size: 'A4', autoFirstPage: false, margin: 0, compress: true, info, lang: opts.lang ?? 'en', displayTitle: true, font: null as unknown as string });
    for (const f of FONT_NAMES) this.doc.registerFont(f, fontObject(f) as unknown as Buffer);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => { this.doc.on('end', () => resolve()); this.doc.on('error', (e: unknown) => reject(e)); });
    this.newPage();
  }

  /** The width available to text at an indent. */
  width(indent = 0) { return PAGE.width - MARGIN.left - MARGIN.right - indent; }

  private use(font: FontName, size: number) {
    if (font !== this.currentFont) { this.doc.font(font); this.currentFont = font; }
    if (size !== this.currentSize) { this.doc.fontSize(size); this.currentSize = size; }
  }

  /** Width of a string in a font and size; repeated strings (labels, digits) are measured once. */
  private readonly measure = (text: string, font: FontName, size: number): number => {
    const key = `${font}\u0000${size}\u0000${text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.use(font, size);
      w = this.doc.widthOfString(text);
      if (this.widths.size < 50_000) this.widths.set(key, w);
    }
    return w;
  };

  newPage() {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.pageNo++;
    this.currentFont = null; this.currentSize = 0;
    this.y = MARGIN.top;
    const grey = '#555555';
    if (this.opts.header) {
      this.drawLines(layoutParagraph(this.opts.header, { width: this.width(), size: 8, measure: this.measure }).slice(0, 1), MARGIN.left, MARGIN.top - 30, 8, grey);
      this.doc.strokeColor('#999999').lineWidth(0.5).moveTo(MARGIN.left, MARGIN.top - 16).lineTo(PAGE.width - MARGIN.right, MARGIN.top - 16).stroke();
    }
    const foot = `${this.opts.footer ? `${this.opts.footer} · ` : ''}${this.pageNo}`;
    const lines = layoutParagraph(foot, { width: this.width(), size: 8, measure: this.measure }).slice(0, 1);
    this.drawLines(lines, PAGE.width - MARGIN.right - (lines[0]?.width ?? 0), PAGE.height - MARGIN.bottom + 24, 8, grey);
  }

  get pages() { return this.pageNo; }

  private room() { return PAGE.height - MARGIN.bottom - this.y; }

  /** Starts a new page unless `height` points are left on this one. */
  ensure(height: number) { if (this.room() < height) this.newPage(); }

  private lineHeight(size: number) { return size * 1.32; }

  private drawLines(lines: Line[], x: number, y: number, size: number, color: string) {
    this.doc.fillColor(color);
    let ly = y;
    for (const line of lines) {
      let cx = x;
      for (const run of line.runs) {
        this.use(run.font, size);
        this.doc.text(run.text, cx, ly, { lineBreak: false });
        cx += run.width;
      }
      ly += this.lineHeight(size);
    }
  }

  /** Lays out text (without drawing it): how many lines it takes. */
  lines(text: string, style: TextStyle = {}): Line[] {
    return layoutParagraph(text, { width: this.width(style.indent ?? 0), size: style.size ?? 10, bold: style.bold, direction: style.direction, measure: this.measure });
  }

  /** A paragraph; it may run over to the next page line by line. */
  paragraph(text: string, style: TextStyle = {}) {
    const size = style.size ?? 10;
    const lh = this.lineHeight(size);
    for (const line of this.lines(text, style)) {
      this.ensure(lh);
      const shift = style.alignRtl && line.rtl ? this.width(style.indent ?? 0) - line.width : 0;
      this.drawLines([line], MARGIN.left + (style.indent ?? 0) + shift, this.y, size, style.color ?? '#000000');
      this.y += lh;
    }
    this.y += style.after ?? 0;
  }

  /** A block of paragraphs kept together on one page (unless it is longer than a page). */
  block(parts: { text: string; style?: TextStyle }[], after = 0) {
    const laid = parts.map((p) => ({ lines: this.lines(p.text, p.style), style: p.style ?? {} }));
    const height = laid.reduce((h, p) => h + p.lines.length * this.lineHeight(p.style.size ?? 10) + (p.style.after ?? 0), 0);
    if (height <= PAGE.height - MARGIN.top - MARGIN.bottom) this.ensure(height);
    for (const p of laid) {
      const size = p.style.size ?? 10;
      for (const line of p.lines) {
        this.ensure(this.lineHeight(size));
        const shift = p.style.alignRtl && line.rtl ? this.width(p.style.indent ?? 0) - line.width : 0;
        this.drawLines([line], MARGIN.left + (p.style.indent ?? 0) + shift, this.y, size, p.style.color ?? '#000000');
        this.y += this.lineHeight(size);
      }
      this.y += p.style.after ?? 0;
    }
    this.y += after;
  }

  /**
   * A labelled row: the label in a narrow column, the value beside it (mirrored for right-to-left
   * documents: label on the right). Kept on one page unless it is longer than a page.
   */
  row(label: string, value: string, opts: { rtl?: boolean; labelWidth?: number; size?: number } = {}) {
    const size = opts.size ?? 10;
    const lw = opts.labelWidth ?? 150;
    const gap = 12;
    const vw = this.width() - lw - gap;
    const direction: Direction = opts.rtl ? 'rtl' : 'auto';
    const l = layoutParagraph(label, { width: lw, size, bold: true, direction, measure: this.measure });
    const v = layoutParagraph(value, { width: vw, size, direction, measure: this.measure });
    const lh = this.lineHeight(size);
    const height = Math.max(l.length, v.length) * lh;
    if (height <= PAGE.height - MARGIN.top - MARGIN.bottom) this.ensure(height);
    const right = PAGE.width - MARGIN.right;
    l.forEach((line, i) => this.drawLines([line], opts.rtl ? right - line.width : MARGIN.left, this.y + i * lh, size, '#333333'));
    v.forEach((line, i) => {
      this.ensure(lh);
      const x = opts.rtl ? right - lw - gap - line.width : MARGIN.left + lw + gap;
      this.drawLines([line], x, this.y + i * lh, size, '#000000');
    });
    this.y += height + 2;
  }

  /**
   * An image (PNG or JPEG bytes) scaled to fit a box, never enlarged; placed at the start of the line
   * (the right edge for right-to-left documents). Returns false, drawing nothing, if pdfkit cannot read it.
   */
  image(data: Buffer, opts: { maxWidth?: number; maxHeight?: number; rtl?: boolean; after?: number } = {}): boolean {
    let img: { width: number; height: number };
    try { img = (this.doc as any).openImage(data); } catch { return false; }
    const scale = Math.min(1, (opts.maxWidth ?? 220) / img.width, (opts.maxHeight ?? 160) / img.height);
    const w = img.width * scale; const h = img.height * scale;
    this.ensure(h + (opts.after ?? 8));
    const x = opts.rtl ? PAGE.width - MARGIN.right - w : MARGIN.left;
    this.doc.image(img as any, x, this.y, { width: w, height: h });
    this.y += h + (opts.after ?? 8);
    return true;
  }

  /** A heading, kept with at least `keepWith` points of what follows. */
  heading(text: string, level: 1 | 2 = 1, keepWith = 60, rtl = false) {
    const size = level === 1 ? 18 : 13;
    const laid = this.lines(text, { size, bold: true, direction: rtl ? 'rtl' : 'auto' });
    this.ensure(laid.length * this.lineHeight(size) + keepWith);
    if (this.y > MARGIN.top) this.y += level === 1 ? 10 : 6;
    laid.forEach((line, i) => this.drawLines([line], rtl ? PAGE.width - MARGIN.right - line.width : MARGIN.left, this.y + i * this.lineHeight(size), size, '#000000'));
    this.y += laid.length * this.lineHeight(size) + 4;
  }

  /** A thin horizontal rule across the text width. */
  rule(after = 6) {
    this.ensure(after + 2);
    this.doc.strokeColor('#bbbbbb').lineWidth(0.5).moveTo(MARGIN.left, this.y).lineTo(PAGE.width - MARGIN.right, this.y).stroke();
    this.y += after;
  }

  space(points: number) { this.y += points; }

  /** Ends the document and returns its bytes. */
  async finish(): Promise<Buffer> {
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }
}
