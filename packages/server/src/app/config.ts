// The one place that reads process.env. Every setting is validated; a bad value stops the start-up
// with a message naming the variable.
import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FRAMEWORKS, type Role } from '@registrum/procedures';
import { shippedOcrLanguages } from '../platform/ocr/languages.ts';
import { PHONETIC_LANGUAGES, SCRIPTS, type PhoneticLanguage, type Script } from '../modules/search/similarity/scripts.ts';

export interface Config {
  mode: 'demo' | 'production';
  host: string;
  port: number;
  /** PostgreSQL connection string; absent = embedded PGlite in dataDir. */
  databaseUrl: string | null;
  /** A read replica of DATABASE_URL (a streaming standby) for reads that may lag: the public register, gazette, open data, change feed; null = none. */
  databaseReadUrl: string | null;
  /** How long a request waits for a database connection before it is answered 503 DATABASE_UNAVAILABLE. */
  databaseConnectTimeoutMs: number;
  /** Embedded database and documents; 'memory://' keeps the database in memory (tests). */
  dataDir: string;
  framework: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  seedDemo: boolean;
  workerIntervalMs: number;
  sessionDays: number;
  /** Failed sign-ins in a row that lock a user name, and for how long (also the window the failures count in). */
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** The office secret second-factor secrets are sealed with; null = a key kept in DATA_DIR/secrets. */
  secondFactorKey: string | null;
  databasePoolSize: number;
  /** The built web app (index.html and assets); served at / when present. */
  webDir: string;
  /** Requests per minute: per address without signing in, per account signed in (0 = no limit). */
  rateLimitAnonymous: number;
  rateLimitSignedIn: number;
  /** Office days between automatic register dumps (0 = only when the administrator asks). */
  openDataDumpDays: number;
  /** Cases per ST.96 bag file of a register dump. */
  openDataChunk: number;
  /** How long a webhook receiver has to answer, in milliseconds. */
  webhookTimeoutMs: number;
  /** The address the public reaches the office at (absolute links in webhooks and open data); null = links relative to the server. */
  publicUrl: string | null;
  /** The PKCS#12 file of the office's signing key and its passphrase; null in demo mode = a demo key. */
  signing: { p12Path: string; passphrase: string } | null;
  /** Where documents are kept: on local disk under dataDir (default), or in an S3-compatible object store. */
  storage: { kind: 'disk' } | { kind: 's3'; endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; prefix: string };
  /** OCR of incoming scanned PDFs and images by the worker, and the languages it reads (installed data packages). */
  ocr: { enabled: boolean; languages: string[] };
  /** The SMTP server parties are e-mailed through; null = none (the demo office keeps its mail in DATA_DIR/mail). */
  smtpUrl: string | null;
  /** The sender of the office's e-mail: an address, or 'Name <address>'. */
  mailFrom: string;
  /** Days before a time limit's due date at which its parties are reminded, largest first; empty = no reminders. */
  reminderDays: number[];
  /** Sign-in through the office's OpenID Connect provider; null = none. */
  oidc: OidcConfig | null;
  /** Password sign-in of office staff; false = staff sign in only through the OpenID Connect provider. */
  staffPasswordSignIn: boolean;
  /** Similar-mark search: the scripts searched, the office's own lexicon files, how often a server reads the index's changes (ms). */
  search: { scripts: Script[]; languages: PhoneticLanguage[]; concepts: string | null; weakWords: string | null; relatedClasses: string | null; refreshMs: number };
  /** The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: none (false), any (true), or these addresses/CIDR ranges. */
  trustProxy: boolean | string[];
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How the office authenticates at the provider's token endpoint. */
  clientAuth: 'client_secret_basic' | 'client_secret_post';
  /** The button label: "Sign in with <name>". */
  name: string;
  scopes: string[];
  /** The claim holding role names (a string or an array of strings); null = no accounts are made from claims. */
  roleClaim: string | null;
  /** Role names in the claim are this prefix and a Registrum role, e.g. registrum:examiner. */
  rolePrefix: string;
  /** The roles an account may be made with (or follow) from the claim, first preferred when the claim carries several. */
  provisionRoles: Role[];
  /** Where the provider sends the browser back: PUBLIC_URL + /api/v1/auth/oidc/callback. */
  redirectUri: string;
}

