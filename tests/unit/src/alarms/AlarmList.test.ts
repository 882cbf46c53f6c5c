// @vitest-environment happy-dom
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AlarmList from '@/alarms/AlarmList.vue';
import { API_FETCH } from '@/auth/apiFetch';
import { useAuthStore } from '@/auth/useAuthStore';
import { i18n, setLocale } from '@/i18n';
import type { Role } from '@/protocol/auth';
import type { Alarm } from '@/protocol/cityEvents';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { makeAlarm } from '../../../support/alarmFixture';
import { setUpLive, SIM_T0 } from '../../../support/liveFixtures';

const MIN = 60_000;
const alarm = (id: string, over: Partial<Alarm> = {}): Alarm => makeAlarm(id, SIM_T0 - 3 * MIN, over);

describe('alarm list', () => {
  let pinia: Pinia;
  let wrapper: VueWrapper | undefined;
  let fetchImpl: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    pinia = createPinia();
    setActivePinia(pinia);
    setLocale('zh-CN');
    fetchImpl = vi.fn(async () => new Response(JSON.stringify({ id: 'a1', acknowledged: true }), { status: 200, headers: { 'content-type': 'application/json' } }));
  });
  afterEach(() => wrapper?.unmount());

  const signIn = (role: Role) => useAuthStore().$patch({ token: 't', username: role, role, expiresAt: Date.now() + 3_600_000 });
  const mountList = () => mount(AlarmList, { global: { plugins: [pinia, i18n], provide: { [API_FETCH]: fetchImpl } } });

  it('shows each active alarm with severity, what, value and unit, asset and age in the city’s time', async () => {
    setUpLive();
    useCityEventsStore().apply([
      { type: 'alarm', alarm: alarm('a1') },
      { type: 'alarm', alarm: alarm('p1', { ruleId: 'pump.state', trigger: 'state', assetKind: 'pumpStation', slot: 0, severity: 'major', raisedAt: SIM_T0 }) },
    ]);
    wrapper = mountList();
    const list = wrapper.get('[data-testid="alarm-list"]');
    expect(list.text()).toContain('活动 2 条 · 未确认 2 条');
    const rows = list.findAll('li');
    expect(rows.map((r) => r.attributes('data-testid'))).toEqual(['alarm-row-a1', 'alarm-row-p1']);
    expect(rows[0].text()).toMatch(/紧急\s*下立交积水\s*27\.5 cm\s*乙\s*3 分钟前/);
    expect(rows[1].text()).toMatch(/重要\s*泵站故障\s*设备状态\s*甲\s*刚刚/);
    setLocale('en');
    await flushPromises();
    expect(wrapper.get('li').text()).toMatch(/Beta\s*3 min ago/);
  });

  it('names the construction site a muck truck’s load came from on its asset line, beside its title', () => {
    setUpLive();
    const truck = alarm('t1', { ruleId: 'muckTruck.offRoute', trigger: 'offRoute', assetKind: 'muckTruck', slot: 0, assetId: 'MT-0001', severity: 'minor', value: 1818, unit: 'm', origin: '嘉定区工地 CS-056' });
    useCityEventsStore().apply([{ type: 'alarm', alarm: truck }]);
    wrapper = mountList();
    const row = wrapper.get('[data-testid="alarm-row-t1"]');
    expect(row.get('.what').text()).toBe('渣土车偏离核准路线');
    expect(row.get('.reading').text()).toBe('1,818 m');
    expect(row.get('.asset').text()).toMatch(/· 来源 嘉定区工地 CS-056$/);
  });

  it('offers the acknowledge button only to a signed-in role that may, and marks an alarm the frame says is acknowledged', async () => {
    setUpLive();
    const events = useCityEventsStore();
    events.apply([{ type: 'alarm', alarm: alarm('a1') }]);
    wrapper = mountList();
    expect(wrapper.find('[data-testid="alarm-ack"]').exists()).toBe(false);
    signIn('manager');
    await flushPromises();
    expect(wrapper.find('[data-testid="alarm-ack"]').exists()).toBe(false);
    signIn('operator');
    await flushPromises();
    const button = wrapper.get('[data-testid="alarm-ack"]');
    expect(button.text()).toBe('确认');
    await button.trigger('click');
    await flushPromises();
    expect(fetchImpl).toHaveBeenCalledWith('/api/alarms/a1/ack', expect.objectContaining({ method: 'POST', body: '{}' }));
    // Until the frame marks it, the button waits.
    expect(wrapper.get('[data-testid="alarm-ack"]').attributes('disabled')).toBeDefined();
    events.apply([{ type: 'alarm', alarm: alarm('a1', { acknowledged: true, ackedAt: SIM_T0 }) }]);
    await flushPromises();
    expect(wrapper.find('[data-testid="alarm-ack"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="alarm-row-a1"]').attributes('data-acknowledged')).toBe('true');
    expect(wrapper.get('[data-testid="alarm-acked"]').text()).toContain('已确认');
  });

  it('says why an acknowledgement failed and lets the operator try again', async () => {
    setUpLive();
    useCityEventsStore().apply([{ type: 'alarm', alarm: alarm('a1') }]);
    signIn('operator');
    fetchImpl.mockResolvedValueOnce(new Response(JSON.stringify({ error: { code: 'FORBIDDEN', message: 'no' } }), { status: 403 }));
    wrapper = mountList();
    await wrapper.get('[data-testid="alarm-ack"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toBe('确认失败：no');
    expect(wrapper.get('[data-testid="alarm-ack"]').attributes('disabled')).toBeUndefined();
  });

  it('holds its order still while a pointer moves over it, new alarms after, and lets go when it leaves', async () => {
    setUpLive();
    const events = useCityEventsStore();
    events.apply([{ type: 'alarm', alarm: alarm('old', { severity: 'major' }) }]);
    wrapper = mountList();
    const ids = () => wrapper!.findAll('li').map((r) => r.attributes('data-testid'));
    await wrapper.get('ol').trigger('pointermove');
    events.apply([{ type: 'alarm', alarm: alarm('worse') }]);
    await flushPromises();
    expect(ids()).toEqual(['alarm-row-old', 'alarm-row-worse']);
    await wrapper.get('ol').trigger('pointerleave');
    expect(ids()).toEqual(['alarm-row-worse', 'alarm-row-old']);
  });

  it('marks an alarm raised by readings that arrived late, and only that one', () => {
    setUpLive();
    useCityEventsStore().apply([
      { type: 'alarm', alarm: alarm('a1', { late: true, raisedAt: SIM_T0 - 40 * MIN }) },
      { type: 'alarm', alarm: alarm('a2', { slot: 2, assetId: 'underpass-C' }) },
    ]);
    wrapper = mountList();
    const late = wrapper.findAll('[data-testid="alarm-late"]');
    expect(late).toHaveLength(1);
    expect(late[0].text()).toBe('补报');
    expect(late[0].attributes('title')).toMatch(/测量时间/);
    expect(wrapper.get('[data-testid="alarm-row-a1"]').find('[data-testid="alarm-late"]').exists()).toBe(true);
  });

  it('says when there is no active alarm', () => {
    setUpLive();
    wrapper = mountList();
    expect(wrapper.get('[data-testid="alarm-list"]').text()).toContain('当前无活动告警');
  });
});
