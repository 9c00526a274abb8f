// The `registrum` command: serve, worker, journal verify, clock, sweep, users, import, backup, restore.
import { findFramework, parseLegalDate } from '@registrum/procedures';
import { produceDump } from '../modules/opendata/index.ts';
import { verifyJournal } from '../procedure-engine/journal.ts';
import { CONFIG_DOC, ConfigError, loadConfig } from './config.ts';
import { seedDemo } from './demo.ts';
import { buildHttp } from './http.ts';
import { openOffice } from './office.ts';
import { startWorker, workOnce } from './worker.ts';
import { DatabaseLockedError, openDatabase } from '../platform/db/db.ts';
import { DomainError } from '../kernel/errors.ts';
import { IMPORT_HELP, importCommand } from '../modules/imports/index.ts';
import { BACKUP_HELP, backupCommand, restoreCommand } from '../modules/backup/index.ts';
import { recordCommand } from '../modules/audit/index.ts';

const HELP = `registrum: run an intellectual-property office

Usage:
  registrum serve                 start the office (HTTP API, docs, and the background worker)
  registrum worker                run only the background worker (jobs, expiry sweeps, journal seals)
  registrum journal verify        verify every hash chain of the register; exits 1 on tampering
  registrum journal seal          seal the acts recorded since the last seal
  registrum clock show|set DATE   show or set the office date (demo mode; forward only)
  registrum sweep                 run the time-limit expiry sweep and pending jobs once
  registrum users add USER ROLE PASSWORD [DISPLAY NAME]
  registrum opendata dump         make a dump of the public register now (ST.96 zip, JSON Lines, manifest)
${IMPORT_HELP}
${BACKUP_HELP}

Configuration (environment variables):
${Object.entries(CONFIG_DOC).map(([k, v]) => `  ${k.padEnd(22)} ${v}`).join('\n')}
`;

