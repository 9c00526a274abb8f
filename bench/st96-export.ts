// ST.96 V6_0 export of the register: --records trademark cases that went through a realistic procedure
// (filing with 1-3 Nice classes and their terms, a deficiency and its remedy, classification, acceptance,
// publication, registration, renewal: 7 legal-status events), each with its applicant and often a
// representative, exported a batch at a time as one TrademarkApplication bag per batch and every bag
// validated against the official schema. Reported: records per second, validation included.
//   npm run bench -- st96-export [--db postgres|pglite|both] [--records 20000] [--batch 10000] [--validators 2]
//     [--seed N] [--url postgres://...] [--keep] [--wait-idle 300]   first wait up to 300 s for the machine's other processes to go quiet
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { procedureInForce } from '@registrum/procedures';
import { loadExportCases, st96Bag, St96Validator, type ExportCase } from '../packages/server/src/modules/exchange/index.ts';
import { openDatabase, type Db } from '../packages/server/src/platform/db/db.ts';
import { migrate } from '../packages/server/src/platform/db/migrate.ts';
import { databaseOfRun, num, parseFlags, str } from './lib/args.ts';
import { snapshot, usage, waitForIdle } from './lib/cpu.ts';
import { rng, trademarkFiling } from './lib/payloads.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { writeRegister } from './lib/register.ts';
import { machine, record, round } from './lib/results.ts';

const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const which = databaseOfRun(flags, argv, fileURLToPath(import.meta.url));

const kind = which as 'postgres' | 'pglite';
const TARGET = { recordsPerSec: 2000 };
const records = num(flags, 'records', 20_000);
const batch = Math.max(1, num(flags, 'batch', 10_000));
const seed = num(flags, 'seed', 7);
const validators = Math.max(1, Math.floor(num(flags, 'validators', 2)));
const t = () => performance.now();
const secs = (t0: number) => round((performance.now() - t0) / 1000, 2);

