import { describe, expect, it } from 'vitest';
import { addSend, LISTED, newTally, refusalGroup, summaryLines } from '../../../../mock-server/replay/replayTally';

const noSkips = { reader: new Map<string, number>(), unmapped: new Map<string, number>(), outsideWindow: 0 };

describe('refusalGroup', () => {
  it('counts reasons that differ in numbers and times together', () => {
    const a = 'measured 7 min in the future (2026-07-15T06:07:00.000Z; the server\'s clock reads 2026-07-15T06:00:00.000Z): readings more than 5 minutes ahead are refused';
    const b = 'measured 12 min in the future (2026-07-15T06:12:00.000Z; the server\'s clock reads 2026-07-15T06:00:00.000Z): readings more than 5 minutes ahead are refused';
    expect(refusalGroup(a)).toBe(refusalGroup(b));
  });

  it('keeps reasons about different quoted ids apart', () => {
    expect(refusalGroup('no underpass with id "UP-0042" in the registry')).not.toBe(refusalGroup('no underpass with id "UP-0043" in the registry'));
  });
});

describe('the tally', () => {
  it('sums verdicts and groups refusals, the first reason of a group as its example', () => {
    const tally = newTally(true);
    addSend(tally, 3, { accepted: 1, duplicates: 1, rejected: [{ index: 2, reason: 'measured 7 min in the future (x)' }] });
    addSend(tally, 2, { accepted: 0, duplicates: 0, rejected: [{ index: 0, reason: 'measured 9 min in the future (x)' }, { index: 1, reason: 'no underpass with id "UP-9" in the registry' }] });
    expect(tally).toMatchObject({ sent: 5, sends: 2, accepted: 1, duplicates: 1, refused: 3 });
    expect(summaryLines(tally, noSkips)).toEqual([
      'sent        5 readings in 2 requests',
      'accepted    1',
      'duplicates  1',
      'refused     3',
      '      2 × measured 7 min in the future (x)',
      '      1 × no underpass with id "UP-9" in the registry',
    ]);
  });

  it('over MQTT counts what was published and says where the verdicts are', () => {
    const tally = newTally(false);
    addSend(tally, 1200, undefined);
    const lines = summaryLines(tally, noSkips);
    expect(lines[0]).toBe('sent        1,200 readings in 1 batches of MQTT messages');
    expect(lines[1]).toMatch(/MQTT carries no verdict back.*GET \/api\/health/);
  });

  it('lists what was skipped: unmapped series (the largest first, the rest summed), outside the window, unreadable', () => {
    const unmapped = new Map(Array.from({ length: LISTED + 2 }, (_, i) => [`s${i}`, i + 1] as [string, number]));
    const lines = summaryLines(newTally(true), { reader: new Map([['no-data values (-999999)', 4]]), unmapped, outsideWindow: 7 });
    expect(lines.slice(4)).toEqual([
      'unmapped    78 readings of 12 series the map does not name, skipped',
      ...Array.from({ length: LISTED }, (_, i) => `      s${LISTED + 1 - i}: ${LISTED + 2 - i}`),
      '      … and 2 more (3 readings)',
      'outside     7 readings outside --from/--until, skipped',
      'unreadable  4 values in the recording, skipped',
      '      4 × no-data values (-999999)',
    ]);
  });
});
