// The office's PDF signature, checked by an independent verifier: poppler's pdfsig (installed by CI).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { demoSigningKey, loadPkcs12, makeDemoPkcs12, signPdf, SigningKeyError } from '../../src/platform/signing/signing.ts';
import { loadConfig } from '../../src/app/config.ts';
import { openOffice } from '../../src/app/office.ts';
import { poppler, requirePoppler } from '../support/poppler.ts';

const requirePdfsig = requirePoppler;

async function pdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: text } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.font(new URL('../../../../node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf', import.meta.url).pathname).fontSize(14).text(text);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const pdfsig = (bytes: Buffer) => poppler('pdfsig', bytes);

describe('signed PDFs', () => {
  const key = demoSigningKey(null, 'Model Law Office', 'XX');

  it('a signed document verifies in pdfsig as a whole-document ETSI.CAdES.detached signature of the office', async (t) => {
    if (!requirePdfsig(t)) return;
    const signed = await signPdf(await pdf('Registration certificate — Свидетельство — شهادة — 注册证'), key, { reason: 'Registration certificate TM-2026-000001', name: 'Model Law Office' });
    const out = pdfsig(signed);
    assert.match(out, /Signature Validation: Signature is Valid\./, out);
    assert.match(out, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(out, /Signing Hash Algorithm: SHA-256/);
    assert.match(out, /Total document signed/);
    assert.match(out, /Signer Certificate Common Name: Model Law Office \(demonstration signing key\)/);
  });

  it('a byte changed after signing is caught by the verifier', async (t) => {
    if (!requirePdfsig(t)) return;
    const signed = await signPdf(await pdf('Renewal reminder'), key, { reason: 'Renewal reminder', name: 'Model Law Office' });
    const forged = Buffer.from(signed);
    const at = forged.indexOf('Renewal reminder');
    assert.ok(at > 0);
    forged.write('Renewal REMINDER', at, 'latin1');
    const out = pdfsig(forged);
    assert.doesNotMatch(out, /Signature is Valid/, out);
    assert.match(out, /Digest Mismatch/);
  });

  it('a PKCS#12 file is read with its passphrase; a wrong passphrase is a clear error', () => {
    const p12 = makeDemoPkcs12('Office of Ruritania', 'RU', 'correct passphrase');
    const k = loadPkcs12(p12, 'correct passphrase');
    assert.match(k.describe().subject, /O=Office of Ruritania/);
    assert.equal(k.certificates.length, 1);
    assert.throws(() => loadPkcs12(p12, 'wrong'), SigningKeyError);
    assert.throws(() => loadPkcs12(Buffer.from('not a p12'), ''), SigningKeyError);
  });

  it('production needs a signing key; a configured one is read at start, and a bad one stops the start', async () => {
    assert.throws(() => loadConfig({ REGISTRUM_MODE: 'production' }), /SIGNING_P12 is required in production/);
    const dir = mkdtempSync(join(tmpdir(), 'registrum-p12-'));
    try {
      writeFileSync(join(dir, 'office.p12'), makeDemoPkcs12('Office of Ruritania', 'RU', 's3cret'));
      const base = { REGISTRUM_MODE: 'production', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', SIGNING_P12: join(dir, 'office.p12') };
      const office = await openOffice(loadConfig({ ...base, SIGNING_P12_PASSPHRASE: 's3cret' }));
      try { assert.match(office.signingKey().describe().subject, /Office of Ruritania/); } finally { await office.close(); }
      await assert.rejects(openOffice(loadConfig({ ...base, SIGNING_P12_PASSPHRASE: 'wrong' })), /SIGNING_P12 .* cannot be used/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('the demo key is kept in the data directory, so documents signed before a restart verify with the same certificate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'registrum-demo-key-'));
    try {
      const a = demoSigningKey(join(dir, 'signing', 'demo.p12'), 'Model Law Office', 'XX');
      const b = demoSigningKey(join(dir, 'signing', 'demo.p12'), 'Model Law Office', 'XX');
      assert.equal(a.describe().fingerprint256, b.describe().fingerprint256);
      assert.notEqual(demoSigningKey(null, 'Model Law Office', 'XX').describe().fingerprint256, a.describe().fingerprint256);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
