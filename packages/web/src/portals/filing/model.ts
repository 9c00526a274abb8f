// Shapes the filing portal exchanges with the API, and the pure rules of the trademark form
// (what each mark kind needs, what a step must hold, how a draft becomes a filing payload).

export type Right = 'trademark' | 'patent' | 'design' | 'utility-model' | 'gi';
export const OTHER_RIGHTS: Right[] = ['patent', 'design', 'utility-model', 'gi'];
export const ALL_RIGHTS: Right[] = ['trademark', ...OTHER_RIGHTS];

export interface Party { kind?: 'natural' | 'legal'; name: string; address?: string; country?: string; email?: string; nationality?: string }
export interface ImageRef { sha256: string; mediaType: string; size: number }
export interface Mark { kind: MarkKind; text?: string; description?: string; colours?: string[]; image?: ImageRef }
export interface GoodsServices { classNumber: number; terms: string[] }
export interface PriorityClaim { office: string; number: string; date: string }
export interface TrademarkPayload {
  applicant: Party;
  representative?: Party;
  mark: Mark;
  goodsServices: GoodsServices[];
  priorityClaims: PriorityClaim[];
  language?: string;
}

export const MARK_KINDS = [
  'Word', 'Stylized characters', 'Figurative', 'Combined', 'Three dimensional', 'Colour', 'Sound',
  'Hologram', 'Motion', 'Multimedia', 'Position', 'Other',
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

/** Kinds whose mark is (or contains) words: the text is asked for, and required where it is the mark. */
export const TEXT_KINDS: readonly MarkKind[] = ['Word', 'Stylized characters', 'Combined'];
/** Kinds represented by a picture: the image is asked for, and required where nothing else shows the mark. */
export const IMAGE_KINDS: readonly MarkKind[] = ['Stylized characters', 'Figurative', 'Combined', 'Three dimensional', 'Colour', 'Hologram', 'Motion', 'Multimedia', 'Position', 'Other'];
export const IMAGE_REQUIRED: readonly MarkKind[] = ['Stylized characters', 'Figurative', 'Combined'];

/** What the server accepts as a mark image, and up to which size (bytes). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg'];
export const IMAGE_LIMIT = 5 * 1024 * 1024;

export interface FeeQuote { currency: string; total: number; items: { code: string; title: string; amount: number; currency: string; quantity: number }[] }
export interface Account { id: string; holder: unknown; currency: string; balance: number }
export interface Draft { id: string; right: Right; title: string; payload: Record<string, any>; updatedAt: string; shared?: boolean; submittedCase?: { number?: string; id?: string } | string | null }
export interface FilingResponse {
  case: { id: string; number: string; state: string; filingDate: string | null };
  act: { fees: { code: string; amount: number; currency: string }[]; officeDate: string; hash: string };
  receipt: {
    number: string; receivedOn: string; filingDateAccorded: boolean; filingDate: string | null;
    submissionHash: string; journalHash: string;
    classCheck: { classNumber: number; terms: { term: string; status: 'official' | 'official-other-class' | 'free-text'; basicNumber?: string; officialClasses?: number[] }[] }[];
  };
}
/** What the receipt page keeps of a filing (the response plus what was paid). */
export interface StoredReceipt extends FilingResponse {
  payment: { amount: number; currency: string; method: string } | null;
  right: string;
  /** Titles of the fees by code, from the quote (the act's fees carry codes only). */
  feeTitles?: Record<string, string>;
}

export const emptyTrademark = (lang?: string): TrademarkPayload => ({
  applicant: { kind: 'legal', name: '' },
  mark: { kind: 'Word', text: '' },
  goodsServices: [],
  priorityClaims: [],
  ...(lang ? { language: lang } : {}),
});

/** A draft's payload may be partial or from an older form: fill what the form needs. */
export function trademarkFromDraft(p: Record<string, any> | null | undefined): TrademarkPayload {
  const base = emptyTrademark();
  if (!p || typeof p !== 'object') return base;
  return {
    applicant: { ...base.applicant, ...(p.applicant ?? {}) },
    ...(p.representative ? { representative: p.representative } : {}),
    mark: { ...base.mark, ...(p.mark ?? {}) },
    goodsServices: Array.isArray(p.goodsServices) ? p.goodsServices.filter((g: any) => Number.isInteger(g?.classNumber)).map((g: any) => ({ classNumber: g.classNumber, terms: Array.isArray(g.terms) ? g.terms.map(String) : [] })) : [],
    priorityClaims: Array.isArray(p.priorityClaims) ? p.priorityClaims.map((c: any) => ({ office: String(c?.office ?? ''), number: String(c?.number ?? ''), date: String(c?.date ?? '') })) : [],
    ...(typeof p.language === 'string' ? { language: p.language } : {}),
  };
}

const trimmed = (s: string | undefined) => (s ?? '').trim();

function cleanParty(p: Party | undefined): Party | undefined {
  if (!p || !trimmed(p.name)) return undefined;
  const out: Record<string, string> = { name: trimmed(p.name) };
  if (p.kind) out.kind = p.kind;
  for (const k of ['address', 'country', 'email', 'nationality'] as const) {
    const v = k === 'country' || k === 'nationality' ? trimmed(p[k]).toUpperCase() : trimmed(p[k]);
    if (v) out[k] = v;
  }
  return out as unknown as Party;
}

/** The payload the office receives: empty optional parts left out, only what the mark kind uses. */
export function toFilingPayload(p: TrademarkPayload): Record<string, any> {
  const kind = p.mark.kind;
  const mark: Record<string, any> = { kind };
  if (TEXT_KINDS.includes(kind) && trimmed(p.mark.text)) mark.text = p.mark.text!.trim();
  if (kind !== 'Word' && trimmed(p.mark.description)) mark.description = p.mark.description!.trim();
  const colours = (p.mark.colours ?? []).map((c) => c.trim()).filter(Boolean);
  if (kind !== 'Word' && colours.length) mark.colours = colours;
  if (IMAGE_KINDS.includes(kind) && p.mark.image) mark.image = p.mark.image;
  const out: Record<string, any> = { mark, applicant: cleanParty(p.applicant) ?? { name: '' } };
  const rep = cleanParty(p.representative);
  if (rep) out.representative = rep;
  const gs = p.goodsServices.filter((g) => g.terms.length > 0);
  if (gs.length) out.goodsServices = gs;
  const claims = p.priorityClaims.filter((c) => trimmed(c.office) || trimmed(c.number) || trimmed(c.date))
    .map((c) => ({ office: trimmed(c.office).toUpperCase(), number: trimmed(c.number), date: trimmed(c.date) }));
  if (claims.length) out.priorityClaims = claims;
  if (p.language) out.language = p.language;
  return out;
}

export type StepId = 'applicant' | 'mark' | 'goods' | 'priority' | 'review';
export const STEPS: StepId[] = ['applicant', 'mark', 'goods', 'priority', 'review'];

/** The step that holds the field at a JSON pointer of the payload (for the server's field errors). */
export function stepOfPath(path: string): StepId {
  if (path.startsWith('/mark')) return 'mark';
  if (path.startsWith('/goodsServices')) return 'goods';
  if (path.startsWith('/priorityClaims')) return 'priority';
  return 'applicant';
}

const ST3 = /^[A-Z]{2}$/;

/** Client-side checks of one step: JSON pointer -> message key (translated by the form). */
export function validateStep(step: StepId, p: TrademarkPayload): Record<string, string> {
  const e: Record<string, string> = {};
  if (step === 'applicant' || step === 'review') {
    if (!trimmed(p.applicant.name)) e['/applicant/name'] = 'filing.v.required';
    if (trimmed(p.applicant.country) && !ST3.test(trimmed(p.applicant.country).toUpperCase())) e['/applicant/country'] = 'filing.v.country';
    if (trimmed(p.applicant.nationality) && !ST3.test(trimmed(p.applicant.nationality).toUpperCase())) e['/applicant/nationality'] = 'filing.v.country';
    const rep = p.representative;
    if (rep && !trimmed(rep.name) && (trimmed(rep.address) || trimmed(rep.country) || trimmed(rep.email))) e['/representative/name'] = 'filing.v.required';
    if (rep && trimmed(rep.country) && !ST3.test(trimmed(rep.country).toUpperCase())) e['/representative/country'] = 'filing.v.country';
  }
  if (step === 'mark' || step === 'review') {
    const k = p.mark.kind;
    if (TEXT_KINDS.includes(k) && !trimmed(p.mark.text)) e['/mark/text'] = 'filing.v.markText';
    if (IMAGE_REQUIRED.includes(k) && !p.mark.image) e['/mark/image'] = 'filing.v.markImage';
    if (!TEXT_KINDS.includes(k) && !IMAGE_REQUIRED.includes(k) && !p.mark.image && !trimmed(p.mark.description)) e['/mark/description'] = 'filing.v.markDescription';
  }
  if (step === 'goods' || step === 'review') {
    if (!p.goodsServices.some((g) => g.terms.length > 0)) e['/goodsServices'] = 'filing.v.goods';
    p.goodsServices.forEach((g, i) => { if (g.terms.length === 0) e[`/goodsServices/${i}/terms`] = 'filing.v.classEmpty'; });
  }
  if (step === 'priority' || step === 'review') {
    p.priorityClaims.forEach((c, i) => {
      if (!ST3.test(trimmed(c.office).toUpperCase())) e[`/priorityClaims/${i}/office`] = 'filing.v.country';
      if (!trimmed(c.number)) e[`/priorityClaims/${i}/number`] = 'filing.v.required';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed(c.date))) e[`/priorityClaims/${i}/date`] = 'filing.v.date';
    });
  }
  return e;
}

/** A title for a draft list: the mark's words, else its kind. */
export function trademarkTitle(p: TrademarkPayload, kindLabel: string): string {
  return trimmed(p.mark.text) || kindLabel;
}

/** A fresh key for one submission: a retry of the same submission must send the same key. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export const RECEIPT_KEY = (number: string) => `registrum.receipt.${number}`;

/** The case a submitted draft became, by number. */
export function submittedNumber(d: Pick<Draft, 'submittedCase'>): string | null {
  const s = d.submittedCase;
  if (!s) return null;
  if (typeof s === 'string') return s;
  return s.number ?? s.id ?? null;
}
