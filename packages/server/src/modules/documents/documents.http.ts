// Routes of outgoing documents: anyone checks a document by its verification code or by its bytes; the
// administrator edits the templates (new versions only, checked before they are kept) and previews them.
import type { FastifyInstance } from 'fastify';
import type { Office } from '../../app/office.ts';
import { userOf } from '../../app/http.ts';
import { DomainError } from '../../kernel/errors.ts';
import { sha256 as sha256Hex } from '../../kernel/hash.ts';
import * as repo from './documents.repository.ts';
import { defaultTemplate, DOCUMENT_LANGUAGES, isDocumentLanguage, type DocumentLanguage } from './phrases.ts';
import { BLOCKS, FIELDS, MAX_TEMPLATE_LENGTH, parseTemplateOrThrow } from './templates.ts';
import { DOCUMENT_TITLES } from './titles.ts';
import { drawDocument, normaliseVerificationCode } from './index.ts';

const templateParams = {
  type: 'object', required: ['kind', 'language'],
  properties: { kind: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,59}$' }, language: { type: 'string', pattern: '^[a-z]{2}$' } },
} as const;

/** What the verification of an issued document tells anyone who holds it (or its code). */
function verified(office: Office, row: repo.VerifiedRow) {
  const signer = office.signingKey().describe();
  return {
    valid: true,
    document: { kind: row.kind, title: row.title, sha256: row.sha256, size: Number(row.size), pages: row.pages, language: row.language, issuedOn: row.office_date, signed: row.signed },
    case: { number: row.case_number, right: row.right_kind, public: row.public },
    act: { type: row.act_type, officeDate: row.office_date, hash: row.act_hash, sealed: row.sealed },
    signer: { subject: signer.subject, issuer: signer.issuer, fingerprint256: signer.fingerprint256 },
  };
}

