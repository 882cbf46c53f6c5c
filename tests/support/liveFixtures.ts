/** A small live store for component tests: a catalogue with two of each asset, indicators, channels and a frame. */
import { useConnectionStore } from '../../src/stores/useConnectionStore';
import { ASSET_KINDS, type AssetKind, type WireAssetGroup } from '../../src/protocol/assets';
import { allocateChannel, CHANNEL_IDS, CHANNELS } from '../../src/protocol/channels';
import type { IndicatorSpec } from '../../src/protocol/vitals';
import { useLiveStore, type LiveChannels } from '../../src/stores/useLiveStore';
import { INDICATORS, vitalsAt } from './indicatorFixtures';
import { uniformStaleAfter } from './miniCity';

const group = (kind: AssetKind): WireAssetGroup => ({
  kind,
  ids: [`${kind}-A`, `${kind}-B`],
  names: ['甲', '乙'],
  namesEn: ['Alpha', 'Beta'],
  districts: [0, 1],
  positions: new Uint8Array(new Float32Array([121.49, 31.24, 121.5, 31.3]).buffer),
  thresholds: kind === 'waterGauge' ? { warning: [4.55, 4.55], danger: [5.05, 5.05] } : {},
  attributes: kind === 'roadSegment' ? { lengthKm: [1, 3] } : {},
});

export const SIM_T0 = Date.UTC(2026, 6, 15, 6, 0);

export function setUpLive(options: { indicators?: IndicatorSpec[]; receivedAt?: number; values?: (number | null)[] } = {}) {
  const live = useLiveStore();
  live.setCatalog({
    version: 'v',
    districts: [
      { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
      { code: '310115', name: '浦东新区', nameEn: 'Pudong' },
    ],
    groups: ASSET_KINDS.map(group),
    staleAfterMs: uniformStaleAfter(),
    indicators: options.indicators ?? INDICATORS,
  });
  const channels = Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, 2 * ((CHANNELS[id] as { stride?: number }).stride ?? 1))])) as LiveChannels;
  channels.rain.set([12.5, 0]);
  channels['weather.temp'].set([26, 27]);
  channels['weather.wind'].set([5, 6]);
  channels['road.index'].set([2, 6]);
  channels['pump.state'].set([1, 2]);
  live.channels = channels;
  live.vitals = vitalsAt(SIM_T0, options.values);
  live.frame = { seq: 1, simTime: SIM_T0, sentAt: Date.now(), receivedAt: options.receivedAt ?? Date.now() };
  live.version++;
  // The feed is live: connected, with the frame just arrived.
  const connection = useConnectionStore();
  connection.setConnected(true);
  connection.frameArrived(live.frame.receivedAt);
  return live;
}
