/**
 * Polls CAP feeds (CITYOPS_CAP_FEEDS: Atom or RSS URLs) and takes every alert in them through the one
 * ingest path (capIngest.ts), as if it had been posted. Each feed is fetched conditionally (the last
 * 200's ETag / Last-Modified; a 304 changes nothing); an entry that embeds its alert is read from the
 * feed, one that links to it has its CAP document fetched (conditionally too), and an entry already
 * taken (same id and updated) is not fetched again. The book's dedupe by key makes a repeat harmless.
 *
 * Failures (unreachable, HTTP errors, a body that is not a feed) never throw into the server: each is
 * counted per poll (`cityops_cap_feed_polls_total{feed,result}`), logged once when a feed's state
 * changes (failing, failing otherwise, recovered), and a feed failing {@link FAILING_AFTER} polls in a
 * row is a reason in /api/health (degraded; readiness does not fail for it).
 */
import { CapFetchError, fetchCapXml, httpUrl, type CapFetchFailure, type Validators } from './capFeedFetch';
import { feedEntries, isFeedDocument, type FeedEntry } from './capFeedEntries';
import type { CapIngest } from './capIngest';
import { readXmlDocument, XmlRefusal } from './readXmlDocument';

/** Polls failed in a row before /api/health reports the feed. */
export const FAILING_AFTER = 3;
/** A request that has not answered in this long is abandoned (and counted as unreachable). */
export const FEED_TIMEOUT_MS = 20_000;
/** Entries remembered per feed beyond those in its latest body, so a busy feed cannot grow memory without end. */
const MAX_SEEN = 5_000;

/** `error`: something on our side (storage) failed while taking the feed's alerts. */
export type FeedPollResult = 'ok' | 'notModified' | CapFetchFailure | 'error';

export interface FeedLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface CapFeedPollerDeps {
  feeds: readonly string[];
  everyMs: number;
  ingest: Pick<CapIngest, 'receiveDocument' | 'receiveElement'>;
  log: FeedLog;
  /** Wall clock (status times). */
  now: () => number;
  /** Counts each feed poll by its result (metrics). */
  counted?: (feed: string, result: FeedPollResult) => void;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** One feed's state, as /api/health and the logs see it. */
export interface CapFeedStatus {
  url: string;
  polls: number;
  lastResult: FeedPollResult | null;
  lastError: string | null;
  failuresInARow: number;
  failingSince: number | null;
  lastOkAt: number | null;
  alertsTaken: number;
}

interface Feed {
  status: CapFeedStatus;
  validators: Validators | null;
  /** Linked CAP documents' validators, by URL. */
  documents: Map<string, Validators>;
  /** Entries taken, as `id updated`. */
  seen: Set<string>;
}

/**
 * Where an entry's CAP document is: http or https on the feed's own host. A feed is the operator's
 * choice; the links in it are its publisher's, so they may not send the server to other hosts (an
 * internal address, a cloud metadata service), as CAP indexes link to their own host anyway.
 */
export function linkedDocumentUrl(link: string, feedUrl: string): string {
  const url = httpUrl(link, feedUrl);
  const feedHost = new URL(feedUrl).hostname;
  if (url.hostname !== feedHost) throw new CapFetchError('refused', `the link ${url.href} is not on the feed's host ${feedHost}`);
  return url.href;
}

export class CapFeedPoller {
  private readonly feeds: Feed[];
  private readonly abort = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: CapFeedPollerDeps) {
    this.feeds = deps.feeds.map((url) => ({
      status: { url, polls: 0, lastResult: null, lastError: null, failuresInARow: 0, failingSince: null, lastOkAt: null, alertsTaken: 0 },
      validators: null,
      documents: new Map(),
      seen: new Set(),
    }));
  }

  /** Polls now, then every `everyMs` after each round ends. */
  start(): void {
    const round = () => {
      if (this.stopped) return;
      void this.pollNow().then(() => {
        if (this.stopped) return;
        this.timer = setTimeout(round, this.deps.everyMs);
        this.timer.unref();
      });
    };
    round();
  }

  /** One round over every feed, after the one under way; resolves when done, never rejects. */
  pollNow(): Promise<void> {
    this.running = this.running.then(async () => {
      for (const feed of this.feeds) if (!this.stopped) await this.poll(feed);
    });
    return this.running;
  }

  status(): CapFeedStatus[] {
    return this.feeds.map((f) => ({ ...f.status }));
  }

