import { describe, expect, it } from 'vitest';
import { carrySelection } from '@/detail/carrySelection';
import { toCatalogView } from '@/protocol/catalogView';
import { miniCatalog } from '../../../support/miniCity';

describe('carrySelection', () => {
  const before = toCatalogView(miniCatalog({ waterGauge: 3 }, 'before'));
  // The registry change put the gauges in reverse order.
  const wire = miniCatalog({ waterGauge: 3 }, 'after');
  wire.groups.find((g) => g.kind === 'waterGauge')!.ids.reverse();
  const after = toCatalogView(wire);

  it('keeps the same asset, found by id at its new slot', () => {
    expect(carrySelection({ kind: 'waterGauge', slot: 0 }, before, after)).toEqual({ kind: 'waterGauge', slot: 2 });
  });

  it('closes the card when the asset is gone', () => {
    const fewer = toCatalogView(miniCatalog({ waterGauge: 1 }, 'fewer'));
    expect(carrySelection({ kind: 'waterGauge', slot: 2 }, before, fewer)).toBeNull();
  });

  it('leaves the selection alone on the first catalogue or the same one, and with nothing selected', () => {
    expect(carrySelection({ kind: 'waterGauge', slot: 1 }, null, before)).toEqual({ kind: 'waterGauge', slot: 1 });
    expect(carrySelection({ kind: 'waterGauge', slot: 1 }, before, before)).toEqual({ kind: 'waterGauge', slot: 1 });
    expect(carrySelection(null, before, after)).toBeNull();
  });
});
