// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import AlarmSpotlight from '@/alarms/AlarmSpotlight.vue';
import { i18n, setLocale } from '@/i18n';
import type { Alarm, Closure } from '@/protocol/cityEvents';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { makeAlarm } from '../../../support/alarmFixture';
import { setUpLive, SIM_T0 } from '../../../support/liveFixtures';

const alarm = (id: string): Alarm => makeAlarm(id, SIM_T0);
const closure = (alarmId: string, notice?: Closure['notice']): Closure => ({
  id: `CL-${alarmId}`,
  underpassSlot: 1,
  alarmId,
  segments: [3],
  notified: 'trafficPolice',
  issuedAt: SIM_T0,
  liftedAt: null,
  state: 'active',
  lon: 121.5,
  lat: 31.3,
  district: 1,
  ...(notice && { notice }),
});

describe('the alarm popup’s closure notice', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    setUpLive();
    setLocale('zh-CN');
  });
  afterEach(() => setLocale('zh-CN'));

  it('says where the notice of the closure the alarm caused stands, as the deltas change it', async () => {
    const wrapper = mount(AlarmSpotlight, { global: { plugins: [i18n] } });
    const events = useCityEventsStore();
    events.apply([
      { type: 'alarm', alarm: alarm('A1') },
      { type: 'closure', closure: closure('A1', { state: 'sending', attempts: 2, lastError: 'HTTP 500' }) },
    ]);
    await flushPromises();
    expect(wrapper.get('[data-testid="closure-notice"]').attributes('data-state')).toBe('retrying');
    expect(wrapper.get('[data-testid="closure-notice"]').text()).toContain('通知发送中（第 2 次重试）');
    events.apply([{ type: 'closure', closure: closure('A1', { state: 'unconfigured' }) }]);
    await flushPromises();
    expect(wrapper.get('[data-testid="closure-notice"]').text()).toContain('未配置交警通知');
    setLocale('en');
    await flushPromises();
    expect(wrapper.get('[data-testid="closure-notice"]').text()).toContain('no traffic-police endpoint configured');
    wrapper.unmount();
  });

  it('says nothing of the traffic police for an alarm that closed no road', async () => {
    const wrapper = mount(AlarmSpotlight, { global: { plugins: [i18n] } });
    useCityEventsStore().apply([{ type: 'alarm', alarm: alarm('A2') }, { type: 'closure', closure: closure('other') }]);
    await flushPromises();
    expect(wrapper.find('[data-testid="alarm-popup"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="closure-notice"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
