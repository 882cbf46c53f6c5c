/**
 * Weather warnings as the wall shows them: the ones in force, most severe first (then the newest),
 * and their signal colours. Headlines are the issuer's free text and are only ever shown as text.
 */
import type { DistrictRef } from '@/protocol/assets';
import { areaDescIn, eventTextIn, WARNING_LEVELS, type WarningLevel, type WeatherWarning } from '@/protocol/weatherWarnings';
import { SIGNAL_COLORS } from '@/shared/palette';

/** The signal colours of Chinese weather warnings. */
export const WARNING_COLORS: Record<WarningLevel, string> = SIGNAL_COLORS;

const RANK = Object.fromEntries(WARNING_LEVELS.map((l, i) => [l, i])) as Record<WarningLevel, number>;

/**
 * Warnings in force at `now` (simulated time; null when unknown, then expiry is not checked),
 * most severe first, newest first within a level.
 */
export function activeWarnings(warnings: Iterable<WeatherWarning>, now: number | null): WeatherWarning[] {
  const out: WeatherWarning[] = [];
  for (const w of warnings) if (w.state === 'active' && (now === null || w.expiresAt > now)) out.push(w);
  return out.sort((a, b) => RANK[b.level] - RANK[a.level] || b.issuedAt - a.issuedAt);
}

export interface WarningTexts {
  /** i18n: the event and level words, and the title template. */
  t: (key: string, values?: Record<string, unknown>) => string;
  en: boolean;
  districts: readonly DistrictRef[];
}

/** "暴雨橙色预警" / "Orange rainstorm warning"; a CAP event none of ours, as its issuer named it. */
export function warningTitle(w: WeatherWarning, { t, en = false }: Pick<WarningTexts, 't'> & { en?: boolean }): string {
  if (w.event === 'other') return eventTextIn(w, en) ?? t(`warnings.levels.${w.level}`);
  return t('warnings.title', { event: t(`warnings.events.${w.event}`), level: t(`warnings.levels.${w.level}`) });
}

/** Districts named in full up to this many; beyond, the first and a count, so the headline stays in view. */
export const MAX_NAMED_DISTRICTS = 3;

/** The districts a warning covers, or "city-wide". */
export function warningArea(w: WeatherWarning, { t, en, districts }: WarningTexts): string {
  // A CAP warning names its own areas (areaDesc), not our districts.
  const described = (w.areas ?? []).map((a) => areaDescIn(a, en)).filter((d) => d !== '');
  if (described.length > 0) return described.slice(0, MAX_NAMED_DISTRICTS).join(en ? ', ' : '、') + (described.length > MAX_NAMED_DISTRICTS ? ' …' : '');
  if (w.districts.length === 0) return t('warnings.cityWide');
  const names = w.districts.map((i) => districts[i]).filter((d): d is DistrictRef => !!d).map((d) => (en ? d.nameEn : d.name));
  if (names.length === 0) return t('warnings.cityWide');
  if (names.length > MAX_NAMED_DISTRICTS) return t('warnings.manyDistricts', { first: names[0], n: names.length });
  return names.join(en ? ', ' : '、');
}

export interface TickerItem {
  id: string;
  level: WarningLevel;
  color: string;
  title: string;
  area: string;
  headline: string;
}

export function tickerItems(warnings: readonly WeatherWarning[], texts: WarningTexts): TickerItem[] {
  return warnings.map((w) => ({
    id: w.id,
    level: w.level,
    color: WARNING_COLORS[w.level],
    title: warningTitle(w, texts),
    area: warningArea(w, texts),
    headline: texts.en ? w.headlineEn : w.headline,
  }));
}
