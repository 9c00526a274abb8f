// The acts the signed-in user may record now on a case, as buttons; each opens its form in a dialog.
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { AvailableAct, CaseData } from '../case/types.ts';
import { ActForm, type ActResult } from './ActForm.tsx';
import { Dialog } from './Dialog.tsx';

export interface ActButtonsProps {
  case: CaseData;
  /** Called after an act was recorded (reload the case); focus is then the caller's to place. */
  onDone(result: ActResult, act: AvailableAct): void;
  /** Which acts to offer; all the case's availableActs by default. */
  acts?: AvailableAct[];
  /** The heading of the section; none when the page has its own. */
  heading?: string | null;
}

export function ActButtons({ case: c, onDone, acts, heading }: ActButtonsProps) {
  const i18n = useI18n();
  const list = acts ?? c.availableActs ?? [];
  const [open, setOpen] = useState<AvailableAct | null>(null);
  const [returnTo, setReturnTo] = useState<HTMLElement | null>(null);
  const title = heading === undefined ? i18n.t('office.acts.heading') : heading;
  return (
    <section className="act-buttons" aria-labelledby={title ? 'act-buttons-heading' : undefined}>
      {title ? <h2 id="act-buttons-heading">{title}</h2> : null}
      {list.length === 0 ? <p className="muted">{i18n.t('office.acts.none')}</p> : (
        <div className="btn-row">
          {list.map((a) => (
            <button key={a.type} type="button" className="btn btn-secondary" data-testid={`act-${a.type}`}
              onClick={(e) => { setReturnTo(e.currentTarget); setOpen(a); }}>
              {i18n.law(a.title)}
            </button>
          ))}
        </div>
      )}
      <Dialog open={!!open} title={open ? i18n.law(open.title) : ''} returnFocus={returnTo} testid="act-dialog"
        onClose={() => setOpen(null)}>
        {open ? (
          <ActForm key={open.type} case={c} act={open}
            onCancel={() => setOpen(null)}
            onDone={(r) => { const a = open; setReturnTo(null); setOpen(null); onDone(r, a); }} />
        ) : null}
      </Dialog>
    </section>
  );
}
