// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '@/i18n';
import type { WeatherWarning } from '@/protocol/weatherWarnings';
import WarningTicker from '@/shell/warnings/WarningTicker.vue';
import WallHeader from '@/shell/WallHeader.vue';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
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
