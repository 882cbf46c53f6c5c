import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from '../../../../mock-server/storage/database';
import { MIGRATIONS } from '../../../../mock-server/storage/migrations';
import { SqliteIncidentStore } from '../../../../mock-server/storage/sqliteIncidents';
import { VersionConflictError } from '../../../../mock-server/storage/stores';
import type { AuditEntry } from '@/protocol/workOrders';
import { makeIncident } from '../../../support/incidentFixture';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
const open = (dir = ':memory:') => {
  const db = openDatabase(dir);
  dbs.push(db);
  return db;
};
const entry = (incidentId: string, version: number): Omit<AuditEntry, 'seq'> => ({
  incidentId,
  action: version === 1 ? 'create' : 'dispatch',
  actor: { kind: 'user', name: 'dispatcher', role: 'dispatcher' },
  at: 1000 * version,
  recordedAt: 5,
  from: version === 1 ? null : 'new',
  to: version === 1 ? 'new' : 'dispatched',
  version,
  teamId: null,
  note: null,
});

describe('SQLite storage', () => {
  it('opens a file in WAL mode with full sync, and applies each migration once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cityops-db-'));
    dirs.push(dir);
    const db = open(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(migrate(db)).toEqual([]);
    const later = [...MIGRATIONS, { version: 99, name: 'test column', sql: 'ALTER TABLE meta ADD COLUMN note TEXT' }];
    expect(migrate(db, later)).toEqual([99]);
    expect(migrate(db, later)).toEqual([]);
    expect(() => migrate(db, MIGRATIONS)).toThrow(/schema version 99, newer than this server knows/);
  });

  it('writes an incident and its audit in one change, and refuses a stale version without writing anything', async () => {
    const store = new SqliteIncidentStore(open());
    const v1 = makeIncident({ id: 'INC-000001' });
    const [created] = await store.commit({ incidents: [{ incident: v1, previousVersion: null }], audit: [entry(v1.id, 1)] });
    expect(created.seq).toBeGreaterThan(0);
    const v2 = { ...v1, version: 2, status: 'dispatched' as const };
    await store.commit({ incidents: [{ incident: v2, previousVersion: 1 }], audit: [entry(v1.id, 2)] });
    // A second writer that read version 1: refused, and its audit entry is not kept.
    await expect(store.commit({ incidents: [{ incident: { ...v2, status: 'cancelled' }, previousVersion: 1 }], audit: [entry(v1.id, 2)] })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(store.commit({ incidents: [{ incident: v1, previousVersion: null }], audit: [] })).rejects.toThrow(/already exists/);
    expect(await store.get(v1.id)).toMatchObject({ version: 2, status: 'dispatched' });
    expect((await store.audit(v1.id)).map((a) => a.version)).toEqual([1, 2]);
  });

  it('lists by status, newest first, and keeps idempotent answers and small facts', async () => {
    const store = new SqliteIncidentStore(open());
    for (let k = 1; k <= 3; k++) {
      const i = makeIncident({ id: `INC-00000${k}`, createdAt: k, status: k === 2 ? 'closed' : 'new' });
      await store.commit({ incidents: [{ incident: i, previousVersion: null }], audit: [], idempotency: k === 3 ? { scope: 'user:d:dispatch', key: 'abc12345', response: { status: 200, body: { ok: k } } } : undefined });
    }
    expect((await store.list({ statuses: ['new'] })).map((i) => i.id)).toEqual(['INC-000003', 'INC-000001']);
    expect(await store.findResponse('user:d:dispatch', 'abc12345')).toEqual({ status: 200, body: { ok: 3 } });
    expect(await store.findResponse('user:other:dispatch', 'abc12345')).toBeNull();
    await store.setMeta({ simTime: '123' });
    expect(await store.getMeta('simTime')).toBe('123');
  });

  it('keeps the case flow’s rework count and last passing check; an incident stored before them reads 0 and null', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cityops-db-'));
    dirs.push(dir);
    // A database from before the case flow (migration 10), with an incident record that lacks its fields.
    const before = MIGRATIONS.filter((m) => m.version < 10);
    const old = openDatabase(dir, before);
    const { reworkCount, verifiedAt, ...legacy } = makeIncident({ id: 'INC-000001', status: 'resolved' });
    expect([reworkCount, verifiedAt]).toEqual([0, null]);
    old
      .prepare('INSERT INTO incidents (id, version, status, category, priority, district, created_at, updated_at, record) VALUES (?, 1, ?, ?, 2, 0, 0, 0, ?)')
      .run(legacy.id, legacy.status, legacy.category, JSON.stringify(legacy));
    old.close();

    const db = open(dir);
    const store = new SqliteIncidentStore(db);
    expect(await store.get('INC-000001')).toMatchObject({ status: 'resolved', reworkCount: 0, verifiedAt: null });
    const reworked = makeIncident({ id: 'INC-000002', status: 'dispatched', reworkCount: 2, createdAt: 5 });
    await store.commit({ incidents: [{ incident: reworked, previousVersion: null }], audit: [] });
    await store.commit({ incidents: [{ incident: { ...reworked, version: 2, status: 'verified', verifiedAt: 9_000 }, previousVersion: 1 }], audit: [] });
    expect(await store.get('INC-000002')).toMatchObject({ status: 'verified', reworkCount: 2, verifiedAt: 9_000 });
    expect((await store.list({ statuses: ['verified', 'resolved'] })).map((i) => [i.id, i.reworkCount, i.verifiedAt])).toEqual([
      ['INC-000002', 2, 9_000],
      ['INC-000001', 0, null],
    ]);
    expect(db.prepare('SELECT rework_count, verified_at FROM incidents WHERE id = ?').get('INC-000002')).toEqual({ rework_count: 2, verified_at: 9_000 });
  });
});

