// Text set for print: a paragraph is broken into lines in logical (reading) order, then each line is
// put in visual order by the Unicode bidirectional algorithm and cut into runs of one font and one
// direction. pdfkit shapes a run (Arabic joining forms, right-to-left glyph order within it) but lays
// out words left to right in the order given, so right-to-left words are handed to it in visual order,
// one word at a time, each in its own logical order.
import bidiModule from 'bidi-js';
import { fontFor, isCjk, type FontName } from './fonts.ts';

// The package is CommonJS: its factory is the default export, or the module itself.
const bidi = ((bidiModule as any).default ?? bidiModule)() as import('bidi-js').Bidi;

/** Measures a string in a font at a size (the PDF document's own metrics). */
export type Measure = (text: string, font: FontName, size: number) => number;

export interface Run { text: string; font: FontName; width: number }
/** A line in visual order; `rtl`: its paragraph reads right to left (a writer may align it right). */
export interface Line { runs: Run[]; width: number; rtl?: boolean }
export type Direction = 'ltr' | 'rtl' | 'auto';

const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const SPACE = /\s/;

/** Splits a string into runs of one font (CJK or not), keeping whitespace with the text around it. */
function fontRuns(text: string, bold: boolean): { text: string; font: FontName }[] {
  const out: { text: string; font: FontName }[] = [];
  for (const ch of text) {
    const font = SPACE.test(ch) && out.length ? out[out.length - 1].font : fontFor(ch, bold);
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch; else out.push({ text: ch, font });
  }
  return out;
}

function measureRuns(text: string, bold: boolean, size: number, measure: Measure): Run[] {
  return fontRuns(text, bold).map((r) => ({ ...r, width: measure(r.text, r.font, size) }));
}

/**
 * Breakable pieces of a paragraph in logical order: words with the spaces after them, and each CJK
 * character on its own (CJK text breaks between any two characters).
 */
function tokens(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const chars = [...text];
  let i = 0; let offset = 0;
  const offsets: number[] = [];
  for (const c of chars) { offsets.push(offset); offset += c.length; }
  offsets.push(offset);
  while (i < chars.length) {
    const start = i;
    if (isCjk(chars[i])) {
      i++;
    } else {
      while (i < chars.length && !SPACE.test(chars[i]) && !isCjk(chars[i])) i++;
    }
    while (i < chars.length && SPACE.test(chars[i])) i++;
    if (i === start) i++;
    out.push({ start: offsets[start], end: offsets[i] });
  }
  return out;
}

/**
 * Lays out a paragraph within `width` points: lines of runs in visual order, left to right. A word longer
 * than a line is cut between characters. Line breaks in the text start new lines.
 */
export function layoutParagraph(text: string, opts: { width: number; size: number; bold?: boolean; direction?: Direction; measure: Measure }): Line[] {
  const lines: Line[] = [];
  for (const para of text.replace(/\r\n?/g, '\n').split('\n')) lines.push(...layoutOne(para, opts));
  return lines;
}

function layoutOne(text: string, opts: { width: number; size: number; bold?: boolean; direction?: Direction; measure: Measure }): Line[] {
  const { width, size, measure } = opts;
  const bold = !!opts.bold;
  if (text.trim() === '') return [{ runs: [], width: 0 }];
  // Logical line ranges: greedy, by token width; trailing spaces do not count against the line.
  const ranges: { start: number; end: number }[] = [];
  let lineStart = 0; let lineEnd = 0; let used = 0;
  const widthOf = (s: string) => measureRuns(s, bold, size, measure).reduce((a, r) => a + r.width, 0);
  for (const t of tokens(text)) {
    const piece = text.slice(t.start, t.end);
    const w = widthOf(piece.trimEnd());
    if (used > 0 && used + w > width) {
      ranges.push({ start: lineStart, end: lineEnd });
      lineStart = t.start; used = 0;
    }
    if (used === 0 && w > width) {
      // A word wider than the line: cut it into pieces that fit.
      let from = t.start; let acc = 0;
      for (let i = t.start; i < t.end;) {
        const cp = text.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        const cw = widthOf(ch);
        if (acc > 0 && acc + cw > width) { ranges.push({ start: from, end: i }); from = i; acc = 0; }
        acc += cw; i += ch.length;
      }
      lineStart = from; lineEnd = t.end; used = acc;
      continue;
    }
    used += widthOf(piece);
    lineEnd = t.end;
  }
  ranges.push({ start: lineStart, end: lineEnd });

  const hasRtl = RTL_CHARS.test(text);
  const levels = hasRtl ? bidi.getEmbeddingLevels(text, opts.direction ?? 'auto') : null;
  return ranges.map(({ start, end }) => {
    const lineText = text.slice(start, end).trimEnd();
    const runs = levels ? visualRuns(text, levels, start, start + lineText.length, bold, size, measure) : measureRuns(lineText, bold, size, measure);
    return { runs, width: runs.reduce((a, r) => a + r.width, 0), rtl: !!levels && (levels.paragraphs[0]?.level ?? 0) % 2 === 1 };
  });
}

/** One line in visual order: runs of one font and direction; right-to-left words one at a time, in logical order. */
function visualRuns(text: string, levels: ReturnType<typeof bidi.getEmbeddingLevels>, start: number, end: number, bold: boolean, size: number, measure: Measure): Run[] {
  if (end <= start) return [];
  // The whole string's indices come back, with only this line's range reordered.
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
  const pieces: { text: string; rtl: boolean; font: FontName }[] = [];
  for (const i of order) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the low half of a pair: taken with its high half
    const ch = mirrored.get(i) ?? (code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i]);
    const space = SPACE.test(ch);
    const rtl = (levels.levels[i] & 1) === 1 && !space;
    const font = space && pieces.length ? pieces[pieces.length - 1].font : fontFor(ch, bold);
    const last = pieces[pieces.length - 1];
    // A right-to-left piece ends at a space, so that pdfkit gets one word at a time.
    const joins = last && last.rtl === rtl && last.font === font && !(rtl && SPACE.test(last.text.slice(-1))) && !(last.rtl && space);
    if (joins) last.text += ch; else pieces.push({ text: ch, rtl, font });
  }
  return pieces.map((p) => {
    // A right-to-left word is collected in visual order; pdfkit wants it in logical order.
    const t = p.rtl ? [...p.text].reverse().join('') : p.text;
    return { text: t, font: p.font, width: measure(t, p.font, size) };
  });
}
