/**
 * Alarms as records (issue 15): every change the rules make is kept (raise, escalate, ease, clear)
 * with the alarm's own time, people acknowledge alarms, and on start the stored active alarms go back
 * into the engine, so an episode continues under the same id with its acknowledgement after a
 * restart (as the open incidents go back on the desk).
 *
 * Writes happen in the work-order queue, where the tick runs: a tick's alarm changes are recorded
 * before its frame goes out, in one transaction, and an acknowledgement never lands halfway through
 * a tick. An acknowledgement is written before it takes effect in the engine, then announced to every
 * screen in the next frame as the alarm with `acknowledged: true`.
 */
import { alarmOfRecord, type AlarmDetail, type AlarmListQuery, type AlarmPage, type AlarmRecord } from '../../src/protocol/alarmRecords';
import type { AssetKind } from '../../src/protocol/assets';
import type { Principal } from '../../src/protocol/auth';
import type { Alarm, CityEvent, Severity } from '../../src/protocol/cityEvents';
import { DomainError } from '../domainError';
import { RETENTION_DAYS } from '../history/historyRecorder';
import type { AlarmEngine } from '../rules/alarmEngine';
import type { AlarmChangeInput, AlarmStore } from '../storage/stores';
import type { SerialQueue } from '../workorders/serialQueue';
import { alarmActionOf, alarmTimeOf } from './alarmActionOf';
import { decodeAlarmCursor, encodeAlarmCursor } from './alarmCursor';

/** What the service needs of the live city (pipeline/cityStages.ts provides it). */
export interface AlarmCity {
  readonly alarms: Pick<AlarmEngine, 'active' | 'restore' | 'acknowledge'>;
  /** The city's time now, epoch ms. */
  simTime(): number;
  /** Publishes a change in the next frame. */
  announce(event: CityEvent): void;
}

export interface AlarmServiceDeps {
  city: AlarmCity;
  store: AlarmStore;
  /** The work-order queue, which the tick runs in too. */
  queue: SerialQueue;
  /** Wall clock. */
  now?: () => number;
  /**
   * An asset's slot by kind and id in the city now (undefined: not there, or not told apart by id).
   * A stored alarm is put back at its asset's slot, found by its id: an import may have moved it.
   */
  slotOf?: (kind: AssetKind, id: string) => number | undefined;
}

/** The note kept with an alarm cleared at start, or when the registry changed, because no rule or asset in force takes it any more. */
export const GONE_AT_RESTART = 'cleared at a restart or registry change: no rule or asset in force takes it any more';

/**
 * Who acknowledges: a signed-in person. A kiosk link is a wall that only watches, and an anonymous
 * demo visitor could sign in (the role check lets both through as operators).
 */
export function acknowledgerOf(principal: Principal): string {
  if (principal.kind === 'user') return principal.username;
  if (principal.kind === 'anonymous') throw new DomainError('UNAUTHORIZED', 'sign in to acknowledge alarms');
  throw new DomainError('FORBIDDEN', principal.kind === 'kiosk' ? 'a kiosk wall only watches: sign in as an operator to acknowledge alarms' : 'an integration cannot acknowledge alarms');
}

/** Cleared alarms are kept as long as the minute history (the daily report's 400 days), then pruned. */
export const ALARM_RETENTION_DAYS = RETENTION_DAYS;
const DAY_MS = 86_400_000;

export class AlarmService {
  /** The stored severity of each open alarm, which a change from the rules is measured against. */
  private readonly open = new Map<string, Severity>();
  private readonly now: () => number;
  private prunedAt = -Infinity;

