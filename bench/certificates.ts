// Registration certificates, issued by the office's own code (issueDocument: template in force, fields,
// fonts per script, mark image, goods and services, PAdES signature with the office's key, stored
// content-addressed and filed in the case with its verification code) for registered trademarks this
// benchmark writes in bulk (bench/lib/register.ts); a third carry a mark image, some marks are in Arabic,
// Chinese or Cyrillic script. Timed: issuing the certificates, `--lanes` at a time, each in its own
// transaction. One certificate is checked with poppler's pdfsig.
//   npm run bench -- certificates [--db postgres|pglite|both] [--documents 2000] [--lanes 2] [--seed 11] [--url postgres://...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { openOffice } from '../packages/server/src/app/office.ts';
import { solidPng } from '../packages/server/src/app/demo-files.ts';
import { issueDocument } from '../packages/server/src/modules/documents/index.ts';
import { openDatabase } from '../packages/server/src/platform/db/db.ts';
import { databaseOfRun, num, parseFlags, str } from './lib/args.ts';
import { snapshot, usage } from './lib/cpu.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { writeRegister } from './lib/register.ts';
import { benchSigningKey } from './lib/signing.ts';
import { machine, percentile, record, round } from './lib/results.ts';

const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const kind = databaseOfRun(flags, argv, fileURLToPath(import.meta.url));

const TARGET = { perSecond: 20 };
const documents = num(flags, 'documents', 2000);
const lanes = num(flags, 'lanes', 2);
const seed = num(flags, 'seed', 11);
const SCRIPTED = ['نجمة الصباح', '晨星咖啡', 'Северный кофе', 'Καφές Αυγής'];

async function main() {
  const atStart = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-certificates-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_certificates') : null;
  const config = loadConfig({
    REGISTRUM_MODE: 'production', LOG_LEVEL: 'silent', DATA_DIR: tmp, DATABASE_URL: pgdb?.url ?? '', DB_POOL_SIZE: '8', REGISTRUM_SEED_DEMO: 'false',
    PUBLIC_URL: 'https://register.example.org', OCR: 'off', ...benchSigningKey(tmp),
  });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  const office = await openOffice(config, { db, log: { error: (o, m) => console.error(m, o), info: () => {} } });
  try {
    let t = performance.now();
    await writeRegister(db, { cases: documents, acts: 9, chunk: 500, seed, procedureVersion: '2026.1' });
    // Mark images on a third of the marks, other scripts on some: what a certificate must draw and set.
    const images = await Promise.all(([[20, 90, 160], [160, 40, 40], [30, 120, 60]] as [number, number, number][]).map(async (rgb) => {
      const png = solidPng(240, 120, rgb);
      return { sha256: (await office.storage.put(png)).sha256, mediaType: 'image/png', size: png.length };
    }));
    const cases = (await db.query<{ id: string; act_id: string }>(
      `SELECT c.id, a.id AS act_id FROM cases c JOIN acts a ON a.case_id = c.id AND a.type = 'register' ORDER BY c.number`)).rows;
    for (let i = 0; i < cases.length; i += 3) {
      await db.query(`UPDATE cases SET data = jsonb_set(data, '{mark}', $2::jsonb) WHERE id = $1`,
        [cases[i].id, JSON.stringify({ kind: 'Combined', text: i % 9 === 0 ? SCRIPTED[(i / 9) % SCRIPTED.length] : 'AURORA', image: images[i % images.length] })]);
    }
    console.log(`${kind}: ${cases.length} registered marks written in ${round((performance.now() - t) / 1000, 1)} s`);

    const times: number[] = [];
    let bytes = 0; let pages = 0;
    const cpu0 = snapshot();
    t = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: lanes }, async () => {
      for (let i = next++; i < cases.length; i = next++) {
        const t0 = performance.now();
        const issued = await db.tx((q) => issueDocument(office.documents, q, { kind: 'registration-certificate', caseId: cases[i].id, actId: Number(cases[i].act_id) }));
        times.push(performance.now() - t0);
        if (issued) { bytes += issued.size; pages += issued.pages; }
        if ((i + 1) % 500 === 0) process.stderr.write(`\r  ${i + 1} certificates`);
      }
    }));
    process.stderr.write('\n');
    const seconds = (performance.now() - t) / 1000;
    const cpu = usage(cpu0, snapshot());
    const issuedCount = Number((await db.query<{ n: string }>("SELECT count(*) AS n FROM documents WHERE kind = 'registration-certificate' AND signed AND verification_code IS NOT NULL")).rows[0].n);

    // One of them, checked by an independent verifier.
    const sample = (await db.query<{ sha256: string }>("SELECT sha256 FROM documents WHERE kind = 'registration-certificate' ORDER BY created_at LIMIT 1")).rows[0];
    let pdfsig = 'not installed';
    if (spawnSync('pdfsig', ['-v']).error === undefined) {
      const file = join(tmp, 'sample.pdf');
      writeFileSync(file, (await office.storage.get(sample.sha256))!);
      const out = spawnSync('pdfsig', [file], { encoding: 'utf8' });
      pdfsig = /Signature is Valid/.test(`${out.stdout}`) ? 'valid' : `NOT VALID: ${out.stdout}${out.stderr}`;
    }

    times.sort((a, b) => a - b);
    const perSecond = round(issuedCount / seconds, 1);
    const figures = {
      documents: issuedCount, seconds: round(seconds, 2), perSecond,
      msMedian: round(percentile(times, 50), 1), msP95: round(percentile(times, 95), 1),
      averageKiB: round(bytes / issuedCount / 1024, 1), averagePages: round(pages / issuedCount, 2),
      withImage: Math.ceil(cases.length / 3), pdfsig, cpu,
    };
    console.log(`  ${issuedCount} certificates in ${figures.seconds} s: ${perSecond}/s (median ${figures.msMedian} ms, p95 ${figures.msP95} ms), ${figures.averageKiB} KiB each; pdfsig: ${pdfsig}`);
    const met = perSecond >= TARGET.perSecond && issuedCount === cases.length && pdfsig === 'valid';
    const file = record({
      name: 'certificates', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { documents, lanes, seed, ...(adminUrl ? { postgres: await serverInfo(adminUrl) } : {}) },
      figures,
      target: { text: `certificate generation + signature >= ${TARGET.perSecond} documents/s`, met },
      line: `${issuedCount} registration certificates (a third with the mark image) rendered, signed, stored and filed: ${perSecond}/s, median ${figures.msMedian} ms, p95 ${figures.msP95} ms; pdfsig ${pdfsig}`,
    });
    console.log(`  ${met ? 'target met' : 'TARGET NOT MET'}; recorded in ${file}`);
    process.exitCode = met ? 0 : 1;
  } finally {
    await office.close();
    await pgdb?.drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
