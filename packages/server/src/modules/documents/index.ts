// Outgoing documents: each document an act names is drawn from the office's template for its kind and
// the case's language, rendered as a PDF, signed with the office's key, given a verification code and
// filed content-addressed in the case, all inside the 'act.recorded' job (so once per act and kind).
import { randomBytes } from 'node:crypto';
import { lawText } from '@registrum/procedures/translations/law-text.ts';
import { canonicalJson, sha256 } from '../../kernel/hash.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { signPdf, type OfficeSigningKey } from '../../platform/signing/signing.ts';
import type { BlobStorage } from '../../platform/storage/storage.ts';
import type { ProcedureEngine } from '../../procedure-engine/engine.ts';
import * as repo from './documents.repository.ts';
import { defaultTemplate, DOCUMENT_LANGUAGES, isDocumentLanguage, PHRASES, RTL_LANGUAGES, type DocumentLanguage } from './phrases.ts';
import { renderDocumentPdf } from './render.ts';
import { fillTemplate, parseTemplate, type Field } from './templates.ts';
import { codeWords as words, documentTitle } from './titles.ts';

export { DOCUMENT_TITLES, documentTitle } from './titles.ts';

export interface DocumentsDeps {
  storage: BlobStorage;
  engine: Pick<ProcedureEngine, 'procedureOf'>;
  signingKey(): OfficeSigningKey;
  office: { name: string; code: string; languages: readonly string[] };
  /** The absolute address of the public verification page, without the code. */
  verifyBase: string;
}

/** The language a case's documents are issued in: the case's language when the office issues in it, else the office's first. */
export function documentLanguage(office: DocumentsDeps['office'], caseLanguage: unknown): DocumentLanguage {
  const offered = office.languages.filter(isDocumentLanguage);
  if (isDocumentLanguage(caseLanguage) && offered.includes(caseLanguage)) return caseLanguage;
  return offered[0] ?? 'en';
}

/** The template in force for a kind and language: the office's newest version, or the product's own. */
export async function templateFor(q: Queryable, kind: string, language: DocumentLanguage): Promise<{ id: string | null; body: string }> {
  const own = await repo.templateInForce(q, kind, language);
  if (own?.body != null) return { id: own.id, body: own.body };
  return { id: own?.id ?? null, body: defaultTemplate(kind, language) };
}

