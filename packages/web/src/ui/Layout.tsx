// The frame of every page: skip link, header with the three portals, language choice and the user.
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { LANGS, type Lang } from '../i18n/core.ts';
import { useI18n } from '../i18n/index.tsx';
import { isOffice, useSession } from './session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const { user, logout } = useSession();
  const [path, navigate] = useLocation();
  const navLink = (href: string, label: string) => (
    <Link href={href} className={path === href || path.startsWith(`${href}/`) ? 'active' : ''} aria-current={path.startsWith(href) ? 'page' : undefined}>{label}</Link>
  );
  return (
    <>
      <a className="skip-link" href="#main">{i18n.t('nav.skip')}</a>
      <header className="topbar">
        <Link href="/" className="brand"><span className="brand-mark" aria-hidden="true">®</span> {i18n.t('app.name')}<span className="brand-sub">{i18n.t('app.tagline')}</span></Link>
        <nav aria-label={i18n.t('app.name')}>
          {navLink('/register', i18n.t('nav.register'))}
          {(!user || !isOffice(user)) && navLink('/portal', i18n.t('nav.portal'))}
          {isOffice(user) && navLink('/office', i18n.t('nav.office'))}
          {user?.role === 'admin' && navLink('/admin', i18n.t('admin.title'))}
        </nav>
        <div className="topbar-end">
          <label className="lang-select">
            <span className="sr-only">{i18n.t('nav.language')}</span>
            <select value={i18n.lang} onChange={(e) => i18n.setLang(e.target.value as Lang)} aria-label={i18n.t('nav.language')} data-testid="language">
              {LANGS.map((l) => <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>)}
            </select>
          </label>
          {user ? (
            <>
              <span className="whoami">{i18n.t('nav.signedInAs', { name: user.displayName })} · {i18n.tx(`role.${user.role}`, user.role)}</span>
              <Link href="/security" className="btn btn-link" data-testid="nav-security">{i18n.t('security.nav')}</Link>
              <button type="button" className="btn btn-link" onClick={async () => { await logout(); navigate('/'); }}>{i18n.t('nav.signOut')}</button>
            </>
          ) : (
            <Link href={`/login?next=${encodeURIComponent(path)}`} className="btn btn-secondary">{i18n.t('nav.signIn')}</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </>
  );
}

/** A page: sets the document title and the one h1. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const i18n = useI18n();
  useEffect(() => { document.title = `${title} · ${i18n.t('app.name')}`; }, [title, i18n]);
  return (
    <div className="page">
      <div className="page-head"><h1>{title}</h1>{actions ? <div className="page-actions">{actions}</div> : null}</div>
      {children}
    </div>
  );
}

export function Loading() {
  const i18n = useI18n();
  return <p className="loading" role="status">{i18n.t('common.loading')}</p>;
}

/** Guards a page by sign-in and role; sends the visitor to sign in and back. */
export function RequireUser({ roles, children }: { roles?: string[]; children: ReactNode }) {
  const i18n = useI18n();
  const { user, ready } = useSession();
  const [path, navigate] = useLocation();
  useEffect(() => { if (ready && !user) navigate(`/login?next=${encodeURIComponent(path)}`, { replace: true }); }, [ready, user, path, navigate]);
  if (!ready || !user) return <Loading />;
  if (roles && !roles.includes(user.role)) return <Page title={i18n.t('common.forbidden')}><p>{i18n.t('common.forbidden')}</p></Page>;
  return <>{children}</>;
}
