// The one web app: public register, filing portal and office, each loaded when first visited.
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Route, Switch, useLocation, useSearch } from 'wouter';
import { useI18n } from './i18n/index.tsx';
import { ErrorSummary, SubmitButton, TextField, useAction } from './ui/forms.tsx';
import { Layout, Loading, Page } from './ui/Layout.tsx';
import { isOffice, useSession } from './ui/session.tsx';
import RegisterPortal from './portals/register/index.tsx';

const FilingPortal = lazy(() => import('./portals/filing/index.tsx'));
const SharedDraft = lazy(() => import('./portals/filing/shared-draft.tsx'));
const OfficePortal = lazy(() => import('./portals/office/index.tsx'));
const AdminPortal = lazy(() => import('./portals/admin/index.tsx'));
const VerifyPage = lazy(() => import('./portals/register/verify.tsx'));

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/"><Home /></Route>
          <Route path="/login"><LoginPage /></Route>
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
  const { run, busy, error } = useAction(async (username: string, password: string) => {
    const user = await login(username, password);
    const safeNext = next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : null;
    navigate(safeNext ?? (isOffice(user) ? (user.role === 'admin' ? '/admin' : '/office') : '/portal'), { replace: true });
  });
  return (
    <Page title={i18n.t('login.title')}>
      <form className="form narrow" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        void run(String(f.get('username') ?? ''), String(f.get('password') ?? ''));
      }}>
        <ErrorSummary error={error} />
        <TextField name="username" label={i18n.t('login.username')} autoComplete="username" required autoFocus />
        <TextField name="password" type="password" label={i18n.t('login.password')} autoComplete="current-password" required />
        <SubmitButton busy={busy}>{i18n.t('login.submit')}</SubmitButton>
        <p className="hint">{i18n.t('login.demoHint')}</p>
      </form>
    </Page>
  );
}
