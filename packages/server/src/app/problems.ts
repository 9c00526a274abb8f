// Every error leaves the API as an RFC 9457 problem document with a stable code. This is the one
// place where errors are mapped to HTTP.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidLegalDateError } from '@registrum/procedures';
import { DomainError } from '../kernel/errors.ts';
import { fieldErrors } from '../kernel/validate.ts';
import { StorageError } from '../platform/storage/s3.ts';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../platform/db/db.ts';

/** What a 503 asks the client to wait before trying again (seconds): about what a database restart takes. */
export const RETRY_AFTER_SECONDS = 5;

export interface Problem { type: string; title: string; status: number; code: string; detail: string; instance?: string; [k: string]: unknown }

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorised', 402: 'Payment required', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 413: 'Payload too large', 414: 'URI too long', 415: 'Unsupported media type', 422: 'Unprocessable content', 423: 'Locked', 429: 'Too many requests', 500: 'Internal error', 503: 'Service unavailable' };

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `urn:registrum:problem:${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extra };
}

export function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) return problem(err.status, err.code, err.message, err.details);
  if (err instanceof InvalidLegalDateError) return problem(400, 'INVALID_DATE', err.message);
  const e = err as FastifyError & { validation?: any[]; validationContext?: string; code?: string; statusCode?: number };
  if (e?.validation) {
    return problem(400, 'VALIDATION_FAILED', `The ${e.validationContext ?? 'request'} is not valid`, { errors: fieldErrors(e.validation as any) });
  }
  if (e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (e instanceof SyntaxError && e.statusCode === 400) || e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON');
  }
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'BODY_TOO_LARGE', 'The request body is too large');
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here');
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) return problem(e.statusCode, String(e.code ?? 'BAD_REQUEST').replace(/^FST_ERR_/, ''), e.message);
  const pgCode = (err as any)?.code;
  if (pgCode === '22P05' || pgCode === '22021') return problem(400, 'INVALID_CHARACTERS', 'The request contains characters that cannot be stored');
  if (isDatabaseUnavailable(err)) {
    // Unknown only when the connection broke while a change was being committed: the client looks before repeating it.
    const known = err instanceof DatabaseUnavailableError && err.outcome === 'not-recorded';
    return problem(503, 'DATABASE_UNAVAILABLE', known
      ? 'The register database is not reachable; try again shortly. Nothing was recorded'
      : 'The register database is not reachable; try again shortly. If this was a change, check whether it was recorded before repeating it (a filing repeated with the same Idempotency-Key is recorded once)',
    { recorded: known ? false : 'unknown' });
  }
  if (err instanceof StorageError && err.s3Code !== 'IntegrityMismatch') return problem(503, 'STORAGE_UNAVAILABLE', 'The document store is not reachable; try again shortly. Nothing was recorded');
  return problem(500, 'INTERNAL_ERROR', 'An unexpected error occurred; nothing was recorded');
}

export function sendProblem(reply: FastifyReply, req: FastifyRequest, err: unknown) {
  const p = toProblem(err);
  // A database outage is logged once when it starts and once when it ends (app/office.ts), not per request.
  if (p.status >= 500 && p.code !== 'DATABASE_UNAVAILABLE') req.log.error({ err }, 'request failed');
  if (p.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.code(p.status).type('application/problem+json').send({ ...p, instance: req.url });
}
