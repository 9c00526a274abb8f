// The administrator area (users, calendars, fees, office clock, journal, audit trail, current accounts, the gazette's
// calendar, open data, imports) and the office dashboard, which every office role may open. Each section
// has its own address, so a tab can be bookmarked and the browser's back button moves between them. The
// registrar opens the import too, framed by its own title.
import type { ReactNode } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { NotFound } from '../../App.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Page, RequireUser } from '../../ui/Layout.tsx';
import { OFFICE_ROLES, useSession } from '../../ui/session.tsx';
import { UsersSection } from './users.tsx';
import { CalendarsSection } from './calendars.tsx';
import { FeesSection } from './fees.tsx';
import { ClockSection } from './clock.tsx';
import { JournalSection } from './journal.tsx';
import { AuditSection } from './audit.tsx';
import { AccountsSection } from './accounts.tsx';
import { Dashboard } from './dashboard.tsx';
import { GazetteCalendarSection } from './gazette.tsx';
import { ImportSection } from './import.tsx';
import { OpenDataSection } from './opendata.tsx';
import { TemplateEditor, TemplatesSection } from './templates.tsx';

const SECTIONS: { path: string; label: MessageKey; render: () => ReactNode; roles?: string[] }[] = [
  { path: '/users', label: 'admin.tab.users', render: () => <UsersSection /> },
  { path: '/calendars', label: 'admin.tab.calendars', render: () => <CalendarsSection /> },
  { path: '/fees', label: 'admin.tab.fees', render: () => <FeesSection /> },
  { path: '/clock', label: 'admin.tab.clock', render: () => <ClockSection /> },
  { path: '/journal', label: 'admin.tab.journal', render: () => <JournalSection /> },
  { path: '/audit', label: 'audit.tab', render: () => <AuditSection /> },
  { path: '/accounts', label: 'admin.tab.accounts', render: () => <AccountsSection /> },
  { path: '/gazette', label: 'pub.admin.tab.gazette', render: () => <GazetteCalendarSection /> },
  { path: '/open-data', label: 'pub.admin.tab.openData', render: () => <OpenDataSection /> },
  { path: '/templates', label: 'doc.tpl.tab', render: () => <TemplatesSection /> },
  { path: '/import', label: 'pub.admin.tab.import', render: () => <ImportSection />, roles: ['admin', 'registrar'] },
];

export default function Portal() {
  return (
    <Switch>
      <Route path="/dashboard"><RequireUser roles={OFFICE_ROLES}><Dashboard /></RequireUser></Route>
      <Route path="/"><Redirect to="/users" replace /></Route>
      <Route path="/templates/:kind/:language">
        {(p) => <RequireUser roles={['admin']}><AdminFrame><TemplateEditor key={`${p.kind}/${p.language}`} kind={decodeURIComponent(p.kind)} language={decodeURIComponent(p.language)} /></AdminFrame></RequireUser>}
      </Route>
      {SECTIONS.map((s) => (
        <Route key={s.path} path={s.path}><RequireUser roles={s.roles ?? ['admin']}><AdminFrame>{s.render()}</AdminFrame></RequireUser></Route>
      ))}
      <Route><NotFound /></Route>
    </Switch>
  );
}

function AdminFrame({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const { user } = useSession();
  const [path] = useLocation();
  // Another office role sees the one section it may open under that section's own title, without the tabs.
  if (user?.role !== 'admin') {
    const own = SECTIONS.find((s) => s.path === path);
    return <Page title={own ? i18n.t(own.label) : i18n.t('admin.title')}>{children}</Page>;
  }
  return (
    <Page title={i18n.t('admin.title')} actions={<Link href="/dashboard" className="btn btn-secondary" data-testid="admin-dashboard-link">{i18n.t('admin.tab.dashboard')}</Link>}>
      <nav className="tabs admin-tabs" aria-label={i18n.t('admin.sections')}>
        {SECTIONS.map((s) => (
          <Link key={s.path} href={s.path} className={path === s.path || path.startsWith(`${s.path}/`) ? 'active' : ''} aria-current={path === s.path ? 'page' : undefined}
            data-testid={`admin-tab-${s.path.slice(1)}`}>{i18n.t(s.label)}</Link>
        ))}
      </nav>
      {children}
    </Page>
  );
}
