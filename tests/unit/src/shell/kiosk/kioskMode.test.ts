// @vitest-environment happy-dom
/* eslint-disable vue/one-component-per-file -- small host components, one per scenario */
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { CURSOR_IDLE_MS, CursorIdle, kioskEnabled } from '@/shell/kiosk/kioskMode';
import { useKiosk } from '@/shell/kiosk/useKiosk';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('kiosk mode', () => {
  it('is on with ?kiosk=1 only', () => {
    expect(kioskEnabled('?kiosk=1&director=1')).toBe(true);
    expect(kioskEnabled('?kiosk=true')).toBe(true);
    expect(kioskEnabled('?kiosk=0')).toBe(false);
    expect(kioskEnabled('')).toBe(false);
  });

  it('hides the cursor after a few still seconds and shows it on movement, with one timer at most', () => {
    const calls: boolean[] = [];
    const idle = new CursorIdle((hidden) => calls.push(hidden));
    idle.moved();
    vi.advanceTimersByTime(CURSOR_IDLE_MS - 1);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([true]);
    for (let k = 0; k < 100; k++) idle.moved();
    expect(calls).toEqual([true, false]);
    expect(vi.getTimerCount()).toBe(1);
    idle.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('with ?kiosk=1: blocks the context menu, hides an idle cursor, and undoes everything on unmount', () => {
    const Host = defineComponent({ setup: () => (useKiosk('?kiosk=1'), () => h('div')) });
    const wrapper = mount(Host);
    const root = document.documentElement;
    expect(root.classList.contains('kiosk')).toBe(true);
    const menu = new MouseEvent('contextmenu', { cancelable: true });
    window.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    vi.advanceTimersByTime(CURSOR_IDLE_MS);
    expect(root.classList.contains('kiosk-cursor-hidden')).toBe(true);
    window.dispatchEvent(new Event('pointermove'));
    expect(root.classList.contains('kiosk-cursor-hidden')).toBe(false);
    wrapper.unmount();
    expect(root.classList.contains('kiosk')).toBe(false);
    const after = new MouseEvent('contextmenu', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('changes nothing without ?kiosk=1', () => {
    const Host = defineComponent({ setup: () => (useKiosk(''), () => h('div')) });
    const wrapper = mount(Host);
    expect(document.documentElement.classList.contains('kiosk')).toBe(false);
    wrapper.unmount();
  });
});
