// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { useAssetDeepLink } from '@/detail/useAssetDeepLink';
import { ASSET_KINDS, type AssetKind, type WireAssetGroup } from '@/protocol/assets';
import { allocateChannel, CHANNEL_IDS, CHANNELS } from '@/protocol/channels';
import { useLiveStore, type LiveChannels } from '@/stores/useLiveStore';
import { useMapViewStore } from '@/stores/useMapViewStore';
import { uniformStaleAfter } from '../../../support/miniCity';

const group = (kind: AssetKind): WireAssetGroup => ({
  kind,
  ids: [`${kind}-A`, `${kind}-B`],
  names: ['一', '二'],
  namesEn: ['One', 'Two'],
  districts: [0, 0],
  positions: new Uint8Array(new Float32Array([121.49, 31.24, 121.5, 31.3]).buffer),
  thresholds: {},
  attributes: {},
});

function arrive() {
  const live = useLiveStore();
  live.setCatalog({ version: 'v', districts: [{ code: '310101', name: '黄浦区', nameEn: 'Huangpu' }], groups: ASSET_KINDS.map(group), indicators: [], staleAfterMs: uniformStaleAfter() });
  return live;
}
const channels = () => Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, 2 * ((CHANNELS[id] as { stride?: number }).stride ?? 1))])) as LiveChannels;

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => window.history.replaceState(null, '', '/'));

describe('useAssetDeepLink', () => {
  it('opens the asset named in ?asset= and flies to it', async () => {
    window.history.replaceState(null, '', '/?asset=underpass-B');
    useAssetDeepLink();
    arrive();
    await nextTick();
    const view = useMapViewStore();
    expect(view.selected).toEqual({ kind: 'underpass', slot: 1 });
    expect(view.focus).toMatchObject({ lon: 121.5, zoom: 13 });
    expect(view.focus!.lat).toBeCloseTo(31.3, 5);
  });

  it('flies to a muck truck where the first snapshot has it, not to its construction site', async () => {
    window.history.replaceState(null, '', '/?asset=muckTruck-A');
    useAssetDeepLink();
    const live = arrive();
    await nextTick();
    const view = useMapViewStore();
    expect(view.selected).toEqual({ kind: 'muckTruck', slot: 0 });
    expect(view.focus!.lon).toBeCloseTo(121.49, 5);
    const next = channels();
    next['truck.pos'].set([121.6, 31.1]);
    live.channels = next;
    await nextTick();
    expect(view.focus!.lon).toBeCloseTo(121.6, 5);
    expect(view.focus!.lat).toBeCloseTo(31.1, 5);
  });
});
