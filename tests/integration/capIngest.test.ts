/**
 * CAP warnings in over HTTP, against the real server with the shared CAP material as it is
 * (../shared/data/cap-1.2): every single-alert file taken or refused as its XSD verdict says, every
 * bad input refused with the problem named, an Update replacing and a Cancel ending what it
 * references, `expires` honoured by the clock, the key, the content types, the body limit, and the
 * history paged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema, type Config } from '../../mock-server/config';
import type { RunningServer } from '../../mock-server/server';
import { startServer } from '../../mock-server/server';

const CAP_DIR = join(__dirname, '../../../shared/data/cap-1.2');
const KEY = 'weather-bureau-integration-key-0123';
// 15:00 PDT on the day of the spec's thunderstorm warning, which expires at 16:00 PDT.
const clock = { now: Date.parse('2003-06-17T22:00:00Z') };
const THUNDERSTORM = readFileSync(join(CAP_DIR, 'examples-spec/severe-thunderstorm-KSTO1055887203.cap.xml'), 'utf8');
const STORM_KEY = 'KSTO@NWS.NOAA.GOV,KSTO1055887203,2003-06-17T14:57:00-07:00';

let server: RunningServer;

async function post(body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/api/ingest/cap`, { method: 'POST', headers: { 'content-type': 'application/cap+xml', 'x-api-key': KEY, ...headers }, body: typeof body === 'string' ? body : Uint8Array.from(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

interface WarningView { key: string; state: string; endedBy: string | null; msgType: string; info: { event: string; areas: { polygons: number[][][] }[] }[] }

async function warnings(query = ''): Promise<{ warnings: WarningView[]; nextCursor: string | null }> {
  const res = await fetch(`${server.url}/api/warnings${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { warnings: WarningView[]; nextCursor: string | null };
}

/** The spec's thunderstorm warning as another message of the same office. */
function variant(identifier: string, sent: string, msgType: string, references?: string): string {
  return THUNDERSTORM.replace('<identifier>KSTO1055887203</identifier>', `<identifier>${identifier}</identifier>`)
    .replace('<sent>2003-06-17T14:57:00-07:00</sent>', `<sent>${sent}</sent>`)
    .replace('<msgType>Alert</msgType>', `<msgType>${msgType}</msgType>`)
    .replace('<scope>Public</scope>', `<scope>Public</scope>${references ? `<references>${references}</references>` : ''}`);
}

beforeAll(async () => {
  const config = { ...ConfigSchema.parse({}), port: 0, host: '127.0.0.1', logLevel: 'silent', seed: 20260701, tickMs: 50, demo: true, dataDir: ':memory:', simulator: false, start: clock.now, integrationKeys: [{ name: 'weather-bureau', key: KEY }] } as Config;
  server = await startServer({ config, now: () => clock.now });
});

afterAll(async () => {
  await server?.close();
});

