// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useLiveStore } from '@/stores/useLiveStore';
import { useMapViewStore } from '@/stores/useMapViewStore';
import { miniCatalog, miniSnapshot } from '../../../support/miniCity';

describe('map view store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps the selected asset by id through a new catalogue (a registry change on an open screen), whose snapshot re-sizes the live arrays', () => {
    const live = useLiveStore();
    const view = useMapViewStore();
    const first = miniCatalog({ waterGauge: 2, rainGauge: 1 }, 'first');
    live.setCatalog(first);
    expect(live.applySnapshot(miniSnapshot(first, 3), 1)).toBe(true);
    view.select({ kind: 'waterGauge', slot: 0 });

    // The import added a gauge in front and a rain gauge.
    const next = miniCatalog({ waterGauge: 3, rainGauge: 2 }, 'next');
    next.groups.find((g) => g.kind === 'waterGauge')!.ids = ['waterGauge-new', 'waterGauge-0', 'waterGauge-1'];
    live.setCatalog(next);
    expect(view.selected).toEqual({ kind: 'waterGauge', slot: 1 });
    // A frame of the old catalogue is refused; the new one's snapshot sizes every array anew.
    expect(live.applySnapshot(miniSnapshot(first, 4), 2)).toBe(false);
    expect(live.applySnapshot(miniSnapshot(next, 1), 3)).toBe(true);
    expect([live.channels!.water.length, live.channels!.rain.length]).toEqual([3, 2]);
  });
});
