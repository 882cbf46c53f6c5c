/**
 * The live layers in draw order, bottom first. Ids are the switchable layer ids of ../mapLayers.ts
 * (plus the drainage clusters, which follow the pumps / underpasses / waterlogging switches), so
 * `data-layers-drawn` reads like the switcher. Neighbouring point kinds of one type share a deck.gl
 * layer (the gauges; the drainage icons), drawn in this order within it.
 *
 * The rain field lies beneath the roads (unlike the switcher's listing): a translucent field over
 * the roads would muddy their congestion colours wherever it rains. Elevators lie just above the roads:
 * a quarter of a million dots must not cover the monitoring points. Closures lie above the drainage
 * points and clusters: a closure notice must never hide under a cluster bubble. The static kinds'
 * icons join the drainage icons' layer, above them. The residential compounds' areas lie beneath the
 * roads: blocks of a few hectares are the ground the streets run between, and a tint over the roads
 * would muddy their congestion colours. The weather warnings' tints lie on the rain field, beneath
 * the roads too, for the same reason: a warning covers a district's worth of streets; their outlines
 * lie above the roads (and elevators), where congested roads cannot hide an area's edge, and beneath
 * the points.
 * The muck trucks draw above the teams: the selected truck's permitted route, then every truck's
 * track, then the trucks themselves, so a truck off its route is seen against both. The warning
 * areas' labels draw last, over everything: a few words that name what a whole area is under.
 */
import { RESIDENTIAL_COMPOUND_LAYER } from './areaLayer';
import { CLOSURE_LAYER } from './closureLayer';
import { CLUSTER_LAYER } from './clusterLayer';
import { ELEVATOR_LAYER } from './elevatorLayer';
import { INCIDENT_LAYER } from './incidentLayer';
import type { LayerSpec } from './layerSpec';
import { PUMP_LAYER } from './pumpLayer';
import { RAIN_FIELD_LAYER } from './rainFieldLayer';
import { RAIN_GAUGE_LAYER } from './rainGaugeLayer';
import { ROAD_LAYER } from './roadLayer';
import { EVACUATION_POINT_LAYER, HEALTH_SITE_LAYER, VIDEO_POINT_LAYER } from './staticPointLayers';
import { TEAM_LAYER } from './teamLayer';
import { MUCK_ROUTE_LAYER } from './muckRouteLayer';
import { MUCK_TRACK_LAYER } from './muckTrackLayer';
import { MUCK_TRUCK_LAYER } from './muckTruckLayer';
import { UNDERPASS_LAYER } from './underpassLayer';
import { WATER_GAUGE_LAYER } from './waterGaugeLayer';
import { WARNING_AREA_LABEL_LAYER } from './warningAreaLabelLayer';
import { WARNING_AREA_LAYER } from './warningAreaLayer';
import { WARNING_AREA_OUTLINE_LAYER } from './warningAreaOutlineLayer';
import { WATERLOGGING_LAYER } from './waterloggingLayer';

export const LIVE_LAYERS: readonly LayerSpec[] = [
  RAIN_FIELD_LAYER,
  WARNING_AREA_LAYER,
  RESIDENTIAL_COMPOUND_LAYER,
  ROAD_LAYER,
  ELEVATOR_LAYER,
  WARNING_AREA_OUTLINE_LAYER,
  WATER_GAUGE_LAYER,
  RAIN_GAUGE_LAYER,
  PUMP_LAYER,
  UNDERPASS_LAYER,
  WATERLOGGING_LAYER,
  VIDEO_POINT_LAYER,
  EVACUATION_POINT_LAYER,
  HEALTH_SITE_LAYER,
  CLUSTER_LAYER,
  CLOSURE_LAYER,
  TEAM_LAYER,
  MUCK_ROUTE_LAYER,
  MUCK_TRACK_LAYER,
  MUCK_TRUCK_LAYER,
  INCIDENT_LAYER,
  WARNING_AREA_LABEL_LAYER,
];
