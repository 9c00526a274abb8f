// Similar-mark search speed at national-register scale: a register of --marks (1,000,000; 10,000,000 on
// PostgreSQL for the target) invented marks (lib/marks.ts) taken over with the office's bulk import, a file
// of 500,000 marks at a time, in a child process (so that the server measured starts fresh: its resident
// memory is the index's and the server's, not the loader's). Then the server of `registrum serve` in this
// process: the first search builds the index (timed, with the resident memory before and after), then a
// mixed query set (short and long marks, typing errors, sound-alikes, words of marks, new marks, other
// scripts; half with class filters) runs with --concurrency 4 clients over HTTP (a worker thread), and
// "findable after filing": a mark filed through `POST /api/v1/cases` is searched for until it is found.
//   npm run bench -- mark-search [--db postgres|pglite|both] [--marks 1000000] [--queries 2000] [--warmup 200]
//     [--concurrency 4] [--findable 20] [--limit 50] [--pool 20] [--seed 11] [--batch 5000] [--writers N]
//     [--chunk 500000] [--url postgres://...] [--keep] [--reuse URL|DIR] [--worker] [--timeout-ms 30000]
//   --keep keeps the loaded database (PostgreSQL URL or PGlite directory, printed) and --reuse runs on it
//   again without loading (10,000,000 marks take a while to load); --worker runs the background worker
//   too (off by default: the take-over leaves an outbox job per mark, which it would work through
//   during the measurement).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { buildHttp } from '../packages/server/src/app/http.ts';
import { openOffice } from '../packages/server/src/app/office.ts';
import { startWorker } from '../packages/server/src/app/worker.ts';
import { openDatabase } from '../packages/server/src/platform/db/db.ts';
import { databaseOfRun, num, parseFlags, str } from './lib/args.ts';
import { snapshot, usage } from './lib/cpu.ts';
import { markGenerator, misspell, niceClassesOf, soundAlike, type SyntheticMark } from './lib/marks.ts';
import { rng, trademarkFiling, type Rng } from './lib/payloads.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { loadRegister, type LoadReport } from './lib/register-file.ts';
import { machine, percentile, record, round } from './lib/results.ts';
import { hasSearchRoute, runQueries, searchMarks, signInPeople, type SearchBody } from './lib/search.ts';
import { benchSigningKey } from './lib/signing.ts';

const script = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const kind = databaseOfRun(flags, argv, script);

const TARGET = { marks: 10_000_000, p95Ms: 200, p50Ms: 60, findableMs: 1000, rssGB: 8, concurrency: 4 };
const marks = num(flags, 'marks', 1_000_000);
const seed = num(flags, 'seed', 11);
const limit = num(flags, 'limit', 50);
const queries = num(flags, 'queries', 2000);
const warmup = num(flags, 'warmup', 200);
const concurrency = Math.max(1, num(flags, 'concurrency', TARGET.concurrency));
const probes = num(flags, 'findable', 20);
const timeoutMs = num(flags, 'timeout-ms', 30_000);
const MB = 2 ** 20;
const secs = (t0: number) => round((performance.now() - t0) / 1000, 2);

function officeConfig(dir: string, databaseUrl: string, pool: number) {
  return loadConfig({
    REGISTRUM_MODE: 'production', ...benchSigningKey(dir), RATE_LIMIT_SIGNED_IN: '0', RATE_LIMIT_ANONYMOUS: '0', LOG_LEVEL: str(flags, 'log-level', 'silent'),
    DATA_DIR: dir, DATABASE_URL: databaseUrl, DB_POOL_SIZE: String(pool),
  });
}

