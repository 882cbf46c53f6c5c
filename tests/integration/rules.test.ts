/**
 * The alarm rules from a file, against the real server: the rules in force over `GET /api/rules`
 * (behind the 'view' permission), alarms raised by the file's rules and no others, and the boot
 * code refusing to start on a bad file with the file's line and field named.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleBook } from '../../mock-server/rules/ruleBook';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const ADMIN_PASSWORD = 'integration-admin-password';
const dir = mkdtempSync(join(tmpdir(), 'rules-it-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

/** Two named gauges, raised at any level once two samples in a row stand above 0 m. */
const WATCH_TWO_GAUGES = `version: 1
rules:
  - id: gauge.watch
    kind: waterGauge
    assets: [WL-H01, WL-H02]
    channel: water
    pending: { samples: 2 }
    levels:
      - { severity: warning, raise: 0, clear: -1 }
`;

let server: RunningServer;
let rulesPath: string;

beforeAll(async () => {
  rulesPath = file('watch.yaml', WATCH_TWO_GAUGES);
  server = await startTestServer({ demo: false, adminPassword: ADMIN_PASSWORD, speed: 600, rules: loadRuleBook(rulesPath) });
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/rules', () => {
  it('needs a signed-in role with the view permission', async () => {
    const res = await fetch(`${server.url}/api/rules`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('sign in') } });
  });

  it('shows the rules in force as loaded, and the file they came from', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const { token } = await login.json();
    const res = await fetch(`${server.url}/api/rules`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      source: rulesPath,
      version: 1,
      rules: [
        {
          id: 'gauge.watch',
          kind: 'waterGauge',
          assets: ['WL-H01', 'WL-H02'],
          channel: 'water',
          pending: { samples: 2 },
          levels: [{ severity: 'warning', raise: 0, clear: -1 }],
        },
      ],
    });
  });

  it('shows the built-in default where no file is named', async () => {
    const demo = await startTestServer({ logLevel: 'silent' });
    try {
      const body = await (await fetch(`${demo.url}/api/rules`)).json();
      expect(body.source).toBe('built-in default');
      expect(body.rules.map((r: { id: string }) => r.id)).toEqual(['underpass.depth', 'waterlog.depth', 'water.level', 'rain.intensity', 'pump.state', 'muckTruck.offRoute', 'muckTruck.dumpOffSite']);
    } finally {
      await demo.close();
    }
  });
});

describe('alarms from the file', () => {
  it("raises the file's rules on the assets it names, and no built-in rule", async () => {
    const active = () => server.city.stages.eventState().alarms;
    await expect.poll(() => active().length, { timeout: 30_000, interval: 100 }).toBe(2);
    expect(active().map((a) => [a.ruleId, a.assetId, a.severity]).sort()).toEqual([
      ['gauge.watch', 'WL-H01', 'warning'],
      ['gauge.watch', 'WL-H02', 'warning'],
    ]);
  });
});

describe('starting the server on a bad rules file', () => {
  const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
  const ROOT = new URL('../../', import.meta.url).pathname;
  const boot = (rulesFile: string) =>
    spawnSync(TSX, ['mock-server/index.ts', '--rules-file', rulesFile, '--demo', 'yes', '--data-dir', ':memory:', '--port', '0', '--log-level', 'silent'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('refuses, naming the setting, the file, the line and the field', () => {
    const bad = file('bad.yaml', WATCH_TWO_GAUGES.replace('clear: -1', 'clear: 1'));
    const run = boot(bad);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cityops: invalid configuration:\n  CITYOPS_RULES_FILE / --rules-file: ${bad}:9 rules[0].levels[0].clear: must be below raise (0)`);
  });

  it('refuses a rule naming an asset the city lacks, with its line', () => {
    const missing = file('missing.yaml', WATCH_TWO_GAUGES.replace('WL-H02', 'WL-NOPE'));
    const run = boot(missing);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`cityops: ${missing}:5 rules[0].assets[1]: no waterGauge with id "WL-NOPE"`);
  });
});
