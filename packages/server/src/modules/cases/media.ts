// Types of uploaded files are decided by their bytes, never by what the client says.
import type { UploadRef } from '@registrum/procedures';
import { invalid } from '../../kernel/errors.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { Queryable } from '../../platform/db/db.ts';
import * as repo from './cases.repository.ts';

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'application/pdf': (b) => b.length > 8 && b.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** What may be uploaded, and how large (bytes). */
export const UPLOAD_LIMITS: Record<string, number> = { 'image/png': 5 * 1024 * 1024, 'image/jpeg': 5 * 1024 * 1024, 'application/pdf': 20 * 1024 * 1024 };
export const UPLOAD_TYPES = Object.keys(SIGNATURES);

/** The type the bytes show, or null. */
export function sniffType(b: Buffer): string | null {
  for (const [type, test] of Object.entries(SIGNATURES)) if (test(b)) return type;
  return null;
}

export const bytesAre = (type: string, b: Buffer) => !!SIGNATURES[type]?.(b);

export interface CheckedUpload { ref: UploadRef; mediaType: string; size: number }

/**
 * The documents an act's payload refers to must have been uploaded and be of a type the act accepts,
 * judged from the stored bytes. What the register records of them (type, size) comes from the bytes too.
 */
export async function checkUploads(storage: BlobStorage, refs: readonly UploadRef[]): Promise<CheckedUpload[]> {
  const out: CheckedUpload[] = [];
  for (const ref of refs) {
    const data = await storage.get(ref.sha256);
    if (!data) throw invalid('UNKNOWN_UPLOAD', `The ${ref.title.toLowerCase()} was not uploaded first (POST /api/v1/uploads)`, { sha256: ref.sha256, kind: ref.kind });
    const mediaType = sniffType(data);
    if (!mediaType || !ref.accept.includes(mediaType as UploadRef['accept'][number])) {
      throw invalid('CONTENT_TYPE_MISMATCH', `The ${ref.title.toLowerCase()} must be ${ref.accept.join(' or ')}; the uploaded file is ${mediaType ?? 'of an unknown type'}`, { sha256: ref.sha256, kind: ref.kind, accept: ref.accept });
    }
    if (ref.at) Object.assign(ref.at, { sha256: ref.sha256, mediaType, size: data.length });
    out.push({ ref, mediaType, size: data.length });
  }
  return out;
}

/** Files the checked uploads on the case, as received with the act. */
export async function fileUploads(q: Queryable, caseId: string, actId: number, uploads: readonly CheckedUpload[]): Promise<void> {
  for (const u of uploads) {
    await repo.insertDocument(q, { id: crypto.randomUUID(), caseId, actId, kind: u.ref.kind, direction: 'incoming', mediaType: u.mediaType, sha256: u.ref.sha256, size: u.size, title: u.ref.title });
  }
}
