import { describe, expect, it } from 'vitest';
import { alarmActionOf, alarmTimeOf } from '../../../../mock-server/alarms/alarmActionOf';

describe('alarmActionOf', () => {
  it('calls a first appearance a raise and a clear a clear, whatever was stored', () => {
    expect(alarmActionOf(undefined, { state: 'active', severity: 'warning' })).toBe('raise');
    expect(alarmActionOf('critical', { state: 'cleared', severity: 'critical' })).toBe('clear');
    expect(alarmActionOf(undefined, { state: 'cleared', severity: 'minor' })).toBe('clear');
  });

  it('measures a change against the stored severity by rank: worse escalates, milder eases, the same is no change', () => {
    expect(alarmActionOf('warning', { state: 'active', severity: 'critical' })).toBe('escalate');
    expect(alarmActionOf('minor', { state: 'active', severity: 'major' })).toBe('escalate');
    expect(alarmActionOf('critical', { state: 'active', severity: 'warning' })).toBe('ease');
    expect(alarmActionOf('major', { state: 'active', severity: 'minor' })).toBe('ease');
    expect(alarmActionOf('major', { state: 'active', severity: 'major' })).toBeNull();
  });
});

describe('alarmTimeOf', () => {
  const a = { raisedAt: 1, updatedAt: 2, clearedAt: 3 };
  it('takes the alarm’s own time of the change', () => {
    expect(alarmTimeOf(a, 'raise')).toBe(1);
    expect(alarmTimeOf(a, 'escalate')).toBe(2);
    expect(alarmTimeOf(a, 'ease')).toBe(2);
    expect(alarmTimeOf(a, 'clear')).toBe(3);
  });
});
