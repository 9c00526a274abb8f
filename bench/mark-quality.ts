// Similar-mark search quality: does the search find what examiners and courts found confusing? The
// earlier marks of the decided conflicts in bench/data/mark-conflicts.json are taken over into a register
// of 100,000 invented marks (lib/marks.ts, never one of the set's texts), through the office's bulk import;
// then, as an examiner, each later mark is searched with its classes (`POST /api/v1/search/trademarks`,
// limit 50) and the rank of its earlier mark recorded. Reported: recall@50 of the pairs judged confusing
// (test split, dev split, all), their ranks, per kind of similarity, where the pairs judged not confusing
// rank, and every confusing pair missed with the top hit's explanation.
//   npm run bench -- mark-quality [--db pglite|postgres|both] (default pglite) [--marks 100000] [--limit 50]
//     [--set bench/data/mark-conflicts.json] [--seed 5] [--batch 5000] [--url postgres://...] [--keep]
//     [--load-only]   fill the register and stop (no search needed)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { buildHttp } from '../packages/server/src/app/http.ts';
import { openOffice } from '../packages/server/src/app/office.ts';
import { openDatabase } from '../packages/server/src/platform/db/db.ts';
import { databaseOfRun, num, parseFlags, str } from './lib/args.ts';
import { normaliseMark } from './lib/marks.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { loadRegister, type MarkOverride } from './lib/register-file.ts';
import { machine, percentile, record, round } from './lib/results.ts';
import { hasSearchRoute, searchMarks, signInPeople, type SearchAnswer, type SearchHit } from './lib/search.ts';
import { benchSigningKey } from './lib/signing.ts';

const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const kind = databaseOfRun(flags, argv, fileURLToPath(import.meta.url), 'pglite');

