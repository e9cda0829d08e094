import { useMemo } from 'react';
import { useT } from '../../i18n';

export interface ReportFormat {
  /** 45.2 → "45,2%" (one decimal, as the core rounds it; the screen only formats). */
  percent(value: number): string;
  /** 1139040 → "Rp 1.139.040"; null (no TPP base on the server) → "—". */
  rupiah(value: number | null): string;
  /** A count or a minute figure in the locale's grouping: 6300 → "6.300". */
  count(value: number): string;
  /** An ISO timestamp in the PC's clock: "25 November 2026 pukul 09.40". */
  stamp(iso: string): string;
  /** Days as "2 Nov, 3 Nov, 4 Nov", each kept on one line when the list wraps. */
  dateList(dates: readonly string[]): string;
}

/** Figures as Tim, the printed reports and the Month screen write them, from one place. */
export function useReportFormat(): ReportFormat {
  const { t, f, locale, date, oneDecimal, rupiah, timestamp } = useT();
  return useMemo(() => {
    const grouped = new Intl.NumberFormat(locale);
    return {
      percent: (v) => f(t.report.percent, { percent: oneDecimal(v) }),
      rupiah: (v) => (v === null ? t.report.table.none : rupiah(v)),
      count: (v) => grouped.format(v),
      stamp: timestamp,
      dateList: (dates) => dates.map((d) => date(d, 'short').replace(/ /g, '\u00a0')).join(', '),
    };
  }, [t, f, locale, date, oneDecimal, rupiah, timestamp]);
}
