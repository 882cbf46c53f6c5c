import { describe, expect, it } from 'vitest';
import { lineProgress, progressLine, type ProgressState } from '../../../../mock-server/replay/replayProgress';

const state = (sent: number): ProgressState => ({ sent, total: 9270, recordedMs: Date.parse('2023-09-29T12:34:56Z'), accepted: sent, refused: 0, verdicts: true });

describe('progressLine', () => {
  it('says what was sent of the total, the recorded time reached, and the verdicts so far', () => {
    expect(progressLine(state(2318))).toBe('replay: 2,318/9,270 readings sent (25%), recorded time 2023-09-29 12:34Z, 2,318 accepted, 0 refused');
    expect(progressLine({ ...state(5), verdicts: false })).toBe('replay: 5/9,270 readings sent (0%), recorded time 2023-09-29 12:34Z');
  });
});

describe('lineProgress', () => {
  it('writes at most a line per interval, always the last', () => {
    const lines: string[] = [];
    let now = 0;
    const progress = lineProgress((l) => lines.push(l), 5000, () => now);
    progress.update(state(100));
    now = 1000;
    progress.update(state(200));
    now = 6000;
    progress.update(state(300));
    now = 7000;
    progress.update(state(400));
    progress.stop();
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['100/9,270', '300/9,270', '400/9,270']);
  });

  it('writes the final state at once, and nothing more on stop', () => {
    const lines: string[] = [];
    const progress = lineProgress((l) => lines.push(l), 5000, () => 0);
    progress.update(state(1));
    progress.update(state(9270));
    progress.stop();
    expect(lines).toHaveLength(2);
  });
});
