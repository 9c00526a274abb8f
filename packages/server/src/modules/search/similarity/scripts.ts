// The scripts the similar-mark search reads (each transliterated into Latin letters by normalize.ts), and
// the languages whose pronunciation it also compares marks in (phonemes.ts).
export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Han';
export const SCRIPTS: readonly Script[] = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Han'];
export const PHONETIC_LANGUAGES = ['de', 'es', 'fr', 'it', 'pt'] as const;
export type PhoneticLanguage = typeof PHONETIC_LANGUAGES[number];