export async function templatesRoutes(api: FastifyInstance, office: Office) {
  const deps = office.documents;
  const languages = () => DOCUMENT_LANGUAGES.filter((l) => deps.office.languages.includes(l));
  const checkKindAndLanguage = (kind: string, language: string): DocumentLanguage => {
    if (!(kind in DOCUMENT_TITLES)) throw new DomainError('TEMPLATE_KIND_UNKNOWN', `The office issues no document of the kind '${kind}'`, 404, { kinds: Object.keys(DOCUMENT_TITLES) });
    if (!isDocumentLanguage(language) || !deps.office.languages.includes(language)) {
      throw new DomainError('TEMPLATE_LANGUAGE_UNKNOWN', `The office does not issue documents in '${language}'`, 404, { languages: languages() });
    }
    return language;
  };
  const templateView = async (kind: string, language: DocumentLanguage) => {
    const versions = await repo.templateVersions(office.db, kind, language);
    const inForce = versions[0];
    const shipped = defaultTemplate(kind, language);
    return {
      kind, language, title: DOCUMENT_TITLES[kind],
      body: inForce?.body ?? shipped, edited: inForce?.body != null, shipped,
      versions: versions.map((v) => ({ id: v.id, shipped: v.body == null, note: v.note, createdBy: v.created_by_name, createdAt: v.created_at })),
    };
  };

  // ---- verification (public) ----
  const codeParams = { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 1, maxLength: 40 } } } as const;
  const byCode = async (raw: string) => {
    const code = normaliseVerificationCode(raw);
    if (!code) throw new DomainError('VERIFICATION_CODE_INVALID', 'A verification code has 12 letters and digits, as printed at the foot of the document (e.g. 7K3M-Q9TX-4HBD)', 400);
    const row = await repo.byVerificationCode(office.db, code);
    if (!row) throw new DomainError('VERIFICATION_CODE_UNKNOWN', 'No document of the office has this verification code', 404);
    return row;
  };

  api.get<{ Params: { code: string } }>('/verify/:code', {
    config: { access: 'public' },
    schema: { tags: ['documents'], summary: 'Check a document the office issued, by the verification code printed on it: what it is, its SHA-256, the case and act it records, and who signed it', params: codeParams },
  }, async (req) => verified(office, await byCode(req.params.code)));

  api.get<{ Params: { code: string } }>('/verify/:code/document', {
    config: { access: 'public' },
    schema: { tags: ['documents'], summary: 'The office\'s own copy of a document, by its verification code (signed PDF)', params: codeParams },
  }, async (req, reply) => {
    const row = await byCode(req.params.code);
    const data = await office.storage.get(row.sha256);
    if (!data) throw new DomainError('DOCUMENT_NOT_FOUND', 'The document is recorded but its file cannot be read now', 503);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${row.case_number}-${row.kind}.pdf"`).header('x-checksum-sha256', row.sha256).send(data);
  });

  api.post('/verify', {
    config: { access: 'public' },
    schema: {
      tags: ['documents'], summary: 'Check a PDF file against the register: is it, byte for byte, a document the office issued? (send the file as application/pdf)',
      description: 'Answers 200 with valid=false when the file is not one the office issued or has been changed since (any change, even one byte, changes its SHA-256).',
    },
  }, async (req) => {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim();
    const body = req.body as unknown;
    if (type !== 'application/pdf' || !Buffer.isBuffer(body)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the document as application/pdf', 415, { accept: ['application/pdf'] });
    const sha256 = sha256Hex(body);
    const row = await repo.outgoingBySha(office.db, sha256);
    return row ? verified(office, row) : { valid: false, sha256 };
  });

  // ---- templates (administrator) ----
  api.get('/admin/document-templates', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['admin'], summary: 'The templates of outgoing documents: every kind the office issues, in every language it issues in, with the fields and blocks a template may use' },
  }, async (req) => {
    const own = await repo.templatesInForce(office.db);
    const edited = new Map(own.map((t) => [`${t.kind}/${t.language}`, t]));
    return {
      languages: languages(), fields: FIELDS, blocks: BLOCKS, maxLength: MAX_TEMPLATE_LENGTH,
      templates: Object.entries(DOCUMENT_TITLES).flatMap(([kind, title]) => languages().map((language) => {
        const t = edited.get(`${kind}/${language}`);
        return { kind, title, language, edited: t?.body != null, updatedAt: t?.created_at ?? null, updatedBy: t?.created_by_name ?? null };
      })),
    };
  });

  api.get<{ Params: { kind: string; language: string } }>('/admin/document-templates/:kind/:language', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['admin'], summary: 'A template: the text in force, the text the product ships, and the versions the office kept', params: templateParams },
  }, async (req) => {
    return templateView(req.params.kind, checkKindAndLanguage(req.params.kind, req.params.language));
  });

  api.put<{ Params: { kind: string; language: string }; Body: { body: string | null; note?: string } }>('/admin/document-templates/:kind/:language', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'], summary: 'Put a new version of a template in force (body null: back to the text the product ships); documents issued before keep theirs',
      params: templateParams,
      body: { type: 'object', required: ['body'], additionalProperties: false, properties: { body: { type: ['string', 'null'], maxLength: MAX_TEMPLATE_LENGTH }, note: { type: 'string', maxLength: 500 } } },
    },
  }, async (req) => {
    const user = userOf(req);
    const language = checkKindAndLanguage(req.params.kind, req.params.language);
    if (req.body.body != null) parseTemplateOrThrow(req.body.body);
    await repo.addTemplateVersion(office.db, { kind: req.params.kind, language, body: req.body.body, note: req.body.note ?? null, userId: user.id });
    return templateView(req.params.kind, language);
  });

  api.post<{ Params: { kind: string; language: string }; Body: { body: string; caseNumber?: string } }>('/admin/document-templates/:kind/:language/preview', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['admin'], summary: 'A preview of a template text as a PDF (not signed, no valid verification code), drawn from a case: the one named, else the latest that had such a document, else the latest act',
      params: templateParams,
      body: { type: 'object', required: ['body'], additionalProperties: false, properties: { body: { type: 'string', maxLength: MAX_TEMPLATE_LENGTH }, caseNumber: { type: 'string', maxLength: 60 } } },
    },
  }, async (req, reply) => {
    const language = checkKindAndLanguage(req.params.kind, req.params.language);
    parseTemplateOrThrow(req.body.body);
    const sample = await repo.previewSample(office.db, req.params.kind, req.body.caseNumber ?? null);
    if (!sample && req.body.caseNumber) throw new DomainError('CASE_NOT_FOUND', 'No case has this number', 404);
    if (!sample) throw new DomainError('NO_CASE_TO_PREVIEW', 'There is no case yet to draw a preview from', 404);
    const drawn = await drawDocument(deps, office.db, { kind: req.params.kind, ...sample }, { templateBody: req.body.body, language, preview: true });
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="preview.pdf"').send(drawn.pdf);
  });
}
