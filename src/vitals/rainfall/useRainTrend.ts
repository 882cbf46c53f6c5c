/** Samples city max and mean rain intensity on every live update into fixed-size ring buffers. */
import { shallowRef, watch, type Ref } from 'vue';
import { RingSeries } from '@/shared/ringBuffer';
import type { FrameInfo } from '@/stores/useLiveStore';
import type { RainfallSummary } from './summarizeRainfall';

/** 10 minutes of 1 Hz updates. */
export const TREND_CAPACITY = 600;

export function useRainTrend(summary: Ref<RainfallSummary | null>, frame: Ref<FrameInfo | null>) {
  const max = new RingSeries(TREND_CAPACITY);
  const mean = new RingSeries(TREND_CAPACITY);
  const revision = shallowRef(0);
  let lastTime = -Infinity;
  watch(summary, (s) => {
    const at = frame.value?.simTime;
    if (!s || at === undefined) return;
    // A resync or restart can step time backwards: start the trend afresh rather than draw a zigzag.
    if (at < lastTime) {
      max.clear();
      mean.clear();
    }
    if (at === lastTime) return;
    lastTime = at;
    max.push(at, s.maxMmH);
    mean.push(at, Math.round(s.meanMmH * 100) / 100);
    revision.value++;
  });
  return { max, mean, revision };
}
