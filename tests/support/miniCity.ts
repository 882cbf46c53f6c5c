/** A tiny hand-made catalogue and snapshot for client-side tests: a few slots per kind, all kinds present. */
import { ASSET_KINDS, type AssetKind, type WireAssetGroup, type WireCatalog } from '../../src/protocol/assets';
import { encodeFull } from '../../src/protocol/channelCodec';
import { packChannels } from '../../src/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, CHANNELS, type ChannelArray, type ChannelId } from '../../src/protocol/channels';
import type { CityEventState } from '../../src/protocol/cityEvents';
import type { WireSnapshot } from '../../src/protocol/events';

/** A catalogue's no-data intervals with every channel at `ms` (default 10 min, as the default rules' water gauges). */
export function uniformStaleAfter(ms = 10 * 60_000): Record<ChannelId, number> {
  return Object.fromEntries(CHANNEL_IDS.map((id) => [id, ms])) as Record<ChannelId, number>;
}

export function miniCatalog(counts: Partial<Record<AssetKind, number>>, version = 'v'): WireCatalog {
  return {
    version,
    districts: [{ code: '310101', name: '黄浦区', nameEn: 'Huangpu' }],
    indicators: [],
    staleAfterMs: uniformStaleAfter(),
    groups: ASSET_KINDS.map((kind): WireAssetGroup => {
      const n = counts[kind] ?? 0;
      const slots = Array.from({ length: n }, (_, i) => i);
      const positions = new Float32Array(slots.flatMap((i) => [121.4 + i / 100, 31.2]));
      return {
        kind,
        ids: slots.map((i) => `${kind}-${i}`),
        names: slots.map((i) => `站${i}`),
        namesEn: slots.map((i) => `Site ${i}`),
        districts: slots.map(() => 0),
        positions: new Uint8Array(positions.buffer),
        thresholds: kind === 'waterGauge' ? { warning: slots.map(() => 4), danger: slots.map(() => 5) } : {},
        attributes: {},
      };
    }),
  };
}

const EMPTY_EVENTS: CityEventState = { alarms: [], incidents: [], closures: [], warnings: [] };

/** A snapshot of `catalog` at `seq` with the given channel values (others zero). */
export function miniSnapshot(
  catalog: WireCatalog,
  seq: number,
  values: Partial<Record<ChannelId, ChannelArray>> = {},
  events: CityEventState = EMPTY_EVENTS,
): WireSnapshot {
  const count = (kind: AssetKind) => catalog.groups.find((g) => g.kind === kind)!.ids.length;
  const channels = packChannels(Object.fromEntries(CHANNEL_IDS.map((id) => [id, encodeFull(values[id] ?? allocateChannel(id, count(CHANNELS[id].kind)))])));
  return { seq, simTime: seq * 1000, sentAt: 0, catalogVersion: catalog.version, tickMs: 1000, simSpeed: 1, channels, events, vitals: { t: seq * 1000, values: [] } };
}
