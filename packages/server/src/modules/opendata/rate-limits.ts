// The API's published rate limits: per minute, per address for anonymous clients and per account for
// signed-in ones (both set in the configuration; 0 = none). Every answer under /api/ carries
// x-ratelimit-limit, x-ratelimit-remaining and x-ratelimit-reset; beyond the limit the answer is 429,
// a problem document with code RATE_LIMITED and a retry-after header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { DomainError } from '../../kernel/errors.ts';

export interface RateLimits { anonymousPerMinute: number; signedInPerMinute: number }

export const describeRateLimits = (l: RateLimits) =>
  `Rate limits per minute: ${l.anonymousPerMinute || 'no limit'} requests per address without signing in, ${l.signedInPerMinute || 'no limit'} per signed-in account; `
  + 'answers carry x-ratelimit-limit, x-ratelimit-remaining and x-ratelimit-reset; beyond the limit: 429 with code RATE_LIMITED and retry-after (seconds).';

export async function registerRateLimits(app: FastifyInstance, limits: RateLimits) {
  if (!limits.anonymousPerMinute && !limits.signedInPerMinute) return;
  const limitOf = (req: FastifyRequest) => (req.user ? limits.signedInPerMinute : limits.anonymousPerMinute);
  await app.register(rateLimit, {
    global: true,
    // After authentication (onRequest), before the body is read.
    hook: 'preParsing',
    timeWindow: 60_000,
    max: (req: FastifyRequest) => limitOf(req) || Number.MAX_SAFE_INTEGER,
    keyGenerator: (req: FastifyRequest) => (req.user ? `account:${req.user.id}` : `address:${req.ip}`),
    // The web app's pages and assets and the API docs are not counted; nor is a class of client without a limit.
    allowList: (req: FastifyRequest) => !req.url.startsWith('/api/') || limitOf(req) === 0,
    errorResponseBuilder: (req: FastifyRequest, ctx: { max: number; ttl: number; after: string }) => new DomainError(
      'RATE_LIMITED', `Too many requests: at most ${ctx.max} a minute ${req.user ? 'for an account' : 'from one address without signing in'}; try again in ${ctx.after}`,
      429, { limit: ctx.max, retryAfterSeconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) }),
  } as any);
}
