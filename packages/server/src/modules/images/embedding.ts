// A neural image embedding beside the hand-made features, when the office configures a local model: an
// adapter that runs a model kept on the office's own disk implements ImageEmbedder and is given to the
// module at the composition root (app/office.ts: imageSearchOf(deps, { embedder })). None is configured by
// default, none ships, and nothing is ever downloaded: localModelPath refuses anything but a file or folder
// that is already on this machine. With an embedder, the worker stores each image's embedding (the
// embedding and embedder columns), the search compares it too (its share of the score: embeddingWeight) and
// says so in why.embedding; images computed before the model was configured have none until their row is
// made pending again (their status set back to 'pending' where the embedder differs from the one configured).
import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Picture } from './decode/index.ts';

export interface ImageEmbedder {
  /** The model's name and version, recorded with each embedding. */
  readonly name: string;
  /** Length of the embeddings it returns. */
  readonly dimensions: number;
  /** The embedding of a decoded picture (RGB, at most 256 pixels a side). */
  embed(picture: Picture): Promise<Float32Array>;
}

/** The path of a local model, refused unless it is an absolute path to a file or folder that exists here. */
export function localModelPath(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || !isAbsolute(path)) throw new Error(`An image model is loaded from a local path only (an absolute path on this machine): '${path}'`);
  if (!existsSync(path) || !(statSync(path).isFile() || statSync(path).isDirectory())) throw new Error(`No image model at '${path}'`);
  return path;
}
