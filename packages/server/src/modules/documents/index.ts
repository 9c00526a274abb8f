// Outgoing documents. For now each is a plain-text rendering of the act and case data, stored
// content-addressed and listed in the case file. Signed PDFs from per-office templates replace the
// renderer in the electronic-dossier work; the job, storage and listing stay as they are.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';

const TITLES: Record<string, string> = {
  'filing-receipt': 'Filing receipt', 'deficiency-notice': 'Notice of deficiency', 'provisional-refusal': 'Provisional refusal',
  'refusal-decision': 'Decision to refuse', 'publication-notice': 'Publication notice', 'registration-certificate': 'Certificate of registration',
  'renewal-certificate': 'Certificate of renewal', 'opposition-receipt': 'Receipt of opposition', 'opposition-decision': 'Decision on opposition',
};

export function renderDocumentJob(storage: BlobStorage) {
  return async (q: Queryable, job: { kind: string; caseId: string; actId: number }) => {
    const c = (await q.query('SELECT number, title, filing_date, state, data FROM cases WHERE id = $1', [job.caseId])).rows[0];
    const a = (await q.query('SELECT seq, type, office_date, legal_basis, hash FROM acts WHERE id = $1', [job.actId])).rows[0];
    if (!c || !a) throw new Error(`document ${job.kind}: case or act missing`);
    const title = TITLES[job.kind] ?? job.kind;
    const lines = [
      title.toUpperCase(), '',
      `Case number: ${c.number}`, `Mark: ${c.title ?? '(figurative)'}`, `Filing date: ${c.filing_date ?? 'not accorded'}`,
      `Act: ${a.type} (no. ${a.seq}) on ${a.office_date}`, `Legal basis: ${a.legal_basis}`,
      ...(c.data.registrationDate ? [`Registration date: ${c.data.registrationDate}`, `Expiry date: ${c.data.expiryDate}`] : []),
      ...((c.data.goodsServices ?? []) as { classNumber: number; terms: string[] }[]).map((g) => `Class ${g.classNumber}: ${g.terms.join('; ')}`),
      '', `Journal entry hash: ${a.hash}`,
    ];
    const blob = await storage.put(Buffer.from(lines.join('\n'), 'utf8'));
    await q.query(
      `INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title) VALUES ($1, $2, $3, $4, 'outgoing', 'text/plain; charset=utf-8', $5, $6, $7)
       ON CONFLICT (case_id, act_id, kind) DO NOTHING`,
      [randomUUID(), job.caseId, job.actId, job.kind, blob.sha256, blob.size, title]);
  };
}