export class ConfigError extends Error {}

export const CONFIG_DOC: Record<string, string> = {
  REGISTRUM_MODE: "'demo' (default: demo data, settable office clock) or 'production'",
  HOST: 'interface to listen on (default 127.0.0.1)',
  PORT: 'HTTP port (default 3000)',
  DATABASE_URL: 'PostgreSQL URL; unset = embedded PGlite in DATA_DIR',
  DATABASE_READ_URL: "PostgreSQL URL of a read replica (streaming standby) of DATABASE_URL: anonymous reads of the register, gazette, open data and change feed go there (falling back to DATABASE_URL while it does not answer); unset = none",
  DB_CONNECT_TIMEOUT_MS: 'how long a request waits for a database connection before it is answered 503 DATABASE_UNAVAILABLE, in ms (default 10000)',
  DATA_DIR: 'embedded database and documents (default ./data)',
  REGISTRUM_FRAMEWORK: `legal framework for new filings (default model-law; one of ${FRAMEWORKS.map((f) => f.id).join(', ')})`,
  LOG_LEVEL: 'fatal|error|warn|info|debug|trace|silent (default info)',
  REGISTRUM_SEED_DEMO: "'true'/'false': load the demo office on an empty database (default true in demo mode)",
  WORKER_INTERVAL_MS: 'how often the worker runs jobs, expiry sweeps and journal seals (default 1000)',
  SESSION_DAYS: 'lifetime of a login session in days (default 7)',
  LOGIN_MAX_FAILURES: 'failed sign-ins in a row (password or code) that lock a user name (default 5; an address gets ten times as many)',
  LOGIN_LOCK_MINUTES: 'how long a lock lasts, and the window failures in a row count in, in minutes (default 15)',
  SECOND_FACTOR_KEY: 'secret of at least 32 characters that second-factor secrets are sealed with (default: a key made in DATA_DIR/secrets; set it when servers do not share DATA_DIR)',
  DB_POOL_SIZE: 'PostgreSQL connections per process (default 20)',
  WEB_DIR: 'the built web app to serve at / (default packages/web/dist of this repository)',
  RATE_LIMIT_ANONYMOUS: 'API requests per minute per address without signing in (default 600; 0 = no limit)',
  RATE_LIMIT_SIGNED_IN: 'API requests per minute per signed-in account (default 6000; 0 = no limit)',
  OPEN_DATA_DUMP_DAYS: 'office days between automatic dumps of the public register (default 1 in production, 0 in demo mode = only when an administrator asks)',
  OPEN_DATA_CHUNK: 'cases per ST.96 XML file of a register dump (default 10000)',
  WEBHOOK_TIMEOUT_MS: 'how long a webhook receiver has to answer, in ms (default 10000)',
  PUBLIC_URL: 'the address the public reaches the office at, e.g. https://register.example.org (absolute links in webhooks and open data; default: relative links)',
  SIGNING_P12: "PKCS#12 file (.p12/.pfx) of the office's signing key and certificate; required in production (demo: a key made for the demo office)",
  SIGNING_P12_PASSPHRASE: 'passphrase of SIGNING_P12',
  STORAGE: "where documents are kept: 'disk' (default, DATA_DIR/documents) or 's3' (the S3_* settings)",
  S3_ENDPOINT: 'S3-compatible object store, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000',
  S3_BUCKET: 'bucket of the documents (must exist)',
  S3_REGION: 'signing region (default us-east-1)',
  S3_ACCESS_KEY_ID: 'access key of the object store',
  S3_SECRET_ACCESS_KEY: 'secret key of the object store',
  S3_PREFIX: "key prefix inside the bucket (default none, e.g. 'registrum/')",
  OCR: "'on' (default) or 'off': the worker reads the text of incoming scanned PDFs and images",
  OCR_LANGUAGES: "languages OCR reads, joined by '+' (default eng+fra); each needs its @tesseract.js-data package installed",
  SMTP_URL: 'SMTP server for e-mail to parties: smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465; unset = no e-mail (demo: .eml files in DATA_DIR/mail)',
  MAIL_FROM: "sender of the office's e-mail, an address or 'Name <address>' (default registry@<office code>.example)",
  REMINDER_DAYS: 'days before a due date at which the parties are reminded of a time limit, e.g. 30,7 (default); 0 = no reminders',
  OIDC_ISSUER: "issuer URL of the office's OpenID Connect provider (https; needs PUBLIC_URL); unset = no single sign-on",
  OIDC_CLIENT_ID: 'client id of the office at the provider (its redirect URI: PUBLIC_URL/api/v1/auth/oidc/callback)',
  OIDC_CLIENT_SECRET: 'client secret of the office at the provider',
  OIDC_CLIENT_AUTH: "'client_secret_basic' (default) or 'client_secret_post': how the office authenticates at the token endpoint",
  OIDC_NAME: 'name of the provider on the sign-in button, e.g. Office directory (default: the issuer host)',
  OIDC_SCOPES: "scopes asked for, space-separated (default 'openid email profile'; add the one releasing OIDC_ROLE_CLAIM if the provider needs it)",
  OIDC_ROLE_CLAIM: 'claim holding role names (e.g. roles or groups); set = office staff with a role there get an account on first sign-in (default none)',
  OIDC_ROLE_PREFIX: "prefix of role names in OIDC_ROLE_CLAIM: '<prefix><role>' (default 'registrum:')",
  OIDC_PROVISION_ROLES: 'office roles an account may get from OIDC_ROLE_CLAIM, the first preferred when several are claimed (default registrar,examiner,formalities; admin only if listed)',
  STAFF_PASSWORD_SIGN_IN: "'on' (default) or 'off': office staff sign in with a password, or only through the OpenID Connect provider",
  SEARCH_SCRIPTS: "scripts the similar-mark search reads, comma-separated, of Latin, Cyrillic, Greek, Arabic, Han (default all); a query in another is refused with SCRIPT_NOT_SUPPORTED",
  SEARCH_LANGUAGES: "languages whose pronunciation the similar-mark search also compares marks in, comma-separated, of de, es, fr, it, pt (default none: the shared rules only)",
  SEARCH_DICTIONARY: 'file of concept lines (tab-separated words of the same meaning in several languages) added to the shipped lexicon of the similar-mark search',
  SEARCH_WEAK_WORDS: 'file of words (legal forms, descriptive words) that make no mark distinctive, added to the shipped list',
  SEARCH_RELATED_CLASSES: "file of lines 'class: related classes' added to the shipped table of related Nice classes",
  SEARCH_REFRESH_MS: "how often at most a server reads the changes of the search index, in ms (default 0: before every search, so a mark filed a moment ago is found)",
  TRUST_PROXY: "the reverse proxy in front of the server: its addresses or CIDR ranges separated by commas, or 'true' (any: only when nothing else can reach the server); its X-Forwarded-For gives the client address and X-Forwarded-Proto: https makes cookies Secure (default: none)",
};

