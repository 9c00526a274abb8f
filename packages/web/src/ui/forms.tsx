// Form building blocks: every field has a visible label, its error beside it (from the API's field
// errors, in the user's language) and keeps what the user typed; submitting is double-click safe.
import { useCallback, useId, useRef, useState, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { ApiError, type FieldError } from '../api.ts';
import { useI18n, type I18n } from '../i18n/index.tsx';

/** The message of an API error in the user's language (falls back to the server's English detail). */
export function errorMessage(i18n: I18n, err: unknown): string {
  if (err instanceof ApiError) {
    const key = `error.${err.code}`;
    return i18n.tx(key, i18n.tx('error.unknown', err.message, { code: err.code }));
  }
  return i18n.t('common.error');
}

/** The field error for a JSON pointer (e.g. '/mark/text'), translated by its schema keyword. */
export function fieldMessage(i18n: I18n, err: unknown, path: string): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const f = err.fieldErrors.find((e: FieldError) => e.path === path || e.path.startsWith(`${path}/`));
  if (!f) return undefined;
  return i18n.tx(`field.${f.keyword}`, i18n.t('field.invalid'));
}

/** Runs an async action once at a time: a second click while the first is running is ignored. */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(async (...args: A): Promise<R | undefined> => {
    if (running.current) return undefined;
    running.current = true; setBusy(true); setError(null);
    try { return await fn(...args); }
    catch (e) { setError(e); return undefined; }
    finally { running.current = false; setBusy(false); }
  }, [fn]);
  return { run, busy, error, setError };
}

export function ErrorSummary({ error }: { error: unknown }) {
  const i18n = useI18n();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-code={error instanceof ApiError ? error.code : undefined}>
      {errorMessage(i18n, error)}
    </div>
  );
}

interface FieldShell { label: ReactNode; error?: string; hint?: ReactNode; required?: boolean }

function Shell({ id, label, error, hint, required, children }: FieldShell & { id: string; children: ReactNode }) {
  const i18n = useI18n();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}{required ? <span className="req" aria-hidden="true"> *</span> : null}</label>
      {children}
      {hint ? <div className="hint" id={`${id}-hint`}>{hint}</div> : null}
      {error ? <div className="field-error" id={`${id}-error`} role="alert">{error}</div> : null}
      {required ? <span className="sr-only">{i18n.t('common.required')}</span> : null}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: ReactNode) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function TextField({ label, error, hint, required, id: given, ...rest }: FieldShell & InputHTMLAttributes<HTMLInputElement>) {
  const auto = useId(); const id = given ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint} required={required}>
      <input id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...rest} />
    </Shell>
  );
}

export function TextArea({ label, error, hint, required, id: given, ...rest }: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const auto = useId(); const id = given ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint} required={required}>
      <textarea id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...rest} />
    </Shell>
  );
}

export function SelectField({ label, error, hint, required, id: given, children, ...rest }: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) {
  const auto = useId(); const id = given ?? auto;
  return (
    <Shell id={id} label={label} error={error} hint={hint} required={required}>
      <select id={id} required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...rest}>{children}</select>
    </Shell>
  );
}

/** A submit button that shows it is working and cannot be pressed twice. */
export function SubmitButton({ busy, children, className, ...rest }: { busy: boolean; children: ReactNode } & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const i18n = useI18n();
  return (
    <button type="submit" className={className ?? 'btn btn-primary'} disabled={busy || rest.disabled} aria-busy={busy || undefined} {...rest}>
      {busy ? i18n.t('common.working') : children}
    </button>
  );
}

/** Determinate progress for long operations (uploads, batches). */
export function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <div className="progress">
      <progress value={value} max={max} aria-label={label} />
      <span aria-live="polite">{label}: {value} / {max}</span>
    </div>
  );
}
