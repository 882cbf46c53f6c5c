// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- small host components, one per scenario */
import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, onMounted, ref, type ComputedRef } from 'vue';
import { useChartReadiness } from '@/summary/chartReadiness';
import { usePrintReadiness } from '@/summary/usePrintReadiness';

let wrapper: VueWrapper | undefined;
const summary = ref<object | null>(null);
const loading = ref(false);
const charts = ref(0);
let ready: ComputedRef<boolean>;
const drawn: (() => void)[] = [];

/** A chart that registers on mount and reports when the test says it has drawn. */
const Chart = defineComponent({
  setup() {
    const readiness = useChartReadiness();
    onMounted(() => drawn.push(readiness!.register()));
    return () => h('div');
  },
});
const Page = defineComponent({
  setup() {
    ready = usePrintReadiness(summary, loading, 1000);
    return () => h('main', summary.value ? Array.from({ length: charts.value }, () => h(Chart)) : []);
  },
});

beforeEach(() => {
  vi.useFakeTimers();
  summary.value = null;
  loading.value = false;
  charts.value = 2;
  drawn.length = 0;
});
afterEach(() => {
  wrapper?.unmount();
  vi.useRealTimers();
});

describe('usePrintReadiness', () => {
  it('is ready once the data is in and every chart has drawn', async () => {
    wrapper = mount(Page);
    expect(ready.value).toBe(false);
    summary.value = {};
    await nextTick();
    await nextTick();
    expect(drawn).toHaveLength(2);
    drawn[0]();
    drawn[0]();
    expect(ready.value).toBe(false);
    drawn[1]();
    expect(ready.value).toBe(true);
    loading.value = true;
    expect(ready.value).toBe(false);
  });

  it('gives up waiting for a chart that never draws, a while after the data', async () => {
    wrapper = mount(Page);
    summary.value = {};
    await nextTick();
    await nextTick();
    vi.advanceTimersByTime(999);
    expect(ready.value).toBe(false);
    vi.advanceTimersByTime(1);
    expect(ready.value).toBe(true);
    summary.value = null;
    await nextTick();
    expect(ready.value).toBe(false);
  });

  it('is not ready with no chart on the page until the wait is over', async () => {
    charts.value = 0;
    wrapper = mount(Page);
    summary.value = {};
    await nextTick();
    await nextTick();
    expect(ready.value).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(ready.value).toBe(true);
  });
});
