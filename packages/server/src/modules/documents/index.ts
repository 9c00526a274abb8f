// Outgoing documents. For now each is a plain-text rendering of the act and case data, stored
// content-addressed and listed in the case file. Signed PDFs from per-office templates replace the
// renderer in the electronic-dossier work; the job, storage and listing stay as they are.
import type { Queryable } from '../../platform/db/db.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import * as repo from './documents.repository.ts';
import { documentTitle } from './titles.ts';

export { DOCUMENT_TITLES, documentTitle } from './titles.ts';

export function renderDocumentJob(storage: BlobStorage) {
  return async (q: Queryable, job: { kind: string; caseId: string; actId: number }) => {
    const found = await repo.caseAndAct(q, job.caseId, job.actId);
    if (!found) throw new Error(`document ${job.kind}: case or act missing`);
    const { c, a } = found;
    const title = documentTitle(job.kind);
    const lines = [
      title.toUpperCase(), '',
      `Case number: ${c.number}`, `Right: ${c.right_kind}`, `Title: ${c.title ?? '-'}`, `Filing date: ${c.filing_date ?? 'not accorded'}`,
      `Act: ${a.type} (no. ${a.seq}) on ${a.office_date}`, `Legal basis: ${a.legal_basis}`,
      ...(c.data.registrationDate ? [`Registration date: ${c.data.registrationDate}`, `Expiry date: ${c.data.expiryDate}`] : []),
      ...((c.data.goodsServices ?? []) as { classNumber: number; terms: string[] }[]).map((g) => `Class ${g.classNumber}: ${g.terms.join('; ')}`),
      '', `Journal entry hash: ${a.hash}`,
    ];
    const blob = await storage.put(Buffer.from(lines.join('\n'), 'utf8'));
    await repo.insertOutgoing(q, { caseId: job.caseId, actId: job.actId, kind: job.kind, mediaType: 'text/plain; charset=utf-8', sha256: blob.sha256, size: blob.size, title });
  };
}
