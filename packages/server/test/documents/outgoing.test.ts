// Outgoing documents: drawn from the office's templates in the case's language, signed (checked by
// poppler's pdfsig), carrying a verification code anyone can check; the filing receipt names the
// SHA-256 of what was submitted; administrators edit templates as new versions, checked first.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { canonicalJson } from '../../src/kernel/hash.ts';
import { checkTemplate, fillTemplate, parseTemplate } from '../../src/modules/documents/templates.ts';
import { defaultTemplate, DOCUMENT_LANGUAGES, PHRASES } from '../../src/modules/documents/phrases.ts';
import { normaliseVerificationCode } from '../../src/modules/documents/index.ts';
import { DOCUMENT_TITLES } from '../../src/modules/documents/titles.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { poppler, requirePoppler } from '../support/poppler.ts';
import { client, expectProblem, login, ok, tinyPng, type Client } from '../http/helpers.ts';
import { cast, scene, type Cast } from '../gazette/scene.ts';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('the template language', () => {
  it('every shipped template parses in every language, and every language has every phrase', () => {
    for (const lang of DOCUMENT_LANGUAGES) {
      assert.deepEqual(Object.keys(PHRASES[lang]).sort(), Object.keys(PHRASES.en).sort(), lang);
      for (const kind of Object.keys(DOCUMENT_TITLES)) assert.deepEqual(checkTemplate(defaultTemplate(kind, lang)), [], `${kind}/${lang}`);
    }
  });

  it('names each problem with its line: unknown fields and blocks, unclosed fields, an empty text', () => {
    assert.deepEqual(checkTemplate('# {{document.title}}\nDear {{case.owner}}\n[signature]\nSee {{case.number'), [
      { line: 2, reason: 'unknown-field', detail: 'case.owner' },
      { line: 3, reason: 'unknown-block', detail: 'signature' },
      { line: 4, reason: 'unclosed-field', detail: '{{case.number' },
    ]);
    assert.deepEqual(checkTemplate('\n\n  \n'), [{ line: 1, reason: 'empty' }]);
    assert.equal(checkTemplate('x'.repeat(20_001))[0].reason, 'too-long');
  });

  it('fills fields; a line whose fields are all empty is left out, and gaps do not pile up', () => {
    const lines = parseTemplate('# {{document.title}}\n- Number: {{case.number}}\n- Registered: {{case.registrationDate}}\n\n\nExpires {{case.expiryDate}}.\n\nEnd');
    assert.deepEqual(fillTemplate(lines, { 'document.title': 'Filing receipt', 'case.number': 'TM-1' }), [
      { t: 'h1', text: 'Filing receipt' }, { t: 'row', label: 'Number', value: 'TM-1' }, { t: 'gap' }, { t: 'p', text: 'End' },
    ]);
  });

  it('reads a verification code as people type it', () => {
    assert.equal(normaliseVerificationCode(' 7k3m q9tx-4hbd '), '7K3M-Q9TX-4HBD');
    assert.equal(normaliseVerificationCode('7K3M-Q9TX-4HBO'), '7K3M-Q9TX-4HB0', 'O is read as zero');
    assert.equal(normaliseVerificationCode('7K3M-Q9TX'), null);
    assert.equal(normaliseVerificationCode('7K3M-Q9TX-4HB!'), null);
  });
});

