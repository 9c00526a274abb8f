// Realistic, varied trademark filings: invented mark texts, 1-3 Nice classes with official terms,
// applicants (companies and people) from several countries, some with a representative, some with
// a Paris Convention priority claim, all with payment of the filing fees.
import { niceData } from '../../packages/server/src/modules/cases/reference-data.ts';
import { mulberry32 } from '../../packages/server/test/support/prng.ts';

/** Deterministic PRNG (mulberry32), so a seed reproduces the same filings. */
export function rng(seed: number) {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

export const ONSETS = ['b', 'br', 'c', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'k', 'l', 'm', 'n', 'p', 'pr', 'qu', 'r', 's', 'st', 't', 'tr', 'v', 'z', 'x', 'sol', 'nov', 'ver'];
export const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ae', 'io', 'ea', 'ou', 'y'];
export const CODAS = ['', '', 'n', 'r', 'x', 's', 'l', 'm', 'nt', 'ra', 'na', 'on', 'is', 'ex'];
export const WORDS = ['GOLD', 'BREW', 'LABS', 'ONE', 'PRIME', 'NORTH', 'BLUE', 'WILD', 'CRAFT', 'PURE', 'SMART', 'ORGANIC', 'FLOW', 'NOVA', 'PEAK', 'LUX'];
export const SURNAMES = ['Müller', 'García', 'Rossi', 'Nowak', 'Silva', 'Dubois', 'Jensen', 'Tanaka', 'Okafor', 'Kowalski', 'Andersson', 'Papadopoulos', 'Smith', 'Ivanova', 'Chen', "O'Brien"];
export const GIVEN = ['Anna', 'Luca', 'María', 'Jan', 'Sofia', 'Pierre', 'Ingrid', 'Kenji', 'Chidi', 'Eva', 'Nikos', 'Olga', 'Wei', 'Siobhán'];
const FORMS: [string, string][] = [['Ltd', 'GB'], ['GmbH', 'DE'], ['SA', 'FR'], ['S.p.A.', 'IT'], ['B.V.', 'NL'], ['AB', 'SE'], ['sp. z o.o.', 'PL'], ['Inc.', 'US'], ['K.K.', 'JP'], ['Oy', 'FI'], ['Lda', 'PT'], ['Ltd', 'XX']];
const STREETS = ['Harbour Road', 'Main Street', 'Rue de la Paix', 'Hauptstraße', 'Via Roma', 'Kungsgatan', 'Market Square', 'Industrial Park'];
const AGENTS = ['Demo IP Attorneys LLP', 'Marks & Partners', 'Cabinet Lefèvre Conseil', 'Patentanwälte Weber', 'Studio Bianchi IP', 'Nordic Brand Counsel AB'];
const PRIORITY_OFFICES = ['US', 'DE', 'FR', 'GB', 'JP', 'CN', 'EM', 'IT', 'ES', 'CH', 'KR', 'BR', 'AU', 'CA'];
const METHODS = ['current-account', 'bank-transfer', 'card'] as const;

/** An invented mark: one to three syllables, sometimes with a common word before or after it. */
export function markText(r: Rng): string {
  const syll = () => r.pick(ONSETS) + r.pick(VOWELS);
  let w = '';
  for (let i = r.int(1, 3); i > 0; i--) w += syll();
  w = (w + r.pick(CODAS)).toUpperCase();
  const x = r.next();
  return x < 0.25 ? `${w} ${r.pick(WORDS)}` : x < 0.32 ? `${r.pick(WORDS)} ${w}` : w;
}

const cap = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();

let termsByClass: Map<number, string[]> | null = null;
/** The official Nice terms of each class (reference/nice). */
export function terms(): Map<number, string[]> {
  if (termsByClass) return termsByClass;
  termsByClass = new Map();
  for (const list of niceData().termsByText.values()) {
    for (const t of list) {
      const l = termsByClass.get(t.classNumber) ?? [];
      l.push(t.term);
      termsByClass.set(t.classNumber, l);
    }
  }
  return termsByClass;
}

/** Popular classes are picked more often, as at a real office (9, 35, 42, 25, 41, 30, 3, 5). */
const POPULAR = [9, 35, 42, 25, 41, 30, 3, 5, 43, 44, 16, 29, 32, 33, 36, 38];

export function trademarkFiling(r: Rng, today: Date = new Date()) {
  const byClass = terms();
  const nClasses = r.next() < 0.55 ? 1 : r.next() < 0.7 ? 2 : 3;
  const classes = new Set<number>();
  while (classes.size < nClasses) classes.add(r.next() < 0.6 ? r.pick(POPULAR) : r.int(1, 45));
  const goodsServices = [...classes].sort((a, b) => a - b).map((classNumber) => {
    const pool = byClass.get(classNumber)!;
    const ts = new Set<string>();
    for (let i = r.int(1, 6); i > 0; i--) ts.add(r.pick(pool));
    return { classNumber, terms: [...ts] };
  });
  const natural = r.next() < 0.2;
  const [form, country] = r.pick(FORMS);
  const applicant = natural
    ? { kind: 'natural' as const, name: `${r.pick(GIVEN)} ${r.pick(SURNAMES)}`, country: r.pick(FORMS)[1], nationality: r.pick(FORMS)[1], address: `${r.int(1, 200)} ${r.pick(STREETS)}` }
    : { kind: 'legal' as const, name: `${cap(markText(r).split(' ')[0])} ${r.pick(['Foods', 'Technologies', 'Cosmetics', 'Apparel', 'Holdings', 'Beverages', 'Software', 'Pharma'])} ${form}`,
      country, address: `${r.int(1, 200)} ${r.pick(STREETS)}`, email: `legal${r.int(1, 9999)}@example.org` };
  const payload: Record<string, any> = {
    mark: r.next() < 0.85 ? { kind: 'Word', text: markText(r) } : { kind: 'Stylized characters', text: markText(r), colours: ['blue', 'white'].slice(0, r.int(1, 2)) },
    applicant,
    goodsServices,
    language: 'en',
  };
  if (r.next() < 0.4) payload.representative = { kind: 'legal', name: r.pick(AGENTS), country: r.pick(['XX', 'FR', 'DE', 'GB']) };
  if (r.next() < 0.2) {
    const d = new Date(today.getTime() - r.int(5, 150) * 86_400_000);
    payload.priorityClaims = [{ office: r.pick(PRIORITY_OFFICES), number: `${r.int(2024, 2026)}/${r.int(100000, 999999)}`, date: d.toISOString().slice(0, 10) }];
  }
  const payment = { amount: 250_00 + 50_00 * (goodsServices.length - 1), currency: 'EUR', method: r.pick(METHODS), reference: `PAY-${r.int(1e6, 9e6)}` };
  return { right: 'trademark', payload, payment };
}

// ---------------------------------------------------------------------------------------------------------
// Other rights, for a realistic mix at an office (--mix): most filings are trademarks, then patents,
// designs and utility models. Their documents (descriptions as PDF, design views as PNG) are uploaded
// once before the load and referred to by SHA-256, as a portal does after its uploads.

export interface BenchDocuments { pdf: string[]; png: string[] }

const TOPICS = ['coffee roaster', 'bicycle brake', 'solar inverter', 'water filter', 'hinge', 'battery cell', 'drone propeller', 'insulin pen', 'seed drill', 'door lock'];
const LOCARNO: [string, string, string][] = [['06', '01', 'Chair'], ['07', '02', 'Cooking pot'], ['09', '01', 'Bottle'], ['14', '03', 'Telephone'], ['26', '05', 'Lamp'], ['02', '04', 'Shoe'], ['12', '11', 'Bicycle']];

function applicantOf(r: Rng) {
  const [form, country] = r.pick(FORMS);
  return { kind: 'legal' as const, name: `${cap(markText(r).split(' ')[0])} ${r.pick(['Engineering', 'Devices', 'Labs', 'Industries', 'Design'])} ${form}`, country, address: `${r.int(1, 200)} ${r.pick(STREETS)}` };
}
const person = (r: Rng) => ({ kind: 'natural' as const, name: `${r.pick(GIVEN)} ${r.pick(SURNAMES)}`, country: r.pick(FORMS)[1] });
const paid = (r: Rng, amount: number) => ({ amount, currency: 'EUR', method: r.pick(METHODS), reference: `PAY-${r.int(1e6, 9e6)}` });

export function patentFiling(r: Rng, docs: BenchDocuments, right: 'patent' | 'utility-model' = 'patent') {
  const topic = r.pick(TOPICS);
  const nClaims = r.int(3, 25);
  const payload: Record<string, any> = {
    applicants: [applicantOf(r)],
    inventors: Array.from({ length: r.int(1, 3) }, () => person(r)),
    title: `${cap(topic.split(' ')[0])} ${topic.split(' ').slice(1).join(' ')} with improved efficiency`.trim(),
    abstract: `A ${topic} in which ...`,
    description: { sha256: r.pick(docs.pdf) },
    claims: Array.from({ length: nClaims }, (_, i) => `${i + 1}. A ${topic}${i ? ` according to claim ${r.int(1, i)}` : ''}, comprising ...`),
  };
  if (r.next() < 0.5) payload.representative = { kind: 'legal', name: r.pick(AGENTS), country: 'XX' };
  return { right, payload, payment: paid(r, right === 'patent' ? 300_00 : 80_00) };
}

export function designFiling(r: Rng, docs: BenchDocuments) {
  const [cls, sub, product] = r.pick(LOCARNO);
  const n = r.next() < 0.7 ? 1 : r.int(2, 5);
  return {
    right: 'design',
    payload: {
      applicants: [applicantOf(r)],
      designers: [person(r)],
      designs: Array.from({ length: n }, (_, i) => ({
        products: [product], locarno: { class: cls, subclass: sub },
        views: Array.from({ length: r.int(1, 4) }, (_, v) => ({ sha256: r.pick(docs.png), title: `view ${i + 1}.${v + 1}` })),
      })),
    },
    payment: paid(r, 350_00 * n),
  };
}

/** 65 % trademarks, 15 % patents, 12 % designs, 8 % utility models. */
export function mixedFiling(r: Rng, docs: BenchDocuments) {
  const x = r.next();
  if (x < 0.65) return trademarkFiling(r);
  if (x < 0.80) return patentFiling(r, docs);
  if (x < 0.92) return designFiling(r, docs);
  return patentFiling(r, docs, 'utility-model');
}
