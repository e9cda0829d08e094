import { useEffect, useRef, useState } from 'react';
import type { ReviewItem, ReviewQueue } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { useT } from '../../i18n';
import type { EntryActions } from './EntryRow';
import { useReviewFormat } from './format';
import { employeeOf, entryDomId, focusAfter, isStale, namedEntry, SUMMARY_ID, withItem, withoutEntries, type DayGroup } from './model';
import { noticeDomId } from './Notices';
import type { BulkRequest } from './QueueList';
import type { StaleState } from './StaleDialog';

const SAID_FOR_MS = 8000;

export type DialogState =
  | { kind: 'note'; item: ReviewItem; employeeName: string; decision: 'return' | 'reject' }
  | { kind: 'bulk'; request: BulkRequest }
  | { kind: 'stale'; state: StaleState; focusOnClose: string }
  | { kind: 'overlap'; item: ReviewItem; day: DayGroup; employeeName: string };

interface Deps {
  /** The queue on screen now. */
  queue: () => ReviewQueue | null;
  /** Changes the queue on screen (no-op while it is not loaded). */
  update: (fn: (q: ReviewQueue) => ReviewQueue) => void;
  /** Reloads the queue quietly, keeping what is shown until the answer is there. */
  refresh: () => void;
  /** Puts the focus on an element id once the screen has rendered. */
  focus: (id: string) => void;
}

/**
 * Every decision of the Verifikasi screen: the command, what the screen shows after it, where the
 * focus goes, and the stale-revision path. A decided entry leaves the list at once, the queue is
 * then reloaded; a refusal never removes anything.
 */
