// The query language of prior-art search, parsed here into a tree (pure). Its leaves are normalised by
// PostgreSQL (the same text search configuration as the index: stemming, stop words), one parameter
// each; the tree is then written as a tsquery from PostgreSQL's own output of the leaves, joined by
// the operators & | ! and parentheses. User text never reaches SQL other than as a parameter, and
// the statements stay the same whatever the query (they are prepared once per connection).
//
//   solar panel            both words (AND is implied; AND or & may be written)
//   "heat exchanger"       the words next to each other, in this order (curly quotes too)
//   pump OR compressor     either (or, |)
//   -diesel, NOT diesel    without the word (NOT in capitals; a phrase or a group may be excluded too)
//   (a OR b) c             grouping, at most MAX_DEPTH deep
//   electr*                words beginning so (at least MIN_PREFIX letters or digits before the *)
import { invalid } from '../../kernel/errors.ts';

export const MAX_QUERY_LENGTH = 2000;
export const MAX_DEPTH = 16;
export const MIN_PREFIX = 3;

export type Leaf = { kind: 'words' | 'phrase' | 'prefix'; text: string; i: number };
export type QueryNode = Leaf | { kind: 'and' | 'or'; items: QueryNode[] } | { kind: 'not'; item: QueryNode };

type Token =
  | { t: 'words' | 'phrase' | 'prefix'; text: string; at: number }
  | { t: 'or' | 'and' | 'not' | '(' | ')'; at: number };

const QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);
const SPACE = /\s/u;
const ALNUM = /^[\p{L}\p{N}]+$/u;

const syntax = (message: string, at: number) => invalid('PRIOR_ART_QUERY_SYNTAX', message, { at });

function tokens(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (SPACE.test(ch)) { i++; continue; }
    if (ch === '(' || ch === ')') { out.push({ t: ch, at: i }); i++; continue; }
    if (QUOTES.has(ch)) {
      let end = i + 1;
      while (end < s.length && !QUOTES.has(s[end])) end++;
      const text = s.slice(i + 1, end).trim();
      if (text) out.push({ t: 'phrase', text, at: i });
      i = end + 1;
      continue;
    }
    // A dash before a word, a phrase or a group excludes it; a dash standing alone is punctuation.
    if (ch === '-') {
      if (i + 1 < s.length && !SPACE.test(s[i + 1])) out.push({ t: 'not', at: i });
      i++;
      continue;
    }
    let end = i;
    while (end < s.length && !SPACE.test(s[end]) && s[end] !== '(' && s[end] !== ')' && !QUOTES.has(s[end])) end++;
    const word = s.slice(i, end);
    if (/^(or|\|\|?)$/i.test(word)) out.push({ t: 'or', at: i });
    else if (word === 'AND' || word === '&' || word === '&&') out.push({ t: 'and', at: i });
    else if (word === 'NOT') out.push({ t: 'not', at: i });
    else if (word.endsWith('*')) {
      const stem = word.replace(/\*+$/, '');
      if (stem) {
        if (!ALNUM.test(stem)) throw syntax(`'${word}': a truncated word (ending in *) has only letters and digits before the *`, i);
        if ([...stem].length < MIN_PREFIX) throw syntax(`'${word}': a truncated word needs at least ${MIN_PREFIX} letters or digits before the *`, i);
        out.push({ t: 'prefix', text: stem, at: i });
      }
    } else out.push({ t: 'words', text: word, at: i });
    i = end;
  }
  return out;
}