/** Applicants (and for 40 % a representative) of the generated cases, written in bulk. */
async function addParties(db: Db, ids: string[]): Promise<number> {
  const r = rng(seed + 1);
  let count = 0;
  for (let i = 0; i < ids.length; i += 5000) {
    const parties: { id: string; kind: string; name: string; address: string | null; country: string | null; nationality: string | null; email: string | null }[] = [];
    const links: { caseId: string; partyId: string; role: string }[] = [];
    for (const caseId of ids.slice(i, i + 5000)) {
      const f = trademarkFiling(r).payload;
      const add = (p: any, role: string) => {
        const id = randomUUID();
        parties.push({ id, kind: p.kind ?? 'legal', name: p.name, address: p.address ?? null, country: p.country ?? null, nationality: p.nationality ?? null, email: p.email ?? null });
        links.push({ caseId, partyId: id, role });
      };
      add(f.applicant, 'applicant');
      if (f.representative) add({ ...f.representative, address: `${r.int(1, 90)} Chancery Lane` }, 'representative');
    }
    const col = <T>(f: (p: (typeof parties)[number]) => T) => parties.map(f);
    await db.query(
      `INSERT INTO parties (id, kind, name, address, country, nationality, email)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [col((p) => p.id), col((p) => p.kind), col((p) => p.name), col((p) => p.address), col((p) => p.country), col((p) => p.nationality), col((p) => p.email)]);
    await db.query('INSERT INTO case_parties (case_id, party_id, role) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[])',
      [links.map((l) => l.caseId), links.map((l) => l.partyId), links.map((l) => l.role)]);
    count += parties.length;
  }
  return count;
}

async function main() {
  const atStart = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-st96-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_st96') : null;
  const db = await openDatabase({ databaseUrl: pgdb?.url ?? null, dataDir: tmp, poolSize: 4 });
  const validator = new St96Validator({ processes: validators });
  try {
    await migrate(db);
    console.log(`st96-export on ${kind}: ${records.toLocaleString('en')} trademark records, batches of ${batch.toLocaleString('en')}`);

    // The register: cases with their journal (written in bulk), then their parties.
    const t0 = t();
    const version = procedureInForce('model-law', 'trademark', '2026-01-05' as any)!.version;
    await writeRegister(db, { cases: records, acts: 10, chunk: kind === 'postgres' ? 1000 : 500, seed, procedureVersion: version });
    const ids = (await db.query<{ id: string }>('SELECT id FROM cases ORDER BY number')).rows.map((x) => x.id);
    const parties = await addParties(db, ids);
    await db.query(kind === 'postgres' ? 'VACUUM (ANALYZE) cases, acts, parties, case_parties' : 'VACUUM ANALYZE');
    const generateSec = secs(t0);
    console.log(`  generated ${ids.length.toLocaleString('en')} cases with ${parties.toLocaleString('en')} parties in ${generateSec} s`);

    const waitIdle = num(flags, 'wait-idle', 0);
    if (waitIdle > 0) {
      const w = await waitForIdle(waitIdle);
      console.log(`  waited ${w.waitedSec} s for the machine to go quiet (${w.idle ? 'it did' : 'it did not'})`);
    }

    // The export: a batch is loaded (3 statements), written as one bag and validated in one call. The
    // validation runs in a process of its own (St96Validator) while the next batch is loaded and written.
    const pids = db.kind === 'postgres' ? (await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((r) => r.pid) : [];
    const s0 = snapshot(pids);
    const tExport = t();
    let loadMs = 0; let buildMs = 0; let bytes = 0; let exported = 0; let events = 0;
    const validations: Promise<{ valid: boolean; errors: string[]; ms: number; records: number }>[] = [];
    for (let i = 0; i < ids.length; i += batch) {
      const a = t();
      const cases: ExportCase[] = await loadExportCases(db, ids.slice(i, i + batch), { publicOnly: true });
      const b = t();
      const [doc] = st96Bag(cases);
      buildMs += t() - b; loadMs += b - a;
      bytes += doc.xml.length; exported += cases.length;
      for (const c of cases) events += c.events.length;
      // At most one bag per validation process waits: the next batches are loaded and written meanwhile.
      if (validations.length >= 2 * validators) await validations[validations.length - 2 * validators];
      validations.push(validator.validate(doc.xml).then((v) => ({ ...v, ms: v.seconds * 1000, records: cases.length })));
    }
    const results = await Promise.all(validations);
    const exportSec = (t() - tExport) / 1000;
    const u = usage(s0, snapshot(pids));
    // The validation processes started during the export: all the CPU they have used (their start included).
    const validatorCpuSec = [...snapshot(validator.processIds()).pids.values()].reduce((a, b) => a + b, 0) / 1000;
    const cpuSec = (u.nodeCores + u.dbCores) * u.seconds + validatorCpuSec;
    const cpuMsPerRecord = (cpuSec * 1000) / records;
    const cores = availableParallelism();
    const ceiling = Math.round((cores * 1000) / cpuMsPerRecord);
    const invalid = results.filter((v) => !v.valid);
    const validateMs = results.reduce((s, v) => s + v.ms, 0);
    const perSec = Math.round(exported / exportSec);

    // The cost of one schema compilation, for reading the figures: a bag of one record.
    const one = await validator.validate(st96Bag(await loadExportCases(db, ids.slice(0, 1), { publicOnly: true }))[0].xml);
    const compileMs = Math.round(one.seconds * 1000);

    console.log(`  exported ${exported.toLocaleString('en')} records (${events.toLocaleString('en')} events, ${round(bytes / 1e6, 1)} MB of XML) in ${round(exportSec, 2)} s: ${perSec.toLocaleString('en')} records/s, validation included`);
    console.log(`    load ${round(loadMs / 1000, 2)} s, write XML ${round(buildMs / 1000, 2)} s (main thread); validate ${round(validateMs / 1000, 2)} s for ${results.length} bags (${validators} validation process${validators > 1 ? 'es' : ''}, overlapping); one schema compilation ${compileMs} ms`);
    console.log(`    CPU: ${round(cpuMsPerRecord, 3)} ms per record (this process ${round(u.nodeCores * u.seconds, 1)} s, validation processes ${round(validatorCpuSec, 1)} s, postgres backends ${round(u.dbCores * u.seconds, 1)} s): CPU-bound ceiling on ${cores} cores ${ceiling.toLocaleString('en')} records/s; other processes used ${round(Math.max(0, u.otherCores - validatorCpuSec / u.seconds), 2)} cores meanwhile`);
    if (invalid.length) console.log(`  INVALID bags: ${invalid.length}: ${invalid[0].errors.slice(0, 3).join('; ')}`);

    const correct = invalid.length === 0 && exported === records && one.valid;
    const met = correct && perSec >= TARGET.recordsPerSec;
    const line = `${exported.toLocaleString('en')} trademark records (${events.toLocaleString('en')} events) exported in ${round(exportSec, 2)} s: ${perSec.toLocaleString('en')} records/s with validation `
      + `(${results.length} bags of ${batch.toLocaleString('en')}, all ${invalid.length ? '**NOT** ' : ''}valid; load ${round(loadMs / 1000, 2)} s, XML ${round(buildMs / 1000, 2)} s, validation ${round(validateMs / 1000, 2)} s in ${validators} process${validators > 1 ? 'es' : ''}, schema compile ${compileMs} ms); ${round(bytes / exported)} bytes/record; `
      + `${round(cpuMsPerRecord, 3)} CPU ms/record, CPU-bound ceiling ${ceiling.toLocaleString('en')} records/s; other processes ${round(Math.max(0, u.otherCores - validatorCpuSec / u.seconds), 2)} cores`;
    console.log(`\n${line}`);
    const file = record({
      name: 'st96-export', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { records, batch, validators, seed, publicOnly: true, postgres: adminUrl ? await serverInfo(adminUrl) : undefined },
      figures: {
        records: exported, events, parties, bags: results.length, bytes, bytesPerRecord: round(bytes / exported), generateSec,
        exportSec: round(exportSec, 2), recordsPerSec: perSec,
        mainThread: { loadSec: round(loadMs / 1000, 2), writeXmlSec: round(buildMs / 1000, 2) },
        validation: { totalSec: round(validateMs / 1000, 2), perBagMs: results.map((v) => Math.round(v.ms)), schemaCompileMs: compileMs, allValid: invalid.length === 0 },
        cpu: {
          msPerRecord: round(cpuMsPerRecord, 3), ceilingRecordsPerSec: ceiling, thisProcessSec: round(u.nodeCores * u.seconds, 2),
          validationProcessesSec: round(validatorCpuSec, 2), postgresBackendsSec: round(u.dbCores * u.seconds, 2),
          otherProcessesCores: round(Math.max(0, u.otherCores - validatorCpuSec / u.seconds), 2),
        },
      },
      target: { text: `>= ${TARGET.recordsPerSec.toLocaleString('en')} records/s, validation included, every bag valid`, met },
      line,
    });
    console.log(`recorded ${file}`);
    process.exitCode = correct ? 0 : 1;
  } finally {
    await validator.close();
    await db.close().catch(() => {});
    if (flags.keep) console.log(`kept: ${pgdb?.url ?? tmp}`);
    else { await pgdb?.drop(); rmSync(tmp, { recursive: true, force: true }); }
  }
}

await main();
