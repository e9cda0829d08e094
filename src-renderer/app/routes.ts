import type { EntryView } from '../../src-shared/api';

/**
 * Where a logged-in person is. Lock and PIN are not routes: they are what the app shows when
 * nobody is logged in (app/App.tsx). Routes hold no person's data beyond what the screen was
 * opened with; everything is dropped at logout with the session subtree.
 */
export type Route =
  | { name: 'home' }
  /** Catat Aktivitas: a new entry (optionally on a date), or an existing draft / returned entry to edit. */
  | { name: 'entry'; entry?: EntryView; date?: string }
  /** Bulan Ini: a month (YYYY-MM; the current month when absent). */
  | { name: 'month'; month?: string }
  /** One entry, read only or with its actions (edit, send, delete) when its status allows. */
  | { name: 'entry-detail'; entry: EntryView; back: Route }
  /** "Ulangi aktivitas kemarin": the drafts just copied from the last working day, to adjust and send. */
  | { name: 'copy-day' }
  /** Verifikasi (people with subordinates): the entries waiting for this supervisor. */
  | { name: 'review' }
  /** Tim: each direct subordinate's month (the current month when absent). */
  | { name: 'team'; month?: string }
  /** A printable monthly report: the team's, or one employee's (oneself or a subordinate). */
  | { name: 'report'; kind: 'team' | 'employee'; month: string; employeeId?: string; back: Route }
  /** Operator (operator or admin role): this PC's settings, sync, diagnostics, re-enrolment, quit. */
  | { name: 'operator' };

export type Navigate = (route: Route) => void;
