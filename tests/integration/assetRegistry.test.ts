/**
 * The asset registry over HTTP on the real server (demo accounts, a data directory on disk): the
 * simulator's Shanghai exported, a city's own file imported all or nothing, in force at once and
 * after a restart under the catalogue version the import announced (tests/integration/liveRegistry.test.ts
 * has what open screens see of it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-registry-'));
let server: RunningServer;
let admin: Record<string, string>;
let operator: Record<string, string>;

async function tokenOf(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `${username}-demo` }) });
  return { authorization: `Bearer ${(await res.json()).token}` };
}

const post = (query: string, body: string, headers: Record<string, string> = admin) =>
  fetch(`${server.url}/api/admin/assets${query}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/geo+json' }, body });
const exported = async (query = '') => (await fetch(`${server.url}/api/admin/assets/export${query}`, { headers: admin })).text();

beforeAll(async () => {
  server = await startTestServer({ dataDir });
  [admin, operator] = [await tokenOf('admin'), await tokenOf('operator')];
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const OWN = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.48, 31.23], [121.49, 31.23]] }, properties: { kind: 'roadSegment', id: 'R1', roadClass: 'arterial' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [121.485, 31.232] }, properties: { kind: 'pumpStation', id: 'P1', name: '一号泵站', capacityM3s: 4 } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [121.4951, 31.242] }, properties: { kind: 'waterGauge', id: 'W-OPT', name: '东方明珠水位站', warning: 4.5, danger: 5 } },
  ],
});

describe('asset registry routes', { timeout: 60_000 }, () => {
  it('exports the simulator’s Shanghai, in WGS-84 unless asked', async () => {
    const body = JSON.parse(await exported());
    expect(body.type).toBe('FeatureCollection');
    expect(body.datum).toBe('wgs84');
    expect(body.features.filter((f: { properties: { kind: string } }) => f.properties.kind === 'rainGauge')).toHaveLength(550);
    expect(JSON.parse(await exported('?datum=gcj02')).datum).toBe('gcj02');
  });

  it('is for admins only', async () => {
    expect((await fetch(`${server.url}/api/admin/assets/export`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/admin/assets/export`, { headers: operator })).status).toBe(403);
    expect((await post('', OWN, operator)).status).toBe(403);
  });

  it('gives back what it exported: export → import with replace → export is identical', async () => {
    const first = await exported();
    const version = server.feed.catalog.version;
    const res = await post('?replace=true', first);
    expect(res.status).toBe(200);
    // The running city is the registry's at once (its digest moves: positions come back through the datum, rounded).
    expect(await res.json()).toMatchObject({ added: 0, removed: 0, updated: JSON.parse(first).features.length, datum: 'wgs84', catalogVersion: server.feed.catalog.version, previousCatalogVersion: version });
    expect(await exported()).toBe(first);
  });

  it('refuses a bad file whole, naming the feature and field, as bad GeoJSON or as not a registry', async () => {
    const before = await exported('?datum=gcj02');
    const notGeoJson = await post('', '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": ["121", 31]}, "properties": {}}]}');
    expect(notGeoJson.status).toBe(400);
    expect((await notGeoJson.json()).error.message).toMatch(/^not valid GeoJSON; nothing was imported:\nfeatures\[0\]\.geometry\.coordinates\.0 \(line 1\): Each element in a position must be a number\./);
    const notRegistry = await post('?replace=true', OWN.replace('"warning":4.5', '"warning":"high"'));
    expect(notRegistry.status).toBe(400);
    expect((await notRegistry.json()).error).toEqual({ code: 'BAD_REQUEST', message: 'not an asset registry; nothing was imported:\nfeatures[2].properties.warning (line 1): Invalid input: expected number, received string' });
    expect((await post('?datum=bd09', OWN)).status).toBe(400);
    expect(await exported('?datum=gcj02')).toBe(before);
  });

  it('imports a city of its own, in force at once and after a restart, under the catalogue version it announces', async () => {
    const before = server.feed.catalog.version;
    const res = await post('?replace=true&datum=wgs84', OWN);
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result.counts).toMatchObject({ roadSegment: 1, pumpStation: 1, waterGauge: 1, rainGauge: 0 });
    expect(result.previousCatalogVersion).toBe(before);
    expect(result.catalogVersion).not.toBe(before);
    // The running city took it at once.
    expect(server.feed.catalog.version).toBe(result.catalogVersion);
    expect(server.feed.catalog.groups.find((g) => g.kind === 'rainGauge')?.ids).toEqual([]);
    await server.close();
    server = await startTestServer({ dataDir });
    const { catalog } = server.feed;
    expect(catalog.version).toBe(result.catalogVersion);
    const gauges = catalog.groups.find((g) => g.kind === 'waterGauge')!;
    expect(gauges.ids).toEqual(['W-OPT']);
    // The WGS-84 fix on the Oriental Pearl Tower is in Pudong on the GCJ-02 map.
    expect(catalog.districts[(gauges.districts as number[])[0]].name).toBe('浦东新区');
    expect(gauges.thresholds).toEqual({ warning: [4.5], danger: [5] });
    expect(catalog.groups.find((g) => g.kind === 'rainGauge')?.ids).toEqual([]);
  });
});
