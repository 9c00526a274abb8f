// Taking records over one by one, each through the engine in a transaction of its own: a new source
// record becomes a case by its 'take-over' act; a record imported before is unchanged if what it
// holds hashes the same, else it is updated by one 'take-over-update' act. A refused record leaves
// nothing behind and does not stop the others. Every run is logged (import_runs), with the records
// that were updated or refused and why (import_outcomes).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { findFramework, procedureInForce, type ProcedureDefinition } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import type { Clock } from '../../../kernel/clock.ts';
import { DomainError } from '../../../kernel/errors.ts';
import { canonicalJson, sha256 } from '../../../kernel/hash.ts';
import { validatePayload } from '../../../kernel/validate.ts';
import type { Db, Queryable } from '../../../platform/db/db.ts';
import type { BlobStorage } from '../../../platform/storage/storage.ts';
import type { ProcedureEngine } from '../../../procedure-engine/engine.ts';
import * as repo from '../imports.repository.ts';
import { isRejected, rejected, sourceOf, type HistoryEvent, type Mapped, type SourceRecord, type TakeOverPayload } from '../records.ts';

export interface ImportDeps {
  db: Db;
  engine: ProcedureEngine;
  clock: Clock;
  storage: BlobStorage;
  /** The office's legal framework: the procedures records are taken over into. */
  framework: string;
}

export type Outcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface RecordOutcome {
  /** The file the record came from, and its position there (the record's number, or its line). */
  file?: string;
  position: number;
  outcome: Outcome;
  right?: string;
  source?: string;
  sourceId?: string;
  caseId?: string;
  number?: string;
  code?: string;
  message?: string;
  details?: Record<string, unknown>;
}

export interface FileReport { name: string; records: number; error?: { code: string; message: string; details?: Record<string, unknown> } }

export interface ImportReport {
  runId: string;
  format: string;
  counts: Record<Outcome, number>;
  files: FileReport[];
  /** Every record's outcome ('all'), or those that need attention: updated and refused ('attention'). */
  records: RecordOutcome[];
  seconds: number;
}

export interface ImportOptions {
  keep?: 'all' | 'attention';
  /** After each record: how many of how many (the total known from the file's first reading). */
  onProgress?: (done: number, total: number | null, file?: string) => void;
  /** A name for the run (the file, or the request). */
  name?: string;
}

export const TAKE_OVER_ACT = 'take-over';
export const TAKE_OVER_UPDATE_ACT = 'take-over-update';

