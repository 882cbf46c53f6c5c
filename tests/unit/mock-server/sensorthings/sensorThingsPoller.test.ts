import { beforeEach, describe, expect, it } from 'vitest';
import type { IngestVerdict, ParsedReading, ReadingSink } from '../../../../mock-server/ingest/incomingReading';
import { SensorThingsPoller, SENSORTHINGS_SOURCE, type SensorThingsPollerDeps } from '../../../../mock-server/sensorthings/sensorThingsPoller';
import { parseSensorThingsMap } from '../../../../mock-server/sensorthings/sensorThingsMap';
import type { SensorThingsCursorStore } from '../../../../mock-server/storage/stores';
import { frostApi, type FrostApi } from '../../../support/frostServer';

const EVERY = 60_000;
const T0 = Date.parse('2023-01-01T12:05:00Z');

/** A gate that keeps what it is given (a repeat of asset, measure and time is a duplicate) and refuses parse errors. */
class FakeGate implements ReadingSink {
  batches: { batch: ParsedReading[]; source: string }[] = [];
  kept = new Map<string, number>();
  failNext = false;
  async accept(batch: readonly ParsedReading[], source: string): Promise<IngestVerdict> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('SQLITE_FULL: database or disk is full');
    }
    this.batches.push({ batch: [...batch], source });
    const verdict: IngestVerdict = { accepted: 0, duplicates: 0, rejected: [] };
    batch.forEach((r, index) => {
      if ('error' in r) return void verdict.rejected.push({ index, reason: r.error });
      const key = `${r.kind}/${r.assetId}/${r.measure}/${r.tMs}`;
      if (this.kept.has(key)) verdict.duplicates += 1;
      else {
        this.kept.set(key, r.v);
        verdict.accepted += 1;
      }
    });
    return verdict;
  }
}

class MemoryCursors implements SensorThingsCursorStore {
  rows = new Map<string, number>();
  async load(server: string) {
    return new Map([...this.rows].filter(([k]) => k.startsWith(`${server} `)).map(([k, v]) => [k.slice(server.length + 1), v]));
  }
  async save(server: string, datastream: string, lastStart: number) {
    this.rows.set(`${server} ${datastream}`, lastStart);
  }
}

const HEADER = 'datastream_id,kind,asset_id,measure,unit';
let frost: FrostApi;
let gate: FakeGate;
let cursors: MemoryCursors;
let clock: { now: number };
let logged: { level: string; msg: string }[];

function open(mapLines: string[], extra: Partial<SensorThingsPollerDeps> = {}): Promise<SensorThingsPoller> {
  const log = (level: string) => (_obj: object, msg: string) => void logged.push({ level, msg });
  return SensorThingsPoller.open({
    url: frost.url,
    map: parseSensorThingsMap([HEADER, ...mapLines].join('\n'), 'st.csv'),
    everyMs: EVERY,
    since: Date.parse('2015-01-01T00:00:00Z'),
    readings: gate,
    cursors,
    now: () => clock.now,
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    fetch: frost.fetch,
    ...extra,
  });
}

const observationRequests = () => frost.requests.filter((r) => r.includes('/Observations'));

beforeEach(() => {
  frost = frostApi('http://frost.test/FROST-Server/v1.1', { maxTop: 3 });
  gate = new FakeGate();
  cursors = new MemoryCursors();
  clock = { now: T0 };
  logged = [];
});

