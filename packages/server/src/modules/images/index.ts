// Image search over figurative marks and designs: the public surface of the module. Features of each
// filed mark image and design view are computed by a worker task (use-cases/compute-features.ts) into
// image_features (migration 019); the search (use-cases/search-images.ts) scans an in-memory index of them
// (image-service.ts, image-index.ts) built on first use and kept current from the table's changes. One
// service per database, shared by the routes and the worker of the process: imageSearchOf.
//
// An office with a local image model gives its adapter here, at the composition root, before the first
// search or worker pass: imageSearchOf({ db, storage }, { embedder }) (see embedding.ts; none by default).
import type { Db } from '../../platform/db/db.ts';
import { ImageSearchService, type ImageSearchDeps, type ImageSearchOptions } from './image-service.ts';
import { computePendingFeatures } from './use-cases/compute-features.ts';

export { ImageSearchService, type ImageSearchDeps, type ImageSearchOptions } from './image-service.ts';
export { computePendingFeatures, type FeaturesPass } from './use-cases/compute-features.ts';
export { searchImages, parseFilters, IMAGE_TYPES, type ImageSearch, type ImageHit } from './use-cases/search-images.ts';
export { viennaReference } from './use-cases/vienna.ts';
export { computeFeatures, hashSimilarity, hamming, nearDuplicate, isNearDuplicate, DIMENSIONS, EXTRACTOR, BLOCKS, BLOCK_AT, type ImageFeatures } from './features.ts';
export { decodeImage, imageHeader, MAX_PIXELS, type Picture, type Header } from './decode/index.ts';
export { localModelPath, type ImageEmbedder } from './embedding.ts';

const services = new WeakMap<Db, ImageSearchService>();

/** The image search of this process for the database (made on first call; options count only then). */
export function imageSearchOf(deps: ImageSearchDeps, opts?: ImageSearchOptions): ImageSearchService {
  let s = services.get(deps.db);
  if (!s) { s = new ImageSearchService(deps, opts); services.set(deps.db, s); }
  return s;
}

/** The worker's periodic task: features of the images filed since the last pass. */
export const imageFeaturesTask = (deps: ImageSearchDeps, log?: { error(o: unknown, msg?: string): void }) => computePendingFeatures(imageSearchOf(deps), log);
