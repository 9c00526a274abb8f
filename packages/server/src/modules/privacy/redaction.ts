// Finding a person in the JSON of a case (an act's payload and effects, the case data) and replacing
// the fields erased with the redaction marker. Pure. A person is recognised where it is named: an
// object with its party id (the parties an act added or ended), or an object whose name, address or
// e-mail is the person's and that says nothing else of it (a filing's applicant, a patent's inventors,
// the data of a recordal carried to the case it concerns); and, for the name, the person's name given as
// text where the case data names holders, licensees and creditors.
import type { ErasableField } from './classification.ts';

/** What an erased value becomes, in the journal, the case data and the party. */
export const REDACTED = '[redacted]';

export interface PersonValues { id: string; name: string | null; address: string | null; email: string | null; nationality: string | null }

/** Keys under which case data names a person by name alone. */
const NAME_KEYS = new Set(['holder', 'licensee', 'creditor']);
const IDENTIFYING = ['name', 'address', 'email'] as const;
const COMPARED = ['name', 'address', 'email', 'nationality'] as const;

const usable = (v: unknown): v is string => typeof v === 'string' && v !== REDACTED && v.length > 0;

/** Whether a JSON object names this person. */
export function namesPerson(o: Record<string, unknown>, p: PersonValues): boolean {
  if (o.partyId === p.id) return true;
  if (!IDENTIFYING.some((k) => k in o)) return false;
  let agreeing = 0;
  for (const k of COMPARED) {
    const mine = p[k]; const theirs = o[k];
    if (!usable(mine) || !usable(theirs)) continue;
    if (mine !== theirs) return false;
    if ((IDENTIFYING as readonly string[]).includes(k)) agreeing++;
  }
  return agreeing > 0;
}

export interface Redacted<T> { value: T; paths: string[] }

/**
 * The value with the person's `fields` replaced by REDACTED wherever it names the person (only where
 * the value there is the person's own), and the paths changed ('applicant.address', 'data.inventors[0].email').
 * With `fields` empty: nothing changes, and the paths are where the person is named (for an export).
 */
export function redactPerson<T>(value: T, p: PersonValues, fields: readonly ErasableField[], base = ''): Redacted<T> {
  const paths: string[] = [];
  const at = (path: string, k: string | number) => (typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k);
  const walk = (v: unknown, path: string, key: string | number | null): unknown => {
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x, i) => { const y = walk(x, at(path, i), i); if (y !== x) changed = true; return y; });
      return changed ? out : v;
    }
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      let out: Record<string, unknown> | null = null;
      if (namesPerson(o, p)) {
        if (fields.length === 0) paths.push(path);
        for (const f of fields) {
          if (usable(o[f]) && (o[f] === p[f] || (f === 'name' && o.partyId === p.id))) {
            out ??= { ...o };
            out[f] = REDACTED;
            paths.push(at(path, f));
          }
        }
      }
      for (const [k, x] of Object.entries(o)) {
        if (out && out[k] === REDACTED && x !== REDACTED) continue;
        const y = walk(x, at(path, k), k);
        if (y !== x) { out ??= { ...o }; out[k] = y; }
      }
      return out ?? v;
    }
    if (typeof key === 'string' && NAME_KEYS.has(key) && usable(v) && usable(p.name) && v === p.name) {
      if (fields.length === 0) { paths.push(path); return v; }
      if (fields.includes('name')) { paths.push(path); return REDACTED; }
    }
    return v;
  };
  const result = walk(value, base, null) as T;
  return { value: result, paths };
}
