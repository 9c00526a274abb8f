// JSON-schema validation of act payloads (schemas come from the procedure definitions).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { invalid } from './errors.ts';

const addFormats = (addFormatsModule as any).default ?? addFormatsModule;
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
addFormats(ajv);
const cache = new WeakMap<object, ValidateFunction>();

export interface FieldError { path: string; message: string; keyword: string }

export function fieldErrors(errors: ErrorObject[] | null | undefined): FieldError[] {
  return (errors ?? []).map((e) => ({
    path: e.instancePath || (e.params as any)?.missingProperty ? `${e.instancePath}${(e.params as any)?.missingProperty ? `/${(e.params as any).missingProperty}` : ''}` : '/',
    message: e.keyword === 'additionalProperties' ? `unknown field '${(e.params as any).additionalProperty}'` : e.message ?? 'invalid',
    keyword: e.keyword,
  }));
}

export function validatePayload(schema: Record<string, unknown> | undefined, payload: unknown, what: string): void {
  if (!schema) {
    if (payload && typeof payload === 'object' && Object.keys(payload).length > 0) {
      throw invalid('INVALID_PAYLOAD', `${what} takes no data`, { errors: [{ path: '/', message: 'no fields expected', keyword: 'additionalProperties' }] });
    }
    return;
  }
  let fn = cache.get(schema);
  if (!fn) { fn = ajv.compile(schema); cache.set(schema, fn); }
  if (!fn(payload)) throw invalid('INVALID_PAYLOAD', `The data for ${what} are not valid`, { errors: fieldErrors(fn.errors) });
}

/** Text that PostgreSQL or a reader cannot take safely: NUL, lone surrogates, bidi overrides in names. */
export function findUnsafeText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return path || '/';
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) return path || '/';
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) { const p = findUnsafeText(value[i], `${path}/${i}`); if (p) return p; }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const kp = findUnsafeText(k, `${path}/${k}`); if (kp) return kp;
      const p = findUnsafeText(v, `${path}/${k}`); if (p) return p;
    }
  }
  return null;
}
