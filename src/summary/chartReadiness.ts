/**
 * When the report's charts have drawn: each chart registers on mount and reports its first finished
 * render, so the page can say it is ready (`data-testid="summary-ready"`, which the PDF waits for).
 */
import { inject, provide, ref, type InjectionKey, type Ref } from 'vue';

export interface ChartReadiness {
  /** Call on mount; call the returned function once the chart has drawn (or is gone). */
  register(): () => void;
}

const KEY: InjectionKey<ChartReadiness> = Symbol('chartReadiness');

export function provideChartReadiness(): { registered: Ref<number>; pending: Ref<number> } {
  const registered = ref(0);
  const pending = ref(0);
  provide(KEY, {
    register() {
      registered.value++;
      pending.value++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        pending.value--;
      };
    },
  });
  return { registered, pending };
}

export const useChartReadiness = (): ChartReadiness | null => inject(KEY, null);
