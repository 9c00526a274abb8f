// The message catalogues stay complete as the server and the law grow: a new error code or a new title
// of the law without its six languages fails here, instead of reaching a user as English or as a raw
// code. Only the .ts catalogues are loaded (index.tsx needs React and a browser).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FRAMEWORKS, ROLES } from '@registrum/procedures';
import { common } from '../src/i18n/common.ts';
import { LANG_CODES, type Lang } from '../src/i18n/core.ts';
import { errors } from '../src/i18n/errors.ts';
import { LAW_TEXT } from '../src/i18n/law.ts';
import { FIELD_HINTS, FIELD_LABELS, FIELD_VALUES, fieldText, hintText, valueText, VALUES_AS_WRITTEN, type FieldEntry } from '../src/i18n/fields.ts';
import { filing } from '../src/i18n/filing.ts';
import { CASE_TITLE_FORMS, DESIGN_VIEW_TITLE, MARK_KIND_KEY } from '../src/ui/names.ts';
import { DOCUMENT_TITLES } from '../../server/src/modules/documents/titles.ts';
import { designViewTitles, lawTitles } from './law-titles.ts';
import { schemaWords } from './schema-words.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const i18nDir = join(root, 'packages/web/src/i18n');
const OTHERS = LANG_CODES.filter((l) => l !== 'en') as Exclude<Lang, 'en'>[];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) && !n.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The codes an API response can carry, read from the source so a new one is noticed: domain errors
 * (`new DomainError('CODE'`, `invalid('CODE'`), refusals of guards and per-item results (`code: 'CODE'`),
 * the problems the HTTP layer maps itself, and the codes the web client makes up for itself.
 */
function errorCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const CODE = `['"\`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)['"\`]`;
  const general = [
    new RegExp(`new DomainError\\(\\s*${CODE}`, 'g'),
    new RegExp(`\\binvalid\\(\\s*${CODE}`, 'g'),
    new RegExp(`\\bproblem\\(\\s*\\d+\\s*,\\s*${CODE}`, 'g'),
    new RegExp(`\\bApiError\\(\\s*\\d+\\s*,\\s*${CODE}`, 'g'),
    new RegExp(`\\bcode:\\s*${CODE}`, 'g'),
  ];
  // problems.ts and the web client also name codes in conditionals and fallbacks.
  const anyCode = /['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g;
  const files = [
    ...sources(join(root, 'packages/server/src')),
    ...sources(join(root, 'procedures/src')),
    join(root, 'packages/web/src/api.ts'),
  ].filter((f) => existsSync(f));
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    const patterns = /app\/problems\.ts$|web\/src\/api\.ts$/.test(f) ? [...general, anyCode] : general;
    for (const re of patterns) {
      for (const m of src.matchAll(re)) {
        const code = m[1];
        // ST.3 office codes ('XX') share the `code:` key; Fastify's own codes are renamed in problems.ts.
        if (code.length < 3 || code.startsWith('FST_')) continue;
        if (!found.has(code)) found.set(code, relative(root, f));
      }
    }
  }
  return found;
}

type Catalog = Record<Lang, Record<string, string>>;
const isCatalog = (x: unknown): x is Catalog =>
  typeof x === 'object' && x !== null && LANG_CODES.every((l) => typeof (x as any)[l] === 'object');

/** Every namespace of messages in src/i18n (a new one is picked up without touching this test). */
async function catalogues(): Promise<[string, Catalog][]> {
  const out: [string, Catalog][] = [];
  for (const n of readdirSync(i18nDir).filter((n) => n.endsWith('.ts')).sort()) {
    const mod = await import(pathToFileURL(join(i18nDir, n)).href);
    for (const [name, value] of Object.entries(mod)) if (isCatalog(value)) out.push([`${n}:${name}`, value]);
  }
  return out;
}

/** LAW_TEXT as a catalogue keyed by its English title, so it goes through the same checks. */
const lawCatalog = (): Catalog => ({
  en: Object.fromEntries(Object.keys(LAW_TEXT).map((t) => [t, t])),
  ...Object.fromEntries(OTHERS.map((l) => [l, Object.fromEntries(Object.entries(LAW_TEXT).map(([t, tr]) => [t, tr[l]]))])),
}) as Catalog;

