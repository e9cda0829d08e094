import type { AppError } from '../../src-shared/errors';
import { useT } from '../i18n';
import { Issues } from './Issues';

/** "Memuat…", announced politely while a screen's data is on its way. */
export function Loading() {
  const { t } = useT();
  return (
    <p role="status" className="muted">
      {t.common.loading}
    </p>
  );
}

/**
 * A screen whose data could not be read: what it was trying to show, the refusal in words, and
 * "Coba lagi". Shown instead of half a picture (a month without its entries would look empty).
 */
export function LoadProblem({ what, error, onRetry }: { what: string; error: AppError; onRetry: () => void }) {
  const { t } = useT();
  return (
    <div className="stack load-problem">
      <p>{what}</p>
      <Issues issues={[error]} />
      <div>
        <button type="button" className="btn btn-primary" onClick={onRetry}>
          {t.common.retry}
        </button>
      </div>
    </div>
  );
}
