/**
 * Hourly rain-intensity bands (mm/h), after the China Meteorological Administration's hourly grades
 * (light < 2.5, moderate 2.6–8, heavy 8.1–15.9, rainstorm ≥ 16), with two more steps above that
 * matter to Shanghai's drainage: older districts drain about 36 mm/h (see ../shared/BRIEF.md).
 */
import { RAIN_GRADES_MM_H } from './thresholds';

export interface RainBand {
  id: 'none' | 'light' | 'moderate' | 'heavy' | 'rainstorm' | 'overDrainage' | 'extreme';
  /** Inclusive lower bound, mm/h. */
  min: number;
  /** RGB, the usual precipitation palette of Chinese weather charts, darkened for a night screen. */
  color: [number, number, number];
}

export const RAIN_BANDS: readonly RainBand[] = [
  { id: 'none', min: 0, color: [72, 92, 112] },
  { id: 'light', min: 0.1, color: [120, 214, 120] },
  { id: 'moderate', min: RAIN_GRADES_MM_H.moderate, color: [46, 170, 70] },
  { id: 'heavy', min: RAIN_GRADES_MM_H.heavy, color: [80, 170, 255] },
  { id: 'rainstorm', min: RAIN_GRADES_MM_H.rainstorm, color: [40, 80, 245] },
  { id: 'overDrainage', min: RAIN_GRADES_MM_H.overDrainage, color: [230, 40, 230] },
  { id: 'extreme', min: RAIN_GRADES_MM_H.extreme, color: [170, 20, 60] },
];

/** The band a rain intensity falls in; NaN (no reading) counts as none. */
export function rainBandOf(mmPerHour: number): RainBand {
  let band = RAIN_BANDS[0];
  for (const b of RAIN_BANDS) if (mmPerHour >= b.min) band = b;
  return band;
}
