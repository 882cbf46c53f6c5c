/**
 * The summary of the day in `date`, fetched whenever the date changes. Requests can overlap (a user
 * stepping back three days quickly): the newest request wins, and an older answer that arrives late
 * is dropped, so the page never shows one day under another day's title.
 */
import { ref, shallowRef, watch, type Ref } from 'vue';
import type { DailySummary } from '@/protocol/summary';
import { toApiError, type ApiError } from '@/shared/apiClient';
import type { SummaryApi } from './summaryApi';

export interface SummaryRequest {
  summary: Ref<DailySummary | null>;
  error: Ref<ApiError | null>;
  /** A request for the current date is in flight. */
  loading: Ref<boolean>;
  /** Asks again for the current date (after an error). */
  retry(): Promise<void>;
}

export function useSummaryRequest(api: Pick<SummaryApi, 'get'>, date: Readonly<Ref<string | null>>): SummaryRequest {
  const summary = shallowRef<DailySummary | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const loading = ref(false);
  let latest = 0;

  async function load(day: string): Promise<void> {
    const mine = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const s = await api.get(day);
      if (mine !== latest) return;
      summary.value = s;
    } catch (err) {
      if (mine !== latest) return;
      summary.value = null;
      error.value = toApiError(err);
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  // No date yet: the page is choosing one (useSummaryDate); keep what is shown until it has.
  watch(
    date,
    (day) => {
      if (day !== null) void load(day);
    },
    { immediate: true },
  );

  return {
    summary,
    error,
    loading,
    retry: async () => {
      if (date.value !== null) await load(date.value);
    },
  };
}
