import { useId } from 'react';
import type { ReviewQueue } from '../../../src-shared/api';
import { formatNip } from '../../../src-shared/domain/nip';
import type { AppError } from '../../../src-shared/errors';
import { useT } from '../../i18n';
import { EntryRow, type EntryActions } from './EntryRow';
import { bulkScope, entriesByMonth, monthOf, periodOf, type BulkScope, type DayGroup, type EmployeeGroup } from './model';

/** A "Setujui semua" the person pressed: what the confirmation will count and send. */
export interface BulkRequest {
  name: string;
  /** The day (YYYY-MM-DD) or the month (YYYY-MM) it covers. */
  day?: string;
  month?: string;
  scope: BulkScope;
}

interface ListProps {
  queue: ReviewQueue;
  errors: Readonly<Record<string, AppError>>;
  actions: EntryActions;
  onBulk(request: BulkRequest): void;
}

/** Every waiting entry, by employee (h2), then by day (h3), oldest first as the core sends them. */
export function QueueList(props: ListProps) {
  return (
    <div className="stack review-list">
      {props.queue.employees.map((group) => (
        <EmployeeSection key={group.employee.id} group={group} {...props} />
      ))}
    </div>
  );
}

function EmployeeSection({ group, queue, errors, actions, onBulk }: ListProps & { group: EmployeeGroup }) {
  const { t, f, duration, month } = useT();
  const headingId = useId();
  const { employee } = group;
  const thisMonth = monthOf(queue.today);
  const months = entriesByMonth(group).map((m) => ({ month: m.month, scope: bulkScope(queue, m.entries) }));
  return (
    <section className="review-employee stack" aria-labelledby={headingId}>
      <div className="review-employee-head">
        <div className="review-employee-who">
          <h2 id={headingId}>{employee.name}</h2>
          <p className="muted review-employee-meta">
            {f(t.review.employee.nip, { nip: formatNip(employee.nip) })} · {employee.positionTitle}
          </p>
          <p className="review-employee-waiting">{f(t.review.employee.waiting, { n: group.waiting, duration: duration(group.waitingMinutes) })}</p>
        </div>
        <div className="review-bulk">
          {/* Only where it saves taps: one approvable entry has its own "Setujui". */}
          {months
            .filter((m) => m.scope.items.length > 1)
            .map((m) => (
              <button
                key={m.month}
                type="button"
                className="btn"
                aria-describedby={headingId}
                onClick={() => onBulk({ name: employee.name, month: m.month, scope: m.scope })}
              >
                {m.month === thisMonth
                  ? f(t.review.employee.approveMonth, { n: m.scope.items.length })
                  : f(t.review.employee.approveMonthOf, { n: m.scope.items.length, month: month(m.month) })}
              </button>
            ))}
        </div>
      </div>
      {group.days.map((day) => (
        <DaySection key={day.date} day={day} group={group} employeeHeadingId={headingId} queue={queue} errors={errors} actions={actions} onBulk={onBulk} />
      ))}
    </section>
  );
}

function DaySection({ day, group, employeeHeadingId, queue, errors, actions, onBulk }: ListProps & { day: DayGroup; group: EmployeeGroup; employeeHeadingId: string }) {
  const { t, f, date, duration } = useT();
  const headingId = useId();
  const scope = bulkScope(queue, day.entries);
  const period = periodOf(queue, day.date);
  return (
    // Named by the employee and the day: two people's same day are two distinct regions.
    <section className="review-day" aria-labelledby={`${employeeHeadingId} ${headingId}`}>
      <div className="review-day-head">
        <div>
          <h3 id={headingId}>{date(day.date, 'long')}</h3>
          <p className="muted review-day-total">{f(t.review.day.total, { total: duration(day.dayMinutes), waiting: duration(day.waitingMinutes) })}</p>
        </div>
        {scope.items.length > 1 && (
          <button type="button" className="btn" aria-describedby={headingId} onClick={() => onBulk({ name: group.employee.name, day: day.date, scope })}>
            {f(t.review.day.approve, { n: scope.items.length })}
          </button>
        )}
      </div>
      <ul className="plain-list stack">
        {day.entries.map((item) => (
          <EntryRow key={item.id} item={item} day={day} period={period} error={errors[item.id] ?? null} actions={actions} />
        ))}
      </ul>
    </section>
  );
}
