// The register dump, made by the worker (daily, or when the administrator asks): every public case in
// WIPO ST.96, one bag document per right for each chunk of cases, in a zip with its manifest; and the
// same cases as JSON Lines (one case's ST.96 JSON a line), gzipped; and a manifest of both with their
// SHA-256, the time and the latest seal of the journal. All stored content-addressed.
import { randomUUID } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { addDays, compareDates } from '@registrum/procedures';
import type { Clock } from '../../../kernel/clock.ts';
import type { Db, Queryable } from '../../../platform/db/db.ts';
import type { BlobStorage } from '../../../platform/storage/storage.ts';
import { EXPORT_RIGHTS, loadExportCases, st96Bag, st96Json } from '../../exchange/index.ts';
import { manifestBytes, manifest, store, ZipBuilder } from '../bundle.ts';
import * as repo from '../opendata.repository.ts';

export interface DumpDeps { storage: BlobStorage; clock: Clock; office: { code: string }; chunk: number }

/** Gzip of the lines as they come (only the compressed bytes are kept). */
function gzipCollector() {
  const gz = createGzip({ level: 6 });
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise<void>((resolve, reject) => { gz.on('end', () => resolve()); gz.on('error', reject); });
  return {
    write: (s: string) => new Promise<void>((resolve) => { if (gz.write(s)) resolve(); else gz.once('drain', () => resolve()); }),
    async end() { gz.end(); await ended; return Buffer.concat(out); },
  };
}

export async function produceDump(deps: DumpDeps, q: Queryable, requestedBy: string | null = null): Promise<repo.DumpRow> {
  const generatedAt = deps.clock.now();
  const date = deps.clock.today();
  const seal = await repo.latestSeal(q);
  const ids = await repo.publicCaseIds(q, EXPORT_RIGHTS);
  const zip = new ZipBuilder(generatedAt);
  const lines = gzipCollector();
  const base = `register-${deps.office.code.toLowerCase()}-${date}`;
  let count = 0;
  for (let i = 0, part = 1; i < ids.length; i += deps.chunk, part++) {
    const cases = await loadExportCases(q, ids.slice(i, i + deps.chunk), { publicOnly: true });
    count += cases.length;
    for (const bag of st96Bag(cases)) zip.add(`st96/${base}-${String(part).padStart(4, '0')}-${bag.right}.xml`, 'application/xml', Buffer.from(bag.xml, 'utf8'));
    let text = '';
    for (const c of cases) text += `${JSON.stringify(st96Json(c))}\n`;
    await lines.write(text);
  }
  const subject = { kind: 'register', office: deps.office.code, date, cases: count };
  const { zip: zipBytes } = zip.finish({ format: 'registrum-manifest/1', subject, generatedAt: generatedAt.toISOString(), seal });
  const jsonl = await lines.end();
  const files = [
    await store(deps.storage, `${base}-st96.zip`, 'application/zip', zipBytes),
    await store(deps.storage, `${base}.jsonl.gz`, 'application/gzip', jsonl),
  ];
  files.push(await store(deps.storage, `${base}-manifest.json`, 'application/json', manifestBytes(manifest(subject, generatedAt, seal, files))));
  const row: repo.DumpRow = { id: randomUUID(), office_date: date, generated_at: generatedAt, seal_id: seal?.id ?? null, seal_hash: seal?.hash ?? null, case_count: count, files, requested_by: requestedBy };
  await repo.insertDump(q, row);
  return row;
}

/** The worker's job: a dump asked for by the administrator or by the schedule. */
export function dumpJob(deps: DumpDeps) {
  return async (q: Queryable, payload: { requestedBy?: string | null }) => { await produceDump(deps, q, payload?.requestedBy ?? null); };
}

/** Asks for a dump when the last is `everyDays` office days old (0: only when the administrator asks). */
export async function scheduleDump(db: Db, clock: Clock, everyDays: number): Promise<boolean> {
  if (everyDays <= 0) return false;
  const state = await repo.dumpState(db);
  if (state.pending || (state.last && compareDates(addDays(state.last, everyDays), clock.today()) > 0)) return false;
  return db.tx((q) => repo.requestDump(q, null));
}

export async function requestDump(db: Db, requestedBy: string): Promise<boolean> {
  return db.tx((q) => repo.requestDump(q, requestedBy));
}
