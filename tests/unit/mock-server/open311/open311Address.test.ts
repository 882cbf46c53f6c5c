import { describe, expect, it } from 'vitest';
import { open311AddressOf } from '../../../../mock-server/open311/open311Address';

const districts = [
  { code: '310101', name: '黄浦区', nameEn: 'Huangpu' },
  { code: '310115', name: '浦东新区', nameEn: 'Pudong' },
];
const grid = { cellCode: '3101150030020041', gridCode: '310115003002', streetCode: '310115003', streetName: '浦东新区街道03', streetNameEn: 'Pudong subdistrict 03' };

describe('a service request’s address', () => {
  it('names the street the unit grid located it in, both languages, with the unit cell as its id', () => {
    expect(open311AddressOf({ district: 1, grid }, districts)).toEqual({ address: '浦东新区街道03 Pudong subdistrict 03', address_id: '3101150030020041' });
  });

  it('names only the district for an incident kept before the grid, or off it', () => {
    expect(open311AddressOf({ district: 0 }, districts)).toEqual({ address: '黄浦区 Huangpu', address_id: null });
    expect(open311AddressOf({ district: 0, grid: null }, districts)).toEqual({ address: '黄浦区 Huangpu', address_id: null });
  });

  it('says nothing where no district is known', () => {
    expect(open311AddressOf({ district: -1, grid: null }, districts)).toEqual({ address: null, address_id: null });
  });
});
