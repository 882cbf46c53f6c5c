/**
 * District names for the report's tables: a summary names each district it mentions (incidents by
 * district, rainfall totals), so the page reads names from the summary itself, in its language.
 */
import { computed, type Ref } from 'vue';
import type { DailySummary } from '@/protocol/summary';

/** `locale` is read on each call, so names follow a language switch. */
export function useDistrictName(summary: Readonly<Ref<DailySummary | null>>, locale: () => string): (code: number) => string {
  const names = computed(() => {
    const byCode = new Map<number, { name: string; nameEn: string }>();
    const s = summary.value;
    if (s) for (const d of [...s.incidents.byDistrict, ...s.flood.rainfall.districtTotals]) byCode.set(d.district, d);
    return byCode;
  });
  return (code) => {
    const d = names.value.get(code);
    return d ? (locale() === 'en' ? d.nameEn : d.name) : String(code);
  };
}
