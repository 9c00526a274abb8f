// Reading scanned documents, as a task of every worker pass. New incoming PDFs and images are found
// (those of the last hour every pass, all of them once an hour), then documents are claimed one at a
// time and read outside any transaction: an act is never held up, nor its transaction kept open, by OCR.
// A pass reads a few documents and waits for them only so long: a long document goes on in the
// background while the worker's other tasks carry on, and the next pass does not start another.
// A failure is tried again after 1 min, then 10 min, then the document is marked failed.
import { performance } from 'node:perf_hooks';
import type { Db } from '../../../platform/db/db.ts';
import { OCR_MEDIA_TYPES, scanOf } from '../../../platform/ocr/pages.ts';
import { OcrAborted, type OcrEngine } from '../../../platform/ocr/tesseract.ts';
import type { BlobStorage } from '../../../platform/storage/storage.ts';
import { indexDescriptionText } from '../../prior-art/index.ts';
import * as repo from '../ocr.repository.ts';

export const RETRY_AFTER_SECONDS = [60, 600];
export const MAX_ATTEMPTS = RETRY_AFTER_SECONDS.length + 1;
/** A scanned document longer than this is not read (at a few seconds a page it would hold OCR for hours). */
export const MAX_PAGES = 300;
/** A claim outlasts any document's reading; a worker that died gives its claim up when it ends. */
const CLAIM_MS = 3 * 3600_000;
const FULL_SCAN_MS = 3600_000;
const DISCOVER_BATCH = 500;
/** How long a pass waits for its documents before leaving them to read in the background (and how long it claims more). */
const WAIT_MS = 10_000;

export interface OcrDeps {
  db: Db;
  storage: BlobStorage;
  engine: OcrEngine;
  /** The office's time (the demo clock moves it): retries follow it. */
  now(): Date;
}

type Log = { error(o: unknown, msg?: string): void };

export interface OcrPass { found: number; read: number; failed: number; inBackground: boolean }

export class OcrReader {
  private inflight: Promise<void> | null = null;
  private lastFullScan = -Infinity;
  private closing = false;
  private log: Log = { error: () => {} };

  constructor(private readonly deps: OcrDeps, private readonly opts: { batch?: number; waitMs?: number; maxPages?: number } = {}) {}

  /** One pass: the worker's periodic task (with the worker's log). */
  async run(log?: Log): Promise<OcrPass> {
    if (log) this.log = log;
    if (this.inflight || this.closing) return { found: 0, read: 0, failed: 0, inBackground: !!this.inflight };
    // Done (or failed) when it says so: the next pass may start at once.
    const pass = this.pass().finally(() => { this.inflight = null; });
    let detached = false;
    this.inflight = pass.then(() => {}, (e: any) => {
      // Failures of a pass still awaited reach the worker, which logs them; later ones are logged here.
      if (detached) this.log.error({ task: 'ocr', err: String(e?.message ?? e) }, 'OCR pass failed');
    });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waited'>((resolve) => { timer = setTimeout(resolve, this.opts.waitMs ?? WAIT_MS, 'waited'); timer.unref(); });
    try {
      const r = await Promise.race([pass, waited]);
      if (r === 'waited') { detached = true; return { found: 0, read: 0, failed: 0, inBackground: true }; }
      return r;
    } finally { clearTimeout(timer); }
  }

  private async pass(): Promise<OcrPass> {
    const { db } = this.deps;
    const started = performance.now();
    const full = started - this.lastFullScan > FULL_SCAN_MS;
    const found = await repo.addPending(db, OCR_MEDIA_TYPES, this.deps.now(), !full, DISCOVER_BATCH);
    // A full look that found a whole batch (a register taken over, OCR just switched on) looks again next pass.
    if (full && found < DISCOVER_BATCH) this.lastFullScan = started;
    let read = 0; let failed = 0;
    const batch = this.opts.batch ?? 3; const budget = this.opts.waitMs ?? WAIT_MS;
    while (read + failed < batch && !this.closing && performance.now() - started < budget) {
      const now = this.deps.now();
      const doc = await db.tx((q) => repo.claimNext(q, now, new Date(now.getTime() + CLAIM_MS)));
      if (!doc) break;
      if (await this.read(doc)) read++; else failed++;
    }
    return { found, read, failed, inBackground: false };
  }

