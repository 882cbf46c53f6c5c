/**
 * The webhook outbox in SQLite (issue 16, "Notices out"). `WebhookOutbox.add` runs inside the
 * transaction of the change that caused the events (sqliteIncidents, sqliteAlarms, sqliteHistory),
 * so an event is on disk exactly when its cause is; it writes the event once (its id is made from its
 * cause) and one delivery per webhook that asked for its type, each with a random id of its own that
 * every attempt carries. `SqliteWebhookStore` keeps the receivers and serves the delivery worker.
 */
import { randomUUID } from 'node:crypto';
import type { NoticeDelivery } from '../webhooks/closureNoticeOf';
import type { WebhookEvent, WebhookEventType } from '../webhooks/webhookEvents';
import type { Database } from './database';

/** A receiver: where to POST, the HMAC key, and which events it wants. */
export interface Webhook {
  id: string;
  url: string;
  secret: string;
  events: WebhookEventType[];
  /** 'file': from CITYOPS_WEBHOOKS_FILE (replaced on each start); 'api': added by an admin. */
  origin: 'file' | 'api';
  createdAt: number;
}

/** A delivery not yet acknowledged, with what to send. */
export interface DueDelivery {
  id: string;
  attempts: number;
  webhook: Pick<Webhook, 'id' | 'url' | 'secret'>;
  event: { id: string; type: WebhookEventType; payload: string };
}

interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  events: string;
  origin: Webhook['origin'];
  created_at: number;
}

const toWebhook = (r: WebhookRow): Webhook => ({ id: r.id, url: r.url, secret: r.secret, events: JSON.parse(r.events), origin: r.origin, createdAt: r.created_at });

/** Writes events and their deliveries; call it inside the transaction of the change that caused them. */
export class WebhookOutbox {
  private readonly putEvent;
  private readonly putDelivery;
  private readonly subscribers;

  constructor(db: Database) {
    this.putEvent = db.prepare('INSERT INTO webhook_events (id, type, payload, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
    this.putDelivery = db.prepare('INSERT INTO webhook_deliveries (id, event_id, webhook_id, attempts, next_attempt_at) VALUES (?, ?, ?, 0, ?)');
    this.subscribers = db.prepare('SELECT id, events FROM webhooks');
  }

  add(events: readonly WebhookEvent[], now = Date.now()): void {
    if (events.length === 0) return;
    const hooks = (this.subscribers.all() as { id: string; events: string }[]).map((h) => ({ id: h.id, events: JSON.parse(h.events) as string[] }));
    if (hooks.length === 0) return;
    for (const event of events) {
      // An event already in the outbox (its cause written again) makes no second delivery.
      if (this.putEvent.run(event.id, event.type, JSON.stringify(event), now).changes !== 1) continue;
      for (const hook of hooks) if (hook.events.includes(event.type)) this.putDelivery.run(randomUUID(), event.id, hook.id, now);
    }
  }
}

export class SqliteWebhookStore {
  constructor(private readonly db: Database) {}

  list(): Webhook[] {
    return (this.db.prepare('SELECT * FROM webhooks ORDER BY created_at, id').all() as WebhookRow[]).map(toWebhook);
  }

  get(id: string): Webhook | null {
    const row = this.db.prepare('SELECT * FROM webhooks WHERE id = ?').get(id) as WebhookRow | undefined;
    return row ? toWebhook(row) : null;
  }

  add(hook: Webhook): void {
    this.db
      .prepare('INSERT INTO webhooks (id, url, secret, events, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(hook.id, hook.url, hook.secret, JSON.stringify(hook.events), hook.origin, hook.createdAt);
  }

  /** Removes the webhook and its deliveries not yet made; says whether it existed. */
  remove(id: string): boolean {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM webhook_deliveries WHERE webhook_id = ? AND delivered_at IS NULL').run(id);
      return this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes === 1;
    })();
  }

