// The image search of one server process: builds the in-memory index from image_features on first use,
// then before each search reads what changed since it last looked (a mark whose features the worker has
// just computed, a case just published), so an image computed a moment ago, by any worker, is found. The
// same pattern as the similar-mark search (modules/search/search-service.ts): the watermark first, the pages
// by row number, then the changes by number and by writing transaction; concurrent searches share one look.
import { endingStates } from '@registrum/procedures';
import type { Db } from '../../platform/db/db.ts';
import { FollowedIndex } from '../../platform/db/follow.ts';
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

/** The states in which a mark or design no longer stands in anyone's way, by kind. */
function deadStates(): (kind: IndexRow['kind'], state: string) => boolean {
  const mark = endingStates('trademark'); const design = endingStates('design');
  return (kind, state) => (kind === 'mark' ? mark : design).has(state);
}

export class ImageSearchService {
  private readonly followed: FollowedIndex<ImageIndex, IndexRow>;

  constructor(readonly deps: ImageSearchDeps, readonly opts: ImageSearchOptions = {}) {
    this.followed = new FollowedIndex<ImageIndex, IndexRow>(deps.db, {
      create: () => new ImageIndex(deadStates(), { embeddingDims: this.embedder?.dimensions ?? 0, embeddingWeight: this.opts.embeddingWeight }),
      watermark: repo.watermark, page: repo.page, changesSince: repo.changesSince,
      addPage: (index, rows) => { for (const r of rows) index.apply(r); },
      apply: (index, row) => { index.apply(row); },
    }, { refreshMs: opts.refreshMs, buildPageSize: 20_000 });
  }

  get db() { return this.deps.db; }
  get embedder() { return this.opts.embedder ?? null; }
  get buildMs() { return this.followed.buildMs; }

  /** The index, built if need be, with every change committed before this call applied. */
  ready(): Promise<ImageIndex> { return this.followed.ready(); }

  stats() { return { ...(this.followed.current?.stats() ?? { images: 0, slots: 0, dimensions: 0, simd: false, vectorBytes: 0 }), buildMs: Math.round(this.buildMs) }; }
}
