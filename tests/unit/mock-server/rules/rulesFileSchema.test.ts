import { describe, expect, it } from 'vitest';
import { durationS, RulesFileSchema, type RuleSpec } from '../../../../mock-server/rules/rulesFileSchema';

const underpass: RuleSpec = {
  id: 'u',
  kind: 'underpass',
  channel: 'underpass.depth',
  levels: [
    { severity: 'warning', raise: 5, clear: 3 },
    { severity: 'critical', raise: 25, clear: 20 },
  ],
};
const pump: RuleSpec = { id: 'p', kind: 'pumpStation', channel: 'pump.state', states: { fault: 'major' } };

/** `path: message` of each problem with one rule. */
function problems(rule: Record<string, unknown>): string[] {
  const parsed = RulesFileSchema.safeParse({ version: 1, rules: [rule] });
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.slice(2).join('.')}: ${i.message}`);
}

describe('durations', () => {
  it('reads seconds, minutes and hours', () => {
    expect(['90s', '2m', '1.5h', '0s'].map(durationS)).toEqual([90, 120, 5400, 0]);
  });

  it('refuses a bare number or another unit', () => {
    expect(problems({ ...underpass, window: 120 })).toEqual(['window: must be a duration such as 90s, 5m or 1h']);
    expect(problems({ ...underpass, noData: '10 min' })).toEqual(['noData: must be a duration such as 90s, 5m or 1h']);
  });
});

describe('a threshold rule', () => {
  it('accepts every field', () => {
    const full = {
      ...underpass,
      assets: ['UP-001'],
      window: '2m',
      pending: { samples: 2 },
      rateOfRise: { perMinute: 1, over: '5m', from: 15, severity: 'critical', clear: 12 },
      noData: '10m',
      incident: { category: 'underpassFlooding', at: 'critical' },
      closesRoads: true,
    };
    expect(problems(full)).toEqual([]);
  });

  it('needs levels whose lines and severities rise, each clearing below where it is raised', () => {
    expect(problems({ ...underpass, levels: undefined })).toEqual(['levels: is required: at least one level with severity, raise and clear']);
    expect(
      problems({
        ...underpass,
        levels: [
          { severity: 'major', raise: 10, clear: 12 },
          { severity: 'warning', raise: 10, clear: 8 },
        ],
      }),
    ).toEqual(['levels.0.clear: must be below raise (10)', 'levels.1.raise: must be above levels[0].raise (10)', 'levels.1.severity: must be more severe than levels[0].severity (major)']);
  });

  it('takes a per-asset line only from a column the kind has', () => {
    const level = (assetThreshold: string) => [{ severity: 'major', raise: 4.5, clear: 4.4, assetThreshold }];
    expect(problems({ id: 'w', kind: 'waterGauge', channel: 'water', levels: level('warning') })).toEqual([]);
    expect(problems({ id: 'w', kind: 'waterGauge', channel: 'water', levels: level('flood') })).toEqual([
      'levels.0.assetThreshold: waterGauge assets have no per-asset threshold "flood" (they have warning, danger)',
    ]);
    expect(problems({ ...underpass, levels: level('warning') })).toEqual(['levels.0.assetThreshold: underpass assets have no per-asset threshold "warning" (they have none)']);
  });

  it('clears a rate-of-rise alarm below where it trips', () => {
    expect(problems({ ...underpass, rateOfRise: { perMinute: 1, over: '5m', from: 15, severity: 'critical', clear: 15 } })).toEqual(['rateOfRise.clear: must be below from (15)']);
  });

  it('gives a pending period as samples or as a duration, not both', () => {
    expect(problems({ ...underpass, pending: { for: '3m' } })).toEqual([]);
    expect(problems({ ...underpass, pending: { samples: 2, for: '3m' } })).toEqual(['pending: give either samples or for']);
    expect(problems({ ...underpass, pending: {} })).toEqual(['pending: give either samples or for']);
    expect(problems({ ...underpass, pending: { samples: 0 } })).toHaveLength(1);
  });

  it('watches a channel of its own kind, and closes roads only at underpasses', () => {
    expect(problems({ ...underpass, channel: 'water' })).toEqual(['channel: must be a channel of underpass: underpass.depth']);
    expect(problems({ id: 'w', kind: 'waterloggingPoint', channel: 'waterlog.depth', levels: underpass.levels, closesRoads: true })).toEqual([
      'closesRoads: only underpass rules close roads (a closure is issued per underpass)',
    ]);
  });

  it('names each asset once', () => {
    expect(problems({ ...underpass, assets: ['A', 'B', 'A'] })).toEqual(['assets.2: "A" is listed twice']);
    expect(problems({ ...underpass, assets: [] })).toEqual(['assets: must list at least one asset id']);
  });
});

describe('a state rule', () => {
  it('maps state names to severities and names its silent states', () => {
    expect(problems({ ...pump, noDataStates: ['offline'], pending: { samples: 3 }, noData: '10m', incident: { category: 'pumpFault', at: 'major' } })).toEqual([]);
    expect(problems({ ...pump, states: { fault: 'major', flooded: 'critical' }, noDataStates: ['gone'] })).toEqual([
      'states.flooded: no such state of pump.state: must be one of standby, running, fault, offline',
      'noDataStates.0: no such state of pump.state: must be one of standby, running, fault, offline',
    ]);
  });

  it('has no threshold fields, and needs its states', () => {
    expect(problems({ ...pump, states: undefined, levels: underpass.levels, window: '2m' })).toEqual([
      'levels: is for threshold channels; pump.state is a state channel (use states)',
      'window: is for threshold channels; pump.state is a state channel (use states)',
      'states: is required for pump.state: state name → severity',
    ]);
    expect(problems({ ...underpass, states: { fault: 'major' } })).toEqual(['states: is for state channels (pump.state, truck.state)']);
  });
});

describe('the incident a rule opens', () => {
  it('is a known category at a known severity', () => {
    expect(problems({ ...underpass, incident: { category: 'flood', at: 'high' } })).toEqual([
      expect.stringMatching(/^incident\.category: must be one of underpassFlooding, /),
      'incident.at: must be one of critical, major, minor, warning',
    ]);
  });
});

describe('a geofence rule (muck trucks)', () => {
  const offRoute = { id: 'mt', kind: 'muckTruck', channel: 'truck.pos', offRoute: { corridor: 300, severity: 'minor', assetThreshold: 'corridor' }, pending: { for: '2m' } };

  it('takes a corridor or a radius on the position channel, with the truck’s own column', () => {
    expect(problems(offRoute)).toEqual([]);
    expect(problems({ ...offRoute, offRoute: undefined, dumpOffSite: { radius: 500, severity: 'major', assetThreshold: 'dumpRadius' }, incident: { category: 'muckDumping', at: 'major' } })).toEqual([]);
  });

  it('names the field of every mistake', () => {
    expect(problems({ ...offRoute, offRoute: undefined })).toEqual(['channel: truck.pos is a position channel: give offRoute or dumpOffSite']);
    expect(problems({ ...offRoute, dumpOffSite: { radius: 500, severity: 'major' } })).toEqual(['dumpOffSite: give one geofence per rule: offRoute or dumpOffSite']);
    expect(problems({ ...offRoute, offRoute: { corridor: -5, severity: 'minor' } })).toEqual(['offRoute.corridor: Too small: expected number to be >0']);
    expect(problems({ ...offRoute, offRoute: { corridor: 300, severity: 'minor', assetThreshold: 'dumpRadius' } })).toEqual([
      'offRoute.assetThreshold: muckTruck assets have no per-asset offRoute size "dumpRadius" (use corridor)',
    ]);
    expect(problems({ ...offRoute, levels: [{ severity: 'minor', raise: 1, clear: 0 }], noData: '5m' })).toEqual([
      'levels: is not for geofences (offRoute)',
      'noData: is not for geofences (offRoute)',
    ]);
    expect(problems({ ...underpass, offRoute: { corridor: 300, severity: 'minor' } })).toEqual(['offRoute: is for position channels (truck.pos); underpass.depth is not one']);
  });
});
