import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/protocol/workOrders';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteIncidentStore } from '../../../../mock-server/storage/sqliteIncidents';
import { SqliteWebhookStore, WebhookOutbox } from '../../../../mock-server/storage/sqliteWebhooks';
import { VersionConflictError } from '../../../../mock-server/storage/stores';
import { makeIncident } from '../../../support/incidentFixture';

const dbs: Database[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));
const open = () => {
  const db = openDatabase(':memory:');
  dbs.push(db);
  return db;
};
const created = (incidentId: string): Omit<AuditEntry, 'seq'> => ({
  incidentId,
  action: 'create',
  actor: { kind: 'user', name: 'dispatcher', role: 'dispatcher' },
  at: 1000,
  recordedAt: 5,
  from: null,
  to: 'new',
  version: 1,
  teamId: null,
  note: null,
});
const hook = { url: 'http://127.0.0.1:1/h', secret: '0123456789abcdef', origin: 'api' as const, createdAt: 1 };

describe('the webhook outbox', () => {
  it('puts an incident event in the outbox with the commit, one delivery per subscribed webhook, nothing when the commit fails', async () => {
    const db = open();
    const hooks = new SqliteWebhookStore(db);
    hooks.add({ ...hook, id: 'a', events: ['incident.created'] });
    hooks.add({ ...hook, id: 'b', events: ['alarm.critical'] });
    const incidents = new SqliteIncidentStore(db);
    const incident = makeIncident({ id: 'INC-1' });
    await incidents.commit({ incidents: [{ incident, previousVersion: null }], audit: [created('INC-1')] });
    await expect(incidents.commit({ incidents: [{ incident, previousVersion: null }], audit: [created('INC-1')] })).rejects.toBeInstanceOf(VersionConflictError);
    const due = hooks.due(Date.now() + 1, 10);
    expect(due.map((d) => [d.webhook.id, d.event.id, d.attempts])).toEqual([['a', 'incident.created:INC-1:v1', 0]]);
    expect(JSON.parse(due[0].event.payload)).toMatchObject({ type: 'incident.created', data: { id: 'INC-1' } });
  });

  it('writes an event once however often its cause is written, and keeps its delivery id across attempts', () => {
    const db = open();
    const hooks = new SqliteWebhookStore(db);
    hooks.add({ ...hook, id: 'a', events: ['closure.issued'] });
    const outbox = new WebhookOutbox(db);
    const event = { id: 'closure.issued:CL-1', type: 'closure.issued' as const, at: 1, data: {} as never };
    outbox.add([event], 100);
    outbox.add([event], 200);
    const [first] = hooks.due(100, 10);
    hooks.failed(first.id, 500, 'HTTP 503');
    expect(hooks.due(499, 10)).toEqual([]);
    const [again] = hooks.due(500, 10);
    expect([again.id, again.attempts]).toEqual([first.id, 1]);
    expect(hooks.pending().get('a')).toEqual({ pending: 1, lastError: 'HTTP 503' });
    hooks.delivered(again.id, 600);
    expect(hooks.due(10_000, 10)).toEqual([]);
    expect(hooks.pending().get('a')).toBeUndefined();
  });

  it('keeps a file webhook’s pending deliveries when the file still names it, and drops the ones it no longer names', () => {
    const db = open();
    const hooks = new SqliteWebhookStore(db);
    hooks.syncFile([{ id: 'kept', url: hook.url, secret: hook.secret, events: ['alarm.critical'] }, { id: 'gone', url: hook.url, secret: hook.secret, events: ['alarm.critical'] }], 1);
    hooks.add({ ...hook, id: 'api', events: ['alarm.critical'] });
    new WebhookOutbox(db).add([{ id: 'alarm.critical:A1', type: 'alarm.critical', at: 1, data: {} as never }], 1);
    hooks.syncFile([{ id: 'kept', url: 'http://127.0.0.1:2/new', secret: hook.secret, events: ['alarm.critical'] }], 2);
    expect(hooks.list().map((h) => [h.id, h.origin, h.url])).toEqual([['api', 'api', hook.url], ['kept', 'file', 'http://127.0.0.1:2/new']].sort());
    expect(hooks.due(10, 10).map((d) => d.webhook.id).sort()).toEqual(['api', 'kept']);
  });

  it('prunes acknowledged deliveries, then events with none left, keeping what is pending', () => {
    const db = open();
    const hooks = new SqliteWebhookStore(db);
    hooks.add({ ...hook, id: 'a', events: ['alarm.critical'] });
    const outbox = new WebhookOutbox(db);
    outbox.add([{ id: 'old', type: 'alarm.critical', at: 1, data: {} as never }], 100);
    outbox.add([{ id: 'pending', type: 'alarm.critical', at: 1, data: {} as never }], 100);
    const old = hooks.due(100, 10).find((d) => d.event.id === 'old')!;
    hooks.delivered(old.id, 200);
    expect(hooks.prune(150, 1000)).toBe(0);
    expect(hooks.prune(201, 50)).toBe(1);
    // The event is kept until its own retention: its id still stops a second one.
    outbox.add([{ id: 'old', type: 'alarm.critical', at: 1, data: {} as never }], 300);
    expect(hooks.due(1000, 10).map((d) => d.event.id)).toEqual(['pending']);
    hooks.prune(201, 1000);
    expect(db.prepare('SELECT id FROM webhook_events').all()).toEqual([{ id: 'pending' }]);
  });
});
