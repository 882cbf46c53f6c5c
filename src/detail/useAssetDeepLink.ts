/**
 * `?asset=<id>` opens that asset's detail card once the catalogue has arrived, so a link can point
 * a colleague (or a test) at one underpass or gauge.
 */
import { watch } from 'vue';
import { ASSET_KINDS } from '@/protocol/assets';
import { slotOfId } from '@/protocol/catalogView';
import { useLiveStore } from '@/stores/useLiveStore';
import { useMapViewStore } from '@/stores/useMapViewStore';

export function useAssetDeepLink(): void {
  const wanted = new URLSearchParams(window.location.search).get('asset');
  if (!wanted) return;
  const live = useLiveStore();
  const mapView = useMapViewStore();
  const stop = watch(
    () => live.catalog,
    (catalog) => {
      if (!catalog) return;
      for (const kind of ASSET_KINDS) {
        const slot = slotOfId(catalog.groups[kind], wanted);
        if (slot >= 0) {
          mapView.select({ kind, slot });
          const [lon, lat] = [catalog.groups[kind].positions[slot * 2], catalog.groups[kind].positions[slot * 2 + 1]];
          mapView.flyTo(lon, lat, 13);
          break;
        }
      }
      queueMicrotask(() => stop());
    },
    { immediate: true },
  );
}
