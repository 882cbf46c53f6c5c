// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import type { DailySummary } from '@/protocol/summary';
import { ApiError } from '@/shared/apiClient';
import { useSummaryRequest } from '@/summary/useSummaryRequest';
import { makeSummary } from '../../../support/summaryFixture';

/** An api whose answers the test releases one by one, in any order. */
function heldApi() {
  const held = new Map<string, { resolve: (s: DailySummary) => void; reject: (e: unknown) => void }>();
  const api = {
    get: (date: string) => new Promise<DailySummary>((resolve, reject) => held.set(date, { resolve, reject })),
  };
  return { api, held };
}

const daySummary = (date: string): DailySummary => ({ ...makeSummary(), date });

describe('useSummaryRequest', () => {
  it('asks for the date, and again whenever it changes; none while there is no date', async () => {
    const { api, held } = heldApi();
    const date = ref<string | null>(null);
    const scope = effectScope();
    const r = scope.run(() => useSummaryRequest(api, date))!;
    expect(held.size).toBe(0);
    date.value = '2026-07-15';
    await flushPromises();
    expect(r.loading.value).toBe(true);
    held.get('2026-07-15')!.resolve(daySummary('2026-07-15'));
    await flushPromises();
    expect([r.summary.value?.date, r.loading.value, r.error.value]).toEqual(['2026-07-15', false, null]);
    scope.stop();
  });

  it('lets the newest request win when an older answer arrives late', async () => {
    const { api, held } = heldApi();
    const date = ref<string | null>('2026-07-15');
    const scope = effectScope();
    const r = scope.run(() => useSummaryRequest(api, date))!;
    date.value = '2026-07-14';
    await flushPromises();
    held.get('2026-07-14')!.resolve(daySummary('2026-07-14'));
    await flushPromises();
    // The first day's answer (and a failure of it) comes after: neither replaces the newer day.
    held.get('2026-07-15')!.resolve(daySummary('2026-07-15'));
    await flushPromises();
    expect(r.summary.value?.date).toBe('2026-07-14');
    expect(r.loading.value).toBe(false);
    scope.stop();
  });

  it('keeps the loading flag for the newest request only, and turns any failure into an ApiError', async () => {
    const { api, held } = heldApi();
    const date = ref<string | null>('2026-07-15');
    const scope = effectScope();
    const r = scope.run(() => useSummaryRequest(api, date))!;
    date.value = '2026-07-14';
    await flushPromises();
    held.get('2026-07-15')!.reject(new ApiError(404, 'NOT_FOUND', 'stale'));
    await flushPromises();
    expect([r.loading.value, r.error.value]).toEqual([true, null]);
    held.get('2026-07-14')!.reject(new TypeError('Failed to fetch'));
    await flushPromises();
    expect(r.loading.value).toBe(false);
    expect(r.summary.value).toBeNull();
    expect(r.error.value).toBeInstanceOf(ApiError);
    expect([r.error.value?.status, r.error.value?.code, r.error.value?.message]).toEqual([0, 'NETWORK', 'Failed to fetch']);

    const retried = r.retry();
    await flushPromises();
    expect(r.error.value).toBeNull();
    held.get('2026-07-14')!.resolve(daySummary('2026-07-14'));
    await retried;
    expect(r.summary.value?.date).toBe('2026-07-14');
    scope.stop();
  });
});
