import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { createDrainageState, PUMP_TRUCK_CM_MIN } from '../../../../mock-server/simulator/drainage';
import { createRng } from '../../../../mock-server/simulator/rng';
import { routerFor } from '../../../../mock-server/simulator/routing';
import { SimulatedWorld } from '../../../../mock-server/simulator/simulatedWorld';
import { AVAILABLE, createTeamsState, EN_ROUTE, ON_SITE } from '../../../../mock-server/simulator/teams';
import { PUMP_STATES } from '@/protocol/assets';

let assets: CityAssets;
beforeAll(() => {
  assets = placeAssets(loadCityGeo(), createRng(9), { roadGridKm: 4, counts: { teams: 8, pumpStations: 10, underpasses: 5, waterloggingPoints: 4 } });
});

function world() {
  const teams = createTeamsState(assets);
  const drainage = createDrainageState(assets);
  return { teams, drainage, world: new SimulatedWorld(assets, teams, drainage, routerFor(assets.roads)) };
}

describe('the simulated world behind the desk’s port', () => {
  it('sends a team along its route, places it on site, and frees it', () => {
    const { teams, world: w } = world();
    const target = assets.underpasses[0];
    const route = w.routeFor(0, target.lon, target.lat)!;
    expect(route.lengthKm).toBeGreaterThanOrEqual(0);
    w.sendTeam(0, route, 'INC-1');
    expect([teams.state[0], w.team(0).available, w.team(0).incident]).toEqual([EN_ROUTE, false, 'INC-1']);
    w.placeTeamOnSite(1, 'INC-2', target.lon, target.lat);
    expect([teams.state[1], w.team(1).lon, w.team(1).incident]).toEqual([ON_SITE, target.lon, 'INC-2']);
    w.releaseTeam(0);
    expect([teams.state[0], w.team(0).incident]).toEqual([AVAILABLE, null]);
  });

  it('pumps ponding sites out, repairs pumps, and holds closures and accidents for traffic', () => {
    const { drainage, world: w } = world();
    w.pumpOut('underpass', 2, true);
    w.pumpOut('waterloggingPoint', 1, true);
    expect([drainage.underpassAssist[2], drainage.waterlogAssist[1]]).toEqual([PUMP_TRUCK_CM_MIN, PUMP_TRUCK_CM_MIN]);
    w.pumpOut('underpass', 2, false);
    expect(drainage.underpassAssist[2]).toBe(0);
    drainage.pumpState[3] = PUMP_STATES.indexOf('fault');
    w.repairPump(3);
    expect(drainage.pumpState[3]).toBe(PUMP_STATES.indexOf('standby'));
    w.setRoadClosed([4, 5], true);
    w.setAccident(7, true);
    expect([w.closed[4], w.closed[5], w.accidents[7]]).toEqual([1, 1, 1]);
    w.setRoadClosed([4], false);
    w.setAccident(7, false);
    expect([w.closed[4], w.closed[5], w.accidents[7]]).toEqual([0, 1, 0]);
  });

  it('reads an elevator trapped while any entrapment there is open', () => {
    const { world: w } = world();
    w.setTrapped(3, true);
    w.setTrapped(3, true);
    w.setTrapped(8, true);
    w.setTrapped(3, false);
    expect([...w.trappedElevators()].sort()).toEqual([3, 8]);
    w.setTrapped(3, false);
    w.setTrapped(8, false);
    expect([...w.trappedElevators()]).toEqual([]);
  });
});
