import { ScatterplotLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { createLiveLayerSet } from '../../../src/map/liveLayers';
import { LAYER_ORDER } from '../../../src/map/layers/layerOrder';
import { writeRainColors, writeWaterColors } from '../../../src/map/liveColors';
import { capPixelRatio } from '../../../src/map/pixelRatio';
import type { CatalogView } from '../../../src/protocol/catalogView';

const catalog: CatalogView = {
  version: 't',
  districts: [{ code: '310101', name: '黄浦区', nameEn: 'Huangpu' }],
  groups: {
    rainGauge: { kind: 'rainGauge', ids: ['a', 'b'], names: ['甲', '乙'], namesEn: ['A', 'B'], districts: [0, 0], thresholds: {}, positions: Float32Array.from([121.4, 31.2, 121.5, 31.3]), count: 2 },
    waterGauge: { kind: 'waterGauge', ids: ['w'], names: ['水'], namesEn: ['W'], districts: [0], thresholds: { warning: [4.55], danger: [5.05] }, positions: Float32Array.from([121.49, 31.24]), count: 1 },
  },
};
const visible = { 'rain-gauges': true, 'water-gauges': true };

describe('live layers', () => {
  it('builds one ScatterplotLayer per concern, in the declared order, from binary attributes', () => {
    const set = createLiveLayerSet(catalog);
    const layers = set.build({ rain: Float32Array.from([0, 20]), water: Float32Array.from([4.7]) }, { visible, uiScale: 0.5 });
    expect(layers.map((l) => l.id)).toEqual([...LAYER_ORDER]);
    for (const layer of layers) expect(layer).toBeInstanceOf(ScatterplotLayer);
    const data = layers[0].props.data as { length: number; attributes: Record<string, { value: ArrayLike<number> }> };
    expect(data.length).toBe(2);
    expect(data.attributes.getPosition.value).toBe(catalog.groups.rainGauge.positions);
  });

  it('keeps positions and swaps colour buffers between updates (no per-update allocation)', () => {
    const set = createLiveLayerSet(catalog);
    const channels = { rain: Float32Array.from([0, 20]), water: Float32Array.from([3]) };
    const attrs = () => (set.build(channels, { visible, uiScale: 1 })[0].props.data as { attributes: Record<string, unknown> }).attributes;
    const [a, b, c] = [attrs(), attrs(), attrs()];
    expect(a.getPosition).toBe(b.getPosition);
    expect(a.getFillColor).not.toBe(b.getFillColor);
    expect(a.getFillColor).toBe(c.getFillColor);
  });

  it('hides a layer that is switched off', () => {
    const layers = createLiveLayerSet(catalog).build({ rain: new Float32Array(2), water: new Float32Array(1) }, { visible: { ...visible, 'water-gauges': false }, uiScale: 1 });
    expect(layers[1].props.visible).toBe(false);
  });
});

describe('live colours', () => {
  it('colours rain by band, dry gauges translucent', () => {
    const out = new Uint8Array(8);
    writeRainColors([0, 50], out);
    expect(out[3]).toBeLessThan(255);
    expect(Array.from(out.slice(4))).toEqual([230, 40, 230, 255]);
  });

  it('colours water levels against each gauge’s own warning line', () => {
    const out = new Uint8Array(12);
    writeWaterColors([3.0, 4.6, 5.2], [4.55, 4.55, 4.55], [5.05, 5.05, 5.05], out);
    expect(Array.from(out.slice(0, 3))).toEqual([0, 200, 220]);
    expect(Array.from(out.slice(4, 7))).toEqual([255, 140, 0]);
    expect(Array.from(out.slice(8, 11))).toEqual([255, 40, 40]);
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
