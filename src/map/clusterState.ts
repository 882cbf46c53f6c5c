/**
 * The drainage clusters of one catalogue as the map draws them: the index per (radius, kinds shown),
 * the layout per integer zoom below CLUSTER_BELOW_ZOOM, and the alarms rolled up over the layout.
 * Each step is redone only when its own inputs changed, and two epochs tell the layers what moved:
 * `epoch` when the clusters move or fall apart (the clustered icons' masks change), `alarmEpoch`
 * when only the roll-up changed (the cluster layer alone redraws).
 */
import type { Alarm } from '@/protocol/cityEvents';
import type { CatalogView } from '@/protocol/catalogView';
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
import type { SlotMask } from './liveColors';

/** What the clusters depend on at one moment. */
export interface ClusterInputs {
  zoom: number;
  /** Layout scale of the wall (1 at 3840 px wide): the cluster radius follows it. */
  uiScale: number;
  /** The drainage kinds switched on. */
  kinds: ReadonlySet<DrainageKind>;
  alarms: ReadonlyMap<string, Alarm>;
  /** The version at which the alarms last changed. */
  alarmsVersion: number;
}

export interface ClusterState {
  update(inputs: ClusterInputs): void;
  /** Bumps when the clusters move or fall apart. */
  readonly epoch: number;
  /** Bumps when the clusters' alarm roll-up changes. */
  readonly alarmEpoch: number;
  /** The bubbles drawn; none above CLUSTER_BELOW_ZOOM or with every drainage kind off. */
  readonly bubbles: readonly ClusterBubble[];
  /** Per slot of a drainage kind, 0 where it is inside a cluster; null when nothing is clustered. */
  mask(kind: DrainageKind): SlotMask;
  /** The zoom at which a cluster falls apart. */
  expansionZoom(clusterId: number): number;
}

export function createClusterState(catalog: CatalogView): ClusterState {
  const g = catalog.groups;
  let clusterer: { radius: number; c: DrainageClusterer } | null = null;
  let indexKey = '';
  let layoutKey = '';
  let rollUpKey = '';
  let layout: ClusterLayout | null = null;
  let clusters: ClusterResult | null = null;
  let alarmKeyCache = { version: -1, key: '' };
  const state = {
    epoch: 0,
    alarmEpoch: 0,
    get bubbles(): readonly ClusterBubble[] {
      return clusters?.bubbles ?? [];
    },
    mask: (kind: DrainageKind) => clusters?.shown[kind] ?? null,
    expansionZoom: (clusterId: number) => clusterer?.c.expansionZoom(clusterId) ?? CLUSTER_BELOW_ZOOM,
    update(f: ClusterInputs): void {
      const bucket = f.zoom < CLUSTER_BELOW_ZOOM && f.kinds.size > 0 ? Math.floor(f.zoom) : -1;
      if (bucket < 0) {
        if (layoutKey !== 'off') {
          [layoutKey, rollUpKey, layout, clusters] = ['off', '', null, null];
          state.epoch++;
        }
        return;
      }
      const radius = Math.round(Math.max(50, 110 * f.uiScale));
      if (clusterer?.radius !== radius) {
        clusterer = { radius, c: new DrainageClusterer({ pumpStation: g.pumpStation.positions, underpass: g.underpass.positions, waterloggingPoint: g.waterloggingPoint.positions }, radius) };
        indexKey = '';
      }
      const nextIndexKey = DRAINAGE_KINDS.filter((k) => f.kinds.has(k)).join();
      if (nextIndexKey !== indexKey) {
        indexKey = nextIndexKey;
        clusterer.c.load(f.kinds);
        layoutKey = '';
      }
      const nextLayoutKey = `${radius}|${indexKey}|${bucket}`;
      if (nextLayoutKey !== layoutKey || !layout) {
        layoutKey = nextLayoutKey;
        layout = clusterer.c.clustersAt(bucket);
        state.epoch++;
        rollUpKey = '';
      }
      if (alarmKeyCache.version !== f.alarmsVersion) alarmKeyCache = { version: f.alarmsVersion, key: drainageAlarmKey(f.alarms.values()) };
      const nextRollUpKey = `${layoutKey}|${alarmKeyCache.key}`;
      if (nextRollUpKey !== rollUpKey) {
        rollUpKey = nextRollUpKey;
        const counts = { pumpStation: g.pumpStation.count, underpass: g.underpass.count, waterloggingPoint: g.waterloggingPoint.count };
        clusters = rollUpAlarms(layout, alarmColumns(counts, f.alarms.values()));
        state.alarmEpoch++;
      }
    },
  };
  return state;
}
