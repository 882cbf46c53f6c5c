/** Status colours of the vital-sign panels, the same as the theme's --ok / --warn / --alarm. */
import type { IndicatorStatus } from '@/protocol/vitals';

export const STATUS_COLORS: Record<IndicatorStatus | 'none', string> = {
  normal: '#2fd67b',
  warning: '#ffb020',
  alarm: '#ff4545',
  none: '#7f9bb8',
};

export const AXIS_TEXT = '#7f9bb8';
export const AXIS_LINE = '#1d4f80';
export const TEXT = '#d8ecff';

export const rgb = (c: readonly [number, number, number]): string => `rgb(${c[0]},${c[1]},${c[2]})`;