export function useDecisions({ queue, update, refresh, focus }: Deps) {
  const api = useApi();
  const { t, f, duration } = useT();
  const { label } = useReviewFormat();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [errors, setErrors] = useState<Record<string, AppError>>({});
  const [said, setSaid] = useState('');
  const busy = useRef(false);
  // The outcome has been announced; after a while it leaves the screen so it covers nothing.
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), SAID_FOR_MS);
    return () => clearTimeout(timer);
  }, [said]);
  const nameOf = (id: string) => {
    const q = queue();
    return (q && employeeOf(q, id)?.employee.name) ?? '';
  };

  const setError = (id: string, error: AppError | null) =>
    setErrors((all) => {
      const { [id]: _gone, ...rest } = all;
      return error ? { ...rest, [id]: error } : rest;
    });

  /** Entries decided: out of the list, the focus on the next one, the outcome said politely. */
  const decided = (items: readonly ReviewItem[], message: string) => {
    const ids = new Set(items.map((i) => i.id));
    const q = queue();
    const next = q ? focusAfter(q, ids) : null;
    update((qq) => withoutEntries(qq, ids));
    focus(next ? entryDomId(next) : SUMMARY_ID);
    setSaid(message);
    refresh();
  };

  /** STALE_REVISION / ENTRY_LOCKED: read the entry as it is now, show the difference, reload. */
  const openStale = async (before: ReviewItem, bulk: number | null) => {
    const employeeName = nameOf(before.id);
    const q = queue();
    const r = await api.send('review-entry', { entryId: before.id });
    const now = r.ok ? r.value.item : null;
    const stillWaiting = now?.status === 'submitted';
    const after = q ? focusAfter(q, new Set([before.id])) : null;
    if (now) update((qq) => (stillWaiting ? withItem(qq, now) : withoutEntries(qq, new Set([now.id]))));
    setDialog({
      kind: 'stale',
      state: { before, now, error: r.ok ? null : r.error, employeeName, bulk },
      focusOnClose: stillWaiting ? entryDomId(before.id) : after ? entryDomId(after) : SUMMARY_ID,
    });
    refresh();
  };

  const approve = async (item: ReviewItem) => {
    // Buttons stay enabled while a command runs (disabling drops the focus): a second press is ignored.
    if (busy.current) return;
    busy.current = true;
    setError(item.id, null);
    const r = await api.send('review-decide', { entryId: item.id, rev: item.rev, decision: 'approve' });
    busy.current = false;
    if (r.ok) return decided([item], f(t.review.done.approve, { label: label(item), name: nameOf(item.id) }));
    if (isStale(r.error)) return openStale(item, null);
    setError(item.id, r.error);
    // The core saw an overlap this list did not show (a sync brought it): show the list as it is.
    if (r.error.code === 'OVERLAP_FLAGGED') refresh();
  };

  const decideWithNote = async (item: ReviewItem, decision: 'return' | 'reject', note: string): Promise<AppError | null> => {
    const r = await api.send('review-decide', { entryId: item.id, rev: item.rev, decision, note });
    if (r.ok) {
      setDialog(null);
      decided([item], f(t.review.done[decision], { label: label(item), name: nameOf(item.id) }));
      return null;
    }
    if (isStale(r.error)) {
      setDialog(null);
      void openStale(item, null);
      return null;
    }
    return r.error;
  };

  const approveAll = async (request: BulkRequest): Promise<AppError | null> => {
    const { items, minutes } = request.scope;
    const r = await api.send('review-approve-all', { items: items.map((i) => ({ entryId: i.id, rev: i.rev })) });
    if (r.ok) {
      setDialog(null);
      decided(items, f(t.review.done.many, { n: items.length, duration: duration(minutes) }));
      return null;
    }
    const named = isStale(r.error) ? namedEntry(r.error, items) : undefined;
    if (!named) return r.error;
    setDialog(null);
    void openStale(named, items.length);
    return null;
  };

  const resolveOverlap = async (keep: ReviewItem, others: ReviewItem[], note: string): Promise<AppError | null> => {
    const r = await api.send('review-resolve-overlap', {
      keep: { entryId: keep.id, rev: keep.rev },
      others: others.map((o) => ({ entryId: o.id, rev: o.rev })),
      note,
    });
    if (r.ok) {
      const { kept, returned } = r.value;
      setDialog(null);
      update((q) => withItem(withoutEntries(q, new Set(returned.map((e) => e.id))), kept));
      focus(entryDomId(kept.id));
      setSaid(f(kept.overlapsWith.length === 0 ? t.review.done.resolved : t.review.done.resolvedStill, { n: returned.length, label: label(kept) }));
      refresh();
      return null;
    }
    if (!isStale(r.error)) return r.error;
    // The core names the entry by id, and by place: `keep` or `others.<i>`.
    const named = r.error.field?.startsWith('keep') ? keep : namedEntry(r.error, others) ?? (r.error.params?.['entryId'] === keep.id ? keep : undefined);
    if (!named) return r.error;
    setDialog(null);
    void openStale(named, null);
    return null;
  };

  const dismissNotice = async (id: number): Promise<AppError | null> => {
    const r = await api.send('review-notice-dismiss', { id });
    if (!r.ok) return r.error;
    const notices = queue()?.notices ?? [];
    const at = notices.findIndex((n) => n.id === id);
    const next = notices[at + 1] ?? notices[at - 1];
    update((q) => ({ ...q, notices: q.notices.filter((n) => n.id !== id) }));
    focus(next ? noticeDomId(next.id) : SUMMARY_ID);
    return null;
  };

  const actions: EntryActions = {
    approve: (item) => void approve(item),
    note: (item, decision) => setDialog({ kind: 'note', item, decision, employeeName: nameOf(item.id) }),
    overlap: (item, day) => setDialog({ kind: 'overlap', item, day, employeeName: nameOf(item.id) }),
    blocked: (reason) => setSaid(reason),
  };

  return {
    dialog,
    setDialog,
    errors,
    said,
    actions,
    bulk: (request: BulkRequest) => setDialog({ kind: 'bulk', request }),
    decideWithNote,
    approveAll,
    resolveOverlap,
    dismissNotice,
  };
}
