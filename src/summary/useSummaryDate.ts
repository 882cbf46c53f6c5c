/**
 * The report's day, kept in the URL (`?date=YYYY-MM-DD`) so a link opens the same day. With no date
 * in the URL it puts the newest complete day there (summaryDates.ts's `defaultDate`), from the days
 * the server has and its simulated clock.
 */
import { computed, watch, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { SummaryApi } from './summaryApi';
import { defaultDate } from './summaryDates';

export interface SummaryDate {
  /** The URL's date as written (possibly not a date: the request says so), or null while one is chosen. */
  date: ComputedRef<string | null>;
  /** Opens another day (a new history entry, so Back returns). */
  navigate(date: string): Promise<unknown>;
}

export function useSummaryDate(api: Pick<SummaryApi, 'days' | 'simTime'>): SummaryDate {
  const route = useRoute();
  const router = useRouter();
  const date = computed(() => (typeof route.query.date === 'string' ? route.query.date : null));

  async function chooseDefault(): Promise<void> {
    let days: string[] = [];
    try {
      days = await api.days();
    } catch {
      // No list (older server): fall back to yesterday by the simulated clock.
    }
    const now = (await api.simTime()) ?? Date.now();
    await router.replace({ query: { ...route.query, date: defaultDate(days, now) } });
  }

  watch(
    date,
    (day) => {
      if (day === null) void chooseDefault();
    },
    { immediate: true },
  );

  return { date, navigate: (day) => router.push({ query: { ...route.query, date: day } }) };
}
