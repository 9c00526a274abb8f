// Small pieces the administrator sections share: the office date, the frameworks, errors placed
// beside the field they concern, and money typed in major units.
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api.ts';
import { intlLocale } from '../../i18n/core.ts';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { ErrorSummary, fieldMessage, SelectField } from '../../ui/forms.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { useApi } from '../../ui/data.ts';
export { rightName } from '../../ui/rights.ts';

export interface ClockInfo { officeDate: string; settable: boolean; offsetDays: number }

export function useOfficeClock() {
  return useApi<ClockInfo>('/admin/clock');
}

/** The day after a legal date (for the earliest date a new version may take effect). */
export function nextDay(date: string | null | undefined): string | undefined {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) return undefined;
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1)).toISOString().slice(0, 10);
}

export const isIsoDate = (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

/** The version in force on a date: the last one that took effect on or before it. */
export function inForce<T extends { effectiveFrom: string }>(versions: T[], date: string | null | undefined): T | undefined {
  if (!date) return undefined;
  return [...versions].filter((v) => v.effectiveFrom <= date).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).pop();
}

/**
 * The message for one field: a local check first, then the API's field error at that JSON pointer,
 * then a refusal whose code concerns this field (e.g. a taken user name beside the user name).
 */
export function fieldError(i18n: I18n, local: Record<string, string | undefined>, err: unknown, name: string, codes: Record<string, string> = {}): string | undefined {
  if (local[name]) return local[name];
  const f = fieldMessage(i18n, err, `/${name}`);
  if (f) return f;
  if (err instanceof ApiError && codes[err.code] === name) return i18n.tx(`error.${err.code}`, err.message);
  return undefined;
}

/** Digits after the decimal point of a currency (EUR 2, JPY 0). */
export function currencyDigits(currency: string): number {
  try { return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2; }
  catch { return 2; }
}

/** Parses an amount typed in major units ("250", "250.5", "250,50") into minor units; null if not one. */
export function parseMajor(text: string, currency: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  const digits = currencyDigits(currency);
  const [whole, frac = ''] = t.split(/[.,]/);
  if (frac.length > digits) return null;
  return Number(whole) * 10 ** digits + Number((frac + '0'.repeat(digits)).slice(0, digits) || '0');
}

/** Minor units as typed text in major units, with a dot (what parseMajor reads back). */
export function formatMajor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

/** Names of the weekdays 0 (Sunday) to 6 (Saturday) in the user's language. */
export function weekdayNames(i18n: I18n, width: 'long' | 'short' = 'long'): string[] {
  const fmt = new Intl.DateTimeFormat(intlLocale(i18n.lang), { weekday: width, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, d) => fmt.format(new Date(Date.UTC(2023, 0, 1 + d)))); // 2023-01-01 was a Sunday
}

export interface FrameworkInfo { id: string; title: string; rights: string[] }

let frameworksOnce: Promise<FrameworkInfo[]> | null = null;

/** The legal frameworks the office runs, fetched once per page load (the law changes by release, not by the minute). */
export function useFrameworks(): FrameworkInfo[] {
  const [list, setList] = useState<FrameworkInfo[]>([]);
  useEffect(() => {
    frameworksOnce ??= api<{ items: { id: string; title: string; procedures: { right: string }[] }[] }>('/procedures')
      .then((r) => r.items.map((f) => ({ id: f.id, title: f.title, rights: [...new Set(f.procedures.map((p) => p.right))] })))
      .catch((e) => { frameworksOnce = null; throw e; });
    let live = true;
    frameworksOnce.then((l) => { if (live) setList(l); }, () => { /* the section still works with the office's own framework */ });
    return () => { live = false; };
  }, []);
  return list;
}

/** The choice of legal framework on an administration panel (shown only where the office runs several). */
export function FrameworkFilter({ frameworks, value, onChange, testid }: { frameworks: FrameworkInfo[]; value: string; onChange: (id: string) => void; testid: string }) {
  const i18n = useI18n();
  if (frameworks.length <= 1) return null;
  return (
    <div className="admin-filter">
      <SelectField label={i18n.t('admin.framework')} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testid}>
        {frameworks.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
      </SelectField>
    </div>
  );
}

/** What a panel has to say: the last change made, the error, or that it is loading. */
export function PanelStatus({ notice, error, loading }: { notice: string | null; error: unknown; loading: boolean }) {
  return (
    <>
      {notice ? <div className="alert alert-ok" role="status">{notice}</div> : null}
      <ErrorSummary error={error} />
      {loading ? <Loading /> : null}
    </>
  );
}
