/**
 * The warning office, a stage of the city pipeline beside the alarm rules: from what the source
 * reports (the rain gauges, the weather stations, the radar picture and the day's forecast) it keeps
 * rolling rainfall totals per rain gauge and issues, upgrades, renews, downgrades and cancels
 * rainstorm, thunderstorm, gale and heat warnings by the national signal rules (../shared/BRIEF.md).
 * Shanghai issues its own signals; a CAP ingest adapter can produce the same WeatherWarning records.
 *
 * An office warns ahead: a rainstorm signal is issued when a gauge has reached the signal's total and
 * the rain goes on, or is on course to reach it: the rain of the window's first hours plus the radar
 * nowcast for the next hour (the cells moved along their drift at today's strength, as extrapolation
 * nowcasts do) would reach it (see {@link rainstormLevelOf}). Deterministic: no randomness, only the
 * observations it is given.
 */
import type { DistrictRef } from '../../src/protocol/assets';
import { WARNING_EVENTS, WARNING_LEVELS, type WarningEvent, type WeatherWarning } from '../../src/protocol/weatherWarnings';
import { rainAt, type RainCell } from '../simulator/rainCells';
import { RainAccumulator } from './rainTotals';

/** It is still raining at a gauge while its current intensity is at least this (the light/moderate line), mm/h. */
export const ONGOING_MM_H = 2.5;
/** The radar nowcast: the next hour's rain at each gauge, sampled every 10 minutes, redone every 10 minutes. */
const NOWCAST_SAMPLES_MIN = [5, 15, 25, 35, 45, 55];
const NOWCAST_EVERY_MS = 10 * 60_000;

/**
 * A signal is issued or upgraded at once, but eased (downgraded or cancelled) only after its level has
 * not been met for this long, to the highest level met meanwhile: rain and thunder settle within half
 * an hour; gusty wind and the afternoon heat are given an hour, so a warning does not flicker.
 */
export const EASE_AFTER_MS: Record<WarningEvent, number> = {
  rainstorm: 30 * 60_000,
  thunderstorm: 30 * 60_000,
  gale: 60 * 60_000,
  heat: 60 * 60_000,
};
/** How long a warning stands unless renewed; it is renewed when less than half of this is left. */
export const VALIDITY_MS: Record<WarningEvent, number> = {
  rainstorm: 3 * 3_600_000,
  thunderstorm: 3 * 3_600_000,
  gale: 6 * 3_600_000,
  heat: 12 * 3_600_000,
};

/** Rainstorm signals (national): [window hours, mm] per level index (0 blue … 3 red). */
export const RAINSTORM_RULES: readonly { hours: 3 | 6 | 12; mm: number }[] = [
  { hours: 12, mm: 50 },
  { hours: 6, mm: 50 },
  { hours: 3, mm: 50 },
  { hours: 3, mm: 100 },
];

/**
 * Thunderstorm signals (yellow, orange, red; no blue): a convective cell (radius at most
 * {@link CONVECTIVE_MAX_RADIUS_KM}) with at least `mmH` at its core, within `withinKm` of a weather
 * station (beyond the cell's own radius for orange and red). Yellow warns of a strong cell within
 * about an hour's drift (30–50 km/h); orange of a stronger one arriving; red of a severe one overhead.
 */
export const THUNDER_RULES: readonly { level: number; mmH: number; withinKm: number; pastEdge: boolean }[] = [
  { level: 1, mmH: 40, withinKm: 30, pastEdge: false },
  { level: 2, mmH: 60, withinKm: 5, pastEdge: true },
  { level: 3, mmH: 90, withinKm: 0, pastEdge: true },
];
export const CONVECTIVE_MAX_RADIUS_KM = 10;

/** Gale signals by mean wind at any station, m/s: Beaufort 6, 8, 10, 12 (blue … red). */
export const GALE_MS = [10.8, 17.2, 24.5, 32.7];
/** Heat signals (yellow, orange, red), °C: observed at a station, or forecast for the day while the office issues in the morning. */
export const HEAT_C = [35, 37, 40];
const HEAT_FORECAST_HOURS: [number, number] = [6, 15];

