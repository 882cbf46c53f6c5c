/** A small catalogue and live channels for the map's unit tests (every kind, a few slots each). */
import { makeIncident } from './incidentFixture';
import { ASSET_KINDS, type AssetKind } from '../../src/protocol/assets';
import type { AssetGroupView, CatalogView } from '../../src/protocol/catalogView';
import { allocateChannel, CHANNEL_IDS, CHANNELS, type ChannelId } from '../../src/protocol/channels';
import { KIND_SPECS } from '../../src/protocol/kindSpecs';
import type { Alarm, Closure, Incident } from '../../src/protocol/cityEvents';
import { ICON_MAPPING, type IconAtlas } from '../../src/map/icons/iconAtlas';
import type { MapEvents } from '../../src/map/layers/layerSpec';
import type { LiveChannels } from '../../src/stores/useLiveStore';
import { uniformStaleAfter } from './miniCity';

/** A stand-in atlas: layers are built, never drawn, in unit tests. */
export const TEST_ATLAS: IconAtlas = { image: { width: 1, height: 1, data: new Uint8Array(4) }, mapping: ICON_MAPPING };

export type Counts = Partial<Record<AssetKind, number>>;

const DEFAULT_COUNTS: Record<AssetKind, number> = {
  rainGauge: 3,
  waterGauge: 2,
  weatherStation: 1,
  underpass: 3,
  waterloggingPoint: 2,
  pumpStation: 4,
  roadSegment: 5,
  team: 3,
  elevator: 0,
  // The static kinds (issue 15) are drawn only zoomed in; their own tests give them slots.
  healthSite: 0,
  evacuationPoint: 0,
  videoPoint: 0,
  residentialCompound: 0,
  // Muck trucks carry their routes as paths; their own tests give them slots.
  muckTruck: 0,
};

/** Slots spread over central Shanghai, ~1 km apart. */
function group(kind: AssetKind, count: number, k: number): AssetGroupView {
  const positions = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    positions[i * 2] = 121.3 + 0.01 * i + 0.001 * k;
    positions[i * 2 + 1] = 31.1 + 0.005 * ((i * 7) % 13) + 0.001 * k;
  }
  const view: AssetGroupView = {
    kind,
    ids: Array.from({ length: count }, (_, i) => `${kind}-${i}`),
    names: Array.from({ length: count }, (_, i) => `${kind}名${i}`),
    namesEn: Array.from({ length: count }, (_, i) => `${kind} ${i}`),
    districts: new Array<number>(count).fill(0),
    thresholds: {},
    attributes: {},
    positions,
    count,
  };
  if (kind === 'roadSegment') {
    view.lines = new Float32Array(count * 4);
    for (let i = 0; i < count; i++) view.lines.set([positions[i * 2], positions[i * 2 + 1], positions[i * 2] + 0.004, positions[i * 2 + 1] + 0.002], i * 4);
    view.attributes = { class: Array.from({ length: count }, (_, i) => i % 3), lengthKm: new Array<number>(count).fill(0.4) };
  }
  if (kind === 'waterGauge') view.thresholds = { warning: new Array<number>(count).fill(4.55), danger: new Array<number>(count).fill(5.05) };
  if (kind === 'underpass') view.thresholds = { warning: new Array<number>(count).fill(5), closed: new Array<number>(count).fill(25) };
  if (kind === 'waterloggingPoint') view.thresholds = { warning: new Array<number>(count).fill(10), major: new Array<number>(count).fill(15) };
  if (kind === 'pumpStation') view.thresholds = { start: new Array<number>(count).fill(1.2), stop: new Array<number>(count).fill(0.5) };
  if (kind === 'team') view.attributes = { type: Array.from({ length: count }, (_, i) => i % 3) };
  if (KIND_SPECS[kind].geometry === 'area') {
    // A square of ~200 m around each slot, as an open ring.
    const d = 0.001;
    const coords = new Float32Array(count * 8);
    for (let i = 0; i < count; i++) {
      const [lon, lat] = [positions[i * 2], positions[i * 2 + 1]];
      coords.set([lon - d, lat - d, lon + d, lat - d, lon + d, lat + d, lon - d, lat + d], i * 8);
    }
    view.paths = { starts: Uint32Array.from({ length: count + 1 }, (_, i) => i * 4), coords };
  }
  return view;
}

export function mapCatalog(counts: Counts = {}, version = 't1'): CatalogView {
  const all = { ...DEFAULT_COUNTS, ...counts };
  const groups = Object.fromEntries(ASSET_KINDS.map((kind, k) => [kind, group(kind, all[kind], k)])) as Record<AssetKind, AssetGroupView>;
  return { version, districts: [{ code: '310101', name: '黄浦区', nameEn: 'Huangpu' }], groups, indicators: [], staleAfterMs: uniformStaleAfter() };
}

export function mapChannels(catalog: CatalogView): LiveChannels {
  const out = {} as LiveChannels;
  for (const id of CHANNEL_IDS) out[id] = allocateChannel(id, catalog.groups[CHANNELS[id].kind].count);
  out['team.pos'].set(catalog.groups.team.positions);
  return out;
}

export function alarm(assetKind: AssetKind, slot: number, severity: Alarm['severity'], id = `${assetKind}-${slot}-${severity}`): Alarm {
  return {
    id,
    ruleId: 'r',
    trigger: 'threshold',
    assetKind,
    slot,
    assetId: `${assetKind}-${slot}`,
    severity,
    value: 1,
    unit: 'cm',
    threshold: 1,
    raisedAt: 0,
    updatedAt: 0,
    clearedAt: null,
    state: 'active',
    acknowledged: false,
    lon: 121.4,
    lat: 31.2,
    district: 0,
  };
}

export function incident(id: string, priority: Incident['priority'], status: Incident['status'] = 'new'): Incident {
  return makeIncident({ id, priority, status });
}

export function closure(id: string, segments: number[]): Closure {
  return { id, underpassSlot: 0, alarmId: 'a', segments, notified: 'trafficPolice', issuedAt: 0, liftedAt: null, state: 'active', lon: 121.4, lat: 31.2, district: 0 };
}

export function mapEvents(parts: { alarms?: Alarm[]; incidents?: Incident[]; closures?: Closure[] } = {}, version = 1): MapEvents {
  return {
    alarms: new Map((parts.alarms ?? []).map((a) => [a.id, a])),
    incidents: new Map((parts.incidents ?? []).map((i) => [i.id, i])),
    closures: new Map((parts.closures ?? []).map((c) => [c.id, c])),
    version,
    changed: { alarms: version, incidents: version, closures: version },
  };
}

/** A frame's per-channel versions with every channel changed at `version`. */
export function everyChannelAt(version: number): Record<ChannelId, number> {
  return Object.fromEntries(CHANNEL_IDS.map((id) => [id, version])) as Record<ChannelId, number>;
}
