// A previous register of marks as JSON lines (the input of `registrum import register --format jsonl`),
// written by the benchmarks, and taken over in bulk with the office's own code (importRegister):
// import-register measures that; mark-quality and mark-search use it to fill an office with a register.
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { openOffice } from '../../packages/server/src/app/office.ts';
import { importRegister, type ImportReport } from '../../packages/server/src/modules/imports/index.ts';
import { markGenerator, type SyntheticMark } from './marks.ts';
import { rng, terms, trademarkFiling, type Rng } from './payloads.ts';

type Office = Awaited<ReturnType<typeof openOffice>>;

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const addYears = (d: string, n: number) => `${Number(d.slice(0, 4)) + n}${d.slice(4)}`.replace(/-02-29$/, '-02-28');

/** A mark's own text and classes instead of the invented ones; `registered` forces a registered mark in force. */
export interface MarkOverride { text: string; classes: number[]; number?: string; registered?: boolean }

/**
 * One mark of a register an office has kept for thirty years: most registered (some renewed), some
 * lapsed, refused or withdrawn, a few pending; holders from several countries, a representative for
 * some; classes and terms from the Nice list. With `mark`, that text and those classes (terms drawn
 * from the class's official terms).
 */
export function markLine(r: Rng, i: number, mark?: MarkOverride): string {
  const f = trademarkFiling(r, new Date(Date.UTC(2026, 0, 5))).payload;
  const filed = Date.UTC(1996, 0, 2) + r.int(0, mark?.registered ? 25 * 365 : 30 * 365) * DAY;
  const filingDate = iso(filed);
  const x = mark?.registered ? 0 : r.next();
  const classes = mark
    ? mark.classes.map((classNumber) => {
      const pool = terms().get(classNumber)!;
      const ts = new Set<string>();
      for (let k = r.int(1, 4); k > 0; k--) ts.add(r.pick(pool));
      return { classNumber, terms: [...ts] };
    })
    : f.goodsServices.map((g: { classNumber: number; terms: string[] }) => ({ classNumber: g.classNumber, terms: g.terms }));
  const line: Record<string, unknown> = {
    number: mark?.number ?? String(10_000_000 + i), text: mark?.text ?? f.mark.text, kind: mark ? 'Word' : f.mark.kind,
    classes,
    filingDate,
    holder: { name: f.applicant.name, country: f.applicant.country, address: f.applicant.address, kind: f.applicant.kind },
    ...(f.representative ? { representative: { name: f.representative.name, country: f.representative.country } } : {}),
  };
  if (x < 0.72 && filed < Date.UTC(2025, 6, 1)) {
    // Registered: terms of ten years from the filing date, renewed until today.
    let expiry = addYears(filingDate, 10);
    while (expiry < '2026-01-05') expiry = addYears(expiry, 10);
    Object.assign(line, { status: 'registered', registrationDate: iso(filed + r.int(150, 400) * DAY), registrationNumber: `R${800_000 + i}`, expiryDate: expiry });
  } else if (x < 0.85 && filed < Date.UTC(2015, 0, 1)) {
    Object.assign(line, { status: 'lapsed', registrationDate: iso(filed + r.int(150, 400) * DAY), expiryDate: addYears(filingDate, 10) });
  } else if (x < 0.92) {
    Object.assign(line, { status: r.pick(['refused', 'withdrawn']) });
  } else {
    const since = iso(Date.UTC(2025, 9, 1) + r.int(0, 90) * DAY);
    Object.assign(line, { status: r.pick(['examination', 'published', 'accepted']), filingDate: iso(Date.UTC(2025, 0, 2) + r.int(0, 250) * DAY), statusDate: since });
  }
  return JSON.stringify(line);
}

/** Writes `n` lines, `line(i)` for i = 0..n-1, to `path`, 2,000 lines a write. */
export async function writeLines(path: string, n: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path);
  let chunk: string[] = [];
  for (let i = 0; i < n; i++) {
    chunk.push(line(i));
    if (chunk.length === 2000 || i === n - 1) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end();
  await once(out, 'finish');
}

