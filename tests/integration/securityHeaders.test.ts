/**
 * Security headers on everything the server answers (issue 17, finding 11): the app's HTML, an API
 * route and Open311 carry a Content-Security-Policy the built app satisfies (scripts and workers from
 * this origin, maplibre's blob: workers, no framing), nosniff and a referrer policy.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
let dist: string;

beforeAll(async () => {
  // A stand-in for the built app: the headers do not depend on what index.html holds.
  dist = mkdtempSync(join(tmpdir(), 'cityops-headers-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>CityOps</title><div id="app"></div>');
  server = await startTestServer({ distDir: dist });
});

afterAll(async () => {
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The policy's directives by name. */
function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('security headers', () => {
  it.each([
    ['the app', '/'],
    ['a deep link of the app', '/dispatch'],
    ['an API route', '/api/health'],
    ['an API error', '/api/no-such-route'],
    ['Open311', '/open311/v2/services.json'],
  ])('are on %s (%s)', async (_what, path) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(expect.arrayContaining(["'self'", 'blob:']));
    expect(csp.get('connect-src')).toContain("'self'");
    // The server speaks plain HTTP on a LAN: upgrading the page's requests to https would break it.
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });
});
