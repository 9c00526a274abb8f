// The public register: search (in the main bundle, so the first page a visitor opens is fast), the page
// of one case (loaded on demand: it pulls in the shared case components), the similar-mark search, and
// the official gazette and open data (each loaded on demand too).
import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { NotFound } from '../../App.tsx';
import { Loading } from '../../ui/Layout.tsx';
import { SearchPage } from './search.tsx';

const CasePage = lazy(() => import('./case.tsx'));
const GazettePage = lazy(() => import('./gazette.tsx'));
const IssuePage = lazy(() => import('./issue.tsx'));
const OpenDataPage = lazy(() => import('./open-data.tsx'));
const OutagesPage = lazy(() => import('./outages.tsx'));
const SimilarPage = lazy(() => import('./similar.tsx'));

export default function Portal() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/"><SearchPage /></Route>
        <Route path="/similar"><SimilarPage /></Route>
        <Route path="/cases/:number">{(p) => <CasePage number={p.number} />}</Route>
        <Route path="/gazette"><GazettePage /></Route>
        <Route path="/gazette/:number">{(p) => <IssuePage key={p.number} number={decodeURIComponent(p.number)} />}</Route>
        <Route path="/open-data"><OpenDataPage /></Route>
        <Route path="/outages"><OutagesPage /></Route>
        <Route><NotFound /></Route>
      </Switch>
    </Suspense>
  );
}
