/** The static catalogue as it goes on the wire: column arrays, positions as one Float32 buffer. */
import type { WireAssetGroup, WireCatalog } from '../../src/protocol/assets';
import type { CityAssets, Site } from '../city/assets';

function columns(sites: Site[]): Omit<WireAssetGroup, 'kind' | 'thresholds'> {
  const positions = new Float32Array(sites.length * 2);
  sites.forEach((s, i) => {
    positions[i * 2] = s.lon;
    positions[i * 2 + 1] = s.lat;
  });
  return {
    ids: sites.map((s) => s.id),
    names: sites.map((s) => s.name),
    namesEn: sites.map((s) => s.nameEn),
    districts: sites.map((s) => s.district),
    positions: new Uint8Array(positions.buffer),
  };
}

export function catalogVersionOf(seed: number, assets: CityAssets): string {
  return `s${seed}-rg${assets.rainGauges.length}-wl${assets.waterGauges.length}`;
}

export function catalogToWire(assets: CityAssets, version: string): WireCatalog {
  return {
    version,
    districts: assets.districts,
    groups: [
      { kind: 'rainGauge', ...columns(assets.rainGauges), thresholds: {} },
      {
        kind: 'waterGauge',
        ...columns(assets.waterGauges),
        thresholds: {
          warning: assets.waterGauges.map((g) => g.warning),
          danger: assets.waterGauges.map((g) => g.danger),
        },
      },
    ],
  };
}
