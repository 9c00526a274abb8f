// What an audit event keeps of a request: its parameters, query and body with every secret removed
// and large values replaced by their size and SHA-256, so the trail says what was changed without
// holding a password, a second-factor secret or code, a token, or a whole imported register.
import { canonicalJson, sha256 } from '../../kernel/hash.ts';

export const REMOVED = '[removed]';

/** Names of fields that hold a secret, compared without case, dashes or underscores. */
const SECRET_NAMES = new Set([
  'password', 'newpassword', 'currentpassword', 'oldpassword', 'passphrase', 'secret', 'clientsecret', 'token', 'accesstoken',
  'refreshtoken', 'idtoken', 'code', 'totp', 'otp', 'recoverycode', 'recoverycodes', 'apikey', 'privatekey', 'authorization', 'cookie',
]);
const SECRET_PARTS = ['password', 'passphrase', 'secret', 'token', 'privatekey', 'apikey'];

export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SECRET_NAMES.has(n) || SECRET_PARTS.some((p) => n.includes(p));
}

const MAX_TEXT = 500;
const MAX_ITEMS = 200;
const MAX_DEPTH = 8;

/** A value fit for the trail: secrets removed at any depth, long texts and long lists digested. */
export function summarise(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { bytes: value.length, sha256: sha256(Buffer.from(value)) };
  if (typeof value === 'string') return value.length > MAX_TEXT ? { chars: value.length, sha256: sha256(value) } : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'object') return String(value);
  if (depth >= MAX_DEPTH) return { omitted: 'nested too deep', sha256: sha256(safeJson(value)) };
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarise(v, depth + 1));
    return value.length > MAX_ITEMS ? { items, total: value.length, sha256: sha256(safeJson(value)) } : items;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    out[k] = isSecretName(k) ? REMOVED : summarise(v, depth + 1);
  }
  return out;
}

function safeJson(value: unknown): string {
  try { return canonicalJson(value); } catch { return String(value); }
}

/** The summary of an administrative change: what the request named and sent, and what it made. */
export function changeSummary(req: { params?: unknown; query?: unknown; body?: unknown }, result?: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const params = nonEmpty(req.params); if (params) out.params = summarise(params);
  const query = nonEmpty(req.query); if (query) out.query = summarise(query);
  if (req.body !== undefined && req.body !== null && !(typeof req.body === 'object' && !Buffer.isBuffer(req.body) && !nonEmpty(req.body))) out.body = summarise(req.body);
  const made = resultId(result);
  if (made) out.result = made;
  return out;
}

const nonEmpty = (x: unknown): Record<string, unknown> | null =>
  x && typeof x === 'object' && !Array.isArray(x) && !Buffer.isBuffer(x) && Object.keys(x).length > 0 ? x as Record<string, unknown> : null;

/** The identity of what a change made or touched, from its answer (never the whole answer: it may carry a secret shown once). */
function resultId(result: unknown): Record<string, unknown> | null {
  if (!result || typeof result !== 'object' || Array.isArray(result)) return null;
  const r = result as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of ['id', 'runId', 'version', 'number', 'officeDate', 'queued']) {
    const v = r[k];
    if (v !== undefined && v !== null && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) out[k] = typeof v === 'string' ? v.slice(0, 200) : v;
  }
  return Object.keys(out).length ? out : null;
}

/** A request's address as the trail keeps it: the value of a query parameter named like a secret removed. */
export function safeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url.slice(0, 2000);
  const params = url.slice(q + 1).split('&').map((part) => {
    const eq = part.indexOf('=');
    let name = eq < 0 ? part : part.slice(0, eq);
    try { name = decodeURIComponent(name.replace(/\+/g, ' ')); } catch { /* kept as sent */ }
    return eq >= 0 && isSecretName(name) ? `${part.slice(0, eq)}=${encodeURIComponent(REMOVED)}` : part;
  });
  return `${url.slice(0, q)}?${params.join('&')}`.slice(0, 2000);
}

/** A command line as the trail keeps it: the arguments at the positions that hold a secret removed, long ones shortened. */
export function commandLine(argv: string[], secretPositions: number[] = []): string {
  return argv.map((a, i) => (secretPositions.includes(i) ? REMOVED : a.length > 200 ? `${a.slice(0, 200)}…` : a)).join(' ');
}