  constructor(private readonly deps: AlarmServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Puts the stored active alarms back into the engine; those no rule or asset takes any more are cleared on the record. Returns how many went back. */
  async restore(): Promise<number> {
    const { city, store, slotOf } = this.deps;
    const stored = (await store.active()).map((alarm) => {
      const slot = slotOf?.(alarm.assetKind, alarm.assetId);
      return slot === undefined || slot === alarm.slot ? alarm : { ...alarm, slot };
    });
    const unplaced = city.alarms.restore(stored);
    const gone = new Set(unplaced.map((a) => a.id));
    for (const alarm of stored) if (!gone.has(alarm.id)) this.open.set(alarm.id, alarm.severity);
    const at = city.simTime();
    await store.record(
      unplaced.map((a) => ({ alarm: { ...a, state: 'cleared', clearedAt: at, updatedAt: at }, action: 'clear', at, by: null, note: GONE_AT_RESTART })),
      this.now(),
    );
    return stored.length - unplaced.length;
  }

  /** Records a tick's alarm changes in one transaction (called inside the queue, before the frame goes out). */
  async recordTick(events: readonly CityEvent[]): Promise<void> {
    const changes: AlarmChangeInput[] = [];
    for (const e of events) {
      if (e.type !== 'alarm') continue;
      const { alarm } = e;
      const action = alarmActionOf(this.open.get(alarm.id), alarm);
      if (action === null) continue;
      if (action === 'clear') this.open.delete(alarm.id);
      else this.open.set(alarm.id, alarm.severity);
      changes.push({ alarm, action, at: alarmTimeOf(alarm, action), by: null, note: null });
    }
    const now = this.now();
    await this.deps.store.record(changes, now);
    // Once a day of wall clock; the horizon is on the city's clock, as the history's.
    if (now - this.prunedAt >= DAY_MS) {
      this.prunedAt = now;
      await this.deps.store.prune(this.deps.city.simTime() - ALARM_RETENTION_DAYS * DAY_MS);
    }
  }

  /**
   * A person acknowledges an alarm, active or cleared. Acknowledging is a state, not an act to repeat:
   * an alarm already acknowledged (by anyone) is answered as it stands, with who acknowledged it
   * first, and nothing more is recorded — two operators pressing at once both see it acknowledged,
   * and a retry after a lost answer is safe. An unknown id is NOT_FOUND.
   */
  async acknowledge(id: string, principal: Principal, note?: string): Promise<AlarmRecord> {
    const by = acknowledgerOf(principal);
    const { city, store } = this.deps;
    return this.deps.queue.run(async () => {
      const at = city.simTime();
      const open = city.alarms.active().find((a) => a.id === id);
      const stored = open && !open.acknowledged ? null : await store.get(id);
      if (!open && !stored) throw new DomainError('NOT_FOUND', `no alarm ${id}`);
      if (stored?.acknowledged) return stored;
      const alarm: Alarm = { ...(open ?? alarmOfRecord(stored!)), acknowledged: true, ackedAt: at };
      await store.record([{ alarm, action: 'acknowledge', at, by, note: note || null }], this.now());
      // Durable first, then the engine and the screens (a cleared alarm is on no screen).
      const changed = open ? city.alarms.acknowledge(id, at) : null;
      if (changed) city.announce({ type: 'alarm', alarm: changed });
      return (await store.get(id))!;
    });
  }

  /** The history: alarms active at some time in [from, to), newest raised first, a page at a time. */
  async list(query: AlarmListQuery): Promise<AlarmPage> {
    if (query.from !== undefined && query.to !== undefined && query.to <= query.from) throw new DomainError('BAD_REQUEST', 'to must be after from');
    const { alarms, next } = await this.deps.store.list({
      from: query.from,
      to: query.to,
      state: query.state,
      kind: query.kind,
      assetId: query.asset,
      ruleId: query.rule,
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeAlarmCursor(query.cursor),
    });
    return { alarms, nextCursor: next ? encodeAlarmCursor(next) : null };
  }

  /** One alarm with its change log. */
  async detail(id: string): Promise<AlarmDetail> {
    const alarm = await this.deps.store.get(id);
    if (!alarm) throw new DomainError('NOT_FOUND', `no alarm ${id}`);
    return { alarm, changes: await this.deps.store.changes(id) };
  }
}
