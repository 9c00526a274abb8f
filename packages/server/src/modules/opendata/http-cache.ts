// Conditional reads of the public API. Every JSON answer to a GET under /api/v1 carries an ETag (a hash
// of its bytes, so it changes exactly when the answer does) and `Vary` on the credentials; a case also
// carries Last-Modified (its last act, or the start of the office day, since its time limits count
// days); a list of cases carries the time of the register's latest change and a `next` link. A client
// that sends the ETag back (If-None-Match) or the date (If-Modified-Since) gets 304 Not Modified.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sha256 } from '../../kernel/hash.ts';
import type { Db } from '../../platform/db/db.ts';

declare module 'fastify' {
  interface FastifyReply { lastModified: Date | null }
}

interface ClockLike { today(): string; now(): Date; timeZone?: string }

/** The instant the office date began in the office's time zone (never later than now). */
export function officeDayStart(clock: ClockLike): Date {
  const [y, m, d] = clock.today().split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  let start = utcMidnight;
  if (clock.timeZone) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: clock.timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(utcMidnight));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    start = utcMidnight - (shown - utcMidnight);
  }
  return new Date(Math.min(start, clock.now().getTime()));
}

const CASE_ROUTES = new Set(['/api/v1/cases/:id', '/api/v1/cases/:id/acts', '/api/v1/cases/:id/time-limits']);
const LIST_ROUTE = '/api/v1/cases';

const httpDate = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

function notModified(req: FastifyRequest, etag: string, lastModified: Date | undefined): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) return inm.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*');
  const ims = req.headers['if-modified-since'];
  if (ims && lastModified) {
    const since = Date.parse(ims);
    return Number.isFinite(since) && httpDate(lastModified).getTime() <= since;
  }
  return false;
}

export async function registerConditionalRequests(app: FastifyInstance, deps: { db: Db; clock: ClockLike }) {
  if (!app.hasReplyDecorator('lastModified')) app.decorateReply('lastModified', null);
  app.addHook('preSerialization', async (req: FastifyRequest, reply: FastifyReply, payload: any) => {
    if (req.method !== 'GET' || reply.statusCode !== 200 || !payload || typeof payload !== 'object') return payload;
    const route = req.routeOptions.url;
    if (route && CASE_ROUTES.has(route)) {
      // A case: its last act, or the start of the office day (its days left count down), whichever is later.
      const updated = typeof payload.updatedAt === 'string' || payload.updatedAt instanceof Date ? new Date(payload.updatedAt) : null;
      const day = officeDayStart(deps.clock);
      reply.lastModified = updated && updated > day ? updated : day;
    } else if (route === LIST_ROUTE && Array.isArray(payload.items) && typeof payload.total === 'number') {
      // From where the list was read (the replica for the public), so the date is never newer than the list.
      const { rows } = await deps.db.reader(!!req.user).query<{ at: Date | null }>('SELECT max(updated_at) AS at FROM cases');
      if (rows[0]?.at) reply.lastModified = new Date(rows[0].at);
      // Paging: the next page's address, in the body and as a Link header.
      const limit = Number(payload.limit); const offset = Number(payload.offset ?? 0);
      const q = new URLSearchParams(req.url.split('?')[1] ?? '');
      q.set('limit', String(limit)); q.set('offset', String(offset + limit));
      const next = offset + limit < payload.total ? `${LIST_ROUTE}?${q}` : null;
      if (next) reply.header('link', `<${next}>; rel="next"`);
      return { ...payload, next };
    }
    return payload;
  });

  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200 || typeof payload !== 'string' || !req.url.startsWith('/api/v1/')) return payload;
    if (reply.getHeader('etag')) return payload;
    const etag = `"${sha256(payload).slice(0, 40)}"`;
    reply.header('etag', etag);
    reply.header('vary', 'authorization, cookie');
    if (!reply.getHeader('cache-control')) reply.header('cache-control', req.user ? 'private, no-cache' : 'public, no-cache');
    if (reply.lastModified) reply.header('last-modified', httpDate(reply.lastModified).toUTCString());
    if (notModified(req, etag, reply.lastModified ?? undefined)) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
