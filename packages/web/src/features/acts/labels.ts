// The words a form drawn from a payload schema shows: field labels, option texts and hints. Kept apart
// from the form itself (no React) so the i18n test walks every schema of the law with the very same
// functions and fails when a field or a value has no words in one of the six languages.
import { fieldText, hintText, valueText } from '../../i18n/fields.ts';
import type { I18n } from '../../i18n/index.tsx';

/** The part of JSON schema the procedures use for payloads. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  enum?: readonly (string | number)[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  [k: string]: unknown;
}

/** Fields of an upload reference the office fills in from the stored bytes: never asked of the user. */
export const FOUND_IN_UPLOAD = new Set(['mediaType', 'size']);

export const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? (s.properties ? 'object' : undefined);

/** An object naming an earlier upload by its SHA-256 (a mark image, a design view, a description ...). */
export function isUploadRef(s: JsonSchema): boolean {
  return typeOf(s) === 'object' && !!s.properties?.sha256;
}

/** The fields of an upload reference the user fills in beside the file (a view's title, a page count). */
export function uploadFields(s: JsonSchema): [string, JsonSchema][] {
  return Object.entries(s.properties ?? {}).filter(([k]) => k !== 'sha256' && !FOUND_IN_UPLOAD.has(k));
}

/** 'goodsServices' → 'Goods services', 'change-of-name' → 'Change of name'. */
export function humanise(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The English label of a field, the key of its translations: the schema's title, else its property name made readable. */
export function fieldName(name: string, s: JsonSchema): string {
  return s.title ?? humanise(name);
}

/**
 * A label in the user's language. A field that is an uploaded document is named as the law titles that
 * document ('Description' of an invention is a specification, not a mark's description), other fields
 * from the catalogue of form words; a title only the law has is still found there.
 */
export function labelText(i18n: I18n, english: string, document = false): string {
  return fieldText(i18n.lang, english, document) ?? i18n.law(english);
}

/** The label of a field in the user's language. */
export function fieldLabel(i18n: I18n, name: string, s: JsonSchema): string {
  return labelText(i18n, fieldName(name, s), isUploadRef(s));
}

/** A field's hint (the schema's description) in the user's language. */
export function hintLabel(i18n: I18n, description: string): string {
  return hintText(i18n.lang, description) ?? i18n.law(description);
}

/**
 * An enumerated value as words. `field` is the property it is a value of (for a list, the list's): the
 * same value can mean different things in two fields ('Other' kind of mark, 'Other' product category).
 * Numbers are shown as numbers; a value no catalogue has reads as words ('change-of-name') or as written.
 */
export function enumLabel(i18n: I18n, field: string, v: string | number): string {
  if (typeof v === 'number') return i18n.number(v);
  return valueText(i18n.lang, field, v) ?? i18n.law(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? humanise(v) : v);
}
