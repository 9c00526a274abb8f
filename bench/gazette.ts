// A gazette issue of 10,000 entries: the office's own code (compileIssue, publishIssue) on a register this
// benchmark writes through the procedure engine: trademark applications accepted and awaiting publication
// (marks in Latin, Arabic, Chinese, Cyrillic and Greek script), utility models registered and awaiting the
// publication of their registration, and designs awaiting registration. Timed: the compilation, the
// publication acts (a transaction per case), and the formats: the public export of the cases, the ST.96
// XML (one bag per right, validated), the PDF, the JSON, the zip and storing them.
//   npm run bench -- gazette [--db postgres|pglite|both] [--entries 10000] [--lanes 8] [--seed 7] [--url postgres://...]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { openOffice } from '../packages/server/src/app/office.ts';
import { solidPng, tinyPdf } from '../packages/server/src/app/demo-files.ts';
import { actorOf } from '../packages/server/src/modules/access/index.ts';
import { compileIssue, gazetteDeps, publishIssue, readIssue } from '../packages/server/src/modules/gazette/index.ts';
import { openDatabase } from '../packages/server/src/platform/db/db.ts';
import type { Actor } from '../packages/server/src/kernel/actor.ts';
import { databaseOfRun, num, parseFlags, str } from './lib/args.ts';
import { snapshot, usage } from './lib/cpu.ts';
import { rng, trademarkFiling } from './lib/payloads.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { machine, record, round } from './lib/results.ts';

const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const kind = databaseOfRun(flags, argv, fileURLToPath(import.meta.url));

const TARGET = { entries: 10_000, formatsSeconds: 60 };
const entries = num(flags, 'entries', TARGET.entries);
const lanes = kind === 'pglite' ? 1 : num(flags, 'lanes', 8);
const seed = num(flags, 'seed', 7);
const secs = (t0: number) => round((performance.now() - t0) / 1000, 2);

/** Marks in several scripts: what a PDF of the gazette must set in the right font and order. */
const SCRIPTED = ['قهوة الصباح', 'نجمة الشمال', '咖啡之光', '北方之星', 'Северный кофе', 'Καφές Αυγής', 'שחר קפה'];