describe('SensorThingsPoller: the map lines at start', () => {
  it('refuses, with the line, a Datastream whose unit the measure cannot take or cannot be told, and one the server lacks', async () => {
    const poller = await open(['1,weatherStation,WS-1,temp,', '2,weatherStation,WS-2,temp,', '99,weatherStation,WS-3,temp,', '3,weatherStation,WS-4,temp,']);
    await poller.pollNow();
    const [lumen, centigrade, missing, celsius] = poller.status().datastreams;
    expect(lumen).toMatchObject({ state: 'refused', name: 'datastream name 1', unit: 'lm', nextPollAt: null });
    expect(lumen.lastError!.message).toBe('st.csv:2: Datastream 1 ("datastream name 1") reports in lm (symbol "lm"), which weatherStation temp does not take: it takes Cel');
    // "C" is no unit we know, and the definition the material gives it is Lumen's.
    expect(centigrade).toMatchObject({ state: 'refused', unit: 'lm' });
    expect(centigrade.lastError!.message).toMatch(/^st\.csv:3: Datastream 2 .* reports in lm \(definition ".*Lumen"; its symbol "C" is not a unit this server knows\)/);
    expect(missing).toMatchObject({ state: 'refused', lastError: { message: 'st.csv:4: the server has no Datastream 99 (HTTP 404)' } });
    expect(celsius).toMatchObject({ state: 'polling', unit: 'Cel', factor: 1, accepted: 4 });
    expect(logged.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual([expect.stringMatching(/^SensorThings map line refused: st\.csv:2/), expect.stringMatching(/st\.csv:3/), expect.stringMatching(/st\.csv:4/)]);
    // A refused line is never polled again.
    const before = frost.requests.length;
    clock.now += EVERY;
    await poller.pollNow();
    expect(frost.requests.slice(before).filter((r) => /Datastreams\((1|2|99)\)/.test(r))).toEqual([]);
  });

  it('takes the map’s unit over the Datastream’s own', async () => {
    const poller = await open(['2,weatherStation,WS-2,temp,Cel']);
    await poller.pollNow();
    expect(poller.status().datastreams[0]).toMatchObject({ state: 'polling', unit: 'Cel', accepted: 2 });
    expect([...gate.kept.values()]).toEqual([5, 6]);
  });
});

describe('SensorThingsPoller: polling', () => {
  it('hands each page of Observations to the gate as sensorthings, and stores the cursor after each', async () => {
    const poller = await open(['3,weatherStation,WS-4,temp,']);
    await poller.pollNow();
    expect(gate.batches.map((b) => [b.source, b.batch.length])).toEqual([
      [SENSORTHINGS_SOURCE, 3],
      [SENSORTHINGS_SOURCE, 1],
    ]);
    expect(gate.batches[0].batch[0]).toEqual({ kind: 'weatherStation', assetId: 'WS-4', measure: 'temp', tMs: Date.parse('2023-01-01T12:00:00Z'), v: 1 });
    expect(observationRequests()).toEqual([expect.stringMatching(/phenomenonTime gt 2015-01-01T00:00:00\.000Z/), expect.stringMatching(/\$skip=3/)]);
    expect(cursors.rows.get(`${frost.url} 3`)).toBe(Date.parse('2023-01-01T12:04:00Z'));
    expect(poller.status().datastreams[0]).toMatchObject({ observations: 4, accepted: 4, duplicates: 0, rejected: 0, lastPhenomenonTime: '2023-01-01T12:04:00.000Z', lastPollAt: new Date(T0).toISOString() });
  });

  it('asks only after the last time read: a second poll adds nothing, a new Observation comes in once', async () => {
    const poller = await open(['3,weatherStation,WS-4,temp,']);
    await poller.pollNow();
    const batches = gate.batches.length;
    await poller.pollNow();
    expect(gate.batches.length).toBe(batches);
    expect(observationRequests().at(-1)).toMatch(/phenomenonTime gt 2023-01-01T12:04:00\.000Z/);
    frost.addObservation(3, '2023-01-01T12:05:00Z', 7);
    await poller.pollNow();
    expect(gate.batches.at(-1)!.batch).toEqual([expect.objectContaining({ v: 7 })]);
    expect(poller.status().datastreams[0]).toMatchObject({ observations: 5, accepted: 5, duplicates: 0 });
  });

  it('continues from the stored cursor after a restart', async () => {
    await (await open(['3,weatherStation,WS-4,temp,'])).pollNow();
    frost.requests.length = 0;
    const restarted = await open(['3,weatherStation,WS-4,temp,']);
    expect(restarted.status().datastreams[0].lastPhenomenonTime).toBe('2023-01-01T12:04:00.000Z');
    await restarted.pollNow();
    expect(observationRequests()).toEqual([expect.stringMatching(/phenomenonTime gt 2023-01-01T12:04:00\.000Z/)]);
    expect(restarted.status().datastreams[0]).toMatchObject({ observations: 0, duplicates: 0 });
  });

  it('stamps an interval with its end and moves the cursor by its start, never reading it twice', async () => {
    const poller = await open(['3,weatherStation,WS-4,temp,']);
    await poller.pollNow();
    frost.addObservation(3, '2023-01-01T12:05:00Z/2023-01-01T12:10:00Z', 8);
    frost.addObservation(3, '2023-01-01T12:10:00Z/2023-01-01T12:15:00Z', 9);
    await poller.pollNow();
    expect(gate.batches.at(-1)!.batch.map((r) => ('tMs' in r ? new Date(r.tMs).toISOString() : r))).toEqual(['2023-01-01T12:10:00.000Z', '2023-01-01T12:15:00.000Z']);
    expect(poller.status().datastreams[0].lastPhenomenonTime).toBe('2023-01-01T12:10:00.000Z');
    const batches = gate.batches.length;
    await poller.pollNow();
    expect(gate.batches.length).toBe(batches);
  });

  it('counts an Observation the gate refuses, with its reason, and moves on past it', async () => {
    const poller = await open(['3,weatherStation,WS-4,temp,']);
    await poller.pollNow();
    frost.addObservation(3, '2023-01-01T12:06:00Z', '12.5');
    await poller.pollNow();
    expect(poller.status().datastreams[0]).toMatchObject({ rejected: 1, lastRejection: '"result" must be a finite number, not the string "12.5"', lastPhenomenonTime: '2023-01-01T12:06:00.000Z' });
  });
});

describe('SensorThingsPoller: failures', () => {
  it('counts a 500 and a body that is not JSON, backs off, and polls again once the server answers', async () => {
    const poller = await open(['3,weatherStation,WS-4,temp,']);
    frost.fault = 'status500';
    await poller.pollNow();
    let [ds] = poller.status().datastreams;
    expect(ds).toMatchObject({ state: 'starting', failures: 1, failuresInARow: 1, lastError: { message: expect.stringMatching(/^HTTP 500 from .*Datastreams\(3\)/) } });
    const requests = frost.requests.length;
    await poller.pollNow();
    expect(frost.requests.length).toBe(requests);
    frost.fault = 'garbage';
    clock.now += EVERY;
    await poller.pollNow();
    [ds] = poller.status().datastreams;
    expect(ds).toMatchObject({ failures: 2, failuresInARow: 2, lastError: { message: expect.stringMatching(/^not JSON from .*\(text\/html\): <html>/) } });
    frost.fault = null;
    // Two failures in a row: twice the interval.
    clock.now += EVERY;
    await poller.pollNow();
    expect(poller.status().datastreams[0].failuresInARow).toBe(2);
    clock.now += EVERY;
    await poller.pollNow();
    expect(poller.status().datastreams[0]).toMatchObject({ state: 'polling', accepted: 4, failures: 2, failuresInARow: 0 });
    expect(poller.status().failures).toBe(2);
    expect(logged.filter((l) => l.level === 'warn')).toHaveLength(2);
    expect(logged.at(-1)!.msg).toMatch(/polling again after 2 failure/);
  });

  it('ends a round at an unreachable server, and does not move the cursor past what the gate could not keep', async () => {
    const down = async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const poller = await open(['3,weatherStation,WS-4,temp,', '4,weatherStation,WS-5,temp,'], { fetch: down });
    await poller.pollNow();
    expect(poller.status().datastreams.map((d) => d.failures)).toEqual([1, 0]);

    const up = await open(['3,weatherStation,WS-4,temp,']);
    await up.pollNow();
    frost.addObservation(3, '2023-01-01T12:06:00Z', 5);
    gate.failNext = true;
    await up.pollNow();
    expect(up.status().datastreams[0]).toMatchObject({ failures: 1, lastPhenomenonTime: '2023-01-01T12:04:00.000Z', lastError: { message: expect.stringMatching(/SQLITE_FULL/) } });
    clock.now += EVERY;
    await up.pollNow();
    expect(up.status().datastreams[0]).toMatchObject({ accepted: 5, lastPhenomenonTime: '2023-01-01T12:06:00.000Z' });
  });

  it('stops: no round after stop', async () => {
    const poller = await open(['3,weatherStation,WS-4,temp,']);
    poller.start();
    await poller.stop();
    await poller.pollNow();
    expect(poller.status().datastreams[0]).toMatchObject({ nextPollAt: null });
    expect(gate.batches).toEqual([]);
  });
});
