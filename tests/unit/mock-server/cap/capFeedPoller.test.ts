/**
 * CapFeedPoller with an injected fetch (no network): one log line per state change of a feed (failing,
 * failing another way, recovered), each poll counted by its result, /api/health's reason after 3
 * failed polls in a row, and an embedded alert handed to the ingest once.
 */
import { describe, expect, it } from 'vitest';
import { CapFeedPoller, FAILING_AFTER, linkedDocumentUrl, type FeedPollResult } from '../../../../mock-server/cap/capFeedPoller';
import type { CapIngestResult } from '../../../../mock-server/cap/capIngest';
import type { XmlElement } from '../../../../mock-server/cap/readXmlDocument';

const FEED = 'http://feeds.test/cap.atom';
const ALERT = `<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>A1</identifier></alert>`;
const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e1</id><updated>2026-07-15T14:00:00+08:00</updated><content type="application/cap+xml">${ALERT}</content></entry></feed>`;

function poller(answers: (() => Response)[]) {
  const logs: string[] = [];
  const counts: FeedPollResult[] = [];
  const taken: string[] = [];
  let call = 0;
  const fetch = (async () => answers[Math.min(call++, answers.length - 1)]!()) as typeof globalThis.fetch;
  const ingest = {
    receiveElement: async (e: XmlElement): Promise<CapIngestResult> => {
      taken.push(e.children[0]!.text);
      return { ok: true, receipt: { identifier: 'A1', key: 'k', became: 'active', ended: [], unknownReferences: [] } };
    },
    receiveDocument: async (): Promise<CapIngestResult> => ({ ok: false, problems: ['not used'] }),
  };
  const log = { info: (_o: object, m: string) => logs.push(`info ${m}`), warn: (_o: object, m: string) => logs.push(`warn ${m}`) };
  const p = new CapFeedPoller({ feeds: [FEED], everyMs: 60_000, ingest, log, now: () => 0, counted: (_f, r) => counts.push(r), fetch });
  return { p, logs, counts, taken };
}
const status = (code: number, body = '') => () => new Response(body, { status: code, headers: code === 200 ? { etag: '"1"' } : {} });

describe('CapFeedPoller', () => {
  it('logs once per state change, counts every poll, and reports a feed failing for a while', async () => {
    const { p, logs, counts, taken } = poller([status(500), status(500), status(500), status(200, '<html>'), status(200, ATOM)]);
    for (let i = 0; i < FAILING_AFTER; i++) await p.pollNow();
    expect(logs).toEqual([`warn CAP feed ${FEED}: HTTP 500 from ${FEED}`]);
    expect(p.problems()).toEqual([expect.stringMatching(new RegExp(`^cap feed ${FEED}: 3 polls failed since .*HTTP 500`))]);
    await p.pollNow();
    expect(logs[1]).toMatch(/^warn CAP feed .*: .* is not a feed we read/);
    await p.pollNow();
    expect(logs[2]).toBe(`info CAP feed ${FEED}: polled again after 4 failure(s)`);
    expect(logs).toHaveLength(3);
    expect(counts).toEqual(['http', 'http', 'http', 'body', 'ok']);
    expect(p.problems()).toEqual([]);
    expect(taken).toEqual(['A1']);
    expect(p.status()[0]).toMatchObject({ polls: 5, failuresInARow: 0, alertsTaken: 1, lastResult: 'ok' });
  });

  it('takes an entry once: the same id and updated are not handed over again', async () => {
    const { p, taken, counts } = poller([status(200, ATOM)]);
    await p.pollNow();
    await p.pollNow();
    expect(taken).toHaveLength(1);
    expect(counts).toEqual(['ok', 'ok']);
  });

  it('follows links only on the feed\'s host, over http or https', () => {
    expect(linkedDocumentUrl('/cap/a.xml', FEED)).toBe('http://feeds.test/cap/a.xml');
    expect(linkedDocumentUrl('https://feeds.test/b.xml', FEED)).toBe('https://feeds.test/b.xml');
    expect(() => linkedDocumentUrl('http://169.254.169.254/latest/meta-data/', FEED)).toThrow(/not on the feed's host feeds\.test/);
    expect(() => linkedDocumentUrl('file:///etc/passwd', FEED)).toThrow(/only http and https/);
  });
});
