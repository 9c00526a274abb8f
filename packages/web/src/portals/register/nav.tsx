// The register's own pages, in the header of each: searching the register, similar marks, the official
// gazette and the open data offered for reuse. Small and in the first bundle with the search.
import { Link } from 'wouter';
import { useI18n } from '../../i18n/index.tsx';

export type RegisterPlace = 'search' | 'similar' | 'gazette' | 'open-data' | 'outages';

export function RegisterNav({ current }: { current: RegisterPlace | null }) {
  const i18n = useI18n();
  const item = (place: RegisterPlace, href: string, label: string) => (
    <li><Link href={href} className="btn btn-secondary" aria-current={current === place ? 'page' : undefined} data-testid={`register-nav-${place}`}>{label}</Link></li>
  );
  return (
    <nav className="register-nav" aria-label={i18n.t('pub.nav.label')}>
      <ul>
        {item('search', '~/register', i18n.t('pub.nav.search'))}
        {item('similar', '~/register/similar', i18n.t('similar.nav'))}
        {item('gazette', '~/register/gazette', i18n.t('pub.nav.gazette'))}
        {item('open-data', '~/register/open-data', i18n.t('pub.nav.openData'))}
        {item('outages', '~/register/outages', i18n.t('outage.nav'))}
      </ul>
    </nav>
  );
}
