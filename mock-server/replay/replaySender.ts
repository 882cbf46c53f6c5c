/** How the replay hands a batch to the server: over HTTP (with the server's verdict) or MQTT. */
import type { IngestVerdict } from '../ingest/incomingReading';
import type { OutgoingReading } from './replayPlan';

export interface ReplaySender {
  /** Sends one batch; resolves with the server's verdict where the path answers one (HTTP), else undefined. */
  send(batch: readonly OutgoingReading[]): Promise<IngestVerdict | undefined>;
  close(): Promise<void>;
  /** Whether sends come back with per-reading verdicts. */
  readonly verdicts: boolean;
}

/** A failure that ends the replay (a wrong key, a server that keeps failing); its message says why. */
export class SendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SendError';
  }
}
