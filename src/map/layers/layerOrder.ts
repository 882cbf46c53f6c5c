/** Draw order of the live deck.gl layers, bottom first. Every layer id the map uses is listed here. */
import { RAIN_GAUGE_LAYER_ID } from './buildRainGaugeLayer';
import { WATER_GAUGE_LAYER_ID } from './buildWaterGaugeLayer';

export const LAYER_ORDER = [RAIN_GAUGE_LAYER_ID, WATER_GAUGE_LAYER_ID] as const;
export type LiveLayerId = (typeof LAYER_ORDER)[number];
