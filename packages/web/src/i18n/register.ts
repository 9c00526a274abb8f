// Labels of the register pages, in the six languages.
import { defineMessages } from './core.ts';

export const register = defineMessages({
  'register.title': 'register',
}, {
  fr: { 'register.title': 'register' },
  es: { 'register.title': 'register' },
  ar: { 'register.title': 'register' },
  zh: { 'register.title': 'register' },
  ru: { 'register.title': 'register' },
});
