/**
 * What an MQTT message on the CityOps topic tree means, for the embedded broker and the external
 * broker's client alike: the topic names the payload's shape, the payload is parsed to readings
 * (ingest/readingPayload.ts, ingest/senmlPack.ts) or positions, and the batch goes to its sink. The
 * answer is what the broker acknowledges; counts per reason feed the health route.
 *
 * Topics (docs/ingest.md, "MQTT"):
 * - `cityops/v1/readings/<kind>/<assetId>[/<measure>]`: `{"t", "v"}` or an array of them;
 * - `cityops/v1/senml`: a SenML pack (RFC 8428) naming `<kind>/<assetId>/<measure>`;
 * - `cityops/v1/positions/<kind>/<assetId>`: `{"t", "lon", "lat"}` or an array of them.
 */
import { DomainError } from '../domainError';
import type { IngestVerdict, PositionSink, ReadingSink } from '../ingest/incomingReading';
import { parsePlainReadings, parsePositions } from '../ingest/readingPayload';
import { parseSenmlPack } from '../ingest/senmlPack';

/** Every topic CityOps reads starts with this; a publish elsewhere is refused. */
export const TOPIC_ROOT = 'cityops/v1/';
/** The largest payload read (as HTTP's body limit): a bigger one is refused unread. */
export const MAX_PAYLOAD_BYTES = 1024 * 1024;

/** Why a message (or a connection, or a subscription) was refused as a whole. */
export type MqttRefusal =
  /** A publish outside `cityops/v1/`, or a topic under it that names no payload. */
  | 'topic'
  | 'notJson'
  /** JSON, but not the shape its topic takes (or a time, value or coordinate unreadable as a whole). */
  | 'payload'
  /** More than MAX_PAYLOAD_BYTES, or more entries than ingest/readingPayload.ts MAX_BATCH_ENTRIES. */
  | 'tooLarge'
  /** Positions arrived while nothing takes them on this server. */
  | 'noPositions'
  /** The sink could not keep the batch (storage failed): not acknowledged, so the sender sends it again. */
  | 'sinkFailed'
  /** A connection with a wrong integration name or key. */
  | 'credentials'
  /** A connection from an address past its failed logins (refused before its key is checked). */
  | 'loginsLimited'
  | 'subscribe';

export interface MqttCounts {
  /** Messages handed to the topic handler (refused or not). */
  received: number;
  refused: Partial<Record<MqttRefusal, number>>;
  /** What the sinks answered for the entries of the messages read. */
  entries: { accepted: number; duplicates: number; rejected: number };
}

export type MqttOutcome = { ok: true; verdict: IngestVerdict } | { ok: false; reason: MqttRefusal; message: string };

export interface MqttIngestDeps {
  readings: ReadingSink;
  positions?: PositionSink;
  /** Epoch ms that a SenML pack's relative times count from. */
  now: () => number;
}

const refusal = (reason: MqttRefusal, message: string): MqttOutcome => ({ ok: false, reason, message });

export class MqttIngest {
  private readonly counts: MqttCounts = { received: 0, refused: {}, entries: { accepted: 0, duplicates: 0, rejected: 0 } };

  constructor(private readonly deps: MqttIngestDeps) {}

  /**
   * Reads one message and hands its batch to the sink; resolves once the sink has kept it (the
   * moment to acknowledge). A refused message resolves with its reason: sending it again would not
   * help. Rejects only when the sink fails, so the message is not acknowledged and comes again.
   */
  async handle(topic: string, payload: Uint8Array, source: string): Promise<MqttOutcome> {
    this.counts.received++;
    const outcome = await this.route(topic, payload, source);
    if (outcome.ok) {
      const { entries } = this.counts;
      entries.accepted += outcome.verdict.accepted;
      entries.duplicates += outcome.verdict.duplicates;
      entries.rejected += outcome.verdict.rejected.length;
    } else this.refuse(outcome.reason);
    return outcome;
  }

  /** Counts a refusal decided outside the handler (a connection, a subscription, a topic outside the tree). */
  refuse(reason: MqttRefusal): void {
    this.counts.refused[reason] = (this.counts.refused[reason] ?? 0) + 1;
  }

  status(): MqttCounts {
    return { received: this.counts.received, refused: { ...this.counts.refused }, entries: { ...this.counts.entries } };
  }

  private async route(topic: string, payload: Uint8Array, source: string): Promise<MqttOutcome> {
    if (!topic.startsWith(TOPIC_ROOT)) return refusal('topic', `${topic}: only topics under ${TOPIC_ROOT} are read`);
    const parts = topic.slice(TOPIC_ROOT.length).split('/');
    const [head, kind, assetId, measure] = parts;
    const named = parts.slice(1).every((p) => p !== '');
    let parse: (json: unknown) => Promise<IngestVerdict>;
    if (head === 'senml' && parts.length === 1) parse = (json) => this.deps.readings.accept(parseSenmlPack(json, this.deps.now()), source);
    else if (head === 'readings' && named && (parts.length === 3 || parts.length === 4)) {
      parse = (json) => this.deps.readings.accept(parsePlainReadings(json, kind, assetId, measure), source);
    } else if (head === 'positions' && named && parts.length === 3) {
      const sink = this.deps.positions;
      if (!sink) return refusal('noPositions', `${topic}: this server takes no positions yet`);
      parse = (json) => sink.accept(parsePositions(json, kind, assetId), source);
    } else {
      return refusal('topic', `${topic}: not a CityOps topic (readings/<kind>/<assetId>[/<measure>], senml, positions/<kind>/<assetId>)`);
    }
    if (payload.byteLength > MAX_PAYLOAD_BYTES) return refusal('tooLarge', `${topic}: ${payload.byteLength} bytes; at most ${MAX_PAYLOAD_BYTES} are read`);
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
    } catch {
      return refusal('notJson', `${topic}: the payload is not JSON`);
    }
    let verdict: Promise<IngestVerdict>;
    try {
      verdict = parse(json);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return refusal(err.httpStatus === 413 ? 'tooLarge' : 'payload', `${topic}: ${err.message}`);
    }
    try {
      return { ok: true, verdict: await verdict };
    } catch (err) {
      this.refuse('sinkFailed');
      throw err;
    }
  }
}
