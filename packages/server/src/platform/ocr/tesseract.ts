// The OCR engine: Tesseract (tesseract.js, WebAssembly in worker threads) with the language data of the
// @tesseract.js-data packages installed beside it; nothing is fetched from the network. Workers are
// started on first use and kept (loading the language data takes a second), one page at a time each; a
// worker that failed or ran too long is ended and a fresh one started for the next page, and each is
// replaced after a number of pages (WebAssembly memory only grows). Idle workers do not keep the
// process alive.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Tesseract from 'tesseract.js';
import { MODEL_DIR, ocrLanguageFile } from './languages.ts';

export interface Recognised {
  text: string;
  /** Tesseract's mean word confidence for the image, 0-100. */
  confidence: number;
}

export interface OcrEngine {
  /** Language codes, as Tesseract takes them ('eng+fra'). */
  readonly languages: string;
  /** The engine and its version, as recorded with each result. */
  version(): string;
  recognise(image: Buffer): Promise<Recognised>;
  close(): Promise<void>;
}

/** The engine was closed while reading: nothing is wrong with the document. */
export class OcrAborted extends Error {}

const require = createRequire(import.meta.url);

interface Slot { worker: Tesseract.Worker; pages: number }

export interface TesseractOptions {
  languages: readonly string[];
  /** Pages read at the same time (a worker thread each). */
  workers?: number;
  /** A page taking longer is given up (its worker ended). */
  pageTimeoutMs?: number;
  /** Pages a worker reads before it is replaced. */
  recycleAfter?: number;
}

export class TesseractOcr implements OcrEngine {
  readonly languages: string;
  private readonly files: { code: string; file: string }[];
  private readonly max: number;
  private readonly timeoutMs: number;
  private readonly recycleAfter: number;
  private langDir: string | null = null;
  private idle: Slot[] = [];
  private busy = new Set<Slot>();
  private starting = 0;
  private waiting: { resolve: (s: Slot) => void; reject: (e: Error) => void }[] = [];
  private pending = new Set<(e: Error) => void>();
  private closed = false;
  private core: string | null = null;

  constructor(opts: TesseractOptions) {
    if (opts.languages.length === 0) throw new Error('OCR needs at least one language');
    this.files = opts.languages.map((code) => {
      const file = ocrLanguageFile(code);
      if (!file) throw new Error(`no language data installed for '${code}' (@tesseract.js-data/${code})`);
      return { code, file };
    });
    this.languages = opts.languages.join('+');
    this.max = Math.max(1, opts.workers ?? 1);
    this.timeoutMs = opts.pageTimeoutMs ?? 120_000;
    this.recycleAfter = opts.recycleAfter ?? 500;
  }

  version(): string {
    const own = (require('tesseract.js/package.json') as { version: string }).version;
    return `tesseract.js ${own}${this.core ? ` (Tesseract ${this.core})` : ''}, LSTM ${MODEL_DIR}`;
  }

  /**
   * tesseract.js reads every language from one directory, and each data package has its own: a private
   * directory of links to the installed files, made once per process and removed on close.
   */
  private languageDir(): string {
    if (!this.langDir) {
      const dir = mkdtempSync(join(tmpdir(), 'registrum-ocr-'));
      for (const { code, file } of this.files) symlinkSync(file, join(dir, `${code}.traineddata.gz`));
      this.langDir = dir;
    }
    return this.langDir;
  }

  private async start(): Promise<Slot> {
    const made = Tesseract.createWorker(this.languages, Tesseract.OEM.LSTM_ONLY, {
      langPath: this.languageDir(), gzip: true, cacheMethod: 'none',
      // Without a handler a failed page would also be thrown outside its promise.
      errorHandler: () => {},
    });
    // tesseract.js never settles when its language data cannot be loaded: give up after a while.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('the OCR engine did not start (language data unreadable?)')), 60_000); });
    try {
      const worker = await Promise.race([made, late]);
      if (this.closed) { await worker.terminate(); throw new OcrAborted('the OCR engine was closed'); }
      return { worker, pages: 0 };
    } finally { clearTimeout(timer); }
  }

  /** A worker for one page, counted busy until released. */
  private async acquire(): Promise<Slot> {
    if (this.closed) throw new OcrAborted('the OCR engine is closed');
    const idle = this.idle.pop();
    if (idle) { this.busy.add(idle); return idle; }
    if (this.busy.size + this.starting < this.max) return this.acquireFresh();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: Slot, healthy: boolean) {
    this.busy.delete(slot);
    const next = this.waiting.shift();
    if (!healthy || slot.pages >= this.recycleAfter || this.closed) {
      void slot.worker.terminate();
      if (next) this.acquireFresh().then(next.resolve, next.reject);
      return;
    }
    if (next) { this.busy.add(slot); next.resolve(slot); return; }
    this.idle.push(slot);
    nodeWorker(slot)?.unref();
  }

  private async acquireFresh(): Promise<Slot> {
    this.starting++;
    try {
      const slot = await this.start();
      this.busy.add(slot);
      return slot;
    } finally { this.starting--; }
  }

  async recognise(image: Buffer): Promise<Recognised> {
    if (this.closed) throw new OcrAborted('the OCR engine is closed');
    // Closing the engine, or a page taking too long, stops the wait at once.
    let abort!: (e: Error) => void;
    const stopped = new Promise<never>((_, reject) => { abort = reject; });
    stopped.catch(() => {});
    this.pending.add(abort);
    const acquiring = this.acquire();
    let slot: Slot | null = null;
    let healthy = false;
    let timer: NodeJS.Timeout | undefined;
    try {
      slot = await Promise.race([acquiring, stopped]);
      nodeWorker(slot)?.ref();
      slot.pages++;
      timer = setTimeout(() => abort(new Error(`OCR of a page took more than ${this.timeoutMs / 1000} s`)), this.timeoutMs);
      const { data } = await Promise.race([slot.worker.recognize(image, {}, { text: true }), stopped]);
      this.core ??= data.version || null;
      healthy = true;
      return { text: data.text ?? '', confidence: Number.isFinite(data.confidence) ? data.confidence : 0 };
    } catch (e: any) {
      if (e instanceof OcrAborted) throw e;
      // tesseract.js rejects with the message text only.
      throw new Error(typeof e === 'string' ? e : String(e?.message ?? e));
    } finally {
      clearTimeout(timer);
      this.pending.delete(abort);
      if (slot) this.release(slot, healthy);
      // A worker that arrives after the wait was given up is ended.
      else acquiring.then((s) => this.release(s, false), () => {});
    }
  }

  /** Ends the workers; a page being read fails with OcrAborted. */
  async close(): Promise<void> {
    this.closed = true;
    for (const abort of this.pending) abort(new OcrAborted('the OCR engine was closed'));
    for (const w of this.waiting.splice(0)) w.reject(new OcrAborted('the OCR engine was closed'));
    const all = [...this.idle.splice(0), ...this.busy];
    this.busy.clear();
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => {})));
    if (this.langDir) { rmSync(this.langDir, { recursive: true, force: true }); this.langDir = null; }
  }
}

/** The worker thread behind a tesseract.js worker (not in its types). */
const nodeWorker = (s: Slot): { ref(): void; unref(): void } | undefined => (s.worker as any).worker ?? undefined;
