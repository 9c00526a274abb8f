// Everyday English phrases with the official wording they stand for ('phone case' -> 'cases for
// smartphones'), matched on stems so every form of the words matches. Three kinds of entry:
//   'phone case'          the words next to each other (function words between them ignored);
//   'software+cloud'      all these words anywhere in the description;
//   '= ...' as the wording: an idiom whose own words mislead ('coffee shop' is no coffee): they are
//                         replaced by the wording instead of kept beside it.
// Longer phrases are matched first; a word belongs to one phrase at most. The added words are tokens of
// their own, weighted below the words written.
import { tokensOf, type Token } from './analyse.ts';

export interface ParaphraseLexicon {
  /** How much the added words count against the words written (0 to 1). */
  weight: number;
  /** Phrase (variants separated by '|') -> the official words it stands for. */
  entries: Record<string, string>;
}

interface Entry { stems: string[]; anywhere: boolean; replace: boolean; added: Token[] }

export interface CompiledParaphrases {
  weight: number;
  phrases: Map<string, Entry>;
  anywhere: Entry[];
  longest: number;
}

export function compileParaphrases(lex: ParaphraseLexicon): CompiledParaphrases {
  const phrases = new Map<string, Entry>();
  const anywhere: Entry[] = [];
  let longest = 1;
  for (const [key, wording] of Object.entries(lex.entries)) {
    const replace = wording.trimStart().startsWith('=');
    const added = tokensOf(wording.replace(/^\s*=/, ''));
    for (const variant of key.split('|')) {
      const parts = variant.split('+');
      const stems = parts.flatMap((p) => tokensOf(p).map((t) => t.stem));
      // A phrase reduced to one word by its function words ('made to order') would match that word everywhere.
      if (!stems.length || (parts.length === 1 && stems.length === 1 && variant.trim().split(/\s+/).length > 1)) continue;
      // A phrase whose wording adds no word of its own only weighs its words more: left out, unless it replaces them.
      if (!replace && added.every((t) => stems.includes(t.stem))) continue;
      const entry: Entry = { stems, anywhere: parts.length > 1, replace, added };
      if (entry.anywhere) anywhere.push(entry);
      else { longest = Math.max(longest, stems.length); phrases.set(stems.join(' '), entry); }
    }
  }
  // Two words in either order ('repair car' as 'car repair', the order of a translated description), unless the other order is an entry of its own.
  for (const [key, e] of [...phrases]) {
    if (e.stems.length !== 2) continue;
    const other = `${e.stems[1]} ${e.stems[0]}`;
    if (!phrases.has(other)) phrases.set(other, { ...e, stems: [e.stems[1], e.stems[0]] });
  }
  return { weight: lex.weight, phrases, anywhere, longest };
}

export interface Expansion {
  /** The official words added, each at the lexicon's weight times the weight of the words it stands for. */
  added: Token[];
  /** The positions of the words an idiom replaced. */
  replaced: Set<number>;
  /** The phrases found, as written. */
  matched: string[];
}

export function expand(tokens: Token[], lex: CompiledParaphrases): Expansion {
  const added: Token[] = []; const matched: string[] = [];
  const replaced = new Set<number>();
  const taken = new Array<boolean>(tokens.length).fill(false);
  const use = (e: Entry, positions: number[]) => {
    const w = (e.replace ? 1 : lex.weight) * Math.min(...positions.map((i) => tokens[i].weight));
    // The wording of a head noun is a head too ('mobile *app*' -> 'downloadable software application').
    const head = positions.some((i) => tokens[i].head);
    e.added.forEach((t, j) => added.push({ ...t, weight: w, joins: j > 0 && t.joins, head }));
    if (e.replace) for (const i of positions) replaced.add(i);
    matched.push(positions.map((i) => tokens[i].word).join(' '));
  };
  // Longest phrases first, wherever they are.
  for (let n = Math.min(lex.longest, tokens.length); n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      if (taken.slice(i, i + n).some(Boolean)) continue;
      const e = lex.phrases.get(tokens.slice(i, i + n).map((t) => t.stem).join(' '));
      if (!e) continue;
      const positions = Array.from({ length: n }, (_, k) => i + k);
      for (const p of positions) taken[p] = true;
      use(e, positions);
    }
  }
  for (const e of lex.anywhere) {
    const positions = e.stems.map((st) => tokens.findIndex((t) => t.stem === st));
    if (positions.every((p) => p >= 0)) use(e, positions);
  }
  return { added, replaced, matched };
}