/** 12 characters of Crockford's base32 (no I, L, O, U), shown in groups of four: about 60 bits. */
export function newVerificationCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** A code as typed by a reader: case and separators do not matter; 0/O and 1/I/L are read as Crockford says. */
export function normaliseVerificationCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}`;
}

function partyNames(parties: { role: string; name: string }[], roles: string[]) {
  return parties.filter((p) => roles.includes(p.role)).map((p) => p.name).join('; ') || null;
}

/** The image a document shows: the mark's, or the first view of the first design. */
function imageRef(data: Record<string, any>): string | null {
  if (typeof data.mark?.image?.sha256 === 'string') return data.mark.image.sha256;
  const view = data.designs?.[0]?.views?.[0];
  return typeof view?.sha256 === 'string' ? view.sha256 : null;
}

function remarksOf(payload: Record<string, any>): string | null {
  const out: string[] = [];
  for (const k of ['grounds', 'reasons', 'remarks', 'decision', 'summary']) {
    const v = payload[k];
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
    else if (Array.isArray(v)) out.push(...v.map((x) => typeof x === 'string' ? x : typeof x?.text === 'string' ? x.text : typeof x?.description === 'string' ? x.description : null).filter((x): x is string => !!x));
  }
  for (const d of Array.isArray(payload.deficiencies) ? payload.deficiencies : []) {
    const text = typeof d === 'string' ? d : [d?.code, d?.description ?? d?.text].filter(Boolean).join(': ');
    if (text) out.push(text);
  }
  return out.length ? out.join(' · ') : null;
}

export interface IssuedDocument { sha256: string; size: number; pages: number; verificationCode: string; language: DocumentLanguage; templateId: string | null }

/**
 * Issues one document of an act: nothing if it was issued already (the job may run again after a
 * crash). `templateBody` replaces the template in force (the administrator's preview).
 */
export async function issueDocument(deps: DocumentsDeps, q: Queryable, job: { kind: string; caseId: string; actId: number }): Promise<IssuedDocument | null> {
  if (await repo.outgoingExists(q, job.caseId, job.actId, job.kind)) return null;
  const drawn = await drawDocument(deps, q, job);
  const stored = await deps.storage.put(drawn.pdf);
  await repo.insertOutgoing(q, {
    caseId: job.caseId, actId: job.actId, kind: job.kind, mediaType: 'application/pdf', sha256: stored.sha256, size: stored.size,
    title: documentTitle(job.kind), language: drawn.language, pages: drawn.pages, templateId: drawn.templateId, templateSha256: drawn.templateSha256,
    verificationCode: drawn.verificationCode, signed: true,
  });
  return { sha256: stored.sha256, size: stored.size, pages: drawn.pages, verificationCode: drawn.verificationCode, language: drawn.language, templateId: drawn.templateId };
}

/** Draws and signs a document of an act without filing it (issuing files it; a preview does not). */
export async function drawDocument(deps: DocumentsDeps, q: Queryable, job: { kind: string; caseId: string; actId: number },
  opts: { templateBody?: string; language?: DocumentLanguage; preview?: boolean } = {}) {
  const found = await repo.caseAndAct(q, job.caseId, job.actId);
  if (!found) throw new Error(`document ${job.kind}: case or act missing`);
  const { c, a } = found;
  const { procedure } = deps.engine.procedureOf(c);
  const language = opts.language ?? documentLanguage(deps.office, c.data.language);
  const phrases = PHRASES[language];
  const template = opts.templateBody != null ? { id: null, body: opts.templateBody } : await templateFor(q, job.kind, language);
  const parties = await repo.partiesOf(q, c.id);
  const limits = await repo.timeLimitsOpenedBy(q, a.id);
  // A preview is no document of the office: it gets no code anyone could verify, and no signature.
  const code = opts.preview ? 'PREVIEW' : newVerificationCode();
  const title = lawText(language, documentTitle(job.kind));
  const verifyUrl = `${deps.verifyBase}/${code}`;
  const goods = (Array.isArray(c.data.goodsServices) ? c.data.goodsServices : []) as { classNumber: number; terms: string[] }[];
  const classes = goods.length ? goods.map((g) => g.classNumber).join(', ')
    : Array.isArray(c.data.locarnoClasses) ? c.data.locarnoClasses.join(', ') : null;
  const values: Partial<Record<Field, string | null>> = {
    'office.name': deps.office.name, 'office.code': deps.office.code,
    'document.title': title, 'document.date': a.office_date, 'document.code': code, 'document.verifyUrl': verifyUrl,
    'case.number': c.number, 'case.right': phrases.rights[c.right_kind as keyof typeof phrases.rights] ?? words(c.right_kind),
    'case.title': c.title, 'case.status': lawText(language, procedure.states[c.state]?.title ?? words(c.state)),
    'case.filingDate': c.filing_date, 'case.registrationDate': c.data.registrationDate ?? c.data.grantDate ?? null, 'case.expiryDate': c.data.expiryDate ?? null,
    'case.applicants': partyNames(parties, ['holder']) ?? partyNames(parties, ['applicant']), 'case.representative': partyNames(parties, ['representative']),
    'case.classes': classes,
    'act.title': lawText(language, procedure.acts[a.type]?.title ?? words(a.type)), 'act.date': a.office_date, 'act.number': String(a.seq),
    'act.legalBasis': a.legal_basis, 'act.remarks': remarksOf(a.payload),
    'timeLimit.title': limits[0] ? lawText(language, words(limits[0].kind)) : null, 'timeLimit.dueOn': limits[0]?.due_on ?? null,
    'journal.actHash': a.hash,
  };
  const lines = fillTemplate(parseTemplate(template.body), values);
  // The filing receipt always says what was received, whatever its template leaves out.
  if (job.kind === 'filing-receipt' && !lines.some((l) => l.t === 'block' && l.name === 'submitted')) lines.push({ t: 'gap' }, { t: 'block', name: 'submitted' });
  const imageSha = imageRef(c.data);
  const image = imageSha && lines.some((l) => l.t === 'block' && l.name === 'image') ? await deps.storage.get(imageSha) : null;
  const submitted = lines.some((l) => l.t === 'block' && l.name === 'submitted')
    ? [{ label: phrases.submittedData, sha256: sha256(canonicalJson(a.payload)) }, ...(await repo.incomingOf(q, c.id, a.id)).map((d) => ({ label: lawText(language, d.title), sha256: d.sha256 }))]
    : [];
  const rendered = await renderDocumentPdf({
    title, language, rtl: RTL_LANGUAGES.has(language), office: deps.office.name, caseNumber: c.number, date: a.office_date, lines,
    image, goods, submitted,
    headings: { image: phrases.image, goods: phrases.goods, classes: phrases.class, submitted: phrases.submitted },
    verification: phrases.verification.replace('{office}', deps.office.name).replace('{url}', deps.verifyBase).replace('{code}', code),
  });
  const pdf = opts.preview ? rendered.pdf : await signPdf(rendered.pdf, deps.signingKey(), { reason: `${documentTitle(job.kind)} ${c.number}`, name: deps.office.name });
  return { pdf, pages: rendered.pages, language, templateId: template.id, templateSha256: sha256(template.body), verificationCode: code };
}

/** What the 'act.recorded' job does for each document an act names. */
export function renderDocumentJob(deps: DocumentsDeps) {
  return async (q: Queryable, job: { kind: string; caseId: string; actId: number }) => { await issueDocument(deps, q, job); };
}

export { DOCUMENT_LANGUAGES };
