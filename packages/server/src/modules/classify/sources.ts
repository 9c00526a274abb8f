// The official texts the suggesters learn from, read once from the shipped reference files:
//  - Nice: the 12-2024 terms (what the filing check accepts, through the cases module), the class
//    headings and explanatory notes of the 12-2024 master file (an excluded item is evidence for the
//    class the note sends it to), and the terms new in the 13-2026 alphabetical list;
//  - IPC: the 2022.01 title lists, every group's title under its subclass.
import { readFileSync } from 'node:fs';
import { niceData } from '../cases/index.ts';

const refDir = new URL('../../../../../reference/', import.meta.url);

export type NiceTextKind = 'term' | 'term-13' | 'heading' | 'note';

export interface NiceText {
  classNumber: number;
  kind: NiceTextKind;
  text: string;
  /** Official terms only: the 6-digit basic number. */
  basicNumber?: string;
}

export interface NiceClassInfo { classNumber: number; heading: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
  if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  return ENTITIES[e] ?? m;
});
const plain = (xml: string) => decode(xml.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();

/** Headings and explanatory notes of the 45 classes, from the master file of texts. */
function niceNotes(headings: Map<number, string>): NiceText[] {
  const xml = readFileSync(new URL('nice/ncl-20240101-en-classification_texts-20230606.xml', refDir), 'utf8');
  const blocks = [...xml.matchAll(/<ClassTexts\b[^>]*\bidRef="([^"]+)"[^>]*>([\s\S]*?)<\/ClassTexts>/g)];
  if (blocks.length !== 45) throw new Error(`Nice master file: ${blocks.length} classes, expected 45`);
  // Class elements are referred to by id; the texts come in class order, which the headings confirm.
  const classOfId = new Map<string, number>();
  blocks.forEach((b, i) => {
    const first = plain(/<HeadingItem\b[^>]*>([\s\S]*?)<\/HeadingItem>/.exec(b[2])?.[1] ?? '');
    if (!first || !(headings.get(i + 1) ?? '').startsWith(first)) throw new Error(`Nice master file: the texts of class ${i + 1} do not match its heading`);
    classOfId.set(b[1], i + 1);
  });
  const out: NiceText[] = [];
  blocks.forEach((b, i) => {
    const classNumber = i + 1;
    const body = b[2];
    for (const m of body.matchAll(/<HeadingItem\b[^>]*>([\s\S]*?)<\/HeadingItem>/g)) out.push({ classNumber, kind: 'heading', text: plain(m[1]) });
    const intro = /<Introduction\b[^>]*>([\s\S]*?)<\/Introduction>/.exec(body);
    if (intro) out.push({ classNumber, kind: 'note', text: plain(intro[1]).replace(/^Class \d+ includes (mainly )?/i, '') });
    for (const m of body.matchAll(/<Include\b[^>]*>([\s\S]*?)<\/Include>/g)) out.push({ classNumber, kind: 'note', text: plain(m[1]) });
    for (const m of body.matchAll(/<Exclude\b[^>]*>([\s\S]*?)<\/Exclude>/g)) {
      // "goods ..., for example, photographic paper (<ClassLink 1>), abrasive paper (<ClassLink 3>)": each item to its class.
      const parts = m[1].split(/<ClassLink\b[^>]*\bidRef="([^"]+)"[^>]*\/>/);
      for (let j = 1; j < parts.length; j += 2) {
        const target = classOfId.get(parts[j]);
        let text = plain(parts[j - 1]).replace(/^[\s),;]*(and|or)?\s*/i, '').replace(/[\s(]+$/, '');
        const eg = text.toLowerCase().lastIndexOf('for example,');
        if (eg >= 0) text = text.slice(eg + 'for example,'.length).trim();
        if (target && text) out.push({ classNumber: target, kind: 'note', text });
      }
    }
  });
  return out;
}

let nice: { texts: NiceText[]; classes: NiceClassInfo[] } | null = null;

/** Every Nice text the suggester learns from, and the classes with their headings. */
export function niceSources() {
  if (nice) return nice;
  const { headings, termsByText } = niceData();
  const texts: NiceText[] = [];
  for (const list of termsByText.values()) for (const t of list) texts.push({ classNumber: t.classNumber, kind: 'term', text: t.term, basicNumber: t.basicNumber });
  texts.push(...niceNotes(headings));
  // Terms of the 13th edition whose wording the 12th does not have (goods and services named since).
  const known = new Set(termsByText.keys());
  const list13 = JSON.parse(readFileSync(new URL('nice/ncl-13-2026-en-alphabetical-list.json', refDir), 'utf8')) as { goods: { term: string; classNumber: number }[]; services: { term: string; classNumber: number }[] };
  for (const t of [...list13.goods, ...list13.services]) {
    const key = t.term.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    if (!known.has(key) && Number.isInteger(t.classNumber) && t.classNumber >= 1 && t.classNumber <= 45) texts.push({ classNumber: t.classNumber, kind: 'term-13', text: t.term });
  }
  const classes = [...headings.entries()].sort(([a], [b]) => a - b).map(([classNumber, heading]) => ({ classNumber, heading }));
  nice = { texts, classes };
  return nice;
}

let ipc: { sections: Map<string, string>; classes: Map<string, string>; subclasses: Map<string, string>; groups: Map<string, string[]> } | null = null;

/** References to other places of the scheme in a title ("(making furrows A01C0005000000; ...)") say where things are not. */
export function withoutReferences(title: string): string {
  let out = title; let before = '';
  // Innermost parentheses first, until none naming a symbol is left.
  while (out !== before) { before = out; out = out.replace(/\([^()]*\b[A-H]\d\d[A-Z]?\d*\b[^()]*\)/g, ' '); }
  return out.replace(/\s+/g, ' ').replace(/\s+([;,.])/g, '$1').trim();
}

/** The IPC title lists: sections, classes, subclasses, and per subclass the titles of its groups. */
export function ipcSources() {
  if (ipc) return ipc;
  const sections = new Map<string, string>(); const classes = new Map<string, string>(); const subclasses = new Map<string, string>();
  const groups = new Map<string, string[]>();
  for (const section of 'ABCDEFGH') {
    const text = readFileSync(new URL(`ipc/ipc-2022.01-title-list-${section}.txt`, refDir), 'latin1');
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 1) continue;
      const symbol = line.slice(0, tab).trim(); const title = line.slice(tab + 1).trim();
      if (symbol.length === 1) sections.set(symbol, title);
      else if (symbol.length === 3) classes.set(symbol, title);
      else if (symbol.length === 4) subclasses.set(symbol, title);
      else if (symbol.length === 14) {
        const sub = symbol.slice(0, 4);
        let list = groups.get(sub);
        if (!list) { list = []; groups.set(sub, list); }
        list.push(title);
      }
    }
  }
  if (subclasses.size < 600) throw new Error(`IPC title lists: only ${subclasses.size} subclasses`);
  ipc = { sections, classes, subclasses, groups };
  return ipc;
}
