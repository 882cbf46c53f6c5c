/** Socket connection and feed freshness, as the header's indicator shows them. */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { feedState, type FeedState } from '@/realtime/feedState';
import { useNow } from '@/shared/useNow';

export const useConnectionStore = defineStore('connection', () => {
  const connected = ref(false);
  const everConnected = ref(false);
  const lastFrameAt = ref<number | null>(null);
  const tickMs = ref(1000);
  const now = useNow();

  const state = computed<FeedState>(() =>
    feedState({ connected: connected.value, everConnected: everConnected.value, lastFrameAt: lastFrameAt.value, now: now.value, tickMs: tickMs.value }),
  );

  function setConnected(value: boolean) {
    connected.value = value;
    if (value) everConnected.value = true;
  }

  function frameArrived(at: number) {
    lastFrameAt.value = at;
  }

  function setTickMs(ms: number) {
    tickMs.value = ms;
  }

  return { connected, lastFrameAt, tickMs, state, setConnected, frameArrived, setTickMs };
});
