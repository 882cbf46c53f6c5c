// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- a host page and the router view it opens in */
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { useSummaryDate, type SummaryDate } from '@/summary/useSummaryDate';

async function open(url: string, api: Parameters<typeof useSummaryDate>[0]) {
  let day!: SummaryDate;
  const Page = defineComponent({
    setup() {
      day = useSummaryDate(api);
      return () => h('main');
    },
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/summary', component: Page }] });
  await router.push(url);
  const wrapper = mount(defineComponent({ render: () => h(RouterView) }), { global: { plugins: [router] } });
  await flushPromises();
  return { router, day: () => day, wrapper };
}

describe('useSummaryDate', () => {
  it('reads the day from the URL, keeping other parameters when it moves', async () => {
    const { router, day, wrapper } = await open('/summary?date=2026-07-15&print=1', { days: async () => [], simTime: async () => null });
    expect(day().date.value).toBe('2026-07-15');
    await day().navigate('2026-07-14');
    expect(router.currentRoute.value.query).toEqual({ date: '2026-07-14', print: '1' });
    wrapper.unmount();
  });

  it('puts the newest complete day in the URL when none is given, or yesterday by the simulated clock', async () => {
    const simTime = async () => Date.parse('2026-07-16T10:00:00+08:00');
    const withDays = await open('/summary', { days: async () => ['2026-07-16', '2026-07-15'], simTime });
    expect(withDays.router.currentRoute.value.query.date).toBe('2026-07-15');
    withDays.wrapper.unmount();
    const noList = await open('/summary', {
      days: async () => {
        throw new Error('404');
      },
      simTime,
    });
    expect(noList.router.currentRoute.value.query.date).toBe('2026-07-15');
    noList.wrapper.unmount();
  });
});
