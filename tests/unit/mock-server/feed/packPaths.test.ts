import { describe, expect, it } from 'vitest';
import { packPaths } from '../../../../mock-server/feed/packPaths';
import { toArrayBuffer, toFloat32 } from '@/protocol/binary';

describe('packPaths', () => {
  it('puts every slot’s vertices in one Float32 array, with count + 1 Uint32 starts', () => {
    const { starts, coords } = packPaths([[1, 2, 3, 4, 5, 6], [], [7, 8, 9, 10]]);
    expect([...new Uint32Array(toArrayBuffer(starts))]).toEqual([0, 3, 3, 5]);
    expect([...toFloat32(coords)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