/** The child process that loads the register (--phase load): writes its LoadReport to --out. */
async function loadPhase() {
  const dir = str(flags, 'dir', ''); const url = str(flags, 'database-url', '');
  const config = officeConfig(dir, url, 4);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
  const office = await openOffice(config, { db, log: { error: (o, m) => console.error(m, o), info: () => {} } });
  try {
    const t0 = performance.now();
    const report = await loadRegister(office, {
      marks, seed, dir, batch: num(flags, 'batch', 5000), chunk: num(flags, 'chunk', 500_000), ...(flags.writers ? { writers: num(flags, 'writers', 2) } : {}),
      onProgress: (done, total, s) => console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} marks (${s} s)`),
    });
    const ta = performance.now();
    if (url) await office.db.query('ANALYZE');
    writeFileSync(str(flags, 'out', ''), JSON.stringify({ ...report, analyzeSec: secs(ta), totalSec: secs(t0) }));
  } finally {
    await office.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// The query set: marks of the register as they are, misspelt, spelt as they sound, one word of a longer
// mark, long texts, marks the register does not have, marks in other scripts; half with class filters.

type QueryType = 'short' | 'long' | 'typo' | 'sound-alike' | 'word-of-mark' | 'long-text' | 'new-mark' | 'other-script';
const MIX: [QueryType, number][] = [['short', 0.15], ['long', 0.12], ['typo', 0.2], ['sound-alike', 0.15], ['word-of-mark', 0.1], ['long-text', 0.08], ['new-mark', 0.15], ['other-script', 0.05]];
const EXTRA_WORDS = ['ORGANIC COFFEE', 'SMART HOME SYSTEMS', 'NATURAL SKIN CARE', 'PREMIUM PET FOOD', 'SPORTS NUTRITION', 'CRAFT BEER COMPANY', 'CLOUD SOFTWARE', 'KIDS FASHION'];

interface Query { type: QueryType; classes: boolean; body: SearchBody }

function querySet(n: number, r: Rng): Query[] {
  // The register's marks as the generator makes them (the same stream as the load: same seed, nothing excluded);
  // the first 300,000 are enough to draw from (the stream does not change along the register).
  const gen = markGenerator(seed);
  const pools: Record<'short' | 'long' | 'multi' | 'latin' | 'script', SyntheticMark[]> = { short: [], long: [], multi: [], latin: [], script: [] };
  const keep = (pool: SyntheticMark[], m: SyntheticMark, seen: number) => { if (pool.length < 5000) pool.push(m); else { const j = r.int(0, seen); if (j < 5000) pool[j] = m; } };
  const seen = { short: 0, long: 0, multi: 0, latin: 0, script: 0 };
  for (let i = 0, total = Math.min(marks, 300_000); i < total; i++) {
    const m = gen.next();
    if (m.script !== 'latin') { keep(pools.script, m, seen.script++); continue; }
    const words = m.text.split(/\s+/);
    keep(pools.latin, m, seen.latin++);
    if (words.length === 1 && m.text.length <= 8) keep(pools.short, m, seen.short++);
    if (words.length >= 3 || m.text.length >= 16) keep(pools.long, m, seen.long++);
    if (words.length >= 2) keep(pools.multi, m, seen.multi++);
  }
  const fresh = markGenerator(seed + 1000);
  const out: Query[] = [];
  for (let i = 0; i < n; i++) {
    let x = r.next(); let type: QueryType = 'typo';
    for (const [t, w] of MIX) { x -= w; if (x <= 0) { type = t; break; } }
    const from = (p: SyntheticMark[]) => (p.length ? r.pick(p) : r.pick(pools.latin));
    let m: SyntheticMark; let text: string;
    switch (type) {
      case 'short': m = from(pools.short); text = m.text; break;
      case 'long': m = from(pools.long); text = m.text; break;
      case 'typo': m = from(pools.latin); text = misspell(r, m.text); break;
      case 'sound-alike': m = from(pools.latin); text = soundAlike(r, m.text); break;
      case 'word-of-mark': { m = from(pools.multi); const ws = m.text.split(/\s+/).filter((w) => w.length >= 3); text = ws.length ? r.pick(ws) : m.text; break; }
      case 'long-text': m = from(pools.latin); text = `${m.text} ${r.pick(EXTRA_WORDS)}`; break;
      case 'new-mark': m = fresh.next(); text = m.text; break;
      default: m = from(pools.script); text = m.text;
    }
    const withClasses = r.next() < 0.5;
    out.push({ type, classes: withClasses, body: { text, ...(withClasses ? { niceClasses: r.next() < 0.7 ? m.classes : niceClassesOf(r) } : {}), limit } });
  }
  return out;
}

function latency(ms: number[]) {
  const s = Float64Array.from(ms).sort();
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
}

/** Files a new mark through the API and searches for it until a search returns it. */
async function findable(address: string, agent: string, examiner: string, n: number, r: Rng) {
  const gen = markGenerator(seed + 2000);
  const afterAck: number[] = []; const fromSend: number[] = []; const filingMs: number[] = []; const searches: number[] = [];
  const problems: string[] = [];
  for (let k = 0; k < n; k++) {
    const m = gen.next();
    const f = trademarkFiling(r);
    const body = { ...f, payload: { ...f.payload, mark: { kind: 'Word', text: m.text } }, payment: { ...f.payment, method: 'bank-transfer' } };
    const classes = (f.payload.goodsServices as { classNumber: number }[]).map((g) => g.classNumber);
    const t0 = performance.now();
    const res = await fetch(`${address}/api/v1/cases`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { authorization: `Bearer ${agent}`, 'content-type': 'application/json', 'idempotency-key': `bench-findable-${Date.now().toString(36)}-${k}` },
    });
    const text = await res.text();
    if (res.status !== 201) { problems.push(`filing: ${res.status} ${text.slice(0, 200)}`); continue; }
    const caseId = JSON.parse(text).case.id as string;
    const tAck = performance.now();
    filingMs.push(tAck - t0);
    let found = false; let tries = 0;
    while (performance.now() - tAck < 10_000) {
      tries++;
      const a = await searchMarks(address, examiner, { text: m.text, niceClasses: classes, limit }, timeoutMs);
      if (a.status !== 200) { problems.push(`search: ${a.status} ${JSON.stringify(a.problem)}`); break; }
      if (a.hits.some((h) => h.caseId === caseId)) { found = true; break; }
      await new Promise((ok) => setTimeout(ok, 20));
    }
    searches.push(tries);
    if (found) { afterAck.push(performance.now() - tAck); fromSend.push(performance.now() - t0); } else problems.push(`${m.text} (${caseId}) not found within 10 s of its filing`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
  const sorted = Float64Array.from(afterAck).sort();
  return {
    probes: n, found: afterAck.length,
    afterFilingMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? NaN) },
    fromSendingMs: { max: fromSend.length ? round(Math.max(...fromSend)) : null }, filingMs: latency(filingMs), searchesPerProbe: round(searches.reduce((a, b) => a + b, 0) / Math.max(1, searches.length), 1),
    problems: problems.slice(0, 10),
  };
}

async function main() {
  const atStart = machine();
  const reuse = str(flags, 'reuse', '');
  const tmp = kind === 'pglite' && reuse ? reuse : mkdtempSync(join(tmpdir(), 'registrum-bench-mark-search-'));
  const adminUrl = kind === 'postgres' && !reuse ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_marks') : null;
  const databaseUrl = kind === 'postgres' ? (reuse || pgdb!.url) : '';
  let office: Awaited<ReturnType<typeof openOffice>> | null = null;
  try {
    // 1. The register, loaded by a child process.
    let load: (LoadReport & { analyzeSec: number; totalSec: number }) | null = null;
    if (!reuse) {
      console.log(`mark-search on ${kind}: loading ${marks.toLocaleString('en')} marks`);
      const out = join(tmp, 'load.json');
      const args = ['--phase', 'load', '--db', kind, '--dir', tmp, '--database-url', databaseUrl, '--out', out, '--marks', String(marks), '--seed', String(seed),
        '--batch', String(num(flags, 'batch', 5000)), '--chunk', String(num(flags, 'chunk', 500_000)), ...(flags.writers ? ['--writers', String(flags.writers)] : [])];
      const child = spawnSync(process.execPath, [...process.execArgv, script, ...args], { stdio: 'inherit' });
      if (child.status !== 0) throw new Error(`loading the register failed (exit ${child.status})`);
      load = JSON.parse(readFileSync(out, 'utf8'));
      console.log(`  loaded: ${JSON.stringify(load!.counts)}; generated ${load!.generateSec} s, imported ${load!.importSec} s (${load!.marksPerSec.toLocaleString('en')} marks/s)`);
      if (load!.counts.created !== marks || load!.counts.rejected > 0) throw new Error(`the register was not taken over whole: ${JSON.stringify(load!.counts)}`);
    }

    // 2. The server, fresh.
    const pool = num(flags, 'pool', 20);
    const config = officeConfig(tmp, databaseUrl, pool);
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: pool });
    office = await openOffice(config, { db, log: { error: (o, m) => console.error(m, o), info: () => {} } });
    const inRegister = Number((await office.db.query<{ n: number }>("SELECT count(*)::int AS n FROM cases WHERE right_kind = 'trademark'")).rows[0].n);
    const app = await buildHttp(office);
    if (!(await hasSearchRoute(app))) throw new Error('this server has no POST /api/v1/search/trademarks');
    const worker = flags.worker ? startWorker(office.worker, config.workerIntervalMs) : null;
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const { examiner, agent } = await signInPeople(office, address);
    const backends = async () => kind === 'postgres'
      ? (await office!.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((x) => x.pid) : [];

    // 3. The first search builds the index.
    const mem = () => { const m = process.memoryUsage(); return { rssMB: Math.round(m.rss / MB), heapUsedMB: Math.round(m.heapUsed / MB), externalMB: Math.round(m.external / MB), arrayBuffersMB: Math.round(m.arrayBuffers / MB) }; };
    const before = mem();
    const first = await searchMarks(address, examiner, { text: 'NOVELTY', limit }, 3_600_000);
    const afterBuild = mem();
    console.log(`  ${inRegister.toLocaleString('en')} marks in the register; first search (index build) ${round(first.ms / 1000, 2)} s, status ${first.status}; rss ${before.rssMB} -> ${afterBuild.rssMB} MB`);
    if (first.status !== 200) throw new Error(`the first search failed: ${first.status} ${JSON.stringify(first.problem)}`);

    // 4. The query set: a warm-up, then measured, with the clients in a worker thread.
    const r = rng(seed + 3);
    const qs = querySet(warmup + queries, r);
    if (warmup) await runQueries(address, examiner, qs.slice(0, warmup).map((q) => q.body), concurrency, timeoutMs);
    const measured = qs.slice(warmup);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 200);
    const s0 = snapshot(await backends());
    const run = await runQueries(address, examiner, measured.map((q) => q.body), concurrency, timeoutMs);
    const cpu = usage(s0, snapshot([...s0.pids.keys()]));
    clearInterval(sampler);
    const afterQueries = mem();
    const ok = run.status.map((s) => s === 200);
    const errors = ok.filter((x) => !x).length;
    const overall = latency(run.ms.filter((_, i) => ok[i]));
    const qps = round(ok.filter(Boolean).length / run.windowSec, 1);
    const byType = Object.fromEntries(MIX.map(([t]) => {
      const idx = measured.map((q, i) => (q.type === t && ok[i] ? i : -1)).filter((i) => i >= 0);
      return [t, { ...latency(idx.map((i) => run.ms[i])), meanHits: round(idx.reduce((a, i) => a + run.hits[i], 0) / Math.max(1, idx.length), 1) }];
    }));
    const byFilter = {
      withClasses: latency(run.ms.filter((_, i) => ok[i] && measured[i].classes)),
      withoutClasses: latency(run.ms.filter((_, i) => ok[i] && !measured[i].classes)),
    };
    console.log(`  ${measured.length} queries, concurrency ${concurrency}: p50/p95/p99/max ${overall.p50}/${overall.p95}/${overall.p99}/${overall.max} ms, ${qps} queries/s, ${errors} errors`);
    for (const [t, v] of Object.entries(byType)) console.log(`    ${t.padEnd(13)} n ${String(v.n).padStart(4)}  p50 ${v.p50} ms  p95 ${v.p95} ms  mean hits ${v.meanHits}`);
    console.log(`    with classes p50/p95 ${byFilter.withClasses.p50}/${byFilter.withClasses.p95} ms; without ${byFilter.withoutClasses.p50}/${byFilter.withoutClasses.p95} ms`);

    // 5. Findable after filing.
    const find = probes > 0 ? await findable(address, agent, examiner, probes, r) : null;
    if (find) console.log(`  findable after filing: ${find.found}/${find.probes}, p50/p95/max ${find.afterFilingMs.p50}/${find.afterFilingMs.p95}/${find.afterFilingMs.max} ms after the filing's answer`);

    await worker?.stop();
    await app.close();

    const rssGB = round(Math.max(peakRss, afterQueries.rssMB * MB) / 2 ** 30, 2);
    const judged = kind === 'postgres' && inRegister >= TARGET.marks && concurrency === TARGET.concurrency;
    const findOk = !find || (find.found === find.probes && find.afterFilingMs.max < TARGET.findableMs);
    const met = judged ? overall.p95 < TARGET.p95Ms && overall.p50 < TARGET.p50Ms && findOk && rssGB < TARGET.rssGB && errors === 0 : null;
    const targets = `p95 ${overall.p95} ms (target < ${TARGET.p95Ms}), median ${overall.p50} ms (target < ${TARGET.p50Ms}), findable max ${find?.afterFilingMs.max ?? 'n/a'} ms (target < ${TARGET.findableMs}), rss ${rssGB} GB (target < ${TARGET.rssGB})`;
    console.log(`\n${judged ? 'targets (10,000,000 marks on PostgreSQL)' : 'targets (judged at 10,000,000 marks on PostgreSQL; this run reported)'}: ${targets}`);
    const line = `${inRegister.toLocaleString('en')} marks: p50/p95/p99 ${overall.p50}/${overall.p95}/${overall.p99} ms, ${qps} queries/s (${measured.length} mixed queries, concurrency ${concurrency}, ${errors} errors); `
      + `index built on the first search in ${round(first.ms / 1000, 1)} s, rss ${afterBuild.rssMB} MB after it (peak ${Math.round(peakRss / MB)} MB); `
      + `findable after filing ${find ? `${find.found}/${find.probes}, p95 ${find.afterFilingMs.p95} ms, max ${find.afterFilingMs.max} ms` : 'not measured'}`
      + `${load ? `; loaded in ${round(load.totalSec, 0)} s (${load.marksPerSec.toLocaleString('en')} marks/s imported)` : ''}`;
    console.log(line);
    const file = record({
      name: 'mark-search', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { marks: inRegister, reused: !!reuse, queries: measured.length, warmup, concurrency, limit, seed, pool, worker: !!worker, postgres: adminUrl ? await serverInfo(adminUrl) : undefined },
      figures: {
        load, index: { firstSearchMs: round(first.ms), memoryBefore: before, memoryAfterBuild: afterBuild },
        queries: { latencyMs: overall, queriesPerSec: qps, errors, byType, byFilter, sampleErrors: run.sampleErrors, windowSec: round(run.windowSec, 2) },
        memory: { afterBuild, afterQueries, peakRssMB: Math.round(peakRss / MB), note: kind === 'pglite' ? 'PGlite runs inside this process: its memory is counted in rss' : 'the server process (PostgreSQL apart)' },
        cpu: { nodeProcessCores: round(cpu.nodeCores, 2), postgresBackendCores: round(cpu.dbCores, 2), otherProcessesCores: round(cpu.otherCores, 2) },
        findable: find,
      },
      target: { text: `10,000,000 marks on PostgreSQL, concurrency 4: p95 < ${TARGET.p95Ms} ms, median < ${TARGET.p50Ms} ms; findable < 1 s after filing; rss < ${TARGET.rssGB} GB${judged ? '' : ' (this run: reported)'}`, met },
      line,
    });
    console.log(`recorded ${file}`);
    process.exitCode = errors === 0 && findOk ? 0 : 1;
  } finally {
    await office?.close().catch(() => {});
    if (flags.keep || reuse) console.log(`kept: ${databaseUrl || tmp}`);
    if (!flags.keep && !reuse) await pgdb?.drop();
    if (!flags.keep && !(reuse && kind === 'pglite')) rmSync(tmp, { recursive: true, force: true });
  }
}

if (flags.phase === 'load') await loadPhase(); else await main();
