/**
 * Draw order of the live deck.gl layers, bottom first. Every deck layer id the map uses is listed
 * here. Ids are the switchable layer ids of ../mapLayers.ts (plus the drainage clusters, which follow
 * the pumps / underpasses / waterlogging switches), so `data-layers-drawn` reads like the switcher.
 *
 * The rain field lies beneath the roads (unlike the switcher's listing): a translucent field over
 * the roads would muddy their congestion colours wherever it rains. Elevators lie just above the roads:
 * a quarter of a million dots must not cover the monitoring points. Closures lie above the drainage
 * points and clusters: a closure notice must never hide under a cluster bubble.
 */
import { CLOSURE_LAYER_ID } from './buildClosureLayer';
import { CLUSTER_LAYER_ID } from './buildClusterLayer';
import { ELEVATOR_LAYER_ID } from './buildElevatorLayer';
import { INCIDENT_LAYER_ID } from './buildIncidentLayer';
import { PUMP_LAYER_ID } from './buildPumpLayer';
import { RAIN_FIELD_LAYER_ID } from './buildRainFieldLayer';
import { RAIN_GAUGE_LAYER_ID } from './buildRainGaugeLayer';
import { ROAD_LAYER_ID } from './buildRoadLayer';
import { TEAM_LAYER_ID } from './buildTeamLayer';
import { UNDERPASS_LAYER_ID } from './buildUnderpassLayer';
import { WATER_GAUGE_LAYER_ID } from './buildWaterGaugeLayer';
import { WATERLOGGING_LAYER_ID } from './buildWaterloggingLayer';

export const LAYER_ORDER = [
  RAIN_FIELD_LAYER_ID,
  ROAD_LAYER_ID,
  ELEVATOR_LAYER_ID,
  WATER_GAUGE_LAYER_ID,
  RAIN_GAUGE_LAYER_ID,
  PUMP_LAYER_ID,
  UNDERPASS_LAYER_ID,
  WATERLOGGING_LAYER_ID,
  CLUSTER_LAYER_ID,
  CLOSURE_LAYER_ID,
  TEAM_LAYER_ID,
  INCIDENT_LAYER_ID,
] as const;
export type LiveLayerId = (typeof LAYER_ORDER)[number];
