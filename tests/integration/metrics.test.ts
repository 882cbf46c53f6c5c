/**
 * GET /metrics and the health split (issue 16) over a real server: the text is parsed by a
 * Prometheus text-format parser, the named families are there and move with a tick, a frame, a
 * POST of readings and a command; who may scrape; readiness goes 503 when the tick stalls and back.
 */
import parsePrometheusTextFormat, { type PromFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { promSamples, sampleSum, type PromSampleLine } from '../support/promSamples';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const KEY = 'metrics-probe-integration-key-0123';
let server: RunningServer;
let socket: TestSocket;
let underpass: string;

beforeAll(async () => {
  server = await startTestServer({ integrationKeys: [{ name: 'probe', key: KEY }] });
  socket = connectClient(server.url);
  const catalog = await nextEvent(socket, 'city:catalog');
  underpass = catalog.groups.find((g) => g.kind === 'underpass')!.ids[2];
}, 60_000);

afterAll(async () => {
  socket?.disconnect();
  await server?.close();
});

interface Scrape {
  families: Map<string, PromFamily>;
  samples: PromSampleLine[];
}

async function scrape(): Promise<Scrape> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { families: new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f])), samples: promSamples(text) };
}

/** A counter's or gauge's value for the labels, a histogram's count (0 when that series is not there yet). */
const valueOf = ({ families, samples }: Scrape, name: string, labels: Record<string, string> = {}) =>
  sampleSum(samples, families.get(name)!.type === 'HISTOGRAM' ? `${name}_count` : name, labels);

const until = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('GET /metrics', () => {
  it('has every named family, and they move with ticks, frames, readings and commands', async () => {
    const before = await scrape();
    const families: [string, PromFamily['type']][] = [
      ['cityops_tick_duration_seconds', 'HISTOGRAM'],
      ['cityops_frames_sent_total', 'COUNTER'],
      ['cityops_socket_bytes_sent_total', 'COUNTER'],
      ['cityops_clients_connected', 'GAUGE'],
      ['cityops_readings_total', 'COUNTER'],
      ['cityops_alarms_active', 'GAUGE'],
      ['cityops_incidents', 'GAUGE'],
      ['cityops_command_duration_seconds', 'HISTOGRAM'],
      ['cityops_storage_commit_duration_seconds', 'HISTOGRAM'],
      ['nodejs_eventloop_lag_seconds', 'GAUGE'],
      ['process_resident_memory_bytes', 'GAUGE'],
      ['nodejs_heap_size_used_bytes', 'GAUGE'],
    ];
    for (const [name, type] of families) expect(before.families.get(name)?.type, name).toBe(type);
    expect(valueOf(before, 'cityops_clients_connected')).toBeGreaterThanOrEqual(1);
    expect(valueOf(before, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(before.families.get('cityops_incidents')!.metrics.map((m) => m.labels?.status)).toEqual(['new', 'dispatched', 'accepted', 'onSite', 'resolved', 'verified', 'closed', 'cancelled']);

    // A frame reaches the socket (a tick ran), readings come in, a socket and an HTTP command are answered.
    await nextEvent(socket, 'readings:delta');
    const t = new Date(server.feed.status().simTime).toISOString();
    const posted = await fetch(`${server.url}/api/ingest/readings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ readings: [{ kind: 'underpass', id: underpass, t, v: 1.5 }, { kind: 'underpass', id: 'NO-SUCH-UNDERPASS', t, v: 1 }] }),
    });
    expect(await posted.json()).toMatchObject({ accepted: 1, rejected: [{ index: 1 }] });
    expect(await socket.emitWithAck('readings:resync', { lastSeq: 0 })).toMatchObject({ ok: true });
    await nextEvent(socket, 'readings:delta');

    const after = await scrape();
    const rose = (name: string, labels?: Record<string, string>) => expect(valueOf(after, name, labels), name).toBeGreaterThan(valueOf(before, name, labels));
    rose('cityops_tick_duration_seconds');
    rose('cityops_frames_sent_total', { kind: 'delta' });
    rose('cityops_socket_bytes_sent_total');
    rose('cityops_readings_total', { source: 'probe', outcome: 'accepted' });
    rose('cityops_readings_total', { source: 'probe', outcome: 'refused' });
    rose('cityops_command_duration_seconds', { transport: 'http', command: 'POST /api/ingest/readings', outcome: 'ok' });
    rose('cityops_command_duration_seconds', { transport: 'socket', command: 'readings:resync', outcome: 'ok' });
    rose('cityops_storage_commit_duration_seconds', { outcome: 'committed' });
    const tick = after.families.get('cityops_tick_duration_seconds')!.metrics[0];
    expect(Number(tick.sum)).toBeGreaterThan(0);
    expect(Number(tick.buckets!['+Inf'])).toBe(Number(tick.count));
    // Each labelled histogram series is whole: its +Inf bucket is its count.
    const http = { transport: 'http', command: 'POST /api/ingest/readings', outcome: 'ok' };
    expect(sampleSum(after.samples, 'cityops_command_duration_seconds_bucket', { ...http, le: '+Inf' })).toBe(valueOf(after, 'cityops_command_duration_seconds', http));
  });

  it('answers loopback without a token and nothing else; with CITYOPS_METRICS_TOKEN, only its bearer', async () => {
    const remote = await server.http.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.stringContaining('CITYOPS_METRICS_TOKEN') } });
    const token = 'scrape-token-0123456789abcdef';
    const guarded = await startTestServer({ metricsToken: token });
    try {
      const get = (authorization?: string) => fetch(`${guarded.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect((await get()).status).toBe(401);
      expect((await get('Bearer wrong-token-0123456789abcdef')).status).toBe(401);
      const ok = await get(`Bearer ${token}`);
      expect(ok.status).toBe(200);
      expect(parsePrometheusTextFormat(await ok.text()).some((f) => f.name === 'cityops_tick_duration_seconds')).toBe(true);
      const elsewhere = await guarded.http.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: `Bearer ${token}` } });
      expect(elsewhere.statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  }, 60_000);
});

describe('health: liveness and readiness', () => {
  const json = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    return { status: res.status, body: await res.json() };
  };

  it('goes not ready (503, the reason) when the tick stalls, and ready again when it runs', async () => {
    expect(await json('/api/health/ready')).toEqual({ status: 200, body: { status: 'ready', reasons: [] } });
    expect((await json('/api/health')).body).toMatchObject({ status: 'ok', reasons: [] });
    server.ticker!.stop();
    try {
      await until(async () => (await json('/api/health/ready')).status === 503, 8000);
      const ready = await json('/api/health/ready');
      expect(ready.body).toEqual({ status: 'notReady', reasons: [expect.stringMatching(/^tick: the city tick has stalled: none for \d+\.\d s/)] });
      // Liveness is the process answering; /api/health keeps its fields and says why it is degraded.
      expect(await json('/api/health/live')).toEqual({ status: 200, body: { status: 'live' } });
      const health = await json('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'degraded', reasons: ready.body.reasons.map(() => expect.stringMatching(/^tick: /)), version: expect.any(String), simulator: { running: false } });
    } finally {
      server.ticker!.resume();
    }
    await until(async () => (await json('/api/health/ready')).status === 200, 8000);
    expect((await json('/api/health')).body).toMatchObject({ status: 'ok', reasons: [], simulator: { running: true } });
  }, 30_000);
});
