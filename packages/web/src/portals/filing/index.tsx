// The filing portal: its routes (mounted under its prefix by App.tsx), for agents and applicants.
import { Route, Switch } from 'wouter';
import { NotFound } from '../../App.tsx';
import { RequireUser } from '../../ui/Layout.tsx';
import { AccountPage } from './account.tsx';
import { PortalCase } from './case.tsx';
import { Drafts, FilingEntry } from './drafts.tsx';
import { Inbox } from './inbox.tsx';
import { Portfolio } from './portfolio.tsx';
import { Receipt } from './receipt.tsx';
import { WatchesPage, WatchPage } from './watches.tsx';
import { WebhookPage, WebhooksPage } from './webhooks.tsx';

const FILERS = ['agent', 'applicant'];

export default function Portal() {
  return (
    <RequireUser roles={FILERS}>
      <Switch>
        <Route path="/"><Portfolio /></Route>
        {/* Both render FilingEntry at the same place, so a new filing keeps its state when its draft is created. */}
        <Route path="/file/:right">{(p) => <FilingEntry right={p.right} />}</Route>
        <Route path="/drafts/:id">{(p) => <FilingEntry draftId={p.id} />}</Route>
        <Route path="/drafts"><Drafts /></Route>
        <Route path="/receipts/:number">{(p) => <Receipt number={p.number} />}</Route>
        <Route path="/cases/:number">{(p) => <PortalCase number={p.number} />}</Route>
        <Route path="/account"><AccountPage /></Route>
        <Route path="/inbox"><Inbox /></Route>
        <Route path="/webhooks"><WebhooksPage /></Route>
        <Route path="/webhooks/:id">{(p) => <WebhookPage key={p.id} id={decodeURIComponent(p.id)} />}</Route>
        <Route path="/watches"><WatchesPage /></Route>
        <Route path="/watches/:id">{(p) => <WatchPage key={p.id} id={decodeURIComponent(p.id)} />}</Route>
        <Route><NotFound /></Route>
      </Switch>
    </RequireUser>
  );
}
