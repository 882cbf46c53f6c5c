import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { assetSlotsOf, carryIncident, slotCarryOf } from '../../../../mock-server/runtime/slotCarry';
import { forkCityRngs } from '../../../../mock-server/simulator/citySimulation';
import { makeIncident } from '../../../support/incidentFixture';

let before: CityAssets;
let after: CityAssets;
beforeAll(() => {
  before = placeAssets(loadCityGeo(), forkCityRngs(7).assets, { scale: 'shanghai' });
  // A replacing import: the first team and rain gauge gone, the water gauges in reverse order.
  after = { ...before, teams: before.teams.slice(1), rainGauges: before.rainGauges.slice(1), waterGauges: [...before.waterGauges].reverse() };
});

describe('slotCarryOf', () => {
  it('finds each asset of the old city at its slot in the new one, by id', () => {
    const carry = slotCarryOf(before, after);
    expect(carry('team', 5)).toBe(4);
    expect(carry('rainGauge', 3)).toBe(2);
    expect(carry('waterGauge', 0)).toBe(before.waterGauges.length - 1);
    expect(carry('pumpStation', 7)).toBe(7);
    expect(carry('roadSegment', 12)).toBe(12);
  });

  it('answers undefined for an asset that is gone, or a slot the old city never had', () => {
    const carry = slotCarryOf(before, after);
    expect(carry('team', 0)).toBeUndefined();
    expect(carry('rainGauge', 0)).toBeUndefined();
    expect(carry('pumpStation', before.pumpStations.length)).toBeUndefined();
  });

  it('keeps a generated elevator at its slot while the new city still has it', () => {
    const fleet = { ...before.elevators, count: 10 };
    const carry = slotCarryOf({ ...before, elevators: fleet }, { ...after, elevators: { ...fleet, count: 5 } });
    expect([carry('elevator', 4), carry('elevator', 5)]).toEqual([4, undefined]);
  });
});

describe('assetSlotsOf', () => {
  it('finds a slot by kind and id', () => {
    const slotOf = assetSlotsOf(after);
    expect(slotOf('team', before.teams[5].id)).toBe(4);
    expect(slotOf('team', before.teams[0].id)).toBeUndefined();
    expect(slotOf('waterGauge', 'no-such-gauge')).toBeUndefined();
  });
});

describe('carryIncident', () => {
  it('moves its asset, team and segment to their new slots, and nulls what is gone, keeping the rest of the record', () => {
    const carry = slotCarryOf(before, after);
    const incident = makeIncident({ id: 'INC-000001', version: 3, assetKind: 'rainGauge', assetSlot: 3, teamSlot: 0, segment: 12 });
    expect(carryIncident(incident, carry)).toEqual({ ...incident, assetSlot: 2, teamSlot: null, segment: 12 });
  });

  it('gives back the same record when nothing moved', () => {
    const incident = makeIncident({ id: 'INC-000002', assetKind: 'pumpStation', assetSlot: 7, teamSlot: null });
    expect(carryIncident(incident, slotCarryOf(before, after))).toBe(incident);
  });
});
