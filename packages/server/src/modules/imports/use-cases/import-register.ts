// Taking over a whole register of marks (JSON lines) fast enough for a migration: a million marks
// cannot go through the engine one act at a time. Lines are read in batches; each batch is decided in
// memory with the engine's own decide() (the same law, the same time limits) and written set-based,
// in one transaction and a few statements, with exactly the rows the engine writes for a 'take-over'
// act (see imports.repository.ts insertTakeOvers), the act hashes computed by the database. While a
// batch is written, the next is read and decided.
//
// Per line: a line that cannot be read or taken over is refused with its line number and code and
// stores nothing; a mark already imported with the same content is unchanged; one imported before
// with other content, or a line repeating a mark of the same batch, goes through the engine one by one
// (a 'take-over-update' act). If a batch's statement fails (a number taken meanwhile), its marks go
// through the engine one by one, so only the offending line is refused.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { findFramework, type Framework, type LegalDate, type PartyChange, type ProcedureDefinition } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import { decide, type Decision } from '../../../procedure-engine/decide.ts';
import { performerCapacities } from '../../../procedure-engine/engine.ts';
import { timeOrderedUuid } from '../ids.ts';
import * as repo from '../imports.repository.ts';
import { JSONL_FORMAT, mapJsonLine, MAX_LINE } from '../jsonl.ts';
import { isRejected, rejected, sourceOf, type Mapped, type SourceRecord } from '../records.ts';
import { ImportRun, numberRule, TAKE_OVER_ACT, takeOverProcedure, type ImportDeps, type ImportOptions, type ImportReport, type RecordOutcome } from './import-records.ts';

export interface RegisterImportOptions extends ImportOptions {
  /** Lines per batch (one transaction each). */
  batchSize?: number;
  /** Batches written at once, each on a connection of its own (default: 2 on PostgreSQL, 1 on PGlite). */
  writers?: number;
}

/**
 * A mark read, checked and decided, with its rows as JSON text: made while the batch before is written,
 * so that what stays in memory until the write is text, not the objects it was made from.
 */
interface Ready {
  m: SourceRecord;
  caseId: string;
  hash: string;
  /** The case's row after its id and number: its state, projection, the act's payload and effects. */
  rest: string;
  parties: string[];
  limits: string[];
  document: string | null;
}

/** The lines of the file, counted first (for the progress shown). */
async function countLines(file: string): Promise<number> {
  let n = 0; let last = 10;
  for await (const chunk of createReadStream(file)) {
    const b = chunk as Buffer;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
    last = b[b.length - 1];
  }
  return last === 10 ? n : n + 1;
}

export async function importRegister(deps: ImportDeps, actor: Actor, file: string, opts: RegisterImportOptions = {}): Promise<ImportReport> {
  const framework = findFramework(deps.framework);
  if (!framework) throw new DomainError('UNKNOWN_FRAMEWORK', `There is no legal framework '${deps.framework}'`, 400);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw rejected('IMPORT_FILE_UNREADABLE', `${file} is not a file that can be read`, { file });
  const run = await new ImportRun(deps, actor, JSONL_FORMAT, { ...opts, name: opts.name ?? file }).start();
  const batchSize = Math.max(1, opts.batchSize ?? 5000);
  const total = await countLines(file);
  const writer = new BatchWriter(deps, actor, run, framework, file);

  // Batches are written while the next are read and decided; on PostgreSQL two at once, so that the
  // database works on both cores. A mark that two batches written at once both hold is found by the
  // unique keys: that batch is then taken over one record at a time, through the engine.
  const writers = Math.max(1, opts.writers ?? (deps.db.kind === 'postgres' ? 2 : 1));
  const running = new Set<Promise<void>>();
  let failed: unknown = null;
  let batch: Mapped[] = [];
  const flush = async () => {
    const ready = await writer.prepare(batch);
    batch = [];
    while (running.size >= writers) await Promise.race(running);
    if (failed) throw failed;
    const p: Promise<void> = writer.write(ready)
      .then(() => run.progress(file, total), (e) => { failed ??= e; })
      .finally(() => running.delete(p));
    running.add(p);
  };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  const ctx = { office: framework.office.code, states: writer.procedure.states };
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    batch.push(line.length > MAX_LINE
      ? { seq: lineNo, error: rejected('IMPORT_JSONL_SYNTAX', `Line ${lineNo} is longer than the ${MAX_LINE} characters accepted`, { line: lineNo }) }
      : mapJsonLine(line, lineNo, ctx));
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  await Promise.all(running);
  if (failed) throw failed;
  run.addFile({ name: file, records: lineNo });
  return run.finish();
}

class BatchWriter {
  readonly procedure: ProcedureDefinition;
  private readonly law: Framework;
  private readonly keepsNumber: (n: string | null) => boolean;
  private readonly baseDir: string;

