/**
 * A registry change takes effect live (issue 15): against the real server (the simulator's Shanghai
 * on a data directory on disk) with a real socket.io client that stays connected throughout — an
 * import by the admin route or by `npm run assets` reaches the open screen as a new catalogue and a
 * snapshot of it, readings for the new assets are taken at once and those of removed ones refused,
 * and an open incident goes on with its team found by id in the new slots.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireCatalog } from '../../src/protocol/assets';
import { unpackCatalog } from '../../src/protocol/catalogPacking';
import { toCatalogView } from '../../src/protocol/catalogView';
import { applyChannel, decodeChannel } from '../../src/protocol/channelCodec';
import { unpackChannels } from '../../src/protocol/channelFrame';
import { allocateChannel, CHANNEL_IDS, CHANNELS } from '../../src/protocol/channels';
import type { Incident } from '../../src/protocol/cityEvents';
import type { WireDelta, WireSnapshot } from '../../src/protocol/events';
import { assetsCommand } from '../../mock-server/assets/assetsCommand';
import { loadRuleBook } from '../../mock-server/rules/ruleBook';
import type { RunningServer } from '../../mock-server/server';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const dataDir = mkdtempSync(join(tmpdir(), 'cityops-live-registry-'));
const KEY = { name: 'gauges', key: 'live-registry-integration-key-0123456789' };

type Heard = { type: 'catalog'; catalog: WireCatalog } | { type: 'snapshot'; snapshot: WireSnapshot } | { type: 'delta'; delta: WireDelta };

let server: RunningServer;
let socket: TestSocket;
let connects = 0;
const heard: Heard[] = [];
let dispatcher: Record<string, string>;
let admin: Record<string, string>;

async function tokenOf(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `${username}-demo` }) });
  return { authorization: `Bearer ${(await res.json()).token}` };
}

const json = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(`${server.url}${path}`, init);
  return { status: res.status, body: await res.json() };
};
const importFile = (query: string, body: unknown) => json(`/api/admin/assets${query}`, { method: 'POST', headers: { ...admin, 'content-type': 'application/geo+json' }, body: JSON.stringify(body) });
const postReadings = (readings: unknown[]) => json('/api/ingest/readings', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY.key }, body: JSON.stringify({ readings }) });

const catalogs = () => heard.flatMap((h) => (h.type === 'catalog' ? [h.catalog] : []));
const ids = (catalog: WireCatalog, kind: string) => catalog.groups.find((g) => g.kind === kind)!.ids;
const lastSimTime = () => heard.findLast((h) => h.type === 'delta')?.delta.simTime ?? 0;
/** Waits until the socket was sent the catalogue of `version`, and returns it. */
async function catalogOf(version: string): Promise<WireCatalog> {
  await expect.poll(() => catalogs().some((c) => c.version === version), { timeout: 20_000 }).toBe(true);
  return catalogs().find((c) => c.version === version)!;
}

function gauge(id: string, lon: number, lat: number) {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { kind: 'waterGauge', id, name: `${id} 水位站`, warning: 4.5, danger: 5 } };
}

let incident: Incident;
let team: string;

beforeAll(async () => {
  // No autopilot, so the incident below stays on the desk for the length of the test.
  server = await startTestServer({ dataDir, integrationKeys: [KEY], autopilot: false });
  [dispatcher, admin] = [await tokenOf('dispatcher'), await tokenOf('admin')];
  socket = connectClient(server.url);
  socket.on('connect', () => connects++);
  socket.on('city:catalog', (catalog) => heard.push({ type: 'catalog', catalog: unpackCatalog(catalog) }));
  socket.on('readings:snapshot', (snapshot) => heard.push({ type: 'snapshot', snapshot }));
  socket.on('readings:delta', (delta) => heard.push({ type: 'delta', delta }));
  await nextEvent(socket, 'readings:delta', 20_000);
  // An open incident, dispatched to the sixth team: its slot moves when the first team is removed.
  team = ids(catalogs()[0], 'team')[5];
  const reported = await json('/api/incidents', { method: 'POST', headers: { ...dispatcher, 'content-type': 'application/json' }, body: JSON.stringify({ category: 'highWater', location: [121.47, 31.23], description: 'water over the quay wall' }) });
  expect(reported.status).toBe(201);
  const dispatched = await json(`/api/incidents/${reported.body.id}/dispatch`, { method: 'POST', headers: { ...dispatcher, 'content-type': 'application/json' }, body: JSON.stringify({ teamId: team, expectedVersion: reported.body.version }) });
  expect(dispatched.status).toBe(200);
  incident = dispatched.body;
  expect(incident.teamSlot).toBe(5);
}, 60_000);

