// Labels of the office pages, in the six languages.
import { defineMessages } from './core.ts';

export const office = defineMessages({
  'office.title': 'office',
}, {
  fr: { 'office.title': 'office' },
  es: { 'office.title': 'office' },
  ar: { 'office.title': 'office' },
  zh: { 'office.title': 'office' },
  ru: { 'office.title': 'office' },
});
