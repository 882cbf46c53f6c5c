import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { AssetFactsResponseSchema, AssetHistoryResponseSchema, assetHistoryUrl, assetUrl } from '../../src/protocol/assetApi';
import type { AssetKind } from '../../src/protocol/assets';
import { startTestServer } from '../support/testServer';

let server: RunningServer;
const get = (path: string) => fetch(`${server.url}${path}`);
const idOf = (kind: AssetKind, slot = 0) => server.feed.catalog.groups.find((g) => g.kind === kind)!.ids[slot];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('asset detail routes', () => {
  it('answers a known water gauge with its facts and current level', async () => {
    const id = idOf('waterGauge', 3);
    const res = await get(assetUrl('waterGauge', id));
    expect(res.status).toBe(200);
    const body = AssetFactsResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ kind: 'waterGauge', id, slot: 3, units: { water: 'm' } });
    expect(body.name.length).toBeGreaterThan(0);
    expect(body.district?.code).toMatch(/^\d+$/);
    expect(body.thresholds.warning).toBeLessThan(body.thresholds.danger!);
    expect(body.lon).toBeGreaterThan(120.8);
    expect(body.lat).toBeGreaterThan(30.6);
    expect(Object.keys(body.values)).toEqual(['water']);
  });

  it('gives a team its position as a pair and a pump station its state code', async () => {
    const team = AssetFactsResponseSchema.parse(await (await get(assetUrl('team', idOf('team')))).json());
    expect(team.values['team.pos']).toHaveLength(2);
    const pump = AssetFactsResponseSchema.parse(await (await get(assetUrl('pumpStation', idOf('pumpStation')))).json());
    expect(Object.keys(pump.values)).toEqual(['pump.state', 'pump.level', 'pump.flow']);
    expect(pump.thresholds).toHaveProperty('start');
  });

  it('returns a history that grows by one sample per simulated minute', async () => {
    const id = idOf('waterGauge');
    const read = async () => {
      const res = await get(assetHistoryUrl('waterGauge', id));
      expect(res.status).toBe(200);
      return AssetHistoryResponseSchema.parse(await res.json());
    };
    await expect.poll(async () => (await read()).series.water.t.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const first = await read();
    await expect.poll(async () => (await read()).series.water.t.length, { timeout: 10_000 }).toBeGreaterThan(first.series.water.t.length);
    const later = await read();
    expect(later).toMatchObject({ kind: 'waterGauge', id, minutes: 60, units: { water: 'm' } });
    const { t, v } = later.series.water;
    expect(v).toHaveLength(t.length);
    // One sample per simulated minute: the first tick of each minute.
    const minutes = t.map((x) => Math.floor(x / 60_000));
    minutes.forEach((m, i) => i > 0 && expect(m).toBe(minutes[i - 1] + 1));
    expect(t[t.length - 1] - t[0]).toBeLessThan(60 * 60_000);
  });

  it('gives every non-strided channel of a kind, and honours minutes', async () => {
    const id = idOf('roadSegment');
    const all = AssetHistoryResponseSchema.parse(await (await get(assetHistoryUrl('roadSegment', id))).json());
    expect(Object.keys(all.series).sort()).toEqual(['road.closed', 'road.index', 'road.speed']);
    const team = AssetHistoryResponseSchema.parse(await (await get(assetHistoryUrl('team', idOf('team')))).json());
    expect(Object.keys(team.series)).toEqual(['team.state']);
    const one = AssetHistoryResponseSchema.parse(await (await get(assetHistoryUrl('roadSegment', id, 1))).json());
    expect(one.minutes).toBe(1);
    expect(one.series['road.speed'].t.length).toBeLessThanOrEqual(1);
  });

  it('refuses an unknown kind with 400, naming the kinds it knows', async () => {
    const res = await get('/api/assets/volcano/V-1');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/kind/);
    expect(body.error.message).toMatch(/waterGauge/);
    expect((await get('/api/assets/volcano/V-1/history')).status).toBe(400);
  });

  it('answers an unknown id with 404 NOT_FOUND', async () => {
    for (const path of [assetUrl('waterGauge', 'NO-SUCH'), assetHistoryUrl('waterGauge', 'NO-SUCH')]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('NO-SUCH') } });
    }
    // An id from another kind is not this kind's.
    expect((await get(assetUrl('rainGauge', idOf('waterGauge')))).status).toBe(404);
  });

  it('refuses minutes outside 1–60 or not a whole number', async () => {
    const id = idOf('waterGauge');
    for (const minutes of ['0', '61', '-5', '2.5', 'abc', '']) {
      const res = await get(`${assetUrl('waterGauge', id)}/history?minutes=${minutes}`);
      expect(res.status, `minutes=${minutes}`).toBe(400);
      expect((await res.json()).error.message).toMatch(/minutes/);
    }
  });

  it('stays up after the bad requests', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect((await get(assetUrl('waterGauge', idOf('waterGauge')))).status).toBe(200);
  });
});
