// The office back office (formalities officers, examiners, registrars): worklist, case page, bulk acts,
// the gazette; the similar-mark search of the register (staff see unpublished applications there too).
// Mounted under /office by App.tsx; every page needs an office role.
import { Link, Route, Switch, useLocation } from 'wouter';
import { NotFound } from '../../App.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { RequireUser } from '../../ui/Layout.tsx';
import { useSession } from '../../ui/session.tsx';
import { BulkPage } from './bulk.tsx';
import { CasePage } from './case.tsx';
import { DocumentSearchPage } from './documents.tsx';
import { GazettePage } from './gazette.tsx';
import { OutagesPage } from './outages.tsx';
import { WorklistPage } from './worklist.tsx';

const ROLES = ['formalities', 'examiner', 'registrar', 'admin'];

export default function OfficePortal() {
  return (
    <RequireUser roles={ROLES}>
      <OfficeNav />
      <Switch>
        <Route path="/"><WorklistPage /></Route>
        <Route path="/bulk"><BulkPage /></Route>
        <Route path="/gazette"><GazettePage /></Route>
        <Route path="/documents"><DocumentSearchPage /></Route>
        <Route path="/outages"><OutagesPage /></Route>
        <Route path="/cases/:number">{(p) => <CasePage key={p.number} number={decodeURIComponent(p.number)} />}</Route>
        <Route><NotFound /></Route>
      </Switch>
    </RequireUser>
  );
}

function OfficeNav() {
  const i18n = useI18n();
  const { user } = useSession();
  const [path] = useLocation();
  const link = (href: string, label: string, testid: string, current: boolean) => (
    <li><Link href={href} aria-current={current ? 'page' : undefined} className={current ? 'active' : ''} data-testid={testid}>{label}</Link></li>
  );
  return (
    <nav className="office-nav" aria-label={i18n.t('office.nav.label')}>
      <ul>
        {link('/', i18n.t('office.nav.worklist'), 'office-nav-worklist', path === '/' || path.startsWith('/cases/'))}
        {link('/bulk', i18n.t('office.nav.bulk'), 'office-nav-bulk', path === '/bulk')}
        {link('/gazette', i18n.t('pub.office.nav'), 'office-nav-gazette', path === '/gazette')}
        {link('/documents', i18n.t('doc.search.nav'), 'office-nav-documents', path === '/documents')}
        {link('/outages', i18n.t('outage.nav'), 'office-nav-outages', path === '/outages')}
        {link('~/register/similar', i18n.t('similar.nav'), 'office-nav-similar', false)}
        {user?.role === 'registrar' ? link('~/admin/import', i18n.t('pub.import.nav'), 'office-nav-import', false) : null}
        {link('~/admin/dashboard', i18n.t('office.nav.dashboard'), 'office-nav-dashboard', false)}
        {user?.role === 'admin' ? link('~/admin', i18n.t('office.nav.admin'), 'office-nav-admin', false) : null}
      </ul>
    </nav>
  );
}
