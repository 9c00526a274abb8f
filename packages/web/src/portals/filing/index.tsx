// The filing portal: its routes (mounted under its prefix by App.tsx).
import { Route, Switch } from 'wouter';
import { useI18n } from '../../i18n/index.tsx';
import { Page } from '../../ui/Layout.tsx';

export default function Portal() {
  const i18n = useI18n();
  return (
    <Switch>
      <Route path="/"><Page title={i18n.t('filing.title')}><p>{i18n.t('filing.title')}</p></Page></Route>
    </Switch>
  );
}