export async function runCli(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') { process.stdout.write(HELP); return 0; }
  let config;
  try { config = loadConfig(); } catch (e) {
    if (e instanceof ConfigError) { process.stderr.write(`${e.message}\n\nSee 'registrum help' for the settings.\n`); return 2; }
    throw e;
  }
  const io = { out: (line: string) => console.log(line), err: (line: string) => process.stderr.write(`${line}\n`), progress: (t: string | null) => { if (process.stderr.isTTY) process.stderr.write(t === null ? '\n' : `\r${t}          `); } };
  // A restore needs the database before any migration: the office is opened on it once loaded.
  if (cmd === 'restore') {
    try {
      return await restoreCommand({
        framework: config.framework,
        openDatabase: () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, connectTimeoutMs: config.databaseConnectTimeoutMs }),
        openOffice: (db) => openOffice(config, { db }),
      }, [sub, ...rest].filter((x) => x !== undefined), io);
    } catch (e) {
      if (e instanceof DatabaseLockedError) { process.stderr.write(`${e.message}\n`); return 3; }
      throw e;
    }
  }
  let office;
  try { office = await openOffice(config); } catch (e) {
    if (e instanceof DatabaseLockedError) { process.stderr.write(`${e.message}\n`); return 3; }
    if (e instanceof ConfigError) { process.stderr.write(`${e.message}\n\nSee 'registrum help' for the settings.\n`); return 2; }
    process.stderr.write(`Cannot open the database: ${(e as Error).message}\n`);
    return 3;
  }
  try {
    // A command that changes the office or reads all of it is recorded in the audit trail first.
    await recordCommand({ db: office.db, clock: office.clock }, argv);
    switch (cmd) {
      case 'serve': return await serve(office);
      case 'worker': {
        const w = startWorker(office.worker, config.workerIntervalMs);
        await waitForSignal();
        await w.stop();
        return 0;
      }
      case 'journal': {
        if (sub === 'seal') { const r = await workOnce(office.worker); console.log(`sealed ${r.sealed} acts`); return 0; }
        if (sub !== 'verify') break;
        const r = await verifyJournal(office.db, { onProgress: (step) => { if (process.stderr.isTTY) process.stderr.write(`\rchecking ${step}...          `); } });
        if (process.stderr.isTTY) process.stderr.write('\n');
        console.log(`${r.ok ? 'OK' : 'TAMPERING DETECTED'}: ${r.cases} cases, ${r.acts} acts, ${r.seals} seals (${r.unsealedActs} acts not yet sealed) in ${r.seconds.toFixed(1)} s`);
        console.log(`  audit trail: ${r.audit.events} events (${r.audit.unchained} not yet chained)${r.audit.headSeq ? `, head ${r.audit.headSeq} ${r.audit.headHash}` : ''}`);
        for (const p of r.problems) console.log(`  ${p.kind}: ${p.caseNumber ?? p.caseId ?? (p.outageSeq ? `declared outage ${p.outageSeq}` : p.eventSeq ? `audit event ${p.eventSeq}` : `seal ${p.sealId}`)}${p.seq ? ` act ${p.seq}` : ''}${p.actId ? ` (id ${p.actId})` : ''}: ${p.message}`);
        return r.ok ? 0 : 1;
      }
      case 'clock': {
        if (sub === 'set') {
          const d = await office.db.tx((q) => office.clock.setDate(q, parseLegalDate(rest[0] ?? '')));
          console.log(`office date: ${d}`);
          return 0;
        }
        console.log(`office date: ${office.clock.today()} (offset ${office.clock.offset} days${office.clock.isSettable ? ', settable' : ''})`);
        return 0;
      }
      case 'sweep': {
        const r = await workOnce(office.worker);
        console.log(`expired: ${r.sweep.expired}, jobs run: ${r.jobs}, acts sealed: ${r.sealed}`);
        for (const a of r.sweep.acted) console.log(`  ${a.number}: ${a.act}`);
        return 0;
      }
      case 'import': return await importCommand(
        { db: office.db, engine: office.engine, clock: office.clock, storage: office.storage, framework: office.config.framework },
        [sub, ...rest].filter((x) => x !== undefined),
        { out: (line) => console.log(line), progress: (t) => { if (process.stderr.isTTY) process.stderr.write(t === null ? '\n' : `\r${t}          `); } },
      );
      case 'backup': return await backupCommand({ db: office.db, storage: office.storage, framework: config.framework }, [sub, ...rest].filter((x) => x !== undefined), io);
      case 'opendata': {
        if (sub !== 'dump') break;
        const framework = findFramework(config.framework)!;
        const d = await office.db.tx((q) => produceDump({ storage: office.storage, clock: office.clock, office: { code: framework.office.code }, chunk: config.openDataChunk }, q));
        console.log(`register dump of ${d.case_count} public cases (seal ${d.seal_id ?? 'none'}):`);
        for (const f of d.files) console.log(`  ${f.name}  ${f.size} bytes  sha256 ${f.sha256}`);
        return 0;
      }
      case 'users': {
        if (sub !== 'add' || rest.length < 3) break;
        const [username, role, password, ...name] = rest;
        const id = await office.db.tx((q) => office.access.createUser(q, { username, role: role as any, password, displayName: name.join(' ') || username }));
        console.log(`created user ${username} (${role}) ${id}`);
        return 0;
      }
    }
    process.stderr.write(`Unknown command: ${argv.join(' ')}\n\n${HELP}`);
    return 2;
  } catch (e) {
    if (e instanceof DomainError) { process.stderr.write(`${e.code}: ${e.message}\n`); return 1; }
    throw e;
  } finally {
    if (cmd !== 'serve') await office.close();
  }
}

async function serve(office: Awaited<ReturnType<typeof openOffice>>): Promise<number> {
  const { config } = office;
  if (config.seedDemo && await seedDemo(office)) console.log('Loaded the demo office (users and cases).');
  const app = await buildHttp(office);
  office.worker.log = app.log;
  const worker = startWorker(office.worker, config.workerIntervalMs);
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(`Registrum is serving the ${config.framework} office at ${address} (database: ${office.db.kind}, office date ${office.clock.today()})`);
  console.log(`  API docs: ${address}/docs   health: ${address}/health`);
  if (config.mode === 'demo') console.log("  Demo users: admin, formalities, examiner, registrar, agent, applicant, opponent; password 'registrum-demo'");
  await waitForSignal();
  await app.close();
  await worker.stop();
  await office.close();
  return 0;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
