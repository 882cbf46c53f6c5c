/**
 * `?asset=<id>` opens that asset's detail card once the catalogue has arrived, so a link can point
 * a colleague (or a test) at one underpass or gauge. A moving asset (a team, a muck truck) is shown
 * where it is once the first snapshot says so, not at its home or construction site.
 */
import { watch } from 'vue';
import { ASSET_KINDS, type AssetKind } from '@/protocol/assets';
import { slotOfId } from '@/protocol/catalogView';
import type { ChannelId } from '@/protocol/channels';
import { useLiveStore } from '@/stores/useLiveStore';
import { useMapViewStore } from '@/stores/useMapViewStore';

/** The kinds whose position is live, and its channel (lon, lat per slot). */
const LIVE_POSITION: Partial<Record<AssetKind, ChannelId>> = { team: 'team.pos', muckTruck: 'truck.pos' };

export function useAssetDeepLink(): void {
  const wanted = new URLSearchParams(window.location.search).get('asset');
  if (!wanted) return;
  const live = useLiveStore();
  const mapView = useMapViewStore();
  const followLive = (channel: ChannelId, slot: number) => {
    const stop = watch(
      () => live.channels,
      (channels) => {
        if (!channels) return;
        const [lon, lat] = [channels[channel][slot * 2], channels[channel][slot * 2 + 1]];
        if (Number.isFinite(lon) && Number.isFinite(lat)) mapView.flyTo(lon, lat, 13);
        queueMicrotask(() => stop());
      },
      { immediate: true },
    );
  };
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
          const channel = LIVE_POSITION[kind];
          if (channel) followLive(channel, slot);
          break;
        }
      }
      queueMicrotask(() => stop());
    },
    { immediate: true },
  );
}
