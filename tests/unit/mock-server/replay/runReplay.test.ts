import { describe, expect, it } from 'vitest';
import type { IngestVerdict } from '../../../../mock-server/ingest/incomingReading';
import type { OutgoingReading, ReplayPlan } from '../../../../mock-server/replay/replayPlan';
import { SendError, type ReplaySender } from '../../../../mock-server/replay/replaySender';
import type { ProgressState } from '../../../../mock-server/replay/replayProgress';
import { runReplay } from '../../../../mock-server/replay/runReplay';

/** Readings due at these ms after the start. */
const planOf = (dues: number[]): ReplayPlan => ({
  readings: dues.map((dueMs, i): OutgoingReading => ({ kind: 'underpass', assetId: 'UP-0001', measure: 'depth', tMs: i, v: i, dueMs, recordedMs: 1000 * i })),
  unmapped: new Map(),
  outsideWindow: 0,
  shiftMs: 0,
});

/** A clock that moves only when the replay sleeps. */
function fakeTime() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

function recordingSender(answer: (batch: readonly OutgoingReading[]) => IngestVerdict | undefined = (b) => ({ accepted: b.length, duplicates: 0, rejected: [] })) {
  const sends: { at: number; dues: number[] }[] = [];
  return { sends, make: (now: () => number): ReplaySender => ({ send: async (batch) => (sends.push({ at: now(), dues: batch.map((r) => r.dueMs) }), answer(batch)), close: async () => {}, verdicts: true }) };
}

describe('runReplay', () => {
  it('sends readings when they are due, batching what falls due within the minimum interval', async () => {
    const time = fakeTime();
    const rec = recordingSender();
    const { tally, stopped } = await runReplay(planOf([0, 100, 200, 300, 1000, 1100]), { sender: rec.make(time.now), ...time, minIntervalMs: 250 });
    expect(rec.sends).toEqual([
      { at: 0, dues: [0] },
      { at: 250, dues: [100, 200] },
      { at: 500, dues: [300] },
      { at: 1000, dues: [1000] },
      { at: 1250, dues: [1100] },
    ]);
    expect(stopped).toBeUndefined();
    expect(tally).toMatchObject({ sent: 6, sends: 5, accepted: 6 });
  });

  it('as fast as possible: batches as large as the limits allow', async () => {
    const time = fakeTime();
    const rec = recordingSender();
    await runReplay(planOf(Array(25).fill(0)), { sender: rec.make(time.now), ...time, minIntervalMs: 0, limits: { maxEntries: 10, maxBytes: 1e6 } });
    expect(rec.sends.map((s) => s.dues.length)).toEqual([10, 10, 5]);
  });

  it('reports progress after every send', async () => {
    const time = fakeTime();
    const states: ProgressState[] = [];
    await runReplay(planOf([0, 0, 500]), { sender: recordingSender().make(time.now), ...time, progress: { update: (s) => states.push(s), stop: () => {} } });
    expect(states.map((s) => [s.sent, s.total, s.recordedMs])).toEqual([
      [2, 3, 1000],
      [3, 3, 2000],
    ]);
  });

  it('stops at a send error, keeping the count so far', async () => {
    const time = fakeTime();
    let n = 0;
    const sender: ReplaySender = {
      send: async (batch) => {
        if (++n === 2) throw new SendError('answered 401: a valid integration key is required');
        return { accepted: batch.length, duplicates: 0, rejected: [] };
      },
      close: async () => {},
      verdicts: true,
    };
    const { tally, stopped } = await runReplay(planOf([0, 1000, 2000]), { sender, ...time });
    expect(stopped).toBe('answered 401: a valid integration key is required');
    expect(tally.sent).toBe(1);
  });

  it('stops when interrupted, before the next send', async () => {
    const time = fakeTime();
    const abort = new AbortController();
    const rec = recordingSender((b) => {
      abort.abort();
      return { accepted: b.length, duplicates: 0, rejected: [] };
    });
    const { tally, stopped } = await runReplay(planOf([0, 1000]), { sender: rec.make(time.now), ...time, signal: abort.signal });
    expect(stopped).toBe('interrupted');
    expect(tally.sent).toBe(1);
  });
});
