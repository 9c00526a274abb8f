// Verifying the whole register: 100,000 cases x 10 acts (1,000,000 acts, hash-chained and sealed),
// written in bulk, then `verifyJournal(db)` in process and `registrum journal verify` end to end, then
// one act's payload altered with SQL to show that both report it (the CLI exits non-zero).
//   npm run bench -- journal-verify [--db postgres|pglite|both] [--cases 100000] [--pglite-cases 10000]
//     [--acts 10] [--chunk 1000] [--seed N] [--url postgres://...] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { procedureInForce } from '@registrum/procedures';
import { openDatabase, type Db } from '../packages/server/src/platform/db/db.ts';
import { migrate } from '../packages/server/src/platform/db/migrate.ts';
import { verifyJournal, type VerifyReport } from '../packages/server/src/procedure-engine/journal.ts';
import { databaseOfRun, num, oneOf, parseFlags, str } from './lib/args.ts';
import { snapshot, usage } from './lib/cpu.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { writeRegister } from './lib/register.ts';
import { machine, record, round } from './lib/results.ts';
import { benchSigningKey } from './lib/signing.ts';

const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const which = databaseOfRun(flags, argv, fileURLToPath(import.meta.url));

const kind = which as 'postgres' | 'pglite';
const FULL = { cases: 100_000, acts: 10, seconds: 30 };
const cases = num(flags, kind === 'postgres' ? 'cases' : 'pglite-cases', kind === 'postgres' ? FULL.cases : 10_000);
const actsPerCase = num(flags, 'acts', FULL.acts);
const chunk = num(flags, 'chunk', kind === 'postgres' ? 1000 : 500);
const repo = fileURLToPath(new URL('../', import.meta.url));
const t = () => performance.now();
const secs = (t0: number) => round((performance.now() - t0) / 1000, 2);

async function timedVerify(db: Db) {
  const pids = db.kind === 'postgres' ? (await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((r) => r.pid) : [];
  const s0 = snapshot(pids);
  // Where the time goes: verifyJournal reports its steps through onProgress.
  const marks: [string, number][] = [];
  const report = await verifyJournal(db, { onProgress: (step: unknown) => { if (typeof step === 'string') marks.push([step, performance.now()]); } });
  const u = usage(s0, snapshot(pids));
  const end = performance.now();
  const steps = Object.fromEntries(marks.map(([name, at], i) => [name, round(((marks[i + 1]?.[1] ?? end) - at) / 1000, 2)]));
  return { report, steps, seconds: round(u.seconds, 2), cpuSeconds: round(u.nodeCores * u.seconds, 1), cpu: { nodeCores: round(u.nodeCores, 2), postgresBackendCores: round(u.dbCores, 2), otherProcessesCores: round(u.otherCores, 2) } };
}

function cli(env: Record<string, string>) {
  const t0 = t();
  const r = spawnSync(process.execPath, [join(repo, 'packages/server/bin/registrum.mjs'), 'journal', 'verify'], {
    cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REGISTRUM_MODE: 'production', LOG_LEVEL: 'silent', ...env },
  });
  return { seconds: secs(t0), exitCode: r.status, stdout: r.stdout.trim().split('\n').slice(0, 8), stderr: r.stderr.trim().slice(0, 500) };
}

const brief = (r: VerifyReport) => ({ ok: r.ok, cases: r.cases, acts: r.acts, seals: r.seals, unsealedActs: r.unsealedActs, problems: r.problems.slice(0, 5) });

