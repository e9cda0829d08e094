import { useEffect, useRef, useState } from 'react';
import type { EntryView } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi, useNav } from '../../app/context';
import type { Route } from '../../app/routes';
import { Issues } from '../../components/Issues';
import { ScreenTitle } from '../../components/ScreenTitle';
import { useT } from '../../i18n';
import { ConfirmDelete } from './ConfirmDelete';
import { EntryFields } from './EntryFields';
import './entry-detail.css';

/**
 * One entry in plain words, with the actions its status allows: a draft can be changed, sent or
 * deleted; a returned entry corrected or sent again; the rest only read. The core decides in the
 * end (a stale revision, a closed period …): its refusal is shown here, never thrown.
 */
export function EntryDetailScreen({ entry: opened, back }: { entry: EntryView; back: Route }) {
  const api = useApi();
  const { t } = useT();
  const { navigate } = useNav();
  const [entry, setEntry] = useState(opened);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<AppError | null>(null);
  const [warnings, setWarnings] = useState<AppError[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const sentRef = useRef<HTMLDivElement>(null);
  const d = t.month.detail;

  // The button that sent the entry is gone (a sent entry has no actions): the focus goes to the outcome.
  useEffect(() => {
    if (warnings) sentRef.current?.focus();
  }, [warnings]);

  // Buttons are not disabled while a command runs (that would drop the keyboard focus); a second
  // press is ignored instead.
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const r = await api.send('entry-submit', { entryId: entry.id, rev: entry.rev });
    setBusy(false);
    if (!r.ok) return setRefusal(r.error);
    // Nothing to read: back to where the person came from. Warnings stay until they go back themselves.
    if (r.value.warnings.length === 0) return navigate(back);
    setEntry(r.value.entry);
    setWarnings(r.value.warnings);
  };

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    const r = await api.send('entry-delete', { entryId: entry.id, rev: entry.rev });
    setBusy(false);
    if (r.ok) return navigate(back);
    setConfirming(false);
    setRefusal(r.error);
  };

  const edit = () => navigate({ name: 'entry', entry });
  // After a send with warnings the entry shown is the sent one, which offers no more actions.
  const status = entry.status;

  return (
    <div className="detail stack">
      <ScreenTitle>{d.title}</ScreenTitle>
      {warnings && (
        <div ref={sentRef} className="stack" tabIndex={-1}>
          <p className="alert alert-ok" role="status">
            {d.sent}
          </p>
          <Issues issues={warnings.map((w) => ({ ...w, severity: 'warning' as const }))} />
        </div>
      )}
      {refusal && <Issues issues={[refusal]} />}
      <EntryFields entry={entry} />

      <div className="detail-actions" role="group" aria-label={d.actions}>
        {status === 'draft' && (
          <>
            <button type="button" className="btn btn-primary" onClick={() => void submit()}>
              {d.send}
            </button>
            <button type="button" className="btn" onClick={edit}>
              {d.edit}
            </button>
            <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
              {d.delete}
            </button>
          </>
        )}
        {status === 'returned' && (
          <>
            <button type="button" className="btn btn-primary" onClick={edit}>
              {d.fix}
            </button>
            <button type="button" className="btn" onClick={() => void submit()}>
              {d.resend}
            </button>
          </>
        )}
        <button type="button" className={warnings ? 'btn btn-primary' : 'btn'} onClick={() => navigate(back)}>
          {t.common.back}
        </button>
      </div>
      {busy && !confirming && (
        <p role="status" className="muted">
          {d.working}
        </p>
      )}
      {confirming && <ConfirmDelete entry={entry} busy={busy} onConfirm={() => void remove()} onCancel={() => setConfirming(false)} />}
    </div>
  );
}