describe('service requests in SQL', () => {
  const MIN = 60_000;
  /** Service requests (from outside) first, then more of the city's own incidents than Open311 once read (the newest 20,000). */
  async function cityWithOldRequests() {
    const db = open();
    const store = new SqliteIncidentStore(db);
    const requests = [
      makeIncident({ id: 'INC-000001', source: 'external', category: 'muckDumping', status: 'closed', createdAt: 1 * MIN }),
      makeIncident({ id: 'INC-000002', source: 'external', category: 'powerOutage', status: 'dispatched', createdAt: 2 * MIN }),
      makeIncident({ id: 'INC-000003', source: 'external', category: 'muckDumping', status: 'new', createdAt: 3 * MIN }),
      // A city incident whose description quotes the JSON of a request is still not one.
      makeIncident({ id: 'INC-000004', source: 'cityLife', category: 'muckDumping', description: '{"source":"external"}', createdAt: 4 * MIN }),
    ];
    const city = Array.from({ length: 25_000 }, (_, k) => makeIncident({ id: `INC-${String(k + 10).padStart(6, '0')}`, source: k % 2 ? 'rule' : 'cityLife', createdAt: (10 + k) * MIN }));
    await store.commit({ incidents: [...requests, ...city].map((incident) => ({ incident, previousVersion: null })), audit: [] });
    return { db, store };
  }

  it('finds requests older than the newest 20,000 incidents, newest first, and only requests', async () => {
    const { store } = await cityWithOldRequests();
    expect((await store.serviceRequests({ limit: 1000 })).map((i) => i.id)).toEqual(['INC-000003', 'INC-000002', 'INC-000001']);
    expect((await store.serviceRequests({ limit: 2 })).map((i) => i.id)).toEqual(['INC-000003', 'INC-000002']);
  });

  it('filters by service, status and creation time in the query', async () => {
    const { store } = await cityWithOldRequests();
    const ids = async (q: Parameters<SqliteIncidentStore['serviceRequests']>[0]) => (await store.serviceRequests(q)).map((i) => i.id);
    expect(await ids({ categories: ['muckDumping'], limit: 10 })).toEqual(['INC-000003', 'INC-000001']);
    expect(await ids({ statuses: ['closed', 'cancelled'], limit: 10 })).toEqual(['INC-000001']);
    expect(await ids({ from: 2 * MIN, to: 3 * MIN, limit: 10 })).toEqual(['INC-000003', 'INC-000002']);
    expect(await ids({ from: 2 * MIN + 1, limit: 10 })).toEqual(['INC-000003']);
    expect(await ids({ categories: [], limit: 10 })).toEqual([]);
    expect(await ids({ categories: ['nothing'], limit: 10 })).toEqual([]);
  });

  it('reads them through the partial index, not by scanning every incident', async () => {
    const { db, store } = await cityWithOldRequests();
    // The query the store runs, asked of SQLite's planner.
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof db.prepare;
    await store.serviceRequests({ categories: ['litter'], limit: 10 });
    const plan = prepare(`EXPLAIN QUERY PLAN ${prepared.at(-1)}`).all('litter', 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX incidents_service_requests/);
  });
});
