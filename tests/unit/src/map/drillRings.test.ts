import { ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { drillPositions } from '@/map/drillPositions';
import { createDrillRings } from '@/map/drillRings';
import type { ChannelId } from '@/protocol/channels';
import type { IndicatorSpec } from '@/protocol/vitals';
import { buildDrillLayer } from '@/map/layers/buildDrillLayer';
import { everyChannelAt, mapCatalog, mapChannels } from '../../../support/mapFixtures';

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

describe('drill rings over time', () => {
  const spec: IndicatorSpec = {
    id: 'infra.deepUnderpasses',
    dimension: 'infrastructure',
    name: '积水≥25 cm下立交',
    nameEn: 'Underpasses ≥ 25 cm',
    unit: '座',
    direction: 'up',
    warning: 1,
    alarm: 3,
    definition: '',
    definitionEn: '',
    digits: 0,
    drill: { type: 'channel', kind: 'underpass', channel: 'underpass.depth', op: 'gte', value: 25 },
  };
  const catalog = { ...mapCatalog(), indicators: [spec] };
  const channels = mapChannels(catalog);
  const state = (changedAt: Record<ChannelId, number>, drilled: string | null = spec.id) => ({
    drilled,
    catalog,
    channels,
    changedAt,
    alarms: [],
    incidents: [],
    eventsChangedAt: { alarms: 1, incidents: 1 },
    uiScale: 0.5,
  });

  it('keeps the same layer while the rings stay put, and makes a new one when they move', () => {
    const rings = createDrillRings();
    channels['underpass.depth'][1] = 30;
    const first = rings.layer(state(everyChannelAt(1)));
    expect(first).toBeInstanceOf(ScatterplotLayer);
    expect(rings.count).toBe(1);
    // Other channels changed: nothing to resolve again.
    expect(rings.layer(state({ ...everyChannelAt(1), rain: 2 }))).toBe(first);
    // The depths changed but the same underpass is still the only deep one: same rings, same layer.
    channels['underpass.depth'][0] = 10;
    expect(rings.layer(state({ ...everyChannelAt(1), 'underpass.depth': 2 }))).toBe(first);
    channels['underpass.depth'][0] = 40;
    const moved = rings.layer(state({ ...everyChannelAt(1), 'underpass.depth': 3 }));
    expect(moved).not.toBe(first);
    expect(rings.count).toBe(2);
    expect(rings.layer(state(everyChannelAt(3), null))).toBeNull();
    expect(rings.count).toBe(0);
  });
});
