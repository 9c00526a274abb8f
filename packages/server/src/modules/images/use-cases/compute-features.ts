// Features of newly filed mark images and design views, as a task of every worker pass: the rows the
// database made pending when the case was filed (or changed) are claimed one image at a time, the bytes read
// from storage outside any transaction, decoded and measured (features.ts), and the outcome written to every
// row showing the same bytes. A pass stops after BATCH images or BUDGET_MS, so the worker's other tasks and
// the server sharing its process are not held up by a backlog (a register taken over is worked off pass by
// pass). Bytes that are no image the office reads are recorded 'unsupported' with the reason (not retried);
// a failure (storage out of reach, say) is tried again after 1 min, then 10 min, then given up ('failed').
import { performance } from 'node:perf_hooks';
import { DomainError } from '../../../kernel/errors.ts';
import { decodeImage } from '../decode/index.ts';
import { computeFeatures, EXTRACTOR } from '../features.ts';
import type { ImageSearchService } from '../image-service.ts';
import * as repo from '../images.repository.ts';

export const RETRY_AFTER_SECONDS = [60, 600];
const MAX_ATTEMPTS = RETRY_AFTER_SECONDS.length + 1;
const BATCH = 200;
const BUDGET_MS = 1_000;
const CLAIM_SECONDS = 600;

type Log = { error(o: unknown, msg?: string): void };

export interface FeaturesPass { computed: number; unsupported: number; failed: number }

export async function computePendingFeatures(service: ImageSearchService, log?: Log, opts: { batch?: number; budgetMs?: number } = {}): Promise<FeaturesPass> {
  const { db, storage } = service.deps;
  const started = performance.now();
  const out: FeaturesPass = { computed: 0, unsupported: 0, failed: 0 };
  const batch = opts.batch ?? BATCH; const budget = opts.budgetMs ?? BUDGET_MS;
  while (out.computed + out.unsupported + out.failed < batch && performance.now() - started < budget) {
    const claimed = await db.tx((q) => repo.claimNext(q, CLAIM_SECONDS));
    if (!claimed) break;
    const t0 = performance.now();
    try {
      const bytes = await storage.get(claimed.sha256);
      if (!bytes) throw new Error('the image is not in storage');
      let outcome: repo.Computed;
      try {
        const picture = decodeImage(bytes);
        const f = computeFeatures(picture);
        const embedding = service.embedder && !f.blank ? await service.embedder.embed(picture) : null;
        outcome = {
          status: 'done', features: Array.from(f.vector, (x) => Math.round(x * 10_000) / 10_000), extractor: EXTRACTOR, phash: f.phash, dhash: f.dhash,
          darkGround: f.darkGround, width: picture.source.width, height: picture.source.height,
          embedding: embedding ? Array.from(embedding) : null, embedder: embedding ? service.embedder!.name : null,
          note: f.blank ? 'no figure stands out from the ground' : null, durationMs: 0,
        };
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        // The bytes are at fault (damaged, too large, not an image): recorded, not tried again.
        outcome = {
          status: 'unsupported', features: null, extractor: EXTRACTOR, phash: null, dhash: null, darkGround: null, width: null, height: null,
          embedding: null, embedder: null, note: `${e.code}: ${e.message}`.slice(0, 2000), durationMs: 0,
        };
      }
      outcome.durationMs = Math.round(performance.now() - t0);
      await repo.recordComputed(db, claimed.sha256, outcome);
      if (outcome.status === 'done') out.computed++; else out.unsupported++;
    } catch (e: any) {
      const attempt = claimed.attempts + 1;
      const retry = attempt >= MAX_ATTEMPTS ? null : RETRY_AFTER_SECONDS[attempt - 1];
      const error = String(e?.message ?? e).slice(0, 2000);
      await repo.recordFailure(db, claimed.sha256, error, retry);
      log?.error({ task: 'image features', sha256: claimed.sha256, attempt, err: error }, retry ? 'image features failed; will try again' : 'image features failed; given up');
      out.failed++;
    }
  }
  return out;
}
