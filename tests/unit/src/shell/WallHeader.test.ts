// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '@/i18n';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import WarningTicker from '@/shell/warnings/WarningTicker.vue';
import WallHeader from '@/shell/WallHeader.vue';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useConnectionStore } from '@/stores/useConnectionStore';
import { setUpLive, SIM_T0 } from '../../../support/liveFixtures';

let pinia: Pinia;
let wrapper: VueWrapper | undefined;

const warning = (id: string, level: WeatherWarning['level'], extra: Partial<WeatherWarning> = {}): WeatherWarning => ({
  id,
  event: 'rainstorm',
  level,
  districts: [],
  issuedAt: SIM_T0 - 60_000,
  expiresAt: SIM_T0 + 3_600_000,
  state: 'active',
  headline: `<b>预计</b>${id}`,
  headlineEn: `Expect ${id}`,
  source: 'simulator',
  ...extra,
});
const issue = (...ws: WeatherWarning[]) => useCityEventsStore().apply(ws.map((warning) => ({ type: 'warning' as const, warning })));

beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
  setLocale('zh-CN');
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.useRealTimers();
});

describe('wall header', () => {
  it('shows the city’s mean temperature and wind, and no warning when none is in force', () => {
    setUpLive();
    wrapper = mount(WallHeader, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.get('[data-testid="header-weather"]').text()).toMatch(/26\.5 °C\s*风速 5\.5 m\/s · 4 级/);
    const level = wrapper.get('[data-testid="warning-level"]');
    expect(level.attributes('data-level')).toBe('none');
    expect(level.text()).toBe('无生效预警');
    // Without a director on the page, there is no director button.
    expect(wrapper.find('[data-testid="director-toggle"]').exists()).toBe(false);
  });

  it('shows the most severe warning in force in its colour, and how many more there are', async () => {
    setUpLive();
    wrapper = mount(WallHeader, { global: { plugins: [pinia, i18n] } });
    issue(warning('a', 'yellow'), warning('b', 'orange'), warning('c', 'red', { expiresAt: SIM_T0 - 1 }));
    await flushPromises();
    const level = wrapper.get('[data-testid="warning-level"]');
    expect(level.attributes('data-level')).toBe('orange');
    expect(level.text()).toContain('暴雨橙色预警');
    expect(level.text()).toContain('等 1 项');
    setLocale('en');
    await flushPromises();
    expect(wrapper.get('[data-testid="warning-level"]').text()).toContain('Orange rainstorm warning');
  });
});

describe('old data in the header and ticker', () => {
  it('dims and marks the weather, warning level, traffic index and ticker while the feed is down, and only then', async () => {
    setUpLive();
    issue(warning('a', 'orange'));
    wrapper = mount({ components: { WallHeader, WarningTicker }, template: '<div><WallHeader /><WarningTicker /></div>' }, { global: { plugins: [pinia, i18n] } });
    const figures = ['header-weather', 'warning-level', 'city-traffic-index', 'warning-ticker'].map((id) => () => wrapper!.get(`[data-testid="${id}"]`));
    for (const figure of figures) {
      expect(figure().attributes('data-stale')).toBe('false');
      expect(figure().find('[data-stale-mark]').exists()).toBe(false);
    }
    useConnectionStore().setConnected(false);
    await flushPromises();
    for (const figure of figures) {
      expect(figure().attributes('data-stale')).toBe('true');
      expect(figure().get('[data-stale-mark]').text()).toBe('数据已过期');
      expect(figure().find('.is-stale').exists()).toBe(true);
    }
    // Still what it last said, dimmed: the warning is not dropped.
    expect(figures[1]().text()).toContain('暴雨橙色预警');
    expect(figures[0]().text()).toMatch(/26\.5 °C/);
  });

  it('marks the weather when every station’s reading is stale, though the feed is live', async () => {
    const live = setUpLive();
    live.stale = { 'weather.temp': Uint8Array.from([1, 1]), 'weather.wind': Uint8Array.from([1, 1]) };
    live.version++;
    wrapper = mount(WallHeader, { global: { plugins: [pinia, i18n] } });
    await flushPromises();
    expect(wrapper.get('[data-testid="header-weather"]').attributes('data-stale')).toBe('true');
    expect(wrapper.get('[data-testid="warning-level"]').attributes('data-stale')).toBe('false');
  });
});

describe('warning ticker', () => {
  it('says there is no warning when none is in force', () => {
    setUpLive();
    wrapper = mount(WarningTicker, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.get('[data-testid="warning-ticker"]').text()).toContain('当前无生效气象预警');
  });

  it('pages through the warnings, most severe first, showing the headline as text', async () => {
    vi.useFakeTimers();
    setUpLive();
    issue(warning('a', 'blue', { districts: [1] }), warning('b', 'red'));
    wrapper = mount(WarningTicker, { global: { plugins: [pinia, i18n] } });
    const ticker = () => wrapper!.get('[data-testid="warning-ticker"]');
    expect(ticker().text()).toContain('暴雨红色预警');
    expect(ticker().text()).toContain('全市<b>预计</b>b');
    expect(ticker().find('b').exists()).toBe(false);
    expect(ticker().text()).toContain('1/2');
    await vi.advanceTimersByTimeAsync(8000);
    expect(ticker().text()).toContain('暴雨蓝色预警');
    expect(ticker().text()).toContain('浦东新区');
    expect(ticker().text()).toContain('2/2');
    await vi.advanceTimersByTimeAsync(8000);
    expect(ticker().text()).toContain('1/2');
    // A cancellation reorders the list: back to the top.
    issue(warning('b', 'red', { state: 'cancelled' }));
    await flushPromises();
    expect(ticker().text()).toContain('暴雨蓝色预警');
    expect(ticker().text()).not.toContain('1/1');
    wrapper.unmount();
    wrapper = undefined;
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1); // only the shared clock of useNow may remain
  });
});
