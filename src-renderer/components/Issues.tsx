import type { IssueView } from '../../src-shared/api';
import type { AppError } from '../../src-shared/errors';
import { useT } from '../i18n';

type Shown = Pick<AppError, 'code' | 'params'> & { severity?: IssueView['severity']; field?: string };

/**
 * Rule findings and refusals, in the current language. Errors are announced at once (role=alert);
 * warnings politely (role=status). `data-code` carries the stable code for tests and support.
 */
export function Issues({ issues, id }: { issues: readonly Shown[]; id?: string }) {
  const { t, err } = useT();
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity !== 'warning');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <div id={id} className="issues">
      {errors.length > 0 && (
        <div role="alert" className="alert alert-error">
          <strong className="alert-title">{t.common.error}</strong>
          <ul>
            {errors.map((e, n) => (
              <li key={`${e.code}-${n}`} data-code={e.code}>
                {err(e)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div role="status" className="alert alert-warning">
          <strong className="alert-title">{t.common.warning}</strong>
          <ul>
            {warnings.map((w, n) => (
              <li key={`${w.code}-${n}`} data-code={w.code}>
                {err(w)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
