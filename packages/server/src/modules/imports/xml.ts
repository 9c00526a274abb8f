// Reading XML from outside the office, safely and record by record. Before anything is parsed, the
// raw text is scanned: a DOCTYPE that declares entities (external entities, entity expansion bombs)
// is refused, and so is any DOCTYPE where the format has none; nesting depth, the size of the document
// and of each record are capped. The scan also cuts the document into its records (a trademark of an
// ST.96 bag, a USPTO case file) without building the whole tree, so a file of many records is read
// with memory bounded by its largest record. Each record is then parsed on its own (fast-xml-parser,
// values kept as text: 018123456 keeps its leading zero) into a small tree read by local names, so
// namespace prefixes and profiles that differ in them read alike.
import { createReadStream } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { DomainError } from '../../kernel/errors.ts';

export interface XmlLimits {
  /** The whole document, in characters read. */
  maxBytes: number;
  /** One record. */
  maxRecordBytes: number;
  /** Elements open at once. */
  maxDepth: number;
  /**
   * 'none': any DOCTYPE is refused (ST.96 has none). 'internal': a DOCTYPE is accepted if it declares
   * no entity (the USPTO daily files carry their DTD inline); an external DTD it names is never read.
   */
  doctype: 'none' | 'internal';
}

export const XML_LIMITS: XmlLimits = { maxBytes: 4 * 1024 ** 3, maxRecordBytes: 32 * 1024 ** 2, maxDepth: 64, doctype: 'none' };

const refuse = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, 422, details);
const malformed = (message: string, details: Record<string, unknown> = {}) => refuse('IMPORT_XML_MALFORMED', `The XML is not well-formed: ${message}`, details);

export interface RawRecord {
  /** 1-based position of the record in the document. */
  index: number;
  /** Local name of the record's element. */
  name: string;
  xml: string;
}

export interface ScanSummary { root: string | null; records: number }

/** The text of a file, as it is read (UTF-8). */
export async function* fileText(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 });
  for await (const chunk of stream) yield chunk as string;
}

/** A text already in memory, in slices (so a large body is scanned like a file). */
export async function* stringText(s: string, slice = 1024 * 1024): AsyncGenerator<string> {
  for (let i = 0; i < s.length; i += slice) yield s.slice(i, i + slice);
}

/** Where the tag opened at `from` ends ('>' outside quotes); -1: not in the buffer yet; -2: a '<' inside the tag. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let i = from + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) return -2;
  }
  return -1;
}

/** Where the DOCTYPE opened at `from` ends, its internal subset (with comments and quoted text) included; -1: not yet. */
function doctypeEnd(s: string, from: number): number {
  let quote = 0; let subset = false;
  for (let i = from + 9; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; continue; }
    if (subset && c === 60 && s.startsWith('<!--', i)) { const e = s.indexOf('-->', i + 4); if (e < 0) return -1; i = e + 2; continue; }
    if (subset && c === 60 && s.startsWith('<?', i)) { const e = s.indexOf('?>', i + 2); if (e < 0) return -1; i = e + 1; continue; }
    if (c === 34 || c === 39) quote = c;
    else if (c === 91) subset = true;
    else if (c === 93) subset = false;
    else if (c === 62 && !subset) return i;
  }
  return -1;
}