/** The deps of importRegister from an open office, and the actor of a take-over. */
export function importDeps(o: Office) {
  return {
    deps: { db: o.db, engine: o.engine, clock: o.clock, storage: o.storage, framework: o.config.framework },
    actor: { kind: 'system' as const, name: 'Registrum (import)' },
  };
}

const secs = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

export interface LoadOptions {
  /** Synthetic marks to write (their texts from markGenerator). */
  marks: number;
  seed: number;
  /** A directory for the JSON-lines files (each removed once imported). */
  dir: string;
  /** Lines a transaction of the import (importRegister's batchSize). */
  batch?: number;
  writers?: number;
  /** Marks a file: the register is written and imported a file at a time, so that 10,000,000 marks never sit on disk at once. */
  chunk?: number;
  /** Texts the generator must never produce (an evaluation set's marks). */
  exclude?: Iterable<string>;
  /** Marks of their own, imported first (numbers, texts, classes given; registered). */
  own?: MarkOverride[];
  onProgress?: (done: number, total: number, seconds: number) => void;
}

export interface LoadReport {
  marks: number; own: number;
  /** Writing the files (the generator's time) and importing them, in seconds. */
  generateSec: number; importSec: number; marksPerSec: number;
  counts: ImportReport['counts'];
  generator: { made: number; redrawn: number; houses: number };
  /** How the synthetic marks divide by script and by shape. */
  scripts: Record<string, number>; shapes: Record<string, number>;
}

/**
 * Fills the office's register: the `own` marks, then `marks` synthetic marks from markGenerator(seed),
 * a file of `chunk` marks at a time, each imported with importRegister (the code of `registrum import
 * register`). Holders, statuses, dates and terms come from markLine with rng(seed + 1), so the texts
 * are markGenerator(seed)'s alone (a benchmark can draw them again without the database).
 */
export async function loadRegister(o: Office, opt: LoadOptions): Promise<LoadReport> {
  const { deps, actor } = importDeps(o);
  const chunk = Math.max(1, opt.chunk ?? 500_000);
  const gen = markGenerator(opt.seed, { exclude: opt.exclude });
  const r = rng(opt.seed + 1);
  const counts: ImportReport['counts'] = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const scripts: Record<string, number> = {}; const shapes: Record<string, number> = {};
  let generateSec = 0; let importSec = 0;
  const t0 = performance.now();
  const add = (c: ImportReport['counts']) => { for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += c[k]; };
  const importFile = async (file: string) => {
    const ti = performance.now();
    const report = await importRegister(deps, actor, file, { batchSize: opt.batch ?? 5000, ...(opt.writers ? { writers: opt.writers } : {}) });
    importSec += secs(ti);
    add(report.counts);
    rmSync(file, { force: true });
  };
  if (opt.own?.length) {
    const file = join(opt.dir, 'own-marks.jsonl');
    const tg = performance.now();
    await writeLines(file, opt.own.length, (i) => markLine(r, 20_000_000 + i, { ...opt.own![i], registered: opt.own![i].registered ?? true }));
    generateSec += secs(tg);
    await importFile(file);
  }
  for (let base = 0; base < opt.marks; base += chunk) {
    const n = Math.min(chunk, opt.marks - base);
    const file = join(opt.dir, `register-${base}.jsonl`);
    const tg = performance.now();
    await writeLines(file, n, (k) => {
      const m: SyntheticMark = gen.next();
      scripts[m.script] = (scripts[m.script] ?? 0) + 1;
      shapes[m.shape] = (shapes[m.shape] ?? 0) + 1;
      return markLine(r, base + k, { text: m.text, classes: m.classes, number: String(10_000_000 + base + k), registered: false });
    });
    generateSec += secs(tg);
    await importFile(file);
    opt.onProgress?.(base + n, opt.marks, secs(t0));
  }
  return {
    marks: opt.marks, own: opt.own?.length ?? 0, generateSec: Math.round(generateSec * 100) / 100, importSec: Math.round(importSec * 100) / 100,
    marksPerSec: Math.round((opt.marks + (opt.own?.length ?? 0)) / Math.max(importSec, 0.001)), counts, generator: gen.stats, scripts, shapes,
  };
}
