/** The server's model of the city's monitored assets, generated once from the seed and the geometry. */
import type { DistrictRef } from '../../src/protocol/assets';

export interface Site {
  id: string;
  name: string;
  nameEn: string;
  /** Index into {@link CityAssets.districts}. */
  district: number;
  lon: number;
  lat: number;
}

export type RainGauge = Site;

/**
 * Huangpu gauges follow the tide; Suzhou Creek is gated, so it sees a damped tide; inland river
 * gauges respond to local rain only.
 */
export type WaterRegime = 'tidal' | 'creek' | 'inland';

export interface WaterGauge extends Site {
  regime: WaterRegime;
  /** Dry-weather mean level, metres (Wusong datum). */
  meanLevel: number;
  /** Semi-diurnal tide amplitude, metres (0 inland). */
  tideAmplitude: number;
  /** Hours the tide peaks after Wusongkou. */
  tideLagHours: number;
  warning: number;
  danger: number;
}

export interface CityAssets {
  districts: DistrictRef[];
  rainGauges: RainGauge[];
  waterGauges: WaterGauge[];
}

/** Shanghai's real counts (../shared/BRIEF.md): 550 rainfall and 157 water-level monitoring points. */
export const SHANGHAI_COUNTS = { rainGauges: 550, waterGauges: 157 } as const;
