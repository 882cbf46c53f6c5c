/**
 * The built-in rule set over a catalogue: default-rules.yaml (the thresholds of
 * src/domain/thresholds.ts and each water gauge's own lines), compiled for these assets.
 */
import type { CityAssets } from '../city/assets';
import { compileRules } from './compileRules';
import { defaultRuleBook } from './ruleBook';
import type { AlarmRule } from './ruleTypes';

export function defaultRules(assets: CityAssets): AlarmRule[] {
  return compileRules(defaultRuleBook(), assets);
}
