import { describe, expect, it } from 'vitest';
import { alarmIdOf, alarmKey, ruleTriggerOf } from '../../../../mock-server/rules/ruleTrigger';

describe('rule triggers', () => {
  it('puts rate-of-rise, threshold and state alarms under the reading trigger, and frozen under its own', () => {
    expect(['threshold', 'rateOfRise', 'state'].map((trigger) => ruleTriggerOf({ trigger: trigger as 'threshold' }))).toEqual(['reading', 'reading', 'reading']);
    expect(ruleTriggerOf({ trigger: 'frozen' })).toBe('frozen');
  });

  it('keys an alarm episode by rule, trigger and slot', () => {
    const keys = [alarmKey('underpass.depth', 'reading', 3), alarmKey('underpass.depth', 'frozen', 3), alarmKey('underpass.depth', 'reading', 4), alarmKey('waterlog.depth', 'reading', 3)];
    expect(new Set(keys).size).toBe(4);
    expect(alarmKey('underpass.depth', 'frozen', 3)).toBe(alarmKey('underpass.depth', 'frozen', 3));
  });

  it('gives a frozen alarm and a reading alarm raised together on one asset different ids', () => {
    expect(alarmIdOf('underpass.depth', 'reading', 'UP-001', 60_000)).toBe('underpass.depth:UP-001:60000');
    expect(alarmIdOf('underpass.depth', 'frozen', 'UP-001', 60_000)).toBe('underpass.depth:frozen:UP-001:60000');
  });
});