/** A table of fields.ts as a catalogue (its English: the wording given, else the schema's value), references to other catalogues left out. */
const fieldCatalog = (table: Record<string, FieldEntry>): Catalog => {
  const own = Object.entries(table).flatMap(([k, e]) => ('same' in e ? [] : [[k, e] as const]));
  return {
    en: Object.fromEntries(own.map(([k, e]) => [k, e.en ?? k.replace(/^[^=]*=/, '')])),
    ...Object.fromEntries(OTHERS.map((l) => [l, Object.fromEntries(own.map(([k, e]) => [k, e[l]]))])),
  } as Catalog;
};
const fieldCatalogs = (): [string, Catalog][] => [
  ['fields.ts:FIELD_LABELS', fieldCatalog(FIELD_LABELS)], ['fields.ts:FIELD_VALUES', fieldCatalog(FIELD_VALUES)], ['fields.ts:FIELD_HINTS', fieldCatalog(FIELD_HINTS)],
];

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

// Names and codes that stay in Latin letters in every language.
const LATIN_ALLOWED = /\b(Registrum|API|JSON|PDF|PNG|JPEG|ST\.\d+)\b/g;
const SCRIPT: Partial<Record<Lang, RegExp>> = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };

test('every error code the server, the procedures and the client can return has a message', () => {
  const codes = errorCodes();
  assert.ok(codes.size > 50, `only ${codes.size} codes found: the scan of the sources is broken`);
  const missing = [...codes].filter(([c]) => !(`error.${c}` in errors.en)).map(([c, f]) => `error.${c} (${f})`);
  assert.deepEqual(missing, [], `add these to packages/web/src/i18n/errors.ts in the six languages:\n  ${missing.join('\n  ')}`);
});

test('every title of the law has its five translations', () => {
  const titles = lawTitles();
  assert.ok(titles.size > 100, `only ${titles.size} titles found: the walk of the frameworks is broken`);
  const missing: string[] = [];
  for (const [title, where] of titles) {
    const tr = LAW_TEXT[title];
    const lacking = OTHERS.filter((l) => !tr?.[l]?.trim());
    if (lacking.length) missing.push(`${JSON.stringify(title)} lacks ${lacking.join(', ')} (${where[0]}${where.length > 1 ? ` and ${where.length - 1} more` : ''})`);
  }
  assert.deepEqual(missing, [], `add these to LAW_TEXT in procedures/src/translations/law-text.ts (npx tsx packages/web/test/law-titles.ts prints stubs):\n  ${missing.join('\n  ')}`);
});

test('every label, enumerated value and hint of the payload schemas has its five translations', () => {
  const words = schemaWords();
  assert.ok(words.labels.size > 80 && words.values.size > 100, `only ${words.labels.size} labels and ${words.values.size} values found: the walk of the schemas is broken`);
  const missing: string[] = [];
  const at = (where: string[]) => `${where[0]}${where.length > 1 ? ` and ${where.length - 1} more` : ''}`;
  const check = (what: string, where: string[], text: (l: Exclude<Lang, 'en'>) => string | undefined) => {
    const lacking = OTHERS.filter((l) => !text(l)?.trim());
    if (lacking.length) missing.push(`${what} lacks ${lacking.join(', ')} (${at(where)})`);
  };
  for (const [label, e] of words.labels) {
    // A plain field takes its words from fields.ts; an uploaded document may be named by the law's title of it.
    if (e.plain) check(`label ${JSON.stringify(label)}`, e.where, (l) => fieldText(l, label, false));
    if (e.document) check(`label ${JSON.stringify(label)} (a document)`, e.where, (l) => fieldText(l, label, true) ?? LAW_TEXT[label]?.[l]);
  }
  for (const [key, where] of words.values) {
    if (VALUES_AS_WRITTEN.has(key)) continue;
    const [field, ...rest] = key.split('=');
    check(`value ${JSON.stringify(key)}`, where, (l) => valueText(l, field, rest.join('=')));
  }
  for (const [hint, where] of words.hints) check(`hint ${JSON.stringify(hint)}`, where, (l) => hintText(l, hint));
  assert.deepEqual(missing, [], `add these to packages/web/src/i18n/fields.ts (or a code shown as written to VALUES_AS_WRITTEN); npx tsx packages/web/test/schema-words.ts prints stubs:\n  ${missing.join('\n  ')}`);
});

