/**
 * Fetches the selected asset's last hour from the server when it is opened and again every
 * `refreshMs` of wall time; a newer selection aborts the older request, and nothing outlives the card.
 */
import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import type { AssetKind } from '@/protocol/assets';
import { apiFetch } from '@/auth/apiFetch';
import { assetHistoryUrl, AssetHistoryResponseSchema, type AssetHistoryResponse } from '@/protocol/assetApi';

export const HISTORY_REFRESH_MS = 60_000;

export type HistoryStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AssetKey {
  kind: AssetKind;
  id: string;
}

export function useAssetHistory(key: Ref<AssetKey | null>, refreshMs = HISTORY_REFRESH_MS) {
  const data = shallowRef<AssetHistoryResponse | null>(null);
  const status = ref<HistoryStatus>('idle');
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function load(k: AssetKey) {
    controller?.abort();
    const mine = (controller = new AbortController());
    if (!data.value) status.value = 'loading';
    try {
      const res = await apiFetch(assetHistoryUrl(k.kind, k.id), { signal: mine.signal, headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const parsed = AssetHistoryResponseSchema.parse(await res.json());
      if (mine.signal.aborted) return;
      data.value = parsed;
      status.value = 'ready';
    } catch {
      if (mine.signal.aborted) return;
      // Keep the last good hour on screen; a later refresh may succeed.
      status.value = data.value ? 'ready' : 'error';
    }
  }

  function stop() {
    controller?.abort();
    controller = null;
    clearInterval(timer);
    timer = undefined;
  }

  watch(
    () => (key.value ? `${key.value.kind}/${key.value.id}` : null),
    () => {
      stop();
      data.value = null;
      const k = key.value;
      status.value = k ? 'loading' : 'idle';
      if (!k) return;
      void load(k);
      timer = setInterval(() => void load(k), refreshMs);
    },
    { immediate: true },
  );
  onScopeDispose(stop);

  return { data, status };
}
