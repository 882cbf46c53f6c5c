import { describe, expect, it } from 'vitest';
import { isSpotlightWorthy, MAX_WAIT_MS, nextSpotlight, stillSpotlit } from '@/alarms/spotlightQueue';
import type { Alarm } from '@/protocol/cityEvents';

const alarm = (id: string, severity: Alarm['severity'], raisedAt = 0, over: Partial<Alarm> = {}) =>
  ({ id, severity, raisedAt, state: 'active', trigger: 'threshold', ...over }) as Alarm;
const always = () => true;

describe('alarm spotlight queue', () => {
  it('spotlights critical alarms only, never frozen sensors', () => {
    expect(isSpotlightWorthy(alarm('a', 'critical'))).toBe(true);
    expect(isSpotlightWorthy(alarm('b', 'major'))).toBe(false);
    expect(isSpotlightWorthy(alarm('c', 'critical', 0, { trigger: 'frozen' }))).toBe(false);
    expect(isSpotlightWorthy(alarm('d', 'critical', 0, { state: 'cleared' }))).toBe(false);
  });

  it('leaves an acknowledged alarm out of the spotlight, and ends one acknowledged or cleared while it waits or shows', () => {
    expect(isSpotlightWorthy(alarm('a', 'critical', 0, { acknowledged: true }))).toBe(false);
    expect(stillSpotlit(alarm('a', 'critical', 0, { acknowledged: false }))).toBe(true);
    expect(stillSpotlit(alarm('a', 'critical', 0, { acknowledged: true }))).toBe(false);
    expect(stillSpotlit(alarm('a', 'critical', 0, { state: 'cleared', acknowledged: false }))).toBe(false);
    expect(stillSpotlit(undefined)).toBe(false);
  });

  it('shows the newest of the most severe first and keeps the rest waiting', () => {
    const queue = [alarm('old', 'critical', 1), alarm('new', 'critical', 5), alarm('minor', 'major', 9)].map((a) => ({ alarm: a, queuedAt: 0 }));
    const { next, rest } = nextSpotlight(queue, 1000, always);
    expect(next!.alarm.id).toBe('new');
    expect(rest.map((q) => q.alarm.id)).toEqual(['old', 'minor']);
  });

  it('drops alarms that waited too long or have cleared meanwhile', () => {
    const queue = [
      { alarm: alarm('stale', 'critical'), queuedAt: 0 },
      { alarm: alarm('gone', 'critical'), queuedAt: MAX_WAIT_MS },
      { alarm: alarm('ok', 'critical'), queuedAt: MAX_WAIT_MS },
    ];
    const { next, rest } = nextSpotlight(queue, MAX_WAIT_MS + 1, (id) => id !== 'gone');
    expect(next!.alarm.id).toBe('ok');
    expect(rest).toEqual([]);
    expect(nextSpotlight([], 0, always).next).toBeNull();
  });
});
