import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_SOURCE, defaultRuleBook, loadRuleBook, parseRuleBook, RulesFileError } from '../../../../mock-server/rules/ruleBook';

/** The problems a file's text gives, one line each. */
function problemsOf(text: string, name = 'rules.yaml'): string[] {
  try {
    parseRuleBook(text, name);
  } catch (err) {
    if (err instanceof RulesFileError) return err.problems;
    throw err;
  }
  return [];
}

const GOOD = `version: 1
rules:
  - id: underpass.depth
    kind: underpass
    channel: underpass.depth
    window: 2m
    levels:
      - { severity: warning, raise: 5, clear: 3 }
      - { severity: critical, raise: 25, clear: 20 }
  - id: rain
    kind: rainGauge
    channel: rain
    levels:
      - severity: minor
        raise: 16
        clear: 12
`;

describe('reading a rules file', () => {
  it('keeps the rules as written, in order', () => {
    const book = parseRuleBook(GOOD, 'rules.yaml');
    expect(book.source).toBe('rules.yaml');
    expect(book.rules.map((r) => r.id)).toEqual(['underpass.depth', 'rain']);
    expect(book.rules[0]).toEqual({
      id: 'underpass.depth',
      kind: 'underpass',
      channel: 'underpass.depth',
      window: '2m',
      levels: [
        { severity: 'warning', raise: 5, clear: 3 },
        { severity: 'critical', raise: 25, clear: 20 },
      ],
    });
  });

  it('names the file, line and field of a problem', () => {
    const text = `version: 1
rules:
  - id: a
    kind: underpass
    channel: underpass.depth
    levels:
      - { severity: warning, raise: 5, clear: 3 }
  - id: b
    kind: underpass
    channel: underpass.depth
    levels:
      - { severity: warning, raise: 5, clear: 3 }
  - id: c
    kind: underpass
    channel: underpass.depth
    levels:
      - severity: critical
        raise: 25
        clear: 25
`;
    expect(problemsOf(text)).toEqual(['rules.yaml:19 rules[2].levels[0].clear: must be below raise (25)']);
  });

  it('reports every problem at once, in line order', () => {
    const text = `version: 1
rules:
  - id: x
    kind: lamppost
    channel: rain
    colour: red
  - id: y
    kind: rainGauge
    channel: water
    window: 5 minutes
    levels:
      - { severity: minor, raise: 16, clear: 12, hue: blue }
`;
    expect(problemsOf(text)).toEqual([
      'rules.yaml:4 rules[0].kind: must be one of rainGauge, waterGauge, weatherStation, underpass, waterloggingPoint, pumpStation, muckTruck',
      'rules.yaml:6 rules[0].colour: unknown field',
      'rules.yaml:9 rules[1].channel: must be a channel of rainGauge: rain',
      'rules.yaml:10 rules[1].window: must be a duration such as 90s, 5m or 1h',
      'rules.yaml:12 rules[1].levels[0].hue: unknown field',
    ]);
  });

  it('says what a field should be: required, a number, a known channel', () => {
    const text = `version: 1
rules:
  - kind: rainGauge
    channel: rainfall
    levels:
      - { severity: minor, raise: lots, clear: 12 }
`;
    expect(problemsOf(text)).toEqual([
      'rules.yaml:3 rules[0].id: is required',
      expect.stringMatching(/^rules\.yaml:4 rules\[0\]\.channel: must be one of rain, water, /),
      'rules.yaml:6 rules[0].levels[0].raise: must be a number',
    ]);
  });

  it('refuses unknown top-level fields, a missing or other version, and a file that is not a mapping', () => {
    expect(problemsOf('version: 2\nrules: []\nextra: 1\n')).toEqual(['rules.yaml:1 version: must be 1', 'rules.yaml:3 extra: unknown field']);
    expect(problemsOf('rules: []\n')).toEqual(['rules.yaml:1 version: is required']);
    expect(problemsOf('')).toEqual(['rules.yaml:1 (file): must be a mapping']);
    expect(problemsOf('- 1\n- 2\n')).toEqual(['rules.yaml:1 (file): must be a mapping']);
  });

  it('refuses two rules with one id', () => {
    const text = GOOD.replace('id: rain', 'id: underpass.depth');
    expect(problemsOf(text)).toEqual(['rules.yaml:10 rules[1].id: "underpass.depth" is already the id of rules[0]']);
  });

  it('reports YAML syntax errors and repeated keys with their line', () => {
    expect(problemsOf('version: 1\nrules:\n  - id: a\n    id: b\n')).toEqual([expect.stringMatching(/^rules\.yaml:4 Map keys must be unique/)]);
    expect(problemsOf('version: 1\nrules:\n  - id: a\n   kind: underpass\n')).toEqual([expect.stringMatching(/^rules\.yaml:4 /)]);
  });

  it('reads JSON, with its lines', () => {
    const json = `{
  "version": 1,
  "rules": [
    { "id": "a", "kind": "pumpStation", "channel": "pump.state",
      "states": { "fault": "major", "broken": "critical" } }
  ]
}
`;
    expect(problemsOf(json, 'rules.json')).toEqual(['rules.json:5 rules[0].states.broken: no such state of pump.state: must be one of standby, running, fault, offline']);
    expect(parseRuleBook(json.replace(', "broken": "critical"', ''), 'rules.json').rules[0].states).toEqual({ fault: 'major' });
  });
});

describe('where the rules come from', () => {
  it('names a file by its absolute path, and a missing one plainly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'rules.yaml'), GOOD);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(loadRuleBook('rules.yaml').source).toBe(join(dir, 'rules.yaml'));
    } finally {
      process.chdir(cwd);
    }
    expect(() => loadRuleBook(join(dir, 'none.yaml'))).toThrow(`${join(dir, 'none.yaml')}: cannot read the rules file (ENOENT)`);
  });

  it('has a built-in default that is a valid file', () => {
    const book = defaultRuleBook();
    expect(book.source).toBe(BUILT_IN_SOURCE);
    expect(book.rules.map((r) => r.id)).toEqual(['underpass.depth', 'waterlog.depth', 'water.level', 'rain.intensity', 'pump.state', 'muckTruck.offRoute', 'muckTruck.dumpOffSite']);
    expect(book.where(['rules', 2, 'levels', 0, 'assetThreshold'])).toMatch(/^default-rules\.yaml:\d+ rules\[2\]\.levels\[0\]\.assetThreshold$/);
  });
});
