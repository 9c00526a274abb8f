// Validation against the official WIPO ST.96 V6_0 schemas shipped in reference/st96/V6_0_Flattened.
// The schema is chosen by the document's root element. libxml2 compiles the schema on every validation
// (about 2 s for these schemas) while validating even thousands of records in one document adds little:
// bulk paths validate whole bags, one call per batch, never one call per record.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import libxml, { type Document } from 'libxmljs2';
import { NS, SCHEMA_DIR } from './common.ts';

/** The document schema of each ST.96 root element the office writes or reads. */
export const ST96_SCHEMAS: Readonly<Record<string, string>> = {
  [`{${NS.tmk}}TrademarkApplication`]: 'TrademarkApplication_V6_0.xsd',
  [`{${NS.dgn}}DesignApplicationBag`]: 'DesignApplicationBag_V6_0.xsd',
  [`{${NS.dgn}}DesignApplication`]: 'DesignApplication_V6_0.xsd',
  [`{${NS.pat}}PatentLegalStatusData`]: 'PatentLegalStatusData_V6_0.xsd',
  [`{${NS.pat}}PatentPublication`]: 'PatentPublication_V6_0.xsd',
  [`{${NS.gin}}GITransaction`]: 'GITransaction_V6_0.xsd',
  [`{${NS.gin}}GIApplication`]: 'GIApplication_V6_0.xsd',
};

/** The file path of a shipped schema (for tools outside the process, such as xmllint). */
export const schemaPath = (file: string): string => fileURLToPath(new URL(file, SCHEMA_DIR));

// The parsed schema files (immutable input). The compiled schema cannot be kept: libxml2 compiles it
// inside each validation.
const schemaDocs = new Map<string, Document>();

function schemaDoc(file: string): Document {
  let doc = schemaDocs.get(file);
  if (!doc) {
    // Local files only: imports resolve against the schema folder, never over the network.
    doc = libxml.parseXml(readFileSync(new URL(file, SCHEMA_DIR), 'utf8'), { baseUrl: schemaPath(file), nonet: true });
    schemaDocs.set(file, doc);
  }
  return doc;
}

export interface St96Validation { valid: boolean; errors: string[] }

/** Validates an ST.96 document against the schema of its root element. */
export function validateSt96(xml: string): St96Validation {
  let doc: Document;
  try {
    // No entity substitution, no DTD loading, no network: the document is data, nothing it names is fetched.
    doc = libxml.parseXml(xml, { nonet: true });
  } catch (e) {
    return { valid: false, errors: [`not well-formed XML: ${(e as Error).message.trim()}`] };
  }
  // ST.96 documents declare no document type: one that does (with entities of its own) is refused as it stands.
  if (doc.getDtd()) return { valid: false, errors: ['an ST.96 document has no DOCTYPE: document type declarations and their entities are refused'] };
  const root = doc.root();
  const key = root ? `{${root.namespace()?.href() ?? ''}}${root.name()}` : '(no root element)';
  const file = ST96_SCHEMAS[key];
  if (!file) return { valid: false, errors: [`no ST.96 V6_0 document schema for the root element ${key}`] };
  const valid = doc.validate(schemaDoc(file));
  return { valid, errors: valid ? [] : doc.validationErrors.map((e) => `line ${e.line ?? '?'}: ${e.message.trim()}`) };
}

type Verdict = St96Validation & { seconds: number };

/** One validation process: validates the documents sent to it one at a time, in order. */
class ValidationProcess {
  private child: ChildProcess;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: Verdict) => void; reject: (e: Error) => void }>();
  ended = false;

  constructor() {
    // The child runs validator-process.ts through the same TypeScript loader as this process.
    this.child = fork(fileURLToPath(new URL('./validator-process.ts', import.meta.url)), [], {
      execArgv: ['--import', import.meta.resolve('tsx')], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const fail = (e: Error) => {
      this.ended = true;
      for (const id of [...this.pending.keys()]) this.settle(id, e);
    };
    this.child.on('message', (m: { id: number; result: Verdict }) => this.settle(m.id, null, m.result));
    this.child.on('error', fail);
    this.child.on('exit', (code, signal) => fail(new Error(`the ST.96 validation process ended (${signal ?? code})`)));
  }

  get load(): number { return this.pending.size; }
  get pid(): number | undefined { return this.child.pid; }

  validate(xml: string): Promise<Verdict> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Busy: it keeps this process alive until the verdict is in.
      this.child.ref();
      this.child.channel?.ref();
      this.child.send({ id, xml }, (e) => { if (e) this.settle(id, e); });
    });
  }

  private settle(id: number, e: Error | null, result?: Verdict): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) { this.child.unref(); this.child.channel?.unref(); }
    if (e) p?.reject(e); else p?.resolve(result!);
  }

  async close(): Promise<void> {
    if (this.ended || this.child.exitCode !== null) return;
    // Referenced again, so the caller's process waits for the end it awaits.
    this.child.ref();
    await new Promise<void>((resolve) => { this.child.once('exit', () => resolve()); this.child.kill(); });
  }
}

/**
 * Validation in child processes, for bulk exports: the schema compilation and validation of a bag
 * (seconds) run there, with libxml2 as here, while the caller loads and writes the next bags. (Processes
 * rather than worker threads: libxmljs2's native addon can be loaded by one thread of a process only, and
 * the calling thread may well have loaded it.) `processes` validate at once (default 1); a document goes
 * to the least busy. `close()` ends them.
 */
export class St96Validator {
  private pool: ValidationProcess[] = [];
  constructor(private readonly opts: { processes?: number } = {}) {}

  /** The verdict, and the seconds the validation itself took (not counting the wait for earlier documents). */
  validate(xml: string): Promise<Verdict> {
    this.pool = this.pool.filter((p) => !p.ended);
    const size = Math.max(1, Math.floor(this.opts.processes ?? 1));
    const idle = this.pool.find((p) => p.load === 0);
    const target = idle ?? (this.pool.length < size ? this.start() : this.pool.reduce((a, b) => (b.load < a.load ? b : a)));
    return target.validate(xml);
  }

  /** The ids of the validation processes running (for CPU accounting). */
  processIds(): number[] {
    return this.pool.filter((p) => !p.ended && p.pid !== undefined).map((p) => p.pid!);
  }

  private start(): ValidationProcess {
    const p = new ValidationProcess();
    this.pool.push(p);
    return p;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = [];
    await Promise.all(pool.map((p) => p.close()));
  }
}
