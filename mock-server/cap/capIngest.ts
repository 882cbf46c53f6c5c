/**
 * The one way a CAP alert comes in, whoever brings it: `POST /api/ingest/cap`, the polled feeds
 * (capFeedPoller.ts) and, in simulated mode, the weather office (officeCap.ts). Each alert is read
 * and validated by the same safe reader and checks (parseCapAlert.ts), then taken by the warning book
 * (dedupe by key, msgType Update/Cancel, expires, storage, and through its store the wall).
 */
import { parseCapAlert, parseCapElement, type CapParseResult } from './parseCapAlert';
import type { XmlElement } from './readXmlDocument';
import type { CapReceipt, ReceiveOptions, WarningBook } from './warningBook';

/** What became of one alert: the book's receipt, or every problem that refused it. */
export type CapIngestResult = { ok: true; receipt: CapReceipt } | { ok: false; problems: string[] };

/** Counts each alert by source and outcome (`refused`, or what it became) for /metrics. */
export type CapCounter = (source: string, outcome: CapReceipt['became'] | 'refused') => void;

export class CapIngest {
  constructor(
    readonly book: WarningBook,
    private readonly count: CapCounter = () => undefined,
  ) {}

  /** One CAP document (its root `<alert>`), as bytes in the encoding its prolog declares. */
  receiveDocument(bytes: Uint8Array, source: string, options?: ReceiveOptions): Promise<CapIngestResult> {
    return this.take(parseCapAlert(bytes), source, options);
  }

  /** One `<alert>` element read from a larger document (an Atom entry, an RSS item) by the same reader. */
  receiveElement(element: XmlElement, source: string, options?: ReceiveOptions): Promise<CapIngestResult> {
    return this.take(parseCapElement(element), source, options);
  }

  private async take(parsed: CapParseResult, source: string, options?: ReceiveOptions): Promise<CapIngestResult> {
    if (!parsed.ok) {
      this.count(source, 'refused');
      return parsed;
    }
    const receipt = await this.book.receive(parsed.alert, source, options);
    this.count(source, receipt.became);
    return { ok: true, receipt };
  }
}
