// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { i18n, setLocale } from '@/i18n';
import DailySummary from '@/pages/DailySummary.vue';
import type { DailySummary as Summary } from '@/protocol/summary';
import { ApiError } from '@/shared/apiClient';
import type { SummaryApi } from '@/summary/summaryApi';
import { FIXTURE_DATE, makeSummary } from '../../../support/summaryFixture';

let wrapper: VueWrapper | undefined;
let router: Router;

function fakeApi(answer: (date: string) => Summary | ApiError, days: string[] = [FIXTURE_DATE]): SummaryApi & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async get(date) {
      asked.push(date);
      const a = answer(date);
      if (a instanceof ApiError) throw a;
      return a;
    },
    days: async () => days,
    simTime: async () => Date.parse('2026-07-16T10:00:00+08:00'),
    download: async () => new Blob(['%PDF']),
  };
}

async function open(url: string, api: SummaryApi) {
  router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/summary', component: DailySummary, props: { api } }, { path: '/', component: { template: '<p/>' } }] });
  await router.push(url);
  wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [createPinia(), i18n, router], stubs: { SummaryChart: true } } });
  await flushPromises();
  return wrapper;
}

beforeEach(() => setLocale('zh-CN'));
afterEach(() => wrapper?.unmount());

describe('daily summary page', () => {
  it('shows the day: title, highlights, dimensions, the indicator table, incidents and flood figures', async () => {
    const w = await open(`/summary?date=${FIXTURE_DATE}`, fakeApi(() => makeSummary()));
    expect(w.get('[data-testid="summary-title"]').text()).toBe('城市运行生命体征日报');
    expect(w.get('[data-testid="summary-date"]').text()).toContain('2026年7月15日');
    expect(w.get('[data-testid="summary-highlights"]').text()).toContain('全市平均雨量 38.6 毫米');
    expect(w.get('[data-testid="summary-partial"]').text()).toContain('23 小时 40 分');
    for (const d of ['cityDynamics', 'environment', 'traffic', 'supply', 'infrastructure']) expect(w.find(`[data-testid="summary-dimension-${d}"]`).exists()).toBe(true);
    expect(w.get('[data-testid="summary-dimension-environment"]').attributes('data-status')).toBe('alarm');

    const rain = w.get('[data-testid="indicator-row-env.rainMax"]');
    const cells = rain.findAll('td').map((c) => c.text());
    // name, unit, min, max, mean, p95, warning, alarm, breaches, vs yesterday, vs week
    expect(cells[0]).toBe('最大雨强');
    expect(cells[1]).toBe('mm/h');
    expect(cells[2]).toBe('0.0');
    expect(cells[3]).toBe('82.4');
    // Yesterday was dry (mean 0): the change is the absolute difference, and more rain is worse.
    expect(cells[9]).toBe('▲ 8.6');
    expect(rain.findAll('td')[9].classes()).toContain('worse');
    const speed = w.get('[data-testid="indicator-row-traffic.meanSpeed"]').findAll('td');
    expect(speed[9].text()).toMatch(/^▼/);
    expect(speed[9].classes()).toContain('worse');
    expect(w.get('[data-testid="indicator-row-env.aqi"]').findAll('td')[9].text()).toBe('—');
    expect(w.findAll('[data-testid^="indicator-row-"]')).toHaveLength(30);

    expect(w.get('[data-testid="incidents-total"]').text()).toBe('412');
    expect(w.get('[data-testid="incidents-sla"]').text()).toBe('92.0%');
    expect(w.get('[data-testid="summary-incidents"]').text()).toContain('3 分');
    expect(w.get('[data-testid="incidents-longest-open"]').text()).toContain('INC-000318');
    expect(w.get('[data-testid="incidents-longest-open"]').text()).toContain('泵站故障');
    expect(w.get('[data-testid="incidents-longest-open"]').text()).toContain('浦东新区');
    expect(w.get('[data-testid="incidents-longest-open"]').text()).toContain('9 小时 48 分');
    expect(w.get('[data-testid="flood-peak"]').text()).toBe('82.4 mm/h');
    expect(w.get('[data-testid="summary-flood"]').text()).toContain('徐家汇雨量站 · 徐汇区 · 15:05');
    const water = w.get('[data-testid="flood-water-levels"] tbody tr');
    expect(water.attributes('data-state')).toBe('warning');
    expect(water.text()).toContain('+0.13');
    expect(w.get('[data-testid="flood-run-hours"]').text()).toBe('9,877 台时');
  });

  it('switches to English', async () => {
    const w = await open(`/summary?date=${FIXTURE_DATE}`, fakeApi(() => makeSummary()));
    await w.get('[data-testid="language-toggle"]').trigger('click');
    expect(w.get('[data-testid="summary-title"]').text()).toBe('Daily city vital-signs report');
    expect(w.get('[data-testid="summary-highlights"]').text()).toContain('38.6 mm city mean');
    expect(w.get('[data-testid="indicator-row-env.rainMax"]').find('td').text()).toBe('Peak rain intensity');
    expect(w.get('[data-testid="summary-incidents"]').text()).toContain('3 min');
  });

  it('says plainly when a day has no data, and how to generate it', async () => {
    const api = fakeApi(() => new ApiError(404, 'NOT_FOUND', 'no recorded data for 2026-06-01'));
    const w = await open('/summary?date=2026-06-01', api);
    const msg = w.get('[data-testid="summary-error"]');
    expect(msg.attributes('data-kind')).toBe('noData');
    expect(msg.text()).toContain('2026-06-01 没有日报数据');
    expect(msg.text()).toContain('npm run backfill -- --days 7');
    expect(w.find('[data-testid="summary-ready"]').exists()).toBe(false);
    expect(w.get('[data-testid="summary-pdf"]').attributes('disabled')).toBeDefined();
  });

  it('says when the date is not a date', async () => {
    const w = await open('/summary?date=2026-13-45', fakeApi(() => new ApiError(400, 'BAD_REQUEST', '2026-13-45 is not a calendar date')));
    expect(w.get('[data-testid="summary-error"]').text()).toContain('“2026-13-45”不是有效日期');
    expect(w.get('[data-testid="summary-error"]').text()).toContain('YYYY-MM-DD');
  });

  it('opens on the newest complete day when no date is given, and moves by day', async () => {
    const api = fakeApi(() => makeSummary(), ['2026-07-16', FIXTURE_DATE]);
    const w = await open('/summary', api);
    expect(router.currentRoute.value.query.date).toBe(FIXTURE_DATE);
    expect(api.asked).toEqual([FIXTURE_DATE]);
    await w.get('[data-testid="summary-prev"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.date).toBe('2026-07-14');
    expect(api.asked).toEqual([FIXTURE_DATE, '2026-07-14']);
  });
});
