/**
 * parseCapAlert over the shared CAP set as it is: every alert in alerts/ and examples-spec/ parses
 * (the ISO-8859-1 one with its accents), and every file in bad-input/ is refused with a message
 * naming what is wrong — while the file system and every way of opening a connection are made to
 * throw and record, so a parse that read a file or reached for a URL would fail the test.
 */
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCapAlert } from '../../../../mock-server/cap/parseCapAlert';

const CAP_DIR = join(__dirname, '../../../../../shared/data/cap-1.2');
const filesIn = (dir: string) => fs.readdirSync(join(CAP_DIR, dir)).map((name) => [`${dir}/${name}`, fs.readFileSync(join(CAP_DIR, dir, name))] as const);

const BAD = filesIn('bad-input');
const SINGLE_ALERTS = [...filesIn('alerts'), ...filesIn('examples-spec')].filter(([name]) => !name.endsWith('-in-atom.xml'));

/** Makes every file and network entry point throw and remember its name, until restored. */
function sealIo(): { attempts: string[]; restore: () => void } {
  const attempts: string[] = [];
  const seal = <T extends object>(target: T, name: string, keys: readonly string[]) => {
    for (const key of keys) {
      if (typeof (target as Record<string, unknown>)[key] !== 'function') continue;
      vi.spyOn(target as Record<string, () => unknown>, key).mockImplementation(() => {
        attempts.push(`${name}.${key}`);
        throw new Error(`I/O during a CAP parse: ${name}.${key}`);
      });
    }
  };
  const fsKeys = ['readFile', 'readFileSync', 'open', 'openSync', 'createReadStream', 'stat', 'statSync', 'access', 'accessSync', 'existsSync', 'readdir', 'readdirSync'];
  seal(fs, 'fs', fsKeys);
  seal(fs.promises, 'fs.promises', ['readFile', 'open', 'stat', 'access', 'readdir']);
  seal(net, 'net', ['connect', 'createConnection']);
  // Every TCP connection (http, https, tls, fetch's undici) ends in Socket#connect.
  seal(net.Socket.prototype, 'net.Socket', ['connect']);
  seal(http, 'http', ['request', 'get']);
  seal(https, 'https', ['request', 'get']);
  seal(tls, 'tls', ['connect']);
  seal(dns, 'dns', ['lookup', 'resolve']);
  seal(globalThis, 'globalThis', ['fetch']);
  // The spies sit on the builtins' CommonJS objects; ESM named imports of them see the spies after a sync.
  syncBuiltinESMExports();
  return {
    attempts,
    restore: () => {
      vi.restoreAllMocks();
      syncBuiltinESMExports();
    },
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

describe('parseCapAlert', () => {
  it.each(BAD)('refuses bad-input/%s with a clear error, reading no file and opening no connection', (_name, bytes) => {
    const io = sealIo();
    let result;
    try {
      result = parseCapAlert(bytes);
    } finally {
      io.restore();
    }
    expect(io.attempts).toEqual([]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.length).toBeGreaterThan(0);
      // Each problem names an element path, the root met, or the document-level reason.
      for (const p of result.problems) expect(p).toMatch(/^(alert\/\w|the root element is <\w+>|the document has a DOCTYPE)/);
    }
  });

  it('names the reason for each bad input', () => {
    const problems = Object.fromEntries(BAD.map(([name, bytes]) => { const r = parseCapAlert(bytes); return [name, r.ok ? [] : r.problems]; }));
    expect(problems['bad-input/xee.cap']![0]).toMatch(/DOCTYPE/);
    expect(problems['bad-input/xee.atom']![0]).toMatch(/DOCTYPE/);
    expect(problems['bad-input/invalid.cap']).toEqual(['alert/info: not expected here; alert/scope is required before it']);
    expect(problems['bad-input/canada_errors.cap']).toContain('alert/references: a Update must name the alert(s) it updates');
    expect(problems['bad-input/noaa_errors.cap']!.join(' ')).toMatch(/alert\/info\[1\]\/certainty: '' is not one of/);
    expect(problems['bad-input/invalid.rss']![0]).toMatch(/^the root element is <rss>/);
  });

  it('the sealed I/O does catch a read and a connection', () => {
    const io = sealIo();
    try {
      expect(() => fs.readFileSync('/etc/passwd')).toThrow(/I\/O during a CAP parse/);
      expect(() => new net.Socket().connect(8080, '127.0.0.1')).toThrow(/I\/O during a CAP parse/);
    } finally {
      io.restore();
    }
    expect(io.attempts).toEqual(['fs.readFileSync', 'net.Socket.connect']);
  });

  it.each(SINGLE_ALERTS)('parses %s', (_name, bytes) => {
    const result = parseCapAlert(bytes);
    expect(result.ok ? [] : result.problems).toEqual(result.ok ? [] : ['alert/Signature: not expected here (namespace http://www.w3.org/2000/09/xmldsig#)']);
  });

  it('reads the ISO-8859-1 alert as declared, accents and all', () => {
    const result = parseCapAlert(fs.readFileSync(join(CAP_DIR, 'alerts/earthquake-iso8859-1.cap')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.alert.version).toBe('1.2');
    expect(JSON.stringify(result.alert)).toMatch(/[À-ÿ]/);
    expect(JSON.stringify(result.alert)).not.toContain('\uFFFD');
  });

  it('keeps the fields the warnings use, geometry as [lon, lat]', () => {
    const result = parseCapAlert(fs.readFileSync(join(CAP_DIR, 'examples-spec/severe-thunderstorm-KSTO1055887203.cap.xml')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { alert } = result;
    expect(alert).toMatchObject({ identifier: 'KSTO1055887203', sender: 'KSTO@NWS.NOAA.GOV', sent: '2003-06-17T14:57:00-07:00', status: 'Actual', msgType: 'Alert', scope: 'Public', references: [] });
    expect(alert.info[0]).toMatchObject({ event: 'SEVERE THUNDERSTORM', urgency: 'Immediate', severity: 'Severe', certainty: 'Observed', expires: '2003-06-17T16:00:00-07:00', categories: ['Met'] });
    expect(alert.info[0]!.areas[0]!.polygons[0]![0]).toEqual([-120.14, 38.47]);
  });

  it('refuses a CAP 1.2 time without a time zone and an unknown enumeration, naming the element', () => {
    const xml = (sent: string, status: string) =>
      new TextEncoder().encode(`<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>a</identifier><sender>s</sender><sent>${sent}</sent><status>${status}</status><msgType>Alert</msgType><scope>Public</scope></alert>`);
    expect(parseCapAlert(xml('2026-07-15T14:00:00', 'Actual'))).toEqual({ ok: false, problems: [expect.stringMatching(/^alert\/sent: '2026-07-15T14:00:00' is not of the form/)] });
    expect(parseCapAlert(xml('2026-07-15T14:00:00+08:00', 'Real'))).toEqual({ ok: false, problems: [expect.stringMatching(/^alert\/status: 'Real' is not one of Actual/)] });
    expect(parseCapAlert(xml('2026-07-15T14:00:00+08:00', 'Actual')).ok).toBe(true);
  });
});
