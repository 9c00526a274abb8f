// A form drawn from the JSON schema of an act's payload (the procedure's payloadSchema), so a new act
// in the law needs no new screen. The value is controlled by the caller: what the user typed stays
// when the office refuses it, and each field shows the API's field error for its JSON pointer.
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, upload, type FieldError } from '../../api.ts';
import { useI18n, type I18n } from '../../i18n/index.tsx';
import { errorMessage, fieldMessage, Progress, SelectField, TextArea, TextField } from '../../ui/forms.tsx';
import { enumLabel, fieldLabel, hintLabel, isUploadRef, typeOf, uploadFields, type JsonSchema } from './labels.ts';

// The schema and its words live in labels.ts (no React), where the i18n test reads them too.
export { fieldLabel, humanise, isUploadRef, type JsonSchema } from './labels.ts';

export type Json = any;

/** Strings longer than this are written in a text area rather than a one-line input. */
const LONG_TEXT = 500;

/** A schema with something to fill in; an act without one is performed with a confirmation only. */
export function hasFields(s: JsonSchema | null | undefined): boolean {
  return !!s && typeOf(s) === 'object' && Object.keys(s.properties ?? {}).length > 0;
}

/** A starting value: required lists begin with as many empty entries as the law asks for, so their fields show. */
export function emptyValue(s: JsonSchema): Json {
  const t = typeOf(s);
  if (t === 'object') {
    if (isUploadRef(s)) return undefined;
    const out: Record<string, Json> = {};
    for (const [k, p] of Object.entries(s.properties ?? {})) {
      if (!(s.required ?? []).includes(k)) continue;
      const v = emptyValue(p);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  if (t === 'array') {
    const n = Math.max(s.minItems ?? 0, 0);
    return Array.from({ length: n }, () => (s.items ? emptyValue(s.items) : undefined) ?? (typeOf(s.items ?? {}) === 'object' ? {} : ''));
  }
  return undefined;
}

/**
 * What is sent: empty text, untouched optional objects and empty optional lists left out, so an optional
 * part the user did not fill in is not refused for the parts it would require.
 */
export function cleanValue(s: JsonSchema, v: Json, keepEmptyObject = true): Json {
  const t = typeOf(s);
  if (v === undefined || v === null) return undefined;
  if (t === 'object' && typeof v === 'object' && !Array.isArray(v)) {
    const out: Record<string, Json> = {};
    for (const [k, val] of Object.entries(v)) {
      const p = s.properties?.[k];
      // A required part is kept even when empty, so the office names the missing field inside it.
      const c = p ? cleanValue(p, val, (s.required ?? []).includes(k)) : val;
      if (c !== undefined) out[k] = c;
    }
    if (!keepEmptyObject && Object.keys(out).length === 0) return undefined;
    return out;
  }
  if (t === 'array' && Array.isArray(v)) {
    // An entry the user added stays (its missing fields are then named by the office); blank text entries go.
    const items = v.map((x) => cleanValue(s.items ?? {}, x, true)).filter((x) => x !== undefined);
    return items.length || keepEmptyObject ? items : undefined;
  }
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  return v;
}

/** The value to send for a payload schema (an empty object for a schema with no fields). */
export function payloadOf(s: JsonSchema | null | undefined, v: Json): Record<string, Json> {
  if (!s) return {};
  return cleanValue(s, v ?? {}, true) ?? {};
}

/** The API's field error at exactly this JSON pointer (a list too short, an object missing). */
function exactMessage(i18n: I18n, err: unknown, path: string): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const f = err.fieldErrors.find((e: FieldError) => e.path === path);
  return f ? i18n.tx(`field.${f.keyword}`, i18n.t('field.invalid')) : undefined;
}

export interface SchemaFormProps {
  /** The act's payloadSchema (an object schema). */
  schema: JsonSchema;
  value: Record<string, Json>;
  onChange(value: Record<string, Json>): void;
  /** The error of the last attempt: its field errors are shown beside the fields they name. */
  error?: unknown;
  disabled?: boolean;
  /** Reports uploads under way, so the submit button can wait for them. */
  onBusyChange?(busy: boolean): void;
}

export function SchemaForm({ schema, value, onChange, error, disabled, onBusyChange }: SchemaFormProps) {
  const pending = useRef(0);
  const busy = (d: number) => { pending.current += d; onBusyChange?.(pending.current > 0); };
  return (
    <div className="schema-form">
      <ObjectFields schema={schema} path="" value={value ?? {}} onChange={onChange} error={error} disabled={disabled} onUploadBusy={busy} />
    </div>
  );
}

interface FieldProps {
  schema: JsonSchema;
  /** JSON pointer of the field in the payload, e.g. '/deficiencies/0/code'. */
  path: string;
  name: string;
  /** The property the value belongs to (for an entry of a list, the list's): the context of its enumerated values. */
  field: string;
  label: string;
  required: boolean;
  value: Json;
  onChange(v: Json): void;
  error?: unknown;
  disabled?: boolean;
  onUploadBusy(delta: number): void;
}

function ObjectFields({ schema, path, value, onChange, error, disabled, onUploadBusy }: Omit<FieldProps, 'name' | 'field' | 'label' | 'required'>) {
  const i18n = useI18n();
  const obj: Record<string, Json> = value && typeof value === 'object' ? value : {};
  return (
    <>
      {Object.entries(schema.properties ?? {}).map(([k, p]) => (
        <SchemaField key={k} schema={p} path={`${path}/${k}`} name={k} field={k} label={fieldLabel(i18n, k, p)}
          required={(schema.required ?? []).includes(k)} value={obj[k]} error={error} disabled={disabled} onUploadBusy={onUploadBusy}
          onChange={(v) => { const next = { ...obj }; if (v === undefined) delete next[k]; else next[k] = v; onChange(next); }} />
      ))}
    </>
  );
}

function SchemaField(props: FieldProps) {
  const i18n = useI18n();
  const { schema, path, field, label, required, value, onChange, error, disabled } = props;
  const t = typeOf(schema);
  const hint = schema.description ? hintLabel(i18n, schema.description) : undefined;
  const testid = `field-${path.slice(1).replace(/\//g, '.')}`;
  if (t === 'object' && isUploadRef(schema)) return <UploadField {...props} />;
  if (t === 'object') {
    const msg = exactMessage(i18n, error, path);
    return (
      <fieldset className="schema-group" data-testid={testid}>
        <legend>{label}{required ? <span className="req" aria-hidden="true"> *</span> : null}</legend>
        {hint ? <p className="hint">{hint}</p> : null}
        {msg ? <p className="field-error" role="alert">{msg}</p> : null}
        <ObjectFields schema={schema} path={path} value={value} onChange={onChange} error={error} disabled={disabled} onUploadBusy={props.onUploadBusy} />
      </fieldset>
    );
  }
  if (t === 'array') return <ArrayField {...props} />;
  if (t === 'boolean') {
    return (
      <BooleanField label={label} hint={hint} checked={value === true} disabled={disabled} testid={testid}
        error={fieldMessage(i18n, error, path)} onChange={(c) => onChange(c ? true : required ? false : undefined)} />
    );
  }
  const err = fieldMessage(i18n, error, path);
  if (schema.enum) {
    return (
      <SelectField label={label} hint={hint} required={required} error={err} disabled={disabled} data-testid={testid}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          const raw = e.target.value;
          const opt = schema.enum!.find((o) => String(o) === raw);
          onChange(raw === '' ? undefined : opt);
        }}>
        <option value="">{i18n.t('office.form.choose')}</option>
        {schema.enum.map((o) => <option key={String(o)} value={String(o)}>{enumLabel(i18n, field, o)}</option>)}
      </SelectField>
    );
  }
  if (t === 'integer' || t === 'number') {
    return (
      <TextField label={label} hint={hint} required={required} error={err} disabled={disabled} data-testid={testid}
        type="number" inputMode={t === 'integer' ? 'numeric' : 'decimal'} step={t === 'integer' ? 1 : 'any'}
        min={schema.minimum} max={schema.maximum} value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => { const raw = e.target.value; onChange(raw === '' ? undefined : Number(raw)); }} />
    );
  }
  if (schema.format === 'date') {
    return (
      <TextField label={label} hint={hint} required={required} error={err} disabled={disabled} data-testid={testid}
        type="date" value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} />
    );
  }
  if ((schema.maxLength ?? 0) > LONG_TEXT) {
    return (
      <TextArea label={label} hint={hint} required={required} error={err} disabled={disabled} data-testid={testid}
        maxLength={schema.maxLength} rows={4} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
    );
  }
  return (
    <TextField label={label} hint={hint} required={required} error={err} disabled={disabled} data-testid={testid}
      type={schema.format === 'email' ? 'email' : 'text'} maxLength={schema.maxLength} value={value ?? ''}
      onChange={(e) => onChange(e.target.value)} />
  );
}