test('fields.ts has no entry the schemas do not use, repeats no title of LAW_TEXT and refers only to messages that exist', () => {
  const words = schemaWords();
  const problems: string[] = [];
  for (const k of Object.keys(FIELD_LABELS)) if (!words.labels.has(k)) problems.push(`label ${JSON.stringify(k)}: no schema shows it`);
  for (const k of Object.keys(FIELD_VALUES)) if (!words.values.has(k)) problems.push(`value ${JSON.stringify(k)}: no schema has it`);
  for (const k of VALUES_AS_WRITTEN) if (!words.values.has(k)) problems.push(`value ${JSON.stringify(k)} (as written): no schema has it`);
  for (const k of Object.keys(FIELD_HINTS)) if (!words.hints.has(k)) problems.push(`hint ${JSON.stringify(k)}: no schema has it`);
  // The same English key in both is only right when the field means something else than the law's title.
  for (const [k, e] of Object.entries(FIELD_LABELS)) {
    const law = LAW_TEXT[k];
    if (law && !('same' in e) && OTHERS.every((l) => e[l] === law[l])) problems.push(`label ${JSON.stringify(k)}: the same words as in LAW_TEXT, drop it here`);
  }
  const shared = { ...common.en, ...filing.en } as Record<string, string>;
  for (const [name, table] of [['label', FIELD_LABELS], ['value', FIELD_VALUES]] as const) {
    for (const [k, e] of Object.entries(table)) if ('same' in e && !(e.same in shared)) problems.push(`${name} ${JSON.stringify(k)}: refers to the missing message ${e.same}`);
  }
  const keys = Object.keys(FIELD_LABELS);
  assert.deepEqual(keys, [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'FIELD_LABELS is kept sorted');
  assert.deepEqual(problems, []);
});

/** Where each code of the law is used, for the message of a failing test. */
function codesOfTheLaw() {
  const limits = new Map<string, string>();
  const rights = new Map<string, string>();
  const documents = new Map<string, string>();
  const markKinds = new Map<string, string>();
  for (const f of FRAMEWORKS) {
    for (const p of f.procedures) {
      const at = `${f.id}/${p.right} ${p.version}`;
      rights.set(p.right, at);
      for (const [k, a] of Object.entries(p.acts)) {
        // Kinds an act opens, and those it closes, works within or hands on to a child case.
        for (const kind of [...(a.opens ?? []).map((o) => o.kind), ...(a.closes ?? []), ...(a.within ? [a.within] : []), ...(a.createsChild?.inheritTimeLimits ?? [])]) {
          limits.set(kind, `${at} act ${k}`);
        }
        if (a.createsChild) rights.set(a.createsChild.right, `${at} act ${k}`);
        for (const d of a.documents ?? []) documents.set(d, `${at} act ${k}`);
        const kinds = (a.payloadSchema as any)?.properties?.mark?.properties?.kind?.enum;
        for (const m of Array.isArray(kinds) ? kinds : []) markKinds.set(m, `${at} act ${k}`);
      }
    }
  }
  return { limits, rights, documents, markKinds };
}

test('every code of the law a page shows (time limits, rights, roles, kinds of mark) has its name in common.ts', () => {
  const { limits, rights, markKinds } = codesOfTheLaw();
  assert.ok(limits.size > 10 && rights.size > 5 && markKinds.size > 5, 'the walk of the frameworks is broken');
  const missing = [
    ...[...limits].filter(([k]) => !(`timeLimit.${k}` in common.en)).map(([k, at]) => `timeLimit.${k} (${at})`),
    ...[...rights].filter(([k]) => !(`right.${k}` in common.en)).map(([k, at]) => `right.${k} (${at})`),
    // 'system': the office itself, when an act is performed on expiry of a time limit.
    ...[...ROLES, 'system'].filter((r) => !(`role.${r}` in common.en)).map((r) => `role.${r}`),
    ...[...markKinds].filter(([k]) => !(k in MARK_KIND_KEY) || !(`markKind.${(MARK_KIND_KEY as Record<string, string>)[k]}` in common.en))
      .map(([k, at]) => `markKind for ${JSON.stringify(k)} (${at}; MARK_KIND_KEY in src/ui/names.ts)`),
  ];
  assert.deepEqual(missing, [], `add these to packages/web/src/i18n/common.ts in the six languages:\n  ${missing.join('\n  ')}`);
});

test('every document the law issues has a title of its own in the documents module', () => {
  const missing = [...codesOfTheLaw().documents].filter(([k]) => !(k in DOCUMENT_TITLES)).map(([k, at]) => `${k} (${at})`);
  assert.deepEqual(missing, [], `add these to packages/server/src/modules/documents/titles.ts:\n  ${missing.join('\n  ')}`);
});

test('the titles the law gives views of a design are in the form the client translates', () => {
  const titles = designViewTitles();
  assert.ok(titles.length > 0, 'no design view found: the walk of the uploads is broken');
  for (const t of titles) assert.match(t, DESIGN_VIEW_TITLE);
});

test("the titles the law composes for a case without words of its own are in the forms the client translates", () => {
  const titleOf = (right: string, data: Record<string, any>) => {
    const p = FRAMEWORKS.flatMap((f) => f.procedures).find((x) => x.right === right && x.caseTitle);
    assert.ok(p, `no procedure of ${right} composes a title`);
    return p.caseTitle!(data);
  };
  assert.match(titleOf('trademark', { mark: { kind: 'Figurative', image: { sha256: 'x' } } })!, CASE_TITLE_FORMS.trademark.figurative);
  assert.match(titleOf('trademark-opposition', { earlierRights: [{ markText: 'SOLE' }] })!, CASE_TITLE_FORMS['trademark-opposition'].opposition);
  assert.match(titleOf('trademark-opposition', {})!, CASE_TITLE_FORMS['trademark-opposition'].bare);
  assert.match(titleOf('recordal', {})!, CASE_TITLE_FORMS.recordal.bare);
  assert.match(titleOf('design', { designs: [{ products: ['Chair'] }, { products: ['Table'] }] })!, CASE_TITLE_FORMS.design.more);
  // Every kind of recordal the request schema allows is named in the six languages.
  const recordal = FRAMEWORKS.flatMap((f) => f.procedures).find((x) => x.right === 'recordal')!;
  const kinds: string[] = (recordal.acts[recordal.filingAct].payloadSchema as any)?.properties?.kind?.enum ?? [];
  assert.ok(kinds.length > 3, 'the recordal kinds were not found in the request schema');
  for (const k of kinds) {
    const m = CASE_TITLE_FORMS.recordal.recordal.exec(titleOf('recordal', { kind: k })!);
    assert.ok(m, k);
    assert.ok(`recordalKind.${m[1].replace(/ /g, '-')}` in common.en, `recordalKind.${k} missing in common.ts`);
  }
});

test('LAW_TEXT is kept sorted, one entry per English title', () => {
  const keys = Object.keys(LAW_TEXT);
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  assert.deepEqual(keys, sorted);
  for (const [t, tr] of Object.entries(LAW_TEXT)) assert.deepEqual(Object.keys(tr).sort(), [...OTHERS].sort(), t);
});

test('no catalogue has an empty message, a missing key or a placeholder that differs from English', async () => {
  const problems: string[] = [];
  for (const [name, cat] of [...(await catalogues()), ['law.ts:LAW_TEXT', lawCatalog()] as [string, Catalog], ...fieldCatalogs()]) {
    for (const [key, en] of Object.entries(cat.en)) {
      if (!en.trim()) problems.push(`${name} en ${key}: empty`);
      for (const l of OTHERS) {
        const text = cat[l][key];
        if (typeof text !== 'string' || !text.trim()) { problems.push(`${name} ${l} ${key}: empty or missing`); continue; }
        if (placeholders(text) !== placeholders(en)) problems.push(`${name} ${l} ${key}: placeholders {${placeholders(text)}} instead of {${placeholders(en)}}`);
      }
    }
    for (const l of OTHERS) for (const key of Object.keys(cat[l])) if (!(key in cat.en)) problems.push(`${name} ${l} ${key}: not in English`);
  }
  assert.deepEqual(problems, []);
});

test('no message is left in English: Arabic, Chinese and Russian are written in their script, French and Spanish differ from English', async () => {
  const problems: string[] = [];
  for (const [name, cat] of [...(await catalogues()), ['law.ts:LAW_TEXT', lawCatalog()] as [string, Catalog], ...fieldCatalogs()]) {
    for (const [key, en] of Object.entries(cat.en)) {
      for (const l of OTHERS) {
        const text = cat[l][key];
        if (typeof text !== 'string') continue;
        const script = SCRIPT[l];
        if (script) {
          const rest = text.replace(/\{\w+\}/g, '').replace(LATIN_ALLOWED, '');
          if (/\p{L}/u.test(rest) && !script.test(rest)) problems.push(`${name} ${l} ${key}: ${JSON.stringify(text)}`);
        } else if (text === en && en.trim().split(/\s+/).length >= 3) {
          // A sentence of three words or more identical to English was not translated; a single
          // word ('Date', 'Opposition') may well be the same.
          problems.push(`${name} ${l} ${key}: ${JSON.stringify(text)}`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});
