import { afterEach, describe, expect, it } from 'vitest';
import type { CityEvent, Closure } from '@/protocol/cityEvents';
import type { ClosureNotice } from '@/protocol/closureNotice';
import { openDatabase, type Database } from '../../../../mock-server/storage/database';
import { SqliteHistoryStore } from '../../../../mock-server/storage/sqliteHistory';
import { SqliteWebhookStore } from '../../../../mock-server/storage/sqliteWebhooks';
import { syncClosureNotices, type NoticedCity } from '../../../../mock-server/webhooks/syncClosureNotices';

const dbs: Database[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

const closure = (id: string): Closure => ({ id, underpassSlot: 3, alarmId: `A-${id}`, segments: [7], notified: 'trafficPolice', issuedAt: 1_000, liftedAt: null, state: 'active', lon: 121.4, lat: 31.2, district: 2 });
const hook = { url: 'http://127.0.0.1:1/police', secret: '0123456789abcdef', origin: 'api' as const, createdAt: 1 };

/** A desk holding closures as RoadClosures does (replaced on each notice), and the announced events. */
function cityWith(...closures: Closure[]): NoticedCity & { announced: CityEvent[]; closures: Map<string, Closure> } {
  const held = new Map(closures.map((c) => [c.id, c]));
  const announced: CityEvent[] = [];
  return {
    closures: held,
    announced,
    desk: {
      activeClosures: () => [...held.values()],
      noticeClosure: (id: string, notice: ClosureNotice) => {
        const c = held.get(id);
        if (!c) return [];
        held.set(id, { ...c, notice });
        return [{ type: 'closure', closure: { ...c, notice } }];
      },
    },
    announce: (e) => announced.push(e),
  };
}

function setUp() {
  const db = openDatabase(':memory:');
  dbs.push(db);
  return { db, hooks: new SqliteWebhookStore(db), history: new SqliteHistoryStore(db) };
}

const notices = (city: ReturnType<typeof cityWith>) => city.announced.map((e) => (e.type === 'closure' ? [e.closure.id, e.closure.notice] : null));

describe('closure notices from the outbox', () => {
  it('says nothing of a closure the outbox does not have yet, and that one recorded with no receiver was not configured', async () => {
    const { hooks, history } = setUp();
    const city = cityWith(closure('CL-1'));
    expect(syncClosureNotices(hooks, city)).toBe(0);
    expect(city.announced).toEqual([]);
    await history.recordClosures([closure('CL-1')]);
    expect(syncClosureNotices(hooks, city)).toBe(1);
    expect(notices(city)).toEqual([['CL-1', { state: 'unconfigured' }]]);
    // Unchanged: not announced again.
    expect(syncClosureNotices(hooks, city)).toBe(0);
  });

  it('follows the delivery: sending, retrying with the last error, delivered', async () => {
    const { hooks, history } = setUp();
    hooks.add({ ...hook, id: 'police', events: ['closure.issued'] });
    const city = cityWith(closure('CL-2'));
    await history.recordClosures([closure('CL-2')]);
    syncClosureNotices(hooks, city);
    const [delivery] = hooks.due(Date.now() + 1, 10);
    hooks.failed(delivery.id, 0, 'HTTP 500');
    syncClosureNotices(hooks, city);
    hooks.failed(delivery.id, 0, 'HTTP 500');
    syncClosureNotices(hooks, city);
    hooks.delivered(delivery.id, 1_234_567);
    syncClosureNotices(hooks, city);
    expect(notices(city)).toEqual([
      ['CL-2', { state: 'sending', attempts: 0, lastError: null }],
      ['CL-2', { state: 'sending', attempts: 1, lastError: 'HTTP 500' }],
      ['CL-2', { state: 'sending', attempts: 2, lastError: 'HTTP 500' }],
      ['CL-2', { state: 'delivered', deliveredAt: 1_234_567 }],
    ]);
    expect(city.closures.get('CL-2')?.notice).toEqual({ state: 'delivered', deliveredAt: 1_234_567 });
  });

  it('re-recording a closure that carries its notice makes no second delivery', async () => {
    const { hooks, history } = setUp();
    hooks.add({ ...hook, id: 'police', events: ['closure.issued'] });
    const city = cityWith(closure('CL-3'));
    await history.recordClosures([closure('CL-3')]);
    syncClosureNotices(hooks, city);
    await history.recordClosures([city.closures.get('CL-3')!]);
    expect(hooks.due(Date.now() + 1, 10)).toHaveLength(1);
  });
});
