import { useState } from 'react';
import type { CommandArgs } from '../../../src-shared/api';
import type { AppError } from '../../../src-shared/errors';
import { useApi } from '../../app/context';
import { Issues } from '../../components/Issues';
import { useT } from '../../i18n';
import { saveBase64File } from './download';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; fileName: string } | { kind: 'error'; error: AppError };

/**
 * "Unduh Excel": asks the core for the same report as a workbook and saves it. The outcome is
 * announced in words (saved, or the refusal) right under the button.
 */
export function ExcelButton({ args }: { args: CommandArgs<'report-xlsx'> }) {
  const api = useApi();
  const { t, f } = useT();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = state.kind === 'busy';

  const run = async () => {
    if (busy) return;
    setState({ kind: 'busy' });
    const r = await api.send('report-xlsx', args);
    if (!r.ok) return setState({ kind: 'error', error: r.error });
    saveBase64File(r.value);
    setState({ kind: 'saved', fileName: r.value.fileName });
  };

  return (
    <div className="excel">
      {/* aria-disabled keeps the focus on the button while the file is made. */}
      <button type="button" className="btn" aria-disabled={busy || undefined} onClick={() => void run()}>
        {busy ? t.report.excelBusy : t.report.excel}
      </button>
      <p role="status" className="excel-status">
        {state.kind === 'saved' ? f(t.report.excelSaved, { file: state.fileName }) : ''}
      </p>
      {state.kind === 'error' && <Issues issues={[state.error]} />}
    </div>
  );
}
