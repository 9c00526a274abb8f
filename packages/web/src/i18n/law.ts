// The titles the law gives its states, acts, fees and time limits are English in the procedure
// definitions (the office's configuration). Their translations are kept here, keyed by that English
// text; a title without a translation is shown in English (a test lists any that are missing).
import type { Lang } from './core.ts';

type Translations = Record<Exclude<Lang, 'en'>, string>;

export const LAW_TEXT: Record<string, Translations> = {};

export function lawText(lang: Lang, english: string | null | undefined): string {
  if (!english) return '';
  if (lang === 'en') return english;
  return LAW_TEXT[english]?.[lang] ?? english;
}
