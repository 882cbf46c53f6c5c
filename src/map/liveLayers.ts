/**
 * Builds the live deck.gl layers from the stores' typed arrays and event maps, in LAYER_ORDER.
 * Buffers and position wrappers are made once per catalogue. Each layer has a key over the inputs it
 * depends on (its channels' and event collections' versions, visibility, zoom bucket, pulse phase, layout scale); a
 * layer whose key has not changed is handed back as the same instance, which deck.gl skips. So an
 * animation frame of the incident pulse rebuilds the incidents and nothing else, and a hidden layer
 * costs nothing per update.
 */
import type { Layer } from '@deck.gl/core';
import { TEAM_TYPES, type AssetKind } from '@/protocol/assets';
import type { CatalogView } from '@/protocol/catalogView';
import type { Alarm, Closure, Incident } from '@/protocol/cityEvents';
import type { ChannelId } from '@/protocol/channels';
import type { LiveChannels } from '@/stores/useLiveStore';
import {
  alarmColumns,
  CLUSTER_BELOW_ZOOM,
  DRAINAGE_KINDS,
  drainageAlarmKey,
  DrainageClusterer,
  rollUpAlarms,
  type ClusterBubble,
  type ClusterLayout,
  type ClusterResult,
  type DrainageKind,
} from './drainageClusters';
import { TEAM_ICONS, type IconAtlas } from './icons/iconAtlas';
import { buildClosureLayer, CLOSURE_NOTICE_SUBLAYER, closedSegments, type ClosedSegments, type ClosureNotice } from './layers/buildClosureLayer';
import { buildClusterLayer } from './layers/buildClusterLayer';
import { selectElevators } from './elevatorSelection';
import { buildElevatorLayer } from './layers/buildElevatorLayer';
import { buildIncidentLayer, packIncidents, type IncidentArrays } from './layers/buildIncidentLayer';
import { buildPumpLayer } from './layers/buildPumpLayer';
import { buildRainFieldLayer } from './layers/buildRainFieldLayer';
import { buildRainGaugeLayer } from './layers/buildRainGaugeLayer';
import { buildRoadLayer, roadData, roadGeometry } from './layers/buildRoadLayer';
import { LiveData } from './layers/liveData';
import { buildTeamLayer } from './layers/buildTeamLayer';
import { buildUnderpassLayer } from './layers/buildUnderpassLayer';
import { buildWaterGaugeLayer } from './layers/buildWaterGaugeLayer';
import { buildWaterloggingLayer } from './layers/buildWaterloggingLayer';
import { LAYER_ORDER, type LiveLayerId } from './layers/layerOrder';
import { timed } from '@/shared/benchTiming';
import {
  writeCongestionColors,
  writeDepthColors,
  writeElevatorStyle,
  writePumpColors,
  writeRainColors,
  writeTeamColors,
  writeWaterColors,
} from './liveColors';
import { ROAD_CLASS_WIDTH, UNDERPASS_THRESHOLDS_CM, WATERLOGGING_THRESHOLDS_CM } from './mapPalette';
import type { MapLayerId } from './mapLayers';
import { inlineRainField, type RainFieldSource } from './rainFieldSource';
import { floatSwapBuffer, SwapBuffer } from './swapBuffer';

export interface MapEvents {
  alarms: ReadonlyMap<string, Alarm>;
  incidents: ReadonlyMap<string, Incident>;
  closures: ReadonlyMap<string, Closure>;
  version: number;
  /** The version at which each collection last changed: a layer follows only the events it draws. */
  changed: Readonly<{ alarms: number; incidents: number; closures: number }>;
}

/** Everything the layers are drawn from at one moment. */
export interface LiveFrame {
  channels: LiveChannels;
  /** The live store's version at which each channel last changed: a layer follows only its own channels. */
  changed: Readonly<Record<ChannelId, number>>;
  events: MapEvents;
  visible: Record<MapLayerId, boolean>;
  zoom: number;
  /** Layout scale of the wall screen (1 at 3840 px wide), for marker sizes. */
  uiScale: number;
  /** Incident pulse phase, 0–1. */
  pulse: number;
  /** Feed tick, ms: how long a team glides between positions. */
  tickMs: number;
  /** False when the viewer prefers reduced motion: teams then jump instead of gliding. */
  smooth: boolean;
  /** The map's [west, south, east, north] where a layer draws only what is in view (elevators at street zoom). */
  bounds?: readonly [number, number, number, number];
}