describe('POST /api/ingest/cap', () => {
  const singles = ['alerts', 'examples-spec'].flatMap((dir) => readdirSync(join(CAP_DIR, dir)).filter((f) => !f.endsWith('-in-atom.xml')).map((f) => `${dir}/${f}`));

  it.each(singles)('takes %s as its XSD verdict says', async (file) => {
    const { status, body } = await post(readFileSync(join(CAP_DIR, file)));
    if (file === 'alerts/earthquake_signed.cap') {
      // XSD_VALIDATION.tsv: CAP 1.1 has no place for an XML signature.
      expect(status).toBe(400);
      expect((body.error as { message: string }).message).toMatch(/^CAP alert refused: alert\/Signature: not expected here/);
      return;
    }
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ identifier: expect.any(String), became: expect.stringMatching(/^(active|expired|duplicate)$/) });
  });

  it.each(readdirSync(join(CAP_DIR, 'bad-input')))('refuses bad-input/%s with a 400 naming the problem', async (file) => {
    const { status, body } = await post(readFileSync(join(CAP_DIR, 'bad-input', file)), { 'content-type': 'application/xml' });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^CAP alert refused: (alert\/\w|the root element is <\w+>|the document has a DOCTYPE)/) });
  });

  it('reads the ISO-8859-1 alert and keeps its accents', async () => {
    const all = await warnings('?limit=200');
    const quake = all.warnings.find((w) => w.key.includes('USGS-earthquakes-usB000D5T4'));
    expect(JSON.stringify(quake)).toMatch(/[À-ÿ]/);
  });

  it('an Update replaces the alert it references, a Cancel ends the update, a repeat changes nothing', async () => {
    expect((await post(THUNDERSTORM)).body).toMatchObject({ became: 'duplicate' });
    expect((await warnings('?active=true')).warnings.map((w) => w.key)).toContain(STORM_KEY);

    const update = await post(variant('KSTO1055887203-U1', '2003-06-17T15:05:00-07:00', 'Update', STORM_KEY));
    const updateKey = 'KSTO@NWS.NOAA.GOV,KSTO1055887203-U1,2003-06-17T15:05:00-07:00';
    expect(update).toEqual({ status: 200, body: { identifier: 'KSTO1055887203-U1', key: updateKey, became: 'active', ended: [STORM_KEY], unknownReferences: [] } });
    let active = (await warnings('?active=true')).warnings.map((w) => w.key);
    expect(active).toContain(updateKey);
    expect(active).not.toContain(STORM_KEY);

    const cancel = await post(variant('KSTO1055887203-C1', '2003-06-17T15:10:00-07:00', 'Cancel', `${updateKey} NOBODY,unknown-1,2003-06-17T15:00:00-07:00`));
    expect(cancel.body).toMatchObject({ became: 'cancellation', ended: [updateKey], unknownReferences: ['NOBODY,unknown-1,2003-06-17T15:00:00-07:00'] });
    active = (await warnings('?active=true')).warnings.map((w) => w.key);
    expect(active).not.toContain(updateKey);
    expect(active.some((k) => k.includes('KSTO1055887203'))).toBe(false);

    const history = (await warnings('?limit=200')).warnings;
    expect(history.find((w) => w.key === STORM_KEY)).toMatchObject({ state: 'replaced', endedBy: updateKey });
    expect(history.find((w) => w.key === updateKey)).toMatchObject({ state: 'cancelled' });
    expect(history.find((w) => w.key === STORM_KEY)!.info[0]!.areas[0]!.polygons[0]![0]).toEqual([-120.14, 38.47]);
    // A cancelled alert is not brought back by a late Update that names it.
    expect((await post(variant('KSTO1055887203-U2', '2003-06-17T15:12:00-07:00', 'Update', updateKey))).body).toMatchObject({ became: 'active', ended: [] });
  });

  it('honours expires: the warning leaves the active list when its time passes', async () => {
    const key = 'KSTO@NWS.NOAA.GOV,KSTO-EXPIRING,2003-06-17T15:20:00-07:00';
    expect((await post(variant('KSTO-EXPIRING', '2003-06-17T15:20:00-07:00', 'Alert'))).body).toMatchObject({ key, became: 'active' });
    expect((await warnings('?active=true')).warnings.map((w) => w.key)).toContain(key);
    clock.now = Date.parse('2003-06-17T23:00:01Z');
    expect((await warnings('?active=true')).warnings.map((w) => w.key)).not.toContain(key);
    expect((await warnings('?limit=200')).warnings.find((w) => w.key === key)).toMatchObject({ state: 'expired' });
    // Arriving after its expiry, an alert is kept as expired.
    expect((await post(variant('KSTO-LATE', '2003-06-17T15:30:00-07:00', 'Alert'))).body).toMatchObject({ became: 'expired' });
  });

  it('pages the history, newest first, every warning once', async () => {
    const all = (await warnings('?limit=200')).warnings.map((w) => w.key);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await warnings(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.warnings.length).toBeLessThanOrEqual(3);
      seen.push(...page.warnings.map((w) => w.key));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(10);
  });

  it('asks for the integration key, a CAP content type, and a body under the limit', async () => {
    expect((await post(THUNDERSTORM, { 'x-api-key': 'wrong-key-wrong-key-wrong-key' })).status).toBe(401);
    const plain = await fetch(`${server.url}/api/ingest/cap`, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-api-key': KEY }, body: THUNDERSTORM });
    expect(plain.status).toBe(415);
    const json = await fetch(`${server.url}/api/ingest/cap`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: JSON.stringify({ alert: THUNDERSTORM }) });
    expect(json.status).toBe(415);
    expect(((await json.json()) as { error: { message: string } }).error.message).toBe('send the alert as application/cap+xml or application/xml, not application/json');
    const big = THUNDERSTORM.replace('<description>', `<description>${'x'.repeat(600 * 1024)}`);
    const tooBig = await post(big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
