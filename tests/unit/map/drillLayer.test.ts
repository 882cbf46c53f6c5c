import { ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { drillPositions } from '../../../src/map/drillPositions';
import { buildDrillLayer } from '../../../src/map/layers/buildDrillLayer';
import { mapCatalog } from './mapFixtures';

describe('drill-down rings', () => {
  it('puts a ring on every resolved asset and free incident site', () => {
    const catalog = mapCatalog();
    const g = catalog.groups.underpass;
    const positions = drillPositions(catalog, { slots: { underpass: [1] }, points: [[121.1, 31.1]] });
    expect(Array.from(positions)).toEqual([g.positions[2], g.positions[3], Math.fround(121.1), Math.fround(31.1)]);
    const layer = buildDrillLayer({ positions, radiusPx: 12 });
    expect(layer).toBeInstanceOf(ScatterplotLayer);
    expect((layer.props.data as { length: number }).length).toBe(2);
  });

  it('lights teams where they are now, not at their base', () => {
    const catalog = mapCatalog();
    const live = Float32Array.from({ length: catalog.groups.team.count * 2 }, (_, i) => 100 + i);
    expect(Array.from(drillPositions(catalog, { slots: { team: [0] }, points: [] }, live))).toEqual([100, 101]);
  });
});
