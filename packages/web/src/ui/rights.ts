// The name of a kind of right in the reader's language. A child proceeding such as
// 'trademark-opposition' is named by its own kind ('opposition') when it has no name of its own.
import type { I18n } from '../i18n/index.tsx';

export function rightName(i18n: I18n, right: string): string {
  const own = right.split('-').pop() ?? right;
  return i18n.tx(`right.${right}`, i18n.tx(`right.${own}`, right));
}
