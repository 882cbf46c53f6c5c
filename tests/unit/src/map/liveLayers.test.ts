import { IconLayer, LineLayer, ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { AreaLayer } from '@/map/layers/areaLayer';
import { ClosureLayer } from '@/map/layers/closureLayer';
import { DrainageClusterLayer } from '@/map/layers/clusterLayer';
import { IncidentLayer } from '@/map/layers/incidentLayer';
import { LIVE_LAYERS } from '@/map/layers/layerOrder';
import type { LiveFrame } from '@/map/layers/layerSpec';
import { RainFieldLayer } from '@/map/layers/rainFieldLayer';
import { createLiveLayerSet } from '@/map/liveLayers';
import { DEFAULT_VISIBLE } from '@/map/mapLayers';
import { NO_DATA } from '@/map/mapPalette';
import { capPixelRatio } from '@/map/pixelRatio';
import { alarm, closure, everyChannelAt, incident, mapCatalog, mapChannels, mapEvents, TEST_ATLAS } from '../../../support/mapFixtures';

const catalog = mapCatalog();
type Attrs = Record<string, { value: ArrayLike<number>; size?: number }>;
const attributes = (layer: { props: { data: unknown } }) => (layer.props.data as { attributes: Attrs }).attributes;
/** The deck.gl layer that draws a spec (point kinds of one type share one, its id their ids joined by '+'). */
const layerOf = (layers: Layer[], id: string) => layers.find((l) => l.id.split('+').includes(id))!;
/** A spec's run of an attribute of its (possibly shared) layer: the kinds before it in the layer come first. */
function runOf(layers: Layer[], id: string, accessor: string): number[] {
  const layer = layerOf(layers, id);
  const attr = attributes(layer)[accessor];
  const size = attr.size ?? 1;
  let offset = 0;
  for (const other of layer.id.split('+')) {
    const count = catalog.groups[LIVE_LAYERS.find((s) => s.id === other)!.kind!].count;
    if (other === id) return Array.from(attr.value).slice(offset * size, (offset + count) * size);
    offset += count;
  }
  return [];
}

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
    expect(layers.flatMap((l) => l.id.split('+'))).toEqual(LIVE_LAYERS.map((s) => s.id));
    // Point kinds of one type share a layer: the two gauge kinds, the three drainage kinds.
    expect(layers.map((l) => l.id)).toContain('waterGauges+rainGauges');
    expect(layers.map((l) => l.id)).toContain('pumps+underpasses+waterlogging+videoPoints+evacuationPoints+healthSites');
    const byId = (id: string) => layerOf(layers, id);
    expect(byId('rainField')).toBeInstanceOf(RainFieldLayer);
    expect(byId('roads')).toBeInstanceOf(LineLayer);
    expect(byId('closures')).toBeInstanceOf(ClosureLayer);
    expect(byId('rainGauges')).toBeInstanceOf(ScatterplotLayer);
    expect(byId('waterGauges')).toBeInstanceOf(ScatterplotLayer);
    for (const id of ['pumps', 'underpasses', 'waterlogging', 'teams']) expect(byId(id)).toBeInstanceOf(IconLayer);
    expect(byId('drainageClusters')).toBeInstanceOf(DrainageClusterLayer);
    expect(byId('incidents')).toBeInstanceOf(IncidentLayer);
    // The compounds are areas: a layer of their own (./layers/areaLayer.ts).
    expect(byId('compounds')).toBeInstanceOf(AreaLayer);
  });

  it('reads positions from the catalogue (binary attributes, copied together once per catalogue where kinds share a layer)', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const layers = set.build(frame());
    expect(runOf(layers, 'rainGauges', 'getPosition')).toEqual(Array.from(catalog.groups.rainGauge.positions));
    expect(runOf(layers, 'pumps', 'getPosition')).toEqual(Array.from(catalog.groups.pumpStation.positions));
    expect(runOf(layers, 'waterlogging', 'getPosition')).toEqual(Array.from(catalog.groups.waterloggingPoint.positions));
    expect(attributes(layerOf(layers, 'roads')).getSourcePosition.value).toBe(catalog.groups.roadSegment.lines);
    expect(attributes(layerOf(layers, 'teams')).getColor.value).toBeInstanceOf(Uint8Array);
    // Not a copy per update: the next update reads the same arrays.
    const next = set.build(frame({ liveVersion: 2 }));
    expect(attributes(layerOf(next, 'pumps')).getPosition.value).toBe(attributes(layerOf(layers, 'pumps')).getPosition.value);
  });

  it('rebuilds only the layers whose channels changed in an update', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const a = set.build(frame({ changed: everyChannelAt(1) }));
    // Version 2 brought new rain readings only (heavy rain: the gauges change colour).
    const channels = mapChannels(catalog);
    channels.rain.fill(20);
    const b = set.build(frame({ channels, changed: { ...everyChannelAt(1), rain: 2 } }));
    const rebuilt = a.filter((layer, i) => layer !== b[i]).map((l) => l.id);
    expect(rebuilt.sort()).toEqual(['rainField', 'waterGauges+rainGauges']);
  });

  it('rebuilds no layer for readings that change nothing it draws', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const channels = mapChannels(catalog);
    channels.rain.fill(20);
    const a = set.build(frame({ channels }));
    // New readings in every channel, each within its colour band: only the rain field, painted from
    // the readings themselves, is new.
    channels.rain.fill(21);
    const b = set.build(frame({ channels, liveVersion: 2 }));
    expect(a.filter((layer, i) => layer !== b[i]).map((l) => l.id)).toEqual(['rainField']);
  });

  it('hands back the same instance for a layer whose inputs did not change', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const f = frame({ events: mapEvents({ incidents: [incident('i1', 1)] }) });
    const a = set.build(f);
    const b = set.build({ ...f, pulse: 0.5 });
    const changed = a.filter((layer, i) => layer !== b[i]).map((l) => l.id);
    // An animation frame of the pulse rebuilds the incidents and nothing else.
    expect(changed).toEqual(['incidents']);
    // Version 2 brought congested roads.
    const channels = mapChannels(catalog);
    channels['road.index'].fill(9);
    const c = set.build({ ...f, channels, pulse: 0.5, changed: everyChannelAt(2) });
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

  it('switches a point kind off within its shared layer, leaving its neighbours', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const layers = set.build(frame({ zoom: 12, visible: { ...DEFAULT_VISIBLE, pumps: false, rainGauges: false } }));
    expect(runOf(layers, 'pumps', 'getSize').every((s) => s === 0)).toBe(true);
    expect(runOf(layers, 'underpasses', 'getSize').every((s) => s > 0)).toBe(true);
    expect(runOf(layers, 'rainGauges', 'getRadius').every((s) => s === 0)).toBe(true);
    expect(runOf(layers, 'waterGauges', 'getRadius').every((s) => s > 0)).toBe(true);
    expect(layerOf(layers, 'pumps').props.visible).toBe(true);
    expect(set.drawn).toEqual(['rainField', 'roads', 'waterGauges', 'underpasses', 'waterlogging', 'teams']);
    const off = set.build(frame({ zoom: 12, visible: { ...DEFAULT_VISIBLE, pumps: false, underpasses: false, waterlogging: false } }));
    expect(layerOf(off, 'pumps').props.visible).toBe(false);
  });

  it('draws water gauges as rings and rain gauges as dots in their shared layer', () => {
    const channels = mapChannels(catalog);
    channels.rain.fill(20);
    channels.water.fill(5.5);
    const layers = createLiveLayerSet(catalog, TEST_ATLAS).build(frame({ channels }));
    const dark = [4, 11, 22];
    // The ring's fill is the fixed dark, its outline the live colour; the rain dot the other way round.
    expect(runOf(layers, 'waterGauges', 'getFillColor').slice(0, 3)).toEqual(dark);
    expect(runOf(layers, 'waterGauges', 'getLineColor').slice(0, 3)).not.toEqual(dark);
    expect(runOf(layers, 'rainGauges', 'getLineColor').slice(0, 3)).toEqual(dark);
    expect(runOf(layers, 'rainGauges', 'getFillColor').slice(0, 3)).not.toEqual(dark);
    expect(runOf(layers, 'waterGauges', 'getRadius')[0]).toBeGreaterThan(runOf(layers, 'rainGauges', 'getRadius')[0]);
  });

  it('draws a sensor whose reading is stale as no data, repainting when the marks change', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const channels = mapChannels(catalog);
    channels.rain.fill(20);
    channels.water.fill(5.5);
    const marks = (kind: keyof typeof catalog.groups) => new Uint8Array(catalog.groups[kind].count);
    const stale = { rain: marks('rainGauge'), water: marks('waterGauge'), 'pump.state': marks('pumpStation'), 'road.index': marks('roadSegment') };
    const fresh = set.build(frame({ channels, stale, zoom: 12 }));
    expect(runOf(fresh, 'waterGauges', 'getLineColor').slice(0, 3)).not.toEqual([...NO_DATA]);
    for (const m of Object.values(stale)) m[0] = 1;
    // The store stamps each channel whose marks changed, as it does a changed reading.
    const old = set.build(frame({ channels, stale, zoom: 12, liveVersion: 2 }));
    expect(runOf(old, 'waterGauges', 'getLineColor').slice(0, 3)).toEqual([...NO_DATA]);
    expect(runOf(old, 'waterGauges', 'getLineColor').slice(4, 7)).not.toEqual([...NO_DATA]);
    expect(runOf(old, 'rainGauges', 'getFillColor').slice(0, 3)).toEqual([...NO_DATA]);
    expect(runOf(old, 'pumps', 'getColor').slice(0, 3)).toEqual([...NO_DATA]);
    expect(runOf(old, 'roads', 'getColor').slice(0, 3)).toEqual([...NO_DATA]);
    expect(runOf(old, 'roads', 'getColor').slice(4, 7)).not.toEqual([...NO_DATA]);
  });

  it('clusters drainage points below zoom 11.5 and shows them one by one above', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const low = set.build(frame({ zoom: 9 }));
    expect(set.drawn).toContain('drainageClusters');
    // Clustered slots get alpha 0 in their icon layer's colours.
    const pumpAlpha = (layers: typeof low) => runOf(layers, 'pumps', 'getColor').filter((_, i) => i % 4 === 3);
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
    const slot = runOf(calm, 'pumps', 'getColor').findIndex((a, i) => i % 4 === 3 && a === 0) >> 2;
    expect(slot).toBeGreaterThanOrEqual(0);
    const alarmed = set.build(frame({ zoom: 9, events: mapEvents({ alarms: [alarm('pumpStation', slot, 'critical')] }, 2) }));
    // The icon layers keep their cluster masks; the incidents, whose version the fixture bumped with
    // nothing changed in them, keep their layer too.
    expect(alarmed.filter((layer, i) => layer !== calm[i]).map((l) => l.id)).toEqual(['drainageClusters']);
    const onlyAlarms = { ...mapEvents({ alarms: [alarm('pumpStation', slot, 'major')] }, 3), changed: { alarms: 3, incidents: 2, closures: 2 } };
    const again = set.build(frame({ zoom: 9, events: onlyAlarms }));
    expect(again.filter((layer, i) => layer !== alarmed[i]).map((l) => l.id)).toEqual(['drainageClusters']);
    expect(bubbles(alarmed).reduce((n, b) => n + b.alarms, 0)).toBe(1);
  });

  it('lets teams glide between updates unless motion is reduced', () => {
    const set = createLiveLayerSet(catalog, TEST_ATLAS);
    const teams = (smooth: boolean, liveVersion: number) => layerOf(set.build(frame({ smooth, liveVersion })), 'teams');
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
    // The static kinds (none in this catalogue) share the drainage icons' layer.
    const drainage = 'pumps+underpasses+waterlogging+videoPoints+evacuationPoints+healthSites';
    expect(set.pickTarget(drainage, 3)).toEqual({ type: 'asset', kind: 'pumpStation', slot: 3 });
    // The kinds of a shared layer follow one another: the four pumps, then the underpasses.
    expect(set.pickTarget(drainage, 4)).toEqual({ type: 'asset', kind: 'underpass', slot: 0 });
    expect(set.pickTarget(drainage, 99)).toBeNull();
    expect(set.pickTarget('waterGauges+rainGauges', 2)).toEqual({ type: 'asset', kind: 'rainGauge', slot: 0 });
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
