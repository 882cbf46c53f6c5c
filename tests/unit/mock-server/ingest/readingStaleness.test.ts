import { describe, expect, it } from 'vitest';
import { DEFAULT_STALE_AFTER_MS, staleAfterByChannel } from '../../../../mock-server/ingest/readingStaleness';
import { CHANNEL_IDS } from '../../../../src/protocol/channels';

describe('reading staleness', () => {
  it('gives every channel the default where no rule watches it for silence', () => {
    const intervals = staleAfterByChannel([{ channel: 'water', frozenAfterS: undefined }]);
    expect(Object.keys(intervals).sort()).toEqual([...CHANNEL_IDS].sort());
    expect(Object.values(intervals).every((ms) => ms === DEFAULT_STALE_AFTER_MS)).toBe(true);
  });

  it("takes the shortest no-data interval of the rules on a channel, longer or shorter than the default", () => {
    const intervals = staleAfterByChannel([
      { channel: 'water', frozenAfterS: 1800 },
      { channel: 'water', frozenAfterS: 1200 },
      { channel: 'rain', frozenAfterS: 300 },
    ]);
    expect([intervals.water, intervals.rain, intervals['pump.level']]).toEqual([1_200_000, 300_000, DEFAULT_STALE_AFTER_MS]);
  });
});
