import { errorMessage, type ErrorCode } from '../../src-shared/errors';

/**
 * The few words the shell itself shows, before any screen exists (the store would not open).
 * The language setting lives in that store, so both languages are shown, Indonesian first; the
 * reason itself is the error code's message from src-shared/i18n.
 */
export const SHELL_STRINGS = {
  id: {
    openFailedTitle: 'Kinerja Kiosk tidak dapat dibuka',
    openFailedAction: 'Aplikasi akan ditutup. Data di PC ini tidak diubah.',
    close: 'Tutup',
  },
  en: {
    openFailedTitle: 'Kinerja Kiosk cannot open',
    openFailedAction: 'The app will close. The data on this PC was not changed.',
  },
} as const;

/** The plain dialog for a store that refused to open (DB_SCHEMA_NEWER, DB_CORRUPT, …). */
export function openFailureDialog(code: ErrorCode): { title: string; message: string; detail: string; buttons: string[] } {
  const { id, en } = SHELL_STRINGS;
  return {
    title: id.openFailedTitle,
    message: `${errorMessage(code, undefined, 'id')}\n${id.openFailedAction}`,
    detail: `${en.openFailedTitle}. ${errorMessage(code, undefined, 'en')} ${en.openFailedAction} (${code})`,
    buttons: [id.close],
  };
}
