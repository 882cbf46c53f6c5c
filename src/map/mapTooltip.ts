/**
 * Tooltip text for whatever the pointer is over: name, value with unit, state, thresholds, and an
 * active alarm if there is one. Plain text only — names come from outside and never become HTML.
 */
import { rainBandOf } from '@/domain/rainBands';
import { waterLevelStateOf } from '@/domain/waterLevel';
import { ELEVATOR_STATES, PUMP_STATES, ROAD_CLASS_CODES, TEAM_STATES, TEAM_TYPES, type AssetKind } from '@/protocol/assets';
import { assetIdAt, assetNameAt, type CatalogView } from '@/protocol/catalogView';
import { SEVERITY_RANK, type Alarm, type Incident } from '@/protocol/cityEvents';
import { areaDescIn, eventTextIn, type WeatherWarning } from '@/protocol/weatherWarnings';
import { ageText } from '@/shared/formatAge';
import type { LiveChannels } from '@/stores/useLiveStore';
import { severityOfRank } from './drainageClusters';
import type { MapTexts, PickTarget } from './layers/layerSpec';
import { CONGESTION_BANDS, congestionBandOf, depthStateOf, UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from './mapPalette';

export interface TooltipContext {
  catalog: CatalogView;
  channels: LiveChannels;
  alarms: Iterable<Alarm>;
  incidents: ReadonlyMap<string, Incident>;
  english: boolean;
  t: (key: string, named?: Record<string, unknown>) => string;
  /** Fixed decimals, in the current locale. */
  format: (value: number, digits: number) => string;
  /** The weather warnings (a warning area's tooltip); absent: none. */
  warnings?: ReadonlyMap<string, WeatherWarning>;
  /** The city's time now (the warnings' clock), for a warning's age; null: unknown. */
  now?: number | null;
  /** The screen's words for a warning's title. */
  texts?: MapTexts;
}

/** Beyond this a warning's expiry is "until lifted" (capWarning.ts's NO_EXPIRY stands for none). */
const FAR_FUTURE = Date.UTC(9999, 0);

const WARNING_CLOCK = new Intl.DateTimeFormat('en-GB', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });

