import { beforeAll, describe, expect, it } from 'vitest';
import type { AssetRecord } from '../../../../mock-server/assets/assetRecord';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo, type CityGeo } from '../../../../mock-server/city/cityGeo';
import { cityOfRecords } from '../../../../mock-server/city/cityOfRecords';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { recordsOfCity } from '../../../../mock-server/city/recordsOfCity';
import { catalogToWire } from '../../../../mock-server/feed/catalogToWire';
import { createRng } from '../../../../mock-server/simulator/rng';

let geo: CityGeo;
let placed: CityAssets;
beforeAll(() => {
  geo = loadCityGeo();
  placed = placeAssets(geo, createRng(7));
});

const own = (kind: AssetRecord['kind'], id: string, lon: number, lat: number, extra: Partial<AssetRecord> = {}): AssetRecord => ({
  kind,
  id,
  name: `${id} 站`,
  nameEn: null,
  district: '310101',
  lon,
  lat,
  line: null,
  thresholds: {},
  attributes: {},
  simulator: null,
  ...extra,
});

const road = (id: string, a: [number, number], b: [number, number]) =>
  own('roadSegment', id, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, { line: [a, b], attributes: { roadClass: 'arterial' } });

describe('cityOfRecords', () => {
  it("gives back the simulator's city slot for slot from its records", () => {
    const back = cityOfRecords(recordsOfCity(placed), placed.districts);
    expect(back).toEqual(placed);
    expect(catalogToWire(back, 'v')).toEqual(catalogToWire(placed, 'v'));
  });

  it("keeps the road graph's node numbers whatever order the segments come in", () => {
    const records = recordsOfCity(placed).filter((r) => r.kind === 'roadSegment');
    const back = cityOfRecords([...records].reverse(), placed.districts).roads;
    const last = placed.roads.segmentCount - 1;
    expect(back.nodeLonLat).toEqual(placed.roads.nodeLonLat);
    expect([back.from[0], back.to[0]]).toEqual([placed.roads.from[last], placed.roads.to[last]]);
  });

  it("derives a city's own assets' parameters: shared road ends, nearest junction, inland gauge, references by id", () => {
    const records = [
      own('waterGauge', 'W1', 121.49, 31.23, { thresholds: { warning: 3.6, danger: 4.1 } }),
      own('pumpStation', 'P1', 121.48, 31.22, { thresholds: { start: 2, stop: 0.8 }, attributes: { capacityM3s: 3.5 } }),
      road('R1', [121.47, 31.22], [121.48, 31.22]),
      road('R2', [121.48, 31.22], [121.48, 31.23]),
      own('underpass', 'U1', 121.475, 31.22, { attributes: { road: 'R2', pump: 'P1' } }),
      own('team', 'T1', 121.4801, 31.2299, { attributes: { teamType: 'repairCrew' } }),
    ];
    const city = cityOfRecords(records, placed.districts);
    expect(city.waterGauges[0]).toMatchObject({ regime: 'inland', tideAmplitude: 0, warning: 3.6, danger: 4.1, nameEn: 'W1 站', district: 0 });
    expect(city.waterGauges[0].meanLevel).toBeCloseTo(2.95);
    expect(city.roads.nodeCount).toBe(3);
    expect(Array.from(city.roads.to)).toEqual([1, 2]);
    expect(Array.from(city.roads.from)).toEqual([0, 1]);
    expect(city.roads.ids).toEqual(['R1', 'R2']);
    expect(city.roads.lengthKm[0]).toBeCloseTo(0.952, 2);
    expect(city.underpasses[0]).toMatchObject({ segment: 1, pump: 0, susceptibility: 1 });
    expect(city.teams[0]).toMatchObject({ type: 'repairCrew', baseNode: 2 });
    expect(city.elevators.count).toBe(0);
  });

  it('lists named elevators and refuses a district the city lacks', () => {
    const lift = own('elevator', 'LIFT-A', 121.5, 31.2, { name: '一号梯', nameEn: 'Lift 1', attributes: { use: 'office' } });
    const fleet = cityOfRecords([lift], placed.districts).elevators;
    expect(fleet.named).toEqual({ ids: ['LIFT-A'], names: ['一号梯'], namesEn: ['Lift 1'] });
    expect(Array.from(fleet.use)).toEqual([1]);
    const view = catalogToWire(cityOfRecords([lift], placed.districts), 'v').groups.find((g) => g.kind === 'elevator')!;
    expect([view.ids, view.naming]).toEqual([['LIFT-A'], undefined]);
    expect(() => cityOfRecords([{ ...lift, district: '999999' }], placed.districts)).toThrow(/999999/);
  });
});