afterAll(async () => {
  socket?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a registry change, live', { timeout: 60_000 }, () => {
  let added: WireCatalog;

  it('sends an open screen the new catalogue with the added asset, without reconnecting, and no frame of the old slot counts after it', async () => {
    const before = catalogs()[0];
    // A few simulated minutes first, so the vital signs have an hour's trail of more than one point.
    const started = (heard.find((h) => h.type === 'snapshot') as { snapshot: WireSnapshot }).snapshot.simTime;
    await expect.poll(lastSimTime, { timeout: 20_000 }).toBeGreaterThan(started + 3 * 60_000);
    const result = await importFile('', { type: 'FeatureCollection', features: [gauge('W-NEW', 121.47, 31.23)] });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ added: 1, updated: 0, removed: 0, previousCatalogVersion: before.version });
    expect(result.body.catalogVersion).not.toBe(before.version);
    added = await catalogOf(result.body.catalogVersion);
    expect(ids(added, 'waterGauge')).toEqual([...ids(before, 'waterGauge'), 'W-NEW']);
    expect([socket.connected, connects]).toEqual([true, 1]);

    // Everything after the new catalogue is of it: a snapshot of its version, then deltas on from that
    // snapshot, each fitting arrays sized for the new slot counts (applyChannel throws on a mismatch).
    const at = heard.findIndex((h) => h.type === 'catalog' && h.catalog.version === added.version);
    await expect.poll(() => heard.slice(at).filter((h) => h.type === 'delta').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    const after = heard.slice(at + 1);
    expect(after[0].type).toBe('snapshot');
    const snapshot = (after[0] as { snapshot: WireSnapshot }).snapshot;
    expect(snapshot.catalogVersion).toBe(added.version);
    const view = toCatalogView(added);
    const live = Object.fromEntries(CHANNEL_IDS.map((id) => [id, allocateChannel(id, view.groups[CHANNELS[id].kind].count)]));
    const snapFrames = unpackChannels(snapshot.channels);
    for (const id of CHANNEL_IDS) applyChannel(live[id], snapFrames[id]!);
    let seq = snapshot.seq;
    for (const h of after.slice(1)) {
      expect(h.type).toBe('delta');
      const { delta } = h as { delta: WireDelta };
      expect(delta.baseSeq ?? delta.seq - 1).toBe(seq);
      seq = delta.seq;
      const frames = delta.channels ? unpackChannels(delta.channels) : {};
      for (const id of CHANNEL_IDS) if (frames[id]) applyChannel(live[id], frames[id]);
    }
    // The vital signs' last hour goes on through the swap (a screen refetches it on a new catalogue).
    const trail = await json('/api/vitals/history', { headers: dispatcher });
    expect(trail.body.points[0].t).toBeLessThan(snapshot.simTime - 2 * 60_000);
  });

  it('takes a reading for the added asset right after the import, and shows it in a frame', async () => {
    const slot = ids(added, 'waterGauge').indexOf('W-NEW');
    const t = lastSimTime();
    expect(await postReadings([{ kind: 'waterGauge', id: 'W-NEW', t: new Date(t).toISOString(), v: 3.21 }])).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } });
    const shown = () =>
      heard.some((h) => {
        if (h.type !== 'delta' || !h.delta.channels) return false;
        const water = unpackChannels(h.delta.channels).water;
        if (!water) return false;
        const decoded = decodeChannel(water);
        const k = decoded.mode === 'full' ? slot : Array.from(decoded.slots ?? []).indexOf(slot);
        return k >= 0 && Math.abs(decoded.values[k] - 3.21) < 0.01;
      });
    await expect.poll(shown, { timeout: 10_000 }).toBe(true);
  });

  it('refuses, after a replacing import, a reading for an asset the registry no longer has; the open incident keeps its team by id', async () => {
    const exported = await json('/api/admin/assets/export', { headers: admin });
    const gone = ids(added, 'rainGauge')[0];
    const firstTeam = ids(added, 'team')[0];
    const features = exported.body.features.filter((f: { properties: { kind: string; id: string } }) => !(f.properties.kind === 'rainGauge' && f.properties.id === gone) && !(f.properties.kind === 'team' && f.properties.id === firstTeam));
    const result = await importFile('?replace=true', { ...exported.body, features });
    expect(result.status).toBe(200);
    expect(result.body.removed).toBe(2);
    const replaced = await catalogOf(result.body.catalogVersion);
    expect(ids(replaced, 'rainGauge')).not.toContain(gone);

    const t = new Date(lastSimTime()).toISOString();
    const verdict = await postReadings([
      { kind: 'rainGauge', id: gone, t, v: 12 },
      { kind: 'waterGauge', id: 'W-NEW', t, v: 3.3 },
    ]);
    expect(verdict.body).toEqual({ accepted: 1, duplicates: 0, rejected: [{ index: 0, reason: `no rainGauge with id "${gone}" in the registry` }] });

    // The incident is where it was on the record, its team found by id one slot down, and on the desk.
    const now = await json(`/api/incidents/${incident.id}`, { headers: dispatcher });
    expect(now.body).toMatchObject({ id: incident.id, teamSlot: 4, version: expect.any(Number) });
    expect(ids(replaced, 'team')[4]).toBe(team);
    expect(['dispatched', 'accepted', 'onSite', 'resolved']).toContain(now.body.status);
    const snapshot = heard.find((h) => h.type === 'snapshot' && h.snapshot.catalogVersion === replaced.version) as { snapshot: WireSnapshot };
    expect(snapshot.snapshot.events.incidents.map((i) => i.id)).toContain(incident.id);
  });

  it('loses no reading across a rebuild: one kept just before stands in the new city, and those arriving during it are held and taken', async () => {
    const id = ids(catalogs().at(-1)!, 'waterGauge')[1];
    const slotNow = () => ids(server.feed.catalog, 'waterGauge').indexOf(id);
    const t0 = lastSimTime();
    // Kept, then the import at once: it is in the old city's queue for the tick, or already applied there.
    expect((await postReadings([{ kind: 'waterGauge', id, t: new Date(t0).toISOString(), v: 2 }])).body.accepted).toBe(1);
    expect((await importFile('', { type: 'FeatureCollection', features: [gauge('W-AFTER', 121.48, 31.22)] })).status).toBe(200);
    await expect.poll(() => server.city.stages.external.timeOf('water', slotNow()), { timeout: 5000 }).toBe(t0);

    const rebuild = importFile('', { type: 'FeatureCollection', features: [gauge('W-DURING', 121.49, 31.22)] });
    const verdicts = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((k) => postReadings([{ kind: 'waterGauge', id, t: new Date(t0 + k * 1000).toISOString(), v: 2 + k / 100 }])));
    expect((await rebuild).status).toBe(200);
    expect(verdicts.map((v) => v.body.accepted)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    await expect.poll(() => server.city.stages.external.timeOf('water', slotNow()), { timeout: 5000 }).toBe(t0 + 8000);
  });

  it('takes an import made by `npm run assets` on the same data directory within a few seconds, and says so', async () => {
    const file = join(dataDir, 'more.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [gauge('W-CLI', 121.5, 31.24)] }));
    const version = server.feed.catalog.version;
    const outcome = await assetsCommand(['import', file, '--data-dir', dataDir], {});
    expect(outcome.code).toBe(0);
    expect(outcome.lines[1]).toMatch(/a running server on this data directory takes it within 2 s$/);
    await expect.poll(() => catalogs().at(-1)!.version !== version && ids(catalogs().at(-1)!, 'waterGauge').includes('W-CLI'), { timeout: 15_000 }).toBe(true);
    expect([socket.connected, connects]).toEqual([true, 1]);
  });
});

