// A draft shared read-only with a client by link.
import { useI18n } from '../../i18n/index.tsx';
import { Page } from '../../ui/Layout.tsx';

export default function SharedDraft({ token }: { token: string }) {
  const i18n = useI18n();
  return <Page title={i18n.t('filing.title')}><p>{token}</p></Page>;
}
