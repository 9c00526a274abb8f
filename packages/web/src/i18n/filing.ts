// Labels of the filing pages, in the six languages.
import { defineMessages } from './core.ts';

export const filing = defineMessages({
  'filing.title': 'filing',
}, {
  fr: { 'filing.title': 'filing' },
  es: { 'filing.title': 'filing' },
  ar: { 'filing.title': 'filing' },
  zh: { 'filing.title': 'filing' },
  ru: { 'filing.title': 'filing' },
});
