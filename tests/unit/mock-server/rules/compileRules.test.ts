import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CityAssets } from '../../../../mock-server/city/assets';
import { loadCityGeo } from '../../../../mock-server/city/cityGeo';
import { placeAssets } from '../../../../mock-server/city/placeAssets';
import { compileRules } from '../../../../mock-server/rules/compileRules';
import { parseRuleBook, RulesFileError } from '../../../../mock-server/rules/ruleBook';
import type { Band, StateRule, ThresholdRule } from '../../../../mock-server/rules/ruleTypes';
import { createRng } from '../../../../mock-server/simulator/rng';

let assets: CityAssets;
beforeAll(() => {
  assets = placeAssets(loadCityGeo(), createRng(42));
});

const compile = (text: string, on: CityAssets = assets) => compileRules(parseRuleBook(`version: 1\nrules:\n${text}`, 'rules.yaml'), on);

describe('compiling a rules file for a catalogue', () => {
  it('turns durations into seconds, the pending period included, and takes the channel unit', () => {
    const [rule] = compile(`  - id: d
    kind: underpass
    channel: underpass.depth
    window: 90s
    pending: { for: 3m }
    noData: 1h
    rateOfRise: { perMinute: 2, over: 4m, from: 10, severity: major, clear: 8 }
    levels: [{ severity: warning, raise: 5, clear: 3 }]
`) as ThresholdRule[];
    expect(rule).toMatchObject({ trigger: 'threshold', unit: 'cm', windowS: 90, pending: { durationS: 180 }, frozenAfterS: 3600 });
    expect(rule.rate).toEqual({ perMinute: 2, windowS: 240, minValue: 10, severity: 'major', clearBelow: 8 });
    expect(rule.bands).toEqual([{ severity: 'warning', above: 5, clearBelow: 3 }]);
  });

  it('turns state names into the channel codes', () => {
    const [rule] = compile(`  - id: p
    kind: pumpStation
    channel: pump.state
    states: { fault: critical, standby: warning }
    noDataStates: [offline]
    pending: { samples: 2 }
`) as StateRule[];
    expect(rule).toEqual({ id: 'p', trigger: 'state', assetKind: 'pumpStation', channel: 'pump.state', severities: { 2: 'critical', 0: 'warning' }, silentStates: [3], pending: { samples: 2 } });
  });

  it('watches only the assets it names, by slot', () => {
    const ids = [assets.underpasses[3].id, assets.underpasses[0].id];
    const [rule] = compile(`  - id: d
    kind: underpass
    assets: [${ids.join(', ')}]
    channel: underpass.depth
    levels: [{ severity: warning, raise: 5, clear: 3 }]
`);
    expect(rule.assetSlots).toEqual([3, 0]);
  });

  it('names the line of an asset id the catalogue lacks', () => {
    const text = `  - id: d
    kind: underpass
    assets:
      - ${assets.underpasses[0].id}
      - UP-NOPE
    channel: underpass.depth
    levels: [{ severity: warning, raise: 5, clear: 3 }]
`;
    expect(() => compile(text)).toThrow(RulesFileError);
    expect(() => compile(text)).toThrow('rules.yaml:7 rules[0].assets[1]: no underpass with id "UP-NOPE"');
  });

  it("takes each asset's own line over the rule's default, keeping the clear line's distance", () => {
    const own = { ...assets, waterGauges: assets.waterGauges.map((g, slot) => (slot === 1 ? { ...g, warning: NaN } : g)) };
    const [rule] = compile(
      `  - id: w
    kind: waterGauge
    channel: water
    levels:
      - { severity: major, raise: 4.55, clear: 4.5, assetThreshold: warning }
      - { severity: critical, raise: 9, clear: 8 }
`,
      own,
    ) as ThresholdRule[];
    const bands = rule.bands as (slot: number) => Band[];
    const g = assets.waterGauges[0];
    expect(bands(0)).toEqual([
      { severity: 'major', above: g.warning, clearBelow: g.warning - 0.05 },
      { severity: 'critical', above: 9, clearBelow: 8 },
    ]);
    // A gauge without a warning line of its own falls back to the rule's.
    expect(bands(1)[0]).toEqual({ severity: 'major', above: 4.55, clearBelow: 4.5 });
  });

  it('compiles the example in docs/ingest.md', () => {
    const doc = readFileSync(new URL('../../../../docs/ingest.md', import.meta.url), 'utf8');
    const example = /### Example\s+```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const rules = compileRules(parseRuleBook(example, 'ingest.md'), assets);
    expect(rules.map((r) => r.id)).toEqual(['underpass.depth', 'water.level', 'pump.key-stations', 'muckTruck.offRoute', 'muckTruck.dumpOffSite']);
    expect(rules[2].assetSlots).toEqual([0, 1]);
    // The muck trucks' two geofences, at the sizes the example gives.
    expect(rules.slice(3).map((r) => [r.trigger, 'limitM' in r && r.limitM(0)])).toEqual([
      ['offRoute', 300],
      ['dumpOffSite', 500],
    ]);
  });
});