async function main() {
  const atStart = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-journal-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_journal') : null;
  const open = () => openDatabase({ databaseUrl: pgdb?.url ?? null, dataDir: tmp, poolSize: 4 });
  const cliEnv: Record<string, string> = { ...benchSigningKey(tmp), ...(pgdb ? { DATABASE_URL: pgdb.url, DATA_DIR: tmp } : { DATA_DIR: tmp }) };
  let db = await open();
  try {
    await migrate(db);
    const version = procedureInForce('model-law', 'trademark', '2026-01-05' as any)!.version;
    console.log(`journal-verify on ${kind}: ${cases.toLocaleString('en')} cases x ${actsPerCase} acts`);

    const t0 = t();
    let lastPct = -1;
    const written = await writeRegister(db, {
      cases, acts: actsPerCase, chunk, seed: num(flags, 'seed', 1), procedureVersion: version,
      onProgress: (c, a) => { const p = Math.floor((c / cases) * 10); if (p !== lastPct) { lastPct = p; process.stdout.write(`  written ${c.toLocaleString('en')} cases, ${a.toLocaleString('en')} acts (${secs(t0)} s)\n`); } },
    });
    const generateSec = secs(t0);
    const t1 = t();
    await db.query(kind === 'postgres' ? 'VACUUM (ANALYZE) acts, cases, journal_seals' : 'VACUUM ANALYZE');
    const vacuumSec = secs(t1);
    const size = kind === 'postgres'
      ? (await db.query<{ s: string }>("SELECT pg_size_pretty(pg_total_relation_size('acts')) AS s")).rows[0].s : null;
    console.log(`  generated ${written.acts.toLocaleString('en')} acts, ${written.seals} seals in ${generateSec} s (+ VACUUM ANALYZE ${vacuumSec} s)${size ? `; acts table ${size}` : ''}`);

    const fn = await timedVerify(db);
    console.log(`  verifyJournal(db): ${fn.report.ok ? 'OK' : 'FAILED'} ${fn.report.acts.toLocaleString('en')} acts in ${fn.seconds} s (${Math.round(fn.report.acts / fn.seconds).toLocaleString('en')} acts/s; node ${fn.cpu.nodeCores} cores, postgres backend ${fn.cpu.postgresBackendCores} + parallel workers not counted)`);
    if (Object.keys(fn.steps).length) console.log(`    steps (s): ${JSON.stringify(fn.steps)}`);
    if (!fn.report.ok || fn.report.acts !== written.acts) console.log('  problems:', fn.report.problems.slice(0, 5));
    await db.close();

    const c1 = cli(cliEnv);
    console.log(`  registrum journal verify: exit ${c1.exitCode} in ${c1.seconds} s: ${c1.stdout[0] ?? c1.stderr}`);

    // Tampering: one act in the middle of the journal gets a changed payload.
    db = await open();
    const victim = (await db.query<{ id: number; case_id: string; seq: number }>('SELECT id, case_id, seq FROM acts WHERE id = $1', [Math.ceil(written.acts / 2) + 3])).rows[0];
    await db.query(`UPDATE acts SET payload = jsonb_set(payload, '{tampered}', '"a quiet edit"') WHERE id = $1`, [victim.id]);
    const tampered = await timedVerify(db);
    const found = tampered.report.problems.some((p) => p.actId === victim.id && p.kind === 'act-altered');
    console.log(`  after altering act ${victim.id}: verifyJournal ${tampered.report.ok ? 'OK (NOT DETECTED!)' : 'reports'} ${tampered.report.problems.map((p) => `${p.kind} ${p.caseNumber} act ${p.seq}`).join('; ')} in ${tampered.seconds} s`);
    await db.close();
    const c2 = cli(cliEnv);
    console.log(`  registrum journal verify after tampering: exit ${c2.exitCode} in ${c2.seconds} s:\n    ${c2.stdout.join('\n    ')}`);

    const full = cases >= FULL.cases && actsPerCase >= FULL.acts;
    const slowest = Math.max(fn.seconds, c1.seconds);
    const correct = fn.report.ok && fn.report.acts === written.acts && c1.exitCode === 0 && found && c2.exitCode === 1;
    const met = kind === 'postgres' && full ? slowest < FULL.seconds && correct : null;
    const line = `${written.acts.toLocaleString('en')} acts (${cases.toLocaleString('en')} cases): verifyJournal ${fn.seconds} s (${Math.round(written.acts / fn.seconds).toLocaleString('en')} acts/s; ${fn.cpuSeconds} s of node CPU), `
      + `CLI ${c1.seconds} s exit ${c1.exitCode}; tamper detected: fn ${found ? 'yes' : 'NO'}, CLI exit ${c2.exitCode}; generated in ${generateSec} s`;
    console.log(`\n${line}`);
    const file = record({
      name: 'journal-verify', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { cases, actsPerCase, chunk, postgres: adminUrl ? await serverInfo(adminUrl) : undefined },
      figures: {
        acts: written.acts, cases, seals: written.seals, actsTable: size,
        generate: { seconds: generateSec, actsPerSec: Math.round(written.acts / generateSec), vacuumAnalyzeSec: vacuumSec },
        verifyJournal: { seconds: fn.seconds, steps: fn.steps, nodeCpuSeconds: fn.cpuSeconds, actsPerSec: Math.round(written.acts / fn.seconds), cpu: fn.cpu, report: brief(fn.report) },
        cli: c1,
        tamper: { actId: victim.id, caseId: victim.case_id, seq: victim.seq, detectedByFunction: found, functionSeconds: tampered.seconds, report: brief(tampered.report), cli: c2 },
      },
      target: { text: kind === 'postgres' ? `< ${FULL.seconds} s for 1,000,000 acts${full ? '' : ' (smaller run: not judged)'}` : 'none (reported)', met },
      line,
    });
    console.log(`recorded ${file}`);
    process.exitCode = correct ? 0 : 1;
  } finally {
    await db.close().catch(() => {});
    if (flags.keep) console.log(`kept: ${pgdb?.url ?? tmp}`);
    else { await pgdb?.drop(); rmSync(tmp, { recursive: true, force: true }); }
  }
}

await main();
