/**
 * When the report is ready to print: the summary is in, no newer request is loading, the sections
 * have rendered, and every chart has drawn (chartReadiness.ts) — or, should a chart never report,
 * a few seconds after the data, so a PDF is never held forever. The page marks it with
 * `data-testid="summary-ready"`, which the server's PDF renderer waits for.
 */
import { computed, nextTick, onBeforeUnmount, ref, watch, type ComputedRef, type Ref } from 'vue';
import { provideChartReadiness } from './chartReadiness';

/** How long after the data the page counts as ready even with a chart still drawing. */
export const FORCE_READY_MS = 8000;

export function usePrintReadiness(summary: Readonly<Ref<unknown>>, loading: Readonly<Ref<boolean>>, forceAfterMs = FORCE_READY_MS): ComputedRef<boolean> {
  const charts = provideChartReadiness();
  const settled = ref(false);
  const forced = ref(false);
  let forceTimer: ReturnType<typeof setTimeout> | undefined;

  watch(summary, async (s) => {
    settled.value = false;
    forced.value = false;
    clearTimeout(forceTimer);
    if (!s) return;
    // The sections (and their charts) mount on the next render; count them only after it.
    await nextTick();
    settled.value = true;
    forceTimer = setTimeout(() => (forced.value = true), forceAfterMs);
  });
  onBeforeUnmount(() => clearTimeout(forceTimer));

  return computed(() => summary.value !== null && !loading.value && settled.value && (forced.value || (charts.registered.value > 0 && charts.pending.value === 0)));
}