/** "07-15 14:05" on the city's clock (Shanghai time), in either language. */
function warningTime(ms: number): string {
  const part = Object.fromEntries(WARNING_CLOCK.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/**
 * A warning area's tooltip: which warning and where, the issuer's headline (as text), who issued it,
 * when it is in force, and how long ago it was issued (every live figure says its age).
 */
function warningLines(w: WeatherWarning, ctx: TooltipContext): string[] {
  const { t, english } = ctx;
  const title = ctx.texts?.warningTitle(w) ?? eventTextIn(w, english) ?? w.event;
  const where = (w.areas ?? []).map((a) => areaDescIn(a, english).trim()).filter((d) => d !== '').join(english ? ', ' : '、');
  const headline = english ? w.headlineEn || w.headline : w.headline;
  const effective = warningTime(w.effectiveAt ?? w.issuedAt);
  const age = ctx.now == null ? null : ageText(w.issuedAt, ctx.now);
  return [
    where ? `${title} · ${where}` : title,
    ...(headline ? [headline] : []),
    ...(w.sender ? [`${t('map.tooltip.warningSender')}: ${w.sender}`] : []),
    w.expiresAt >= FAR_FUTURE ? t('map.tooltip.warningTimesOpen', { effective }) : t('map.tooltip.warningTimes', { effective, expires: warningTime(w.expiresAt) }),
    ...(age ? [t('map.tooltip.warningIssued', { age: t(`age.${age.key}`, { n: age.n }) })] : []),
  ];
}

function assetTitle(kind: AssetKind, slot: number, ctx: TooltipContext): string {
  const group = ctx.catalog.groups[kind];
  // Unnamed assets (e.g. minor road segments) go by their id.
  const name = assetNameAt(group, slot, ctx.english) || assetIdAt(group, slot);
  const district = ctx.catalog.districts[group.districts[slot]];
  const where = district ? (ctx.english ? district.nameEn : district.name) : '';
  return where ? `${name} (${where})` : name;
}

function worstAlarm(kind: AssetKind, slot: number, alarms: Iterable<Alarm>): Alarm | null {
  let worst: Alarm | null = null;
  for (const a of alarms) {
    if (a.assetKind !== kind || a.slot !== slot || a.state !== 'active') continue;
    if (!worst || SEVERITY_RANK[a.severity] < SEVERITY_RANK[worst.severity]) worst = a;
  }
  return worst;
}

/** Lines describing one asset's live state, after its title. */
function assetLines(kind: AssetKind, slot: number, ctx: TooltipContext): string[] {
  const { channels: ch, catalog, t, format } = ctx;
  const th = catalog.groups[kind].thresholds;
  const value = (v: number, digits: number, unit = '') => (Number.isFinite(v) ? `${format(v, digits)}${unit ? ` ${unit}` : ''}` : t('map.tooltip.noData'));
  switch (kind) {
    case 'rainGauge': {
      const r = ch.rain[slot];
      return [`${t('map.tooltip.rain')}: ${value(r, 1, 'mm/h')} · ${t(`map.rainBand.${rainBandOf(r).id}`)}`];
    }
    case 'waterGauge': {
      const level = ch.water[slot];
      const [warning, danger] = [th.warning?.[slot] ?? NaN, th.danger?.[slot] ?? NaN];
      return [
        `${t('map.tooltip.level')}: ${value(level, 2, 'm')} · ${t(`map.waterState.${waterLevelStateOf(level, warning, danger)}`)}`,
        `${t('map.tooltip.warning')} ${value(warning, 2, 'm')} · ${t('map.tooltip.danger')} ${value(danger, 2, 'm')}`,
      ];
    }
    case 'underpass': {
      const d = ch['underpass.depth'][slot];
      const [warning, closed] = [th.warning?.[slot] ?? UNDERPASS_THRESHOLDS_CM.warning, th.closed?.[slot] ?? UNDERPASS_THRESHOLDS_CM.closed];
      return [
        `${t('map.tooltip.depth')}: ${value(d, 0, 'cm')} · ${t(`map.underpassState.${depthStateOf(d, warning, closed)}`)}`,
        t('map.tooltip.thresholdsUnderpass', { warning, closed }),
      ];
    }
    case 'waterloggingPoint': {
      const d = ch['waterlog.depth'][slot];
      const [warning, major] = [th.warning?.[slot] ?? WATERLOGGING_THRESHOLDS_CM.warning, th.major?.[slot] ?? WATERLOGGING_THRESHOLDS_CM.major];
      return [
        `${t('map.tooltip.depth')}: ${value(d, 0, 'cm')} · ${t(`map.waterlogState.${depthStateOf(d, warning, major)}`)}`,
        t('map.tooltip.thresholdsWaterlog', { warning, major }),
      ];
    }
    case 'pumpStation': {
      const state = PUMP_STATES[ch['pump.state'][slot]];
      const [start, stop] = [th.start?.[slot], th.stop?.[slot]];
      return [
        `${t('map.tooltip.state')}: ${state ? t(`map.pumpState.${state}`) : t('map.tooltip.noData')}`,
        `${t('map.tooltip.forebay')}: ${value(ch['pump.level'][slot], 2, 'm')}`,
        ...(start !== undefined && stop !== undefined ? [t('map.tooltip.pumpLines', { start: format(start, 2), stop: format(stop, 2) })] : []),
        `${t('map.tooltip.flow')}: ${value(ch['pump.flow'][slot], 1, 'm³/s')}`,
      ];
    }
    case 'roadSegment': {
      const index = ch['road.index'][slot];
      const band = congestionBandOf(index);
      const cls = ROAD_CLASS_CODES[catalog.groups.roadSegment.attributes.class?.[slot] ?? -1];
      return [
        `${t('map.tooltip.index')}: ${value(index, 1)}${band >= 0 ? ` · ${t(`map.congestion.${CONGESTION_BANDS[band].id}`)}` : ''}`,
        `${t('map.tooltip.speed')}: ${value(ch['road.speed'][slot], 1, 'km/h')}`,
        ...(cls ? [`${t('map.tooltip.roadClass')}: ${t(`map.roadClass.${cls}`)}`] : []),
        ...(ch['road.closed'][slot] ? [t('map.tooltip.closed')] : []),
      ];
    }
    case 'team': {
      const type = TEAM_TYPES[catalog.groups.team.attributes.type?.[slot] ?? -1];
      const state = TEAM_STATES[ch['team.state'][slot]];
      return [
        `${t('map.tooltip.type')}: ${type ? t(`map.teamType.${type}`) : '—'}`,
        `${t('map.tooltip.state')}: ${state ? t(`map.teamState.${state}`) : t('map.tooltip.noData')}`,
      ];
    }
    case 'elevator': {
      const state = ELEVATOR_STATES[ch['elevator.state'][slot]];
      return [`${t('map.tooltip.state')}: ${state ? t(`map.elevatorState.${state}`) : t('map.tooltip.noData')}`];
    }
    default:
      return [];
  }
}

export function mapTooltip(target: PickTarget, ctx: TooltipContext): string | null {
  const { t } = ctx;
  if (target.type === 'asset') {
    const { kind, slot } = target;
    if (slot >= ctx.catalog.groups[kind].count) return null;
    const alarm = worstAlarm(kind, slot, ctx.alarms);
    const alarmLine = alarm ? [`${t('map.tooltip.alarm')}: ${t(`severity.${alarm.severity}`)}`] : [];
    return [assetTitle(kind, slot, ctx), ...assetLines(kind, slot, ctx), ...alarmLine].join('\n');
  }
  if (target.type === 'incident') {
    const inc = ctx.incidents.get(target.id);
    if (!inc) return null;
    const district = ctx.catalog.districts[inc.district];
    return [
      `P${inc.priority} · ${t(`incident.categories.${inc.category}`)}`,
      ...(district ? [ctx.english ? district.nameEn : district.name] : []),
      `${t('map.tooltip.status')}: ${t(`incident.statuses.${inc.status}`)}`,
      `${t('map.tooltip.unit')}: ${t(`incident.units.${inc.unit}`)}`,
    ].join('\n');
  }
  if (target.type === 'warning') {
    const w = ctx.warnings?.get(target.id);
    return w ? warningLines(w, ctx).join('\n') : null;
  }
  const { bubble } = target;
  const severity = severityOfRank(bubble.worst);
  return [
    t('map.tooltip.cluster', { count: bubble.count }),
    severity && bubble.alarms > 0 ? t('map.tooltip.clusterAlarms', { count: bubble.alarms, severity: t(`severity.${severity}`) }) : t('map.tooltip.clusterCalm'),
    t('map.tooltip.clusterHint'),
  ].join('\n');
}
