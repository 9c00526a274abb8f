// The search service of one server process: builds the in-memory index from mark_search on first use
// (or at start), then before each search reads what changed since it last looked, so a mark filed a
// moment ago, by this process or another, is found. Reads of the table are shared: concurrent searches
// wait for the same build or catch-up instead of each starting its own.
import { endingStates } from '@registrum/procedures';
import type { Db } from '../../platform/db/db.ts';
import { FollowedIndex } from '../../platform/db/follow.ts';
import { MarkIndex, type IndexRow } from './mark-index.ts';
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

export class SearchService {
  readonly lex: Lexicon;
  readonly scripts: readonly Script[];
  private readonly followed: FollowedIndex<MarkIndex, IndexRow>;

  constructor(readonly db: Db, opts: SearchOptions = {}) {
    this.lex = loadLexicon(opts.lexicon);
    this.scripts = opts.scripts ?? SCRIPTS;
    this.followed = new FollowedIndex<MarkIndex, IndexRow>(db, {
      create: () => new MarkIndex(this.lex, this.scripts, endingStates('trademark')),
      watermark: repo.watermark, page: repo.page, changesSince: repo.changesSince,
      addPage: (index, rows) => index.addToBuild(rows),
      finish: (index) => index.finishBuild(),
      apply: (index, row) => { index.apply(row); },
    }, { refreshMs: opts.refreshMs, pageSize: opts.pageSize });
  }

  /** The index, built if need be, with every change committed before this call applied. */
  ready(): Promise<MarkIndex> { return this.followed.ready(); }

  get buildMs() { return this.followed.buildMs; }

  stats() { return { ...(this.followed.current?.stats() ?? { marks: 0 }), buildMs: Math.round(this.buildMs) }; }
}