function BooleanField({ label, hint, checked, disabled, error, onChange, testid }: { label: string; hint?: string; checked: boolean; disabled?: boolean; error?: string; onChange(c: boolean): void; testid: string }) {
  const id = useId();
  return (
    <div className={`field field-check${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} disabled={disabled} data-testid={testid}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => onChange(e.target.checked)} /> {label}
      </label>
      {hint ? <div className="hint" id={`${id}-hint`}>{hint}</div> : null}
      {error ? <div className="field-error" id={`${id}-error`} role="alert">{error}</div> : null}
    </div>
  );
}

function ArrayField({ schema, path, field, label, required, value, onChange, error, disabled, onUploadBusy }: FieldProps) {
  const i18n = useI18n();
  const items: Json[] = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? { type: 'string' };
  const max = schema.maxItems ?? Infinity;
  const min = schema.minItems ?? 0;
  const msg = exactMessage(i18n, error, path);
  const addRef = useRef<HTMLButtonElement>(null);
  const blank = () => emptyValue(itemSchema) ?? (typeOf(itemSchema) === 'object' && !isUploadRef(itemSchema) ? {} : undefined);
  const testid = `field-${path.slice(1).replace(/\//g, '.')}`;
  return (
    <fieldset className="schema-group schema-list" data-testid={testid}>
      <legend>{label}{required ? <span className="req" aria-hidden="true"> *</span> : null}</legend>
      {schema.description ? <p className="hint">{hintLabel(i18n, schema.description)}</p> : null}
      {msg ? <p className="field-error" role="alert">{msg}</p> : null}
      {items.length === 0 ? <p className="muted">{i18n.t('office.form.noItems')}</p> : null}
      <ol className="schema-items">
        {items.map((item, i) => {
          const itemLabel = `${label} ${i18n.number(i + 1)}`;
          return (
            <li key={i} className="schema-item">
              <SchemaField schema={itemSchema} path={`${path}/${i}`} name={String(i)} field={field} label={itemLabel} required
                value={item} error={error} disabled={disabled} onUploadBusy={onUploadBusy}
                onChange={(v) => { const next = items.slice(); next[i] = v; onChange(next); }} />
              {items.length > min ? (
                <button type="button" className="btn btn-link schema-remove" disabled={disabled} data-testid={`${testid}.${i}-remove`}
                  onClick={() => { onChange(items.filter((_, j) => j !== i)); addRef.current?.focus(); }}>
                  {i18n.t('office.form.remove', { label: itemLabel })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {items.length < max ? (
        <button ref={addRef} type="button" className="btn btn-secondary" disabled={disabled} data-testid={`${testid}-add`}
          onClick={() => onChange([...items, blank()])}>
          {i18n.t('office.form.add', { label })}
        </button>
      ) : null}
    </fieldset>
  );
}

type Accept = ('image/png' | 'image/jpeg' | 'application/pdf')[];

/** What a reference may name: the schema does not say, so judge by what it is (views and images are pictures; reports, descriptions and evidence are PDFs). */
function acceptOf(path: string, schema: JsonSchema): Accept {
  const where = path.toLowerCase();
  if (/image|view|logo|picture|representation/.test(where)) return ['image/png', 'image/jpeg'];
  if (schema.properties?.pages || /description|drawing|report|evidence|specification|document|claims/.test(where)) return ['application/pdf'];
  return ['image/png', 'image/jpeg', 'application/pdf'];
}

function UploadField({ schema, path, label, required, value, onChange, error, disabled, onUploadBusy }: FieldProps) {
  const i18n = useI18n();
  const id = useId();
  const accept = acceptOf(path, schema);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);
  const ref: Record<string, Json> = value && typeof value === 'object' ? value : {};
  const others: JsonSchema = {
    ...schema,
    properties: Object.fromEntries(uploadFields(schema)),
    required: (schema.required ?? []).filter((k) => k !== 'sha256'),
  };
  const err = fieldMessage(i18n, error, `${path}/sha256`) ?? exactMessage(i18n, error, path);
  const testid = `field-${path.slice(1).replace(/\//g, '.')}`;

  async function choose(file: File | undefined) {
    if (!file) return;
    setFailure(null); setFileName(file.name); setProgress({ sent: 0, total: file.size });
    setPreview(file.type.startsWith('image/') ? URL.createObjectURL(file) : null);
    onUploadBusy(1);
    try {
      const stored = await upload(file, file.type || undefined, (sent, total) => setProgress({ sent, total }));
      // Only what the schema declares: some references take the hash alone and refuse anything more.
      const next: Record<string, Json> = { ...ref, sha256: stored.sha256 };
      if (schema.properties?.mediaType) next.mediaType = stored.mediaType;
      if (schema.properties?.size) next.size = stored.size;
      onChange(next);
    } catch (e) {
      setFailure(e);
    } finally {
      onUploadBusy(-1);
      setProgress(null);
    }
  }

  const done = typeof ref.sha256 === 'string' && ref.sha256.length > 0;
  return (
    <fieldset className={`schema-group schema-upload${err ? ' field-invalid' : ''}`} data-testid={testid}>
      <legend>{label}{required ? <span className="req" aria-hidden="true"> *</span> : null}</legend>
      <div className="field">
        <label htmlFor={id}>{i18n.t(done ? 'office.form.replaceFile' : 'office.form.chooseFile')}</label>
        <input id={id} type="file" accept={accept.join(',')} disabled={disabled || !!progress} data-testid={`${testid}-file`}
          aria-describedby={`${id}-hint${err ? ` ${id}-error` : ''}`} aria-invalid={err ? true : undefined}
          onChange={(e) => { void choose(e.target.files?.[0]); }} />
        <div className="hint" id={`${id}-hint`}>{i18n.t('office.form.accepts', { types: accept.map((a) => (a === 'application/pdf' ? 'PDF' : a === 'image/png' ? 'PNG' : 'JPEG')).join(', ') })}</div>
        {err ? <div className="field-error" id={`${id}-error`} role="alert">{err}</div> : null}
      </div>
      {progress ? <Progress value={Math.round((progress.sent / Math.max(progress.total, 1)) * 100)} max={100} label={i18n.t('office.form.uploading')} /> : null}
      {failure ? <p className="field-error" role="alert">{errorMessage(i18n, failure)}</p> : null}
      {done && !progress ? (
        <p className="upload-done" role="status">
          {i18n.t('office.form.uploaded', { name: fileName ?? `${String(ref.sha256).slice(0, 12)}…` })}
        </p>
      ) : null}
      {preview ? <img className="upload-preview" src={preview} alt={i18n.t('office.form.preview', { name: fileName ?? '' })} /> : null}
      {Object.keys(others.properties ?? {}).length ? (
        <ObjectFields schema={others} path={path} value={ref} error={error} disabled={disabled} onUploadBusy={onUploadBusy}
          onChange={(v) => onChange(Object.keys(v).length ? v : undefined)} />
      ) : null}
      {!required && done ? (
        <button type="button" className="btn btn-link" disabled={disabled} onClick={() => { onChange(undefined); setFileName(null); setPreview(null); }}>
          {i18n.t('office.form.removeFile')}
        </button>
      ) : null}
    </fieldset>
  );
}

