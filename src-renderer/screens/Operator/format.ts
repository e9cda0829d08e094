import type { I18n } from '../../i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the operator reads it on this PC's clock: "25 Nov 09:40" (the sync log and the
 * backups are compared with what people remember of the day, in local time).
 */
export function when(iso: string, date: I18n['date']): string {
  const d = new Date(iso);
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date(day, 'short')} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
