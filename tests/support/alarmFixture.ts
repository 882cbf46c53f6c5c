/** A complete active underpass alarm for component tests, raised at `raisedAt`, with any fields overridden. */
import type { Alarm } from '../../src/protocol/cityEvents';

export function makeAlarm(id: string, raisedAt: number, over: Partial<Alarm> = {}): Alarm {
  return {
    id,
    ruleId: 'underpass.depth',
    trigger: 'threshold',
    assetKind: 'underpass',
    slot: 1,
    assetId: 'underpass-B',
    severity: 'critical',
    value: 27.5,
    unit: 'cm',
    threshold: 25,
    raisedAt,
    updatedAt: raisedAt,
    clearedAt: null,
    state: 'active',
    acknowledged: false,
    lon: 121.5,
    lat: 31.3,
    district: 1,
    ...over,
  };
}
