// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '@/i18n';
import IncidentFeed from '@/incidents/IncidentFeed.vue';
import { incidentFeed } from '@/incidents/incidentFeedRows';
import type { Incident } from '@/protocol/cityEvents';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { makeIncident } from '../../../support/incidentFixture';
import { setUpLive, SIM_T0 } from '../../../support/liveFixtures';

const MIN = 60_000;
const incident = (id: string, minutesAgo: number, extra: Partial<Incident> = {}): Incident =>
  makeIncident({ id, district: 1, lon: 121.5, lat: 31.2, createdAt: SIM_T0 - minutesAgo * MIN, updatedAt: SIM_T0, ...extra });

describe('incident feed rows', () => {
  it('lists open incidents newest first, as many as fit, and counts them all', () => {
    const feed = incidentFeed([incident('a', 5), incident('b', 1), incident('c', 9), incident('d', 0, { status: 'closed' })], 2);
    expect(feed.rows.map((i) => i.id)).toEqual(['b', 'a']);
    expect(feed.total).toBe(3);
    expect(incidentFeed([], 6)).toEqual({ rows: [], total: 0 });
  });
});

describe('incident feed', () => {
  let pinia: Pinia;
  let wrapper: VueWrapper | undefined;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
  });
  afterEach(() => wrapper?.unmount());

  it('shows priority, category, district, status and age in simulated time, newest first', async () => {
    setUpLive();
    const events = useCityEventsStore();
    events.apply([
      { type: 'incident', incident: incident('old', 12, { category: 'powerOutage', priority: 3, status: 'dispatched', district: 0 }) },
      { type: 'incident', incident: incident('new', 0, { priority: 1 }) },
    ]);
    wrapper = mount(IncidentFeed, { global: { plugins: [pinia, i18n] } });
    const feed = wrapper.get('[data-testid="incident-feed"]');
    expect(feed.text()).toContain('在办 2 起');
    const rows = feed.findAll('li');
    expect(rows.map((r) => r.attributes('data-testid'))).toEqual(['incident-row-new', 'incident-row-old']);
    expect(rows[0].text()).toMatch(/P1\s*交通事故\s*浦东新区\s*待派单\s*刚刚/);
    expect(rows[1].text()).toMatch(/P3\s*停电\s*黄浦区\s*已派单\s*12 分钟前/);
    events.apply([{ type: 'incident', incident: incident('new', 0, { status: 'closed' }) }]);
    await flushPromises();
    expect(wrapper.findAll('li')).toHaveLength(1);
    setLocale('en');
    await flushPromises();
    expect(wrapper.get('li').text()).toMatch(/P3\s*Power outage\s*Huangpu\s*dispatched\s*12 min ago/);
  });

  it('names the street (GB/T 30428) where the incident has its unit-grid place', async () => {
    setUpLive();
    useCityEventsStore().apply([{ type: 'incident', incident: incident('placed', 0, { district: 0, grid: { cellCode: '3101010010010033', gridCode: '310101001001', streetCode: '310101001', streetName: '黄浦区街道01', streetNameEn: 'Huangpu street 01' } }) }]);
    wrapper = mount(IncidentFeed, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.get('li').text()).toContain('黄浦区街道01');
    setLocale('en');
    await flushPromises();
    expect(wrapper.get('li').text()).toContain('Huangpu street 01');
  });

  it('shows the age of its data and dims when it is stale', () => {
    setUpLive({ receivedAt: Date.now() - 60_000 });
    wrapper = mount(IncidentFeed, { global: { plugins: [pinia, i18n] } });
    const feed = wrapper.get('[data-testid="incident-feed"]');
    expect(feed.attributes('data-stale')).toBe('true');
    expect(feed.text()).toMatch(/更新于 \d+ (秒|分钟)前/);
  });

  it('says so when nothing is open', () => {
    setUpLive();
    wrapper = mount(IncidentFeed, { global: { plugins: [pinia, i18n] } });
    expect(wrapper.text()).toContain('暂无在办事件');
  });
});
