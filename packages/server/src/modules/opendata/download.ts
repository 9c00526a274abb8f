// Sending a stored file: its bytes with Content-Length, its SHA-256 as the ETag and in checksum headers
// (x-checksum-sha256, and Repr-Digest of RFC 9530), and 304 to a client that already has it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../kernel/errors.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { PublishedFile } from './bundle.ts';

export async function sendStoredFile(req: FastifyRequest, reply: FastifyReply, storage: BlobStorage, file: PublishedFile, opts: { immutable: boolean }) {
  const etag = `"${file.sha256}"`;
  reply.header('etag', etag);
  reply.header('x-checksum-sha256', file.sha256);
  reply.header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
  reply.header('cache-control', opts.immutable ? 'public, max-age=31536000, immutable' : 'public, no-cache');
  const inm = req.headers['if-none-match'];
  if (inm && inm.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*')) return reply.code(304).send();
  const data = await storage.get(file.sha256);
  if (!data) throw new DomainError('OPEN_DATA_FILE_MISSING', `The stored file ${file.name} is missing from the document store`, 503);
  return reply
    .type(file.mediaType)
    .header('content-length', String(data.length))
    .header('content-disposition', `attachment; filename="${file.name.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .send(data);
}
