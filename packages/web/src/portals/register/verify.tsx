// Checking a document of the office: by the verification code printed at its foot (the address on the
// document opens this page with the code filled in), or by the PDF file itself, compared byte for byte
// (by SHA-256) with what the office issued. Open to anyone: holding the document is what counts.
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../../api.ts';
import { useI18n } from '../../i18n/index.tsx';
import { languageName } from '../../ui/names.ts';
import { ErrorSummary, SubmitButton, TextField, useAction } from '../../ui/forms.tsx';
import { Page } from '../../ui/Layout.tsx';
import { RegisterNav } from './nav.tsx';

interface Verified {
  valid: true;
  document: { kind: string; title: string; sha256: string; size: number; pages: number | null; language: string | null; issuedOn: string; signed: boolean };
  case: { number: string; right: string; public: boolean };
  act: { type: string; officeDate: string; hash: string; sealed: boolean };
  signer: { subject: string; issuer: string; fingerprint256: string };
}
type FileResult = Verified | { valid: false; sha256: string };

/** The signer's common name from an X.509 subject ("C=XX\nO=...\nCN=..."), else the subject as it is. */
const commonName = (subject: string) => subject.split('\n').find((p) => p.startsWith('CN='))?.slice(3) ?? subject;

export default function VerifyPage({ code }: { code?: string }) {
  const i18n = useI18n();
  const [, navigate] = useLocation();
  const [result, setResult] = useState<Verified | null>(null);
  const [fileResult, setFileResult] = useState<FileResult | null>(null);
  const byCode = useAction(async (c: string) => { setFileResult(null); setResult(await api<Verified>(`/verify/${encodeURIComponent(c)}`)); });
  const byFile = useAction(async (f: File) => {
    setResult(null);
    setFileResult(await api<FileResult>('/verify', { method: 'POST', raw: { data: f, type: 'application/pdf' } }));
  });
  useEffect(() => { if (code) void byCode.run(code); }, [code]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Page title={i18n.t('doc.verify.title')} actions={<RegisterNav current={null} />}>
      <p className="register-intro">{i18n.t('doc.verify.intro')}</p>
      <div className="verify-forms">
        <form className="form card" aria-labelledby="verify-code-h" onSubmit={(e) => {
          e.preventDefault();
          const c = String(new FormData(e.currentTarget).get('code') ?? '').trim();
          if (c) navigate(`/verify/${encodeURIComponent(c)}`); // the address then names the document checked
          if (c === code) void byCode.run(c);
        }}>
          <h2 id="verify-code-h">{i18n.t('doc.verify.byCode')}</h2>
          <ErrorSummary error={byCode.error} />
          <TextField key={code ?? ''} name="code" label={i18n.t('doc.verify.code')} hint={i18n.t('doc.verify.codeHint')} defaultValue={code ?? ''}
            autoComplete="off" spellCheck={false} dir="ltr" required data-testid="verify-code" />
          <SubmitButton busy={byCode.busy} data-testid="verify-submit">{i18n.t('doc.verify.check')}</SubmitButton>
        </form>
        <form className="form card" aria-labelledby="verify-file-h" onSubmit={(e) => {
          e.preventDefault();
          const f = (e.currentTarget.elements.namedItem('file') as HTMLInputElement).files?.[0];
          if (f) void byFile.run(f);
        }}>
          <h2 id="verify-file-h">{i18n.t('doc.verify.byFile')}</h2>
          <ErrorSummary error={byFile.error} />
          <div className="field">
            <label htmlFor="verify-file">{i18n.t('doc.verify.file')}</label>
            <input id="verify-file" name="file" type="file" accept="application/pdf,.pdf" required aria-describedby="verify-file-hint" data-testid="verify-file" />
            <div className="hint" id="verify-file-hint">{i18n.t('doc.verify.chooseFile')}</div>
          </div>
          <SubmitButton busy={byFile.busy} data-testid="verify-file-submit">{i18n.t('doc.verify.checkFile')}</SubmitButton>
        </form>
      </div>
      {fileResult ? (
        <div className={`alert ${fileResult.valid ? 'alert-ok' : 'alert-error'}`} role="status" data-testid="verify-file-result" data-valid={String(fileResult.valid)}>
          {fileResult.valid ? i18n.t('doc.verify.fileMatches') : (
            <>{i18n.t('doc.verify.fileDiffers')} {i18n.t('doc.verify.yourSha')}: <code dir="ltr" className="hash">{fileResult.sha256}</code></>
          )}
        </div>
      ) : null}
      {result ? <Issued v={result} code={code} /> : fileResult?.valid ? <Issued v={fileResult} code={null} /> : null}
    </Page>
  );
}

function Issued({ v, code }: { v: Verified; code?: string | null }) {
  const i18n = useI18n();
  return (
    <section className="card verified" aria-labelledby="verified-h" data-testid="verify-result">
      <h2 id="verified-h">{i18n.t('doc.verify.issued')}</h2>
      <dl className="facts">
        <dt>{i18n.t('doc.verify.document')}</dt><dd data-testid="verify-title">{i18n.law(v.document.title)}</dd>
        <dt>{i18n.t('doc.verify.case')}</dt>
        <dd>{v.case.public ? <Link href={`~/register/cases/${encodeURIComponent(v.case.number)}`}>{v.case.number}</Link> : v.case.number}</dd>
        <dt>{i18n.t('doc.verify.issuedOn')}</dt><dd><time dateTime={v.document.issuedOn}>{i18n.date(v.document.issuedOn)}</time></dd>
        {v.document.pages ? <><dt>{i18n.t('doc.verify.pages')}</dt><dd>{i18n.number(v.document.pages)}</dd></> : null}
        <dt>{i18n.t('doc.verify.language')}</dt><dd>{languageName(i18n, v.document.language)}</dd>
        <dt>{i18n.t('doc.verify.sha')}</dt><dd><code dir="ltr" className="hash" data-testid="verify-sha">{v.document.sha256}</code></dd>
        <dt>{i18n.t('doc.verify.signer')}</dt><dd>{commonName(v.signer.subject)}</dd>
        <dt>{i18n.t('doc.verify.fingerprint')}</dt><dd><code dir="ltr" className="hash">{v.signer.fingerprint256}</code></dd>
        <dt>{i18n.t('doc.verify.actHash')}</dt><dd><code dir="ltr" className="hash">{v.act.hash}</code></dd>
        <dt>{i18n.t('doc.verify.journal')}</dt><dd>{v.act.sealed ? i18n.t('doc.verify.sealed') : i18n.t('doc.verify.notSealed')}</dd>
      </dl>
      <p className="hint">{i18n.t('doc.verify.compare')}</p>
      {code ? <p><a className="btn btn-secondary" href={`/api/v1/verify/${encodeURIComponent(code)}/document`} target="_blank" rel="noopener" data-testid="verify-download">{i18n.t('doc.verify.download')}</a></p> : null}
      {v.case.public ? <p><Link href={`~/register/cases/${encodeURIComponent(v.case.number)}`}>{i18n.t('doc.verify.viewCase')}</Link></p> : null}
    </section>
  );
}
