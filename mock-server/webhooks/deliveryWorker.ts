/**
 * Sends the outbox's deliveries (storage/sqliteWebhooks.ts): every `pollMs` it takes the ones due and
 * POSTs each, signed (webhookSignature.ts), with its delivery id in `X-CityOps-Delivery`. A 2xx marks
 * it delivered; anything else (an error status, a refused connection, a timeout) schedules the next
 * attempt after a doubling delay (retryDelay.ts). A delivery is retried until it is acknowledged, so a
 * receiver sees each id at least once and dedupes on it. The state lives in SQLite only, so after a
 * restart the worker picks up where the last one stopped.
 */
import type { SqliteWebhookStore } from '../storage/sqliteWebhooks';
import { retryDelay } from './retryDelay';
import { signatureHeader } from './webhookSignature';

export interface DeliveryOptions {
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  timeoutMs: number;
  /** How many deliveries one round sends, at most. */
  batch: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { pollMs: 500, retryBaseMs: 1000, retryMaxMs: 3_600_000, timeoutMs: 10_000, batch: 50 };

const DAY_MS = 86_400_000;
/** Acknowledged deliveries are kept a week (GET /api/admin/webhooks and an operator's questions), their events a month. */
export const DELIVERED_RETENTION_MS = 7 * DAY_MS;
export const EVENT_RETENTION_MS = 30 * DAY_MS;
const PRUNE_EVERY_MS = 3_600_000;

export interface DeliveryWorker {
  /** Sends what is due now (also what the timer calls). */
  round(): Promise<void>;
  /** Stops the timer, aborts the requests in flight (they stay due) and waits for the round to record them. */
  stop(): Promise<void>;
}

export function startDeliveryWorker(store: SqliteWebhookStore, log: { warn(obj: object, msg: string): void }, options: DeliveryOptions = DEFAULT_DELIVERY): DeliveryWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  let prunedAt = 0;
  // Aborts the requests in flight on stop, so a slow receiver does not hold the shutdown (they stay due).
  const stopping = new AbortController();

  const send = async (d: ReturnType<SqliteWebhookStore['due']>[number]): Promise<void> => {
    const t = Math.floor(Date.now() / 1000);
    let error: string;
    try {
      const res = await fetch(d.webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-cityops-delivery': d.id,
          'x-cityops-event': d.event.type,
          'x-cityops-signature': signatureHeader(d.webhook.secret, t, d.event.payload),
        },
        body: d.event.payload,
        signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), stopping.signal]),
        redirect: 'manual',
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) {
        store.delivered(d.id, Date.now());
        return;
      }
      error = `HTTP ${res.status}`;
    } catch (err) {
      error = (err as Error).message;
    }
    store.failed(d.id, Date.now() + retryDelay(d.attempts + 1, options.retryBaseMs, options.retryMaxMs), error);
    log.warn({ delivery: d.id, webhook: d.webhook.id, attempts: d.attempts + 1, error }, 'webhook delivery failed; will retry');
  };

  const round = (): Promise<void> => {
    running ??= (async () => {
      try {
        const now = Date.now();
        if (now - prunedAt >= PRUNE_EVERY_MS) {
          prunedAt = now;
          store.prune(now - DELIVERED_RETENTION_MS, now - EVENT_RETENTION_MS);
        }
        const due = store.due(now, options.batch);
        // One receiver's slowness must not hold another's: the batch is sent concurrently.
        await Promise.all(due.map(send));
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => {
    if (!stopped) round().catch((err) => log.warn({ err }, 'webhook delivery round failed'));
  }, options.pollMs);
  timer.unref();

  return {
    round,
    async stop() {
      stopped = true;
      clearInterval(timer);
      stopping.abort();
      await running?.catch(() => undefined);
    },
  };
}
