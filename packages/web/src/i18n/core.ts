// The six WIPO languages. Every namespace of messages defines English first; the type of
// defineMessages makes the other five languages carry exactly the same keys, so a missing
// translation is a type error, not a blank label.
export const LANGS = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
] as const;
export type Lang = (typeof LANGS)[number]['code'];
export const LANG_CODES: Lang[] = LANGS.map((l) => l.code);
export const isLang = (x: unknown): x is Lang => typeof x === 'string' && (LANG_CODES as string[]).includes(x);
export const dirOf = (l: Lang) => LANGS.find((x) => x.code === l)!.dir;

export type Catalog<K extends string> = Record<Lang, Record<K, string>>;

export function defineMessages<const E extends Record<string, string>>(en: E, others: Record<Exclude<Lang, 'en'>, { [k in keyof E]: string }>): Catalog<Extract<keyof E, string>> {
  return { en, ...others } as Catalog<Extract<keyof E, string>>;
}

/** Replaces {name} placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** Locale tags for Intl: Arabic with Latin digits is not what Arabic readers expect, so keep 'ar'. */
const INTL: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar', zh: 'zh-CN', ru: 'ru-RU' };
export const intlLocale = (l: Lang) => INTL[l];

/** A legal date (YYYY-MM-DD, a calendar date of the office, no time zone) formatted for the locale. */
export function formatLegalDate(lang: Lang, date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return new Intl.DateTimeFormat(intlLocale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** An instant (ISO timestamp) in the reader's own time zone. */
export function formatInstant(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Money is integer minor units plus an ISO 4217 currency. */
export function formatMoney(lang: Lang, minor: number | string | null | undefined, currency = 'EUR'): string {
  if (minor === null || minor === undefined) return '—';
  const n = Number(minor);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency }).format(n / 10 ** digits);
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}