/** An absolute http(s) address without a trailing slash, or null. */
function publicUrl(raw: string | undefined, errors: string[]): string | null {
  const v = raw?.trim();
  if (!v) return null;
  try {
    const u = new URL(v);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString().replace(/\/+$/, '');
  } catch { /* reported below */ }
  errors.push(`PUBLIC_URL must be an http:// or https:// address (got '${v}')`);
  return null;
}

/** 'eng+fra' -> ['eng', 'fra'], each with its language data installed (nothing is downloaded). */
function ocrLanguages(raw: string | undefined, errors: string[]): string[] {
  const codes = [...new Set((raw?.trim() || 'eng+fra').split('+').map((c) => c.trim()))];
  const shipped = shippedOcrLanguages();
  const unknown = codes.filter((c) => !shipped.includes(c));
  if (unknown.length) errors.push(`OCR_LANGUAGES: no language data installed for ${unknown.map((c) => `'${c}'`).join(', ')} (installed: ${shipped.join(', ') || 'none'}; each language is the npm package @tesseract.js-data/<code>)`);
  return codes.filter((c) => shipped.includes(c));
}

/** 'Latin,Cyrillic' -> the scripts the similar-mark search reads. */
function searchScripts(raw: string | undefined, errors: string[]): Script[] {
  if (!raw?.trim()) return [...SCRIPTS];
  const names = [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !(SCRIPTS as readonly string[]).includes(n));
  if (unknown.length) errors.push(`SEARCH_SCRIPTS: unknown script ${unknown.map((u) => `'${u}'`).join(', ')} (known: ${SCRIPTS.join(', ')})`);
  const known = names.filter((n): n is Script => (SCRIPTS as readonly string[]).includes(n));
  if (!known.length && !unknown.length) errors.push('SEARCH_SCRIPTS names no script');
  return known;
}

