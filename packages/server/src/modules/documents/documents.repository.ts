import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.ts';

export interface CaseForDocument {
  id: string; number: string; right_kind: string; framework: string; procedure_version: string; title: string | null;
  filing_date: string | null; state: string; data: Record<string, any>;
}
export interface ActForDocument { id: number; seq: number; type: string; office_date: string; legal_basis: string; hash: string; payload: Record<string, any> }

export async function caseAndAct(q: Queryable, caseId: string, actId: number): Promise<{ c: CaseForDocument; a: ActForDocument } | null> {
  const r = (await q.query(
    `SELECT c.id, c.number, c.right_kind, c.framework, c.procedure_version, c.title, c.filing_date::text AS filing_date, c.state, c.data,
            a.id AS act_id, a.seq, a.type, a.office_date::text AS office_date, a.legal_basis, a.hash, a.payload
       FROM cases c JOIN acts a ON a.case_id = c.id WHERE c.id = $1 AND a.id = $2`, [caseId, actId])).rows[0];
  if (!r) return null;
  return {
    c: { id: r.id, number: r.number, right_kind: r.right_kind, framework: r.framework, procedure_version: r.procedure_version, title: r.title, filing_date: r.filing_date, state: r.state, data: r.data },
    a: { id: Number(r.act_id), seq: r.seq, type: r.type, office_date: r.office_date, legal_basis: r.legal_basis, hash: r.hash, payload: r.payload },
  };
}

export async function partiesOf(q: Queryable, caseId: string): Promise<{ role: string; name: string }[]> {
  return (await q.query<{ role: string; name: string }>(
    'SELECT cp.role, p.name FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = $1 ORDER BY cp.role, p.name', [caseId])).rows;
}

/** The time limits an act opened, earliest due first. */
export async function timeLimitsOpenedBy(q: Queryable, actId: number): Promise<{ kind: string; due_on: string }[]> {
  return (await q.query<{ kind: string; due_on: string }>(
    'SELECT kind, due_on::text AS due_on FROM time_limits WHERE opened_by_act = $1 ORDER BY due_on, kind', [actId])).rows;
}

/** What came in with an act: the documents filed with it. */
export async function incomingOf(q: Queryable, caseId: string, actId: number): Promise<{ title: string; sha256: string }[]> {
  return (await q.query<{ title: string; sha256: string }>(
    "SELECT title, sha256 FROM documents WHERE case_id = $1 AND act_id = $2 AND direction = 'incoming' ORDER BY created_at, title", [caseId, actId])).rows;
}

export async function outgoingExists(q: Queryable, caseId: string, actId: number, kind: string): Promise<boolean> {
  return (await q.query("SELECT 1 FROM documents WHERE case_id = $1 AND act_id = $2 AND kind = $3 AND direction = 'outgoing'", [caseId, actId, kind])).rows.length > 0;
}

export interface OutgoingRow {
  caseId: string; actId: number; kind: string; mediaType: string; sha256: string; size: number; title: string;
  language: string; pages: number; templateId: string | null; templateSha256: string; verificationCode: string; signed: boolean;
}

export async function insertOutgoing(q: Queryable, d: OutgoingRow) {
  await q.query(
    `INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title, language, pages, template_id, template_sha256, verification_code, signed)
     VALUES ($1, $2, $3, $4, 'outgoing', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (case_id, act_id, kind) WHERE direction = 'outgoing' DO NOTHING`,
    [randomUUID(), d.caseId, d.actId, d.kind, d.mediaType, d.sha256, d.size, d.title, d.language, d.pages, d.templateId, d.templateSha256, d.verificationCode, d.signed]);
}

// ---- templates -----------------------------------------------------------------------------------

export interface TemplateRow { id: string; kind: string; language: string; body: string | null; note: string | null; created_by: string | null; created_by_name: string | null; created_at: string }

