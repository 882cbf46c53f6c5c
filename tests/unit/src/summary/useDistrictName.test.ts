// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import { i18n, setLocale } from '@/i18n';
import type { DailySummary } from '@/protocol/summary';
import { useDistrictName } from '@/summary/useDistrictName';
import { makeSummary } from '../../../support/summaryFixture';

describe('useDistrictName', () => {
  it('names a district from the summary in the page’s language, and falls back to its code', () => {
    const summary = ref<DailySummary | null>(makeSummary());
    const scope = effectScope();
    const name = scope.run(() => useDistrictName(summary, () => i18n.global.locale.value))!;
    const pudong = summary.value!.incidents.byDistrict.find((d) => d.nameEn === 'Pudong')!;
    setLocale('zh-CN');
    expect(name(pudong.district)).toBe('浦东新区');
    setLocale('en');
    expect(name(pudong.district)).toBe('Pudong');
    expect(name(9999)).toBe('9999');
    summary.value = null;
    expect(name(pudong.district)).toBe(String(pudong.district));
    setLocale('zh-CN');
    scope.stop();
  });
});
