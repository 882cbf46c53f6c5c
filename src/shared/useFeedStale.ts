/**
 * Whether the live feed has gone quiet (stale or disconnected, realtime/feedState.ts), for the figures
 * that show what it last said: the header's weather, warning level and traffic index, the warning
 * ticker, the console's SLA countdowns. Each dims itself and carries a {@link StaleMark} while it is.
 */
import { computed } from 'vue';
import { useConnectionStore } from '@/stores/useConnectionStore';

export function useFeedStale() {
  const connection = useConnectionStore();
  const stale = computed(() => connection.state === 'stale' || connection.state === 'disconnected');
  /** Client time of the last frame, what the mark's age counts from. */
  const since = computed(() => connection.lastFrameAt);
  return { stale, since };
}