/** 'es,fr' -> the languages whose pronunciation the similar-mark search also compares marks in. */
function searchLanguages(raw: string | undefined, errors: string[]): PhoneticLanguage[] {
  const names = [...new Set((raw ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const unknown = names.filter((n) => !(PHONETIC_LANGUAGES as readonly string[]).includes(n));
  if (unknown.length) errors.push(`SEARCH_LANGUAGES: no pronunciation rules for ${unknown.map((u) => `'${u}'`).join(', ')} (known: ${PHONETIC_LANGUAGES.join(', ')})`);
  return names.filter((n): n is PhoneticLanguage => (PHONETIC_LANGUAGES as readonly string[]).includes(n));
}

/** A file the office supplies, resolved and checked readable now (a wrong path stops the start). */
function readableFile(name: string, raw: string | undefined, cwd: string, errors: string[]): string | null {
  const v = raw?.trim();
  if (!v) return null;
  const path = resolve(cwd, v);
  try { accessSync(path, constants.R_OK); } catch { errors.push(`${name}: cannot read ${path}`); return null; }
  return path;
}

function isSmtpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'smtp:' || u.protocol === 'smtps:') && !!u.hostname;
  } catch { return false; }
}

const MAIL_FROM_FORM = /^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

/** '30,7' -> [30, 7]; unset = 30 and 7 days; '0' = none. */
function reminderDays(raw: string | undefined, errors: string[]): number[] {
  if (raw === undefined) return [30, 7];
  const v = raw.trim();
  if (v === '' || v === '0') return [];
  const days = v.split(',').map((x) => Number(x.trim()));
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 3660)) {
    errors.push(`REMINDER_DAYS must be whole numbers of days from 1 to 3660 separated by commas, or 0 (got '${raw}')`);
    return [];
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

const OFFICE_ROLE_NAMES: readonly Role[] = ['formalities', 'examiner', 'registrar', 'admin'];

/** The OpenID Connect provider, when OIDC_ISSUER is set; every other OIDC_* setting is checked with it. */
function oidcConfig(env: NodeJS.ProcessEnv, mode: Config['mode'], publicUrl: string | null, errors: string[]): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) {
    const stray = Object.keys(env).filter((k) => k.startsWith('OIDC_') && env[k]?.trim());
    if (stray.length) errors.push(`${stray.sort().join(', ')} set without OIDC_ISSUER`);
    return null;
  }
  let url: URL | null = null;
  try { url = new URL(issuer); } catch { /* reported below */ }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    errors.push(`OIDC_ISSUER must be an https:// address without query or fragment (got '${issuer}')`);
  } else if (url.protocol === 'http:' && mode === 'production') {
    errors.push('OIDC_ISSUER must be https:// in production');
  }
  if (!publicUrl) errors.push('PUBLIC_URL is required with OIDC_ISSUER: the provider sends the browser back to PUBLIC_URL/api/v1/auth/oidc/callback');
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  if (!clientId) errors.push('OIDC_CLIENT_ID is required with OIDC_ISSUER');
  const clientSecret = env.OIDC_CLIENT_SECRET ?? '';
  if (!clientSecret) errors.push('OIDC_CLIENT_SECRET is required with OIDC_ISSUER');
  const clientAuth = env.OIDC_CLIENT_AUTH?.trim() || 'client_secret_basic';
  if (clientAuth !== 'client_secret_basic' && clientAuth !== 'client_secret_post') errors.push(`OIDC_CLIENT_AUTH must be client_secret_basic or client_secret_post (got '${clientAuth}')`);
  const scopes = [...new Set((env.OIDC_SCOPES?.trim() || 'openid email profile').split(/\s+/))];
  if (!scopes.includes('openid')) errors.push(`OIDC_SCOPES must include openid (got '${env.OIDC_SCOPES}')`);
  const roleClaim = env.OIDC_ROLE_CLAIM?.trim() || null;
  const provisionRoles = (env.OIDC_PROVISION_ROLES?.trim() || 'registrar,examiner,formalities').split(',').map((r) => r.trim()).filter(Boolean) as Role[];
  const notStaff = provisionRoles.filter((r) => !OFFICE_ROLE_NAMES.includes(r));
  if (notStaff.length || !provisionRoles.length) errors.push(`OIDC_PROVISION_ROLES must name office roles (${OFFICE_ROLE_NAMES.join(', ')}) separated by commas (got '${env.OIDC_PROVISION_ROLES}')`);
  return {
    issuer, clientId, clientSecret, clientAuth: clientAuth as OidcConfig['clientAuth'],
    name: env.OIDC_NAME?.trim().slice(0, 80) || (url?.host ?? issuer),
    scopes, roleClaim, rolePrefix: env.OIDC_ROLE_PREFIX ?? 'registrum:', provisionRoles: [...new Set(provisionRoles)],
    redirectUri: `${publicUrl ?? ''}/api/v1/auth/oidc/callback`,
  };
}

