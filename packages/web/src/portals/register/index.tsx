// The public register: search (in the main bundle, so the first page a visitor opens is fast) and
// the page of one case (loaded on demand: it pulls in the shared case components).
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { NotFound } from '../../App.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { SearchPage } from './search.tsx';

const CasePage = lazy(() => import('./case.tsx'));

export default function Portal() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/"><SearchPage /></Route>
        <Route path="/cases/:number">{(p) => <CasePage number={p.number} />}</Route>
        <Route><NotFound /></Route>
      </Switch>
    </Suspense>
  );
}
