import { useEffect, useId, useState } from 'react';
import type { CommandResult, EntryForm } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { StepFrame } from './StepFrame';
import { FREE_TEXT_UNIT, type ChosenActivity, type Shown } from './state';

type Item = CommandResult<'catalog-search'>['items'][number];

/** Typing pauses this long before the catalog is asked, so each key does not start a search. */
const SEARCH_DELAY_MS = 200;
/** Before anything is typed: the favourites and recent ones, topped up to this many; the rest on request. */
const SUGGESTED = 8;

/**
 * Step 2: the activity. Before anything is typed the core's own order shows (favourites, then the
 * person's recent activities), so the usual choice is one tap away; typing searches the catalog.
 * Choosing an activity moves on at once, so the optional RHK link sits above the list.
 */
export function ActivityStep({
  form,
  chosen,
  rhkId,
  query,
  issues,
  onQuery,
  onPick,
  onRhk,
  actions,
}: {
  form: Pick<EntryForm, 'rhk' | 'allowFreeTextActivity'>;
  chosen: ChosenActivity | null;
  rhkId: string | null;
  query: string;
  issues: readonly Shown[];
  onQuery: (q: string) => void;
  onPick: (a: ChosenActivity) => void;
  onRhk: (id: string | null) => void;
  actions: React.ReactNode;
}) {
  const api = useApi();
  const { t, f, duration } = useT();
  const id = useId();
  const [answer, setAnswer] = useState<{ query: string; items: Item[] } | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [freeText, setFreeText] = useState(chosen?.id === null ? chosen.name : '');
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    let live = true;
    const q = query.trim();
    const timer = setTimeout(
      () => {
        void api.send('catalog-search', q ? { query: q } : {}).then((r) => {
          if (!live) return;
          if (r.ok) {
            setAnswer({ query: q, items: r.value.items });
            setProblem(null);
          } else setProblem(r.error);
        });
      },
      q ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const toggleFavorite = async (item: Item) => {
    const r = await api.send('catalog-favorite-set', { activityId: item.id, favorite: !item.favorite });
    if (!r.ok) return setProblem(r.error);
    setProblem(null);
    // The list keeps its order until the next search: a row must not jump away from the finger.
    setAnswer((a) => a && { ...a, items: a.items.map((i) => (i.id === r.value.activityId ? { ...i, favorite: r.value.favorite } : i)) });
  };

  const pick = (item: Item) => onPick({ id: item.id, name: item.name, outputUnit: item.outputUnit, normMinutes: item.normMinutes });
  const q = query.trim();
  // Rows are shown only for the words now in the box: while a search waits or runs, the rows of
  // the last one would be replaced under the finger (or under a Tab) a moment later.
  const items = answer && answer.query === q ? answer.items : null;
  const searching = items === null && problem === null;
  // The core's order already puts favourites and recent ones first; a short list keeps them in view.
  const known = items?.filter((i) => i.favorite || i.lastUsedAt !== null).length ?? 0;
  const shown = items && !q && !showAll ? items.slice(0, Math.max(SUGGESTED, known)) : items;
  const hidden = (items?.length ?? 0) - (shown?.length ?? 0);

  return (
    <StepFrame step="activity" actions={actions}>
      <Issues issues={issues} />
      {chosen && <p className="wizard-current">{f(t.entry.activity.current, { name: chosen.name })}</p>}
      {form.rhk.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-rhk`}>{t.entry.activity.rhk}</label>
          <select id={`${id}-rhk`} aria-describedby={`${id}-rhk-hint`} value={rhkId ?? ''} onChange={(e) => onRhk(e.target.value || null)}>
            <option value="">{t.entry.activity.rhkNone}</option>
            {form.rhk.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
          <span id={`${id}-rhk-hint`} className="field-hint">
            {t.entry.activity.rhkHint}
          </span>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-q`}>{t.entry.activity.search}</label>
        <input id={`${id}-q`} type="search" autoComplete="off" aria-describedby={`${id}-q-hint`} value={query} onChange={(e) => onQuery(e.target.value)} />
        <span id={`${id}-q-hint`} className="field-hint">
          {t.entry.activity.searchHint}
        </span>
      </div>
      {problem && <Issues issues={[problem]} />}
      <h3 className="activity-list-title">{q ? t.entry.activity.results : t.entry.activity.suggested}</h3>
      <p role="status" className="muted activity-status">
        {searching ? t.entry.activity.searching : items && items.length === 0 ? (q ? f(t.entry.activity.none, { query: q }) : t.entry.activity.empty) : ''}
      </p>
      {shown && shown.length > 0 && (
        <ul className="activity-list">
          {shown.map((item) => (
            <li key={item.id} className="activity-option">
              <button type="button" className="btn activity-button" aria-pressed={chosen?.id === item.id} onClick={() => pick(item)}>
                <span className="activity-name">{item.name}</span>
                <span className="activity-meta">
                  {item.normMinutes !== null
                    ? f(t.entry.activity.norm, { duration: duration(item.normMinutes), unit: item.outputUnit })
                    : `${f(t.entry.activity.unit, { unit: item.outputUnit })} · ${t.entry.activity.noNorm}`}
                </span>
              </button>
              <button
                type="button"
                className="btn btn-ghost activity-star"
                aria-pressed={item.favorite}
                aria-label={f(t.entry.activity.favoriteOn, { name: item.name })}
                onClick={() => void toggleFavorite(item)}
              >
                <span aria-hidden="true" className="activity-star-icon">
                  {item.favorite ? '★' : '☆'}
                </span>
                <span aria-hidden="true">{t.entry.activity.favorite}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="btn" onClick={() => setShowAll(true)}>
          {f(t.entry.activity.showAll, { n: hidden })}
        </button>
      )}
      {form.allowFreeTextActivity && (
        <div className="field activity-free">
          <label htmlFor={`${id}-free`}>{t.entry.activity.freeText}</label>
          <div className="row">
            <input id={`${id}-free`} type="text" value={freeText} maxLength={200} onChange={(e) => setFreeText(e.target.value)} />
            <button
              type="button"
              className="btn"
              disabled={freeText.trim() === ''}
              onClick={() => onPick({ id: null, name: freeText.trim(), outputUnit: FREE_TEXT_UNIT, normMinutes: null })}
            >
              {t.entry.activity.freeTextUse}
            </button>
          </div>
        </div>
      )}
    </StepFrame>
  );
}
