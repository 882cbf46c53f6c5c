import { describe, expect, it } from 'vitest';
import { rainBandOf } from '@/domain/rainBands';
import { waterLevelStateOf } from '@/domain/waterLevel';

describe('rain bands', () => {
  it('follows the hourly grades, with the 36 mm/h drainage line', () => {
    expect(rainBandOf(0).id).toBe('none');
    expect(rainBandOf(0.1).id).toBe('light');
    expect(rainBandOf(2.5).id).toBe('moderate');
    expect(rainBandOf(8).id).toBe('heavy');
    expect(rainBandOf(16).id).toBe('rainstorm');
    expect(rainBandOf(36).id).toBe('overDrainage');
    expect(rainBandOf(70).id).toBe('extreme');
    expect(rainBandOf(NaN).id).toBe('none');
  });
});

describe('water level state', () => {
  it('compares against the gauge’s own lines', () => {
    expect(waterLevelStateOf(4.0, 4.55, 5.05)).toBe('normal');
    expect(waterLevelStateOf(4.3, 4.55, 5.05)).toBe('nearWarning');
    expect(waterLevelStateOf(4.55, 4.55, 5.05)).toBe('warning');
    expect(waterLevelStateOf(5.05, 4.55, 5.05)).toBe('danger');
    expect(waterLevelStateOf(NaN, 4.55, 5.05)).toBe('unknown');
  });
});
