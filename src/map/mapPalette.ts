/**
 * Colour and size tables of the live map. The layer builders colour with these and the legend
 * shows them, so the two can never disagree. RGB triples; alpha is decided where they are written.
 */
import { ELEVATOR_STATES, PUMP_STATES, TEAM_STATES, type ElevatorState, type PumpState, type MuckTruckState, type TeamState } from '@/protocol/assets';
import type { Priority, Severity } from '@/protocol/cityEvents';
import { hexToRgb, SIGNAL_COLORS, type Rgb } from '@/shared/palette';

export { rgbCss, type Rgb } from '@/shared/palette';

export { CONGESTION_BANDS, congestionBandOf, type CongestionBandId } from '@/domain/congestion';

export const NO_DATA: Rgb = [110, 118, 128];

/** Closed roads: red edges around a white core, so a closure never reads as congestion. */
export const CLOSURE_COLOR: Rgb = [255, 36, 36];
export const CLOSURE_CORE: Rgb = [255, 255, 255];

/** Line widths per road class (ROAD_CLASS_CODES order), design pixels at the 3840-wide layout. */
export const ROAD_CLASS_WIDTH = [4, 2.6, 1.6] as const;

export const PUMP_STATE_COLORS: Record<PumpState, Rgb> = {
  standby: [96, 150, 205],
  running: [0, 220, 160],
  fault: [255, 45, 45],
  offline: NO_DATA,
};
export const PUMP_STATE_LIST: readonly PumpState[] = PUMP_STATES;

/** Depth states of underpasses and waterlogging points. */
export type DepthState = 'normal' | 'warning' | 'alarm' | 'noData';
export const DEPTH_STATES: readonly DepthState[] = ['normal', 'warning', 'alarm', 'noData'];
export const DEPTH_COLORS: Record<DepthState, Rgb> = {
  normal: [0, 200, 220],
  warning: [255, 196, 0],
  alarm: [255, 40, 40],
  noData: NO_DATA,
};

export { UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from '@/domain/thresholds';

export function depthStateOf(depthCm: number, warning: number, alarm: number): DepthState {
  if (!Number.isFinite(depthCm)) return 'noData';
  if (depthCm >= alarm) return 'alarm';
  if (depthCm >= warning) return 'warning';
  return 'normal';
}

export const TEAM_STATE_COLORS: Record<TeamState, Rgb> = {
  available: [34, 220, 110],
  enRoute: [70, 150, 255],
  onSite: [255, 150, 30],
};
export const TEAM_STATE_LIST: readonly TeamState[] = TEAM_STATES;

/**
 * Muck trucks in earth tones by state, muted so that the one colour that is not an earth tone — a
 * truck off its route or dumping (an active alarm) — stands out among hundreds.
 */
export const MUCK_TRUCK_STATE_COLORS: Record<MuckTruckState, Rgb> = {
  idle: [130, 126, 118],
  loading: [176, 150, 104],
  hauling: [214, 168, 82],
  unloading: [190, 124, 70],
  returning: [150, 138, 112],
  offline: NO_DATA,
};
export const MUCK_TRUCK_ALARM: Rgb = [255, 60, 110];
/**
 * Tracks: pale sand, outside the congestion bands' green–yellow–orange–red, since a track lies on the
 * road it was driven on and an ochre one read as a slow road there (looked at on the wall). Then the
 * selected truck's permitted route.
 */
export const MUCK_TRUCK_TRACK: Rgb = [232, 220, 196];
export const MUCK_TRUCK_ROUTE: Rgb = [120, 220, 255];

/**
 * Elevators: the quarter of a million cars in service are a faint texture of the built-up city;
 * only the few that need someone (maintenance, fault, people trapped, out of contact) stand out.
 */
export const ELEVATOR_STATE_COLORS: Record<ElevatorState, Rgb> = {
  idle: [96, 140, 176],
  running: [60, 200, 150],
  maintenance: [80, 150, 255],
  fault: [255, 140, 0],
  trapped: [255, 40, 40],
  offline: [150, 150, 160],
};
/** Alpha per state: in-service cars stay in the background. */
export const ELEVATOR_STATE_ALPHA: Record<ElevatorState, number> = { idle: 60, running: 110, maintenance: 230, fault: 255, trapped: 255, offline: 190 };
/** States drawn large (the rest as a one-pixel texture). */
export const ELEVATOR_ALERT_STATES: ReadonlySet<ElevatorState> = new Set(['maintenance', 'fault', 'trapped', 'offline']);
export const ELEVATOR_STATE_LIST: readonly ElevatorState[] = ELEVATOR_STATES;

/** 红 橙 黄 蓝, as Chinese warning grades are coloured (the weather warnings' signal colours). */
export const SEVERITY_COLORS: Record<Severity, Rgb> = {
  critical: hexToRgb(SIGNAL_COLORS.red),
  major: hexToRgb(SIGNAL_COLORS.orange),
  minor: hexToRgb(SIGNAL_COLORS.yellow),
  warning: hexToRgb(SIGNAL_COLORS.blue),
};
/** A cluster with no active alarm. */
export const CLUSTER_CALM: Rgb = [52, 96, 138];

export const PRIORITY_COLORS: Record<Priority, Rgb> = {
  1: [255, 30, 60],
  2: [255, 130, 0],
  3: [245, 210, 0],
  4: [120, 170, 255],
};
/** Marker radius per priority, design pixels at the 3840-wide layout. */
export const PRIORITY_RADIUS: Record<Priority, number> = { 1: 22, 2: 18, 3: 14, 4: 11 };
export const PRIORITIES: readonly Priority[] = [1, 2, 3, 4];

/** Outline of incidents nobody has been sent to yet, and of those being handled. */
export const INCIDENT_NEW_OUTLINE: Rgb = [255, 255, 255];
export const INCIDENT_HANDLED_OUTLINE: Rgb = [10, 20, 35];
