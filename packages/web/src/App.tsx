// The one web app: public register, filing portal and office, each loaded when first visited.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, Route, Switch, useLocation, useSearch } from 'wouter';
import { ApiError } from './api.ts';
import { useI18n } from './i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextField, useAction } from './ui/forms.tsx';
import { Layout, Loading, Page, RequireUser } from './ui/Layout.tsx';
import { useApi } from './ui/data.ts';
import { isOffice, useSession } from './ui/session.tsx';
import RegisterPortal from './portals/register/index.tsx';

const FilingPortal = lazy(() => import('./portals/filing/index.tsx'));
const SharedDraft = lazy(() => import('./portals/filing/shared-draft.tsx'));
const OfficePortal = lazy(() => import('./portals/office/index.tsx'));
const AdminPortal = lazy(() => import('./portals/admin/index.tsx'));
const VerifyPage = lazy(() => import('./portals/register/verify.tsx'));
const SecurityPage = lazy(() => import('./ui/second-factor.tsx'));
const ApiTokensPage = lazy(() => import('./ui/api-tokens.tsx'));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/"><Home /></Route>
          <Route path="/login"><LoginPage /></Route>
          <Route path="/security"><RequireUser><SecurityPage /></RequireUser></Route>
          <Route path="/security/tokens"><RequireUser><ApiTokensPage /></RequireUser></Route>
          <Route path="/register" nest><RegisterPortal /></Route>
          <Route path="/verify"><VerifyPage /></Route>
          <Route path="/verify/:code">{(p) => <VerifyPage code={decodeURIComponent(p.code)} />}</Route>
          <Route path="/portal" nest><FilingPortal /></Route>
          <Route path="/shared/drafts/:token">{(p) => <SharedDraft token={p.token} />}</Route>
          <Route path="/office" nest><OfficePortal /></Route>
          <Route path="/admin" nest><AdminPortal /></Route>
          <Route><NotFound /></Route>
        </Switch>
      </Suspense>
    </Layout>
  );
}

function Home() {
  const i18n = useI18n();
  const { user } = useSession();
  const card = (href: string, title: string, body: ReactNode) => (
    <Link href={href} className="portal-card"><h2>{title}</h2><p>{body}</p></Link>
  );
  return (
    <Page title={i18n.t('app.tagline')}>
      <div className="portal-cards">
        {card('/register', i18n.t('nav.register'), i18n.t('home.register'))}
        {(!user || !isOffice(user)) && card('/portal', i18n.t('nav.portal'), i18n.t('home.portal'))}
        {(!user || isOffice(user)) && card('/office', i18n.t('nav.office'), i18n.t('home.office'))}
      </div>
    </Page>
  );
}

export function NotFound() {
  const i18n = useI18n();
  return <Page title={i18n.t('common.notFound')}><p>{i18n.t('common.pageNotFound')}</p></Page>;
}

function LoginPage() {
  const i18n = useI18n();
  const { login } = useSession();
  const [, navigate] = useLocation();
  const search = useSearch();
  const next = new URLSearchParams(search).get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : null;
  // The office's identity provider, if it has one; a sign-in through it that failed comes back here with its code.
  const providers = useApi<{ oidc: { name: string; start: string } | null }>('/auth/providers');
  const oidcError = new URLSearchParams(search).get('oidcError');
  const oidcFailure = oidcError && /^[A-Z][A-Z0-9_]{2,60}$/.test(oidcError) ? new ApiError(0, oidcError, i18n.t('common.error')) : null;
  // The second step: the password was right and the account asks for its second factor's code.
  const [pending, setPending] = useState<{ username: string; password: string } | null>(null);
  const { run, busy, error, setError } = useAction(async (username: string, password: string, code?: string) => {
    let user;
    try {
      user = await login(username, password, code);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'SECOND_FACTOR_REQUIRED') { setPending({ username, password }); return; }
      throw e;
    }
    navigate(safeNext ?? (isOffice(user) ? (user.role === 'admin' ? '/admin' : '/office') : '/portal'), { replace: true });
  });
  const lockedUntil = error instanceof ApiError && typeof error.problem.lockedUntil === 'string' ? error.problem.lockedUntil : null;
  const errors = (
    <>
      <ErrorSummary error={error ?? oidcFailure} />
      {lockedUntil ? <p className="hint" data-testid="login-locked-until">{i18n.t('login.lockedUntil', { time: i18n.instant(lockedUntil) })}</p> : null}
    </>
  );
  if (pending) {
    return (
      <Page title={i18n.t('login.codeTitle')}>
        <form className="form narrow" noValidate onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get('code') ?? '').trim();
          if (code) void run(pending.username, pending.password, code);
        }}>
          {errors}
          <p>{i18n.t('login.codeIntro', { username: pending.username })}</p>
          <TextField key="code" name="code" label={i18n.t('login.code')} hint={i18n.t('login.codeHint')} autoComplete="one-time-code" inputMode="numeric"
            dir="ltr" maxLength={40} spellCheck={false} autoCapitalize="off" required autoFocus data-testid="login-code" />
          <div className="actions">
            <SubmitButton busy={busy}>{i18n.t('login.verify')}</SubmitButton>
            <button type="button" className="btn btn-link" onClick={() => { setPending(null); setError(null); }}>{i18n.t('login.startOver')}</button>
          </div>
        </form>
      </Page>
    );
  }
  return (
    <Page title={i18n.t('login.title')}>
      <form className="form narrow" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        void run(String(f.get('username') ?? ''), String(f.get('password') ?? ''));
      }}>
        {errors}
        <TextField name="username" label={i18n.t('login.username')} autoComplete="username" required autoFocus />
        <TextField name="password" type="password" label={i18n.t('login.password')} autoComplete="current-password" required />
        <SubmitButton busy={busy}>{i18n.t('login.submit')}</SubmitButton>
        <p className="hint">{i18n.t('login.demoHint')}</p>
      </form>
      {providers.data?.oidc ? (
        <div className="form narrow">
          <p className="hint">{i18n.t('login.orProvider')}</p>
          {/* A page load, not a fetch: the provider's pages take over the browser and send it back. */}
          <a className="btn btn-secondary" data-testid="login-oidc"
            href={`${providers.data.oidc.start}${safeNext ? `?returnTo=${encodeURIComponent(safeNext)}` : ''}`}>
            {i18n.t('login.oidc', { name: providers.data.oidc.name })}
          </a>
        </div>
      ) : null}
    </Page>
  );
}
