/**
 * Number, duration, time and change formatting for the daily report, per locale ('zh-CN' | 'en').
 * Pure: the page, the tests and the PDF all format the same way.
 */
import { fixedDigitsFormat } from '@/i18n/fixedDigits';
import { SUMMARY_TIMEZONE } from '@/protocol/summary';

export const NONE = '—';

/** A figure with the indicator's decimals, grouped for the locale; "—" when there is none. */
export function formatNumber(value: number | null | undefined, digits: number, locale: string): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NONE : fixedDigitsFormat(locale, digits).format(value);
}

/** A ratio 0–1 as a percentage with one decimal ("93.4%"). */
export function formatPercent(ratio: number | null | undefined, locale: string, digits = 1): string {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? NONE : `${formatNumber(ratio * 100, digits, locale)}%`;
}

const isZh = (locale: string) => locale.startsWith('zh');

/** Minutes as hours and minutes: 96 → "1 小时 36 分" / "1 h 36 min"; 45 → "45 分" / "45 min"; 120 → "2 小时" / "2 h". */
export function formatMinutes(minutes: number | null | undefined, locale: string): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return NONE;
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const zh = isZh(locale);
  const hText = zh ? `${fixedDigitsFormat(locale, 0).format(h)} 小时` : `${fixedDigitsFormat(locale, 0).format(h)} h`;
  const mText = zh ? `${m} 分` : `${m} min`;
  if (h === 0) return mText;
  return m === 0 ? hText : `${hText} ${mText}`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant as Shanghai wall-clock time, "14:05". */
export function formatClock(t: number | null | undefined, locale: string): string {
  if (t === null || t === undefined || !Number.isFinite(t)) return NONE;
  let f = timeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: SUMMARY_TIMEZONE });
    timeFormats.set(locale, f);
  }
  return f.format(t);
}

/** A Shanghai calendar date (YYYY-MM-DD) written out: "2026年7月15日 星期三" / "Wed, 15 Jul 2026". */
export function formatLongDate(date: string, locale: string): string {
  const t = Date.parse(`${date}T12:00:00+08:00`);
  if (!Number.isFinite(t)) return date;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: isZh(locale) ? 'long' : 'short', day: 'numeric', weekday: 'short', timeZone: SUMMARY_TIMEZONE }).format(t);
}

/** Whether a change is good news: worse when it moves the way the indicator's `direction` says is worse. */
export type ChangeTone = 'worse' | 'better' | 'same' | 'none';

export interface Change {
  /** "▲ 12.5%", "▼ 3", "±0", or "—" when either side is missing. */
  text: string;
  tone: ChangeTone;
}

/**
 * The day's mean against a reference mean (yesterday's, or the 7-day mean): relative when the
 * reference is not zero, else the absolute difference; coloured by `direction` (up: higher is worse).
 * Differences smaller than the indicator's last shown decimal count as no change.
 */
export function formatChange(current: number | null, reference: number | null, direction: 'up' | 'down', digits: number, locale: string): Change {
  if (current === null || reference === null || !Number.isFinite(current) || !Number.isFinite(reference)) return { text: NONE, tone: 'none' };
  const diff = current - reference;
  if (Math.abs(diff) < 0.5 * 10 ** -digits) return { text: '±0', tone: 'same' };
  const arrow = diff > 0 ? '▲' : '▼';
  const worse = direction === 'up' ? diff > 0 : diff < 0;
  const text = reference !== 0 ? `${arrow} ${formatNumber(Math.abs(diff / reference) * 100, 1, locale)}%` : `${arrow} ${formatNumber(Math.abs(diff), digits, locale)}`;
  return { text, tone: worse ? 'worse' : 'better' };
}