export interface WeatherOfficeSites {
  districts: readonly DistrictRef[];
  /** District index per rain gauge. */
  gaugeDistrict: ArrayLike<number>;
  /** Rain gauge positions on the local km grid, x,y per gauge (for the radar nowcast). */
  gaugeXY: ArrayLike<number>;
  /** District index per weather station. */
  stationDistrict: ArrayLike<number>;
  /** Station positions on the local km grid, x,y per station. */
  stationXY: ArrayLike<number>;
}

/** What the office sees at one moment. */
export interface Observations {
  /** Rain intensity per rain gauge, mm/h; NaN while a gauge is silent. */
  rain: ArrayLike<number>;
  /** Mean wind per weather station, m/s. */
  wind: ArrayLike<number>;
  /** Air temperature per weather station, °C. */
  temp: ArrayLike<number>;
  /** The radar picture: rain cells on the local km grid. */
  cells: readonly RainCell[];
  /** Today's forecast highest temperature in the city, °C (NaN: no forecast). */
  forecastMaxC: number;
}

/**
 * The rainstorm signal one gauge calls for (−1 none, 0 blue … 3 red), given the nowcast of its next
 * hour's rain (mm). While the rain goes on (the gauge still reads at least {@link ONGOING_MM_H}, or the
 * nowcast brings that much within the hour), a rule is met when its total over its window has been
 * reached ("已达…且降雨可能持续") or when the window's first hours plus the nowcast reach it ("将达").
 * Rain that has stopped holds no signal up, however much fell.
 */
export function rainstormLevelOf(acc: RainAccumulator, i: number, nextHourMm: number): number {
  const continuing = acc.intensity[i] >= ONGOING_MM_H || nextHourMm >= ONGOING_MM_H;
  if (!continuing) return -1;
  for (let level = RAINSTORM_RULES.length - 1; level >= 0; level--) {
    const { hours, mm } = RAINSTORM_RULES[level];
    const firstHours = acc.total(i, hours === 3 ? 2 : hours === 6 ? 5 : 11);
    if (Math.max(acc.total(i, hours), firstHours + nextHourMm) >= mm) return level;
  }
  return -1;
}

/** The next hour's rain (mm) at each point of `xy` if the cells keep their drift and strength. */
export function nowcastNextHour(cells: readonly RainCell[], xy: ArrayLike<number>, out: Float64Array): void {
  out.fill(0);
  const hours = 1 / NOWCAST_SAMPLES_MIN.length;
  for (const minutes of NOWCAST_SAMPLES_MIN) {
    const t = minutes * 60;
    const moved = cells.map((c) => ({ ...c, x: c.x + c.vx * t, y: c.y + c.vy * t }));
    for (let i = 0; i < out.length; i++) out[i] += rainAt(moved, xy[i * 2], xy[i * 2 + 1]) * hours;
  }
}

/** What one event calls for now: a level (−1 none) and the districts where it is met. */
interface Target {
  level: number;
  districts: Set<number>;
}

/** The office's own warnings are always of one of its events. */
type OfficeWarning = WeatherWarning & { event: WarningEvent };

interface Track {
  warning: OfficeWarning | null;
  /** When the target first fell below the warning's level (NaN while it has not)… */
  easingSince: number;
  /** …and the highest level it called for since. */
  easingLevel: number;
  /** When the warning last went out (issued, changed, renewed, extended). */
  sentAt: number;
}

/** Districts newly reached at the same level are added at most this often, so the ticker is not flooded. */
const EXTEND_EVERY_MS = 30 * 60_000;

