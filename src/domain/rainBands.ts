/**
 * Hourly rain-intensity bands (mm/h), after the China Meteorological Administration's hourly grades
 * (light < 2.5, moderate 2.6–8, heavy 8.1–15.9, rainstorm ≥ 16), with two more steps above that
 * matter to Shanghai's drainage: older districts drain about 36 mm/h (see ../shared/BRIEF.md).
 */
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
  { id: 'moderate', min: 2.5, color: [46, 170, 70] },
  { id: 'heavy', min: 8, color: [80, 170, 255] },
  { id: 'rainstorm', min: 16, color: [40, 80, 245] },
  { id: 'overDrainage', min: 36, color: [230, 40, 230] },
  { id: 'extreme', min: 70, color: [170, 20, 60] },
];

/** The band a rain intensity falls in; NaN (no reading) counts as none. */
export function rainBandOf(mmPerHour: number): RainBand {
  let band = RAIN_BANDS[0];
  for (const b of RAIN_BANDS) if (mmPerHour >= b.min) band = b;
  return band;
}
