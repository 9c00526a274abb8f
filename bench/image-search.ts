// Image search over a register of --marks (1,000,000) figurative marks: POST /api/v1/search/images with an
// uploaded PNG, concurrency 4, against the office's server started in this process (as `registrum serve`
// runs it). The register's rows are written in bulk: each mark's features are computed by the office's own
// code (modules/images/features.ts) from a procedural figure (bench/lib/figures.ts) drawn at --size pixels;
// each figure gives four rows: as drawn, mirrored and turned a quarter each way (the turned vectors are the
// drawn one's permuted, which the run checks equal to the features computed from the turned pictures; the
// turned rows keep the drawn figure's perceptual hashes). The cases are minimal rows (a number, a state,
// the mark's Vienna codes), written with triggers off. A sample of figures is also drawn at 256 pixels,
// written as PNG and read through the worker's path (decodeImage + computeFeatures) to check that the small
// drawings give the vectors and scores the real path gives.
//   npm run bench -- image-search [--db postgres|pglite|both] [--marks 1000000] [--queries 400] [--concurrency 4] [--size 32] [--threads 2] [--url postgres://...]
import { isMainThread } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { buildHttp } from '../packages/server/src/app/http.ts';
import { openOffice } from '../packages/server/src/app/office.ts';
import { openDatabase, type Db } from '../packages/server/src/platform/db/db.ts';
import { computeFeatures, decodeImage, DIMENSIONS, EXTRACTOR, imageSearchOf } from '../packages/server/src/modules/images/index.ts';
import { databaseOfRun, num, parseFlags, str } from './lib/args.ts';
import { clientsInWorker, type Query } from './lib/image-clients.ts';
import { computeInThreads, draw, figureOf, rng, toPng, TURNS, turned, turnedVector, type FeatureBatch } from './lib/figures.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { benchSigningKey } from './lib/signing.ts';
import { machine, percentile, record, round } from './lib/results.ts';

const TARGET_P95_MS = 500;

// ----- the register -----

const STATES: [string, boolean, number][] = [['registered', true, 0.6], ['published', true, 0.2], ['formalities', false, 0.15], ['refused', true, 0.05]];
const numberOf = (row: number) => `FIG-${String(row + 1).padStart(7, '0')}`;

async function writeBatch(db: Db, b: FeatureBatch) {
  const ids: string[] = []; const numbers: string[] = []; const states: string[] = []; const publics: boolean[] = []; const data: string[] = [];
  const shas: string[] = []; const vienna: string[] = []; const features: string[] = []; const ph: string[] = []; const dh: string[] = []; const dark: boolean[] = [];
  for (let i = 0; i < b.count; i++) {
    const row = b.from + i;
    const r = rng(row + 17)();
    let acc = 0; const st = STATES.find(([, , p]) => (acc += p) >= r) ?? STATES[0];
    ids.push(randomUUID()); numbers.push(numberOf(row)); states.push(st[0]); publics.push(st[1]);
    data.push(JSON.stringify({ mark: { kind: 'Figurative', viennaCodes: b.vienna[i] } }));
    shas.push(row.toString(16).padStart(64, 'f'));
    vienna.push(`{${b.vienna[i].map((c) => `"${c}"`).join(',')}}`);
    const v = b.features.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
    features.push(`{${Array.from(v, (x) => Math.round(x * 10_000) / 10_000).join(',')}}`);
    ph.push(b.phash[i].toString()); dh.push(b.dhash[i].toString()); dark.push(b.dark[i] === 1);
  }
  await db.tx(async (q) => {
    // Bulk rows, written as a take-over would leave them: the triggers that keep search tables are not needed here.
    await q.query('SET LOCAL session_replication_role = replica');
    await q.query(
      `INSERT INTO cases (id, number, right_kind, framework, procedure_version, state, public, currency, head_hash, data, title)
       SELECT id, number, 'trademark', 'model-law', '2026.1', state, pub, 'EUR', '', data::jsonb, '(figurative mark)'
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::boolean[], $5::text[]) AS t(id, number, state, pub, data)`,
      [ids, numbers, states, publics, data]);
    await q.query(
      `INSERT INTO image_features (case_id, sha256, kind, vienna, state, public, status, features, extractor, phash, dhash, dark_ground, width, height, computed_at)
       SELECT id, sha, 'mark', vienna::text[], state, pub, 'done', features::real[], $10, ph::bigint, dh::bigint, dark, 32, 32, now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::boolean[])
              AS t(id, sha, vienna, state, pub, features, ph, dh, dark)`,
      [ids, shas, vienna, states, publics, features, ph, dh, dark, EXTRACTOR]);
  });
}

