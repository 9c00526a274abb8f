// A modal dialog on the native <dialog>: the browser traps focus, makes the page behind inert and
// closes on Escape; this component keeps React's state in step and gives focus back to the opener.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

export interface DialogProps {
  open: boolean;
  title: string;
  onClose(): void;
  /** Where focus goes back on close (the button that opened it); omitted when the caller moves focus itself. */
  returnFocus?: HTMLElement | null;
  children: ReactNode;
  testid?: string;
}

export function Dialog({ open, title, onClose, returnFocus, children, testid }: DialogProps) {
  const i18n = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const back = useRef<HTMLElement | null | undefined>(returnFocus);
  back.current = returnFocus;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // The first field, else the dialog's own heading: never the close button, which would invite a slip.
      const first = d.querySelector<HTMLElement>('.dialog-body input:not([type=hidden]), .dialog-body select, .dialog-body textarea, .dialog-body button');
      (first ?? d.querySelector<HTMLElement>('h2'))?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} data-testid={testid}
      onClose={() => { onClose(); const b = back.current; if (b?.isConnected) b.focus(); }}
      onCancel={(e) => { e.preventDefault(); ref.current?.close(); }}>
      {open ? (
        <>
          <div className="dialog-head">
            <h2 id={titleId} tabIndex={-1}>{title}</h2>
            <button type="button" className="btn btn-link dialog-close" onClick={() => ref.current?.close()} aria-label={i18n.t('common.close')}>×</button>
          </div>
          <div className="dialog-body">{children}</div>
        </>
      ) : null}
    </dialog>
  );
}
