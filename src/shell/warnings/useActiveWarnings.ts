/** The weather warnings in force, from the events store, checked against simulated time. */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useLiveStore } from '@/stores/useLiveStore';
import { activeWarnings, tickerItems } from './activeWarnings';

export function useActiveWarnings() {
  const { t, locale } = useI18n();
  const events = useCityEventsStore();
  const live = useLiveStore();
  const list = computed(() => {
    void events.version; // the Map changes in place; the version says when
    return activeWarnings(events.warnings.values(), live.frame?.simTime ?? null);
  });
  const items = computed(() => tickerItems(list.value, { t, en: locale.value === 'en', districts: live.catalog?.districts ?? [] }));
  return { list, items };
}
