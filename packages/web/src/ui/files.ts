// Sizes of files and documents as the reader's language writes them (1.2 MB, 1,2 Mo, 1,2 МБ).
import type { I18n } from '../i18n/index.tsx';

export function formatSize(i18n: I18n, bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let n = bytes; let u = 0;
  while (n >= 1024 && u < units.length - 1) { n /= 1024; u++; }
  return new Intl.NumberFormat(i18n.lang, { style: 'unit', unit: units[u], unitDisplay: 'short', maximumFractionDigits: u ? 1 : 0 }).format(n);
}
