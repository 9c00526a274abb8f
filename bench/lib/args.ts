// Tiny flag parser for the benchmarks: --name value, --name=value, --flag (boolean).
import { spawnSync } from 'node:child_process';
export type Flags = Record<string, string | boolean>;

export function parseFlags(argv: string[]): Flags {
  const out: Flags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}' (flags are --name value)`);
    const eq = a.indexOf('=');
    if (eq > 0) { out[a.slice(2, eq)] = a.slice(eq + 1); continue; }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) { out[a.slice(2)] = next; i++; } else out[a.slice(2)] = true;
  }
  return out;
}

export function num(flags: Flags, name: string, def: number): number {
  const v = flags[name];
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number (got '${v}')`);
  return n;
}

export function str(flags: Flags, name: string, def: string): string {
  const v = flags[name];
  return typeof v === 'string' ? v : def;
}

export function oneOf<T extends string>(flags: Flags, name: string, def: T, allowed: readonly T[]): T {
  const v = str(flags, name, def) as T;
  if (!allowed.includes(v)) throw new Error(`--${name} must be one of ${allowed.join(', ')} (got '${v}')`);
  return v;
}

/**
 * The database of this run. With `--db both` (the default unless `def` says otherwise) the benchmark runs itself once per
 * database, each in its own process so that neither inherits the other's heap, JIT state or
 * connections, and exits with the worse status.
 */
export function databaseOfRun(flags: Flags, argv: string[], script: string, def: 'postgres' | 'pglite' | 'both' = 'both'): 'postgres' | 'pglite' {
  const which = oneOf(flags, 'db', def, ['postgres', 'pglite', 'both'] as const);
  if (which !== 'both') return which;
  let worst = 0;
  for (const db of ['postgres', 'pglite']) {
    const r = spawnSync(process.execPath, [...process.execArgv, script, ...argv, '--db', db], { stdio: 'inherit' });
    worst = Math.max(worst, r.status ?? 1);
  }
  process.exit(worst);
}