/** The signal colours and events as the office words them (暴雨橙色预警); its CAP alerts name them so too (cap/officeCap.ts). */
export const LEVEL_ZH = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' } as const;
export const EVENT_ZH: Record<WarningEvent, string> = { rainstorm: '暴雨', thunderstorm: '雷电', gale: '大风', heat: '高温' };
const CRITERIA: Record<WarningEvent, (level: number) => [string, string]> = {
  rainstorm: (l) => {
    const { hours, mm } = RAINSTORM_RULES[l];
    return [`${hours}小时内降雨量将达${mm}毫米以上，或已达${mm}毫米以上且降雨可能持续`, `${mm} mm or more of rain within ${hours} hours expected or already fallen, with more likely`];
  },
  thunderstorm: (l) =>
    l >= 3
      ? ['已有强烈雷电活动发生且可能持续，出现雷电灾害的可能性非常大', 'severe thunderstorms under way and likely to continue']
      : l >= 2
        ? ['2小时内发生雷电活动的可能性很大，或已受雷电活动影响且可能持续', 'thunderstorms very likely within 2 hours, or already affecting the area']
        : ['6小时内可能发生雷电活动，可能造成雷电灾害事故', 'thunderstorms possible within 6 hours'],
  gale: (l) => {
    const force = [6, 8, 10, 12][l];
    return [`可能受大风影响，平均风力可达${force}级以上`, `gales of mean force ${force} or more possible`];
  },
  heat: (l) => [`最高气温将升至${HEAT_C[l - 1]}℃以上`, `highest temperature expected to reach ${HEAT_C[l - 1]} °C or more`],
};

export class WeatherOffice {
  readonly rain: RainAccumulator;
  /** The latest radar nowcast: next hour's rain per gauge, mm. */
  readonly nextHour: Float64Array;
  private nowcastAt = NaN;
  private readonly tracks = new Map<WarningEvent, Track>(WARNING_EVENTS.map((e) => [e, { warning: null, easingSince: NaN, easingLevel: -1, sentAt: NaN }]));

  constructor(private readonly sites: WeatherOfficeSites) {
    this.rain = new RainAccumulator(sites.gaugeDistrict.length);
    this.nextHour = new Float64Array(sites.gaugeDistrict.length);
  }

  /** Active warnings, most severe first. */
  active(): WeatherWarning[] {
    const out: WeatherWarning[] = [];
    for (const t of this.tracks.values()) if (t.warning) out.push({ ...t.warning, districts: [...t.warning.districts] });
    return out.sort((a, b) => WARNING_LEVELS.indexOf(b.level) - WARNING_LEVELS.indexOf(a.level));
  }

  /** The highest active level: 0 none, 1 blue … 4 red. */
  highestLevel(): number {
    let max = 0;
    for (const t of this.tracks.values()) if (t.warning) max = Math.max(max, WARNING_LEVELS.indexOf(t.warning.level) + 1);
    return max;
  }

  /** Takes in `dtS` seconds of observations ending at `timeMs`; returns the warnings issued, changed or cancelled. */
  step(timeMs: number, dtS: number, obs: Observations): WeatherWarning[] {
    this.rain.observe(timeMs, dtS, obs.rain);
    const round = Math.floor(timeMs / NOWCAST_EVERY_MS);
    if (round !== this.nowcastAt) {
      this.nowcastAt = round;
      nowcastNextHour(obs.cells, this.sites.gaugeXY, this.nextHour);
    }
    const changes: WeatherWarning[] = [];
    this.settle('rainstorm', this.rainstormTarget(), timeMs, changes);
    this.settle('thunderstorm', this.thunderTarget(obs.cells), timeMs, changes);
    this.settle('gale', this.galeTarget(obs.wind), timeMs, changes);
    this.settle('heat', this.heatTarget(obs.temp, obs.forecastMaxC, timeMs), timeMs, changes);
    return changes;
  }

