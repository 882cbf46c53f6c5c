/** Samples one dimension's indicators on every vitals frame into fixed-size histories. */
import { computed, shallowRef, watch, type Ref } from 'vue';
import type { IndicatorSpec, VitalsFrame } from '@/protocol/vitals';
import { VitalsHistory } from './IndicatorHistory';

export function useVitalsHistory(indicators: Ref<readonly { spec: IndicatorSpec; index: number }[]>, vitals: Ref<VitalsFrame | null>) {
  const history = new VitalsHistory();
  /** Ticks once per sampled frame, for the sparklines to recompute. */
  const revision = shallowRef(0);
  const ids = computed(() => indicators.value.map((r) => ({ id: r.spec.id, index: r.index })));

  watch(ids, (list) => history.retain(new Set(list.map((r) => r.id))));
  watch(
    vitals,
    (frame) => {
      if (!frame || !Array.isArray(frame.values)) return;
      history.sample(frame.t, ids.value, frame.values);
      revision.value++;
    },
    { immediate: true },
  );
  return { history, revision };
}
