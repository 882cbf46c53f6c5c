/**
 * Drives the spotlight: takes newly raised alarms from the events store, shows the most important
 * one for SHOW_MS while asking the map to fly there, then the next, and sends the map back to the
 * whole city when the queue is empty. An acknowledged alarm leaves the popup at once.
 */
import { onBeforeUnmount, shallowRef, watch } from 'vue';
import type { Alarm } from '@/protocol/cityEvents';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useMapViewStore } from '@/stores/useMapViewStore';
import { isSpotlightWorthy, nextSpotlight, stillSpotlit, type QueuedAlarm } from './spotlightQueue';

export const SHOW_MS = 10_000;

/** `?spotlight=0` keeps the popup but never moves the map (for a wall that must hold its view). */
const flies = new URLSearchParams(window.location.search).get('spotlight') !== '0';

export function useAlarmSpotlight() {
  const events = useCityEventsStore();
  const mapView = useMapViewStore();
  const current = shallowRef<Alarm | null>(null);
  /** How many more are waiting, for "+N more". */
  const waiting = shallowRef(0);
  let queue: QueuedAlarm[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function showNext() {
    timer = undefined;
    const { next, rest } = nextSpotlight(queue, Date.now(), (id) => stillSpotlit(events.alarms.get(id)));
    queue = rest;
    waiting.value = rest.length;
    if (!next) {
      if (current.value && flies) mapView.returnToOverview();
      current.value = null;
      return;
    }
    current.value = next.alarm;
    if (flies) mapView.flyTo(next.alarm.lon, next.alarm.lat, 13.5);
    timer = setTimeout(showNext, SHOW_MS);
  }

  function dismiss() {
    if (timer) clearTimeout(timer);
    showNext();
  }

  // Watch the count, not the array: taking the alarms empties it, which must not re-trigger a take.
  watch(
    () => events.raised.length,
    (count) => {
      if (count === 0) return;
      const fresh = events.takeRaised().filter(isSpotlightWorthy);
      if (fresh.length === 0) return;
      const now = Date.now();
      queue.push(...fresh.map((alarm) => ({ alarm, queuedAt: now })));
      waiting.value = queue.length;
      if (!timer) showNext();
    },
  );

  // An alarm acknowledged anywhere (this screen or another) leaves the popup at once; the next one shows.
  watch(
    () => events.version,
    () => {
      const shown = current.value;
      if (shown && events.alarms.get(shown.id)?.acknowledged) dismiss();
    },
  );

  onBeforeUnmount(() => timer && clearTimeout(timer));
  return { current, waiting, dismiss };
}
