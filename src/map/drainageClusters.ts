/**
 * Clusters of drainage points (pumps, underpasses, waterlogging points) for low zoom. Each cluster
 * carries, besides its point count, the worst active alarm severity of its members and how many of
 * them are in alarm, so crowding never hides an alarm.
 *
 * Where the clusters are depends only on the points and the kinds shown, so the index is built when
 * the kinds change and the clusters are read when the integer zoom changes; each read also records
 * which cluster every point fell into. A change in the alarm set then only rolls the alarm columns
 * up over that membership (a pass over a few thousand slots) instead of rebuilding the index.
 * Points that stay single at a zoom are drawn by their own icon layers; `shown` masks say which.
 */
import Supercluster, { type PointFeature } from 'supercluster';
import type { AssetKind } from '@/protocol/assets';
import { SEVERITY_RANK, SEVERITIES, type Alarm, type Severity } from '@/protocol/cityEvents';

export const DRAINAGE_KINDS = ['pumpStation', 'underpass', 'waterloggingPoint'] as const satisfies readonly AssetKind[];
export type DrainageKind = (typeof DRAINAGE_KINDS)[number];

/** Clusters are drawn below this zoom; single points at and above it. */
export const CLUSTER_BELOW_ZOOM = 11.5;

/** "No alarm" in a severity-rank column (ranks 0–3 are critical…warning). */
export const NO_ALARM = SEVERITIES.length;

interface PointProps {
  kind: number;
  slot: number;
}

/** A cluster as the cluster layer draws it. */
export interface ClusterBubble {
  id: number;
  lon: number;
  lat: number;
  count: number;
  /** Worst severity rank among members' active alarms; NO_ALARM when none. */
  worst: number;
  /** Active alarms of the members, all told. */
  alarms: number;
}

/** Per drainage kind, per slot: worst active alarm rank and number of active alarms. */
export interface AlarmColumns {
  worst: Record<DrainageKind, Uint8Array>;
  count: Record<DrainageKind, Uint16Array>;
}

export function alarmColumns(counts: Record<DrainageKind, number>, alarms: Iterable<Alarm>): AlarmColumns {
  const worst = {} as AlarmColumns['worst'];
  const count = {} as AlarmColumns['count'];
  for (const kind of DRAINAGE_KINDS) {
    worst[kind] = new Uint8Array(counts[kind]).fill(NO_ALARM);
    count[kind] = new Uint16Array(counts[kind]);
  }
  for (const a of alarms) {
    if (a.state !== 'active' || !(DRAINAGE_KINDS as readonly AssetKind[]).includes(a.assetKind)) continue;
    const kind = a.assetKind as DrainageKind;
    if (a.slot < 0 || a.slot >= counts[kind]) continue;
    worst[kind][a.slot] = Math.min(worst[kind][a.slot], SEVERITY_RANK[a.severity]);
    count[kind][a.slot]++;
  }
  return { worst, count };
}

export function severityOfRank(rank: number): Severity | null {
  return rank < NO_ALARM ? SEVERITIES[rank] : null;
}

/** A compact key of the alarms that matter to clusters, to tell when to rebuild the index. */
export function drainageAlarmKey(alarms: Iterable<Alarm>): string {
  const parts: string[] = [];
  for (const a of alarms) if (a.state === 'active' && (DRAINAGE_KINDS as readonly AssetKind[]).includes(a.assetKind)) parts.push(`${a.assetKind}:${a.slot}:${a.severity}`);
  return parts.sort().join(',');
}

/** Where the clusters are at one zoom, alarms aside. */
export interface ClusterLayout {
  /** Clusters in index order, with no alarms rolled up yet. */
  bubbles: readonly ClusterBubble[];
  /** Per kind, 1 where a slot is drawn as itself (visible kind, not inside a cluster). */
  shown: Record<DrainageKind, Uint8Array>;
  /** Per kind, per slot: the index in `bubbles` of the cluster the slot is in; -1 when none. */
  memberOf: Record<DrainageKind, Int32Array>;
}

export interface ClusterResult {
  /** Alarmed clusters last, so they draw on top of calm ones. */
  bubbles: ClusterBubble[];
  shown: Record<DrainageKind, Uint8Array>;
}

/** The layout's clusters with their members' alarms: worst severity and count per cluster. */
export function rollUpAlarms(layout: ClusterLayout, columns: AlarmColumns): ClusterResult {
  const bubbles: ClusterBubble[] = layout.bubbles.map((b) => ({ ...b, worst: NO_ALARM, alarms: 0 }));
  for (const kind of DRAINAGE_KINDS) {
    const memberOf = layout.memberOf[kind];
    const worst = columns.worst[kind];
    const count = columns.count[kind];
    for (let slot = 0; slot < memberOf.length; slot++) {
      const b = memberOf[slot];
      if (b < 0 || count[slot] === 0) continue;
      bubbles[b].worst = Math.min(bubbles[b].worst, worst[slot]);
      bubbles[b].alarms += count[slot];
    }
  }
  bubbles.sort((a, b) => b.worst - a.worst || a.alarms - b.alarms);
  return { bubbles, shown: layout.shown };
}

export class DrainageClusterer {
  private readonly features: PointFeature<PointProps>[] = [];
  private index: Supercluster<PointProps> | null = null;

  constructor(
    private readonly positions: Record<DrainageKind, Float32Array>,
    private readonly radiusPx = 60,
  ) {
    DRAINAGE_KINDS.forEach((kind, k) => {
      const p = positions[kind];
      for (let slot = 0; slot < p.length / 2; slot++) {
        this.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [p[slot * 2], p[slot * 2 + 1]] }, properties: { kind: k, slot } });
      }
    });
  }

  /** Rebuilds the index over the kinds shown. */
  load(kinds: ReadonlySet<DrainageKind>): void {
    const wanted = new Set([...kinds].map((k) => DRAINAGE_KINDS.indexOf(k)));
    const index = new Supercluster<PointProps>({ radius: this.radiusPx, maxZoom: Math.ceil(CLUSTER_BELOW_ZOOM) - 1, minPoints: 2 });
    this.index = index.load(this.features.filter((f) => wanted.has(f.properties.kind)));
  }

  /** Clusters, their members and the single points at an integer zoom. */
  clustersAt(zoom: number): ClusterLayout {
    const shown = {} as ClusterLayout['shown'];
    const memberOf = {} as ClusterLayout['memberOf'];
    for (const kind of DRAINAGE_KINDS) {
      shown[kind] = new Uint8Array(this.positions[kind].length / 2);
      memberOf[kind] = new Int32Array(this.positions[kind].length / 2).fill(-1);
    }
    const bubbles: ClusterBubble[] = [];
    if (!this.index) return { bubbles, shown, memberOf };
    for (const f of this.index.getClusters([-180, -85, 180, 85], Math.floor(zoom))) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      if ('cluster' in p && p.cluster) {
        for (const leaf of this.index.getLeaves(p.cluster_id, Infinity)) memberOf[DRAINAGE_KINDS[leaf.properties.kind]][leaf.properties.slot] = bubbles.length;
        bubbles.push({ id: p.cluster_id, lon, lat, count: p.point_count, worst: NO_ALARM, alarms: 0 });
      } else {
        const { kind, slot } = p as PointProps;
        shown[DRAINAGE_KINDS[kind]][slot] = 1;
      }
    }
    return { bubbles, shown, memberOf };
  }

  /** The zoom at which a cluster falls apart, for a click that zooms in on it. */
  expansionZoom(clusterId: number): number {
    return this.index ? this.index.getClusterExpansionZoom(clusterId) : CLUSTER_BELOW_ZOOM;
  }
}