/** What a picked (layer, index) stands for. */
export type PickTarget =
  | { type: 'asset'; kind: AssetKind; slot: number }
  | { type: 'incident'; id: string }
  | { type: 'cluster'; bubble: ClusterBubble };

export interface LiveLayerSet {
  readonly catalogVersion: string;
  build(frame: LiveFrame): Layer[];
  /** Ids of the layers the last build drew: switched on and with something to draw, in draw order. */
  readonly drawn: string[];
  /** Whether P1/P2 incidents are on the map (the pulse needs animating). */
  readonly hasUrgentIncidents: boolean;
  /** Milliseconds the last rebuild of each layer took (for the bench). */
  readonly timings: Partial<Record<LiveLayerId, number>>;
  /** `sourceLayerId`: the sublayer picked inside a composite layer, when it matters. */
  pickTarget(layerId: string, index: number, sourceLayerId?: string): PickTarget | null;
  /** The zoom at which a cluster falls apart. */
  expansionZoom(clusterId: number): number;
  /** Stops background work (the rain field worker) when the set is replaced or the map goes. */
  dispose(): void;
}

export interface LiveLayerOptions {
  /** Where the rain field is painted; the inline source (on this thread, at once) by default. */
  rainField?: (gaugePositions: Float32Array) => RainFieldSource;
}

/**
 * The field is ~1 km cells: a city-wide picture. Zoomed in to a street it would be one flat wash over
 * everything, so it fades as the view closes in.
 */
export const rainFieldOpacity = (zoom: number) => (zoom >= 12 ? 0.2 : zoom >= 11 ? 0.32 : 0.45);

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

