/**
 * A CAP alert in force as the wall shows a weather warning: its event named as one of the office's
 * where the words say so, its signal colour from the event's own colour word (暴雨橙色预警, "Red
 * Rainstorm Warning") or else from CAP's severity, its areas kept for the map. Pure.
 */
import { WARNING_LEVELS, type WarningEvent, type WarningLevel, type WeatherWarning } from '../../src/protocol/weatherWarnings';
import type { CapAlert, CapInfo } from './capAlert';

/** CAP severity → signal colour: Minor blue, Moderate yellow, Severe orange, Extreme red (Unknown: blue, the least). */
export const SEVERITY_LEVEL: Record<string, WarningLevel> = { Minor: 'blue', Moderate: 'yellow', Severe: 'orange', Extreme: 'red', Unknown: 'blue' };

const COLOUR_WORDS: [RegExp, WarningLevel][] = [
  [/红色|\bred\b/i, 'red'],
  [/橙色|\borange\b/i, 'orange'],
  [/黄色|\byellow\b/i, 'yellow'],
  [/蓝色|\bblue\b/i, 'blue'],
];

const EVENT_WORDS: [RegExp, WarningEvent][] = [
  [/暴雨|rainstorm|heavy rain/i, 'rainstorm'],
  [/雷|thunder|lightning/i, 'thunderstorm'],
  [/大风|gale|wind/i, 'gale'],
  [/高温|heat/i, 'heat'],
];

/** The office's event an alert's event text names, or `other`. */
export function warningEventOf(text: string): WarningEvent | 'other' {
  return EVENT_WORDS.find(([re]) => re.test(text))?.[1] ?? 'other';
}

/** The signal colour of one info: the event's colour word where it has one, else its severity's. */
export function signalLevelOf(info: Pick<CapInfo, 'event' | 'severity'>): WarningLevel {
  return COLOUR_WORDS.find(([re]) => re.test(info.event))?.[1] ?? SEVERITY_LEVEL[info.severity] ?? 'blue';
}

/** Where the wall's clock stands against the wall clock's when the warning is made. */
export interface WarningClocks {
  /** The city's time now (simulated or wall), epoch ms. */
  cityNow: number;
  /** The wall clock now, epoch ms. */
  wallNow: number;
}

/** Stands for "no expires": in force until updated or cancelled (JSON carries no Infinity). */
export const NO_EXPIRY = Number.MAX_SAFE_INTEGER;

const isChinese = (info: CapInfo) => /^zh/i.test(info.language);

/**
 * The warning a CAP alert in force shows as, keyed `cap:<sender,identifier,sent>`. The infos are
 * the same warning in several languages: the worst colour among them, the Chinese one's headline
 * for the Chinese screen, another's for the English one. Times move onto the city's clock by the
 * time since (or left until) the wall clock's now, so a simulated city shows it for as long.
 */
export function capWarningOf(key: string, alert: CapAlert, receivedAt: number, expiresAt: number | null, clocks: WarningClocks): WeatherWarning {
  const toCity = (wallMs: number) => clocks.cityNow + (wallMs - clocks.wallNow);
  const infos = alert.info;
  const zh = infos.find(isChinese) ?? infos[0];
  const en = infos.find((i) => !isChinese(i)) ?? infos[0];
  const level = infos.map(signalLevelOf).reduce<WarningLevel>((a, b) => (WARNING_LEVELS.indexOf(b) > WARNING_LEVELS.indexOf(a) ? b : a), 'blue');
  const eventText = zh?.event ?? '';
  // The English info's words, only where the alert has a second language: its areas match the
  // Chinese one's by position only when it lists as many.
  const english = en !== zh ? en : undefined;
  const areasEn = english && english.areas.length === (zh?.areas.length ?? 0) ? english.areas : null;
  // When it takes effect, as a time after it was sent, from its receipt: an outside alert's times are on
  // the issuer's clock, which the book does not keep (it shifts only expires onto the city's).
  const afterSent = Date.parse(zh?.effective ?? alert.sent) - Date.parse(alert.sent);
  const text = (info: CapInfo | undefined) => info?.headline ?? info?.description ?? info?.event ?? '';
  return {
    id: `cap:${key}`,
    event: warningEventOf(infos.map((i) => i.event).join(' ')),
    level,
    districts: [],
    issuedAt: toCity(receivedAt),
    expiresAt: expiresAt === null ? NO_EXPIRY : toCity(expiresAt),
    state: 'active',
    headline: text(zh),
    headlineEn: text(en),
    source: 'cap',
    eventText,
    ...(english ? { eventTextEn: english.event } : {}),
    areas: (zh?.areas ?? []).map((a, i) => ({
      areaDesc: a.areaDesc,
      ...(areasEn && areasEn[i]!.areaDesc !== '' ? { areaDescEn: areasEn[i]!.areaDesc } : {}),
      polygons: a.polygons,
      circles: a.circles,
    })),
    sender: zh?.senderName ?? alert.sender,
    effectiveAt: toCity(receivedAt) + (Number.isNaN(afterSent) ? 0 : afterSent),
  };
}
