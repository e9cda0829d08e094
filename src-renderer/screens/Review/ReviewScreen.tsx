import { useEffect, useRef, useState } from 'react';
import type { ReviewQueue } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { useSyncRefresh } from '../../app/use-sync-refresh';
import { LoadProblem, Loading } from '../../components/LoadState';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { BulkConfirm } from './BulkConfirm';
import { NoteDialog } from './NoteDialog';
import { useMounted } from './NoteField';
import { Notices } from './Notices';
import { OverlapPicker } from './OverlapPicker';
import { QueueList } from './QueueList';
import { StaleDialog } from './StaleDialog';
import { Summary } from './Summary';
import { useDecisions, type DialogState } from './use-decisions';
import './review.css';

type State = { kind: 'loading' } | { kind: 'error'; error: AppError } | { kind: 'ready'; queue: ReviewQueue };

/**
 * Verifikasi: what waits for this supervisor, by employee and day, with the deadlines above and
 * the server's refusals first. One tap approves; returning or rejecting asks for a note; a stale
 * entry shows what changed. The queue reloads after every decision and after every sync, keeping
 * what is shown (and any open dialog) until the new answer is there.
 */
export function ReviewScreen() {
  const api = useApi();
  const { t } = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef<ReviewQueue | null>(null);
  const queue = state.kind === 'ready' ? state.queue : null;
  useEffect(() => {
    latest.current = queue;
  });
  const mounted = useMounted();
  // Only the answer to the latest request is shown: an older reload must not bring back an entry
  // decided meanwhile.
  const requests = useRef(0);

  useEffect(() => {
    let live = true;
    const mine = ++requests.current;
    void api.send('review-queue', {}).then((r) => {
      if (live && mine === requests.current) setState(r.ok ? { kind: 'ready', queue: r.value } : { kind: 'error', error: r.error });
    });
    return () => {
      live = false;
    };
  }, [api, attempt]);

  /** A quiet reload: what is shown stays until the answer is there, and stays if it is a refusal. */
  const refresh = () => {
    const mine = ++requests.current;
    void api.send('review-queue', {}).then((r) => {
      if (r.ok && mounted.current && mine === requests.current) setState({ kind: 'ready', queue: r.value });
    });
  };
  useSyncRefresh(refresh);

  // Focus asked for by a decision, applied after the commit that shows its outcome (and after a
  // closing dialog has given the focus back to its opener, which may be gone).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    document.getElementById(id)?.focus();
  });

  const d = useDecisions({
    queue: () => latest.current,
    update: (fn) => setState((s) => (s.kind === 'ready' ? { kind: 'ready', queue: fn(s.queue) } : s)),
    refresh,
    focus: (id) => {
      pendingFocus.current = id;
    },
  });

  const retry = () => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <div className="review stack">
      <ScreenTitle>{t.review.title}</ScreenTitle>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <LoadProblem what={t.review.loadError} error={state.error} onRetry={retry} />}
      {state.kind === 'ready' && (
        <>
          {state.queue.notices.length > 0 && <Notices notices={state.queue.notices} onDismiss={d.dismissNotice} />}
          <Summary queue={state.queue} />
          {state.queue.total > 0 && <QueueList queue={state.queue} errors={d.errors} actions={d.actions} onBulk={d.bulk} />}
        </>
      )}
      {/* Always in the page, so the outcome of a decision is announced and nothing shifts. */}
      <p role="status" className={d.said ? 'review-said' : 'review-said review-said-empty'}>
        {d.said}
      </p>
      {d.dialog && (
        <OpenDialog
          dialog={d.dialog}
          decisions={d}
          close={(focus) => {
            d.setDialog(null);
            if (focus) pendingFocus.current = focus;
          }}
        />
      )}
    </div>
  );
}

function OpenDialog({ dialog, decisions: d, close }: { dialog: DialogState; decisions: ReturnType<typeof useDecisions>; close: (focus?: string) => void }) {
  switch (dialog.kind) {
    case 'note':
      return (
        <NoteDialog
          item={dialog.item}
          employeeName={dialog.employeeName}
          decision={dialog.decision}
          onConfirm={(note) => d.decideWithNote(dialog.item, dialog.decision, note)}
          onCancel={() => close()}
        />
      );
    case 'bulk':
      return <BulkConfirm request={dialog.request} onConfirm={() => d.approveAll(dialog.request)} onCancel={() => close()} />;
    case 'stale':
      return <StaleDialog state={dialog.state} onDecideAgain={() => close(dialog.focusOnClose)} onClose={() => close(dialog.focusOnClose)} />;
    case 'overlap':
      return (
        <OverlapPicker item={dialog.item} day={dialog.day} employeeName={dialog.employeeName} onConfirm={d.resolveOverlap} onCancel={() => close()} />
      );
  }
}