/** The office's version in force for a kind and language (the newest), if it has one. */
export async function templateInForce(q: Queryable, kind: string, language: string): Promise<{ id: string; body: string | null } | null> {
  return (await q.query<{ id: string; body: string | null }>(
    'SELECT id::text AS id, body FROM document_templates WHERE kind = $1 AND language = $2 ORDER BY id DESC LIMIT 1', [kind, language])).rows[0] ?? null;
}

/** The newest version of every (kind, language) the office has edited. */
export async function templatesInForce(q: Queryable): Promise<TemplateRow[]> {
  return (await q.query<TemplateRow>(
    `SELECT DISTINCT ON (t.kind, t.language) t.id::text AS id, t.kind, t.language, t.body, t.note, t.created_by, u.display_name AS created_by_name, t.created_at
       FROM document_templates t LEFT JOIN users u ON u.id = t.created_by ORDER BY t.kind, t.language, t.id DESC`)).rows;
}

export async function templateVersions(q: Queryable, kind: string, language: string): Promise<TemplateRow[]> {
  return (await q.query<TemplateRow>(
    `SELECT t.id::text AS id, t.kind, t.language, t.body, t.note, t.created_by, u.display_name AS created_by_name, t.created_at
       FROM document_templates t LEFT JOIN users u ON u.id = t.created_by WHERE t.kind = $1 AND t.language = $2 ORDER BY t.id DESC LIMIT 100`, [kind, language])).rows;
}

export async function addTemplateVersion(q: Queryable, v: { kind: string; language: string; body: string | null; note: string | null; userId: string }): Promise<string> {
  return (await q.query<{ id: string }>(
    'INSERT INTO document_templates (kind, language, body, note, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id::text AS id',
    [v.kind, v.language, v.body, v.note, v.userId])).rows[0].id;
}

// ---- verification --------------------------------------------------------------------------------

export interface VerifiedRow {
  sha256: string; size: number; kind: string; title: string; language: string | null; pages: number | null; signed: boolean;
  created_at: string; case_number: string; right_kind: string; act_type: string; office_date: string; act_hash: string; public: boolean;
  /** The act is in a journal seal (anchored in the office chain, e.g. as printed in the gazette). */
  sealed: boolean;
}

const VERIFIED = `SELECT d.sha256, d.size, d.kind, d.title, d.language, d.pages, d.signed, d.created_at,
                         c.number AS case_number, c.right_kind, c.public, a.type AS act_type, a.office_date::text AS office_date, a.hash AS act_hash,
                         a.seal_id IS NOT NULL AS sealed
                    FROM documents d JOIN cases c ON c.id = d.case_id JOIN acts a ON a.id = d.act_id
                   WHERE d.direction = 'outgoing'`;

export async function byVerificationCode(q: Queryable, code: string): Promise<VerifiedRow | null> {
  return (await q.query<VerifiedRow>(`${VERIFIED} AND d.verification_code = $1`, [code])).rows[0] ?? null;
}

export async function outgoingBySha(q: Queryable, sha256: string): Promise<VerifiedRow | null> {
  return (await q.query<VerifiedRow>(`${VERIFIED} AND d.sha256 = $1 LIMIT 1`, [sha256])).rows[0] ?? null;
}

/** A case and act to draw a template preview from: the named case's latest act, else the latest document of the kind, else the latest act. */
export async function previewSample(q: Queryable, kind: string, caseNumber: string | null): Promise<{ caseId: string; actId: number } | null> {
  const r = caseNumber
    ? (await q.query("SELECT a.case_id, a.id FROM acts a JOIN cases c ON c.id = a.case_id WHERE c.number = $1 ORDER BY a.seq DESC LIMIT 1", [caseNumber])).rows[0]
    : (await q.query("SELECT case_id, act_id AS id FROM documents WHERE kind = $1 AND direction = 'outgoing' ORDER BY created_at DESC LIMIT 1", [kind])).rows[0]
      ?? (await q.query('SELECT case_id, id FROM acts ORDER BY id DESC LIMIT 1')).rows[0];
  return r ? { caseId: r.case_id, actId: Number(r.id) } : null;
}
