import { describe, expect, it } from 'vitest';
import type { IncidentGridPlace } from '@/protocol/cityEvents';
import { gridPlaceText, streetNameOf } from '@/incidents/gridPlaceText';

const place: IncidentGridPlace = {
  cellCode: '3101151030270042',
  gridCode: '310115103027',
  streetCode: '310115103',
  streetName: '浦东新区镇03',
  streetNameEn: 'Pudong town 03',
};

describe('an incident\'s unit-grid place on screen', () => {
  it('names the street in the language shown', () => {
    expect(streetNameOf(place, false)).toBe('浦东新区镇03');
    expect(streetNameOf(place, true)).toBe('Pudong town 03');
  });

  it('gives the card the street and the 16-digit cell code', () => {
    expect(gridPlaceText(place, false)).toBe('浦东新区镇03 · 3101151030270042');
    expect(gridPlaceText(place, true)).toBe('Pudong town 03 · 3101151030270042');
  });
});
