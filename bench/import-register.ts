// Taking over a register of marks in bulk: `registrum import register --format jsonl` as the office runs
// it (importRegister, the same code), on a register this benchmark writes itself: 1,000,000 marks on
// PostgreSQL, fewer on PGlite. Then the journal is verified (verifyJournal, and `registrum journal
// verify` end to end), and the same file imported again must change nothing.
//   npm run bench -- import-register [--db postgres|pglite|both] [--marks 1000000] [--pglite-marks 50000]
//     [--batch 5000] [--writers 2] [--again] [--seed N] [--url postgres://...] [--keep]
//     [--profile]   time every SQL statement as the import sees it
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { openOffice } from '../packages/server/src/app/office.ts';
import { importRegister, type ImportReport } from '../packages/server/src/modules/imports/index.ts';
import { openDatabase } from '../packages/server/src/platform/db/db.ts';
import { verifyJournal } from '../packages/server/src/procedure-engine/journal.ts';
import { databaseOfRun, num, parseFlags, str } from './lib/args.ts';
import { snapshot, usage } from './lib/cpu.ts';
import { rng } from './lib/payloads.ts';
import { importDeps, markLine, writeLines } from './lib/register-file.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { machine, record, round } from './lib/results.ts';
import { SqlProfile } from './lib/sql-profile.ts';

const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const kind = databaseOfRun(flags, argv, fileURLToPath(import.meta.url));

const TARGET = { marks: 1_000_000, seconds: 180 };
const marks = num(flags, kind === 'postgres' ? 'marks' : 'pglite-marks', kind === 'postgres' ? TARGET.marks : 50_000);
const batch = num(flags, 'batch', 5000);
const writers = flags.writers === undefined ? undefined : num(flags, 'writers', 2);
const again = flags.again === true || kind === 'pglite';
const repo = fileURLToPath(new URL('../', import.meta.url));
const secs = (t0: number) => round((performance.now() - t0) / 1000, 2);

function cli(env: Record<string, string>) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(repo, 'packages/server/bin/registrum.mjs'), 'journal', 'verify'], {
    cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REGISTRUM_MODE: 'demo', REGISTRUM_SEED_DEMO: 'false', LOG_LEVEL: 'silent', ...env },
  });
  return { seconds: secs(t0), exitCode: r.status, stdout: r.stdout.trim().split('\n').slice(0, 4), stderr: r.stderr.trim().slice(0, 500) };
}