  /** Reads one claimed document and records the outcome; false when it failed. */
  private async read(doc: repo.Claimed): Promise<boolean> {
    const { db, engine } = this.deps;
    const t0 = performance.now();
    try {
      const bytes = await this.deps.storage.get(doc.sha256);
      if (!bytes) throw new Error('the document is not in storage');
      const scan = scanOf(doc.media_type, bytes, this.opts.maxPages ?? MAX_PAGES);
      const base = { languages: engine.languages, engine: engine.version(), finishedAt: this.deps.now() };
      if (scan.kind !== 'ocr') {
        await repo.recordOutcome(db, doc.sha256, {
          ...base, status: scan.kind, text: null, confidence: null, pages: scan.kind === 'not-needed' ? scan.pages : null, pageResults: [],
          note: scan.reason, durationMs: Math.round(performance.now() - t0),
        });
        return true;
      }
      const pageResults: repo.PageResult[] = []; const texts: string[] = [];
      const errors: string[] = [];
      let attempted = 0; let readable = 0;
      for (const p of scan.pages) {
        const parts: { text: string; confidence: number }[] = [];
        let note = p.note;
        for (const image of p.images) {
          attempted++;
          try {
            const r = await engine.recognise(image());
            parts.push({ text: clean(r.text), confidence: r.confidence });
            readable++;
          } catch (e: any) {
            if (e instanceof OcrAborted) throw e;
            errors.push(`page ${p.page}: ${String(e?.message ?? e)}`);
            note = `image not read: ${String(e?.message ?? e).slice(0, 200)}`;
          }
        }
        const text = parts.map((x) => x.text).filter(Boolean).join('\n');
        texts.push(text);
        pageResults.push({ page: p.page, confidence: weighted(parts.map((x) => ({ chars: x.text.length, confidence: x.confidence }))), chars: text.length, note });
      }
      // Not one image could be read: the document (or the engine) is at fault, not a page of it.
      if (readable === 0 && attempted > 0) throw new Error(errors.join('; ').slice(0, 2000));
      const text = texts.join('\n\n').trim();
      // The text, and the patent descriptions it is, searchable together (modules/prior-art).
      await db.tx(async (q) => {
        await repo.recordOutcome(q, doc.sha256, {
          ...base, engine: engine.version(), status: 'done', text, confidence: weighted(pageResults.map((p) => ({ chars: p.chars, confidence: p.confidence ?? 0 }))),
          pages: scan.pages.length, pageResults, note: errors.length ? errors.join('; ').slice(0, 2000) : null,
          finishedAt: this.deps.now(), durationMs: Math.round(performance.now() - t0),
        });
        await indexDescriptionText(q, doc.sha256);
      });
      return true;
    } catch (e: any) {
      if (e instanceof OcrAborted) { await repo.release(db, doc.sha256); return false; }
      const attempt = doc.attempts + 1;
      const at = this.deps.now();
      const retryAt = attempt >= MAX_ATTEMPTS ? null : new Date(at.getTime() + RETRY_AFTER_SECONDS[attempt - 1] * 1000);
      const error = String(e?.message ?? e).slice(0, 2000);
      await repo.recordFailure(db, doc.sha256, { error, retryAt, at, engine: engine.version(), languages: engine.languages });
      this.log.error({ task: 'ocr', sha256: doc.sha256, attempt, err: error }, retryAt ? 'OCR failed; will try again' : 'OCR failed; given up');
      return false;
    }
  }

  /** Stops: a page being read is abandoned (its document is claimed again later), and the engine closed. */
  async close(): Promise<void> {
    this.closing = true;
    await this.deps.engine.close();
    await this.inflight;
  }
}

/** Text as stored: no NUL (PostgreSQL refuses it), no trailing blanks, at most two blank lines in a row. */
const clean = (t: string) => t.replace(/\u0000/g, '').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();

/** The mean confidence, each part weighed by its characters; null when nothing was read. */
function weighted(parts: { chars: number; confidence: number }[]): number | null {
  const chars = parts.reduce((s, p) => s + p.chars, 0);
  if (chars === 0) return null;
  return Math.round((parts.reduce((s, p) => s + p.chars * p.confidence, 0) / chars) * 100) / 100;
}