describe('a registry the city cannot be built from', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cityops-live-registry-rules-'));
  let own: RunningServer;
  const road = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[121.46, 31.2], [121.48, 31.2]] }, properties: { kind: 'roadSegment', id: 'R-1', roadClass: 'arterial' } };

  beforeAll(async () => {
    writeFileSync(join(dir, 'city.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [road, gauge('W-A', 121.47, 31.23), gauge('W-B', 121.48, 31.23)] }));
    expect((await assetsCommand(['import', join(dir, 'city.geojson'), '--replace', '--data-dir', dir], {})).code).toBe(0);
    // A rule on W-A alone: a registry without W-A would stop the next start.
    writeFileSync(join(dir, 'rules.yaml'), 'version: 1\nrules:\n  - id: a.level\n    kind: waterGauge\n    assets: [W-A]\n    channel: water\n    levels:\n      - { severity: major, raise: 5, clear: 4.9 }\n');
    own = await startTestServer({ dataDir: dir, simulator: false, rules: loadRuleBook(join(dir, 'rules.yaml')) });
  }, 60_000);
  afterAll(async () => {
    await own?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused by the admin route, and the registry and the running city stay as they were', async () => {
    const login = await fetch(`${own.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-demo' }) });
    const headers = { authorization: `Bearer ${(await login.json()).token}` };
    const before = await (await fetch(`${own.url}/api/admin/assets/export`, { headers })).text();
    const version = own.feed.catalog.version;
    const res = await fetch(`${own.url}/api/admin/assets?replace=true`, { method: 'POST', headers: { ...headers, 'content-type': 'application/geo+json' }, body: JSON.stringify({ type: 'FeatureCollection', features: [road, gauge('W-B', 121.48, 31.23)] }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^the city cannot be built from this registry, so nothing was imported: .*W-A/);
    expect(await (await fetch(`${own.url}/api/admin/assets/export`, { headers })).text()).toBe(before);
    expect(own.feed.catalog.version).toBe(version);
  });
});
