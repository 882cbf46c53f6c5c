// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AssetDetailCard from '@/detail/AssetDetailCard.vue';
import { i18n, setLocale } from '@/i18n';
import { ASSET_KINDS, type AssetKind, type WireAssetGroup } from '@/protocol/assets';
import { allocateChannel, CHANNEL_IDS, CHANNELS } from '@/protocol/channels';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useLiveStore, type LiveChannels, type ReadingTimes } from '@/stores/useLiveStore';
import { useMapViewStore } from '@/stores/useMapViewStore';
import { uniformStaleAfter } from '../../../support/miniCity';

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 15, 6, 0);
const NAME = '<b>黄浦公园</b>';

const group = (kind: AssetKind): WireAssetGroup => ({
  kind,
  ids: [`${kind}-A`, `${kind}-B`],
  names: [NAME, '二号'],
  namesEn: ['Huangpu Park', 'Two'],
  districts: [0, 0],
  positions: new Uint8Array(new Float32Array([121.49, 31.24, 121.5, 31.3]).buffer),
  thresholds: kind === 'waterGauge' ? { warning: [4.55, 4.55], danger: [5.05, 5.05] } : {},
  attributes: {},
  // A muck truck's permitted route per slot: east along its position's latitude, 0.01° long.
  ...(kind === 'muckTruck' && {
    paths: { starts: new Uint8Array(new Uint32Array([0, 2, 4]).buffer), coords: new Uint8Array(new Float32Array([121.49, 31.24, 121.5, 31.24, 121.5, 31.3, 121.51, 31.3]).buffer) },
  }),
});

/** History rising 3 cm/min to 4.30 m at T0 + 9 min: (4.55 − 4.30) / 0.03 = 8.3 → "8 min". */
const history = {
  kind: 'waterGauge',
  id: 'waterGauge-A',
  minutes: 60,
  units: { water: 'm' },
  series: { water: { t: Array.from({ length: 10 }, (_, i) => T0 + i * MIN), v: Array.from({ length: 10 }, (_, i) => 4.03 + i * 0.03) } },
};

let pinia: Pinia;
let wrapper: VueWrapper | undefined;
const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(history), { headers: { 'content-type': 'application/json' } }));

function setUpLive(level: number) {
  const live = useLiveStore();
  live.setCatalog({ version: 'v', districts: [{ code: '310101', name: '黄浦区', nameEn: 'Huangpu' }], groups: ASSET_KINDS.map(group), indicators: [], staleAfterMs: uniformStaleAfter() });
  const channels = Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, 2 * (CHANNELS[id] as { stride?: number }).stride! || 2)])) as LiveChannels;
  channels.water[0] = level;
  live.channels = channels;
  live.frame = { seq: 1, simTime: T0 + 9 * MIN, sentAt: Date.now(), receivedAt: Date.now() };
  live.version++;
  return live;
}

const mountCard = () => (wrapper = mount(AssetDetailCard, { global: { plugins: [pinia, i18n], stubs: { LiveChart: true } } }));

beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  setLocale('zh-CN');
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('asset detail card', () => {
  it('shows nothing until an asset is selected', () => {
    setUpLive(4.3);
    mountCard();
    expect(wrapper!.find('[data-testid="asset-detail"]').exists()).toBe(false);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the asset’s name as text, its kind, district, value, state, thresholds and time to warning', async () => {
    setUpLive(4.3);
    useMapViewStore().select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await flushPromises();
    const card = wrapper!.get('[data-testid="asset-detail"]');
    expect(card.get('[data-testid="asset-detail-name"]').text()).toBe(NAME);
    expect(card.find('h2 b').exists()).toBe(false); // never HTML
    expect(card.text()).toContain('水位站');
    expect(card.text()).toContain('黄浦区');
    expect(card.get('[data-testid="asset-detail-readings"]').text()).toContain('4.30');
    expect(card.get('[data-testid="asset-detail-state"]').text()).toBe('接近警戒');
    expect(card.get('[data-testid="asset-detail-thresholds"]').text()).toMatch(/警戒水位\s*4\.55 m/);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/assets/waterGauge/waterGauge-A/history?minutes=60');
    expect(card.get('[data-testid="asset-detail-eta"]').text()).toBe('约 8 分钟后达到警戒水位');
  });

  it('speaks English when the locale is English', async () => {
    setLocale('en');
    setUpLive(4.3);
    useMapViewStore().select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await flushPromises();
    expect(wrapper!.get('[data-testid="asset-detail-name"]').text()).toBe('Huangpu Park');
    expect(wrapper!.get('[data-testid="asset-detail-eta"]').text()).toBe('≈ 8 min to warning level');
  });

  it('says "no data" for a silent sensor and follows the live store', async () => {
    const live = setUpLive(NaN);
    useMapViewStore().select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await flushPromises();
    expect(wrapper!.get('[data-testid="asset-detail-state"]').text()).toBe('无数据');
    live.channels!.water[0] = 5.2;
    live.version++;
    await flushPromises();
    expect(wrapper!.get('[data-testid="asset-detail-state"]').text()).toBe('超危险水位');
    expect(wrapper!.find('[data-testid="asset-detail-eta"]').exists()).toBe(false);
  });

  it('shows how old the reading is, and dims and marks it once older than its kind’s limit', async () => {
    const live = setUpLive(4.3);
    const times = Object.fromEntries(CHANNEL_IDS.map((id) => [id, new Float64Array(2).fill(NaN)])) as ReadingTimes;
    const simTime = live.frame!.simTime;
    // Fed from outside, measured 3½ min before the frame (the half keeps the shared 1 Hz clock's lag out of the minutes).
    times.water[0] = simTime - 3.5 * MIN;
    live.readingTimes = times;
    useMapViewStore().select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await flushPromises();
    const age = () => wrapper!.get('[data-testid="asset-detail-age"]');
    expect(age().text()).toBe('读数 3 分钟前');
    expect(age().attributes('data-stale')).toBe('false');
    expect(wrapper!.find('[data-stale-mark]').exists()).toBe(false);
    // A water gauge goes stale after 10 min (its no-data interval).
    times.water[0] = simTime - 12.5 * MIN;
    live.version++;
    await flushPromises();
    expect(age().text()).toBe('读数 12 分钟前');
    expect(age().attributes('data-stale')).toBe('true');
    expect(wrapper!.get('[data-stale-mark]').text()).toBe('数据已过期');
    expect(wrapper!.get('.figures').classes()).toContain('is-stale');
    setLocale('en');
    await flushPromises();
    expect(age().text()).toBe('reading 12 min ago');
  });

  it('says an asset that never reported has no data yet, and times a team by its frame', async () => {
    const live = setUpLive(NaN);
    live.readingTimes = Object.fromEntries(CHANNEL_IDS.map((id) => [id, new Float64Array(2).fill(NaN)])) as ReadingTimes;
    const view = useMapViewStore();
    view.select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await flushPromises();
    expect(wrapper!.get('[data-testid="asset-detail-age"]').text()).toBe('读数 暂无数据');
    expect(wrapper!.find('[data-stale-mark]').exists()).toBe(false);
    view.select({ kind: 'team', slot: 0 });
    await flushPromises();
    expect(wrapper!.get('[data-testid="asset-detail-age"]').text()).toBe('更新于 刚刚');
  });

  it('says so when the history cannot be fetched, and fetches none for kinds without a trend', async () => {
    fetchMock.mockResolvedValueOnce(new Response('{"error":{"code":"INTERNAL","message":"x"}}', { status: 500 }));
    setUpLive(4.3);
    const view = useMapViewStore();
    view.select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await flushPromises();
    expect(wrapper!.get('[data-testid="asset-detail-chart"]').text()).toBe('历史数据暂不可用');
    view.select({ kind: 'team', slot: 0 });
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(wrapper!.get('[data-testid="asset-detail-chart"]').text()).toBe('该类设施无历史曲线');
  });

  it('shows how far off its route a muck truck is while it has an off-route alarm, and the corridor', async () => {
    const live = setUpLive(4.3);
    // About 500 m north of its route.
    live.channels!['truck.pos'].set([121.495, 31.2445]);
    useMapViewStore().select({ kind: 'muckTruck', slot: 0 });
    mountCard();
    await flushPromises();
    const offRoute = () => wrapper!.find('[data-testid="asset-detail-off-route"]');
    expect(offRoute().exists()).toBe(false);
    const alarm = { id: 'a1', ruleId: 'muckTruck.offRoute', trigger: 'offRoute', assetKind: 'muckTruck', slot: 0, assetId: 'muckTruck-A', severity: 'minor', value: 420, unit: 'm', threshold: 300 } as const;
    const common = { raisedAt: T0, updatedAt: T0, clearedAt: null, acknowledged: false, lon: 121.495, lat: 31.2438, district: 0 };
    const events = useCityEventsStore();
    events.apply([{ type: 'alarm', alarm: { ...alarm, ...common, state: 'active' } }]);
    await flushPromises();
    expect(offRoute().text()).toMatch(/偏离核准路线\s*498\s*m\s*允许偏离 300 m/);
    setLocale('en');
    await flushPromises();
    expect(offRoute().text()).toMatch(/Off its permitted route\s*498\s*m\s*corridor 300 m/);
    events.apply([{ type: 'alarm', alarm: { ...alarm, ...common, state: 'cleared', clearedAt: T0 + MIN } }]);
    await flushPromises();
    expect(offRoute().exists()).toBe(false);
  });

  it('says whether the closure notice of a picked underpass reached the traffic police', async () => {
    setUpLive(4.3);
    mountCard();
    const closure = { id: 'CL-1', underpassSlot: 1, alarmId: 'A1', segments: [0], notified: 'trafficPolice' as const, issuedAt: T0, liftedAt: null, state: 'active' as const, lon: 121.5, lat: 31.3, district: 0 };
    useCityEventsStore().apply([{ type: 'closure', closure: { ...closure, notice: { state: 'sending', attempts: 1, lastError: 'HTTP 500' } } }]);
    useMapViewStore().select({ kind: 'underpass', slot: 0 });
    await flushPromises();
    expect(wrapper!.find('[data-testid="closure-notice"]').exists()).toBe(false);
    useMapViewStore().select({ kind: 'underpass', slot: 1 });
    await flushPromises();
    expect(wrapper!.get('[data-testid="closure-notice"]').text()).toContain('通知发送中（第 1 次重试）');
    useCityEventsStore().apply([{ type: 'closure', closure: { ...closure, notice: { state: 'unconfigured' } } }]);
    await flushPromises();
    expect(wrapper!.get('[data-testid="closure-notice"]').attributes('data-state')).toBe('unconfigured');
  });

  it('closes on the close button and on Escape', async () => {
    setUpLive(4.3);
    const view = useMapViewStore();
    view.select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await wrapper!.get('[data-testid="asset-detail-close"]').trigger('click');
    expect(view.selected).toBeNull();
    view.select({ kind: 'waterGauge', slot: 1 });
    await flushPromises();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(view.selected).toBeNull();
    await flushPromises();
    expect(wrapper!.find('[data-testid="asset-detail"]').exists()).toBe(false);
  });

  it('refreshes the history every minute and stops when closed', async () => {
    vi.useFakeTimers();
    setUpLive(4.3);
    const view = useMapViewStore();
    view.select({ kind: 'waterGauge', slot: 0 });
    mountCard();
    await flushPromises();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    view.select(null);
    await flushPromises();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
