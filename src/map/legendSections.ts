/**
 * What the legend shows for the layers that are on: one section per concern, its entries taken
 * from the same tables the layer builders colour with.
 */
import { RAIN_BANDS } from '@/domain/rainBands';
import { WATER_LEVEL_COLORS } from '@/domain/waterLevel';
import { SEVERITIES } from '@/protocol/cityEvents';
import { WARNING_LEVELS } from '@/protocol/weatherWarnings';
import { STATIC_KINDS, TEAM_TYPES, type StaticKind } from '@/protocol/assets';
import { KIND_SPECS } from '@/protocol/kindSpecs';
import { TEAM_ICONS, type IconName } from './icons/iconAtlas';
import { WARNING_AREA_COLORS, WARNING_FILL_ALPHA } from './layers/warningAreaLayer';
import type { MapLayerId } from './mapLayers';
import {
  CLOSURE_COLOR,
  CLUSTER_CALM,
  CONGESTION_BANDS,
  DEPTH_COLORS,
  DEPTH_STATES,
  ELEVATOR_ALERT_STATES,
  ELEVATOR_STATE_COLORS,
  ELEVATOR_STATE_LIST,
  INCIDENT_NEW_OUTLINE,
  NO_DATA,
  PRIORITIES,
  PRIORITY_COLORS,
  PUMP_STATE_COLORS,
  PUMP_STATE_LIST,
  SEVERITY_COLORS,
  TEAM_STATE_COLORS,
  TEAM_STATE_LIST,
  MUCK_TRUCK_ALARM,
  MUCK_TRUCK_ROUTE,
  MUCK_TRUCK_STATE_COLORS,
  MUCK_TRUCK_TRACK,
  type Rgb,
} from './mapPalette';

export type LegendShape = 'dot' | 'ring' | 'line' | 'closure' | 'icon' | 'bubble' | 'newRing' | 'area';

export interface LegendItem {
  /** i18n key of the label. */
  label: string;
  color: Rgb;
  shape: LegendShape;
  icon?: IconName;
  /** Relative size, 1 = normal. */
  size?: number;
  /** An area's fill opacity, 0–255 (its outline is opaque). */
  fillAlpha?: number;
}

export interface LegendSection {
  id: string;
  /** i18n key of the heading. */
  title: string;
  items: LegendItem[];
}

const WATER_STATES = ['normal', 'nearWarning', 'warning', 'danger'] as const;
/** The truck states the legend explains (idle and offline trucks look like parked ones: grey). */
const TRUCK_LEGEND_STATES = ['loading', 'hauling', 'unloading', 'returning'] as const;
const WHITE: Rgb = [220, 232, 245];

/**
 * A static kind's entries, from its declaration: an area kind's outline and fill; a point kind's icon
 * in each colour, named by its code's word (a health site's category) or by the kind.
 */
export function staticLegendItems(kind: StaticKind): LegendItem[] {
  const spec = KIND_SPECS[kind];
  if (spec.geometry === 'area') return [{ label: spec.label, color: spec.look.color as Rgb, shape: 'area', fillAlpha: spec.look.fillAlpha }];
  const { look, label, detail } = spec;
  const icon = look.icon as IconName;
  const codes = look.codeField ? detail.fields.find((f) => f.name === look.codeField)?.codes : undefined;
  if (!codes) return [{ label, color: look.colors[0] as Rgb, shape: 'icon', icon }];
  return codes.map((code, i): LegendItem => ({ label: `detail.codes.${kind}.${look.codeField}.${code}`, color: (look.colors[i] ?? look.colors[0]) as Rgb, shape: 'icon', icon }));
}

/**
 * The sections for the layers that are on. `present`: whether a layer has anything to explain where
 * that varies (a city without elevators: false; warning areas: only true while a warning with areas
 * is in force, so the section comes and goes with them).
 */