  constructor(private readonly deps: ImportDeps, private readonly actor: Actor, private readonly run: ImportRun, framework: Framework, file: string) {
    this.procedure = takeOverProcedure(framework.id, 'trademark', deps.clock.today());
    this.law = deps.engine.lawOf(framework);
    this.keepsNumber = numberRule(framework.id);
    this.baseDir = dirname(file);
  }

  private where(m: { seq: number }) { return { file: this.run.opts.name, position: m.seq }; }

  /** Everything that needs no database: the lines read, checked, hashed and decided. */
  async prepare(batch: Mapped[]): Promise<{ ready: Ready[]; refused: RecordOutcome[]; deferred: SourceRecord[]; today: LegalDate }> {
    const today = this.deps.clock.today();
    const as = performerCapacities(this.actor, true, []);
    const ready: Ready[] = []; const refused: RecordOutcome[] = []; const deferred: SourceRecord[] = [];
    const seen = new Set<string>();
    for (const m of batch) {
      if (isRejected(m)) {
        refused.push({ ...this.where(m), outcome: 'rejected', code: m.error.code, message: m.error.message, right: 'trademark', ...(m.office ? { source: sourceOf({ office: m.office, right: 'trademark' }) } : {}), ...(m.sourceId ? { sourceId: m.sourceId } : {}) });
        continue;
      }
      const key = `${sourceOf(m)}\u0000${m.sourceId}`;
      // A line repeating a mark of this batch is applied after the batch, through the engine.
      if (seen.has(key)) { deferred.push(m); continue; }
      seen.add(key);
      try {
        const p = await this.run.prepare(m, this.baseDir);
        const caseId = timeOrderedUuid();
        // As the engine decides a filing: on an empty draft of the case, today, as the actor.
        const decision = decide(this.law, this.procedure, TAKE_OVER_ACT, {
          case: { id: caseId, number: '', right: this.procedure.right, state: '', filingDate: null, data: {}, openTimeLimits: [], parent: null },
          payload: p.payload, today,
        }, as);
        ready.push(this.rows(m, caseId, p.hash, p.image, p.payload, decision));
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        refused.push({ ...this.where(m), outcome: 'rejected', right: m.right, source: sourceOf(m), sourceId: m.sourceId, code: e.code, message: e.message });
      }
    }
    return { ready, refused, deferred, today };
  }

  /** The values the engine would record (engine.ts append): the projection, the act's payload and effects, the rows they make. */
  private rows(m: SourceRecord, caseId: string, hash: string, image: { sha256: string; mediaType: string; size: number } | null, payload: object, d: Decision): Ready {
    const data = { ...d.data };
    const state = this.procedure.states[d.stateAfter];
    const changes = d.parties.filter((c): c is Extract<PartyChange, { party: unknown }> => 'party' in c);
    const partyIds = changes.map(() => timeOrderedUuid());
    const parties = d.parties.length
      ? { added: changes.map((c, i) => ({ role: c.role, partyId: partyIds[i], ...(c.party.name ? { name: c.party.name } : {}) })) }
      : null;
    const becomesPublic = d.publishes || !!state.public;
    const effects = {
      data: d.data, fees: d.fees, allocated: 0, timeLimits: { opened: d.opens, closed: d.closes },
      ...(parties ? { parties } : {}), ...(becomesPublic ? { published: true } : {}),
    };
    const j = JSON.stringify;
    const filingDate = (Object.hasOwn(d.data, 'filingDate') ? d.data.filingDate : null) as string | null;
    return {
      m, caseId, hash,
      rest: `"state":${j(d.stateAfter)},"public":${becomesPublic},"filing_date":${j(filingDate)},"title":${j(this.procedure.caseTitle ? this.procedure.caseTitle(data) : null)},`
        + `"payload":${j(payload)},"effects":${j(effects)},"documents":${j(d.documents)}`,
      parties: changes.map((c, i) => j({
        id: partyIds[i], case_id: caseId, role: c.role, kind: c.party.kind ?? 'legal', name: c.party.name,
        address: c.party.address ?? null, country: c.party.country ?? null, nationality: c.party.nationality ?? null, email: c.party.email ?? null,
      })),
      // As the engine: a case that ends in a terminal state keeps no open time limit (its act still records them).
      limits: state.terminal ? [] : d.opens.map((o) => j({
        id: timeOrderedUuid(), case_id: caseId, kind: o.kind, starts_from: o.startsFrom, window_opens_on: o.windowOpensOn, due_on: o.dueOn,
        grace_ends_on: o.graceEndsOn, expires_after: o.expiresAfter, on_expiry: o.onExpiry, computation: o.computation,
      })),
      document: image ? j({ id: timeOrderedUuid(), case_id: caseId, kind: 'mark-image', media_type: image.mediaType, sha256: image.sha256, size: image.size, title: 'Representation of the mark' }) : null,
    };
  }

