/**
 * The HTTP sender against a tiny fastify server standing in for the far end: it records each body and
 * key and answers as `POST /api/ingest/readings` does. Requests go through fastify's inject (no
 * socket), handed to the sender as its fetch.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpSender } from '../../../../mock-server/replay/httpSender';
import type { OutgoingReading } from '../../../../mock-server/replay/replayPlan';
import { SendError } from '../../../../mock-server/replay/replaySender';

interface Received {
  key: string | undefined;
  readings: { kind: string; id: string; measure: string; t: string; v: number }[];
}

let app: FastifyInstance;
let received: Received[];
/** Status codes to answer before answering normally, one per request. */
let failures: number[];

const injectFetch = (server: FastifyInstance): typeof fetch =>
  (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const res = await server.inject({ method: 'POST', url: url.pathname, headers: init?.headers as Record<string, string>, payload: init?.body as string });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') } });
  }) as typeof fetch;

const reading = (i: number): OutgoingReading => ({ kind: 'underpass', assetId: `UP-${String(i).padStart(4, '0')}`, measure: 'depth', tMs: Date.parse('2026-07-15T06:00:00Z') + i * 60_000, v: i, dueMs: 0, recordedMs: 0 });
const noWait = async () => {};

beforeEach(async () => {
  received = [];
  failures = [];
  app = Fastify({ bodyLimit: 2000 });
  app.post('/api/ingest/readings', async (request, reply) => {
    const failure = failures.shift();
    if (failure) return reply.code(failure).send({ error: { code: 'X', message: `status ${failure}` } });
    const key = request.headers['x-api-key'] as string | undefined;
    if (key !== 'k3y') return reply.code(401).send({ error: { code: 'UNAUTHORIZED', message: 'a valid integration key is required' } });
    const body = request.body as { readings: Received['readings'] };
    received.push({ key, readings: body.readings });
    const rejected = body.readings.flatMap((r, index) => (r.id === 'UP-0002' ? [{ index, reason: 'no underpass with id "UP-0002" in the registry' }] : []));
    return { accepted: body.readings.length - rejected.length, duplicates: 0, rejected };
  });
  await app.ready();
});

afterEach(() => app.close());

describe('httpSender', () => {
  it('posts the readings with the integration key and returns the verdict', async () => {
    const sender = httpSender({ url: 'http://cityops.test:8080', key: 'k3y', fetch: injectFetch(app) });
    const verdict = await sender.send([reading(1), reading(2)]);
    expect(verdict).toEqual({ accepted: 1, duplicates: 0, rejected: [{ index: 1, reason: 'no underpass with id "UP-0002" in the registry' }] });
    expect(received).toEqual([
      {
        key: 'k3y',
        readings: [
          { kind: 'underpass', id: 'UP-0001', measure: 'depth', t: '2026-07-15T06:01:00.000Z', v: 1 },
          { kind: 'underpass', id: 'UP-0002', measure: 'depth', t: '2026-07-15T06:02:00.000Z', v: 2 },
        ],
      },
    ]);
    expect(sender.verdicts).toBe(true);
  });

  it('splits a batch the server finds too large (413) and joins the verdicts, indices as sent', async () => {
    const sender = httpSender({ url: 'http://cityops.test', key: 'k3y', fetch: injectFetch(app) });
    const batch = Array.from({ length: 24 }, (_, i) => reading(i));
    const verdict = await sender.send(batch);
    expect(received.length).toBeGreaterThan(1);
    expect(received.flatMap((r) => r.readings.map((x) => x.id))).toEqual(batch.map((r) => r.assetId));
    expect(verdict).toEqual({ accepted: 23, duplicates: 0, rejected: [{ index: 2, reason: 'no underpass with id "UP-0002" in the registry' }] });
  });

  it('stops the replay on a wrong key, with the server’s words', async () => {
    const sender = httpSender({ url: 'http://cityops.test', key: 'nope', fetch: injectFetch(app) });
    await expect(sender.send([reading(1)])).rejects.toThrow(SendError);
    await expect(sender.send([reading(1)])).rejects.toThrow('http://cityops.test/api/ingest/readings answered 401: a valid integration key is required');
  });

  it('tries again after a 5xx, and gives up after its retries', async () => {
    const sender = httpSender({ url: 'http://cityops.test', key: 'k3y', fetch: injectFetch(app), retries: 2, sleep: noWait });
    failures = [503, 502];
    expect(await sender.send([reading(1)])).toMatchObject({ accepted: 1 });
    failures = [503, 503, 503];
    await expect(sender.send([reading(1)])).rejects.toThrow('answered 503: status 503');
    expect(received).toHaveLength(1);
  });

  it('tries again when the request fails, and names the failure when it keeps failing', async () => {
    let calls = 0;
    const down = (async () => {
      calls++;
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:8080') });
    }) as typeof fetch;
    const sender = httpSender({ url: 'http://127.0.0.1:8080', key: 'k3y', fetch: down, retries: 3, sleep: noWait });
    await expect(sender.send([reading(1)])).rejects.toThrow('http://127.0.0.1:8080/api/ingest/readings: connect ECONNREFUSED 127.0.0.1:8080 (tried 4 times)');
    expect(calls).toBe(4);
  });

  it('refuses an answer that is not a verdict', async () => {
    const other = Fastify();
    other.post('/api/ingest/readings', async () => ({ ok: true }));
    const sender = httpSender({ url: 'http://elsewhere.test', key: 'k3y', fetch: injectFetch(other) });
    await expect(sender.send([reading(1)])).rejects.toThrow(/without a verdict/);
    await other.close();
  });
});
