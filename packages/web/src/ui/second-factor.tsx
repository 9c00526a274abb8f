// The second factor of the signed-in account: set up (QR code and secret for an authenticator app,
// confirmed with a code; recovery codes shown once) and turned off (password and a code). On the
// filing portal's account page and, for every user, on /security.
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useApi } from './data.ts';
import { ErrorSummary, SubmitButton, TextField, useAction } from './forms.tsx';
import { Loading, Page } from './Layout.tsx';
import { SecurityNav } from './api-tokens.tsx';

interface Status { enabled: boolean; pending: boolean; recoveryCodesLeft: number }
interface Started { secret: string; uri: string; qrSvg: string }

export default function SecurityPage() {
  const i18n = useI18n();
  return <Page title={i18n.t('security.title')}><SecurityNav /><SecondFactorSection /></Page>;
}

const groups = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

export function SecondFactorSection() {
  const i18n = useI18n();
  const status = useApi<Status>('/account/second-factor');
  const [started, setStarted] = useState<Started | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const start = useAction(async () => { setCodes(null); setStarted(await api<Started>('/account/second-factor', { method: 'POST' })); });
  const confirm = useAction(async (code: string) => {
    const r = await api<{ recoveryCodes: string[] }>('/account/second-factor/confirm', { body: { code } });
    setStarted(null); setCodes(r.recoveryCodes); status.reload();
  });
  const disable = useAction(async (password: string, code: string) => {
    status.setData(await api<Status>('/account/second-factor', { method: 'DELETE', body: { password, code } }));
    setCodes(null);
  });
  const codesHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { if (codes) codesHeading.current?.focus(); }, [codes]);
  const s = status.data;
  return (
    <section className="card" aria-labelledby="second-factor-heading" data-testid="second-factor">
      <h2 id="second-factor-heading">{i18n.t('security.secondFactor')}</h2>
      <ErrorSummary error={status.error} />
      {status.loading && !s ? <Loading /> : null}
      {codes ? (
        <div className="secret-panel" data-testid="recovery-codes">
          <h3 ref={codesHeading} tabIndex={-1}>{i18n.t('security.recoveryTitle')}</h3>
          <p className="alert alert-info">{i18n.t('security.recoveryOnce')}</p>
          <ul className="hash" dir="ltr">{codes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
        </div>
      ) : null}
      {s && s.enabled ? (
        <>
          <p className="alert alert-ok" data-testid="second-factor-on">{i18n.t('security.on', { left: i18n.number(s.recoveryCodesLeft) })}</p>
          <h3>{i18n.t('security.turnOff')}</h3>
          <form className="form narrow" noValidate onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            void disable.run(String(f.get('password') ?? ''), String(f.get('code') ?? '').trim());
          }}>
            <ErrorSummary error={disable.error} />
            <TextField name="password" type="password" label={i18n.t('login.password')} autoComplete="current-password" required />
            <TextField name="code" label={i18n.t('login.code')} hint={i18n.t('login.codeHint')} autoComplete="one-time-code" inputMode="numeric" dir="ltr" maxLength={40} required data-testid="second-factor-off-code" />
            <SubmitButton busy={disable.busy} data-testid="second-factor-off">{i18n.t('security.turnOffSubmit')}</SubmitButton>
          </form>
        </>
      ) : null}
      {s && !s.enabled ? (
        <>
          <p>{i18n.t('security.off')}</p>
          {started ? (
            <div data-testid="second-factor-setup">
              <ol>
                <li>{i18n.t('security.step1')}</li>
                <li>{i18n.t('security.step2')}</li>
              </ol>
              <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(started.qrSvg)}`} width={200} height={200} alt={i18n.t('security.qrAlt')} data-testid="second-factor-qr" />
              <p>{i18n.t('security.secretIntro')}</p>
              <p><code className="hash" dir="ltr" data-testid="second-factor-secret">{groups(started.secret)}</code></p>
              <form className="form narrow" noValidate onSubmit={(e) => {
                e.preventDefault();
                const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
                if (code) void confirm.run(code);
              }}>
                <ErrorSummary error={confirm.error} />
                <TextField name="code" label={i18n.t('security.confirmCode')} autoComplete="one-time-code" inputMode="numeric" dir="ltr" maxLength={6} required data-testid="second-factor-code" />
                <SubmitButton busy={confirm.busy} data-testid="second-factor-confirm">{i18n.t('security.confirm')}</SubmitButton>
              </form>
            </div>
          ) : (
            <>
              <ErrorSummary error={start.error} />
              <button type="button" className="btn btn-primary" disabled={start.busy} onClick={() => void start.run()} data-testid="second-factor-start">{i18n.t('security.start')}</button>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
