/**
 * Water-level state of a gauge against its own warning and danger levels (metres, Wusong datum).
 * Each gauge has its own lines, e.g. Huangpu Park 4.55 m, Wusongkou 4.8 m, Mishidu 3.5 m.
 */
export type WaterLevelState = 'normal' | 'nearWarning' | 'warning' | 'danger' | 'unknown';

/** How close below the warning line counts as "near", metres. */
export const NEAR_WARNING_MARGIN_M = 0.3;

export function waterLevelStateOf(level: number, warning: number, danger: number): WaterLevelState {
  if (!Number.isFinite(level)) return 'unknown';
  if (level >= danger) return 'danger';
  if (level >= warning) return 'warning';
  if (level >= warning - NEAR_WARNING_MARGIN_M) return 'nearWarning';
  return 'normal';
}

export const WATER_LEVEL_COLORS: Record<WaterLevelState, [number, number, number]> = {
  normal: [0, 200, 220],
  nearWarning: [255, 214, 0],
  warning: [255, 140, 0],
  danger: [255, 40, 40],
  unknown: [110, 110, 110],
};
