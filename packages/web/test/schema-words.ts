// Every word a form drawn from the law's payload schemas shows: the label of each field (its title, or
// its property name made readable, by the same function as the form), each enumerated value with the
// field it belongs to, and each hint. Walked over every act of every procedure of every framework the
// office ships, so a new field or value without its words fails the i18n test. Run on its own
// (npx tsx packages/web/test/schema-words.ts), it prints what still lacks a translation.
import { pathToFileURL } from 'node:url';
import { FRAMEWORKS } from '@registrum/procedures';
import { fieldName, isUploadRef, typeOf, uploadFields, type JsonSchema } from '../src/features/acts/labels.ts';
import { FIELD_HINTS, FIELD_LABELS, FIELD_VALUES, VALUES_AS_WRITTEN } from '../src/i18n/fields.ts';
import { LAW_TEXT } from '../src/i18n/law.ts';

export interface SchemaWords {
  /** English label -> where it is shown; `document`: the field is an uploaded document. */
  labels: Map<string, { where: string[]; document: boolean; plain: boolean }>;
  /** 'field=value' -> where. */
  values: Map<string, string[]>;
  /** A schema's description -> where. */
  hints: Map<string, string[]>;
}

export function schemaWords(): SchemaWords {
  const out: SchemaWords = { labels: new Map(), values: new Map(), hints: new Map() };
  const add = (m: Map<string, string[]>, k: string, where: string) => m.set(k, [...(m.get(k) ?? []), where]);

  /** As the form draws it: `field` is the property a value belongs to (a list's entries take the list's). */
  const walk = (s: JsonSchema, field: string, at: string) => {
    if (s.description) add(out.hints, s.description, at);
    for (const v of s.enum ?? []) if (typeof v === 'string') add(out.values, `${field}=${v}`, at);
    const t = typeOf(s);
    if (t === 'array' && s.items) walk(s.items, field, `${at}[]`);
    if (t !== 'object') return;
    // An upload shows its file chooser and only the fields the user fills in beside it.
    const props = isUploadRef(s) ? uploadFields(s) : Object.entries(s.properties ?? {});
    for (const [k, p] of props) {
      const label = fieldName(k, p);
      const e = out.labels.get(label) ?? { where: [], document: false, plain: false };
      e.where.push(`${at}/${k}`);
      if (isUploadRef(p)) e.document = true; else e.plain = true;
      out.labels.set(label, e);
      walk(p, k, `${at}/${k}`);
    }
  };

  for (const f of FRAMEWORKS) {
    for (const p of f.procedures) {
      for (const [k, a] of Object.entries(p.acts)) {
        if (a.payloadSchema) walk(a.payloadSchema as JsonSchema, '', `${f.id}/${p.right} ${p.version} act ${k}:`);
      }
    }
  }
  return out;
}

/** What lacks words: labels neither here nor (for a document) in the law's titles, values, hints. */
export function untranslatedWords(words = schemaWords()): { labels: string[]; values: string[]; hints: string[] } {
  return {
    labels: [...words.labels].filter(([l, e]) => (e.plain && !(l in FIELD_LABELS)) || (e.document && !(l in FIELD_LABELS) && !(l in LAW_TEXT))).map(([l]) => l).sort(),
    values: [...words.values.keys()].filter((v) => !(v in FIELD_VALUES) && !VALUES_AS_WRITTEN.has(v)).sort(),
    hints: [...words.hints.keys()].filter((h) => !(h in FIELD_HINTS)).sort(),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const words = schemaWords();
  const missing = untranslatedWords(words);
  for (const [name, list] of Object.entries(missing)) {
    for (const k of list) console.log(`  ${JSON.stringify(k)}: { fr: '', es: '', ar: '', zh: '', ru: '' },  // ${name}`);
  }
  console.error(`${words.labels.size} labels, ${words.values.size} values, ${words.hints.size} hints; missing: ${missing.labels.length} labels, ${missing.values.length} values, ${missing.hints.length} hints`);
}
