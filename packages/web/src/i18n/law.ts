// The translations of the law's English titles live with the law (procedures/src/translations), where
// the server's outgoing documents read them too.
import { LAW_TEXT, lawText as translate } from '@registrum/procedures/translations/law-text.ts';
import type { Lang } from './core.ts';

export { LAW_TEXT };

export function lawText(lang: Lang, english: string | null | undefined): string {
  return translate(lang, english);
}
