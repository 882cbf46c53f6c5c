import { describe, expect, it } from 'vitest';
import { createIncidentCache } from '@/map/incidentCache';
import { incident } from '../../../support/mapFixtures';

describe('incident cache', () => {
  it('repacks when the incidents change, and keeps its arrays when nothing drawn changed', () => {
    const cache = createIncidentCache();
    const a = incident('a', 2);
    cache.update(new Map([['a', a]]), 1);
    const packed = cache.arrays;
    const version = cache.version;
    expect(packed.ids).toEqual(['a']);
    // A new version of the collection with the same incident drawn the same (say, a note added).
    cache.update(new Map([['a', { ...a }]]), 2);
    expect(cache.arrays).toBe(packed);
    expect(cache.version).toBe(version);
    cache.update(new Map([['a', { ...a, status: 'dispatched' }]]), 3);
    expect(cache.arrays).not.toBe(packed);
    expect(cache.version).toBeGreaterThan(version);
  });
});