  private rainstormTarget(): Target {
    const target: Target = { level: -1, districts: new Set() };
    const levels = new Int8Array(this.rain.gauges);
    for (let i = 0; i < levels.length; i++) {
      levels[i] = rainstormLevelOf(this.rain, i, this.nextHour[i]);
      target.level = Math.max(target.level, levels[i]);
    }
    for (let i = 0; i < levels.length; i++) if (target.level >= 0 && levels[i] >= target.level) target.districts.add(this.sites.gaugeDistrict[i]);
    return target;
  }

  private thunderTarget(cells: readonly RainCell[]): Target {
    const { stationXY, stationDistrict } = this.sites;
    const perStation = new Int8Array(stationDistrict.length).fill(-1);
    for (const c of cells) {
      if (c.radiusKm > CONVECTIVE_MAX_RADIUS_KM) continue;
      const core = rainAt([c], c.x, c.y);
      for (let s = 0; s < perStation.length; s++) {
        const d = Math.hypot(stationXY[s * 2] - c.x, stationXY[s * 2 + 1] - c.y);
        for (const rule of THUNDER_RULES) {
          if (core >= rule.mmH && d <= rule.withinKm + (rule.pastEdge ? c.radiusKm : 0)) perStation[s] = Math.max(perStation[s], rule.level);
        }
      }
    }
    return this.byStation(perStation);
  }

  private galeTarget(wind: ArrayLike<number>): Target {
    const perStation = new Int8Array(this.sites.stationDistrict.length).fill(-1);
    for (let s = 0; s < perStation.length; s++) for (let l = 0; l < GALE_MS.length; l++) if (wind[s] >= GALE_MS[l]) perStation[s] = l;
    return this.byStation(perStation);
  }

  /** Heat is a city-wide signal (districts empty). */
  private heatTarget(temp: ArrayLike<number>, forecastMaxC: number, timeMs: number): Target {
    let hottest = -Infinity;
    for (let s = 0; s < temp.length; s++) if (temp[s] > hottest) hottest = temp[s];
    const hour = (((timeMs / 3_600_000 + 8) % 24) + 24) % 24;
    if (hour >= HEAT_FORECAST_HOURS[0] && hour < HEAT_FORECAST_HOURS[1] && forecastMaxC > hottest) hottest = forecastMaxC;
    let level = -1;
    HEAT_C.forEach((c, k) => {
      if (hottest >= c) level = k + 1;
    });
    return { level, districts: new Set() };
  }

  private byStation(perStation: Int8Array): Target {
    let level = -1;
    for (const l of perStation) level = Math.max(level, l);
    const districts = new Set<number>();
    if (level >= 0) perStation.forEach((l, s) => l >= level && districts.add(this.sites.stationDistrict[s]));
    return { level, districts };
  }

  /** Moves one event's warning towards its target: issue or upgrade at once, ease after a while, renew before it lapses. */
  private settle(event: WarningEvent, target: Target, now: number, out: WeatherWarning[]): void {
    const track = this.tracks.get(event)!;
    const current = track.warning;
    const validity = VALIDITY_MS[event];
    if (!current) {
      if (target.level < 0) return;
      track.warning = {
        id: `WW-${event}-${now}`,
        event,
        level: WARNING_LEVELS[target.level],
        districts: sorted(target.districts),
        issuedAt: now,
        expiresAt: now + validity,
        state: 'active',
        headline: '',
        headlineEn: '',
        source: 'simulator',
      };
      track.easingSince = NaN;
      track.sentAt = now;
      this.headline(track.warning, 'issue');
      out.push({ ...track.warning, districts: [...track.warning.districts] });
      return;
    }
    const level = WARNING_LEVELS.indexOf(current.level);
    if (now >= current.expiresAt) return this.cancel(track, now, out);
    if (target.level > level) {
      this.relevel(track, target, now, 'upgrade', out);
      return;
    }
    if (target.level < level) {
      if (Number.isNaN(track.easingSince)) {
        track.easingSince = now;
        track.easingLevel = -1;
      }
      track.easingLevel = Math.max(track.easingLevel, target.level);
      if (now - track.easingSince < EASE_AFTER_MS[event]) return;
      if (track.easingLevel < 0) return this.cancel(track, now, out);
      // Met meanwhile but not now: keep the districts the warning has.
      const to = target.level === track.easingLevel ? target : { level: track.easingLevel, districts: new Set(current.districts) };
      this.relevel(track, to, now, 'downgrade', out);
      return;
    }
    track.easingSince = NaN;
    const added = [...target.districts].filter((d) => !current.districts.includes(d));
    const renew = current.expiresAt - now < validity / 2;
    const extend = added.length > 0 && now - track.sentAt >= EXTEND_EVERY_MS;
    if (!renew && !extend) return;
    current.districts = sorted(new Set([...current.districts, ...added]));
    if (renew) current.expiresAt = now + validity;
    track.sentAt = now;
    this.headline(current, added.length > 0 ? 'extend' : 'renew');
    out.push({ ...current, districts: [...current.districts] });
  }

