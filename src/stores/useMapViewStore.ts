/**
 * What the map should show and where it should look: layer visibility (remembered per browser, or
 * from `?layers=a,b` for a kiosk link), the selected asset for the detail card, and camera requests
 * from elsewhere (the alarm spotlight flies the map to a new alarm and back).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import type { AssetKind } from '@/protocol/assets';
import { carrySelection } from '@/detail/carrySelection';
import { DEFAULT_VISIBLE, MAP_LAYERS, type MapLayerId } from '@/map/mapLayers';
import { useLiveStore } from './useLiveStore';

const STORAGE_KEY = 'cityops.layers';

export interface FocusRequest {
  /** Increments per request so the same place can be asked for twice. */
  id: number;
  lon: number;
  lat: number;
  zoom: number;
}

export interface AssetSelection {
  kind: AssetKind;
  slot: number;
}

function initialVisibility(): Record<MapLayerId, boolean> {
  const fromUrl = new URLSearchParams(window.location.search).get('layers');
  if (fromUrl !== null) {
    const wanted = new Set(fromUrl.split(',').map((s) => s.trim()));
    return Object.fromEntries(MAP_LAYERS.map((id) => [id, wanted.has(id)])) as Record<MapLayerId, boolean>;
  }
  try {
    const stored = JSON.parse(window.localStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<Record<MapLayerId, boolean>> | null;
    return { ...DEFAULT_VISIBLE, ...(stored ?? {}) };
  } catch {
    return { ...DEFAULT_VISIBLE };
  }
}

export const useMapViewStore = defineStore('mapView', () => {
  const visible = ref<Record<MapLayerId, boolean>>(initialVisibility());
  const focus = shallowRef<FocusRequest | null>(null);
  /** A request to go back to the whole-city view. */
  const overview = ref(0);
  const selected = shallowRef<AssetSelection | null>(null);
  /** The indicator whose assets are lit on the map (drill-down), or null. */
  const drilled = ref<string | null>(null);
  let requests = 0;
  // A new catalogue (the registry changed) keeps the card on the same asset by id, or closes it; at
  // once, so nothing renders the old slot against the new catalogue.
  const live = useLiveStore();
  watch(
    () => live.catalog,
    (after, before) => (selected.value = carrySelection(selected.value, before, after)),
    { flush: 'sync' },
  );

  function setVisible(id: MapLayerId, on: boolean) {
    visible.value = { ...visible.value, [id]: on };
    window.localStorage?.setItem(STORAGE_KEY, JSON.stringify(visible.value));
  }

  function flyTo(lon: number, lat: number, zoom = 13) {
    focus.value = { id: ++requests, lon, lat, zoom };
  }

  function returnToOverview() {
    focus.value = null;
    overview.value++;
  }

  function select(selection: AssetSelection | null) {
    selected.value = selection;
  }

  /** Lights the assets of an indicator on the map; the same id again, or null, turns it off. */
  function drill(indicatorId: string | null) {
    drilled.value = indicatorId === drilled.value ? null : indicatorId;
  }

  return { visible, focus, overview, selected, drilled, setVisible, flyTo, returnToOverview, select, drill };
});
