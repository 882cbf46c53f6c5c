/**
 * A rule watches two things at each asset: its readings (bands and rate of rise, or the equipment
 * state) and, when it has `frozenAfterS`, the sensor's silence. Each is its own trigger with its own
 * alarm episode, so an alarm is identified by (rule, trigger, slot) and its `ruleId` is always the
 * rule's id: a frozen underpass sensor is an alarm of rule `underpass.depth` with trigger `frozen`.
 */
import type { Alarm } from '../../src/protocol/cityEvents';

/** The rule's own test of the readings, or the frozen-sensor watch. */
export type RuleTrigger = 'reading' | 'frozen';

/** The trigger an alarm belongs to (a rate-of-rise alarm is a reading alarm that rose fast). */
export function ruleTriggerOf(alarm: Pick<Alarm, 'trigger'>): RuleTrigger {
  return alarm.trigger === 'frozen' ? 'frozen' : 'reading';
}

/** The key of one alarm episode: at most one open alarm per (rule, trigger, asset slot). */
export function alarmKey(ruleId: string, trigger: RuleTrigger, slot: number): string {
  return `${ruleId}|${trigger}|${slot}`;
}

/** The alarm's id: unique per episode (a frozen and a reading alarm raised in the same minute differ). */
export function alarmIdOf(ruleId: string, trigger: RuleTrigger, assetId: string, raisedAt: number): string {
  return trigger === 'frozen' ? `${ruleId}:frozen:${assetId}:${raisedAt}` : `${ruleId}:${assetId}:${raisedAt}`;
}
