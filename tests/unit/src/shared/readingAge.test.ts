import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS, type ChannelId } from '@/protocol/channels';
import { kindStaleAfterMs, readingAgeMs, readingSince, SENSOR_CHANNELS, writeStaleMask } from '@/shared/readingAge';

const MIN = 60_000;
const SIM = Date.UTC(2026, 6, 15, 6, 0);
/** A frame of source time SIM that arrived at client time 1,000,000. */
const frame = { simTime: SIM, receivedAt: 1_000_000 };

describe('reading age', () => {
  it("takes an asset's limit from the catalogue's intervals: the shortest of its kind's sensor channels", () => {
    const intervals = { ...(Object.fromEntries(CHANNEL_IDS.map((id) => [id, 15 * MIN])) as Record<ChannelId, number>), 'pump.level': 5 * MIN, 'pump.flow': 7 * MIN };
    expect(kindStaleAfterMs(intervals, 'rainGauge', 99)).toBe(15 * MIN);
    expect(kindStaleAfterMs(intervals, 'pumpStation', 99)).toBe(5 * MIN);
    // Teams report no sensor channel: the caller's limit.
    expect(kindStaleAfterMs({ ...intervals, 'team.state': MIN }, 'team', 99)).toBe(99);
  });

  it('counts from when the reading was measured, and goes on counting while no frame comes', () => {
    // Measured 3 min before its frame, which arrived 5 s ago.
    expect(readingAgeMs(SIM - 3 * MIN, frame, frame.receivedAt + 5000)).toBe(3 * MIN + 5000);
    expect(readingSince(SIM - 3 * MIN, frame)).toBe(frame.receivedAt - 3 * MIN);
    // Not fed from outside: measured at the frame's time.
    expect(readingAgeMs(NaN, frame, frame.receivedAt + 5000)).toBe(5000);
    // A reading a little ahead of the city's clock is simply new.
    expect(readingAgeMs(SIM + 30_000, frame, frame.receivedAt)).toBe(-30_000);
  });

  it('marks each slot older than the limit, and says whether any mark changed', () => {
    const times = Float64Array.from([SIM - 11 * MIN, SIM - 9 * MIN, NaN, SIM]);
    const marks = new Uint8Array(4);
    expect(writeStaleMask(times, frame, frame.receivedAt, 10 * MIN, marks)).toBe(true);
    expect([...marks]).toEqual([1, 0, 0, 0]);
    expect(writeStaleMask(times, frame, frame.receivedAt, 10 * MIN, marks)).toBe(false);
    // Two minutes of silence later the 9-minute-old reading is 11 minutes old.
    expect(writeStaleMask(times, frame, frame.receivedAt + 2 * MIN, 10 * MIN, marks)).toBe(true);
    expect([...marks]).toEqual([1, 1, 0, 0]);
    // Past the limit with no frame at all, even what the simulator measured is old.
    writeStaleMask(times, frame, frame.receivedAt + 10 * MIN + 1, 10 * MIN, marks);
    expect([...marks]).toEqual([1, 1, 1, 1]);
  });

  it('watches the sensors, not what the desk itself reports', () => {
    expect(SENSOR_CHANNELS.has('water')).toBe(true);
    expect(SENSOR_CHANNELS.has('elevator.state')).toBe(true);
    expect(['team.pos', 'team.state', 'road.closed'].some((id) => SENSOR_CHANNELS.has(id as never))).toBe(false);
  });
});
