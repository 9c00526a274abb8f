// The language of the interface: chosen at any time, remembered in the browser, applied to <html lang dir>.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dirOf, formatInstant, formatLegalDate, formatMoney, formatNumber, interpolate, isLang, LANG_CODES, type Lang } from './core.ts';
import { common } from './common.ts';
import { errors } from './errors.ts';
import { register } from './register.ts';
import { filing } from './filing.ts';
import { office } from './office.ts';
import { admin } from './admin.ts';
import { publication } from './publication.ts';
import { dossier } from './dossier.ts';
import { audit } from './audit.ts';
import { outages } from './outages.ts';
import { similar } from './similar.ts';
import { lawText } from './law.ts';

const NAMESPACES = [common, errors, register, filing, office, admin, publication, dossier, outages, audit, similar] as const;
type KeysOf<T> = T extends { en: infer E } ? keyof E : never;
export type MessageKey = { [I in keyof typeof NAMESPACES]: KeysOf<(typeof NAMESPACES)[I]> }[number] & string;

const MESSAGES: Record<Lang, Record<string, string>> = Object.fromEntries(
  LANG_CODES.map((l) => [l, Object.assign({}, ...NAMESPACES.map((ns) => ns[l]))]),
) as Record<Lang, Record<string, string>>;

export function hasMessage(key: string): boolean { return key in MESSAGES.en; }

export function translate(lang: Lang, key: MessageKey | string, vars?: Record<string, string | number>): string {
  return interpolate(MESSAGES[lang][key] ?? MESSAGES.en[key] ?? key, vars);
}

export interface I18n {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  setLang(l: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A key built at run time (a right, a role, an error code); falls back to `fallback`. */
  tx(key: string, fallback?: string, vars?: Record<string, string | number>): string;
  date(d: string | null | undefined): string;
  instant(iso: string | null | undefined): string;
  money(minor: number | string | null | undefined, currency?: string): string;
  number(n: number): string;
  /** A title of the law (state, act, fee, time limit) in the user's language. */
  law(english: string | null | undefined): string;
}

const Ctx = createContext<I18n | null>(null);
const STORAGE_KEY = 'registrum.lang';

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  try { const s = localStorage.getItem(STORAGE_KEY); if (isLang(s)) return s; } catch { /* storage blocked */ }
  for (const l of navigator.languages ?? []) { const c = l.slice(0, 2); if (isLang(c)) return c; }
  return 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try { localStorage.setItem(STORAGE_KEY, l); } catch { /* storage blocked: the choice lasts for this page */ }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dirOf(lang);
  }, [lang]);
  const value = useMemo<I18n>(() => ({
    lang, dir: dirOf(lang), setLang,
    t: (key, vars) => translate(lang, key, vars),
    tx: (key, fallback, vars) => (key in MESSAGES.en ? translate(lang, key, vars) : interpolate(fallback ?? key, vars)),
    date: (d) => formatLegalDate(lang, d),
    instant: (iso) => formatInstant(lang, iso),
    money: (m, c) => formatMoney(lang, m, c),
    number: (n) => formatNumber(lang, n),
    law: (english) => lawText(lang, english),
  }), [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
