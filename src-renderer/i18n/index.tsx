import { createContext, useContext, useMemo } from 'react';
import type { AppError } from '../../src-shared/errors';
import { errorMessage, formatMessage, type Language, type MessageParams } from '../../src-shared/errors';
import { strings as en } from './en';
import { strings as id, type Strings } from './id';

export type { Language, Strings };
const CATALOGS: Record<Language, Strings> = { id, en };

export interface I18n {
  lang: Language;
  /** The BCP 47 locale of `lang`, for Intl formatters a screen makes itself. */
  locale: string;
  /** The strings of the current language: `t.common.back`. */
  t: Strings;
  /** Fills `{name}` placeholders: `f(t.common.minutes, { n: 30 })`. */
  f(template: string, params?: MessageParams): string;
  /** An error's message in the current language (the core's text is Indonesian). */
  err(error: Pick<AppError, 'code' | 'params'>): string;
  /** Minutes in words: 90 → "1 jam 30 menit". */
  duration(minutes: number): string;
  /** A date in words: "Rabu, 25 November 2026" (long), "25 Nov" (short), "25 November 2026" (plain). */
  date(iso: string, style?: 'long' | 'medium' | 'short' | 'weekday' | 'plain'): string;
  /** "November 2026" from "2026-11". */
  month(month: string): string;
  /** An instant (ISO timestamp) on the PC's clock: "25 November 2026 pukul 09.40". */
  timestamp(iso: string): string;
  /** 45.2 → "45,2" (one decimal, as the core rounds capaian; the screens only format it). */
  oneDecimal(value: number): string;
  /** 1139040 → "Rp 1.139.040": written the Indonesian way in both languages (an Indonesian allowance). */
  rupiah(value: number): string;
  setLang(lang: Language): void;
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

const DATE_OPTIONS: Record<'long' | 'medium' | 'short' | 'weekday' | 'plain', Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  medium: { weekday: 'long', day: 'numeric', month: 'long' },
  short: { day: 'numeric', month: 'short' },
  weekday: { weekday: 'long' },
  plain: { day: 'numeric', month: 'long', year: 'numeric' },
};

/** Dates are calendar days (YYYY-MM-DD); they are formatted at UTC noon so no time zone can shift them. */
function dateAt(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

export function makeI18n(lang: Language, setLang: (lang: Language) => void): I18n {
  const t = CATALOGS[lang];
  const locale = LOCALES[lang];
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const idr = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return {
    lang,
    locale,
    t,
    f: formatMessage,
    err: (e) => errorMessage(e.code, e.params, lang),
    duration(minutes) {
      const h = Math.floor(minutes / 60);
      const m = minutes % 60;
      if (h === 0) return formatMessage(t.common.minutes, { n: m });
      if (m === 0) return formatMessage(t.common.hours, { h });
      return formatMessage(t.common.hoursMinutes, { h, m });
    },
    date: (iso, style = 'long') => new Intl.DateTimeFormat(locale, { ...DATE_OPTIONS[style], timeZone: 'UTC' }).format(dateAt(iso)),
    month: (month) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(dateAt(`${month}-01`)),
    timestamp: (iso) => stamp.format(new Date(iso)),
    oneDecimal: (value) => oneDecimal.format(value),
    rupiah: (value) => idr.format(value),
    setLang,
  };
}

export const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ lang, setLang, children }: { lang: Language; setLang: (l: Language) => void; children: React.ReactNode }) {
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const i = useContext(I18nContext);
  if (!i) throw new Error('useT outside <I18nProvider>');
  return i;
}
