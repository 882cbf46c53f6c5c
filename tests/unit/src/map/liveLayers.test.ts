import { IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { ClosureLayer } from '@/map/layers/buildClosureLayer';
import { DrainageClusterLayer } from '@/map/layers/buildClusterLayer';
import { IncidentLayer } from '@/map/layers/buildIncidentLayer';
import { RainFieldLayer } from '@/map/layers/buildRainFieldLayer';
import { LAYER_ORDER } from '@/map/layers/layerOrder';
import { createLiveLayerSet, type LiveFrame } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { capPixelRatio } from '@/map/pixelRatio';
import { alarm, closure, everyChannelAt, incident, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../support/mapFixtures';

const catalog = mapCatalog();
type Attrs = Record<string, { value: ArrayLike<number>; size?: number }>;
const attributes = (layer: { props: { data: unknown } }) => (layer.props.data as { attributes: Attrs }).attributes;

/** `liveVersion`: every channel changed at that version (the usual update); `changed` says per channel. */
function frame({ liveVersion = 1, ...over }: Partial<LiveFrame> & { liveVersion?: number } = {}): LiveFrame {
  return {
    channels: mapChannels(catalog),
    changed: everyChannelAt(liveVersion),
    events: mapEvents(),
    visible: { ...DEFAULT_VISIBLE },
    zoom: 9,
    uiScale: 0.5,
    pulse: 0,
    tickMs: 1000,
    smooth: true,
    ...over,
  };
}

describe('live layer set', () => {
  it('builds one layer per concern, in the declared draw order, of the right class', () => {
    const layers = createLiveLayerSet(catalog, TEST_ATLAS).build(frame());
    expect(layers.map((l) => l.id)).toEqual([...LAYER_ORDER]);
    const byId = Object.fromEntries(layers.map((l) => [l.id, l]));
    expect(byId.rainField).toBeInstanceOf(RainFieldLayer);
    expect(byId.roads).toBeInstanceOf(LineLayer);
    expect(byId.closures).toBeInstanceOf(ClosureLayer);
    expect(byId.rainGauges).toBeInstanceOf(ScatterplotLayer);
    expect(byId.waterGauges).toBeInstanceOf(ScatterplotLayer);
    for (const id of ['pumps', 'underpasses', 'waterlogging', 'teams']) expect(byId[id]).toBeInstanceOf(IconLayer);
    expect(byId.drainageClusters).toBeInstanceOf(DrainageClusterLayer);
    expect(byId.incidents).toBeInstanceOf(IncidentLayer);
  });

  it('reads positions straight from the catalogue (binary attributes, no copies)', () => {
    const layers = createLiveLayerSet(catalog, TEST_ATLAS).build(frame());
    const byId = Object.fromEntries(layers.map((l) => [l.id, l]));
    expect(attributes(byId.rainGauges).getPosition.value).toBe(catalog.groups.rainGauge.positions);
    expect(attributes(byId.pumps).getPosition.value).toBe(catalog.groups.pumpStation.positions);
    expect(attributes(byId.roads).getSourcePosition.value).toBe(catalog.groups.roadSegment.lines);
    expect(attributes(byId.teams).getColor.value).toBeInstanceOf(Uint8Array);
  });

  it('rebuilds only the layers whose channels changed in an update', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const a = set.build(frame({ changed: everyChannelAt(1) }));
    // Version 2 brought new rain readings only.
    const b = set.build(frame({ changed: { ...everyChannelAt(1), rain: 2 } }));
    const rebuilt = a.filter((layer, i) => layer !== b[i]).map((l) => l.id);
    expect(rebuilt.sort()).toEqual(['rainField', 'rainGauges']);
  });

  it('hands back the same instance for a layer whose inputs did not change', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const f = frame({ events: mapEvents({ incidents: [incident('i1', 1)] }) });
    const a = set.build(f);
    const b = set.build({ ...f, pulse: 0.5 });
    const changed = a.filter((layer, i) => layer !== b[i]).map((l) => l.id);
    // An animation frame of the pulse rebuilds the incidents and nothing else.
    expect(changed).toEqual(['incidents']);
    const c = set.build({ ...f, pulse: 0.5, changed: everyChannelAt(2) });
    expect(c.find((l) => l.id === 'incidents')).toBe(b.find((l) => l.id === 'incidents'));
    expect(c.find((l) => l.id === 'roads')).not.toBe(b.find((l) => l.id === 'roads'));
  });

  it('hides switched-off layers and lists only the drawn ones', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const layers = set.build(frame({ visible: { ...DEFAULT_VISIBLE, roads: false, teams: false } }));
    expect(layers.find((l) => l.id === 'roads')!.props.visible).toBe(false);
    expect(set.drawn).not.toContain('roads');
    expect(set.drawn).not.toContain('teams');
    expect(set.drawn).toContain('rainField');
    // Switched on but with nothing to draw: not listed.
    expect(set.drawn).not.toContain('closures');
    expect(set.drawn).not.toContain('incidents');
  });

  it('clusters drainage points below zoom 11.5 and shows them one by one above', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const low = set.build(frame({ zoom: 9 }));
    expect(set.drawn).toContain('drainageClusters');
    // Clustered slots get alpha 0 in their icon layer's colours.
    const pumpAlpha = (layers: typeof low) => Array.from(attributes(layers.find((l) => l.id === 'pumps')!).getColor.value).filter((_, i) => i % 4 === 3);
    expect(pumpAlpha(low).some((a) => a === 0)).toBe(true);
    const high = set.build(frame({ zoom: 12, liveVersion: 2 }));
    expect(set.drawn).not.toContain('drainageClusters');
    expect(pumpAlpha(high).every((a) => a === 255)).toBe(true);
  });

  it('redraws only the clusters when a drainage alarm is raised (the clusters do not move)', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const calm = set.build(frame({ zoom: 9, events: mapEvents({}, 1) }));
    const bubbles = (layers: typeof calm) => (layers.find((l) => l.id === 'drainageClusters')!.props as unknown as { bubbles: { worst: number; alarms: number }[] }).bubbles;
    expect(bubbles(calm).every((b) => b.alarms === 0)).toBe(true);
    const slot = Array.from(attributes(calm.find((l) => l.id === 'pumps')!).getColor.value).findIndex((a, i) => i % 4 === 3 && a === 0) >> 2;
    expect(slot).toBeGreaterThanOrEqual(0);
    const alarmed = set.build(frame({ zoom: 9, events: mapEvents({ alarms: [alarm('pumpStation', slot, 'critical')] }, 2) }));
    // The icon layers keep their cluster masks (the incidents too: the fixture says every collection changed).
    expect(alarmed.filter((layer, i) => layer !== calm[i]).map((l) => l.id)).toEqual(['drainageClusters', 'incidents']);
    const onlyAlarms = { ...mapEvents({ alarms: [alarm('pumpStation', slot, 'major')] }, 3), changed: { alarms: 3, incidents: 2, closures: 2 } };
    const again = set.build(frame({ zoom: 9, events: onlyAlarms }));
    expect(again.filter((layer, i) => layer !== alarmed[i]).map((l) => l.id)).toEqual(['drainageClusters']);
    expect(bubbles(alarmed).reduce((n, b) => n + b.alarms, 0)).toBe(1);
  });

  it('lets teams glide between updates unless motion is reduced', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const teams = (smooth: boolean, liveVersion: number) => set.build(frame({ smooth, liveVersion })).find((l) => l.id === 'teams')!;
    expect(teams(true, 1).props.transitions).toMatchObject({ getPosition: { duration: 1000 } });
    expect(teams(false, 2).props.transitions).toBeFalsy();
  });

  it('draws closed segments from closure notices and the road.closed channel', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const channels = mapChannels(catalog);
    channels['road.closed'][4] = 1;
    const layers = set.build(frame({ channels, events: mapEvents({ closures: [closure('c1', [1, 2])] }) }));
    const closures = layers.find((l) => l.id === 'closures') as ClosureLayer;
    expect(Array.from(closures.props.segments.slots)).toEqual([1, 2, 4]);
    expect(set.pickTarget('closures', 2)).toEqual({ type: 'asset', kind: 'roadSegment', slot: 4 });
    // The notice's sign stands for the flooded underpass behind it.
    expect(set.pickTarget('closures', 0, 'closures-notices')).toEqual({ type: 'asset', kind: 'underpass', slot: 0 });
    expect(set.drawn).toContain('closures');
  });

  it('maps picked indices to what they stand for', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    set.build(frame({ events: mapEvents({ incidents: [incident('low', 4), incident('urgent', 1)], alarms: [alarm('pumpStation', 0, 'major')] }) }));
    expect(set.pickTarget('pumps', 3)).toEqual({ type: 'asset', kind: 'pumpStation', slot: 3 });
    expect(set.pickTarget('pumps', 99)).toBeNull();
    expect(set.pickTarget('roads', 0)).toEqual({ type: 'asset', kind: 'roadSegment', slot: 0 });
    // Most urgent last (drawn on top).
    expect(set.pickTarget('incidents', 1)).toEqual({ type: 'incident', id: 'urgent' });
    expect(set.hasUrgentIncidents).toBe(true);
    expect(set.pickTarget('rainField', 0)).toBeNull();
  });
});

describe('pixel ratio cap', () => {
  it('never draws more device pixels than a 4K screen has', () => {
    expect(capPixelRatio(1, 3840, 2160)).toBe(1);
    expect(capPixelRatio(2, 3840, 2160)).toBe(1);
    expect(capPixelRatio(1.5, 2560, 1440)).toBeCloseTo(1.5);
  });

  it('allows up to 2× on small screens and never less than 1', () => {
    expect(capPixelRatio(3, 800, 600)).toBe(2);
    expect(capPixelRatio(0, 1920, 1080)).toBe(1);
  });
});
