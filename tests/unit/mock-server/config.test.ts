import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../mock-server/config';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig([], {});
    expect(c).toMatchObject({ port: 8080, speed: 1, tickMs: 1000, scenario: 'showers' });
    expect(c.start).toBeUndefined();
  });

  it('reads environment variables, and flags win over them', () => {
    const c = loadConfig(['--speed', '60', '--seed', '9'], { PORT: '9000', CITYOPS_SPEED: '10', CITYOPS_START: '2026-07-15T14:00:00+08:00' });
    expect(c.port).toBe(9000);
    expect(c.speed).toBe(60);
    expect(c.seed).toBe(9);
    expect(c.start).toBe(Date.parse('2026-07-15T06:00:00Z'));
  });

  it('names the setting when a value is bad', () => {
    expect(() => loadConfig([], { CITYOPS_SPEED: 'fast' })).toThrow(ConfigError);
    expect(() => loadConfig([], { CITYOPS_SPEED: 'fast' })).toThrow(/CITYOPS_SPEED \/ --speed/);
    expect(() => loadConfig(['--scenario', 'hurricane'], {})).toThrow(/--scenario/);
    expect(() => loadConfig(['--tick-ms', '5'], {})).toThrow(/--tick-ms/);
    expect(() => loadConfig(['--road-grid-km', '0.01'], {})).toThrow(/--road-grid-km/);
    expect(loadConfig(['--road-grid-km', '0.25'], {}).roadGridKm).toBe(0.25);
  });

  it('chooses the scale profile by flag or CITYOPS_SCALE, shanghai by default', () => {
    expect(loadConfig([], {}).scale).toBe('shanghai');
    expect(loadConfig(['--scale', 'stress'], {}).scale).toBe('stress');
    expect(loadConfig([], { CITYOPS_SCALE: 'stress' }).scale).toBe('stress');
    expect(() => loadConfig(['--scale', 'huge'], {})).toThrow(/CITYOPS_SCALE \/ --scale/);
  });

  it('reads the basemap datum by flag or CITYOPS_BASEMAP_DATUM, GCJ-02 by default (the embedded shapes)', () => {
    expect(loadConfig([], {}).basemapDatum).toBe('gcj02');
    expect(loadConfig(['--basemap-datum', 'wgs84'], {}).basemapDatum).toBe('wgs84');
    expect(loadConfig([], { CITYOPS_BASEMAP_DATUM: 'wgs84' }).basemapDatum).toBe('wgs84');
    expect(() => loadConfig([], { CITYOPS_BASEMAP_DATUM: 'bd09' })).toThrow(/CITYOPS_BASEMAP_DATUM \/ --basemap-datum/);
  });

  it('starts the embedded MQTT broker where asked, on 1883 in demo mode unless told otherwise, and reads an external broker’s URL', () => {
    expect(loadConfig([], {}).mqttPort).toBeUndefined();
    expect(loadConfig(['--mqtt-port', '1884'], {}).mqttPort).toBe(1884);
    expect(loadConfig([], { CITYOPS_DEMO: 'yes' })).toMatchObject({ mqttPort: 1883, mqttPortFromDemo: true });
    expect(loadConfig(['--mqtt-port', 'off'], { CITYOPS_DEMO: 'yes' }).mqttPort).toBeNull();
    expect(loadConfig(['--mqtt-port', '2883', '--demo', 'yes'], {})).not.toHaveProperty('mqttPortFromDemo');
    expect(() => loadConfig(['--mqtt-port', 'on'], {})).toThrow(/CITYOPS_MQTT_PORT \/ --mqtt-port: a port \(0–65535\) or "off", not "on"/);
    expect(loadConfig([], { CITYOPS_MQTT_URL: 'mqtt://ingest:secret@127.0.0.1:1883' }).mqttUrl).toBe('mqtt://ingest:secret@127.0.0.1:1883');
    expect(() => loadConfig(['--mqtt-url', 'http://broker:1883'], {})).toThrow(/CITYOPS_MQTT_URL \/ --mqtt-url: an MQTT broker URL/);
  });

  it('reads the CAP feeds to poll (http and https only) and their interval', () => {
    expect(loadConfig([], {})).toMatchObject({ capFeeds: [], capFeedsEvery: 60 });
    expect(loadConfig([], { CITYOPS_CAP_FEEDS: 'https://alerts.example/cap.atom, http://10.0.0.5/index.rss', CITYOPS_CAP_FEEDS_EVERY: '30' })).toMatchObject({
      capFeeds: ['https://alerts.example/cap.atom', 'http://10.0.0.5/index.rss'],
      capFeedsEvery: 30,
    });
    expect(() => loadConfig(['--cap-feeds', 'file:///etc/passwd'], {})).toThrow(/CITYOPS_CAP_FEEDS \/ --cap-feeds: each CAP feed is an http or https URL/);
  });

  it('refuses unknown flags', () => {
    expect(() => loadConfig(['--sped', '2'], {})).toThrow(/sped/);
  });

  describe('the rules file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-rules-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const rule = (clear: number) => `version: 1
rules:
  - id: rain
    kind: rainGauge
    channel: rain
    levels:
      - { severity: minor, raise: 16, clear: ${clear} }
`;

    it('is the built-in default unless one is named', () => {
      expect(loadConfig([], {}).rules.source).toBe('built-in default');
      expect(loadConfig([], {}).rules.rules.map((r) => r.id)).toContain('underpass.depth');
    });

    it('is read from CITYOPS_RULES_FILE or --rules-file, the flag winning', () => {
      const good = file('good.yaml', rule(12));
      const other = file('other.yaml', rule(10));
      expect(loadConfig([], { CITYOPS_RULES_FILE: good }).rules).toMatchObject({ source: good, rules: [{ id: 'rain' }] });
      expect(loadConfig(['--rules-file', other], { CITYOPS_RULES_FILE: good }).rules.source).toBe(other);
    });

    it('stops the start on a bad file, naming the setting, the line and the field', () => {
      const bad = file('bad.yaml', rule(20));
      expect(() => loadConfig(['--rules-file', bad], {})).toThrow(ConfigError);
      expect(() => loadConfig(['--rules-file', bad], {})).toThrow(`CITYOPS_RULES_FILE / --rules-file: ${bad}:7 rules[0].levels[0].clear: must be below raise (16)`);
      expect(() => loadConfig([], { CITYOPS_RULES_FILE: join(dir, 'missing.yaml') })).toThrow(/CITYOPS_RULES_FILE \/ --rules-file: .*missing\.yaml: cannot read the rules file \(ENOENT\)/);
    });
  });
});

describe('trusting a reverse proxy (CITYOPS_TRUST_PROXY)', () => {
  it('is off by default and takes true, a hop count or addresses and CIDRs', () => {
    expect(loadConfig([], {}).trustProxy).toBe(false);
    expect(loadConfig([], { CITYOPS_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    // A hop count: the nearest two proxies are believed, not a third.
    const hops = loadConfig(['--trust-proxy', '2'], {}).trustProxy as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => hops('10.0.0.1', hop))).toEqual([true, true, false]);
    expect(loadConfig([], { CITYOPS_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'loopback']);
  });

  it('names the setting for anything else', () => {
    for (const bad of ['nginx', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/2']) {
      expect(() => loadConfig([], { CITYOPS_TRUST_PROXY: bad })).toThrow(/CITYOPS_TRUST_PROXY \/ --trust-proxy/);
    }
  });
});

describe('demo mode on a network address (CITYOPS_DEMO_ON_NETWORK)', () => {
  it('stops the start, naming the setting that allows it', () => {
    const attempt = () => loadConfig(['--demo', 'yes', '--host', '0.0.0.0'], {});
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/--demo-on-network/);
    expect(attempt).toThrow(/CITYOPS_DEMO_ON_NETWORK/);
    expect(loadConfig(['--demo', 'yes'], {}).demoOnNetwork).toBe(false);
    expect(loadConfig(['--demo', 'no', '--host', '0.0.0.0'], {}).host).toBe('0.0.0.0');
  });

  it('starts when the operator says so, by the bare flag, a value or the variable', () => {
    expect(loadConfig(['--demo', 'yes', '--host', '0.0.0.0', '--demo-on-network'], {}).demoOnNetwork).toBe(true);
    expect(loadConfig(['--demo-on-network', '--demo', 'yes', '--host', '0.0.0.0'], {}).demoOnNetwork).toBe(true);
    expect(loadConfig(['--demo', 'yes', '--host', '0.0.0.0', '--demo-on-network', 'yes'], {}).demoOnNetwork).toBe(true);
    expect(loadConfig(['--demo', 'yes'], { HOST: '0.0.0.0', CITYOPS_DEMO_ON_NETWORK: '1' }).demoOnNetwork).toBe(true);
  });
});

describe('limits on HTTP commands (CITYOPS_RATE_LIMIT_*, CITYOPS_OPEN_REPORTS_PER_KEY)', () => {
  it('has budgets by default, ingest above commands, and reads each by variable or flag', () => {
    const defaults = loadConfig([], {});
    expect(defaults).toMatchObject({ rateLimitCommands: 120, rateLimitIngest: 1200, rateLimitAdmin: 60, openReportsPerKey: 200 });
    expect(defaults.rateLimitIngest).toBeGreaterThan(defaults.rateLimitCommands);
    const set = loadConfig(['--rate-limit-commands', '5', '--open-reports-per-key', '3'], { CITYOPS_RATE_LIMIT_INGEST: '50', CITYOPS_RATE_LIMIT_ADMIN: '2' });
    expect(set).toMatchObject({ rateLimitCommands: 5, rateLimitIngest: 50, rateLimitAdmin: 2, openReportsPerKey: 3 });
  });

  it('names the setting for a budget that is not a positive whole number', () => {
    for (const bad of ['0', '-1', '2.5', 'lots']) {
      expect(() => loadConfig([], { CITYOPS_RATE_LIMIT_COMMANDS: bad })).toThrow(/CITYOPS_RATE_LIMIT_COMMANDS \/ --rate-limit-commands/);
      expect(() => loadConfig([`--open-reports-per-key=${bad}`], {})).toThrow(/CITYOPS_OPEN_REPORTS_PER_KEY \/ --open-reports-per-key/);
    }
  });
});