// ----- the sample check: small drawings against the worker's path -----

function sampleCheck(size: number, n: number) {
  const dot = (a: Float32Array, b: Float32Array) => { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * b[i]; return s; };
  const small: Float32Array[] = []; const real: Float32Array[] = [];
  for (let k = 0; k < n; k++) {
    const row = 1 + k * 997; const { figure } = figureOf(Math.floor(row / TURNS));
    small.push(computeFeatures(turned(draw(figure, size, 1), row % TURNS)).vector);
    const big = turned(draw(figure, 256, 2), row % TURNS);
    real.push(computeFeatures(decodeImage(toPng(big))).vector);
  }
  const same = small.map((v, i) => dot(v, real[i]) / 0.9).sort((a, b) => a - b);
  // Turned rows: the permuted vector against the features computed from the turned picture.
  let turnDiff = 0;
  for (let s = 0; s < n; s++) {
    const p = draw(figureOf(s).figure, size, 1); const v = computeFeatures(p).vector;
    for (let how = 1; how < TURNS; how++) {
      const a = turnedVector(v, how); const b = computeFeatures(turned(p, how)).vector;
      for (let i = 0; i < a.length; i++) turnDiff = Math.max(turnDiff, Math.abs(a[i] - b[i]));
    }
  }
  const pairs = (vs: Float32Array[]) => { const out: number[] = []; for (let i = 0; i < vs.length; i++) for (let j = i + 1; j < vs.length; j += 3) out.push(dot(vs[i], vs[j])); return out.sort((a, b) => a - b); };
  const ps = pairs(small); const pr = pairs(real);
  const stats = (a: number[]) => ({ mean: round(a.reduce((s, x) => s + x, 0) / a.length, 3), p10: round(percentile(a, 10), 3), p50: round(percentile(a, 50), 3), p90: round(percentile(a, 90), 3), p99: round(percentile(a, 99), 3) });
  return { figures: n, turnedVectorMaxAbsDifference: turnDiff, sameFigureSimilarity: { median: round(percentile(same, 50), 3), p10: round(percentile(same, 10), 3), min: round(same[0], 3) }, pairScoresSmall: stats(ps), pairScoresReal: stats(pr) };
}

// ----- the run -----