  /** Writes a prepared batch: set-based in one transaction; refusals logged; repeats and changed marks through the engine. */
  async write(b: Awaited<ReturnType<BatchWriter['prepare']>>): Promise<void> {
    for (const o of b.refused) await this.run.note(o);
    let retry: Ready[] = [];
    let created: RecordOutcome[] = []; let unchanged: RecordOutcome[] = [];
    const changed: SourceRecord[] = [];
    if (b.ready.length) {
      try {
        ({ created, unchanged } = await this.deps.db.tx(async (q) => {
          const existing = await repo.importedRecords(q, b.ready.map((r) => sourceOf(r.m)), b.ready.map((r) => r.m.sourceId));
          const fresh: Ready[] = []; const same: RecordOutcome[] = [];
          for (const r of b.ready) {
            const e = existing.get(`${sourceOf(r.m)}\u0000${r.m.sourceId}`);
            if (!e) fresh.push(r);
            else if (e.hash === r.hash) same.push({ ...this.where(r.m), outcome: 'unchanged', right: r.m.right, source: sourceOf(r.m), sourceId: r.m.sourceId, caseId: e.caseId });
            else changed.push(r.m);
          }
          const numbers = await this.numbers(q, fresh, b.today);
          if (fresh.length) await repo.insertTakeOvers(q, this.bulk(fresh, numbers, b.today));
          return {
            created: fresh.map((r, i) => ({ ...this.where(r.m), outcome: 'created' as const, right: r.m.right, source: sourceOf(r.m), sourceId: r.m.sourceId, caseId: r.caseId, number: numbers[i] })),
            unchanged: same,
          };
        }));
      } catch (e) {
        // Nothing of the batch was written: its marks go one by one, so that only a line at fault is refused.
        if (e instanceof DomainError || (e as any)?.code) { retry = b.ready; changed.length = 0; } else throw e;
      }
    }
    this.run.countMany('created', created);
    this.run.countMany('unchanged', unchanged);
    for (const r of retry) await this.run.record(r.m, this.run.opts.name, this.baseDir);
    for (const m of [...changed, ...b.deferred]) await this.run.record(m, this.run.opts.name, this.baseDir);
  }

  /** The case numbers: the source's where the office can keep it (see numberRule), else the next of the series. */
  private async numbers(q: Parameters<typeof repo.takenNumbers>[0], list: Ready[], today: LegalDate): Promise<string[]> {
    const wanted = list.map((r) => (this.keepsNumber(r.m.number) ? r.m.number! : null));
    const taken = await repo.takenNumbers(q, [...new Set(wanted.filter((n): n is string => n !== null))]);
    const used = new Set<string>();
    const out = wanted.map((n) => {
      if (n === null || taken.has(n) || used.has(n)) return null;
      used.add(n);
      return n;
    });
    const missing = out.filter((n) => n === null).length;
    if (missing > 0) {
      // As the engine numbers a filing (journal.repository.ts assignNumber: the value padded, or cut, to six digits).
      const year = today.slice(0, 4);
      const prefix = this.procedure.numberPrefix;
      let next = await repo.reserveNumbers(q, `${this.procedure.framework}:${prefix}:${year}`, missing);
      for (let i = 0; i < out.length; i++) {
        if (out[i] !== null) continue;
        const v = String(next++);
        out[i] = `${prefix}-${year}-${v.length >= 6 ? v.slice(0, 6) : v.padStart(6, '0')}`;
      }
    }
    return out as string[];
  }

  private bulk(list: Ready[], numbers: string[], today: LegalDate): repo.BulkCases {
    const a = this.actor;
    const recordedAt = new Date(Math.floor(this.deps.clock.now().getTime())).toISOString();
    const schedule = this.procedure.fees.at(-1);
    const j = JSON.stringify;
    return {
      right: this.procedure.right, framework: this.procedure.framework, version: this.procedure.version,
      currency: schedule?.currency ?? this.law.office.currency,
      actType: TAKE_OVER_ACT, officeDate: today, recordedAt,
      actorId: a.kind === 'user' ? a.id : null, actorRole: a.kind === 'user' ? a.role : 'system', actorName: a.name,
      legalBasis: this.procedure.acts[TAKE_OVER_ACT].legalBasis, filedBy: a.kind === 'user' ? a.id : null, runId: this.run.id,
      cases: `[${list.map((r, i) => `{"id":"${r.caseId}","number":${j(numbers[i])},${r.rest}}`).join(',')}]`,
      parties: `[${list.flatMap((r) => r.parties).join(',')}]`,
      limits: `[${list.flatMap((r) => r.limits).join(',')}]`,
      docs: `[${list.flatMap((r) => (r.document ? [r.document] : [])).join(',')}]`,
      records: j(list.map((r) => ({ source: sourceOf(r.m), source_id: r.m.sourceId, case_id: r.caseId, content_hash: r.hash }))),
    };
  }
}