/** What a query has to look for, parsed: null when it has no word at all (only operators and punctuation). */
export function parseQuery(query: string): { tree: QueryNode | null; leaves: Leaf[] } {
  const list = tokens(query);
  const leaves: Leaf[] = [];
  let pos = 0; let depth = 0;
  const peek = () => list[pos];
  const leaf = (kind: Leaf['kind'], text: string): Leaf => { const l = { kind, text, i: leaves.length }; leaves.push(l); return l; };
  const group = (kind: 'and' | 'or', items: (QueryNode | null)[]): QueryNode | null => {
    const kept = items.filter((x): x is QueryNode => x !== null);
    return kept.length === 0 ? null : kept.length === 1 ? kept[0] : { kind, items: kept };
  };

  function or(): QueryNode | null {
    const items = [and()];
    while (peek()?.t === 'or') { pos++; items.push(and()); }
    return group('or', items);
  }
  function and(): QueryNode | null {
    // Adjacent plain words are one leaf: normalised together, every one of them required.
    const items: QueryNode[] = [];
    let words: string[] = [];
    const flush = () => { if (words.length) { items.push(leaf('words', words.join(' '))); words = []; } };
    for (;;) {
      const tok = peek();
      if (!tok || tok.t === ')' || tok.t === 'or') break;
      if (tok.t === 'and') { pos++; continue; }
      if (tok.t === 'words') { words.push(tok.text); pos++; continue; }
      flush();
      const u = unary();
      if (u) items.push(u);
    }
    flush();
    return group('and', items);
  }
  function unary(): QueryNode | null {
    let negations = 0;
    while (peek()?.t === 'not') { pos++; negations++; }
    const tok = peek();
    // An operator with nothing after it is ignored, as a search box does.
    if (!tok || tok.t === ')' || tok.t === 'or' || tok.t === 'and') return null;
    const item = primary();
    if (!item) return null;
    return negations % 2 === 1 ? { kind: 'not', item } : item;
  }
  function primary(): QueryNode | null {
    const tok = list[pos++];
    if (tok.t === '(') {
      if (++depth > MAX_DEPTH) throw syntax(`Parentheses are nested more than ${MAX_DEPTH} deep`, tok.at);
      const inner = or();
      if (peek()?.t !== ')') throw syntax(`The parenthesis at position ${tok.at + 1} is not closed`, tok.at);
      pos++; depth--;
      return inner;
    }
    if (tok.t === 'words' || tok.t === 'phrase' || tok.t === 'prefix') return leaf(tok.t, tok.text);
    return null;
  }

  const tree = or();
  const stray = peek();
  if (stray) throw syntax(`The parenthesis at position ${stray.at + 1} closes nothing`, stray.at);
  return { tree, leaves };
}

/**
 * The tsquery of a parsed query, from the normalised leaves (PostgreSQL's tsquery text of each; '' for a
 * leaf of stop words only, which drops out): `match` finds the documents; `any` (every word and phrase
 * the query looks for, not those it excludes, as alternatives) marks them in highlights; `indexable`
 * says whether every document found must contain one of the words looked for (false for a query that
 * only excludes, or that has an alternative which only excludes: it would list the whole register).
 */
export function composeQuery(tree: QueryNode | null, normalised: string[]): { match: string | null; any: string | null; indexable: boolean } {
  const text = (l: Leaf) => normalised[l.i] ?? '';
  const build = (n: QueryNode): string | null => {
    switch (n.kind) {
      case 'words': case 'phrase': case 'prefix': return text(n) || null;
      case 'not': { const inner = build(n.item); return inner === null ? null : `!(${inner})`; }
      default: {
        const parts = n.items.map(build).filter((x): x is string => x !== null);
        if (parts.length <= 1) return parts[0] ?? null;
        return parts.map((p) => `(${p})`).join(n.kind === 'and' ? ' & ' : ' | ');
      }
    }
  };
  const indexable = (n: QueryNode): boolean => {
    switch (n.kind) {
      case 'words': case 'phrase': case 'prefix': return text(n) !== '';
      case 'not': return false;
      case 'and': return n.items.some(indexable);
      case 'or': { const live = n.items.filter((x) => build(x) !== null); return live.length > 0 && live.every(indexable); }
    }
  };
  const positive: string[] = [];
  const walk = (n: QueryNode, negated: boolean) => {
    if (n.kind === 'not') walk(n.item, !negated);
    else if (n.kind === 'and' || n.kind === 'or') for (const x of n.items) walk(x, negated);
    else if (!negated && text(n as Leaf)) {
      // Plain words are required together in the match; in highlights each is marked wherever it is.
      positive.push(n.kind === 'words' ? text(n).split(' & ').join(' | ') : text(n as Leaf));
    }
  };
  if (!tree) return { match: null, any: null, indexable: false };
  walk(tree, false);
  return {
    match: build(tree),
    any: positive.length ? positive.map((p) => `(${p})`).join(' | ') : null,
    indexable: indexable(tree),
  };
}