async function main() {
  const argv = process.argv.slice(2);
  const flags = parseFlags(argv);
  const kind = databaseOfRun(flags, argv, fileURLToPath(import.meta.url), 'postgres');
  const marks = Math.floor(num(flags, 'marks', kind === 'pglite' ? 200_000 : 1_000_000) / TURNS) * TURNS;
  const queries = num(flags, 'queries', 400);
  const concurrency = num(flags, 'concurrency', 4);
  const size = num(flags, 'size', 32);
  const threads = num(flags, 'threads', 2);
  const atStart = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-image-search-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_images') : null;
  const config = loadConfig({ REGISTRUM_MODE: 'production', LOG_LEVEL: 'silent', DATA_DIR: tmp, DATABASE_URL: pgdb?.url ?? '', DB_POOL_SIZE: '8', OCR: 'off', REGISTRUM_SEED_DEMO: 'false', PUBLIC_URL: 'https://register.example.org', ...benchSigningKey(tmp) });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  const office = await openOffice(config, { db, log: { error: (o, m) => console.error(m, o), info: () => {} } });
  const app = await buildHttp(office);
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    console.log(`${kind}: checking ${size}-pixel drawings against the worker's path on a sample...`);
    const check = sampleCheck(size, 120);
    console.log(`  turned rows' vectors vs computed from the turned pictures: max abs difference ${check.turnedVectorMaxAbsDifference}`);
    console.log(`  same figure ${size} px vs 256 px PNG: median similarity ${check.sameFigureSimilarity.median} (p10 ${check.sameFigureSimilarity.p10}); pair scores small/real p50 ${check.pairScoresSmall.p50}/${check.pairScoresReal.p50}, p99 ${check.pairScoresSmall.p99}/${check.pairScoresReal.p99}`);

    let t = performance.now();
    let written = 0; let writingMs = 0;
    await computeInThreads(marks, size, threads, 2000, async (b) => {
      const w0 = performance.now();
      await writeBatch(db, b);
      writingMs += performance.now() - w0;
      written += b.count;
      if (written % 50_000 < b.count) process.stderr.write(`\r  ${written.toLocaleString('en')} marks written (${Math.round(written / ((performance.now() - t) / 1000))}/s)`);
    });
    process.stderr.write('\n');
    const writeSeconds = (performance.now() - t) / 1000;
    if (db.kind === 'postgres') await db.query('VACUUM (ANALYZE) image_features');
    const stored = Number((await db.query<{ n: string }>("SELECT count(*)::text AS n FROM image_features WHERE status = 'done' AND current")).rows[0].n);
    if (stored !== marks) throw new Error(`${stored} rows stored for ${marks} marks`);
    console.log(`  ${marks.toLocaleString('en')} marks written in ${round(writeSeconds, 1)} s (${round(writingMs / 1000, 1)} s of it in the database)`);

    // Sign in an examiner (staff: every case) through the API.
    const password = 'bench-password-images';
    await db.tx((q) => office.access.createUser(q, { username: 'bench-image-examiner', displayName: 'Bench Examiner', role: 'examiner', password }));
    const login = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-image-examiner', password }) });
    const token = ((await login.json()) as { token: string }).token;

    // The first search builds the index from the table.
    const service = imageSearchOf(office);
    t = performance.now();
    const first = await fetch(`${address}/api/v1/search/images?limit=10`, { method: 'POST', headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` }, body: new Uint8Array(toPng(draw(figureOf(3).figure, 128, 2))) });
    if (first.status !== 200) throw new Error(`first search: ${first.status} ${await first.text()}`);
    const buildSeconds = (performance.now() - t) / 1000;
    const stats = service.stats();
    console.log(`  index built in ${round(buildSeconds, 1)} s: ${stats.images?.toLocaleString('en')} images, ${stats.dimensions} dimensions, SIMD ${stats.simd}`);

    // The queries: new figures, and near-variants of registered ones (their source should come out on top); some
    // narrowed by a Vienna category; one in five by the public (published marks only), the rest by the examiner.
    const r = rng(4242);
    const list: Query[] = [];
    for (let i = 0; i < queries + 20; i++) {
      const near = r() < 0.25;
      const row = Math.floor(r() * marks);
      const seed = near ? Math.floor(row / TURNS) : 10_000_000 + i;
      const { figure } = figureOf(seed);
      let picture = turned(draw(figure, 128, 2), near ? row % TURNS : 0);
      if (near) { // moved and scaled a little: drawn again with its parts shifted
        const k = 0.9 + r() * 0.15; const dx = (r() - 0.5) * 0.1;
        picture = turned(draw({ ...figure, parts: figure.parts.map((p) => ({ ...p, x: 0.5 + (p.x - 0.5) * k + dx, y: 0.5 + (p.y - 0.5) * k, size: p.size * k })) }, 128, 2), row % TURNS);
      }
      const filters: string[] = ['rights=mark', 'limit=50'];
      const vienna = figure.parts.find((p) => !p.hole);
      if (!near && r() < 0.3 && vienna) filters.push(`viennaCodes=${['26', '1', '27'][Math.floor(r() * 3)]}`);
      const pub = r() < 0.2;
      list.push({ path: `/api/v1/search/images?${filters.join('&')}`, body: toPng(picture), token: pub ? null : token, near: near ? numberOf(row) : null });
    }
    await clientsInWorker(address, list.slice(0, 20), concurrency);
    const measured = list.slice(20);
    const cpu0 = process.cpuUsage();
    t = performance.now();
    const answers = await clientsInWorker(address, measured, concurrency);
    const seconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    const errors = answers.filter((a) => a.status !== 200);
    const nearQueries = measured.map((q, i) => ({ q, a: answers[i] })).filter((x) => x.q.near && x.q.token);
    const nearTop10 = nearQueries.filter((x) => x.a.numbers.slice(0, 10).includes(x.q.near!)).length;
    const p50 = percentile(ms, 50); const p95 = percentile(ms, 95); const p99 = percentile(ms, 99);
    const rss = process.memoryUsage().rss;
    const figures = {
      marks, indexed: stats.images, dimensions: stats.dimensions, simd: stats.simd, writeSeconds: round(writeSeconds, 1), indexBuildSeconds: round(buildSeconds, 1),
      queries: measured.length, concurrency, seconds: round(seconds, 1), perSecond: round(measured.length / seconds, 1),
      latencyMs: { p50: round(p50), p95: round(p95), p99: round(p99), max: round(ms.at(-1) ?? 0) }, errors: errors.length,
      errorCodes: [...new Set(errors.map((e) => `${e.status} ${e.code ?? ''}`))],
      nearVariantsFoundInTop10: { found: nearTop10, of: nearQueries.length },
      serverCpuMsPerQuery: round((cpu.user + cpu.system) / 1000 / measured.length, 1), rssMB: Math.round(rss / 1e6),
      sampleCheck: check,
    };
    const met = p95 < TARGET_P95_MS && errors.length === 0;
    console.log(`  ${measured.length} queries, concurrency ${concurrency}: p50/p95/p99 ${round(p50)}/${round(p95)}/${round(p99)} ms, ${figures.perSecond}/s, ${errors.length} errors; near-variants in the top 10: ${nearTop10}/${nearQueries.length}; RSS ${figures.rssMB} MB`);
    const file = record({
      name: 'image-search', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { marks, queries, concurrency, size, threads, generation: `features computed by modules/images/features.ts from ${marks / TURNS} procedural figures (bench/lib/figures.ts) drawn at ${size} px; each figure 4 rows: as drawn, mirrored and turned a quarter each way (vectors permuted exactly, hashes of the figure as drawn); query images 128 px PNGs through the HTTP API` },
      figures, target: { text: `p95 < ${TARGET_P95_MS} ms over ${marks.toLocaleString('en')} figurative marks, concurrency ${concurrency}, 0 errors`, met },
      line: `${marks.toLocaleString('en')} figurative marks (features of procedural figures, see README): ${measured.length} image queries at concurrency ${concurrency}, p50/p95/p99 ${round(p50)}/${round(p95)}/${round(p99)} ms, ${errors.length} errors; near-variants in top 10 ${nearTop10}/${nearQueries.length}; index build ${round(buildSeconds, 1)} s, RSS ${figures.rssMB} MB`,
      extra: { postgres: adminUrl ? await serverInfo(adminUrl) : null },
    });
    console.log(`  recorded ${file}`);
    process.exitCode = met ? 0 : 1;
  } finally {
    await app.close();
    await office.close();
    await pgdb?.drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (isMainThread) main().catch((e) => { console.error(e); process.exit(1); });
