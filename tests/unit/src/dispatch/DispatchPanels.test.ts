// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import DispatchQueue from '@/dispatch/DispatchQueue.vue';
import IncidentDetailCard from '@/dispatch/IncidentDetailCard.vue';
import { NO_FILTER } from '@/dispatch/queue';
import TeamSuggestions from '@/dispatch/TeamSuggestions.vue';
import { i18n, setLocale } from '@/i18n';
import { useConnectionStore } from '@/stores/useConnectionStore';
import { useLiveStore } from '@/stores/useLiveStore';
import { makeIncident } from '../../../support/incidentFixture';
import { uniformStaleAfter } from '../../../support/miniCity';

const MIN = 60_000;
const XSS = '<img src=x onerror=alert(1)>';
const incident = makeIncident({ id: 'INC-000042', priority: 1, category: 'waterlogging', source: 'external', description: XSS, externalRef: '12345-0815', dispatchDueAt: 10 * MIN });

beforeEach(() => {
  setActivePinia(createPinia());
  setLocale('zh-CN');
  const live = useLiveStore();
  // Only what the console reads: district names and the simulated clock.
  live.catalog = { version: 'v', districts: [{ code: '310101', name: '黄浦区', nameEn: 'Huangpu' }], groups: {} as never, indicators: [], staleAfterMs: uniformStaleAfter() };
  live.frame = { seq: 1, simTime: 9 * MIN, sentAt: 0, receivedAt: 0 };
});

const opts = { global: { plugins: [i18n] } };

describe('dispatch console panels', () => {
  it('lists the queue with priority, category, district, status, age and a due-soon SLA', async () => {
    const other = makeIncident({ id: 'INC-000043', status: 'dispatched', escalated: true });
    const wrapper = mount(DispatchQueue, { ...opts, props: { rows: [incident, other], total: 2, selectedId: 'INC-000042', filter: NO_FILTER } });
    const row = wrapper.get('[data-testid="queue-row-INC-000042"]');
    expect(row.text()).toContain('P1');
    expect(row.text()).toContain('道路积水');
    expect(row.text()).toContain('黄浦区');
    expect(row.text()).toContain('待派单');
    expect(row.text()).toContain('9 分钟前');
    expect(row.get('.sla').classes()).toContain('dueSoon');
    expect(row.get('.sla').text()).toBe('1:00');
    expect(row.attributes('aria-selected')).toBe('true');
    expect(wrapper.get('[data-testid="queue-row-INC-000043"]').find('[data-testid="escalated-marker"]').exists()).toBe(true);
    await wrapper.get('[data-testid="queue-row-INC-000043"]').trigger('click');
    expect(wrapper.emitted('select')).toEqual([['INC-000043']]);
  });

  it('dims and marks the SLA countdowns while the feed is down: they stand still on its clock', async () => {
    const connection = useConnectionStore();
    connection.setConnected(true);
    connection.frameArrived(Date.now());
    const queue = mount(DispatchQueue, { ...opts, props: { rows: [incident], total: 1, selectedId: null, filter: NO_FILTER } });
    const detail = mount(IncidentDetailCard, { ...opts, props: { incident } });
    expect(queue.get('.sla').classes()).not.toContain('is-stale');
    expect(detail.find('[data-stale-mark]').exists()).toBe(false);
    connection.setConnected(false);
    await flushPromises();
    expect(queue.get('.sla').classes()).toContain('is-stale');
    expect(queue.get('.sla').text()).toBe('1:00');
    expect(queue.get('[data-testid="queue-sla-heading"] [data-stale-mark]').text()).toBe('数据已过期');
    expect(detail.get('[data-testid="detail-sla"]').classes()).toContain('is-stale');
    expect(detail.find('[data-stale-mark]').exists()).toBe(true);
  });

  it('shows an outside caller’s description as literal text, never as HTML', () => {
    const wrapper = mount(IncidentDetailCard, { ...opts, props: { incident } });
    const description = wrapper.get('[data-testid="incident-description"]');
    expect(description.text()).toBe(XSS);
    expect(description.element.querySelector('img')).toBeNull();
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('外部上报 · 12345-0815');
    expect(wrapper.get('[data-testid="detail-work-order"]').text()).toBe('—');
  });

  it('shows the incident’s street and unit cell (GB/T 30428) in the language shown', async () => {
    const wrapper = mount(IncidentDetailCard, { ...opts, props: { incident: { ...incident, grid: { cellCode: '3101010010010033', gridCode: '310101001001', streetCode: '310101001', streetName: '黄浦区街道01', streetNameEn: 'Huangpu street 01' } } } });
    expect(wrapper.get('[data-testid="incident-grid-place"]').text()).toBe('黄浦区街道01 · 3101010010010033');
    expect(wrapper.text()).toContain('街道 · 单元网格');
    setLocale('en');
    await flushPromises();
    expect(wrapper.get('[data-testid="incident-grid-place"]').text()).toBe('Huangpu street 01 · 3101010010010033');
    expect(mount(IncidentDetailCard, { ...opts, props: { incident } }).find('[data-testid="incident-grid-place"]').exists()).toBe(false);
  });

  it('shows the incident’s case class and category codes (GB/T 30428.2) in the language shown', async () => {
    const wrapper = mount(IncidentDetailCard, { ...opts, props: { incident: { ...incident, category: 'waterlogging' } } });
    expect(wrapper.get('[data-testid="incident-case-class"]').text()).toBe('事件 · 04 突发事件 / 0406 道路积水');
    expect(wrapper.text()).toContain('案件类别');
    setLocale('en');
    await flushPromises();
    expect(wrapper.get('[data-testid="incident-case-class"]').text()).toBe('Event · 04 Emergencies / 0406 Road ponding');
    const pump = mount(IncidentDetailCard, { ...opts, props: { incident: { ...incident, category: 'pumpFault' } } });
    expect(pump.get('[data-testid="incident-case-class"]').text()).toBe('Component · 01 Public utilities / 0190 Drainage pump station');
  });

  it('marks the nearest team as suggested and dispatches it in one action', async () => {
    const teams = [
      { teamId: 'TM-004', name: '黄浦防汛一队', nameEn: 'Huangpu flood team 1', type: 'floodTeam', distanceKm: 1.2, routeKm: 1.8, etaMinutes: 4 },
      { teamId: 'TM-009', name: '泵车九号', nameEn: 'Pump truck 9', type: 'pumpTruck', distanceKm: 3.4, routeKm: 4.1, etaMinutes: 9 },
    ];
    const wrapper = mount(TeamSuggestions, { ...opts, props: { incident, teams, loading: false, busy: false } });
    expect(wrapper.get('[data-testid="team-TM-004"]').text()).toContain('推荐');
    expect(wrapper.get('[data-testid="team-TM-009"]').text()).not.toContain('推荐');
    expect(wrapper.get('[data-testid="team-TM-004"]').text()).toContain('约 4 分钟');
    await wrapper.get('[data-testid="dispatch-suggested"]').trigger('click');
    expect(wrapper.emitted('dispatch')).toEqual([['TM-004']]);
  });
});