  /**
   * Makes the file's webhooks the ones of origin 'file': a webhook the file still names keeps its
   * pending deliveries (a restart must not drop them); one it no longer names is removed with them.
   */
  syncFile(hooks: readonly Omit<Webhook, 'origin' | 'createdAt'>[], now: number): void {
    this.db.transaction(() => {
      const kept = new Set(hooks.map((h) => h.id));
      for (const old of this.list()) if (old.origin === 'file' && !kept.has(old.id)) this.remove(old.id);
      for (const h of hooks) {
        this.db
          .prepare(
            `INSERT INTO webhooks (id, url, secret, events, origin, created_at) VALUES (?, ?, ?, ?, 'file', ?)
             ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret, events = excluded.events, origin = 'file'`,
          )
          .run(h.id, h.url, h.secret, JSON.stringify(h.events), now);
      }
    })();
  }

  /** Deliveries not yet acknowledged whose next attempt is due at `now`, oldest first. */
  due(now: number, limit: number): DueDelivery[] {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.attempts, w.id AS webhook_id, w.url, w.secret, e.id AS event_id, e.type, e.payload
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN webhook_events e ON e.id = d.event_id
         WHERE d.delivered_at IS NULL AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, e.created_at LIMIT ?`,
      )
      .all(now, limit) as { id: string; attempts: number; webhook_id: string; url: string; secret: string; event_id: string; type: WebhookEventType; payload: string }[];
    return rows.map((r) => ({ id: r.id, attempts: r.attempts, webhook: { id: r.webhook_id, url: r.url, secret: r.secret }, event: { id: r.event_id, type: r.type, payload: r.payload } }));
  }

  delivered(id: string, at: number): void {
    this.db.prepare('UPDATE webhook_deliveries SET attempts = attempts + 1, delivered_at = ?, last_error = NULL WHERE id = ?').run(at, id);
  }

  failed(id: string, nextAttemptAt: number, error: string): void {
    this.db.prepare('UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?').run(nextAttemptAt, error, id);
  }

  /**
   * Retention: deletes deliveries acknowledged before `deliveredBefore`, and events created before
   * `eventsBefore` with no delivery left. Events are kept longer than their deliveries because their
   * ids are what stops a cause written again (a closure re-recorded) from making a second event.
   */
  prune(deliveredBefore: number, eventsBefore: number): number {
    return this.db.transaction(() => {
      const n = this.db.prepare('DELETE FROM webhook_deliveries WHERE delivered_at IS NOT NULL AND delivered_at < ?').run(deliveredBefore).changes;
      this.db.prepare('DELETE FROM webhook_events WHERE created_at < ? AND id NOT IN (SELECT event_id FROM webhook_deliveries)').run(eventsBefore);
      return n;
    })();
  }

  /**
   * The outbox's deliveries of each closure's notice (its `closure.issued` event), and whether the
   * closure is recorded at all: the event is written in the closure's own transaction, so a recorded
   * closure with no delivery was given to no receiver.
   */
  closureDeliveries(closureIds: readonly string[]): Map<string, { recorded: boolean; deliveries: NoticeDelivery[] }> {
    const out = new Map<string, { recorded: boolean; deliveries: NoticeDelivery[] }>();
    if (closureIds.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT c.id AS closure_id, d.attempts, d.delivered_at, d.last_error
         FROM closures c LEFT JOIN webhook_deliveries d ON d.event_id = 'closure.issued:' || c.id
         WHERE c.id IN (${closureIds.map(() => '?').join(', ')})`,
      )
      .all(...closureIds) as { closure_id: string; attempts: number | null; delivered_at: number | null; last_error: string | null }[];
    for (const r of rows) {
      const entry = out.get(r.closure_id) ?? { recorded: true, deliveries: [] };
      if (r.attempts !== null) entry.deliveries.push({ attempts: r.attempts, deliveredAt: r.delivered_at, lastError: r.last_error });
      out.set(r.closure_id, entry);
    }
    for (const id of closureIds) if (!out.has(id)) out.set(id, { recorded: false, deliveries: [] });
    return out;
  }

  /** How many deliveries each webhook has pending, and its last error. */
  pending(): Map<string, { pending: number; lastError: string | null }> {
    const rows = this.db
      .prepare('SELECT webhook_id, COUNT(*) AS n, MAX(last_error) AS last_error FROM webhook_deliveries WHERE delivered_at IS NULL GROUP BY webhook_id')
      .all() as { webhook_id: string; n: number; last_error: string | null }[];
    return new Map(rows.map((r) => [r.webhook_id, { pending: r.n, lastError: r.last_error }]));
  }
}
