// Types of uploaded files are decided by their bytes, never by what the client says.
import type { UploadRef } from '@registrum/procedures';
import { invalid } from '../../kernel/errors.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { Queryable } from '../../platform/db/db.ts';
import * as repo from './cases.repository.ts';
import { inspectUpload, sniffType } from './inspect.ts';
import type { Actor } from '../../kernel/actor.ts';

export { bytesAre, sniffType, UPLOAD_LIMITS, UPLOAD_TYPES } from './inspect.ts';

/** Types a browser only shows (no script runs in them): served inline. Everything else is downloaded. */
const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'text/plain']);
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg', 'image/tiff': 'tif', 'application/xml': 'xml', 'text/plain': 'txt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/**
 * The Content-Disposition of a stored document served under `type`: XML (which a browser renders, with
 * any XHTML or SVG and their scripts in it), DOCX, TIFF and unknown bytes are downloaded, never shown
 * in the office's origin.
 */
export function dispositionOf(type: string, sha256: string): string {
  const t = type.split(';')[0].trim().toLowerCase();
  return INLINE.has(t) ? 'inline' : `attachment; filename="${sha256.replace(/[^0-9a-f]/g, '')}.${EXTENSIONS[t] ?? 'bin'}"`;
}

export interface CheckedUpload { ref: UploadRef; mediaType: string; size: number; pages: number | null }

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
    out.push({ ref, mediaType, size: data.length, pages: pagesOf(mediaType, data) });
  }
  return out;
}

/** Pages of a stored upload (it was inspected when it came in; a file of an older rule counts as unknown). */
function pagesOf(mediaType: string, data: Buffer): number | null {
  try { return inspectUpload(mediaType, data).pages; } catch { return null; }
}

/**
 * Files the checked uploads on the case, as received with the act: who submitted them, and the act's
 * office date as the legal date of receipt.
 */
export async function fileUploads(q: Queryable, caseId: string, actId: number, uploads: readonly CheckedUpload[], by: Actor): Promise<void> {
  for (const u of uploads) {
    await repo.insertDocument(q, {
      id: crypto.randomUUID(), caseId, actId, kind: u.ref.kind, direction: 'incoming', mediaType: u.mediaType, sha256: u.ref.sha256, size: u.size, title: u.ref.title,
      pages: u.pages, submittedBy: by.kind === 'user' ? by.id : null, submitter: by.name,
    });
  }
}
