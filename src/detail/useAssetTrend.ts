/**
 * The selected asset's last hour on its trend channel: the server's history (fetched on open and
 * every minute) joined with the live feed's readings since, so the line keeps moving in between.
 */
import { computed, shallowRef, watch, type Ref } from 'vue';
import { useLiveStore } from '@/stores/useLiveStore';
import { KIND_VIEWS, type AssetFacts } from './assetReadout';
import { LiveSamples, mergeTrend, type TrendPoint } from './trendPoints';
import { useAssetHistory } from './useAssetHistory';

export function useAssetTrend(facts: Ref<AssetFacts | null>) {
  const live = useLiveStore();
  const trend = computed(() => (facts.value ? KIND_VIEWS[facts.value.kind].trend : null));
  const key = computed(() => (facts.value && trend.value ? { kind: facts.value.kind, id: facts.value.id } : null));
  const history = useAssetHistory(key);
  const samples = new LiveSamples();
  const livePoints = shallowRef<TrendPoint[]>([]);

  watch(key, () => {
    samples.clear();
    livePoints.value = [];
  });
  watch(
    [() => live.version, key],
    () => {
      const f = facts.value;
      const ch = trend.value;
      const at = live.frame?.simTime;
      if (!f || !ch || !live.channels || at === undefined) return;
      samples.push(at, live.channels[ch][f.slot]);
      livePoints.value = samples.points();
    },
    { immediate: true },
  );

  const points = computed(() => (trend.value ? mergeTrend(history.data.value?.series[trend.value] ?? null, livePoints.value) : []));
  return { channel: trend, points, status: history.status };
}
