import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import './dialog.css';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: React.ReactNode;
  children?: React.ReactNode;
  /** The dialog's buttons. The one marked `data-autofocus` takes the focus when it opens (else the first). */
  actions: React.ReactNode;
  /** Escape calls it; leave it out when the dialog must be answered with one of its buttons. */
  onClose?: () => void;
}

/**
 * A modal dialog (idle warning, confirmations). While it is open the focus stays inside it (Tab
 * wraps, a click on the backdrop cannot pull focus out), and when it closes the focus goes back to
 * where it was, so a keyboard user never lands at the top of the page.
 */
export function Dialog({ title, children, actions, onClose }: DialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.querySelector<HTMLElement>('[data-autofocus]') ?? box.querySelector<HTMLElement>(FOCUSABLE) ?? box;
    first.focus();

    // Focus that lands outside (a click on the backdrop, a script) is brought back in.
    const keepIn = (e: FocusEvent) => {
      if (e.target instanceof Node && !box.contains(e.target)) (box.querySelector<HTMLElement>(FOCUSABLE) ?? box).focus();
    };
    document.addEventListener('focusin', keepIn);
    return () => {
      document.removeEventListener('focusin', keepIn);
      if (before?.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && closeRef.current) {
      e.stopPropagation();
      closeRef.current();
      return;
    }
    if (e.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const firstItem = items[0];
    const lastItem = items.at(-1);
    if (!firstItem || !lastItem) {
      e.preventDefault();
      return;
    }
    if (e.shiftKey && (document.activeElement === firstItem || document.activeElement === ref.current)) {
      e.preventDefault();
      lastItem.focus();
    } else if (!e.shiftKey && document.activeElement === lastItem) {
      e.preventDefault();
      firstItem.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={children ? bodyId : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children && (
          <div id={bodyId} className="dialog-body">
            {children}
          </div>
        )}
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>,
    document.body,
  );
}