async function main() {
  const atStart = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-gazette-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_gazette') : null;
  const config = loadConfig({ REGISTRUM_MODE: 'demo', LOG_LEVEL: 'silent', DATA_DIR: tmp, DATABASE_URL: pgdb?.url ?? '', DB_POOL_SIZE: '20', REGISTRUM_SEED_DEMO: 'false' });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  const office = await openOffice(config, { db, log: { error: (o, m) => console.error(m, o), info: () => {} } });
  try {
    const users = await db.tx(async (q) => ({
      agent: await office.access.createUser(q, { username: 'agent', displayName: 'Bench IP LLP', role: 'agent', password: 'bench-password-1', partyId: null }),
      formalities: await office.access.createUser(q, { username: 'formalities', displayName: 'Formalities', role: 'formalities', password: 'bench-password-1' }),
      examiner: await office.access.createUser(q, { username: 'examiner', displayName: 'Examiner', role: 'examiner', password: 'bench-password-1' }),
      registrar: await office.access.createUser(q, { username: 'registrar', displayName: 'Registrar', role: 'registrar', password: 'bench-password-1' }),
    }));
    const all = await office.access.listUsers();
    const actor = (id: string) => actorOf(all.find((u) => u.id === id)!) as Actor & { kind: 'user' };
    const [agent, formalities, examiner, registrar] = [actor(users.agent), actor(users.formalities), actor(users.examiner), actor(users.registrar)];

    // The register: each case filed and taken to where the gazette publishes it, in one transaction.
    const r = rng(seed);
    const view = (await office.storage.put(solidPng(64, 48, [90, 60, 40]))).sha256;
    const description = (await office.storage.put(tinyPdf(['Description', 'A device described for the benchmark.']))).sha256;
    const payment = { amount: 5_000_00, currency: 'EUR', method: 'bank-transfer', reference: 'BENCH' };
    const plan = Array.from({ length: entries }, (_, i) => (i % 20 === 19 ? 'design' : i % 10 === 9 ? 'utility-model' : 'trademark'));
    const make = async (right: string, i: number) => db.tx(async (q) => {
      const perform = (by: Actor, caseId: string, act: string) => office.engine.perform(q, { caseId, act, payload: {}, actor: by });
      if (right === 'trademark') {
        const f = trademarkFiling(r, new Date(`${office.clock.today()}T12:00:00Z`)).payload;
        const text = i % 7 === 3 ? SCRIPTED[r.int(0, SCRIPTED.length - 1)] : f.mark.text;
        const c = await office.engine.file(q, { framework: 'model-law', right, payload: { ...f, mark: { kind: 'Word', text } }, actor: agent, payment });
        await perform(formalities, c.caseId, 'accept-formalities');
        await perform(examiner, c.caseId, 'approve-classification');
        await perform(examiner, c.caseId, 'accept');
      } else if (right === 'utility-model') {
        const c = await office.engine.file(q, {
          framework: 'model-law', right, actor: agent, payment,
          payload: { applicants: [{ kind: 'legal', name: `Bench Devices ${i} Ltd`, country: 'XX' }], inventors: [{ kind: 'natural', name: 'Ada Brewer', country: 'XX' }],
            title: `Frothing whisk, variant ${i}`, abstract: 'A whisk driven through the jug wall by a magnet.', description: { sha256: description }, claims: ['1. A whisk driven by a magnet.'] },
        });
        await perform(registrar, c.caseId, 'register');
      } else {
        const c = await office.engine.file(q, {
          framework: 'model-law', right, actor: agent, payment,
          payload: { applicants: [{ kind: 'legal', name: `Bench Ceramics ${i} SA`, country: 'XX' }], designers: [{ kind: 'natural', name: 'Lea Marin', country: 'XX' }],
            designs: [{ products: ['Coffee cups'], locarno: { class: '07', subclass: '01' }, views: [{ sha256: view, title: 'front view' }] }] },
        });
        await perform(formalities, c.caseId, 'accept-formalities');
        await perform(examiner, c.caseId, 'accept');
      }
    });
    let t = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: lanes }, async () => {
      for (let i = next++; i < plan.length; i = next++) {
        await make(plan[i], i);
        if ((i + 1) % 1000 === 0) process.stderr.write(`\r  ${i + 1} cases written`);
      }
    }));
    process.stderr.write('\n');
    const writeSeconds = secs(t);
    console.log(`${kind}: ${entries} cases written through the engine in ${writeSeconds} s (${lanes} at a time)`);

    const deps = gazetteDeps(office);
    const cpu0 = snapshot();
    t = performance.now();
    const id = await compileIssue(deps, registrar.id, {});
    const compileSeconds = secs(t);
    const draft = await readIssue(deps, true, id);
    const pending = draft.sections.reduce((n: number, s: any) => n + s.entries.length, 0);
    console.log(`  compiled: ${pending} entries in ${compileSeconds} s (blocked: ${draft.blocked?.length ?? 0})`);
    await db.tx((q) => office.clock.setDate(q, draft.date));

    t = performance.now();
    const res = await publishIssue(deps, registrar, id);
    const publishSeconds = secs(t);
    const cpu = usage(cpu0, snapshot());
    const tm = res.timings;
    const formatsMs = tm.export + tm.validate + tm.pdf + tm.json + tm.store;
    const issue = await readIssue(deps, false, res.number);
    const size = (suffix: string) => issue.files.filter((f) => f.name.endsWith(suffix)).reduce((n, f) => n + f.size, 0);
    const figures = {
      entries: issue.entryCount, leftOut: res.leftOut.length, writeSeconds, compileSeconds, publishSeconds,
      actsSeconds: round(tm.acts / 1000, 2), sealSeconds: round(tm.seal / 1000, 2), formatsSeconds: round(formatsMs / 1000, 2),
      exportSeconds: round(tm.export / 1000, 2), validateSeconds: round(tm.validate / 1000, 2), pdfSeconds: round(tm.pdf / 1000, 2),
      jsonSeconds: round(tm.json / 1000, 2), storeSeconds: round(tm.store / 1000, 2), freezeSeconds: round(tm.freeze / 1000, 2),
      pdfBytes: size('.pdf'), xmlBytes: size('.xml'), jsonBytes: size('.json') - size('manifest.json'), zipBytes: size('.zip'),
      machineCores: round(cpu.machineCores, 2), nodeCores: round(cpu.nodeCores, 2),
    };
    console.log(`  published issue ${res.number}: ${figures.entries} entries (${figures.leftOut} left out) in ${publishSeconds} s`);
    console.log(`    publication acts ${figures.actsSeconds} s, seal ${figures.sealSeconds} s`);
    console.log(`    formats ${figures.formatsSeconds} s = export ${figures.exportSeconds} + ST.96 validation ${figures.validateSeconds} + PDF ${figures.pdfSeconds} + JSON ${figures.jsonSeconds} + zip and store ${figures.storeSeconds}`);
    console.log(`    PDF ${(figures.pdfBytes / 1e6).toFixed(1)} MB, XML ${(figures.xmlBytes / 1e6).toFixed(1)} MB, JSON ${(figures.jsonBytes / 1e6).toFixed(1)} MB, zip ${(figures.zipBytes / 1e6).toFixed(1)} MB`);
    const met = (figures.entries ?? 0) >= TARGET.entries && figures.formatsSeconds < TARGET.formatsSeconds;
    const file = record({
      name: 'gazette', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { entries, lanes, seed, ...(adminUrl ? { postgres: await serverInfo(adminUrl) } : {}) },
      figures,
      target: { text: `${TARGET.entries.toLocaleString('en')} entries: PDF + XML + JSON < ${TARGET.formatsSeconds} s`, met },
      line: `${figures.entries} entries: formats ${figures.formatsSeconds} s (PDF ${figures.pdfSeconds}, XML export+validation ${round(figures.exportSeconds + figures.validateSeconds, 2)}, JSON ${figures.jsonSeconds}); publication acts ${figures.actsSeconds} s; compile ${compileSeconds} s`,
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
