// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_FETCH } from '@/auth/apiFetch';
import { i18n, setLocale } from '@/i18n';
import DimensionPanel from '@/vitals/panels/DimensionPanel.vue';
import { INDICATORS, STORM_VALUES } from '../../../../support/indicatorFixtures';
import { setUpLive, SIM_T0 } from '../../../../support/liveFixtures';

let pinia: Pinia;
let wrapper: VueWrapper | undefined;
/** The API as the panel sees it: no last hour on the server, so the sparklines fill from the frames. */
const apiFetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{"error":{"code":"NOT_FOUND","message":"none"}}', { status: 404 }));

const mountPanel = (props: Record<string, unknown> = {}) =>
  (wrapper = mount(DimensionPanel, {
    props: { dimension: 'traffic', drilled: null, ...props },
    global: { plugins: [pinia, i18n], stubs: { LiveChart: true }, provide: { [API_FETCH]: apiFetch } },
  }));

beforeEach(() => {
  apiFetch.mockClear();
  pinia = createPinia();
  setActivePinia(pinia);
  setLocale('zh-CN');
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
});

describe('dimension panel', () => {
  it('shows the title, the status by word and colour, and every indicator with its value, unit and status', () => {
    setUpLive();
    mountPanel();
    const panel = wrapper!.get('[data-testid="dimension-panel-traffic"]');
    expect(panel.get('h2').text()).toBe('交通');
    expect(panel.attributes('data-status')).toBe('warning');
    expect(panel.classes()).toContain('warning');
    expect(panel.get('[data-testid="dimension-status-traffic"]').text()).toBe('预警');
    expect(panel.findAll('[data-testid^="indicator-value-"]')).toHaveLength(6);
    const speed = panel.get('[data-testid="indicator-traffic.speed"]');
    expect(speed.attributes('data-status')).toBe('warning');
    expect(speed.get('[data-testid="indicator-value-traffic.speed"]').text()).toBe('23.1');
    expect(speed.text()).toContain('km/h');
    expect(speed.text()).toContain('平均车速');
    expect(panel.get('[data-testid="indicator-rail.load"]').attributes('data-status')).toBe('warning');
    expect(panel.get('[data-testid="indicator-traffic.accidents"]').attributes('data-status')).toBe('normal');
    expect(panel.attributes('data-stale')).toBe('false');
    expect(panel.find('.stale-notice').exists()).toBe(false);
    expect(panel.get('[data-testid="dimension-age-traffic"]').text()).toMatch(/更新于/);
    // The server's last hour is asked for through the API fetch the app provides.
    expect(apiFetch.mock.calls.map(([url]) => url)).toEqual(['/api/vitals/history?minutes=60']);
  });

  it('formats numbers for the locale with the indicator’s digits, and names indicators in English', () => {
    setUpLive();
    mountPanel({ dimension: 'supply' });
    expect(wrapper!.get('[data-testid="indicator-value-food.vegetables"]').text()).toBe('11,850');
    expect(wrapper!.get('[data-testid="indicator-value-water.pressure"]').text()).toBe('0.21');
    setLocale('en');
    return flushPromises().then(() => {
      expect(wrapper!.get('h2').text()).toBe('Supply');
      expect(wrapper!.get('[data-testid="indicator-food.vegetables"]').text()).toContain('Vegetable arrivals');
    });
  });

  it('shows a dash and no status for an indicator without a value, and "no data" for a dimension without any', () => {
    setUpLive({ values: STORM_VALUES.map(() => null) });
    mountPanel();
    expect(wrapper!.get('[data-testid="indicator-value-traffic.index"]').text()).toBe('—');
    expect(wrapper!.get('[data-testid="indicator-traffic.index"]').attributes('data-status')).toBe('none');
    expect(wrapper!.get('[data-testid="dimension-status-traffic"]').text()).toBe('无数据');
  });

  it('dims and says "数据已过期" when the data is older than the stale limit', () => {
    setUpLive({ receivedAt: Date.now() - 60_000 });
    mountPanel();
    const panel = wrapper!.get('[data-testid="dimension-panel-traffic"]');
    expect(panel.attributes('data-stale')).toBe('true');
    expect(panel.classes()).toContain('stale');
    expect(panel.get('.stale-notice').text()).toBe('数据已过期');
    expect(panel.get('[data-testid="dimension-age-traffic"]').attributes('data-stale')).toBe('true');
  });

  it('asks to drill on a click or Enter, and marks the drilled indicator', async () => {
    setUpLive();
    mountPanel();
    await wrapper!.get('[data-testid="indicator-traffic.closed"]').trigger('click');
    await wrapper!.get('[data-testid="indicator-rail.load"]').trigger('keydown', { key: 'Enter' });
    expect(wrapper!.emitted('drill')).toEqual([['traffic.closed'], ['rail.load']]);
    await wrapper!.setProps({ drilled: 'traffic.closed' });
    const tile = wrapper!.get('[data-testid="indicator-traffic.closed"]');
    expect(tile.attributes('data-active')).toBe('true');
    expect(tile.attributes('aria-pressed')).toBe('true');
    expect(wrapper!.get('[data-testid="indicator-rail.load"]').attributes('data-active')).toBe('false');
  });

  it('marks itself when the director focuses it, and has a headline chart', async () => {
    setUpLive();
    mountPanel({ focused: true });
    expect(wrapper!.get('[data-testid="dimension-panel-traffic"]').attributes('data-focused')).toBe('true');
    expect(wrapper!.get('[data-testid="dimension-chart-traffic"]').attributes('data-kind')).toBe('gauge');
  });

  it('samples every vitals frame into the sparklines, keyed by simulated time, and redraws them every few seconds in its turn', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // The start of the traffic panel's redraw turn (the panels take turns, a second apart).
    vi.setSystemTime(1_700_000_002_000);
    const live = setUpLive();
    mountPanel();
    const sparkData = () =>
      (wrapper!.get('[data-testid="indicator-traffic.accidents"]').findComponent({ name: 'LiveChart' }).props('option') as { series: { data: [number, number][] }[] }).series[0]
        .data;
    const frame = async (k: number) => {
      vi.setSystemTime(Date.now() + 1000);
      live.vitals = { t: SIM_T0 + k * 60_000, values: STORM_VALUES.map((v) => (v === null ? null : v + k)) };
      await flushPromises();
    };
    expect(sparkData()).toEqual([[SIM_T0, 4]]);
    // Rail load stays in its warning band (96 → 99), so its colour does not change either.
    const option = () => wrapper!.get('[data-testid="indicator-rail.load"]').findComponent({ name: 'LiveChart' }).props('option');
    const before = option();
    for (let k = 1; k <= 3; k++) await frame(k);
    // Sampled, not yet redrawn: the chart is handed the very same option, so ECharts does no work.
    expect(option()).toBe(before);
    expect(wrapper!.get('[data-testid="indicator-value-traffic.accidents"]').text()).toBe('7');
    await frame(4);
    await frame(5);
    expect(sparkData()).toEqual([0, 1, 2, 3, 4, 5].map((k) => [SIM_T0 + k * 60_000, 4 + k]));
    vi.useRealTimers();
  });

  it('says it waits for indicators when the catalogue has none for it', () => {
    setUpLive({ indicators: INDICATORS.filter((s) => s.dimension !== 'traffic') });
    mountPanel();
    expect(wrapper!.get('[data-testid="dimension-panel-traffic"]').text()).toContain('等待指标数据');
  });
});