  /** The feeds failing for a while, as /api/health reasons. */
  problems(): string[] {
    return this.feeds
      .filter((f) => f.status.failuresInARow >= FAILING_AFTER)
      .map((f) => `cap feed ${f.status.url}: ${f.status.failuresInARow} polls failed since ${new Date(f.status.failingSince!).toISOString()} (${f.status.lastError})`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await this.running;
  }

  private async poll(feed: Feed): Promise<void> {
    const { status } = feed;
    status.polls += 1;
    let result: FeedPollResult;
    try {
      result = await this.pollFeed(feed);
    } catch (err) {
      if (this.stopped) return;
      if (err instanceof CapFetchError) this.failed(feed, err.failure, err.message);
      else this.failed(feed, 'error', `taking its alerts failed: ${(err as Error).message}`);
      return;
    }
    this.deps.counted?.(status.url, result);
    if (status.failuresInARow > 0) this.deps.log.info({ feed: status.url }, `CAP feed ${status.url}: polled again after ${status.failuresInARow} failure(s)`);
    Object.assign(status, { lastResult: result, lastError: null, failuresInARow: 0, failingSince: null, lastOkAt: this.deps.now() });
  }

  private failed(feed: Feed, failure: CapFetchFailure | 'error', message: string): void {
    const { status } = feed;
    this.deps.counted?.(status.url, failure);
    // Logged when the state changes (ok → failing, or failing another way), not at every poll of an outage.
    if (status.failuresInARow === 0 || status.lastResult !== failure) this.deps.log.warn({ feed: status.url, failure }, `CAP feed ${status.url}: ${message}`);
    Object.assign(status, { lastResult: failure, lastError: message, failuresInARow: status.failuresInARow + 1, failingSince: status.failingSince ?? this.deps.now() });
  }

  private async pollFeed(feed: Feed): Promise<FeedPollResult> {
    const got = await fetchCapXml(feed.status.url, feed.validators, this.fetchOptions());
    if (got.status === 'notModified') return 'notModified';
    let root;
    try {
      root = readXmlDocument(got.bytes);
    } catch (err) {
      if (err instanceof XmlRefusal) throw new CapFetchError('body', `${got.url} is not a feed we read: ${err.message}`);
      throw err;
    }
    if (!isFeedDocument(root)) throw new CapFetchError('body', `${got.url} is <${root.name}>, neither an Atom nor an RSS feed nor a CAP alert`);
    const entries = feedEntries(root);
    const current = new Set<string>();
    for (const entry of entries) {
      if (this.stopped) break;
      const mark = `${entry.id} ${entry.updated}`;
      current.add(mark);
      if (entry.id !== '' && feed.seen.has(mark)) continue;
      if (await this.takeEntry(feed, entry, got.url)) feed.seen.add(mark);
    }
    // Only after every entry was tried: a failed document is fetched again at the next poll, even on a 304.
    feed.validators = entries.every((e) => e.id === '' || feed.seen.has(`${e.id} ${e.updated}`)) ? got.validators : null;
    if (feed.seen.size > MAX_SEEN) feed.seen = new Set([...feed.seen].filter((m) => current.has(m)));
    return 'ok';
  }

  /** Takes an entry's alerts in; false when its document could not be fetched (tried again next poll). */
  private async takeEntry(feed: Feed, entry: FeedEntry, feedUrl: string): Promise<boolean> {
    const source = `feed:${feed.status.url}`;
    for (const alert of entry.alerts) this.counted(feed, entry, await this.deps.ingest.receiveElement(alert, source));
    if (entry.alerts.length > 0) return true;
    if (entry.links.length === 0) {
      this.deps.log.warn({ feed: feed.status.url, entry: entry.id }, `CAP feed ${feed.status.url}: entry ${entry.id || '(no id)'} has no CAP alert and no link to one`);
      return true;
    }
    let ok = true;
    for (const link of entry.links) {
      try {
        const url = linkedDocumentUrl(link, feedUrl);
        const got = await fetchCapXml(url, feed.documents.get(url) ?? null, this.fetchOptions());
        if (got.status === 'notModified') continue;
        this.counted(feed, entry, await this.deps.ingest.receiveDocument(got.bytes, source));
        feed.documents.set(url, got.validators);
      } catch (err) {
        if (!(err instanceof CapFetchError) || this.stopped) throw err;
        this.deps.log.warn({ feed: feed.status.url, entry: entry.id, failure: err.failure }, `CAP feed ${feed.status.url}: entry ${entry.id}: ${err.message}`);
        // A refused link stays refused (the entry is done with); anything else is tried again at the next poll.
        if (err.failure !== 'refused') ok = false;
      }
    }
    return ok;
  }

  private counted(feed: Feed, entry: FeedEntry, result: Awaited<ReturnType<CapIngest['receiveDocument']>>): void {
    if (result.ok) {
      if (result.receipt.became !== 'duplicate') feed.status.alertsTaken += 1;
      return;
    }
    this.deps.log.warn({ feed: feed.status.url, entry: entry.id }, `CAP feed ${feed.status.url}: entry ${entry.id}: alert refused: ${result.problems.join('; ')}`);
  }

  private fetchOptions() {
    return { fetch: this.deps.fetch, timeoutMs: this.deps.timeoutMs ?? FEED_TIMEOUT_MS, signal: this.abort.signal };
  }
}
