// What the suggesters accept: some words, not too many.
import { DomainError } from '../../kernel/errors.ts';

/** The longest description of goods and services read for a Nice suggestion (characters). */
export const NICE_TEXT_MAX = 2000;
/** The longest title and abstract read for an IPC suggestion (characters). */
export const IPC_TEXT_MAX = 5000;
/** How many suggestions at most, and by default. */
export const MAX_SUGGESTIONS = 10;
export const DEFAULT_SUGGESTIONS = 5;

/** The text as given, refused with a stable code when it has no letters or digits or is longer than `max` characters. */
export function checkText(text: string, max: number, what: string): string {
  const length = [...text].length;
  if (length > max) {
    throw new DomainError('CLASSIFY_TEXT_TOO_LONG', `The text has ${length} characters; at most ${max} are read. Describe the ${what} more briefly`, 422, { field: 'text', max, length });
  }
  if (!/[\p{L}\p{N}]/u.test(text)) throw new DomainError('CLASSIFY_TEXT_EMPTY', `The text has no letters or digits: describe the ${what}`, 422, { field: 'text' });
  return text;
}

export const limitOf = (limit: number | undefined) => Math.min(Math.max(Math.trunc(limit ?? DEFAULT_SUGGESTIONS), 1), MAX_SUGGESTIONS);

export const round3 = (x: number) => Math.round(x * 1000) / 1000;
