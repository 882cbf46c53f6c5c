import { describe, expect, it } from 'vitest';
import { drillInputsKey, drillSlots, type DrillState } from '@/domain/drillSlots';
import type { DrillSpec } from '@/protocol/vitals';
import type { Alarm, Incident } from '@/protocol/cityEvents';

const state: DrillState = {
  channels: { 'underpass.depth': Float32Array.from([0, 30, 26, NaN]), 'pump.state': Uint8Array.from([1, 2, 2]) },
  counts: { rainGauge: 3, waterGauge: 0, weatherStation: 0, underpass: 4, waterloggingPoint: 0, pumpStation: 3, roadSegment: 0, team: 0, elevator: 0, healthSite: 0, evacuationPoint: 0, videoPoint: 0, residentialCompound: 0, muckTruck: 0 },
  alarms: [
    { ruleId: 'underpass.depth', trigger: 'frozen', assetKind: 'underpass', slot: 3 } as Alarm,
    { ruleId: 'underpass.depth', trigger: 'threshold', assetKind: 'underpass', slot: 1 } as Alarm,
  ],
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
    // A rule's drill lights what its readings raised, not its silent sensors (the same rule id, its own trigger).
    expect(drillSlots({ type: 'alarms', ruleId: 'underpass.depth' }, state).slots).toEqual({ underpass: [1] });
    expect(drillSlots({ type: 'alarms', ruleId: 'underpass.depth', trigger: 'frozen' }, state).slots).toEqual({ underpass: [3] });
    const inc = drillSlots({ type: 'incidents', categories: ['elevatorEntrapment', 'pumpFault'] }, state);
    expect(inc.slots).toEqual({ pumpStation: [1] });
    expect(inc.points).toEqual([[121.4, 31.2]]);
    expect(drillSlots({ type: 'all', kind: 'rainGauge' }, state).slots).toEqual({ rainGauge: [0, 1, 2] });
  });
});

describe('drill inputs', () => {
  const v = { channels: { 'underpass.depth': 4, 'pump.state': 7, 'team.pos': 9 }, alarms: 2, incidents: 3 };
  const depth = { type: 'channel', kind: 'underpass', channel: 'underpass.depth', op: 'gte', value: 25 } as const;

  it('change only with the state the drill reads', () => {
    const key = drillInputsKey(depth, v);
    // Other channels and the events move: the flooded underpasses are what they were.
    expect(drillInputsKey(depth, { ...v, channels: { ...v.channels, 'pump.state': 8 }, alarms: 5, incidents: 6 })).toBe(key);
    expect(drillInputsKey(depth, { ...v, channels: { ...v.channels, 'underpass.depth': 5 } })).not.toBe(key);
    const alarms = { type: 'alarms', ruleId: 'pump.fault' } as const;
    expect(drillInputsKey(alarms, { ...v, incidents: 9 })).toBe(drillInputsKey(alarms, v));
    expect(drillInputsKey(alarms, { ...v, alarms: 3 })).not.toBe(drillInputsKey(alarms, v));
    const incidents: DrillSpec = { type: 'incidents', categories: ['waterlogging'] };
    expect(drillInputsKey(incidents, { ...v, alarms: 9 })).toBe(drillInputsKey(incidents, v));
    expect(drillInputsKey({ type: 'all', kind: 'pumpStation' }, { ...v, alarms: 9, incidents: 9 })).toBe(drillInputsKey({ type: 'all', kind: 'pumpStation' }, v));
  });

  it('follow the teams wherever teams may be lit', () => {
    expect(drillInputsKey({ type: 'all', kind: 'team' }, { ...v, channels: { ...v.channels, 'team.pos': 10 } })).not.toBe(drillInputsKey({ type: 'all', kind: 'team' }, v));
  });
});
