import { describe, expect, it } from 'vitest';
import { staticGroup } from '../../../../mock-server/feed/staticGroup';
import { toCatalogView } from '@/protocol/catalogView';

const site = (id: string, attributes: Record<string, number>, texts: Record<string, string> = {}) => ({ id, name: id, nameEn: id, district: 2, lon: 121.4, lat: 31.2, attributes, texts });

describe('a static kind in the catalogue', () => {
  it('carries its fields as columns: numbers as attributes (NaN where missing), links as texts', () => {
    const video = staticGroup('videoPoint', [site('VID-1', {}, { streamUrl: 'https://video.example.com/live/VID-1.m3u8' }), site('VID-2', {})]);
    expect(video.texts).toEqual({ streamUrl: ['https://video.example.com/live/VID-1.m3u8', ''] });
    const evac = staticGroup('evacuationPoint', [site('EVP-1', { capacity: 800 }), site('EVP-2', {})]);
    expect(evac.attributes.capacity[0]).toBe(800);
    expect(evac.attributes.capacity[1]).toBeNaN();
    expect(evac.ids).toEqual(['EVP-1', 'EVP-2']);
  });

  it('reads back as a client group', async () => {
    const { catalogToWire } = await import('../../../../mock-server/feed/catalogToWire');
    const { placeAssets } = await import('../../../../mock-server/city/placeAssets');
    const { loadCityGeo } = await import('../../../../mock-server/city/cityGeo');
    const { createRng } = await import('../../../../mock-server/simulator/rng');
    const assets = placeAssets(loadCityGeo(), createRng(1), { counts: { residentialCompound: 50 } });
    const view = toCatalogView(catalogToWire(assets, 'v'));
    expect(view.groups.healthSite.count).toBe(545);
    expect(view.groups.residentialCompound.count).toBe(50);
    expect(view.groups.videoPoint.texts?.streamUrl).toHaveLength(1000);
    expect(view.groups.healthSite.districts[0]).toBe(assets.statics!.healthSite![0].district);
    // Each compound's outline: its open ring as flat Float32 lon, lat between its starts.
    const { paths } = view.groups.residentialCompound;
    const first = assets.statics!.residentialCompound![0].area!;
    expect(paths!.starts).toHaveLength(51);
    expect(paths!.starts[1]).toBe(first.length);
    expect([...paths!.coords.subarray(0, first.length * 2)]).toEqual(first.flat().map(Math.fround));
    expect(view.groups.healthSite.paths).toBeUndefined();
  });
});
