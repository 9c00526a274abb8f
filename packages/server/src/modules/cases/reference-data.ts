// Nice classes and terms, and ST.3 office codes, loaded once from the shipped reference files.
import { readFileSync } from 'node:fs';

const refDir = new URL('../../../../../reference/', import.meta.url);

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = []; let field = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false; } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = ''; if (row.some((f) => f !== '')) rows.push(row); row = [];
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export interface NiceTerm { classNumber: number; basicNumber: string; term: string }

let nice: { headings: Map<number, string>; termsByText: Map<string, NiceTerm[]> } | null = null;

export function niceData() {
  if (nice) return nice;
  const headings = new Map<number, string>();
  for (const [cls, , heading] of parseCsv(readFileSync(new URL('nice/ncl-12-2024-class-headings.csv', refDir), 'utf8')).slice(1)) headings.set(Number(cls), heading);
  const termsByText = new Map<string, NiceTerm[]>();
  for (const [cls, basicNumber, term] of parseCsv(readFileSync(new URL('nice/ncl-12-2024-en-terms.csv', refDir), 'utf8')).slice(1)) {
    const key = normaliseTerm(term);
    const list = termsByText.get(key) ?? [];
    list.push({ classNumber: Number(cls), basicNumber, term });
    termsByText.set(key, list);
  }
  nice = { headings, termsByText };
  return nice;
}

export const normaliseTerm = (t: string) => t.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

let st3: Set<string> | null = null;
export function isSt3Code(code: string): boolean {
  st3 ??= new Set(parseCsv(readFileSync(new URL('WIPOST3Code.csv', refDir), 'utf8')).slice(1).map((r) => r[0]));
  return st3.has(code);
}

export type TermStatus = 'official' | 'official-other-class' | 'free-text';

/** How each goods/services term stands against the official Nice list: the classification check's input. */
export function checkTerms(goodsServices: { classNumber: number; terms: string[] }[]) {
  const { termsByText } = niceData();
  return goodsServices.map((g) => ({
    classNumber: g.classNumber,
    terms: g.terms.map((term) => {
      const hits = termsByText.get(normaliseTerm(term)) ?? [];
      const inClass = hits.find((h) => h.classNumber === g.classNumber);
      const status: TermStatus = inClass ? 'official' : hits.length ? 'official-other-class' : 'free-text';
      return { term, status, ...(inClass ? { basicNumber: inClass.basicNumber } : {}), ...(!inClass && hits.length ? { officialClasses: hits.map((h) => h.classNumber) } : {}) };
    }),
  }));
}
