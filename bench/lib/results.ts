// Recording results: bench/results/<name>-<db>.json and one line per benchmark and database in SUMMARY.md.
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';

const dir = new URL('../results/', import.meta.url).pathname;
const repo = new URL('../../', import.meta.url).pathname;

/** A digest of the server and procedure sources measured (the tree changes; results say which state they measured). */
export function codeDigest(): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(`${d}/${e.name}`); } else if (/\.(ts|sql)$/.test(e.name)) h.update(`${d}/${e.name}\0`).update(readFileSync(`${d}/${e.name}`));
    }
  };
  for (const d of ['packages/server/src', 'procedures/src']) if (existsSync(repo + d)) walk(repo + d);
  return h.digest('hex').slice(0, 12);
}

export function machine(): { nproc: number; cpu: string; node: string; platform: string; loadavg: number[]; loadavgAtEnd?: number[] } {
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadavg: loadavg().map((x) => Number(x.toFixed(2))),
  };
}

export interface ResultInput {
  name: string;
  db: string;
  machine?: ReturnType<typeof machine>;
  params: Record<string, unknown>;
  figures: Record<string, unknown>;
  target: { text: string; met: boolean | null };
  /** The one-line summary that goes into SUMMARY.md. */
  line: string;
  /** Anything else worth keeping in the JSON (profiles, problems found). */
  extra?: Record<string, unknown>;
}

const HEADER = `# Benchmark results

One line per benchmark and database, replaced by the latest run (\`npm run bench -- <name>\`; see bench/README.md).
Details of each run: \`<benchmark>-<database>.json\`.

| benchmark | database | date | machine | figures | target | met |
|---|---|---|---|---|---|---|
`;

export function record(r: ResultInput): string {
  mkdirSync(dir, { recursive: true });
  const { extra, ...rest } = r;
  const full = { ...rest, date: new Date().toISOString(), machine: r.machine ?? machine(), code: codeDigest(), ...extra };
  const file = `${dir}${r.name}-${r.db}.json`;
  writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
  const m = full.machine;
  const row = `| ${r.name} | ${r.db} | ${full.date.slice(0, 16).replace('T', ' ')} UTC | ${m.nproc} cores, node ${m.node}, load avg ${m.loadavg[0]}${m.loadavgAtEnd ? `→${m.loadavgAtEnd[0]}` : ''} | ${r.line} (code ${full.code}) | ${r.target.text} | ${r.target.met === null ? 'n/a' : r.target.met ? 'yes' : '**no**'} |`;
  const summary = `${dir}SUMMARY.md`;
  const old = existsSync(summary) ? readFileSync(summary, 'utf8') : '';
  const rows = old.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| benchmark |') && !l.startsWith('|---'));
  const key = (l: string) => l.split('|').slice(1, 3).map((s) => s.trim()).join('/');
  const kept = rows.filter((l) => key(l) !== `${r.name}/${r.db}`);
  kept.push(row);
  kept.sort((a, b) => key(a).localeCompare(key(b)));
  writeFileSync(summary, `${HEADER}${kept.join('\n')}\n`);
  return file;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const round = (x: number, d = 1) => Number(x.toFixed(d));
