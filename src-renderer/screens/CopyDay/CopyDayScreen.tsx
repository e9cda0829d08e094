import { useEffect, useRef, useState } from 'react';
import type { CommandResult, EntryView } from '../../../src-shared/api';
import { monthOf } from '../../../src-shared/domain/dates';
import type { AppError, Result } from '../../../src-shared/errors';
import { useApi, useNav } from '../../app/context';
import { Issues } from '../../components/Issues';
import { ScreenTitle } from '../../components/ScreenTitle';
import { StatusBadge } from '../../components/StatusBadge';
import { useT } from '../../i18n';
import { readable } from '../Entry/state';
import './copy-day.css';

type Copied = CommandResult<'entry-copy-day'>;

/**
 * "Ulangi aktivitas kemarin": the last working day's entries become drafts on today, once, when
 * the screen opens. The person then adjusts any of them ("Ubah" opens the wizard on that draft) or
 * sends them all; what could not be copied is listed with the rule that refused it.
 */
export function CopyDayScreen() {
  const api = useApi();
  const { navigate } = useNav();
  const { t, f, err, date } = useT();
  const [copied, setCopied] = useState<Result<Copied> | null>(null);
  const [entries, setEntries] = useState<EntryView[]>([]);
  const [refusals, setRefusals] = useState<Record<string, AppError>>({});
  const [sources, setSources] = useState<EntryView[]>([]);
  const [sending, setSending] = useState(false);
  const [sentOnce, setSentOnce] = useState(false);
  // The copy writes: one request per screen, even when an effect runs twice (StrictMode, a re-render).
  const request = useRef<Promise<Result<Copied>> | null>(null);

  useEffect(() => {
    let live = true;
    request.current ??= api.send('entry-copy-day', {});
    void request.current.then(async (r) => {
      if (!live) return;
      setCopied(r);
      if (!r.ok) return;
      setEntries(r.value.created);
      if (r.value.skipped.length === 0) return;
      // The refusals name only the source entry: its time and activity come from the source day's month.
      const list = await api.send('entry-list', { month: monthOf(r.value.fromDate) });
      if (live && list.ok) setSources(list.value.entries);
    });
    return () => {
      live = false;
    };
  }, [api]);

  const human = (e: AppError) => readable([e], (iso) => date(iso, 'medium'))[0]!;

  const sendAll = async () => {
    setSending(true);
    const errors: Record<string, AppError> = {};
    // One at a time, in the order shown: each answer updates its own row.
    for (const e of entries) {
      if (e.status !== 'draft' && e.status !== 'returned') continue;
      const r = await api.send('entry-submit', { entryId: e.id, rev: e.rev });
      if (r.ok) setEntries((list) => list.map((x) => (x.id === e.id ? r.value.entry : x)));
      else errors[e.id] = r.error;
    }
    setRefusals(errors);
    setSending(false);
    setSentOnce(true);
  };

  const title = <ScreenTitle>{t.entry.copy.title}</ScreenTitle>;
  if (!copied) {
    return (
      <div className="copy-day">
        {title}
        <p role="status">{t.entry.copy.working}</p>
      </div>
    );
  }
  if (!copied.ok) {
    const nothing = copied.error.code === 'NOTHING_TO_COPY';
    const day = copied.error.params?.['date'];
    return (
      <div className="copy-day stack">
        {title}
        {nothing ? (
          <div role="status" className="card">
            <p>{f(t.entry.copy.nothing, { date: typeof day === 'string' ? date(day, 'medium') : '' })}</p>
            <p className="muted">{t.entry.copy.nothingHint}</p>
          </div>
        ) : (
          <Issues issues={[human(copied.error)]} />
        )}
        <div className="row">
          <button type="button" className="btn btn-primary btn-big" onClick={() => navigate({ name: 'entry' })}>
            {t.entry.copy.record}
          </button>
          <button type="button" className="btn btn-big" onClick={() => navigate({ name: 'home' })}>
            {t.entry.copy.home}
          </button>
        </div>
      </div>
    );
  }

  const { fromDate, toDate, skipped } = copied.value;
  const toSend = entries.filter((e) => e.status === 'draft' || e.status === 'returned');
  const failed = Object.keys(refusals).length > 0;
  return (
    <div className="copy-day stack">
      {title}
      <p>{f(t.entry.copy.intro, { from: date(fromDate, 'medium'), to: date(toDate, 'medium') })}</p>
      {entries.length > 0 && (
        <section aria-labelledby="copy-created-h" className="stack">
          <h2 id="copy-created-h">{f(t.entry.copy.created, { n: entries.length })}</h2>
          <ul className="copy-list">
            {entries.map((e) => (
              <li key={e.id} className="card copy-item">
                <p className="copy-item-head">
                  <strong>{f(t.entry.copy.time, { start: e.startTime, end: e.endTime })}</strong> {e.activityName} <StatusBadge status={e.status} />
                </p>
                <p className="muted">{f(t.entry.copy.volume, { volume: e.volume, unit: e.outputUnit })}</p>
                <p className="copy-text">{e.description}</p>
                {refusals[e.id] && <Issues issues={[human(refusals[e.id]!)]} />}
                {(e.status === 'draft' || e.status === 'returned') && (
                  <button
                    type="button"
                    className="btn"
                    disabled={sending}
                    aria-label={f(t.entry.copy.editLabel, { time: f(t.entry.copy.time, { start: e.startTime, end: e.endTime }), name: e.activityName })}
                    onClick={() => navigate({ name: 'entry', entry: e })}
                  >
                    {t.entry.copy.edit}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {sentOnce && (
            <div role="status" className={failed ? 'alert alert-warning' : 'alert alert-ok'}>
              <p>{failed ? t.entry.copy.someFailed : t.entry.copy.allSent}</p>
              {entries.some((e) => e.pending) && <p>{t.entry.copy.pending}</p>}
            </div>
          )}
          {toSend.length > 0 && (
            <div className="row">
              <button type="button" className="btn btn-primary btn-big" disabled={sending} onClick={() => void sendAll()}>
                {sending ? t.entry.copy.submitting : t.entry.copy.submitAll}
              </button>
            </div>
          )}
        </section>
      )}
      {skipped.length > 0 && (
        <section aria-labelledby="copy-skipped-h" className="stack">
          <h2 id="copy-skipped-h">{f(t.entry.copy.skipped, { n: skipped.length })}</h2>
          <p className="muted">{t.entry.copy.skippedIntro}</p>
          <ul className="copy-list">
            {skipped.map((s) => {
              const source = sources.find((e) => e.id === s.sourceId);
              return (
                <li key={s.sourceId} className="card copy-item copy-skipped" data-code={s.error.code}>
                  <p className="copy-item-head">
                    {source ? (
                      <>
                        <strong>{f(t.entry.copy.time, { start: source.startTime, end: source.endTime })}</strong> {source.activityName}
                      </>
                    ) : (
                      f(t.entry.copy.skippedUnknown, { date: date(fromDate, 'medium') })
                    )}
                  </p>
                  <p>{err(human(s.error))}</p>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="row">
        <button type="button" className="btn btn-big" onClick={() => navigate({ name: 'home' })}>
          {t.entry.copy.home}
        </button>
      </div>
    </div>
  );
}