const TARGET = { marks: 100_000, recall: 0.95, limit: 50 };
const marks = num(flags, 'marks', TARGET.marks);
const limit = num(flags, 'limit', TARGET.limit);
const seed = num(flags, 'seed', 5);
const repo = fileURLToPath(new URL('../', import.meta.url));
const setPath = str(flags, 'set', join(repo, 'bench/data/mark-conflicts.json'));
const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${round(x * 100, 1)} %`);

interface Pair {
  id: string; earlier: { text: string; classes: number[] }; later: { text: string; classes: number[] };
  outcome: 'confusing' | 'not-confusing'; kind: string[]; forum: string; reference?: string; year?: number; note?: string; split: 'dev' | 'test';
}

function readSet(path: string): Pair[] {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { pairs: Pair[] };
  const seen = new Set<string>();
  for (const p of doc.pairs) {
    const ok = typeof p.id === 'string' && !seen.has(p.id) && p.earlier?.text && p.later?.text && ['confusing', 'not-confusing'].includes(p.outcome) && ['dev', 'test'].includes(p.split)
      && Array.isArray(p.kind) && p.kind.length > 0 && [p.earlier, p.later].every((m) => Array.isArray(m.classes) && m.classes.length > 0 && m.classes.every((c) => Number.isInteger(c) && c >= 1 && c <= 45));
    if (!ok) throw new Error(`${path}: pair ${JSON.stringify(p).slice(0, 200)} is not well formed`);
    seen.add(p.id);
  }
  return doc.pairs;
}

/** The earlier marks as register entries: one per text and classes (a mark two pairs share is one entry). */
function earlierMarks(pairs: Pair[]): { own: MarkOverride[]; numberOf: Map<string, string> } {
  const own: MarkOverride[] = []; const byKey = new Map<string, string>(); const numberOf = new Map<string, string>();
  for (const p of pairs) {
    const classes = [...new Set(p.earlier.classes)].sort((a, b) => a - b);
    const key = `${normaliseMark(p.earlier.text)}|${classes.join(',')}`;
    let n = byKey.get(key);
    if (!n) { n = String(9_000_000 + own.length + 1); byKey.set(key, n); own.push({ text: p.earlier.text, classes, number: n }); }
    numberOf.set(p.id, n);
  }
  return { own, numberOf };
}

interface PairResult {
  id: string; split: string; outcome: string; kind: string[]; forum: string; reference?: string;
  earlier: string; later: string; laterClasses: number[];
  /** 1-based rank of the earlier mark among the hits, null when not among them. */
  rank: number | null; score: number | null; why: Record<string, unknown> | null;
  top: Pick<SearchHit, 'markText' | 'niceClasses' | 'score' | 'why'> | null;
  status: number; ms: number; problem?: SearchAnswer['problem'];
}

const missingRank = () => limit + 1;
const rankOf = (r: PairResult) => r.rank ?? missingRank();
function mean(xs: number[]) { return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN; }
function median(xs: number[]) { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; }
const showRank = (x: number) => (Number.isNaN(x) ? 'n/a' : x > limit ? `not in top ${limit}` : String(round(x, 1)));

function recallOf(rs: PairResult[]) {
  const found = rs.filter((r) => r.rank !== null).length;
  return { pairs: rs.length, found, recall: rs.length ? found / rs.length : NaN };
}

function rankDistribution(rs: PairResult[]) {
  const b = { '1': 0, '2-5': 0, '6-10': 0, '11-20': 0, [`21-${limit}`]: 0, missed: 0 } as Record<string, number>;
  for (const r of rs) {
    const k = r.rank === null ? 'missed' : r.rank === 1 ? '1' : r.rank <= 5 ? '2-5' : r.rank <= 10 ? '6-10' : r.rank <= 20 ? '11-20' : `21-${limit}`;
    b[k]++;
  }
  return b;
}

function summary(rs: PairResult[]) {
  const ranks = rs.map(rankOf);
  const scores = rs.filter((r) => r.score !== null).map((r) => r.score!);
  return {
    ...recallOf(rs), ranks: rankDistribution(rs),
    recallAt: { 1: rs.filter((r) => r.rank === 1).length, 5: rs.filter((r) => r.rank !== null && r.rank <= 5).length, 10: rs.filter((r) => r.rank !== null && r.rank <= 10).length },
    /** Ranks with "not in the top `limit`" counted as limit + 1. */
    meanRank: round(mean(ranks), 2), medianRank: median(ranks), meanScoreWhenFound: scores.length ? round(mean(scores), 3) : null,
  };
}

async function main() {
  const atStart = machine();
  const pairs = readSet(setPath);
  const { own, numberOf } = earlierMarks(pairs);
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-mark-quality-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_markq') : null;
  const config = loadConfig({
    REGISTRUM_MODE: 'production', ...benchSigningKey(tmp), RATE_LIMIT_SIGNED_IN: '0', RATE_LIMIT_ANONYMOUS: '0', LOG_LEVEL: str(flags, 'log-level', 'silent'),
    DATA_DIR: tmp, DATABASE_URL: pgdb?.url ?? '', DB_POOL_SIZE: '4',
  });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  const office = await openOffice(config, { db, log: { error: (o, m) => console.error(m, o), info: () => {} } });
  let app: Awaited<ReturnType<typeof buildHttp>> | null = null;
  try {
    app = await buildHttp(office);
    if (!(await hasSearchRoute(app)) && !flags['load-only']) throw new Error('this server has no POST /api/v1/search/trademarks (run with --load-only to fill the register alone)');
    console.log(`mark-quality on ${kind}: ${pairs.length} pairs (${own.length} earlier marks) in a register of ${marks.toLocaleString('en')} invented marks; limit ${limit}`);

    const exclude = pairs.flatMap((p) => [p.earlier.text, p.later.text]);
    const load = await loadRegister(office, {
      marks, seed, dir: tmp, own, exclude, batch: num(flags, 'batch', 5000), chunk: num(flags, 'chunk', 500_000),
      onProgress: (done, total, s) => console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} marks (${s} s)`),
    });
    console.log(`  register: ${JSON.stringify(load.counts)}; generated in ${load.generateSec} s, imported in ${load.importSec} s (${load.marksPerSec.toLocaleString('en')} marks/s); generator redrew ${load.generator.redrawn} excluded texts`);
    if (load.counts.rejected > 0 || load.counts.created !== marks + own.length) throw new Error(`the register was not taken over whole: ${JSON.stringify(load.counts)}`);
    // The earlier marks' cases, by their source number.
    const caseOf = new Map((await office.db.query<{ source_id: string; case_id: string }>(
      'SELECT source_id, case_id FROM import_records WHERE source_id = ANY($1::text[])', [own.map((m) => m.number!)])).rows.map((r) => [r.source_id, r.case_id]));
    if (caseOf.size !== own.length) throw new Error(`only ${caseOf.size} of the ${own.length} earlier marks found in the register`);
    if (flags['load-only']) { console.log('loaded (--load-only): no search run'); return; }

    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const { examiner } = await signInPeople(office, address);
    // The first search builds the index (lazily, on the first search of a server process).
    const rss0 = process.memoryUsage().rss;
    const first = await searchMarks(address, examiner, { text: 'NOVELTY', limit });
    const indexBuild = { firstSearchMs: round(first.ms), status: first.status, rssBeforeMB: Math.round(rss0 / 2 ** 20), rssAfterMB: Math.round(process.memoryUsage().rss / 2 ** 20) };
    console.log(`  first search (index build): ${indexBuild.firstSearchMs} ms, status ${first.status}; rss ${indexBuild.rssBeforeMB} -> ${indexBuild.rssAfterMB} MB`);
    if (first.status !== 200) throw new Error(`the first search failed: ${first.status} ${JSON.stringify(first.problem)}`);

    const results: PairResult[] = [];
    const t0 = performance.now();
    for (const p of pairs) {
      const a = await searchMarks(address, examiner, { text: p.later.text, niceClasses: p.later.classes, limit });
      const want = caseOf.get(numberOf.get(p.id)!)!;
      const i = a.hits.findIndex((h) => h.caseId === want);
      const top = a.hits[0];
      results.push({
        id: p.id, split: p.split, outcome: p.outcome, kind: p.kind, forum: p.forum, ...(p.reference ? { reference: p.reference } : {}),
        earlier: p.earlier.text, later: p.later.text, laterClasses: p.later.classes,
        rank: i >= 0 ? i + 1 : null, score: i >= 0 ? a.hits[i].score : null, why: i >= 0 ? a.hits[i].why : null,
        top: top ? { markText: top.markText, niceClasses: top.niceClasses, score: top.score, why: top.why } : null,
        status: a.status, ms: round(a.ms, 1), ...(a.problem ? { problem: a.problem } : {}),
      });
    }
    const searchSec = round((performance.now() - t0) / 1000, 2);
    // Diagnostics (not in the figures judged): where a missed earlier mark ranks with the largest limit, and
    // whether each earlier mark is found by its own text (is it in the index at all?).
    const deepLimit = 200;
    const deepRank = new Map<string, number | null>();
    for (const r of results.filter((x) => x.outcome === 'confusing' && x.rank === null && x.status === 200)) {
      const a = await searchMarks(address, examiner, { text: r.later, niceClasses: r.laterClasses, limit: deepLimit });
      const i = a.hits.findIndex((h) => h.caseId === caseOf.get(numberOf.get(r.id)!));
      deepRank.set(r.id, i >= 0 ? i + 1 : null);
    }
    const selfMissed: { earlier: string; classes: number[]; rank: number | null; status: number }[] = [];
    for (const m of own) {
      const a = await searchMarks(address, examiner, { text: m.text, niceClasses: m.classes, limit });
      const i = a.hits.findIndex((h) => h.caseId === caseOf.get(m.number!));
      if (i !== 0) selfMissed.push({ earlier: m.text, classes: m.classes, rank: i >= 0 ? i + 1 : null, status: a.status });
    }

    const conf = results.filter((r) => r.outcome === 'confusing');
    const not = results.filter((r) => r.outcome === 'not-confusing');
    const of = (rs: PairResult[], split?: string) => (split ? rs.filter((r) => r.split === split) : rs);
    const kinds = [...new Set(pairs.flatMap((p) => p.kind))].sort();
    const perKind = Object.fromEntries(kinds.map((k) => {
      const rs = conf.filter((r) => r.kind.includes(k));
      const t = rs.filter((r) => r.split === 'test');
      return [k, { all: recallOf(rs), test: recallOf(t), notConfusing: summary(not.filter((r) => r.kind.includes(k))) }];
    }));
    const lat = Float64Array.from(results.map((r) => r.ms)).sort();
    const figures = {
      confusing: { test: summary(of(conf, 'test')), dev: summary(of(conf, 'dev')), all: summary(conf) },
      notConfusing: { test: summary(of(not, 'test')), dev: summary(of(not, 'dev')), all: summary(not) },
      perKind,
      /** Queries the server refused with a problem (4xx, e.g. a script the office does not read): counted as misses. */
      refused: results.filter((r) => r.status >= 400 && r.status < 500).map((r) => ({ id: r.id, later: r.later, status: r.status, problem: r.problem })),
      errors: results.filter((r) => r.status !== 200 && !(r.status >= 400 && r.status < 500)).map((r) => ({ id: r.id, status: r.status, problem: r.problem })),
      latencyMs: { p50: round(percentile(lat, 50)), p95: round(percentile(lat, 95)), max: round(lat.at(-1) ?? NaN) },
      searchSec, indexBuild,
      diagnostics: {
        /** Missed confusing pairs: the earlier mark's rank with limit 200 (null: not there either). */
        missedRankWithin200: Object.fromEntries(deepRank),
        /** Earlier marks not first when searched by their own text and classes. */
        earlierNotFirstForItsOwnText: selfMissed,
      },
      register: { synthetic: marks, earlier: own.length, ...load },
    };
    const missed = conf.filter((r) => r.rank === null);

    const ct = figures.confusing.test; const ca = figures.confusing.all; const nt = figures.notConfusing.test; const na = figures.notConfusing.all;
    console.log(`\nconfusing pairs, recall@${limit}: test ${pct(ct.recall)} (${ct.found}/${ct.pairs}), dev ${pct(figures.confusing.dev.recall)} (${figures.confusing.dev.found}/${figures.confusing.dev.pairs}), all ${pct(ca.recall)} (${ca.found}/${ca.pairs})`);
    console.log(`  ranks (all): ${JSON.stringify(ca.ranks)}; mean ${showRank(ca.meanRank)}, median ${showRank(ca.medianRank)}; mean score when found ${ca.meanScoreWhenFound}`);
    console.log(`not-confusing pairs: in the top ${limit} ${na.found}/${na.pairs}; mean rank ${showRank(na.meanRank)} (test ${showRank(nt.meanRank)}), median ${showRank(na.medianRank)}; ranks ${JSON.stringify(na.ranks)}; mean score when found ${na.meanScoreWhenFound}`);
    console.log('per kind (confusing pairs, recall all / test):');
    for (const [k, v] of Object.entries(perKind)) console.log(`  ${k.padEnd(16)} ${pct(v.all.recall).padStart(8)} (${v.all.found}/${v.all.pairs})  test ${pct(v.test.recall)} (${v.test.found}/${v.test.pairs})`);
    if (figures.refused.length) console.log(`refused queries (counted as misses): ${JSON.stringify(figures.refused)}`);
    if (figures.errors.length) console.log(`errors: ${JSON.stringify(figures.errors)}`);
    console.log(`missed confusing pairs (${missed.length}):`);
    for (const m of missed) {
      const deep = deepRank.get(m.id);
      console.log(`  [${m.split}] ${m.id}: ${m.earlier} <- ${m.later} ${JSON.stringify(m.laterClasses)} (${m.kind.join(', ')}); with limit ${deepLimit}: ${deep ? `rank ${deep}` : 'not found'}; top hit: ${m.top ? `${m.top.markText} ${JSON.stringify(m.top.niceClasses)} score ${m.top.score} why ${JSON.stringify(m.top.why).slice(0, 300)}` : `none${m.problem ? ` (${m.status} ${m.problem.code})` : ''}`}`);
    }

    console.log(`earlier marks found first by their own text: ${own.length - selfMissed.length}/${own.length}${selfMissed.length ? `; not first: ${JSON.stringify(selfMissed)}` : ''}`);

    const judged = marks >= TARGET.marks && limit === TARGET.limit;
    const separated = na.meanRank > ca.meanRank && nt.meanRank > ct.meanRank;
    const met = judged ? ct.recall >= TARGET.recall && separated : null;
    const line = `recall@${limit} of confusing pairs: test ${pct(ct.recall)} (${ct.found}/${ct.pairs}), all ${pct(ca.recall)} (${ca.found}/${ca.pairs}), mean rank ${showRank(ca.meanRank)}; `
      + `not-confusing pairs: ${na.found}/${na.pairs} in the top ${limit}, mean rank ${showRank(na.meanRank)}, median ${showRank(na.medianRank)}; `
      + `${pairs.length} pairs, ${marks.toLocaleString('en')} other marks; first search (index build) ${round(indexBuild.firstSearchMs / 1000, 2)} s, search p50 ${figures.latencyMs.p50} ms`;
    console.log(`\n${line}`);
    const file = record({
      name: 'mark-quality', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { marks, limit, seed, set: setPath.replace(repo, ''), pairs: pairs.length, postgres: adminUrl ? await serverInfo(adminUrl) : undefined },
      figures,
      target: { text: `recall@${TARGET.limit} >= ${TARGET.recall * 100} % of confusing pairs (test split) among >= ${TARGET.marks.toLocaleString('en')} marks; not-confusing pairs rank lower on average${judged ? '' : ' (smaller run: not judged)'}`, met },
      line,
      extra: { missed: missed.map(({ id, split, earlier, later, laterClasses, kind: k, top, status, problem }) => ({ id, split, earlier, later, laterClasses, kind: k, rankWithin200: deepRank.get(id) ?? null, top, status, problem })), pairs: results },
    });
    console.log(`recorded ${file}`);
    process.exitCode = figures.errors.length ? 1 : 0;
  } finally {
    await app?.close().catch(() => {});
    await office.close().catch(() => {});
    if (flags.keep) console.log(`kept: ${pgdb?.url ?? tmp}`);
    else { await pgdb?.drop(); rmSync(tmp, { recursive: true, force: true }); }
  }
}

await main();
