/**
 * The report's print mode: on with `?print=1` (how the server's PDF renderer opens the page) and
 * while the browser prints it. In print mode the page takes the print palette (white paper, dark
 * text), draws its charts as SVG in the light chart theme, and lets html/body grow to the report's
 * length (the wall's stylesheet pins them to the viewport); leaving the page puts the screen back.
 */
import { computed, onBeforeUnmount, onMounted, ref, watch, type ComputedRef, type Ref } from 'vue';
import type { ChartRenderer } from '@/shared/charts/echarts';
import { applyTheme, PRINT_THEME, SCREEN_THEME } from '@/shared/palette';
import { themeFor, type SummaryTheme } from './summaryTheme';

/** Classes on <html>: the report is open; the report is in print mode (html.summary-print). */
export const PAGE_CLASS = 'summary-page';
export const PRINT_CLASS = 'summary-print';

export interface PrintMode {
  print: ComputedRef<boolean>;
  theme: ComputedRef<SummaryTheme>;
  renderer: ComputedRef<ChartRenderer>;
}

export function usePrintMode(requested: Readonly<Ref<boolean>>, root: HTMLElement = document.documentElement): PrintMode {
  const printing = ref(false);
  const print = computed(() => requested.value || printing.value);
  const onBeforePrint = () => (printing.value = true);
  const onAfterPrint = () => (printing.value = false);

  watch(
    print,
    (p) => {
      root.classList.toggle(PRINT_CLASS, p);
      applyTheme(root.style, p ? PRINT_THEME : SCREEN_THEME);
    },
    { immediate: true },
  );
  onMounted(() => {
    root.classList.add(PAGE_CLASS);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
  });
  onBeforeUnmount(() => {
    root.classList.remove(PAGE_CLASS, PRINT_CLASS);
    applyTheme(root.style, SCREEN_THEME);
    window.removeEventListener('beforeprint', onBeforePrint);
    window.removeEventListener('afterprint', onAfterPrint);
  });

  return {
    print,
    theme: computed(() => themeFor(print.value)),
    renderer: computed(() => (print.value ? 'svg' : 'canvas')),
  };
}
