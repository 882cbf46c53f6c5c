/**
 * The age the detail card shows (issue 15): for a kind with sensors, how old the asset's newest
 * reading is (an asset fed from outside keeps its reading's own time), stale past its kind's limit
 * (shared/readingAge.ts); for the rest (teams), how old the last frame is, stale with the feed.
 * Either way stale too while the feed is quiet.
 */
import { computed, type Ref } from 'vue';
import { staleAfterMs } from '@/realtime/feedState';
import { kindStaleAfterMs, readingSince } from '@/shared/readingAge';
import { useFeedStale } from '@/shared/useFeedStale';
import { useNow } from '@/shared/useNow';
import { useConnectionStore } from '@/stores/useConnectionStore';
import { useLiveStore } from '@/stores/useLiveStore';
import { assetReadingTime, hasSensors, type AssetFacts, type Reading } from './assetReadout';

export function useReadingAge(facts: Ref<AssetFacts | null>, readings: Ref<readonly Reading[]>) {
  const live = useLiveStore();
  const connection = useConnectionStore();
  const feed = useFeedStale();
  const now = useNow();

  const sensors = computed(() => (facts.value ? hasSensors(facts.value.kind) : false));
  /** Client time the shown age counts from; null: the asset has no reading. */
  const since = computed(() => {
    void live.version; // the times change in place
    const f = facts.value;
    const frame = live.frame;
    if (!f || !frame) return null;
    if (!sensors.value) return frame.receivedAt;
    const times = live.readingTimes;
    const t = times ? assetReadingTime(readings.value, times, f.slot) : NaN;
    return t === null ? null : readingSince(t, frame);
  });
  const limitMs = computed(() => {
    const feedLimit = staleAfterMs(connection.tickMs);
    const catalog = live.catalog;
    return sensors.value && facts.value && catalog ? kindStaleAfterMs(catalog.staleAfterMs, facts.value.kind, feedLimit) : feedLimit;
  });
  /** An old reading, or a quiet feed (an asset that never reported has nothing old to mark). */
  const stale = computed(() => feed.stale.value || (since.value !== null && now.value - since.value > limitMs.value));
  const template = computed(() => (sensors.value ? 'detail.measured' : 'detail.updated'));
  return { since, limitMs, stale, template, feedSince: feed.since };
}
