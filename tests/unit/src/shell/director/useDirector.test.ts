// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- small host components, one per scenario */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { i18n, setLocale } from '@/i18n';
import DirectorToggle from '@/shell/director/DirectorToggle.vue';
import { directorEnabled, useDirector, type DirectorApi } from '@/shell/director/useDirector';
import { useSpotlightPresence } from '@/shell/director/useSpotlightPresence';
import { useMapViewStore } from '@/stores/useMapViewStore';
import { setUpLive } from '../../../../support/liveFixtures';

let pinia: Pinia;
let wrapper: VueWrapper | undefined;
let api: DirectorApi;
const spotlight = ref(false);

/** A page with the director and its header button, like the wall screen. */
const Host = defineComponent({
  setup() {
    api = useDirector(spotlight);
    return () => h('div', [h(DirectorToggle), h('input', { id: 'field' })]);
  },
});

const space = (target: EventTarget = window) => target.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', code: 'Space', bubbles: true, cancelable: true }));

beforeEach(() => {
  vi.useFakeTimers();
  pinia = createPinia();
  setActivePinia(pinia);
  setLocale('zh-CN');
  spotlight.value = false;
  window.history.replaceState(null, '', '/');
});
afterEach(() => {
  wrapper?.unmount();
  wrapper = undefined;
  vi.useRealTimers();
});

describe('director mode on the wall', () => {
  it('is on unless the URL says director=0', () => {
    expect(directorEnabled('')).toBe(true);
    expect(directorEnabled('?director=1')).toBe(true);
    expect(directorEnabled('?kiosk=1&director=0')).toBe(false);
  });

  it('focuses each dimension in turn and drills into its worst indicator', async () => {
    setUpLive();
    const mapView = useMapViewStore();
    wrapper = mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
    expect(api.focused.value).toBe('cityDynamics');
    // City dynamics in the storm fixture: 12345 calls (2,140 of 1,800–2,600) are deeper into warning than open incidents (52 of 40–80).
    expect(mapView.drilled).toBe('hotline.callsPerHour');
    vi.advanceTimersByTime(15_000);
    expect(api.focused.value).toBe('environment');
    expect(mapView.drilled).toBe('rain.max');
    vi.advanceTimersByTime(15_000);
    expect(api.focused.value).toBe('traffic');
    await flushPromises();
    expect(wrapper.get('[data-testid="director-toggle"]').attributes('data-state')).toBe('running');
  });

  it('pauses and resumes on the space bar and on the button, but not while typing', async () => {
    setUpLive();
    wrapper = mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
    space();
    await flushPromises();
    const button = wrapper.get('[data-testid="director-toggle"]');
    expect(button.attributes('data-state')).toBe('paused');
    expect(button.text()).toContain('轮播已暂停');
    vi.advanceTimersByTime(60_000);
    expect(api.focused.value).toBe('cityDynamics');
    space(document.getElementById('field')!);
    expect(api.state.value.mode).toBe('paused');
    await button.trigger('click');
    expect(api.state.value.mode).toBe('running');
    expect(api.focused.value).toBe('environment');
  });

  it('holds while the alarm spotlight shows and steps aside after a hand-made drill-down', async () => {
    setUpLive();
    wrapper = mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
    spotlight.value = true;
    await flushPromises();
    expect(wrapper.get('[data-testid="director-toggle"]').attributes('data-state')).toBe('held');
    vi.advanceTimersByTime(60_000);
    expect(api.focused.value).toBe('cityDynamics');
    spotlight.value = false;
    await flushPromises();
    vi.advanceTimersByTime(15_000);
    expect(api.focused.value).toBe('environment');
    api.interact();
    vi.advanceTimersByTime(60_000);
    expect(api.focused.value).toBe('environment');
    vi.advanceTimersByTime(60_000);
    expect(api.focused.value).toBe('traffic');
  });

  it('stops its timer and its key handler when the page goes', () => {
    setUpLive();
    wrapper = mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
    const mapView = useMapViewStore();
    wrapper.unmount();
    wrapper = undefined;
    const drilled = mapView.drilled;
    vi.advanceTimersByTime(120_000);
    space();
    expect(mapView.drilled).toBe(drilled);
    expect(api.state.value.mode).toBe('running');
  });

  it('drills into the focused dimension once the first indicators arrive', async () => {
    wrapper = mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
    const mapView = useMapViewStore();
    expect(api.focused.value).toBe('cityDynamics');
    expect(mapView.drilled).toBeNull();
    setUpLive();
    await flushPromises();
    expect(mapView.drilled).toBe('hotline.callsPerHour');
  });

  it('starts paused with ?director=0', () => {
    window.history.replaceState(null, '', '/?director=0');
    setUpLive();
    wrapper = mount(Host, { global: { plugins: [pinia, i18n] }, attachTo: document.body });
    expect(api.state.value.mode).toBe('paused');
    expect(api.focused.value).toBeNull();
    expect(useMapViewStore().drilled).toBeNull();
  });
});

describe('spotlight presence', () => {
  it('follows the alarm popup coming and going under the root', async () => {
    let showing: Readonly<{ value: boolean }> = { value: false };
    const shown = ref(false);
    const Page = defineComponent({
      setup() {
        const root = ref<HTMLElement | null>(null);
        showing = useSpotlightPresence(root);
        return () => h('main', { ref: root }, [shown.value ? h('aside', { 'data-testid': 'alarm-popup' }) : null]);
      },
    });
    wrapper = mount(Page, { attachTo: document.body });
    expect(showing.value).toBe(false);
    shown.value = true;
    await flushPromises();
    await vi.waitFor(() => expect(showing.value).toBe(true));
    shown.value = false;
    await flushPromises();
    await vi.waitFor(() => expect(showing.value).toBe(false));
  });
});
