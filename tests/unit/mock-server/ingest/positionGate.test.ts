import { describe, expect, it } from 'vitest';
import { catalogToWire } from '../../../../mock-server/feed/catalogToWire';
import { assetLookupOf } from '../../../../mock-server/ingest/assetLookup';
import { PositionGate, type AcceptedPosition } from '../../../../mock-server/ingest/positionGate';
import { ReportedWorld } from '../../../../mock-server/ingest/reportedWorld';
import { convertLonLat, datumConverter } from '../../../../mock-server/assets/datum';
import { assetCount } from '../../../../mock-server/pipeline/readings';
import { smallCity } from '../../../support/scriptedSource';

const NOW = Date.parse('2026-07-15T09:00:00+08:00');

function gate(takes: (kind: string) => true | string = () => true) {
  const assets = smallCity();
  const delivered: AcceptedPosition[] = [];
  const g = new PositionGate({
    lookup: assetLookupOf(catalogToWire(assets, 'v'), (kind) => assetCount(assets, kind)),
    takes,
    now: () => NOW,
    toBasemap: datumConverter('wgs84', 'gcj02'),
    deliver: (p) => delivered.push(...p),
  });
  return { assets, g, delivered };
}

describe('position gate', () => {
  it('takes team positions and refuses what it cannot place, each with its reason', async () => {
    const { assets, g, delivered } = gate();
    const team = assets.teams[1].id;
    const verdict = await g.accept(
      [
        { kind: 'team', assetId: team, tMs: NOW, lon: 121.47, lat: 31.23 },
        { kind: 'underpass', assetId: assets.underpasses[0].id, tMs: NOW, lon: 121.47, lat: 31.23 },
        { kind: 'team', assetId: 'TM-NOPE', tMs: NOW, lon: 121.47, lat: 31.23 },
        { kind: 'team', assetId: team, tMs: NOW + 10 * 60_000, lon: 121.47, lat: 31.23 },
        { kind: 'team', assetId: team, tMs: NOW, lon: 200, lat: 31.23 },
        { error: 'lat must be a number' },
      ],
    );
    expect(verdict.accepted).toBe(1);
    expect(verdict.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'underpass does not report positions'],
      [2, 'no team with id "TM-NOPE" in the registry'],
      [3, 'measured 10 min in the future: positions more than 5 minutes ahead are refused'],
      [4, 'lon and lat must be numbers within ±180 and ±90'],
      [5, 'lat must be a number'],
    ]);
    // GPS (WGS-84) moved onto the basemap's GCJ-02, about half a kilometre in Shanghai.
    const [lon, lat] = convertLonLat(121.47, 31.23, 'wgs84', 'gcj02');
    expect(delivered).toEqual([{ channel: 'team.pos', slot: 1, tMs: NOW, lon, lat, late: false }]);
    expect(Math.abs(lon - 121.47) + Math.abs(lat - 31.23)).toBeGreaterThan(0.003);
  });

  it('marks a position measured more than two minutes before it came as late', async () => {
    const { assets, g, delivered } = gate();
    const id = assets.teams[0].id;
    await g.accept([{ kind: 'team', assetId: id, tMs: NOW - 3 * 60_000, lon: 121.47, lat: 31.23 }, { kind: 'team', assetId: id, tMs: NOW - 60_000, lon: 121.47, lat: 31.23 }]);
    expect(delivered.map((p) => p.late)).toEqual([true, false]);
  });

  it('refuses positions of teams the simulator drives, saying why', async () => {
    const { assets, g } = gate(() => 'team positions come from the simulator while it runs');
    const verdict = await g.accept([{ kind: 'team', assetId: assets.teams[0].id, tMs: NOW, lon: 121.47, lat: 31.23 }]);
    expect(verdict.rejected).toEqual([{ index: 0, reason: 'team positions come from the simulator while it runs' }]);
  });

  it('moves a team of the reported city to its newest reported position, ignoring older reports', () => {
    const world = new ReportedWorld(smallCity());
    world.teamReportedAt(2, 121.5, 31.2, NOW);
    world.teamReportedAt(2, 121.0, 31.0, NOW - 1000);
    expect(world.team(2)).toMatchObject({ lon: 121.5, lat: 31.2 });
  });
});