/** Where a mark's image may come from (relative to the imported file's directory), and how large it may be. */
const IMAGE_LIMIT = 5 * 1024 * 1024;
const IMAGE_TYPES: [string, (b: Buffer) => boolean][] = [
  ['image/png', (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['image/jpeg', (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
];

/**
 * The number a taken-over case keeps: the source's, when it has the form of a number of this office
 * (capital letters, digits, '/', '.', '-'; at most 40 characters), is not of the form of the office's
 * own series (those numbers are the series' to give) and no case has it yet. Otherwise the case gets
 * the next number of the series, and the source's number stays in its data (takenOver.number).
 */
export function numberRule(framework: string): (n: string | null) => boolean {
  const prefixes = [...new Set((findFramework(framework)?.procedures ?? []).map((p) => p.numberPrefix))];
  const series = new RegExp(`^(?:${prefixes.map((p) => p.replace(/[^A-Z0-9]/g, '')).join('|')})-\\d{4}-\\d+$`);
  return (n) => !!n && /^[A-Z0-9][A-Z0-9/.-]{0,39}$/.test(n) && !series.test(n) && !/^PENDING-/i.test(n);
}

export const contentHash = (right: string, payload: TakeOverPayload) => sha256(canonicalJson({ right, payload }));

const eventKey = (e: HistoryEvent) => `${e.date}\u0000${e.code ?? ''}\u0000${e.text}`;

/** The procedure a record of this right is taken over into today, or the reason the office cannot hold it. */
export function takeOverProcedure(framework: string, right: string, today: Parameters<typeof procedureInForce>[2]): ProcedureDefinition {
  const procedure = procedureInForce(framework, right, today);
  if (!procedure || !Object.hasOwn(procedure.acts, TAKE_OVER_ACT)) {
    throw rejected('IMPORT_RIGHT_NOT_HELD', `This office's law (${framework}) has no ${right} procedure to take the record over into`, { right, framework });
  }
  return procedure;
}

/** A run of an import: records go through `record()`, then `finish()` logs and reports the run. */
export class ImportRun {
  readonly id = randomUUID();
  private readonly counts: Record<Outcome, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  private readonly records: RecordOutcome[] = [];
  private readonly files: FileReport[] = [];
  private readonly started = Date.now();
  private seq = 0;
  private readonly keepsNumber: (n: string | null) => boolean;
  /** The procedure records of a right are taken over into, by right and office date. */
  private readonly procedures = new Map<string, ProcedureDefinition>();

  constructor(readonly deps: ImportDeps, readonly actor: Actor, readonly format: string, readonly opts: ImportOptions = {}) {
    this.keepsNumber = numberRule(deps.framework);
  }

  async start(): Promise<this> {
    await repo.createRun(this.deps.db, { id: this.id, format: this.format, name: this.opts.name ?? null, startedBy: this.actor.kind === 'user' ? this.actor.id : null });
    return this;
  }

  get total(): number { return this.counts.created + this.counts.updated + this.counts.unchanged + this.counts.rejected; }

  addFile(f: FileReport): void { this.files.push(f); }

  /** Counts and keeps an outcome decided elsewhere (the set-based path); logs what needs attention. */
  async note(o: RecordOutcome, q: Queryable = this.deps.db): Promise<void> {
    this.counts[o.outcome]++;
    if (this.opts.keep === 'all' || o.outcome === 'rejected' || o.outcome === 'updated') this.records.push(o);
    if (o.outcome === 'rejected' || o.outcome === 'updated') {
      await repo.insertOutcomes(q, [{
        runId: this.id, seq: ++this.seq, file: o.file ?? null, position: o.position, outcome: o.outcome, source: o.source ?? null,
        sourceId: o.sourceId ?? null, caseId: o.caseId ?? null, code: o.code ?? null, message: o.message?.slice(0, 2000) ?? null,
      }]);
    }
  }

  /** Counts many outcomes of one kind at once (the records a batch created or found unchanged). */
  countMany(outcome: 'created' | 'unchanged', list: RecordOutcome[]): void {
    this.counts[outcome] += list.length;
    if (this.opts.keep === 'all') this.records.push(...list);
  }

  /** Takes one record over (or refuses it), in a transaction of its own. `baseDir`: where a record's image path is relative to. */
  async record(m: Mapped, file?: string, baseDir?: string): Promise<RecordOutcome> {
    const where = { ...(file ? { file } : {}), position: m.seq };
    if (isRejected(m)) {
      const o = { ...where, ...this.refusal(m.error), ...(m.right ? { right: m.right } : {}), ...(m.office && m.right ? { source: sourceOf({ office: m.office, right: m.right }) } : {}), ...(m.sourceId ? { sourceId: m.sourceId } : {}) };
      await this.note(o);
      return o;
    }
    const id = { ...where, right: m.right, source: sourceOf(m), sourceId: m.sourceId };
    let o: RecordOutcome;
    try {
      const prepared = await this.prepare(m, baseDir);
      o = { ...id, ...await this.deps.db.tx((q) => this.apply(q, m, prepared)) };
    } catch (e) {
      const error = e as { code?: string };
      if (e instanceof DomainError) o = { ...id, ...this.refusal(e) };
      // Another import or filing took the number (or the record) meanwhile: the record is refused, nothing was written.
      else if (error?.code === '23505') o = { ...id, ...this.refusal(rejected('IMPORT_CONFLICT', 'Another case took the same number or record meanwhile; import the record again', {})) };
      else throw e;
    }
    await this.note(o);
    return o;
  }

  private refusal(e: DomainError): Pick<RecordOutcome, 'outcome' | 'code' | 'message' | 'details'> {
    return { outcome: 'rejected', code: e.code, message: e.message, ...(Object.keys(e.details ?? {}).length ? { details: e.details } : {}) };
  }

  /** What can be checked before the transaction: the law, the image, the payload's schema, the content hash. */
  async prepare(m: SourceRecord, baseDir?: string) {
    const today = this.deps.clock.today();
    const key = `${m.right}@${today}`;
    let procedure = this.procedures.get(key);
    if (!procedure) { procedure = takeOverProcedure(this.deps.framework, m.right, today); this.procedures.set(key, procedure); }
    // The record is not changed: the image, once stored, is named in a copy of its payload.
    let payload: TakeOverPayload = m.payload;
    let image: { sha256: string; mediaType: string; size: number } | null = null;
    if (m.imagePath) {
      image = await storeImage(this.deps.storage, baseDir ?? process.cwd(), m.imagePath);
      payload = { ...payload, data: { ...payload.data, mark: { ...(payload.data.mark ?? {}), image } } };
    }
    validatePayload(procedure.acts[TAKE_OVER_ACT].payloadSchema, payload, 'the record');
    return { procedure, payload, image, hash: contentHash(m.right, payload) };
  }

  /** The record's writes, in the caller's transaction: created, updated or unchanged. */
  async apply(q: Queryable, m: SourceRecord, p: Awaited<ReturnType<ImportRun['prepare']>>): Promise<Pick<RecordOutcome, 'outcome' | 'caseId' | 'number'>> {
    const { engine } = this.deps;
    const source = sourceOf(m);
    const prev = await repo.lockImportRecord(q, source, m.sourceId);
    if (prev && prev.content_hash === p.hash) return { outcome: 'unchanged', caseId: prev.case_id, number: prev.number };
    const fileImage = async (tq: Queryable, caseId: string, actId: number) => {
      if (p.image) await repo.insertDocument(tq, { id: randomUUID(), caseId, actId, kind: 'mark-image', mediaType: p.image.mediaType, sha256: p.image.sha256, size: p.image.size, title: 'Representation of the mark' });
    };
    if (!prev) {
      const keep = this.keepsNumber(m.number) && !(await repo.takenNumbers(q, [m.number!])).has(m.number!);
      const res = await engine.file(q, {
        framework: this.deps.framework, right: m.right, act: TAKE_OVER_ACT, payload: p.payload, actor: this.actor,
        ...(keep ? { number: m.number! } : {}),
        beforeNumber: (tq, c) => fileImage(tq, c.caseId, c.actId),
      });
      await repo.insertImportRecord(q, { source, sourceId: m.sourceId, caseId: res.caseId, hash: p.hash, runId: this.id });
      return { outcome: 'created', caseId: res.caseId, number: res.number };
    }
    // Only the events the case's history does not have yet are recorded again.
    const seen = new Set((await repo.takeOverHistory(q, prev.case_id)).map(eventKey));
    const res = await engine.perform(q, {
      caseId: prev.case_id, act: TAKE_OVER_UPDATE_ACT, actor: this.actor,
      payload: { ...p.payload, history: p.payload.history.filter((e) => !seen.has(eventKey(e))) },
    });
    if (p.image && !(await repo.hasDocument(q, prev.case_id, p.image.sha256))) await fileImage(q, prev.case_id, res.actId);
    await repo.updateImportRecord(q, { source, sourceId: m.sourceId, hash: p.hash, runId: this.id });
    return { outcome: 'updated', caseId: prev.case_id, number: prev.number };
  }

  progress(file?: string, total: number | null = null): void {
    this.opts.onProgress?.(this.total, total, file);
  }

  async finish(): Promise<ImportReport> {
    const seconds = (Date.now() - this.started) / 1000;
    const fileErrors = this.files.filter((f) => f.error).map((f) => ({ file: f.name, code: f.error!.code }));
    await repo.finishRun(this.deps.db, this.id, { ...this.counts, ...(fileErrors.length ? { fileErrors } : {}) });
    // In the order of the files and of the records in them (batches written at once finish in any order).
    const fileOrder = new Map<string | undefined, number>();
    for (const r of this.records) if (!fileOrder.has(r.file)) fileOrder.set(r.file, fileOrder.size);
    const records = [...this.records].sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.position - b.position);
    return { runId: this.id, format: this.format, counts: { ...this.counts }, files: this.files, records, seconds };
  }
}

/** Stores a mark's image read from a file beside the imported one (PNG or JPEG, judged from its bytes). */
export async function storeImage(storage: BlobStorage, baseDir: string, path: string): Promise<{ sha256: string; mediaType: string; size: number }> {
  const full = resolve(baseDir, path);
  const rel = relative(resolve(baseDir), full);
  if (isAbsolute(path) || rel.startsWith('..')) {
    throw rejected('IMPORT_IMAGE_UNREADABLE', `The image ${path} is not in the directory of the imported file`, { image: path });
  }
  let bytes: Buffer;
  try { bytes = await readFile(full); } catch {
    throw rejected('IMPORT_IMAGE_UNREADABLE', `The image ${path} cannot be read`, { image: path });
  }
  const mediaType = IMAGE_TYPES.find(([, test]) => test(bytes))?.[0];
  if (!mediaType || bytes.length > IMAGE_LIMIT) {
    throw rejected('IMPORT_IMAGE_UNREADABLE', `The image ${path} is not a PNG or JPEG of at most ${IMAGE_LIMIT / 1024 / 1024} MB`, { image: path });
  }
  const { sha256: hash, size } = await storage.put(bytes);
  return { sha256: hash, mediaType, size };
}
