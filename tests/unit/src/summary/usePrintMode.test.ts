// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { PRINT_THEME, SCREEN_THEME } from '@/shared/palette';
import { DARK_THEME, LIGHT_THEME } from '@/summary/summaryTheme';
import { PAGE_CLASS, PRINT_CLASS, usePrintMode, type PrintMode } from '@/summary/usePrintMode';

describe('usePrintMode', () => {
  it('prints with ?print=1 and while the browser prints: print palette on <html>, light SVG charts; the screen comes back after', async () => {
    const requested = ref(false);
    let mode!: PrintMode;
    const root = document.documentElement;
    const wrapper = mount(
      defineComponent({
        setup() {
          mode = usePrintMode(requested);
          return () => h('main');
        },
      }),
    );
    const bg = () => root.style.getPropertyValue('--bg');
    expect(root.classList.contains(PAGE_CLASS)).toBe(true);
    expect([mode.print.value, mode.renderer.value, mode.theme.value, bg()]).toEqual([false, 'canvas', DARK_THEME, SCREEN_THEME.bg]);

    requested.value = true;
    await nextTick();
    expect([mode.print.value, mode.renderer.value, mode.theme.value, bg()]).toEqual([true, 'svg', LIGHT_THEME, PRINT_THEME.bg]);
    expect(root.classList.contains(PRINT_CLASS)).toBe(true);
    requested.value = false;
    await nextTick();
    expect(root.classList.contains(PRINT_CLASS)).toBe(false);

    window.dispatchEvent(new Event('beforeprint'));
    await nextTick();
    expect([mode.print.value, bg()]).toEqual([true, PRINT_THEME.bg]);
    window.dispatchEvent(new Event('afterprint'));
    await nextTick();
    expect([mode.print.value, bg()]).toEqual([false, SCREEN_THEME.bg]);

    requested.value = true;
    await nextTick();
    wrapper.unmount();
    expect(root.classList.contains(PAGE_CLASS) || root.classList.contains(PRINT_CLASS)).toBe(false);
    expect(bg()).toBe(SCREEN_THEME.bg);
    // Gone with the page: the browser printing another page does not switch anything.
    window.dispatchEvent(new Event('beforeprint'));
    await nextTick();
    expect(bg()).toBe(SCREEN_THEME.bg);
  });
});
