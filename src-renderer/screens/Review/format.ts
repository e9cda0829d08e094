import type { ReviewItem } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useT } from '../../i18n';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** The words this screen builds from an entry or a refusal, in the current language. */
export function useReviewFormat() {
  const { t, f, month, date } = useT();
  /** "10 Desember 2026": a deadline reads better without its weekday. */
  const plainDate = (iso: string) => date(iso, 'plain');
  return {
    plainDate,
    /** "08:00–10:00 Menyusun konsep surat dinas": how an entry is named on screen and to a screen reader. */
    label: (e: Pick<ReviewItem, 'startTime' | 'endTime' | 'activityName'>) => f(t.review.entry.label, { start: e.startTime, end: e.endTime, activity: e.activityName }),
    /**
     * A refusal ready for Issues: the core sends APPROVAL_DEADLINE_PASSED with the period and the
     * deadline as codes (2026-10, 2026-11-10); the person reads "Oktober 2026" and "10 November 2026".
     */
    shown(error: AppError): AppError {
      if (!error.params) return error;
      const params = { ...error.params };
      for (const [k, v] of Object.entries(params)) {
        if (typeof v !== 'string') continue;
        if (MONTH.test(v)) params[k] = month(v);
        else if (ISO_DATE.test(v)) params[k] = plainDate(v);
      }
      return { ...error, params };
    },
  };
}