describe('outgoing documents of an office', () => {
  let office: TestOffice; let app: FastifyInstance; let people: Cast; let s: ReturnType<typeof scene>;
  let agent: Client; let admin: Client; let examiner: Client; let pub: Client;
  const mark = tinyPng(40, 20, [20, 90, 160]);
  let english = ''; let arabic = ''; let chinese = '';

  const documentsOf = async (number: string) => ok(await agent.get(`/api/v1/cases/${number}`)).documents as any[];
  const fetchDoc = async (sha256: string) => (await agent.get(`/api/v1/documents/${sha256}`)).rawPayload;
  const receiptOf = async (number: string) => {
    const d = (await documentsOf(number)).find((x) => x.kind === 'filing-receipt');
    assert.ok(d, `a filing receipt on ${number}`);
    return { row: d, pdf: await fetchDoc(d.sha256) };
  };

  before(async () => {
    office = await testOffice({ startDate: '2026-03-02' });
    app = await office.http();
    people = await cast(office);
    s = scene(office, people);
    [agent, admin, examiner] = await Promise.all(['agent', 'admin', 'examiner'].map((u) => login(app, u)));
    pub = client(app);
    const image = { ...(await s.store(mark)), mediaType: 'image/png', size: mark.length };
    const applicant = { kind: 'legal', name: 'Aurora Roasters SA', country: 'XX', address: '1 Quay Street' };
    english = await s.fileAndPay('trademark', { mark: { kind: 'Combined', text: 'AURORA', image }, applicant, goodsServices: [{ classNumber: 30, terms: ['coffee', 'tea'] }, { classNumber: 43, terms: ['cafés'] }] });
    arabic = await s.fileAndPay('trademark', { mark: { kind: 'Word', text: 'نجمة الصباح' }, applicant: { ...applicant, name: 'شركة الصباح' }, goodsServices: [{ classNumber: 30, terms: ['قهوة'] }], language: 'ar' });
    chinese = await s.fileAndPay('trademark', { mark: { kind: 'Word', text: '晨星咖啡' }, applicant: { ...applicant, name: '晨星有限公司' }, goodsServices: [{ classNumber: 30, terms: ['咖啡'] }], language: 'zh' });
    await office.work();
  });
  after(async () => { await office?.shutdown(); });

  it('the filing receipt is a signed PDF with its metadata, in the case file', async (t) => {
    const { row, pdf } = await receiptOf(english);
    assert.equal(row.direction, 'outgoing');
    assert.equal(row.media_type ?? row.mediaType, 'application/pdf');
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(sha(pdf), row.sha256);
    const meta = (await office.db.query("SELECT language, pages, verification_code, signed, template_id, template_sha256 FROM documents WHERE sha256 = $1", [row.sha256])).rows[0];
    assert.equal(meta.language, 'en');
    assert.ok(meta.pages >= 1);
    assert.match(meta.verification_code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(meta.signed, true);
    assert.equal(meta.template_id, null, 'the shipped template');
    assert.equal(meta.template_sha256, sha(defaultTemplate('filing-receipt', 'en')));
    if (!requirePoppler(t)) return;
    const sig = poppler('pdfsig', pdf);
    assert.match(sig, /Signature Validation: Signature is Valid\./, sig);
    assert.match(sig, /Total document signed/, sig);
    const info = poppler('pdfinfo', pdf);
    assert.match(info, new RegExp(`Pages:\\s+${meta.pages}\\b`));
  });

  it('the filing receipt says exactly what was received: the SHA-256 of the request data and of each document', async (t) => {
    if (!requirePoppler(t)) return;
    const { pdf } = await receiptOf(english);
    const filing = (await office.db.query("SELECT a.payload FROM acts a JOIN cases c ON c.id = a.case_id WHERE c.number = $1 AND a.seq = 1", [english])).rows[0];
    const text = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
    assert.ok(text.includes(sha(canonicalJson(filing.payload))), 'the hash of the request data');
    assert.ok(text.includes(sha(mark)), 'the hash of the mark image as filed');
    for (const s of ['Filing receipt', english, 'Aurora Roasters SA', 'AURORA', 'Class 30', 'coffee; tea', 'Class 43', '2026-03-02', 'Model']) assert.ok(text.includes(s), `${s} in: ${text.slice(0, 600)}`);
    assert.equal((poppler('pdfimages', pdf, ['-list']).trim().split('\n').length) - 2, 1, 'the mark image is on the receipt');
  });

  it('a case in Arabic gets its documents in Arabic (right to left), one in Chinese in Chinese, with the fonts embedded', async (t) => {
    const ar = await receiptOf(arabic);
    const zh = await receiptOf(chinese);
    const langOf = async (sha256: string) => (await office.db.query('SELECT language FROM documents WHERE sha256 = $1', [sha256])).rows[0].language;
    assert.equal(await langOf(ar.row.sha256), 'ar');
    assert.equal(await langOf(zh.row.sha256), 'zh');
    if (!requirePoppler(t)) return;
    const arText = poppler('pdftotext', ar.pdf);
    assert.match(arText, /[\u0600-\u06FF]{3,}/, 'Arabic letters');
    assert.ok(arText.includes('SHA-256'));
    assert.match(poppler('pdffonts', ar.pdf), /DejaVuSans.*yes\s+yes/, 'DejaVu embedded (subset)');
    const zhText = poppler('pdftotext', zh.pdf);
    assert.ok(zhText.includes('申请日'), zhText.slice(0, 300));
    assert.ok(zhText.includes('晨星咖啡'));
    assert.match(poppler('pdffonts', zh.pdf), /NotoSansSC.*yes\s+yes/, 'Noto Sans SC embedded (subset)');
    assert.match(poppler('pdfsig', zh.pdf), /Signature is Valid/);
  });

  it('anyone checks a document by its code or by its bytes; a changed byte or an unknown code is told apart', async () => {
    const { row, pdf } = await receiptOf(english);
    const code = (await office.db.query('SELECT verification_code FROM documents WHERE sha256 = $1', [row.sha256])).rows[0].verification_code as string;
    const v = ok(await pub.get(`/api/v1/verify/${code.toLowerCase().replace(/-/g, ' ')}`));
    assert.equal(v.valid, true);
    assert.equal(v.document.sha256, row.sha256);
    assert.equal(v.document.kind, 'filing-receipt');
    assert.equal(v.case.number, english);
    assert.equal(v.act.type, 'file');
    assert.match(v.signer.subject, /Model/);
    const copy = await pub.get(`/api/v1/verify/${code}/document`);
    assert.equal(copy.statusCode, 200);
    assert.equal(copy.headers['content-type'], 'application/pdf');
    assert.ok(copy.rawPayload.equals(pdf));

    assert.equal(ok(await pub.raw('POST', '/api/v1/verify', pdf, 'application/pdf')).valid, true);
    const changed = Buffer.from(pdf); changed[Math.floor(changed.length / 3)] ^= 1;
    const bad = ok(await pub.raw('POST', '/api/v1/verify', changed, 'application/pdf'));
    assert.equal(bad.valid, false);
    assert.equal(bad.sha256, sha(changed));
    expectProblem(await pub.get('/api/v1/verify/not-a-code'), 400, 'VERIFICATION_CODE_INVALID');
    expectProblem(await pub.get('/api/v1/verify/0000-0000-0000'), 404, 'VERIFICATION_CODE_UNKNOWN');
    expectProblem(await pub.raw('POST', '/api/v1/verify', Buffer.from('<a/>'), 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('templates: only administrators edit them; a text with errors is refused with its lines; a new version is used from then on, the old documents keep theirs', async (t) => {
    expectProblem(await examiner.get('/api/v1/admin/document-templates'), 403, 'FORBIDDEN');
    expectProblem(await pub.get('/api/v1/admin/document-templates'), 401, 'UNAUTHENTICATED');
    const list = ok(await admin.get('/api/v1/admin/document-templates'));
    assert.deepEqual(list.languages, ['en', 'fr', 'es', 'ar', 'zh', 'ru']);
    assert.equal(list.templates.length, Object.keys(DOCUMENT_TITLES).length * 6);
    assert.ok(list.fields['case.number']);
    expectProblem(await admin.get('/api/v1/admin/document-templates/no-such-kind/en'), 404, 'TEMPLATE_KIND_UNKNOWN');
    expectProblem(await admin.get('/api/v1/admin/document-templates/filing-receipt/de'), 404, 'TEMPLATE_LANGUAGE_UNKNOWN');

    const url = '/api/v1/admin/document-templates/filing-receipt/en';
    const shipped = ok(await admin.get(url));
    assert.equal(shipped.edited, false);
    assert.equal(shipped.body, defaultTemplate('filing-receipt', 'en'));
    const bad = expectProblem(await admin.put(url, { body: '# {{document.title}}\nDear {{case.owner}}' }), 400, 'TEMPLATE_INVALID');
    assert.deepEqual(bad.problems, [{ line: 2, reason: 'unknown-field', detail: 'case.owner' }]);
    expectProblem(await examiner.put(url, { body: '# x' }), 403, 'FORBIDDEN');
    assert.equal(ok(await admin.get(url)).edited, false, 'nothing kept from refused attempts');

    const body = '# {{document.title}} of the Model Office\nWe thank you for filing {{case.title}} on {{case.filingDate}}.\n- Number: {{case.number}}\n[goods]';
    const saved = ok(await admin.put(url, { body, note: 'shorter receipt' }));
    assert.equal(saved.edited, true);
    assert.equal(saved.versions.length, 1);
    assert.equal(saved.versions[0].note, 'shorter receipt');

    const preview = await admin.post(`${url}/preview`, { body: `${body}\nPREVIEW LINE` });
    assert.equal(preview.statusCode, 200);
    assert.equal(preview.headers['content-type'], 'application/pdf');

    const later = await s.fileAndPay('trademark', { mark: { kind: 'Word', text: 'BRISA' }, applicant: { kind: 'legal', name: 'Brisa SL', country: 'XX' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] });
    await office.work();
    const { row, pdf } = await receiptOf(later);
    const meta = (await office.db.query('SELECT template_id, template_sha256 FROM documents WHERE sha256 = $1', [row.sha256])).rows[0];
    assert.equal(String(meta.template_id), saved.versions[0].id);
    assert.equal(meta.template_sha256, sha(body));
    const earlier = (await office.db.query("SELECT template_id FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.number = $1 AND d.kind = 'filing-receipt'", [english])).rows[0];
    assert.equal(earlier.template_id, null, 'documents issued before keep the template they were made from');

    const back = ok(await admin.put(url, { body: null, note: 'back to the shipped text' }));
    assert.equal(back.edited, false);
    assert.equal(back.versions.length, 2);
    await assert.rejects(office.db.query('DELETE FROM document_templates'), /never changed/);
    await assert.rejects(office.db.query("UPDATE document_templates SET body = 'x'"), /never changed/);

    if (!requirePoppler(t)) return;
    const text = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
    assert.ok(text.includes('Filing receipt of the Model Office'), text.slice(0, 400));
    assert.ok(text.includes('We thank you for filing BRISA on 2026-03-02.'));
    assert.ok(text.includes('SHA-256'), 'the receipt still names what was received though its template left the block out');
    assert.match(poppler('pdfsig', preview.rawPayload), /does not contain any signatures/, 'a preview is not signed');
    assert.ok(poppler('pdftotext', preview.rawPayload).includes('PREVIEW LINE'));
  });
});
