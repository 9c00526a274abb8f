// The text OCR read from a document, for whoever may see the document: the case's visibility rules of
// modules/cases (parties and office staff see the whole file; anyone else what the register publishes
// of a published case). A document not (yet) read says so by its status.
import { isOfficeRole } from '../../access/index.ts';
import { loadVisibleCase, publicDocumentKinds, type CasesDeps, type Viewer } from '../../cases/index.ts';
import { DomainError } from '../../../kernel/errors.ts';
import { OCR_MEDIA_TYPES } from '../../../platform/ocr/pages.ts';
import * as repo from '../ocr.repository.ts';

export type TextStatus = repo.OcrStatus | 'disabled';

export interface DocumentText {
  sha256: string;
  status: TextStatus;
  text: string | null;
  confidence: number | null;
  pages: repo.PageResult[];
  languages: string | null;
  engine: string | null;
  /** Why nothing (or not everything) was read. */
  note: string | null;
  readAt: string | null;
  /** The last failure's message: office staff only. */
  error?: string | null;
  attempts?: number;
}

export async function documentText(deps: CasesDeps & { ocrEnabled: boolean }, viewer: Viewer, caseIdOrNumber: string, sha256: string): Promise<DocumentText> {
  const { c, party } = await loadVisibleCase(deps, viewer, caseIdOrNumber);
  const staff = !!viewer && isOfficeRole(viewer.role);
  const publicKinds = publicDocumentKinds(deps.engine.procedureOf(c).procedure);
  const docs = (await repo.documentsOfCase(deps.db, c.id, sha256)).filter((d) => staff || party || (c.public && publicKinds.has(d.kind)));
  if (docs.length === 0) throw new DomainError('DOCUMENT_NOT_FOUND', 'No such document in this case', 404);
  const row = await repo.textOf(deps.db, sha256);
  const empty = { sha256, text: null, confidence: null, pages: [], languages: null, engine: null, readAt: null };
  if (!row) {
    // What the office wrote, and text documents (XML, Word), carry their text themselves.
    const scanned = docs.some((d) => d.direction === 'incoming' && OCR_MEDIA_TYPES.includes(d.media_type));
    if (!scanned) return { ...empty, status: 'not-needed', note: 'the document is not a scan' };
    return { ...empty, status: deps.ocrEnabled ? 'pending' : 'disabled', note: deps.ocrEnabled ? null : 'OCR is switched off at this office' };
  }
  return {
    sha256,
    status: row.status,
    text: row.text,
    confidence: row.confidence === null ? null : Number(row.confidence),
    pages: row.page_results ?? [],
    languages: row.languages,
    engine: row.engine,
    note: row.note,
    readAt: row.finished_at && row.status !== 'pending' && row.status !== 'failed' ? new Date(row.finished_at).toISOString() : null,
    ...(staff ? { error: row.last_error, attempts: row.attempts } : {}),
  };
}
