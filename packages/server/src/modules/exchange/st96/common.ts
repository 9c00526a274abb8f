// Pieces every ST.96 document shares: namespaces, code lists (read from the shipped schemas), numbers,
// dates and parties.
import { readFileSync } from 'node:fs';
import type { ExportCase, ExportParty } from './model.ts';
import type { St96Out } from './writer.ts';

export const ST96_VERSION = 'V6_0';
const BASE = 'http://www.wipo.int/standards/XMLSchema/ST96';
export const NS = {
  com: `${BASE}/Common`,
  tmk: `${BASE}/Trademark`,
  dgn: `${BASE}/Design`,
  pat: `${BASE}/Patent`,
  gin: `${BASE}/GeographicalIndication`,
} as const;

/** The shipped WIPO schemas (reference/st96/V6_0_Flattened, copied unchanged). */
export const SCHEMA_DIR = new URL('../../../../../../reference/st96/V6_0_Flattened/', import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// Code lists: the enumerations of the shipped schemas themselves, so a value the schema would refuse is
// never written.

const schemaText = new Map<string, string>();
const lists = new Map<string, ReadonlySet<string>>();

function enumeration(xsd: string, type: string): string[] {
  const start = xsd.search(new RegExp(`<xsd:simpleType name="${type}">`));
  if (start < 0) throw new Error(`ST.96 schema: no simple type ${type}`);
  const end = xsd.indexOf('</xsd:simpleType>', start);
  return [...xsd.slice(start, end).matchAll(/<xsd:enumeration value="([^"]*)"/g)].map((m) => m[1]);
}

/** The values of simple types of a shipped schema file (read once). */
export function codeList(file: string, ...types: string[]): ReadonlySet<string> {
  const key = `${file}#${types.join(',')}`;
  let list = lists.get(key);
  if (!list) {
    let xsd = schemaText.get(file);
    if (xsd === undefined) { xsd = readFileSync(new URL(file, SCHEMA_DIR), 'utf8'); schemaText.set(file, xsd); }
    list = new Set(types.flatMap((t) => enumeration(xsd!, t)));
    lists.set(key, list);
  }
  return list;
}

/** A code list read on first use. */
export function lazyCodeList(file: string, ...types: string[]): () => ReadonlySet<string> {
  let list: ReadonlySet<string> | null = null;
  return () => (list ??= codeList(file, ...types));
}

const countries = lazyCodeList('Common_V6_0.xsd', 'ISOCountryCodeType', 'ISOFormerCountryCodeType');
const languages = lazyCodeList('Common_V6_0.xsd', 'ISOLanguageCodeType', 'ISOFormerLanguageCodeType');
const st3Codes = lazyCodeList('Common_V6_0.xsd', 'WIPOST3CodeType', 'WIPOFormerST3CodeType');

/** An ISO 3166 country code the schema knows, else null ('XX' and other ST.3-only codes are not countries). */
export const isoCountry = (code: string | null | undefined): string | null => (code && countries().has(code) ? code : null);
/** An ISO 639-1 language code the schema knows, else null. */
export const isoLanguage = (code: string | null | undefined): string | null => (code && languages().has(code) ? code : null);
/** A WIPO ST.3 code the schema knows, else null. */
export const st3 = (code: string | null | undefined): string | null => (code && st3Codes().has(code) ? code : null);

// ---------------------------------------------------------------------------------------------------------

/** A date the schema accepts (xsd:date), else null. */
export const date = (d: unknown): string | null => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);

export function applicationNumber(o: St96Out, c: ExportCase, name = 'com:ApplicationNumber'): void {
  o.el(name, () => o.leaf('com:ApplicationNumberText', c.number));
}

/** How the office names a publication in its gazette: the office's code and the publication date. */
export const publicationIdentifier = (c: ExportCase, on: string) => `${c.office}-${on}`;

/** The document file a stored document (named by its SHA-256) is exported as. */
export function fileName(ref: { sha256?: string; mediaType?: string } | null | undefined): string | null {
  if (!ref?.sha256 || !/^[0-9a-f]{64}$/.test(ref.sha256)) return null;
  const ext = ref.mediaType === 'image/png' ? 'png' : ref.mediaType === 'image/jpeg' ? 'jpg' : ref.mediaType === 'application/pdf' ? 'pdf' : 'bin';
  return `${ref.sha256}.${ext}`;
}

export const formatCategory = (mediaType: string | undefined): string | null =>
  (mediaType === 'image/png' ? 'PNG' : mediaType === 'image/jpeg' ? 'JPEG' : mediaType === 'application/pdf' ? 'PDF' : null);

/** Whether the export may refer to a document of this kind (a public export: what the register publishes). */
export const mayReferTo = (c: ExportCase, kind: string) => c.documentKinds === null || c.documentKinds.has(kind);

// ---------------------------------------------------------------------------------------------------------
// Parties

export const partiesIn = (c: ExportCase, ...roles: string[]): ExportParty[] => c.parties.filter((p) => roles.includes(p.role));

/** The applicants or, once there is one, the holder: the owner of the right (roles applicant and holder). */
export function owners(c: ExportCase): ExportParty[] {
  const holders = partiesIn(c, 'holder');
  return holders.length ? holders : partiesIn(c, 'applicant');
}

function name(o: St96Out, p: ExportParty): void {
  o.el('com:Name', () => {
    if (p.kind === 'natural') o.el('com:PersonName', () => o.leaf('com:PersonFullName', p.name));
    else o.el('com:OrganizationName', () => o.leaf('com:OrganizationStandardName', p.name));
  });
}

/**
 * The party's contact: the full contact (name, postal address, e-mail) for office use, or what a
 * publication shows (name and country) where the element allows it (`publication`). A public export
 * carries no e-mail in either, and an address only where the office's law publishes it (the export
 * party has one then), as a contact with its postal address.
 */
export function contact(o: St96Out, p: ExportParty, publication: boolean): void {
  const country = isoCountry(p.country);
  if (publication && !p.address) {
    o.el('com:PublicationContact', () => { name(o, p); o.leaf('com:CountryCode', country); });
    return;
  }
  o.el('com:Contact', () => {
    name(o, p);
    if (p.address) {
      o.el('com:PostalAddressBag', () => o.each('com:PostalAddress', () => {
        const lines = p.address!.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        if (country && lines.length) {
          o.el('com:PostalStructuredAddress', () => {
            lines.forEach((l, i) => o.leafEach('com:AddressLineText', l, { 'com:sequenceNumber': i + 1 }));
            o.leaf('com:CountryCode', country);
          });
        } else {
          o.leafEach('com:PostalAddressText', [...lines, ...(p.country ? [p.country] : [])].join(', '), { 'com:sequenceNumber': 1 });
        }
      }));
    }
    if (p.email) o.el('com:EmailAddressBag', () => o.leafEach('com:EmailAddressText', p.email));
  });
}

/** Public exports show parties as the register publishes them; others their full contact. */
export const publicationContact = (c: ExportCase) => c.publicOnly;

/** A representative (com:Representative has no publication contact: the name only in a public export). */
export function representativeBag(o: St96Out, c: ExportCase): void {
  const reps = partiesIn(c, 'representative');
  if (!reps.length) return;
  o.el('com:RepresentativeBag', () => reps.forEach((p, i) => o.each('com:Representative', () => {
    contact(o, p, false);
    o.leaf('com:NationalityCode', isoCountry(p.nationality));
  }, { 'com:sequenceNumber': i + 1 })));
}
