// The search service of one server process: builds the in-memory index from mark_search on first use
// (or at start), then before each search reads what changed since it last looked, so a mark filed a
// moment ago, by this process or another, is found. Reads of the table are shared: concurrent searches
// wait for the same build or catch-up instead of each starting its own.
import { FRAMEWORKS } from '@registrum/procedures';
import type { Db } from '../../platform/db/db.ts';
import { MarkIndex } from './mark-index.ts';
import * as repo from './search.repository.ts';
import { loadLexicon, type Lexicon } from './similarity/lexicon.ts';
import { SCRIPTS, type Script } from './similarity/normalize.ts';
import type { PhoneticLanguage } from './similarity/phonemes.ts';

export interface SearchOptions {
  /** The scripts the office searches (default all the service reads: Latin, Cyrillic, Greek, Arabic, Chinese). */
  scripts?: readonly Script[];
  /** Files the office adds to the shipped lexicon. */
  lexicon?: { concepts?: string; weakWords?: string; relatedClasses?: string; languages?: readonly PhoneticLanguage[] };
  /** How often at most the service reads the table's changes (ms): searches within it share one look. */
  refreshMs?: number;
  /** Rows read a statement at a time (default 50,000). */
  pageSize?: number;
}

/** The states in which a trademark no longer stands in anyone's way: those the law ends a case in. */
function deadStates(): Set<string> {
  const dead = new Set<string>();
  const live = new Set<string>();
  for (const f of FRAMEWORKS) for (const p of f.procedures) {
    if (p.right !== 'trademark') continue;
    for (const [name, s] of Object.entries(p.states)) (s.terminal ? dead : live).add(name);
  }
  // A state that ends the case under one version and not another stays searchable.
  for (const s of live) dead.delete(s);
  return dead;
}

export class SearchService {
  readonly lex: Lexicon;
  readonly scripts: readonly Script[];
  private index: MarkIndex | null = null;
  private mark: repo.Watermark | null = null;
  private building: Promise<MarkIndex> | null = null;
  private catchingUp: Promise<void> | null = null;
  private lastLook = 0;
  buildMs = 0;

  constructor(readonly db: Db, private readonly opts: SearchOptions = {}) {
    this.lex = loadLexicon(opts.lexicon);
    this.scripts = opts.scripts ?? SCRIPTS;
  }

  /** The index, built if need be, with every change committed before this call applied. */
  async ready(): Promise<MarkIndex> {
    const index = this.index ?? await (this.building ??= this.build().finally(() => { this.building = null; }));
    await this.catchUp();
    return index;
  }

  private async build(): Promise<MarkIndex> {
    const t0 = performance.now();
    // The watermark first: whatever changes while the pages are read is read again afterwards.
    const mark = await repo.watermark(this.db);
    const index = new MarkIndex(this.lex, this.scripts, deadStates());
    for (let after = 0; ;) {
      const page = await repo.page(this.db, after, this.opts.pageSize ?? 50_000);
      if (!page.length) break;
      index.addToBuild(page);
      after = page.at(-1)!.id;
    }
    index.finishBuild();
    // Changes numbered after the watermark, or written by a transaction running when it was taken, are read next.
    this.mark = mark;
    this.index = index;
    this.lastLook = 0;
    this.buildMs = performance.now() - t0;
    return index;
  }

  /** Reads the changes since the last look (at most once per refreshMs; concurrent callers share it). */
  private async catchUp(): Promise<void> {
    const wait = this.opts.refreshMs ?? 0;
    if (wait > 0 && performance.now() - this.lastLook < wait) return;
    if (this.catchingUp) return this.catchingUp;
    this.catchingUp = (async () => {
      try {
        const started = performance.now();
        const index = this.index!;
        this.mark = await repo.changesSince(this.db, this.mark!, (rows) => { for (const r of rows) index.apply(r); }, this.opts.pageSize);
        this.lastLook = started;
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  stats() { return { ...(this.index?.stats() ?? { marks: 0 }), buildMs: Math.round(this.buildMs) }; }
}
