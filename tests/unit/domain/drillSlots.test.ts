import { describe, expect, it } from 'vitest';
import { drillSlots, type DrillState } from '../../../src/domain/drillSlots';
import type { Alarm, Incident } from '../../../src/protocol/cityEvents';

const state: DrillState = {
  channels: { 'underpass.depth': Float32Array.from([0, 30, 26, NaN]), 'pump.state': Uint8Array.from([1, 2, 2]) },
  counts: { rainGauge: 3, waterGauge: 0, weatherStation: 0, underpass: 4, waterloggingPoint: 0, pumpStation: 3, roadSegment: 0, team: 0, elevator: 0 },
  alarms: [{ ruleId: 'underpass.depth:frozen', trigger: 'frozen', assetKind: 'underpass', slot: 3 } as Alarm],
  incidents: [
    { category: 'elevatorEntrapment', status: 'new', assetKind: null, assetSlot: null, lon: 121.4, lat: 31.2 } as Incident,
    { category: 'pumpFault', status: 'dispatched', assetKind: 'pumpStation', assetSlot: 1, lon: 0, lat: 0 } as Incident,
    // Finished incidents light nothing.
    { category: 'pumpFault', status: 'cancelled', assetKind: 'pumpStation', assetSlot: 2, lon: 0, lat: 0 } as Incident,
  ],
};

describe('drill-down slots', () => {
  it('selects the slots whose channel value passes the test', () => {
    expect(drillSlots({ type: 'channel', kind: 'underpass', channel: 'underpass.depth', op: 'gte', value: 25 }, state).slots).toEqual({ underpass: [1, 2] });
    expect(drillSlots({ type: 'channel', kind: 'pumpStation', channel: 'pump.state', op: 'eq', value: 2 }, state).slots).toEqual({ pumpStation: [1, 2] });
    expect(drillSlots({ type: 'channel', kind: 'underpass', channel: 'underpass.depth', op: 'nan', value: 0 }, state).slots).toEqual({ underpass: [3] });
  });

  it('follows alarms, incidents (assets or free points) and whole kinds', () => {
    expect(drillSlots({ type: 'alarms', trigger: 'frozen' }, state).slots).toEqual({ underpass: [3] });
    const inc = drillSlots({ type: 'incidents', categories: ['elevatorEntrapment', 'pumpFault'] }, state);
    expect(inc.slots).toEqual({ pumpStation: [1] });
    expect(inc.points).toEqual([[121.4, 31.2]]);
    expect(drillSlots({ type: 'all', kind: 'rainGauge' }, state).slots).toEqual({ rainGauge: [0, 1, 2] });
  });
});
