// Labels of the admin pages, in the six languages.
import { defineMessages } from './core.ts';

export const admin = defineMessages({
  'admin.title': 'admin',
}, {
  fr: { 'admin.title': 'admin' },
  es: { 'admin.title': 'admin' },
  ar: { 'admin.title': 'admin' },
  zh: { 'admin.title': 'admin' },
  ru: { 'admin.title': 'admin' },
});
