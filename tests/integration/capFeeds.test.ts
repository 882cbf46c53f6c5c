/**
 * Polled CAP feeds (CITYOPS_CAP_FEEDS, issue 16) against the real server and a real local HTTP server
 * serving an Atom and an RSS feed built from the shared CAP files as they are (../shared/data/cap-1.2):
 * the first poll takes every alert through the same ingest as POST /api/ingest/cap (embedded or
 * linked), the next sends If-None-Match / If-Modified-Since and gets 304, a new entry is picked up, a
 * Cancel in the feed ends its warning, and a feed answering 500 or garbage is counted and reported
 * without a crash. The poller is driven by its poll function, never by waiting on its interval.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import { startTestServer } from '../support/testServer';

const CAP_DIR = join(__dirname, '../../../shared/data/cap-1.2');
const read = (file: string) => readFileSync(join(CAP_DIR, file));
/** An alert file as an element inside a feed: the same document without its XML declaration. */
const embedded = (xml: string) => xml.replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '');
const THUNDERSTORM = read('examples-spec/severe-thunderstorm-KSTO1055887203.cap.xml').toString('utf8');
const STORM_KEY = 'KSTO@NWS.NOAA.GOV,KSTO1055887203,2003-06-17T14:57:00-07:00';
// 15:00 PDT on the day of the spec's thunderstorm warning, which expires at 16:00 PDT.
const clock = { now: Date.parse('2003-06-17T22:00:00Z') };
const LAST_MODIFIED = 'Tue, 17 Jun 2003 21:59:00 GMT';

/** The thunderstorm warning as another message of the same office (as capIngest.test.ts does). */
function variant(identifier: string, sent: string, msgType: string, references?: string): string {
  return THUNDERSTORM.replace('<identifier>KSTO1055887203</identifier>', `<identifier>${identifier}</identifier>`)
    .replace('<sent>2003-06-17T14:57:00-07:00</sent>', `<sent>${sent}</sent>`)
    .replace('<msgType>Alert</msgType>', `<msgType>${msgType}</msgType>`)
    .replace('<scope>Public</scope>', `<scope>Public</scope>${references ? `<references>${references}</references>` : ''}`);
}

interface AtomEntry { id: string; updated: string; alert?: string; link?: string }
const atomEntries: AtomEntry[] = [
  { id: 'urn:cap:KSTO1055887203', updated: '2003-06-17T14:57:00-07:00', alert: THUNDERSTORM },
  { id: 'urn:cap:KAR0-0306112239-SW', updated: '2003-06-11T22:39:00-07:00', link: '/cap/amber-alert-ibm-copy.cap.xml' },
];
const atom = () => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:test:atom</id><title>Test CAP feed</title><updated>2003-06-17T15:00:00-07:00</updated>
${atomEntries.map((e) => `<entry><id>${e.id}</id><title>${e.id}</title><updated>${e.updated}</updated>${e.link ? `<link rel="alternate" type="application/cap+xml" href="${e.link}"/>` : ''}${e.alert ? `<content type="application/cap+xml">${embedded(e.alert)}</content>` : ''}</entry>`).join('\n')}
</feed>`;
const rss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test CAP index</title><link>http://example.invalid/</link><description>CAP alerts</description>
<item><title>Homeland security</title><link>/cap/homeland-security-43b080713727.cap.xml</link><guid>43b080713727</guid></item>
<item><title>Earthquake</title><enclosure url="/cap/earthquake-iso8859-1.cap" type="application/cap+xml" length="0"/><guid>usB000D5T4</guid></item>
<item><title>Elsewhere</title><link>${base.replace('127.0.0.1', 'localhost')}/cap/canada.cap</link><guid>elsewhere</guid></item>
<item><title>Not http</title><link>file:///etc/passwd</link><guid>file</guid></item>
</channel></rss>`;
const DOCUMENTS: Record<string, string> = {
  '/cap/amber-alert-ibm-copy.cap.xml': 'examples-spec/amber-alert-ibm-copy.cap.xml',
  '/cap/homeland-security-43b080713727.cap.xml': 'examples-spec/homeland-security-43b080713727.cap.xml',
  '/cap/earthquake-iso8859-1.cap': 'alerts/earthquake-iso8859-1.cap',
  '/cap/canada.cap': 'alerts/canada.cap',
};

interface Seen { path: string; ifNoneMatch?: string; ifModifiedSince?: string; status: number }
const seen: Seen[] = [];
let atomMode: 'feed' | 'error' | 'garbage' = 'feed';
let feeds: Server;
let server: RunningServer;
let base: string;

