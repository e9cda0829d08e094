import type { CommandResult } from '../../../src-shared/api';
import { isErrorCode } from '../../../src-shared/errors';
import { useT, type I18n } from '../../i18n';
import { when } from './format';

type Item = CommandResult<'sync-log'>['items'][number];
type Strings = I18n['t']['operator']['sync'];

/** The core writes `blocked:<reason>` for a stopped attempt; the table says "Berhenti" (the reason is in the error). */
function outcomeText(outcome: string, w: Strings): string {
  const kind = outcome.split(':')[0] ?? outcome;
  return Object.hasOwn(w.outcomes, kind) ? w.outcomes[kind as keyof Strings['outcomes']] : outcome;
}

function triggerText(trigger: string, w: Strings): string {
  return Object.hasOwn(w.triggers, trigger) ? w.triggers[trigger as keyof Strings['triggers']] : trigger;
}

/**
 * The last sync attempts, newest first: when, why, how it ended, the counts, and the error in
 * words with the core's technical detail under it (for the help desk).
 */
export function SyncLogTable({ items }: { items: readonly Item[] }) {
  const { t, err, date } = useT();
  const w = t.operator.sync;
  if (items.length === 0) return <p className="card">{w.logEmpty}</p>;
  const c = w.columns;
  return (
    <div className="op-scroll">
      <table className="op-table">
        <caption>{w.logCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.time}</th>
            <th scope="col">{c.trigger}</th>
            <th scope="col">{c.outcome}</th>
            <th scope="col" className="num">{c.pushed}</th>
            <th scope="col" className="num">{c.applied}</th>
            <th scope="col" className="num">{c.refused}</th>
            <th scope="col" className="num">{c.pulled}</th>
            <th scope="col">{c.error}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} className={i.outcome === 'ok' ? undefined : 'op-row-failed'}>
              <th scope="row" className="op-time">
                {when(i.startedAt, date)}
              </th>
              <td>{triggerText(i.trigger, w)}</td>
              <td>{outcomeText(i.outcome, w)}</td>
              <td className="num">{i.pushed}</td>
              <td className="num">{i.applied}</td>
              <td className="num">{i.refused}</td>
              <td className="num">{i.pulled}</td>
              <td>
                {i.errorCode ? (isErrorCode(i.errorCode) ? err({ code: i.errorCode }) : i.errorCode) : t.operator.none}
                {i.detail && <span className="op-detail">{i.detail}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
