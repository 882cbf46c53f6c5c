/**
 * Sends a replay's batches to `POST /api/ingest/readings` with an integration key, as another city
 * system would: `{"readings": [{"kind", "id", "measure", "t", "v"}]}` with `X-Api-Key`. The answer
 * `{accepted, duplicates, rejected}` is the verdict. A 413 splits the batch in two; a failed request
 * or a 5xx is retried (a repeat is answered as duplicates, so nothing is applied twice); a 4xx that
 * no retry can mend (a wrong key, a role without `reportReadings`) ends the replay.
 */
import { z } from 'zod';
import type { IngestVerdict } from '../ingest/incomingReading';
import { wireReading, type OutgoingReading } from './replayPlan';
import { SendError, type ReplaySender } from './replaySender';

const VerdictSchema = z.object({
  accepted: z.number(),
  duplicates: z.number(),
  rejected: z.array(z.object({ index: z.number(), reason: z.string() })),
});

export interface HttpSenderOptions {
  /** The server's base URL (`http://localhost:8080`). */
  url: string;
  /** The integration key, sent as `X-Api-Key`. */
  key: string;
  fetch?: typeof fetch;
  /** Tries after the first for a request that failed or got a 5xx. */
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function errorText(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { message?: string }; message?: string };
    return body.error?.message ?? body.message ?? text;
  } catch {
    return text;
  }
}

/** What went wrong with a request that got no answer: fetch's own message is "fetch failed", its cause says why. */
const failureOf = (err: unknown): string => {
  const cause = (err as Error).cause;
  return cause instanceof Error ? cause.message : (err as Error).message;
};

/** Two verdicts as one, the second's indices moved past the first batch. */
function joined(a: IngestVerdict, b: IngestVerdict, offset: number): IngestVerdict {
  return { accepted: a.accepted + b.accepted, duplicates: a.duplicates + b.duplicates, rejected: [...a.rejected, ...b.rejected.map((r) => ({ ...r, index: r.index + offset }))] };
}

export function httpSender(options: HttpSenderOptions): ReplaySender {
  const { key, retries = 3, sleep = wait } = options;
  const doFetch = options.fetch ?? fetch;
  const endpoint = new URL('/api/ingest/readings', options.url).href;

  async function post(batch: readonly OutgoingReading[]): Promise<IngestVerdict> {
    const body = JSON.stringify({ readings: batch.map(wireReading) });
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await doFetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body });
      } catch (err) {
        if (attempt >= retries) throw new SendError(`${endpoint}: ${failureOf(err)} (tried ${attempt + 1} times)`);
        await sleep(500 * 2 ** attempt);
        continue;
      }
      if (res.ok) {
        const verdict = VerdictSchema.safeParse(await res.json().catch(() => undefined));
        if (!verdict.success) throw new SendError(`${endpoint} answered 200 without a verdict {accepted, duplicates, rejected}: is this a CityOps server?`);
        return verdict.data;
      }
      if (res.status === 413 && batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        return joined(await post(batch.slice(0, half)), await post(batch.slice(half)), half);
      }
      const why = await errorText(res);
      if (res.status < 500 || attempt >= retries) throw new SendError(`${endpoint} answered ${res.status}: ${why}`);
      await sleep(500 * 2 ** attempt);
    }
  }

  return { send: post, close: async () => {}, verdicts: true };
}
