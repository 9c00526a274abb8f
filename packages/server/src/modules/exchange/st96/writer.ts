// The two outputs of one ST.96 mapping. A mapping is written once, as calls on an `St96Out`: the XML
// writer turns them into text as it goes (string templates, nothing in between), the JSON writer into
// the ST.97-style mirror of the same document (element names as keys without their namespace prefix,
// the same nesting, an element the schema lets repeat always an array, attributes as keys beside the
// element's children, the text of an element that has attributes under "value").

export type Scalar = string | number | boolean;
export type Attrs = Record<string, Scalar | null | undefined>;

export interface St96Out {
  /** An element that occurs at most once, its content written by `body`. */
  el(name: string, body: () => void, attrs?: Attrs): void;
  /** One occurrence of an element the schema lets repeat. */
  each(name: string, body: () => void, attrs?: Attrs): void;
  /** A simple element that occurs at most once; nothing is written for null, undefined or ''. */
  leaf(name: string, value: Scalar | null | undefined, attrs?: Attrs): void;
  /** One occurrence of a simple element the schema lets repeat; nothing for null, undefined or ''. */
  leafEach(name: string, value: Scalar | null | undefined, attrs?: Attrs): void;
  /** The end of a record: the XML starts a new line (a validation error's line number then names the record). */
  endOfRecord(): void;
}

// Characters XML 1.0 does not allow in a document (C0 controls other than tab, LF and CR, unpaired
// surrogates, U+FFFE and U+FFFF): dropped, since no escape can carry them.
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_WORK = /[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as XML 1.0 can carry it: characters it forbids removed. */
export function xmlSafe(s: string): string {
  return NEEDS_WORK.test(s) ? s.replace(FORBIDDEN, '') : s;
}

/** Escapes text for element content and attribute values, and drops what XML 1.0 forbids. */
export function escapeXml(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const text = (v: Scalar): string => (typeof v === 'string' ? escapeXml(v) : String(v));

function attrText(attrs: Attrs | undefined): string {
  if (!attrs) return '';
  let s = '';
  for (const k in attrs) {
    const v = attrs[k];
    if (v !== null && v !== undefined && v !== '') s += ` ${k}="${text(v)}"`;
  }
  return s;
}

const empty = (v: Scalar | null | undefined): v is null | undefined | '' => v === null || v === undefined || v === '';

export class XmlOut implements St96Out {
  xml = '';
  el(name: string, body: () => void, attrs?: Attrs): void {
    this.xml += `<${name}${attrText(attrs)}>`;
    body();
    this.xml += `</${name}>`;
  }
  each(name: string, body: () => void, attrs?: Attrs): void { this.el(name, body, attrs); }
  leaf(name: string, value: Scalar | null | undefined, attrs?: Attrs): void {
    if (!empty(value)) this.xml += `<${name}${attrText(attrs)}>${text(value)}</${name}>`;
  }
  leafEach(name: string, value: Scalar | null | undefined, attrs?: Attrs): void { this.leaf(name, value, attrs); }
  endOfRecord(): void { this.xml += '\n'; }
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
const jsonValue = (v: Scalar): Scalar => (typeof v === 'string' ? xmlSafe(v) : v);

export class JsonOut implements St96Out {
  readonly root: Record<string, unknown> = {};
  private stack: Record<string, unknown>[] = [this.root];

  private put(name: string, value: unknown, many: boolean): void {
    const top = this.stack[this.stack.length - 1];
    const key = localName(name);
    if (many) ((top[key] ??= []) as unknown[]).push(value);
    else top[key] = value;
  }
  private attrsOf(attrs: Attrs | undefined): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    if (attrs) {
      for (const k in attrs) {
        const v = attrs[k];
        // Namespace declarations are XML syntax, not data.
        if (!k.startsWith('xmlns') && !empty(v)) o[localName(k)] = jsonValue(v);
      }
    }
    return o;
  }
  private open(name: string, body: () => void, attrs: Attrs | undefined, many: boolean): void {
    const o = this.attrsOf(attrs);
    this.put(name, o, many);
    this.stack.push(o);
    body();
    this.stack.pop();
  }
  private simple(name: string, value: Scalar | null | undefined, attrs: Attrs | undefined, many: boolean): void {
    if (empty(value)) return;
    const a = this.attrsOf(attrs);
    this.put(name, Object.keys(a).length ? { ...a, value: jsonValue(value) } : jsonValue(value), many);
  }
  el(name: string, body: () => void, attrs?: Attrs): void { this.open(name, body, attrs, false); }
  each(name: string, body: () => void, attrs?: Attrs): void { this.open(name, body, attrs, true); }
  leaf(name: string, value: Scalar | null | undefined, attrs?: Attrs): void { this.simple(name, value, attrs, false); }
  leafEach(name: string, value: Scalar | null | undefined, attrs?: Attrs): void { this.simple(name, value, attrs, true); }
  endOfRecord(): void {}
}
