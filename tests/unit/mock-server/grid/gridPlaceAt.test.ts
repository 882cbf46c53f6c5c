import { describe, expect, it } from 'vitest';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { GRID_SEED, gridPlaceAt, unitGridOf } from '../../../../mock-server/grid/gridPlaceAt';
import { buildUnitGrid } from '../../../../mock-server/grid/unitGrid';

const geo = loadCityGeo();

describe('the incident\'s place in the unit grid', () => {
  it('builds the city\'s grid once, with the product\'s fixed seed', () => {
    const grid = unitGridOf(geo.districts);
    expect(unitGridOf(loadCityGeo().districts)).toBe(grid);
    expect(grid.locate(121.4737, 31.2304)).toEqual(buildUnitGrid(geo.districts, GRID_SEED).locate(121.4737, 31.2304));
  });

  it('gives a point on land its cell, responsible grid and street; a point at sea none', () => {
    const placeAt = gridPlaceAt(unitGridOf(geo.districts));
    const place = placeAt(121.4737, 31.2304)!;
    expect(place.cellCode).toMatch(/^310101\d{10}$/);
    expect(place.gridCode).toBe(place.cellCode.slice(0, 12));
    expect(place.streetCode).toBe(place.cellCode.slice(0, 9));
    expect(place.streetName).toMatch(/^黄浦区街道\d\d$/);
    expect(place.streetNameEn).toMatch(/^Huangpu street \d\d$/);
    expect(placeAt(122.6, 30.9)).toBeNull();
  });
});
