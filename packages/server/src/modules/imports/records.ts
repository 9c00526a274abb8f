// A record of a previous register, whatever format it came in, as the 'take-over' act takes it: the
// source (office, identifier, number), the case data in the procedure's own shape, the parties, the
// state and the history. The format readers (st96.ts, uspto-tdxf.ts, jsonl.ts) produce these; the
// vocabulary they share (dates, parties, classes, status words) is here.
import { isLegalDate, type PartyData, type PartyRole, type Right } from '@registrum/procedures';
import { DomainError } from '../../kernel/errors.ts';

export interface HistoryEvent { date: string; code?: string; text: string }

export interface TakeOverPayload {
  source: { format: string; office?: string; id: string; number?: string };
  state: string;
  since?: string;
  public?: boolean;
  data: Record<string, any>;
  parties: { role: PartyRole; party: PartyData }[];
  history: HistoryEvent[];
}

export interface SourceRecord {
  /** Where the record is in its file: the record's position, or the line number. */
  seq: number;
  right: Right;
  /** WIPO ST.3 code of the office whose register it comes from. */
  office: string;
  /** The record's identifier there (its application number). */
  sourceId: string;
  /** The number the case is known by there, kept as the case number where the office can. */
  number: string | null;
  payload: TakeOverPayload;
  /** A file with the representation of the mark, stored when the record is imported. */
  imagePath?: string;
}

/** A record that cannot be taken over, with the reason and its stable code. */
export interface RejectedRecord { seq: number; error: DomainError; right?: Right; office?: string; sourceId?: string }

export type Mapped = SourceRecord | RejectedRecord;
export const isRejected = (m: Mapped): m is RejectedRecord => 'error' in m;

/** Which register a record belongs to: the same application seen through two formats is one source record. */
export const sourceOf = (r: Pick<SourceRecord, 'office' | 'right'>) => `${r.office}:${r.right}`;

export const rejected = (code: string, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, 422, details);
export const missing = (what: string, details: Record<string, unknown> = {}) => rejected('IMPORT_MISSING_FIELD', `The record has no ${what}`, { field: what, ...details });
export const invalidValue = (what: string, value: unknown) => rejected('IMPORT_INVALID_VALUE', `The record's ${what} '${String(value).slice(0, 100)}' is not valid`, { field: what, value: String(value).slice(0, 200) });

/** Text as the register keeps it: control characters removed, spaces collapsed; undefined when empty. */
export function clean(s: string | undefined | null, max = 0): string | undefined {
  if (s === undefined || s === null) return undefined;
  const t = String(s).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return max > 0 && t.length > max ? t.slice(0, max) : t;
}

/**
 * A calendar date as sources write it: 2017-03-28, 2018-04-17-04:00 (an xs:date with its zone: the
 * date as the office wrote it) or 20240925. Undefined when absent; an error when present but not a date.
 */
export function sourceDate(s: string | undefined, what: string): string | undefined {
  const t = clean(s);
  if (!t) return undefined;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*|Z|[+-]\d{2}:\d{2})?$/.exec(t);
  const d = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
  if (!isLegalDate(d)) throw invalidValue(what, t);
  return d;
}

/** A date that may be missing or wrong without the record being refused (the first use of a mark). */
export function optionalDate(s: string | undefined): string | undefined {
  try { return sourceDate(s, 'date'); } catch { return undefined; }
}

export const isOfficeCode = (s: string | undefined): s is string => !!s && /^[A-Z]{2}$/.test(s);

/** A party as the register keeps it; undefined without a name. */
export function party(p: { name?: string; address?: (string | undefined)[]; country?: string; nationality?: string; natural?: boolean; email?: string }): PartyData | undefined {
  const name = clean(p.name, 500);
  if (!name) return undefined;
  const address = clean(p.address?.map((a) => clean(a)).filter(Boolean).join(', '), 1000);
  const country = clean(p.country)?.toUpperCase();
  const nationality = clean(p.nationality)?.toUpperCase();
  const email = clean(p.email, 320);
  return {
    kind: p.natural ? 'natural' : 'legal', name,
    ...(address ? { address } : {}),
    ...(isOfficeCode(country) ? { country } : {}),
    ...(isOfficeCode(nationality) ? { nationality } : {}),
    ...(email ? { email } : {}),
  };
}

