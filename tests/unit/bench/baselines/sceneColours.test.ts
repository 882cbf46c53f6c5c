import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf, bucketScaleOf, colourChannelOf, NO_DATA } from '../../../../bench/baselines/sceneColours';
import { CHANNELS } from '@/protocol/channels';

describe('baseline scene colours', () => {
  it('colours each kind by a one-value-per-slot channel of that kind', () => {
    expect(colourChannelOf('roadSegment')).toBe('road.speed');
    expect(colourChannelOf('team')).toBe('team.state'); // team.pos has two values per slot
    for (const kind of ['rainGauge', 'pumpStation', 'waterGauge'] as const) expect(CHANNELS[colourChannelOf(kind)!].kind).toBe(kind);
  });

  it('splits measurements into equal steps over the first snapshot, states by code', () => {
    const scale = bucketScaleOf('rain', new Float32Array([0, 10, NaN, 50]));
    expect(bucketOf(scale, 0)).toBe(0);
    expect(bucketOf(scale, 25)).toBe(2);
    expect(bucketOf(scale, 50)).toBe(BUCKETS - 1);
    expect(bucketOf(scale, 500)).toBe(BUCKETS - 1);
    expect(bucketOf(scale, -3)).toBe(0);
    expect(bucketOf(scale, NaN)).toBe(NO_DATA);
    const states = bucketScaleOf('pump.state', new Uint8Array([0, 3]));
    expect(bucketOf(states, 2)).toBe(2);
  });

  it('puts everything in the first bucket when the snapshot has one value', () => {
    const flat = bucketScaleOf('water', new Float32Array([3, 3, NaN]));
    expect(bucketOf(flat, 3)).toBe(0);
    expect(bucketOf(bucketScaleOf('water', new Float32Array([NaN])), 1)).toBe(0);
  });
});