function serveFeeds(): Promise<Server> {
  const s = createServer((req, res) => {
    const path = req.url ?? '';
    const body = path === '/atom' ? (atomMode === 'feed' ? Buffer.from(atom()) : atomMode === 'garbage' ? Buffer.from('<html><body>maintenance <b>today</body>') : null) : path === '/rss' ? Buffer.from(rss()) : DOCUMENTS[path] ? read(DOCUMENTS[path]) : undefined;
    const record = (status: number) => seen.push({ path, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], status });
    if (body === null) {
      record(500);
      res.writeHead(500).end('internal error');
      return;
    }
    if (body === undefined) {
      record(404);
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      record(304);
      res.writeHead(304, { etag }).end();
      return;
    }
    record(200);
    res.writeHead(200, { 'content-type': path === '/rss' ? 'application/rss+xml' : path === '/atom' ? 'application/atom+xml' : 'application/cap+xml', etag, 'last-modified': LAST_MODIFIED }).end(body);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

interface WarningView { key: string; state: string; source: string; endedBy: string | null }
async function warnings(query: string): Promise<WarningView[]> {
  const res = await fetch(`${server.url}/api/warnings${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { warnings: WarningView[] }).warnings;
}
const poll = () => server.capFeeds!.pollNow();

beforeAll(async () => {
  feeds = await serveFeeds();
  base = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  // A long interval: the poller polls once at start, then only when the test asks.
  server = await startTestServer({ simulator: false, tickMs: 50, start: clock.now, capFeeds: [`${base}/atom`, `${base}/rss`], capFeedsEvery: 3600 }, { now: () => clock.now });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => feeds?.close(resolve));
});

describe('CAP feeds', () => {
  it('takes every alert of the Atom and RSS feeds, embedded or linked, through the ingest path', async () => {
    await poll();
    const all = await warnings('?limit=200');
    const keys = all.map((w) => w.key);
    expect(keys).toContain(STORM_KEY);
    expect(keys.some((k) => k.includes(',KAR0-0306112239-SW,'))).toBe(true);
    expect(keys.some((k) => k.includes(',43b080713727,'))).toBe(true);
    expect(keys.some((k) => k.includes(',USGS-earthquakes-usB000D5T4'))).toBe(true);
    expect(all.find((w) => w.key === STORM_KEY)).toMatchObject({ state: 'active', source: `feed:${base}/atom` });
    // Links off the feed's host, or not http(s), are not followed: no request for them, no alert from them.
    expect(seen.some((s) => s.path === '/cap/canada.cap')).toBe(false);
    expect(keys.some((k) => k.includes(',2.49.0.1.124.6bddbc91.2012,'))).toBe(false);
    expect((await warnings('?active=true')).map((w) => w.key)).toContain(STORM_KEY);
  });

  it('asks again conditionally: If-None-Match and If-Modified-Since from the last 200, a 304 changes nothing', async () => {
    const before = await warnings('?limit=200');
    seen.length = 0;
    await poll();
    for (const path of ['/atom', '/rss']) {
      const asked = seen.find((s) => s.path === path)!;
      expect(asked).toMatchObject({ ifNoneMatch: expect.stringMatching(/^"[0-9a-f]{16}"$/), ifModifiedSince: LAST_MODIFIED, status: 304 });
    }
    // Entries already taken are not fetched again.
    expect(seen.filter((s) => s.path.startsWith('/cap/'))).toEqual([]);
    expect(await warnings('?limit=200')).toEqual(before);
  });

  it('picks up a new entry, and a Cancel in the feed ends its warning', async () => {
    const sent = '2003-06-17T15:05:00-07:00';
    const key = `KSTO@NWS.NOAA.GOV,KSTO-FEED-2,${sent}`;
    atomEntries.push({ id: 'urn:cap:KSTO-FEED-2', updated: sent, alert: variant('KSTO-FEED-2', sent, 'Update', STORM_KEY) });
    seen.length = 0;
    await poll();
    // The feed changed, so it came whole (200), and only the new entry was taken.
    expect(seen.find((s) => s.path === '/atom')).toMatchObject({ status: 200 });
    let active = (await warnings('?active=true')).map((w) => w.key);
    expect(active).toContain(key);
    expect(active).not.toContain(STORM_KEY);

    const cancelSent = '2003-06-17T15:10:00-07:00';
    atomEntries.push({ id: 'urn:cap:KSTO-FEED-3', updated: cancelSent, alert: variant('KSTO-FEED-3', cancelSent, 'Cancel', key) });
    await poll();
    active = (await warnings('?active=true')).map((w) => w.key);
    expect(active.some((k) => k.includes('KSTO'))).toBe(false);
    expect((await warnings('?limit=200')).find((w) => w.key === key)).toMatchObject({ state: 'cancelled', endedBy: `KSTO@NWS.NOAA.GOV,KSTO-FEED-3,${cancelSent}` });
  });

  it('counts a feed answering 500 or garbage, reports it in /api/health after a while, and goes on polling', async () => {
    atomMode = 'error';
    await poll();
    atomMode = 'garbage';
    await poll();
    await poll();
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const count = (result: string) => Number(new RegExp(`^cityops_cap_feed_polls_total\\{feed="${base}/atom",result="${result}"\\} (\\d+)$`, 'm').exec(metrics)?.[1] ?? 0);
    expect(count('ok')).toBeGreaterThanOrEqual(2);
    expect(count('notModified')).toBeGreaterThanOrEqual(1);
    expect(count('http')).toBe(1);
    expect(count('body')).toBe(2);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string; reasons: string[] };
    expect(health.status).toBe('degraded');
    expect(health.reasons).toEqual([expect.stringMatching(new RegExp(`^cap feed ${base}/atom: 3 polls failed since .*is not a feed we read`))]);
    // Degraded, not unready: the server still takes traffic.
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
    // The other feed went on; and when the feed comes back, so does the health.
    expect(server.capFeeds!.status().find((f) => f.url === `${base}/rss`)).toMatchObject({ failuresInARow: 0 });
    atomMode = 'feed';
    await poll();
    expect(((await (await fetch(`${server.url}/api/health`)).json()) as { reasons: string[] }).reasons).toEqual([]);
  });
});