/** TRUST_PROXY: unset/false = none; true = any; or addresses and CIDR ranges. */
function trustProxy(raw: string | undefined, errors: string[]): Config['trustProxy'] {
  const v = raw?.trim();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((x) => { const [ip, bits, more] = x.split('/'); return more !== undefined || !isIP(ip) || (bits !== undefined && !/^\d{1,3}$/.test(bits)); });
  if (bad.length || !list.length) errors.push(`TRUST_PROXY must be true, false, or IP addresses/CIDR ranges separated by commas (got '${v}')`);
  return list;
}

// Relative paths are taken from where the user ran the command (npm runs workspace scripts elsewhere).
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = env.INIT_CWD || process.cwd()): Config {
  const errors: string[] = [];
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) { errors.push(`${name} must be an integer from ${min} to ${max} (got '${raw}')`); return def; }
    return n;
  };
  const oneOf = <T extends string>(name: string, def: T, allowed: readonly T[]): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (!allowed.includes(raw as T)) { errors.push(`${name} must be one of ${allowed.join(', ')} (got '${raw}')`); return def; }
    return raw as T;
  };
  const mode = oneOf('REGISTRUM_MODE', 'demo', ['demo', 'production'] as const);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) errors.push(`DATABASE_URL must start with postgres:// (got '${databaseUrl}')`);
  const databaseReadUrl = env.DATABASE_READ_URL?.trim() || null;
  if (databaseReadUrl && !/^postgres(ql)?:\/\//.test(databaseReadUrl)) errors.push(`DATABASE_READ_URL must start with postgres:// (got '${databaseReadUrl.replace(/\/\/[^@/]*@/, '//…@')}')`);
  if (databaseReadUrl && !databaseUrl) errors.push('DATABASE_READ_URL needs DATABASE_URL: a read replica is a replica of a PostgreSQL primary');
  const framework = oneOf('REGISTRUM_FRAMEWORK', 'model-law', FRAMEWORKS.map((f) => f.id));
  const seedRaw = oneOf('REGISTRUM_SEED_DEMO', mode === 'demo' ? 'true' : 'false', ['true', 'false'] as const);
  const rawDir = env.DATA_DIR?.trim() || 'data';
  const p12 = env.SIGNING_P12?.trim();
  if (!p12 && mode === 'production') errors.push('SIGNING_P12 is required in production: outgoing documents are signed with the office key');
  const signing = p12 ? { p12Path: resolve(cwd, p12), passphrase: env.SIGNING_P12_PASSPHRASE ?? '' } : null;
  const storageKind = oneOf('STORAGE', 'disk', ['disk', 's3'] as const);
  let storage: Config['storage'] = { kind: 'disk' };
  if (storageKind === 's3') {
    const need = (name: string) => { const v = env[name]?.trim(); if (!v) errors.push(`${name} is required when STORAGE=s3`); return v ?? ''; };
    const endpoint = need('S3_ENDPOINT');
    if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) errors.push(`S3_ENDPOINT must be an http(s) URL (got '${endpoint}')`);
    storage = { kind: 's3', endpoint, bucket: need('S3_BUCKET'), region: env.S3_REGION?.trim() || 'us-east-1', accessKeyId: need('S3_ACCESS_KEY_ID'), secretAccessKey: need('S3_SECRET_ACCESS_KEY'), prefix: env.S3_PREFIX?.trim() ?? '' };
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !isSmtpUrl(smtpUrl)) errors.push(`SMTP_URL must be smtp://[user:pass@]host[:port] or smtps://... (got '${smtpUrl.replace(/\/\/[^@/]*@/, '//…@')}')`);
  const officeCode = FRAMEWORKS.find((f) => f.id === framework)?.office.code ?? 'office';
  const mailFrom = env.MAIL_FROM?.trim() || `registry@${officeCode.toLowerCase()}.example`;
  if (!MAIL_FROM_FORM.test(mailFrom)) errors.push(`MAIL_FROM must be an e-mail address or 'Name <address>' (got '${mailFrom}')`);
  const ocr = oneOf('OCR', 'on', ['on', 'off'] as const);
  const secondFactorKey = env.SECOND_FACTOR_KEY?.trim() || null;
  if (secondFactorKey && secondFactorKey.length < 32) errors.push('SECOND_FACTOR_KEY must have at least 32 characters');
  const config: Config = {
    mode,
    host: env.HOST?.trim() || '127.0.0.1',
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    databaseReadUrl,
    databaseConnectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000),
    dataDir: rawDir === 'memory://' ? rawDir : resolve(cwd, rawDir),
    framework,
    logLevel: oneOf('LOG_LEVEL', 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    seedDemo: seedRaw === 'true',
    workerIntervalMs: int('WORKER_INTERVAL_MS', 1000, 50, 3_600_000),
    sessionDays: int('SESSION_DAYS', 7, 1, 365),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, 1, 10_080),
    secondFactorKey,
    databasePoolSize: int('DB_POOL_SIZE', 20, 1, 500),
    webDir: env.WEB_DIR?.trim() ? resolve(cwd, env.WEB_DIR.trim()) : fileURLToPath(new URL('../../../web/dist', import.meta.url)),
    rateLimitAnonymous: int('RATE_LIMIT_ANONYMOUS', 600, 0, 10_000_000),
    rateLimitSignedIn: int('RATE_LIMIT_SIGNED_IN', 6000, 0, 10_000_000),
    openDataDumpDays: int('OPEN_DATA_DUMP_DAYS', mode === 'production' ? 1 : 0, 0, 366),
    openDataChunk: int('OPEN_DATA_CHUNK', 10_000, 100, 1_000_000),
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    publicUrl: publicUrl(env.PUBLIC_URL, errors),
    storage,
    ocr: ocr === 'on' ? { enabled: true, languages: ocrLanguages(env.OCR_LANGUAGES, errors) } : { enabled: false, languages: [] },
    signing,
    smtpUrl,
    mailFrom,
    reminderDays: reminderDays(env.REMINDER_DAYS, errors),
    oidc: null,
    staffPasswordSignIn: oneOf('STAFF_PASSWORD_SIGN_IN', 'on', ['on', 'off'] as const) === 'on',
    trustProxy: trustProxy(env.TRUST_PROXY, errors),
    search: {
      scripts: searchScripts(env.SEARCH_SCRIPTS, errors),
      languages: searchLanguages(env.SEARCH_LANGUAGES, errors),
      concepts: readableFile('SEARCH_DICTIONARY', env.SEARCH_DICTIONARY, cwd, errors),
      weakWords: readableFile('SEARCH_WEAK_WORDS', env.SEARCH_WEAK_WORDS, cwd, errors),
      relatedClasses: readableFile('SEARCH_RELATED_CLASSES', env.SEARCH_RELATED_CLASSES, cwd, errors),
      refreshMs: int('SEARCH_REFRESH_MS', 0, 0, 60_000),
    },
  };
  config.oidc = oidcConfig(env, mode, config.publicUrl, errors);
  if (!config.staffPasswordSignIn && !config.oidc) errors.push('STAFF_PASSWORD_SIGN_IN=off needs OIDC_ISSUER: staff would have no way to sign in');
  if (errors.length) throw new ConfigError(`Invalid configuration:\n  - ${errors.join('\n  - ')}`);
  return config;
}