/** The same person named twice (as original applicant and as owner at publication) is one party. */
export function distinctParties(list: { role: PartyRole; party: PartyData | undefined }[]): { role: PartyRole; party: PartyData }[] {
  const seen = new Set<string>();
  const out: { role: PartyRole; party: PartyData }[] = [];
  for (const p of list) {
    if (!p.party) continue;
    const key = `${p.role}|${p.party.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ role: p.role, party: p.party });
  }
  return out;
}

/** Goods and services by Nice class: a class's terms from its description ('a; b; c'), classes merged, terms kept once. */
export function niceClasses(list: { classNumber: string | number | undefined; text?: string | string[] }[]): { classNumber: number; terms: string[] }[] {
  const byClass = new Map<number, string[]>();
  for (const g of list) {
    const n = Number(typeof g.classNumber === 'string' ? g.classNumber.trim() : g.classNumber);
    if (!Number.isInteger(n) || n < 1 || n > 45) continue;
    const texts = Array.isArray(g.text) ? g.text : g.text ? [g.text] : [];
    const terms = texts.flatMap((t) => splitTerms(t));
    const have = byClass.get(n) ?? [];
    for (const t of terms) if (!have.includes(t)) have.push(t);
    byClass.set(n, have);
  }
  return [...byClass].filter(([, t]) => t.length > 0).sort(([a], [b]) => a - b).map(([classNumber, terms]) => ({ classNumber, terms }));
}

/** Terms of a description: separated by semicolons (a comma may belong to a term: 'Restaurant services, namely ...'). */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(';')) {
    const t = clean(part);
    if (!t) continue;
    // A term longer than the register holds is cut at a comma, else at the limit.
    if (t.length <= 1000) { out.push(t); continue; }
    let rest = t;
    while (rest.length > 1000) {
      const cut = rest.lastIndexOf(', ', 1000);
      const at = cut > 0 ? cut : 1000;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at).replace(/^,\s*/, '').trim();
    }
    if (rest) out.push(rest);
  }
  return out;
}

/** History in date order (the source's order kept within a day). */
export function history(events: (HistoryEvent | undefined)[]): HistoryEvent[] {
  return events.filter((e): e is HistoryEvent => !!e)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

export function historyEvent(date: string | undefined, code: string | undefined, text: string | undefined): HistoryEvent | undefined {
  const d = optionalDate(date);
  const t = clean(text, 5000) ?? clean(code, 5000);
  if (!d || !t) return undefined;
  const c = clean(code, 100);
  return { date: d, ...(c ? { code: c } : {}), text: t };
}

// ---------------------------------------------------------------------------------------------------------
// Status: what state of the procedure a source's status means

/**
 * USPTO trademark status codes (TSDR, the daily XML), by range: 600-615 abandoned; 616-679 pending
 * (630-639 new applications not yet examined); 680-685 approved for publication; 686-687 published for
 * opposition; 688-699 and 720-799 allowed, awaiting the statement of use or registration; 700-709 and
 * 800-899 registered (and renewed, or with a post-registration filing accepted); 710-719 cancelled;
 * 900-999 expired.
 */
export function usptoTrademarkState(code: string | undefined): string | null {
  const n = Number(clean(code));
  if (!Number.isInteger(n)) return null;
  if (n === 601) return 'withdrawn';
  if (n >= 600 && n <= 615) return 'deemed-withdrawn';
  if (n >= 630 && n <= 639) return 'formalities';
  if (n >= 616 && n <= 679) return 'examination';
  if (n >= 680 && n <= 685) return 'accepted';
  if (n >= 686 && n <= 687) return 'published';
  if ((n >= 688 && n <= 699) || (n >= 720 && n <= 799)) return 'awaiting-registration';
  if ((n >= 700 && n <= 709) || (n >= 800 && n <= 899)) return 'registered';
  if ((n >= 710 && n <= 719) || (n >= 900 && n <= 999)) return 'lapsed';
  return null;
}

/** A status in words (ST.96 status codes and categories, ST.61/ST.87 terms) as the state of a right's procedure. */
export function stateFromWords(right: Right, words: string | undefined): string | null {
  const w = (clean(words) ?? '').toLowerCase();
  if (!w) return null;
  const ended = /cancel|revok|invalid|expir|lapse|not renewed|cease/.test(w);
  const pick = (m: Partial<Record<Right, string>>) => m[right] ?? null;
  if (/surrender/.test(w)) return 'surrendered';
  if (/withdraw|abandon/.test(w)) return 'withdrawn';
  if (/refus|reject/.test(w)) return 'refused';
  if (ended) {
    if (/expir|term/.test(w)) return pick({ trademark: 'lapsed', design: 'expired', patent: 'expired', 'utility-model': 'expired', gi: 'cancelled' });
    return pick({ trademark: 'lapsed', design: 'lapsed', patent: 'ceased', 'utility-model': 'ceased', gi: 'cancelled' });
  }
  if (/regist|protect|grant|in force/.test(w)) return pick({ trademark: 'registered', design: 'registered', gi: 'registered', patent: 'granted', 'utility-model': 'registered' });
  if (/oppos|objection/.test(w)) return pick({ trademark: 'opposed', gi: 'opposed' });
  if (/publish|publication/.test(w)) return pick({ trademark: 'published', gi: 'published', design: 'registered', patent: 'examination', 'utility-model': 'examination' });
  if (/accept|allow/.test(w)) return 'accepted';
  if (/filed|filing|examin|pending|receiv|undefined/.test(w)) return 'examination';
  return null;
}

/**
 * The kind of mark from the USPTO mark drawing code (TSDR MarkFeatureCode, the daily XML's
 * mark-drawing-code, whose first digit counts): 1 typed, 4 standard characters (word marks),
 * 2 design only, 3 design with words, 5 stylized words, 6 no drawing (sound, scent).
 */
export function usptoMarkKind(code: string | undefined, hasText: boolean): string {
  switch (clean(code)?.charAt(0)) {
    case '1': case '4': return 'Word';
    case '2': return 'Figurative';
    case '3': return 'Combined';
    case '5': return 'Stylized characters';
    case '6': return 'Other';
    default: return hasText ? 'Word' : 'Figurative';
  }
}

/** ST.96 MarkFeatureCategory as the kinds of mark the register knows. */
export function st96MarkKind(category: string | undefined): string | null {
  const c = (clean(category) ?? '').toLowerCase();
  const kinds: Record<string, string> = {
    word: 'Word', 'stylized characters': 'Stylized characters', figurative: 'Figurative', combined: 'Combined',
    'three dimensional': 'Three dimensional', '3-d': 'Three dimensional', colour: 'Colour', color: 'Colour', sound: 'Sound',
    hologram: 'Hologram', motion: 'Motion', multimedia: 'Multimedia', position: 'Position', olfactory: 'Other', pattern: 'Other', other: 'Other',
  };
  return kinds[c] ?? null;
}

/** When a US trademark registration expires: ten years from the registration, ten more for each renewal (15 U.S.C. 1058, 1059). */
export function usTrademarkExpiry(registrationDate: string | undefined, renewals: number): string | undefined {
  if (!registrationDate) return undefined;
  const y = Number(registrationDate.slice(0, 4)) + 10 * (1 + renewals);
  const d = `${y}${registrationDate.slice(4)}`;
  // 29 February of a year that has none: the term ends on the last day of February.
  return isLegalDate(d) ? d : `${y}${registrationDate.slice(4, 8)}28`;
}