export function createLiveLayerSet(catalog: CatalogView, atlas: IconAtlas, options: LiveLayerOptions = {}): LiveLayerSet {
  const g = catalog.groups;
  const rainField = (options.rainField ?? inlineRainField)(g.rainGauge.positions);
  /** The rain readings (by live version) last sent to be painted. */
  let rainSent = -1;
  const wrap = (positions: Float32Array) => ({ value: positions, size: 2 as const });
  const pos = {
    rain: wrap(g.rainGauge.positions),
    water: wrap(g.waterGauge.positions),
    pumpStation: wrap(g.pumpStation.positions),
    underpass: wrap(g.underpass.positions),
    waterloggingPoint: wrap(g.waterloggingPoint.positions),
  };
  const colors = {
    rain: new SwapBuffer(g.rainGauge.count),
    water: new SwapBuffer(g.waterGauge.count),
    road: new SwapBuffer(g.roadSegment.count),
    pumpStation: new SwapBuffer(g.pumpStation.count),
    underpass: new SwapBuffer(g.underpass.count),
    waterloggingPoint: new SwapBuffer(g.waterloggingPoint.count),
    team: new SwapBuffer(g.team.count),
    elevator: new SwapBuffer(g.elevator.count),
  };
  // Elevators: the cars drawn are a selection (elevatorSelection.ts), packed into these buffers; each
  // swap buffer keeps the slots it holds, so a pick maps back to the car it drew.
  const elevators = {
    radii: floatSwapBuffer(g.elevator.count, 1),
    positions: floatSwapBuffer(g.elevator.count, 2),
    slots: [new Uint32Array(g.elevator.count), new Uint32Array(g.elevator.count)],
    turn: 0,
    drawn: 0,
    states: new Uint8Array(g.elevator.count),
  };
  const roadLines = g.roadSegment.lines ?? new Float32Array(g.roadSegment.count * 4);
  const roads = roadGeometry(roadLines, g.roadSegment.attributes.class ?? [], ROAD_CLASS_WIDTH);
  const column = (values: number[] | undefined, count: number, fallback: number) => Float32Array.from(values ?? new Array<number>(count).fill(fallback));
  const depthLines = {
    underpass: [column(g.underpass.thresholds.warning, g.underpass.count, UNDERPASS_THRESHOLDS_CM.warning), column(g.underpass.thresholds.closed, g.underpass.count, UNDERPASS_THRESHOLDS_CM.closed)],
    waterloggingPoint: [
      column(g.waterloggingPoint.thresholds.warning, g.waterloggingPoint.count, WATERLOGGING_THRESHOLDS_CM.warning),
      column(g.waterloggingPoint.thresholds.major, g.waterloggingPoint.count, WATERLOGGING_THRESHOLDS_CM.major),
    ],
  } as const;
  // lon, lat, 0: deck.gl's position transition interpolates size-3 buffers and misreads size-2 ones.
  const teamPositions = floatSwapBuffer(g.team.count, 3);
  const teamIcons = (g.team.attributes.type ?? []).map((code) => TEAM_ICONS[TEAM_TYPES[code] ?? 'floodTeam'] ?? 'floodTeam');
  while (teamIcons.length < g.team.count) teamIcons.push('floodTeam');
  // Each live layer's data, once per catalogue: an update swaps in the attribute values it rewrote.
  const data = {
    roads: roadData(roads, colors.road.current),
    waterGauges: new LiveData(g.waterGauge.count, { getPosition: pos.water, getLineColor: colors.water.current }),
    rainGauges: new LiveData(g.rainGauge.count, { getPosition: pos.rain, getFillColor: colors.rain.current }),
    pumps: new LiveData(g.pumpStation.count, { getPosition: pos.pumpStation, getColor: colors.pumpStation.current }),
    underpasses: new LiveData(g.underpass.count, { getPosition: pos.underpass, getColor: colors.underpass.current }),
    waterlogging: new LiveData(g.waterloggingPoint.count, { getPosition: pos.waterloggingPoint, getColor: colors.waterloggingPoint.current }),
    teams: new LiveData(g.team.count, { getPosition: teamPositions.current, getColor: colors.team.current }),
  };

  // Clusters: index per (radius, kinds shown); layout per integer zoom; alarms rolled up over the layout.
  let clusterer: { radius: number; c: DrainageClusterer } | null = null;
  let indexKey = '';
  let layoutKey = '';
  let rollUpKey = '';
  let layout: ClusterLayout | null = null;
  let clusters: ClusterResult | null = null;
  /** Bumps when the clusters move or fall apart (the icon layers' masks change). */
  let clusterEpoch = 0;
  /** Bumps when the clusters' alarm roll-up changes (only the cluster layer redraws). */
  let alarmEpoch = 0;
  let alarmKeyCache = { version: -1, key: '' };

  let incidentCache: { version: number; arrays: IncidentArrays } = { version: -1, arrays: packIncidents([]) };
  let closureCache: { inputs: string; key: string; segments: ClosedSegments } = { inputs: '', key: '', segments: closedSegments([], roadLines) };

  const built = new Map<LiveLayerId, { key: string; layer: Layer }>();
  const timings: Partial<Record<LiveLayerId, number>> = {};
  const drawn: string[] = [];

  function updateClusters(f: LiveFrame): void {
    const kinds = new Set<DrainageKind>(DRAINAGE_KINDS.filter((k) => f.visible[KIND_LAYER[k]]));
    const bucket = f.zoom < CLUSTER_BELOW_ZOOM && kinds.size > 0 ? Math.floor(f.zoom) : -1;
    if (bucket < 0) {
      if (layoutKey !== 'off') [layoutKey, rollUpKey, layout, clusters, clusterEpoch] = ['off', '', null, null, clusterEpoch + 1];
      return;
    }
    const radius = Math.round(Math.max(50, 110 * f.uiScale));
    if (clusterer?.radius !== radius) {
      clusterer = { radius, c: new DrainageClusterer({ pumpStation: g.pumpStation.positions, underpass: g.underpass.positions, waterloggingPoint: g.waterloggingPoint.positions }, radius) };
      indexKey = '';
    }
    const nextIndexKey = [...kinds].join();
    if (nextIndexKey !== indexKey) {
      indexKey = nextIndexKey;
      clusterer.c.load(kinds);
      layoutKey = '';
    }
    const nextLayoutKey = `${radius}|${indexKey}|${bucket}`;
    if (nextLayoutKey !== layoutKey || !layout) {
      layoutKey = nextLayoutKey;
      layout = clusterer.c.clustersAt(bucket);
      clusterEpoch++;
      rollUpKey = '';
    }
    if (alarmKeyCache.version !== f.events.changed.alarms) alarmKeyCache = { version: f.events.changed.alarms, key: drainageAlarmKey(f.events.alarms.values()) };
    const nextRollUpKey = `${layoutKey}|${alarmKeyCache.key}`;
    if (nextRollUpKey !== rollUpKey) {
      rollUpKey = nextRollUpKey;
      const counts = { pumpStation: g.pumpStation.count, underpass: g.underpass.count, waterloggingPoint: g.waterloggingPoint.count };
      clusters = rollUpAlarms(layout, alarmColumns(counts, f.events.alarms.values()));
      alarmEpoch++;
    }
  }

  /** Closed segments: active closure notices plus the road.closed channel. */
  function closedSegmentsOf(f: LiveFrame): ClosedSegments {
    const inputs = `${changed(f, 'road.closed')}|${f.events.changed.closures}`;
    if (inputs === closureCache.inputs) return closureCache.segments;
    closureCache.inputs = inputs;
    const slots: number[] = [];
    const notices: ClosureNotice[] = [];
    for (const c of f.events.closures.values()) {
      if (c.state !== 'active') continue;
      slots.push(...c.segments);
      notices.push({ lon: c.lon, lat: c.lat, underpassSlot: c.underpassSlot });
    }
    const flags = f.channels['road.closed'];
    for (let i = 0; i < flags.length; i++) if (flags[i]) slots.push(i);
    const valid = slots.filter((s) => s >= 0 && s < g.roadSegment.count);
    const key = `${[...new Set(valid)].sort((a, b) => a - b).join()}|${notices.map((n) => n.underpassSlot).join()}`;
    if (key !== closureCache.key) closureCache = { inputs, key, segments: closedSegments(valid, roadLines, notices) };
    return closureCache.segments;
  }

  const px = (design: number, uiScale: number, min = 2.5) => Math.max(min, design * uiScale);
  const mask = (kind: DrainageKind) => clusters?.shown[kind] ?? null;

  /** Per layer: the key of its inputs, and how to build it (writing its buffers) when that changes. */
  const specs: Record<LiveLayerId, { key(f: LiveFrame, on: boolean): string; build(f: LiveFrame, on: boolean): Layer }> = {
    rainField: {
      key(f, on) {
        // Readings go to be painted when they change (and the field is shown); the layer follows the pictures.
        if (on && rainSent !== f.changed.rain) {
          rainSent = f.changed.rain;
          rainField.submit(f.channels.rain);
        }
        return on ? `1|${rainField.version}|${rainFieldOpacity(f.zoom)}` : '0';
      },
      build(f, on) {
        return buildRainFieldLayer({ picture: rainField.picture, visible: on, opacity: rainFieldOpacity(f.zoom) });
      },
    },
    roads: {
      key: (f, on) => (on ? `1|${changed(f, 'road.index')}|${f.uiScale}` : `0|${f.uiScale}`),
      build(f, on) {
        if (on) {
          writeCongestionColors(f.channels['road.index'], colors.road.next().value);
          data.roads.set('getColor', colors.road.current);
        }
        return buildRoadLayer({ data: data.roads, visible: on, uiScale: f.uiScale });
      },
    },
    elevators: {
      key: (f, on) => (on ? `1|${changed(f, 'elevator.state')}|${f.uiScale}|${elevatorViewKey(f)}` : `0|${f.uiScale}`),
      build(f, on) {
        if (on) {
          elevators.turn ^= 1;
          const slots = elevators.slots[elevators.turn];
          const n = selectElevators(f.channels['elevator.state'], g.elevator.positions, f, slots);
          const positions = elevators.positions.next().value;
          for (let k = 0; k < n; k++) {
            positions[k * 2] = g.elevator.positions[slots[k] * 2];
            positions[k * 2 + 1] = g.elevator.positions[slots[k] * 2 + 1];
            elevators.states[k] = f.channels['elevator.state'][slots[k]];
          }
          writeElevatorStyle(elevators.states.subarray(0, n), colors.elevator.next().value, elevators.radii.next().value, px(2.2, f.uiScale, 1.5), px(7, f.uiScale, 3.5));
          elevators.drawn = n;
        }
        return buildElevatorLayer({
          count: elevators.drawn,
          positions: elevators.positions.current,
          colors: colors.elevator.current,
          radii: elevators.radii.current,
          visible: on,
        });
      },
    },
    closures: {
      key: (f, on) => (on ? `1|${closedSegmentsOf(f) && closureCache.key}|${f.uiScale}` : '0'),
      build: (f, on) => buildClosureLayer({ segments: closureCache.segments, atlas, visible: on, uiScale: f.uiScale }),
    },
    waterGauges: {
      key: (f, on) => (on ? `1|${changed(f, 'water')}|${f.uiScale}` : `0|${f.uiScale}`),
      build(f, on) {
        if (on) {
          writeWaterColors(f.channels.water, g.waterGauge.thresholds.warning ?? [], g.waterGauge.thresholds.danger ?? [], colors.water.next().value);
          data.waterGauges.set('getLineColor', colors.water.current);
        }
        return buildWaterGaugeLayer({ data: data.waterGauges, visible: on, radiusPx: px(10, f.uiScale) });
      },
    },
    rainGauges: {
      key: (f, on) => (on ? `1|${changed(f, 'rain')}|${f.uiScale}` : `0|${f.uiScale}`),
      build(f, on) {
        if (on) {
          writeRainColors(f.channels.rain, colors.rain.next().value);
          data.rainGauges.set('getFillColor', colors.rain.current);
        }
        return buildRainGaugeLayer({ data: data.rainGauges, visible: on, radiusPx: px(8, f.uiScale) });
      },
    },
    pumps: {
      key: (f, on) => (on ? `1|${changed(f, 'pump.state')}|${clusterEpoch}|${f.uiScale}` : `0|${f.uiScale}`),
      build(f, on) {
        if (on) {
          writePumpColors(f.channels['pump.state'], colors.pumpStation.next().value, mask('pumpStation'));
          data.pumps.set('getColor', colors.pumpStation.current);
        }
        return buildPumpLayer({ data: data.pumps, visible: on, radiusPx: px(16, f.uiScale, 8), atlas });
      },
    },
    underpasses: {
      key: (f, on) => (on ? `1|${changed(f, 'underpass.depth')}|${clusterEpoch}|${f.uiScale}` : `0|${f.uiScale}`),
      build(f, on) {
        const [warning, closed] = depthLines.underpass;
        if (on) {
          writeDepthColors(f.channels['underpass.depth'], warning, closed, colors.underpass.next().value, mask('underpass'));
          data.underpasses.set('getColor', colors.underpass.current);
        }
        return buildUnderpassLayer({ data: data.underpasses, visible: on, radiusPx: px(17, f.uiScale, 8.5), atlas });
      },
    },
    waterlogging: {
      key: (f, on) => (on ? `1|${changed(f, 'waterlog.depth')}|${clusterEpoch}|${f.uiScale}` : `0|${f.uiScale}`),
      build(f, on) {
        const [warning, major] = depthLines.waterloggingPoint;
        if (on) {
          writeDepthColors(f.channels['waterlog.depth'], warning, major, colors.waterloggingPoint.next().value, mask('waterloggingPoint'));
          data.waterlogging.set('getColor', colors.waterloggingPoint.current);
        }
        return buildWaterloggingLayer({ data: data.waterlogging, visible: on, radiusPx: px(18, f.uiScale, 9), atlas });
      },
    },
    drainageClusters: {
      key: (f, on) => (on ? `1|${clusterEpoch}.${alarmEpoch}|${f.uiScale}` : '0'),
      build: (f, on) => buildClusterLayer({ bubbles: clusters?.bubbles ?? [], visible: on, uiScale: f.uiScale }),
    },
    teams: {
      key: (f, on) => (on ? `1|${changed(f, 'team.pos', 'team.state')}|${f.uiScale}|${f.tickMs}|${f.smooth}` : `0|${f.uiScale}`),
      build(f, on) {
        if (on) {
          const out = teamPositions.next().value;
          const lonLat = f.channels['team.pos'];
          for (let i = 0; i < g.team.count; i++) {
            out[i * 3] = lonLat[i * 2];
            out[i * 3 + 1] = lonLat[i * 2 + 1];
          }
          writeTeamColors(f.channels['team.state'], colors.team.next().value);
          data.teams.set('getPosition', teamPositions.current);
          data.teams.set('getColor', colors.team.current);
        }
        const transitionMs = f.smooth ? Math.min(Math.max(f.tickMs, 0), 5000) : 0;
        return buildTeamLayer({ data: data.teams, icons: teamIcons, atlas, visible: on, sizePx: px(30, f.uiScale, 14), transitionMs });
      },
    },
    incidents: {
      key(f, on) {
        if (incidentCache.version !== f.events.changed.incidents) incidentCache = { version: f.events.changed.incidents, arrays: packIncidents(f.events.incidents.values()) };
        return on ? `1|${f.events.changed.incidents}|${f.pulse.toFixed(3)}|${f.uiScale}` : '0';
      },
      build: (f, on) => buildIncidentLayer({ incidents: incidentCache.arrays, pulse: f.pulse, visible: on, uiScale: f.uiScale }),
    },
  };

  /** How many things a layer has to draw (for `drawn`). */
  function itemCount(id: LiveLayerId): number {
    switch (id) {
      case 'closures':
        return closureCache.segments.slots.length + closureCache.segments.underpasses.length;
      case 'incidents':
        return incidentCache.arrays.ids.length;
      case 'drainageClusters':
        return clusters?.bubbles.length ?? 0;
      case 'rainField':
        return rainField.picture ? 1 : 0;
      case 'elevators':
        // The layer is on whenever the city has elevators, even when none needs someone right now.
        return g.elevator.count;
      default:
        return g[ASSET_OF_LAYER[id]!].count;
    }
  }

  function isOn(id: LiveLayerId, f: LiveFrame): boolean {
    if (id === 'drainageClusters') return clusters !== null && clusters.bubbles.length > 0;
    return f.visible[id];
  }

  return {
    catalogVersion: catalog.version,
    drawn,
    timings,
    get hasUrgentIncidents() {
      return incidentCache.arrays.urgent.length > 0;
    },
    build(frame) {
      updateClusters(frame);
      drawn.length = 0;
      return LAYER_ORDER.map((id) => {
        const on = isOn(id, frame);
        const key = specs[id].key(frame, on);
        const last = built.get(id);
        let layer = last?.layer;
        if (!last || last.key !== key) {
          const t0 = now();
          layer = timed(`layer:${id}`, () => specs[id].build(frame, on));
          timings[id] = now() - t0;
          built.set(id, { key, layer });
        }
        if (on && itemCount(id) > 0) drawn.push(id);
        return layer!;
      });
    },
    pickTarget(layerId, index, sourceLayerId) {
      if (index < 0) return null;
      if (layerId === 'elevators') {
        const slot = index < elevators.drawn ? elevators.slots[elevators.turn][index] : undefined;
        return slot === undefined ? null : { type: 'asset', kind: 'elevator', slot };
      }
      const asset = ASSET_OF_LAYER[layerId];
      if (asset) return index < g[asset].count ? { type: 'asset', kind: asset, slot: index } : null;
      if (layerId === 'closures' && sourceLayerId === CLOSURE_NOTICE_SUBLAYER) {
        const slot = closureCache.segments.underpasses[index];
        return slot === undefined ? null : { type: 'asset', kind: 'underpass', slot };
      }
      if (layerId === 'closures') {
        const slot = closureCache.segments.slots[index];
        return slot === undefined ? null : { type: 'asset', kind: 'roadSegment', slot };
      }
      if (layerId === 'incidents') {
        const id = incidentCache.arrays.ids[index];
        return id === undefined ? null : { type: 'incident', id };
      }
      if (layerId === 'drainageClusters') {
        const bubble = clusters?.bubbles[index];
        return bubble ? { type: 'cluster', bubble } : null;
      }
      return null;
    },
    expansionZoom: (clusterId) => clusterer?.c.expansionZoom(clusterId) ?? CLUSTER_BELOW_ZOOM,
    dispose: () => rainField.dispose(),
  };
}

/** The switch that shows each drainage kind. */
const KIND_LAYER: Record<DrainageKind, MapLayerId> = { pumpStation: 'pumps', underpass: 'underpasses', waterloggingPoint: 'waterlogging' };

/** Layers whose picking index is an asset slot. */
const ASSET_OF_LAYER: Partial<Record<string, AssetKind>> = {
  rainGauges: 'rainGauge',
  waterGauges: 'waterGauge',
  roads: 'roadSegment',
  pumps: 'pumpStation',
  underpasses: 'underpass',
  waterlogging: 'waterloggingPoint',
  teams: 'team',
};

/** The version of the inputs a layer draws from: when its channels last changed. */
function changed(f: LiveFrame, ...ids: ChannelId[]): string {
  return ids.map((id) => f.changed[id]).join('.');
}

/** What the elevator selection depends on besides the states: the view, when street zoom shows cars in service (the map passes bounds then only). */
function elevatorViewKey(f: LiveFrame): string {
  return f.bounds ? f.bounds.map((v) => v.toFixed(4)).join(',') : 'city';
}