function checkDoctype(text: string, limits: XmlLimits): void {
  const decls = text.replace(/<!--[\s\S]*?-->/g, '');
  if (/<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b/.test(decls)) {
    throw refuse('IMPORT_XML_EXTERNAL_ENTITY', 'The document declares an external entity; external entities are never resolved and such documents are refused');
  }
  if (/<!ENTITY\b/.test(decls)) {
    throw refuse('IMPORT_XML_ENTITY_DECLARATION', 'The document declares entities of its own; entity declarations (which can expand without bound) are refused');
  }
  if (limits.doctype === 'none') {
    throw refuse('IMPORT_XML_DOCTYPE', 'The document has a DOCTYPE declaration; this format has none, and documents with one are refused');
  }
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9._:\u00B7-\uFFFF]*$/;
/** What follows an element's name in its start tag: attributes name="value" (or 'value'), nothing else. */
const ATTRIBUTES = /^(?:\s+[A-Za-z_:][-A-Za-z0-9._:\u00B7-\uFFFF]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
const localName = (n: string) => n.slice(n.indexOf(':') + 1);

/**
 * Scans the document and yields each record element (by local name; one not inside another) as its
 * text. Checks what is listed above as it goes; the return value says what the root was and how many
 * records there were.
 */
export async function* scanRecords(text: AsyncIterable<string>, recordNames: ReadonlySet<string>, limits: XmlLimits = XML_LIMITS): AsyncGenerator<RawRecord, ScanSummary> {
  const it = text[Symbol.asyncIterator]();
  let buf = ''; let pos = 0; let total = 0; let ended = false; let first = true;
  let recordStart = -1; let recordDepth = 0; let count = 0;
  let root: string | null = null; let rootClosed = false;
  const stack: string[] = [];

  const more = async (): Promise<boolean> => {
    if (ended) return false;
    const r = await it.next();
    if (r.done) { ended = true; return false; }
    let chunk = r.value;
    if (first) { first = false; if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1); }
    total += chunk.length;
    if (total > limits.maxBytes) throw refuse('IMPORT_TOO_LARGE', `The document is larger than the ${limits.maxBytes} bytes accepted`, { limit: limits.maxBytes });
    const keep = recordStart >= 0 ? recordStart : pos;
    buf = buf.slice(keep) + chunk;
    pos -= keep;
    if (recordStart >= 0) recordStart -= keep;
    return true;
  };
  /** More text is needed to finish the token at `pos`; the document must not end there. */
  const need = async (what: string) => {
    if (buf.length - (recordStart >= 0 ? recordStart : pos) > limits.maxRecordBytes + 1024 * 1024) {
      throw refuse('IMPORT_RECORD_TOO_LARGE', `A record is larger than the ${limits.maxRecordBytes} bytes accepted`, { limit: limits.maxRecordBytes });
    }
    if (!(await more())) throw malformed(`the document ends inside ${what}`);
  };

  await more();
  for (;;) {
    const lt = buf.indexOf('<', pos);
    const textEnd = lt < 0 ? buf.length : lt;
    if (stack.length === 0 && textEnd > pos && /\S/.test(buf.slice(pos, textEnd))) {
      throw malformed(root ? 'text after the root element' : 'text before the root element');
    }
    if (lt < 0) {
      pos = buf.length;
      if (recordStart >= 0 && pos - recordStart > limits.maxRecordBytes) {
        throw refuse('IMPORT_RECORD_TOO_LARGE', `A record is larger than the ${limits.maxRecordBytes} bytes accepted`, { limit: limits.maxRecordBytes });
      }
      if (!(await more())) break;
      continue;
    }
    pos = lt;
    if (buf.length - pos < 10 && !ended) { await more(); continue; }
    const c1 = buf.charCodeAt(pos + 1);
    if (c1 === 63) { // <? processing instruction or the XML declaration
      const end = buf.indexOf('?>', pos + 2);
      if (end < 0) { await need('a processing instruction'); continue; }
      if (buf.startsWith('<?xml ', pos) && root === null) {
        const enc = /encoding\s*=\s*["']([^"']+)["']/.exec(buf.slice(pos, end))?.[1];
        if (enc && !/^(utf-?8|us-ascii)$/i.test(enc)) throw malformed(`the encoding ${enc} is not supported; convert the file to UTF-8`, { encoding: enc });
      }
      pos = end + 2;
      continue;
    }
    if (c1 === 33) { // <!
      if (buf.startsWith('<!--', pos)) {
        const end = buf.indexOf('-->', pos + 4);
        if (end < 0) { await need('a comment'); continue; }
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<![CDATA[', pos)) {
        if (stack.length === 0) throw malformed('character data outside the root element');
        const end = buf.indexOf(']]>', pos + 9);
        if (end < 0) { await need('a CDATA section'); continue; }
        pos = end + 3;
        continue;
      }
      if (buf.startsWith('<!DOCTYPE', pos)) {
        if (root !== null) throw malformed('a DOCTYPE after the root element started');
        const end = doctypeEnd(buf, pos);
        if (end < 0) { await need('the DOCTYPE declaration'); continue; }
        checkDoctype(buf.slice(pos, end + 1), limits);
        pos = end + 1;
        continue;
      }
      if (buf.startsWith('<!ENTITY', pos)) checkDoctype(buf.slice(pos, pos + 200), { ...limits, doctype: 'internal' });
      throw malformed('a markup declaration outside a DOCTYPE');
    }
    if (c1 === 47) { // </name>
      const end = buf.indexOf('>', pos);
      if (end < 0) { await need('an end tag'); continue; }
      const name = buf.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (open !== name) throw malformed(open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`, { element: name });
      if (recordStart >= 0 && stack.length === recordDepth) {
        count++;
        yield { index: count, name: localName(name), xml: buf.slice(recordStart, end + 1) };
        recordStart = -1;
      }
      if (stack.length === 0) rootClosed = true;
      pos = end + 1;
      continue;
    }
    const end = tagEnd(buf, pos);
    if (end === -2) throw malformed('a "<" inside a tag');
    if (end < 0) { await need('a start tag'); continue; }
    const selfClosing = buf.charCodeAt(end - 1) === 47;
    const name = /^<([^\s/>]+)/.exec(buf.slice(pos, Math.min(end + 1, pos + 300)))?.[1] ?? '';
    if (!NAME.test(name)) throw malformed(`'${name.slice(0, 50)}' is not an element name`);
    if (end - pos - name.length > 2 && !ATTRIBUTES.test(buf.slice(pos + 1 + name.length, selfClosing ? end - 1 : end))) {
      throw malformed(`the attributes of <${name}> are not well-formed`, { element: name });
    }
    if (rootClosed) throw malformed('a second root element');
    const local = localName(name);
    root ??= local;
    if (recordStart < 0 && recordNames.has(local)) {
      if (selfClosing) {
        count++;
        yield { index: count, name: local, xml: buf.slice(pos, end + 1) };
      } else { recordStart = pos; recordDepth = stack.length; }
    }
    if (!selfClosing) {
      stack.push(name);
      if (stack.length > limits.maxDepth) throw refuse('IMPORT_XML_TOO_DEEP', `Elements are nested deeper than the ${limits.maxDepth} levels accepted`, { limit: limits.maxDepth });
    } else if (stack.length === 0) rootClosed = true;
    pos = end + 1;
    if (recordStart >= 0 && pos - recordStart > limits.maxRecordBytes) {
      throw refuse('IMPORT_RECORD_TOO_LARGE', `A record is larger than the ${limits.maxRecordBytes} bytes accepted`, { limit: limits.maxRecordBytes });
    }
  }
  if (stack.length) throw malformed(`the document ends with <${stack.at(-1)}> open`);
  if (root === null) throw malformed('there is no element');
  return { root, records: count };
}

/** Runs the scan to its end without keeping anything: is the document acceptable, and how many records does it hold? */
export async function checkDocument(text: AsyncIterable<string>, recordNames: ReadonlySet<string>, limits: XmlLimits): Promise<ScanSummary> {
  const gen = scanRecords(text, recordNames, limits);
  for (;;) {
    const r = await gen.next();
    if (r.done) return r.value;
  }
}

// ---------------------------------------------------------------------------------------------------------
// One record as a small tree, read by local names

export interface El {
  name: string;
  attrs: Record<string, string>;
  kids: El[];
  /** The element's own text (its text nodes joined). */
  text: string;
  /** Text and children in document order (mixed content). */
  content: (string | El)[];
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else is left as written (never expanded). */
export function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named];
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    return ok ? String.fromCodePoint(cp) : m;
  });
}

function parserFor(limits: XmlLimits) {
  return new XMLParser({
    preserveOrder: true, removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '',
    parseTagValue: false, parseAttributeValue: false, trimValues: true, processEntities: false,
    ignoreDeclaration: true, ignorePiTags: true, maxNestedTags: limits.maxDepth + 1,
  });
}

function toEl(node: Record<string, any>): El | null {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name === '#text') return null;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node[':@'] ?? {})) attrs[localName(k)] = decodeText(String(v));
  const kids: El[] = []; const texts: string[] = []; const content: (string | El)[] = [];
  for (const child of node[name] as Record<string, any>[]) {
    if ('#text' in child) { const t = decodeText(String(child['#text'])); texts.push(t); content.push(t); } else {
      const el = toEl(child);
      if (el) { kids.push(el); content.push(el); }
    }
  }
  return { name, attrs, kids, text: texts.join(' '), content };
}

/** Parses one record (already scanned) into its tree. */
export function parseRecord(xml: string, limits: XmlLimits = XML_LIMITS): El {
  let nodes: Record<string, any>[];
  try { nodes = parserFor(limits).parse(xml); } catch (e) { throw malformed((e as Error).message.slice(0, 200)); }
  const el = nodes.map(toEl).find((x): x is El => x !== null);
  if (!el) throw malformed('the record has no element');
  return el;
}

/** Direct children named `name`. */
export const kids = (e: El | undefined, name: string): El[] => (e ? e.kids.filter((k) => k.name === name) : []);
/** The first direct child named `name`. */
export const kid = (e: El | undefined, name: string): El | undefined => e?.kids.find((k) => k.name === name);
/** Down a path of direct children: at(e, 'ApplicationNumber/ApplicationNumberText'). */
export function at(e: El | undefined, path: string): El | undefined {
  let cur = e;
  for (const p of path.split('/')) cur = kid(cur, p);
  return cur;
}
/** All descendants named `name` (not inside one another's match), in document order. */
export function findAll(e: El | undefined, name: string, out: El[] = []): El[] {
  for (const k of e?.kids ?? []) {
    if (k.name === name) out.push(k); else findAll(k, name, out);
  }
  return out;
}
/** The first descendant named `name`. */
export const find = (e: El | undefined, name: string): El | undefined => findAll(e, name)[0];
/** The element's own text, trimmed ('' when absent). */
export const txt = (e: El | undefined): string => (e ? e.text.trim() : '');
/** All the text in the element, its descendants' included (mixed content such as a claim), spaces collapsed. */
export function deepText(e: El | undefined): string {
  if (!e) return '';
  const parts: string[] = [];
  const walk = (x: El) => { for (const c of x.content) if (typeof c === 'string') parts.push(c); else walk(c); };
  walk(e);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