async function main() {
  const atStart = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-import-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_import') : null;
  // Demo mode without demo data: an empty office that needs no signing key of its own.
  const config = loadConfig({ REGISTRUM_MODE: 'demo', REGISTRUM_SEED_DEMO: 'false', LOG_LEVEL: 'silent', DATA_DIR: tmp, DATABASE_URL: pgdb?.url ?? '', DB_POOL_SIZE: '4' });
  const file = join(tmp, 'register.jsonl');
  const cliEnv: Record<string, string> = pgdb ? { DATABASE_URL: pgdb.url, DATA_DIR: tmp } : { DATA_DIR: tmp };
  const profile = new SqlProfile();
  let office: Awaited<ReturnType<typeof openOffice>> | null = null;
  try {
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4 });
    const o = await openOffice(config, { db: flags.profile ? profile.wrap(db) : db });
    office = o;
    console.log(`import-register on ${kind}: ${marks.toLocaleString('en')} marks, batches of ${batch}`);
    const tg = performance.now();
    const r = rng(num(flags, 'seed', 1));
    await writeLines(file, marks, (i) => markLine(r, i));
    const generateSec = secs(tg);
    const fileMB = round(statSync(file).size / 1024 / 1024, 1);
    console.log(`  wrote ${file} (${fileMB} MB) in ${generateSec} s`);

    const { deps, actor } = importDeps(o);
    // The pool's connections are opened first, so that the CPU of every backend the import uses is counted.
    if (pgdb) await Promise.all(Array.from({ length: 4 }, () => o.db.tx((q) => q.query('SELECT pg_sleep(0.05)'))));
    const pids = pgdb ? (await o.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((r) => r.pid) : [];
    let lastTenth = -1;
    const t0 = performance.now();
    profile.enabled = true;
    const s0 = snapshot(pids);
    const report: ImportReport = await importRegister(deps, actor, file, {
      batchSize: batch, ...(writers ? { writers } : {}),
      onProgress: (done, total) => {
        const tenth = Math.floor((done / (total ?? marks)) * 10);
        if (tenth !== lastTenth) { lastTenth = tenth; console.log(`  ${done.toLocaleString('en')} marks (${secs(t0)} s)`); }
      },
    });
    const importSec = secs(t0);
    const cpu = usage(s0, snapshot(pids));
    if (flags.profile) {
      const top = [...profile.statements].sort((a, b) => b[1].totalMs - a[1].totalMs).slice(0, 6);
      for (const [sql, st] of top) console.log(`    ${round(st.totalMs / 1000, 2)} s in ${st.count} x ${sql.slice(0, 90)}`);
    }
    const rate = Math.round(marks / importSec);
    // CPU per mark (this process and its database backends): the figure to compare on a shared machine.
    const cpuMsPerMark = round(((cpu.nodeCores + cpu.dbCores) * cpu.seconds * 1000) / marks, 3);
    const ceiling = Math.round((1000 / cpuMsPerMark) * machine().nproc);
    console.log(`  imported: ${JSON.stringify(report.counts)} in ${importSec} s (${rate.toLocaleString('en')} marks/s; node ${round(cpu.nodeCores, 2)} cores, postgres backends ${round(cpu.dbCores, 2)}, other processes ${round(cpu.otherCores, 2)}; ${cpuMsPerMark} CPU ms a mark, CPU-bound ceiling on ${machine().nproc} cores ${ceiling.toLocaleString('en')} marks/s)`);
    const rows = (await o.db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM acts)::int AS acts, (SELECT count(*) FROM parties)::int AS parties,
              (SELECT count(*) FROM time_limits)::int AS "timeLimits", (SELECT count(*) FROM outbox)::int AS jobs, (SELECT count(*) FROM import_records)::int AS records`)).rows[0];
    const size = pgdb ? (await o.db.query<{ s: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s : null;
    console.log(`  rows: ${JSON.stringify(rows)}${size ? `; database ${size}` : ''}`);
    if (pgdb) await o.db.query('VACUUM (ANALYZE) acts, cases');

    const tv = performance.now();
    const verified = await verifyJournal(o.db);
    const verifySec = secs(tv);
    console.log(`  verifyJournal: ${verified.ok ? 'OK' : 'FAILED'} ${verified.acts.toLocaleString('en')} acts in ${verifySec} s`);

    let second: { counts: ImportReport['counts']; seconds: number; unchanged: boolean } | null = null;
    if (again) {
      const ta = performance.now();
      const r2 = await importRegister(deps, actor, file, { batchSize: batch });
      const after = (await o.db.query<{ acts: number }>('SELECT count(*)::int AS acts FROM acts')).rows[0];
      second = { counts: r2.counts, seconds: secs(ta), unchanged: r2.counts.unchanged === marks && after.acts === rows.acts };
      console.log(`  imported again: ${JSON.stringify(r2.counts)} in ${second.seconds} s: ${second.unchanged ? 'nothing changed' : 'CHANGED'}`);
    }
    await o.close();
    office = null;
    const c = cli(cliEnv);
    console.log(`  registrum journal verify: exit ${c.exitCode} in ${c.seconds} s: ${c.stdout[0] ?? c.stderr}`);

    const full = marks >= TARGET.marks;
    const correct = report.counts.created === marks && report.counts.rejected === 0 && verified.ok && verified.acts === marks && c.exitCode === 0 && (second?.unchanged ?? true);
    const met = kind === 'postgres' && full ? importSec < TARGET.seconds && correct : null;
    const line = `${marks.toLocaleString('en')} marks in ${importSec} s (${rate.toLocaleString('en')} marks/s, batches of ${batch}; ${cpuMsPerMark} CPU ms a mark, other processes ${round(cpu.otherCores, 2)} cores); verifyJournal ${verifySec} s ${verified.ok ? 'OK' : 'FAILED'}, `
      + `CLI journal verify ${c.seconds} s exit ${c.exitCode}${second ? `; again: ${second.counts.unchanged.toLocaleString('en')} unchanged in ${second.seconds} s` : ''}`;
    console.log(`\n${line}`);
    const out = record({
      name: 'import-register', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { marks, batch, writers: writers ?? (kind === 'postgres' ? 2 : 1), fileMB, postgres: adminUrl ? await serverInfo(adminUrl) : undefined },
      figures: {
        generate: { seconds: generateSec },
        import: { seconds: importSec, marksPerSec: rate, counts: report.counts, cpuMsPerMark, cpuBoundCeilingMarksPerSec: ceiling, cpu: { nodeCores: round(cpu.nodeCores, 2), postgresBackendCores: round(cpu.dbCores, 2), otherProcessesCores: round(cpu.otherCores, 2) } },
        rows, databaseSize: size,
        verifyJournal: { seconds: verifySec, ok: verified.ok, acts: verified.acts, problems: verified.problems.slice(0, 5) },
        cli: c,
        again: second,
      },
      target: { text: kind === 'postgres' ? `< ${TARGET.seconds} s for 1,000,000 marks, journal verified${full ? '' : ' (smaller run: not judged)'}` : 'none (reported)', met },
      line,
    });
    console.log(`recorded ${out}`);
    process.exitCode = correct ? 0 : 1;
  } finally {
    await office?.close().catch(() => {});
    if (flags.keep) console.log(`kept: ${pgdb?.url ?? tmp}`);
    else { await pgdb?.drop(); rmSync(tmp, { recursive: true, force: true }); }
  }
}

await main();
