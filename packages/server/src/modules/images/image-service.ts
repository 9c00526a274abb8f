// The image search of one server process: builds the in-memory index from image_features on first use,
// then before each search reads what changed since it last looked (a mark whose features the worker has
// just computed, a case just published), so an image computed a moment ago, by any worker, is found. The
// same pattern as the similar-mark search (modules/search/search-service.ts): the watermark first, the pages
// by row number, then the changes by number and by writing transaction; concurrent searches share one look.
import { FRAMEWORKS } from '@registrum/procedures';
import type { Db } from '../../platform/db/db.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { ImageEmbedder } from './embedding.ts';
import { ImageIndex, type IndexRow } from './image-index.ts';
import * as repo from './images.repository.ts';

export interface ImageSearchOptions {
  /** A local model's embeddings compared beside the features (none by default: see embedding.ts). */
  embedder?: ImageEmbedder | null;
  /** The embedding's share of the score (default 0.4). */
  embeddingWeight?: number;
  /** How often at most the service reads the table's changes (ms): searches within it share one look. */
  refreshMs?: number;
}

export interface ImageSearchDeps { db: Db; storage: BlobStorage }

/** The states in which a mark or design no longer stands in anyone's way, by right: those the law ends a case in. */
function deadStates(): (kind: IndexRow['kind'], state: string) => boolean {
  const of = (right: string) => {
    const dead = new Set<string>(); const live = new Set<string>();
    for (const f of FRAMEWORKS) for (const p of f.procedures) {
      if (p.right !== right) continue;
      for (const [name, s] of Object.entries(p.states)) (s.terminal ? dead : live).add(name);
    }
    for (const s of live) dead.delete(s);
    return dead;
  };
  const mark = of('trademark'); const design = of('design');
  return (kind, state) => (kind === 'mark' ? mark : design).has(state);
}

export class ImageSearchService {
  private index: ImageIndex | null = null;
  private mark: repo.Watermark | null = null;
  private building: Promise<ImageIndex> | null = null;
  private catchingUp: Promise<void> | null = null;
  private lastLook = 0;
  buildMs = 0;

  constructor(readonly deps: ImageSearchDeps, readonly opts: ImageSearchOptions = {}) {}

  get db() { return this.deps.db; }
  get embedder() { return this.opts.embedder ?? null; }

  /** The index, built if need be, with every change committed before this call applied. */
  async ready(): Promise<ImageIndex> {
    const index = this.index ?? await (this.building ??= this.build().finally(() => { this.building = null; }));
    await this.catchUp();
    return index;
  }

  private async build(): Promise<ImageIndex> {
    const t0 = performance.now();
    const mark = await repo.watermark(this.db);
    const index = new ImageIndex(deadStates(), { embeddingDims: this.embedder?.dimensions ?? 0, embeddingWeight: this.opts.embeddingWeight });
    for (let after = 0; ;) {
      const page = await repo.page(this.db, after, 20_000);
      if (!page.length) break;
      for (const r of page) index.apply(r);
      after = page.at(-1)!.id;
    }
    this.mark = mark;
    this.index = index;
    this.lastLook = 0;
    this.buildMs = performance.now() - t0;
    return index;
  }

  private async catchUp(): Promise<void> {
    const wait = this.opts.refreshMs ?? 0;
    if (wait > 0 && performance.now() - this.lastLook < wait) return;
    if (this.catchingUp) return this.catchingUp;
    this.catchingUp = (async () => {
      try {
        const started = performance.now();
        const index = this.index!;
        this.mark = await repo.changesSince(this.db, this.mark!, (rows) => { for (const r of rows) index.apply(r); });
        this.lastLook = started;
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }

  stats() { return { ...(this.index?.stats() ?? { images: 0, slots: 0, dimensions: 0, simd: false, vectorBytes: 0 }), buildMs: Math.round(this.buildMs) }; }
}