  private relevel(track: Track, target: Target, now: number, how: 'upgrade' | 'downgrade', out: WeatherWarning[]): void {
    const w = track.warning!;
    w.level = WARNING_LEVELS[target.level];
    w.districts = sorted(target.districts);
    w.issuedAt = now;
    w.expiresAt = now + VALIDITY_MS[w.event];
    track.easingSince = NaN;
    track.sentAt = now;
    this.headline(w, how);
    out.push({ ...w, districts: [...w.districts] });
  }

  private cancel(track: Track, now: number, out: WeatherWarning[]): void {
    const w = track.warning!;
    track.warning = null;
    track.easingSince = NaN;
    const cancelled: OfficeWarning = { ...w, districts: [...w.districts], state: 'cancelled', expiresAt: now };
    this.headline(cancelled, 'cancel');
    out.push(cancelled);
  }

  /** The bilingual headline, as the office words it. */
  private headline(w: OfficeWarning, how: 'issue' | 'upgrade' | 'downgrade' | 'renew' | 'extend' | 'cancel'): void {
    const eventZh = EVENT_ZH[w.event];
    const levelZh = LEVEL_ZH[w.level];
    const levelEn = w.level[0].toUpperCase() + w.level.slice(1);
    if (how === 'cancel') {
      w.headline = `上海中心气象台解除${eventZh}${levelZh}预警。`;
      w.headlineEn = `${levelEn} ${w.event} warning lifted by the Shanghai Central Meteorological Observatory.`;
      return;
    }
    const verbZh = { issue: '发布', upgrade: '升级发布', downgrade: '降级为', renew: '继续发布', extend: '扩大发布' }[how];
    const verbEn = { issue: 'issued', upgrade: 'upgraded to', downgrade: 'downgraded to', renew: 'renewed', extend: 'extended' }[how];
    const [zh, en] = CRITERIA[w.event](WARNING_LEVELS.indexOf(w.level));
    const [areaZh, areaEn] = this.areas(w.districts);
    w.headline = `上海中心气象台${verbZh}${eventZh}${levelZh}预警：${areaZh}${zh}。`;
    const eventEn = w.event[0].toUpperCase() + w.event.slice(1);
    w.headlineEn =
      how === 'upgrade' || how === 'downgrade'
        ? `${eventEn} warning ${verbEn} ${w.level} for ${areaEn}: ${en}.`
        : `${levelEn} ${w.event} warning ${verbEn} for ${areaEn}: ${en}.`;
  }

  /** The districts a warning covers, as words: up to three names, then a count. */
  private areas(districts: number[]): [string, string] {
    if (districts.length === 0 || districts.length >= this.sites.districts.length) return ['本市', 'the whole city'];
    const named = districts.slice(0, 3).map((d) => this.sites.districts[d]);
    const more = districts.length - named.length;
    const zh = named.map((d) => d.name).join('、') + (more > 0 ? `等${districts.length}个区` : '');
    const en = named.map((d) => d.nameEn).join(', ') + (more > 0 ? ` and ${more} more districts` : '');
    return [zh, en];
  }
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