export function legendSections(visible: Record<MapLayerId, boolean>, present: Partial<Record<MapLayerId, boolean>> = {}): LegendSection[] {
  const out: LegendSection[] = [];
  const add = (on: boolean, id: string, title: string, items: LegendItem[]) => on && out.push({ id, title, items });

  // First: a warning in force is the most urgent thing the map shows. All four signals, so a person
  // sees where the one drawn stands among them.
  add(visible.warningAreas && present.warningAreas === true, 'warnings', 'legend.warnings', WARNING_LEVELS.map((l): LegendItem => ({ label: `legend.warning_level.${l}`, color: WARNING_AREA_COLORS[l], shape: 'area', fillAlpha: WARNING_FILL_ALPHA })));

  // A sensor with no reading, or one too old (issue 15), is drawn in the one no-data grey.
  const noData = (shape: LegendShape): LegendItem => ({ label: 'legend.noData', color: NO_DATA, shape });
  add(visible.rainField || visible.rainGauges, 'rain', 'legend.rain', [
    ...RAIN_BANDS.slice(visible.rainGauges ? 0 : 1).map((b): LegendItem => ({ label: `legend.bands.${b.id}`, color: b.color, shape: 'dot' })),
    ...(visible.rainGauges ? [noData('dot')] : []),
  ]);
  add(visible.waterGauges, 'water', 'legend.water', [...WATER_STATES.map((s): LegendItem => ({ label: `legend.water_state.${s}`, color: WATER_LEVEL_COLORS[s], shape: 'ring' })), noData('ring')]);
  add(visible.roads, 'roads', 'legend.roads', [...CONGESTION_BANDS.map((b): LegendItem => ({ label: `legend.congestion.${b.id}`, color: b.color, shape: 'line' })), noData('line')]);
  add(visible.closures, 'closures', 'legend.closures', [
    { label: 'legend.closed', color: CLOSURE_COLOR, shape: 'closure' },
    { label: 'legend.notice', color: CLOSURE_COLOR, shape: 'icon', icon: 'noEntry' },
  ]);
  // An offline station and one whose state is too old look alike: both say nothing about it now.
  const pumpLabel = (s: string) => (s === 'offline' ? 'legend.offlineNoData' : `map.pumpState.${s}`);
  add(visible.pumps, 'pumps', 'legend.pumps', PUMP_STATE_LIST.map((s) => ({ label: pumpLabel(s), color: PUMP_STATE_COLORS[s], shape: 'icon', icon: 'pump' })));
  add(visible.underpasses, 'underpasses', 'legend.underpasses', DEPTH_STATES.map((s) => ({ label: `legend.underpass_state.${s}`, color: DEPTH_COLORS[s], shape: 'icon', icon: 'underpass' })));
  add(visible.waterlogging, 'waterlogging', 'legend.waterlogging', DEPTH_STATES.map((s) => ({ label: `legend.waterlog_state.${s}`, color: DEPTH_COLORS[s], shape: 'icon', icon: 'waterlogging' })));
  for (const kind of STATIC_KINDS) {
    const { layer, legend } = KIND_SPECS[kind];
    add(visible[layer as MapLayerId] && present[layer as MapLayerId] !== false, legend, `legend.${legend}`, staticLegendItems(kind));
  }
  add(visible.pumps || visible.underpasses || visible.waterlogging, 'clusters', 'legend.clusters', [
    ...SEVERITIES.map((s): LegendItem => ({ label: `severity.${s}`, color: SEVERITY_COLORS[s], shape: 'bubble' })),
    { label: 'legend.calm', color: CLUSTER_CALM, shape: 'bubble' },
  ]);
  add(visible.teams, 'teams', 'legend.teams', [
    ...TEAM_STATE_LIST.map((s): LegendItem => ({ label: `map.teamState.${s}`, color: TEAM_STATE_COLORS[s], shape: 'dot' })),
    ...TEAM_TYPES.map((type): LegendItem => ({ label: `map.teamType.${type}`, color: WHITE, shape: 'icon', icon: TEAM_ICONS[type] })),
  ]);
  add(visible.muckTrucks, KIND_SPECS.muckTruck.legend!, `legend.${KIND_SPECS.muckTruck.legend}`, [
    ...TRUCK_LEGEND_STATES.map((s): LegendItem => ({ label: `detail.states.${s}`, color: MUCK_TRUCK_STATE_COLORS[s], shape: 'icon', icon: 'muckTruck' })),
    { label: 'legend.truckAlarm', color: MUCK_TRUCK_ALARM, shape: 'icon', icon: 'muckTruck' },
    { label: 'legend.truckTrack', color: MUCK_TRUCK_TRACK, shape: 'line' },
    { label: 'legend.truckRoute', color: MUCK_TRUCK_ROUTE, shape: 'line' },
  ]);
  add(visible.elevators && present.elevators !== false, 'elevators', 'legend.elevators', [
    ...ELEVATOR_STATE_LIST.map((s): LegendItem => ({ label: `map.elevatorState.${s}`, color: ELEVATOR_STATE_COLORS[s], shape: 'dot', size: ELEVATOR_ALERT_STATES.has(s) ? 0.8 : 0.45 })),
    // A car whose state is too old: the grey of every stale reading (layers/elevatorLayer.ts).
    { ...noData('dot'), size: 0.8 },
  ]);
  add(visible.incidents, 'incidents', 'legend.incidents', [
    ...PRIORITIES.map((p): LegendItem => ({ label: `P${p}`, color: PRIORITY_COLORS[p], shape: 'dot', size: 1.3 - p * 0.15 })),
    { label: 'legend.newIncident', color: INCIDENT_NEW_OUTLINE, shape: 'newRing' },
  ]);
  return out;
}
