/**
 * The work-order service: the one place incidents change. People's commands (dispatch, transition,
 * note, report) and the simulated city's own changes go through one serial queue; each is checked
 * by the lifecycle, written durably (incident at its version, audit entries, idempotency answer) and
 * only then acknowledged and published in the next frame. On start it puts the open incidents back
 * on the simulated desk and resumes the simulated clock where it stopped.
 */
import type { Principal } from '../../src/protocol/auth';
import { DESK_STATUSES, FINAL_STATUSES, OPEN_STATUSES, type CityEvent, type Incident, type IncidentStatus } from '../../src/protocol/cityEvents';
import { ACTION_FOR_TARGET } from '../../src/protocol/workOrderLifecycle';
import type { Actor, CreateIncidentRequest, DispatchRequest, NoteRequest, TeamSuggestion, TransitionRequest } from '../../src/protocol/workOrders';
import { DomainError } from '../domainError';
import type { CityAssets } from '../city/assets';
import type { IncidentDesk } from '../incidents/incidentDesk';
import type { IncidentStore } from '../storage/stores';
import { applyAction, type ActionResult } from './lifecycle';
import { SerialQueue } from './serialQueue';

export interface CommandResult<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same idempotency key. */
  replayed: boolean;
}

/** Where a command's first answer is kept for its retries. */
interface IdempotencyRef {
  scope: string;
  key: string;
}

/** What the service needs of the live city (pipeline/cityStages.ts provides it). */
export interface WorkOrderCity {
  readonly desk: IncidentDesk;
  readonly assets: Pick<CityAssets, 'teams'>;
  /** Simulated time now, epoch ms. */
  simTime(): number;
  /** The district a point lies in (-1 off land). */
  districtAt(lon: number, lat: number): number;
  /** Publishes an incident change in the next frame. */
  announce(event: CityEvent): void;
}

export interface WorkOrderServiceDeps {
  city: WorkOrderCity;
  store: IncidentStore;
  /** Wall clock. */
  now?: () => number;
  /** The queue to run in (default its own): the server keeps one across rebuilds of the city (runtime/cityHolder.ts). */
  queue?: SerialQueue;
}

const META_SIM_TIME = 'simTime';
const META_COUNTERS = 'counters';

export function actorOf(principal: Principal): Actor {
  if (principal.kind === 'user') return { kind: 'user', name: principal.username, role: principal.role };
  if (principal.kind === 'integration') return { kind: 'integration', name: principal.name, role: 'integration' };
  throw new DomainError('FORBIDDEN', 'a read-only screen cannot act on incidents');
}

export class WorkOrderService {
  readonly queue: SerialQueue;
  private readonly desk: IncidentDesk;
  private readonly now: () => number;
  /** The simulated minute the stored clock was last written for. */
  private clockMinute = NaN;

  constructor(private readonly deps: WorkOrderServiceDeps) {
    this.queue = deps.queue ?? new SerialQueue();
    this.desk = deps.city.desk;
    this.now = deps.now ?? Date.now;
  }

  /** The simulated time the city stopped at, to resume from (null on a fresh database). */
  static async storedSimTime(store: IncidentStore): Promise<number | null> {
    const v = await store.getMeta(META_SIM_TIME);
    return v === null ? null : Number(v);
  }

  /** Puts the stored open incidents back on the desk. */
  async restore(): Promise<number> {
    const open = await this.deps.store.list({ statuses: DESK_STATUSES, limit: 100_000 });
    const counters = JSON.parse((await this.deps.store.getMeta(META_COUNTERS)) ?? '{"incident":0,"workOrder":0}');
    this.desk.restore(open, counters, this.deps.city.simTime());
    return open.length;
  }

  /** Records what the simulated city did in a tick (called inside the queue, before the frame goes out). */
  async recordTick(events: readonly CityEvent[]): Promise<void> {
    const latest = new Map<string, Incident>();
    for (const e of events) if (e.type === 'incident') latest.set(e.incident.id, e.incident);
    const audit = this.desk.takeAudit().map((a) => ({ ...a, recordedAt: this.now() }));
    // Most ticks change no incident: then the clock is kept once a simulated minute, not on every frame
    // (each commit waits for the disk). A restart resumes at most a minute early.
    const minute = Math.floor(this.deps.city.simTime() / 60_000);
    if (!latest.size && !audit.length && minute === this.clockMinute) return;
    this.clockMinute = minute;
    await this.deps.store.commit({
      incidents: [...latest.values()].map((incident) => ({ incident, previousVersion: 'any' as const })),
      audit,
      meta: this.meta(),
    });
  }

  async get(id: string): Promise<Incident | null> {
    return this.desk.get(id) ?? (await this.deps.store.get(id));
  }

  async list(statuses: readonly (IncidentStatus | 'open')[] | undefined, limit: number): Promise<Incident[]> {
    const wanted = statuses?.flatMap((s) => (s === 'open' ? OPEN_STATUSES : [s]));
    return this.deps.store.list({ statuses: wanted, limit });
  }

  async audit(id: string) {
    if (!(await this.get(id))) throw new DomainError('NOT_FOUND', `no incident ${id}`);
    return this.deps.store.audit(id);
  }

  /** Free teams that could take an incident, nearest first, with route length and ETA. */
  async suggestions(id: string): Promise<TeamSuggestion[]> {
    const incident = await this.openIncident(id);
    const teams = this.deps.city.assets.teams;
    return this.desk.teamOptions(incident).map((o) => ({
      teamId: teams[o.slot].id,
      name: teams[o.slot].name,
      nameEn: teams[o.slot].nameEn,
      type: teams[o.slot].type,
      distanceKm: round1(o.distanceKm),
      routeKm: round1(o.route.lengthKm),
      etaMinutes: Math.max(1, Math.round(o.route.minutes)),
    }));
  }

  dispatch(id: string, req: DispatchRequest, principal: Principal, idempotencyKey?: string): Promise<CommandResult<Incident>> {
    return this.command(principal, `dispatch:${id}`, idempotencyKey, async (actor, idem) => {
      const incident = await this.openIncident(id);
      const team = req.teamId === undefined ? undefined : this.teamSlot(req.teamId);
      const action = incident.status === 'new' ? 'dispatch' : 'reassign';
      return this.act(idem, incident, () => this.desk.act(id, { action, actor, at: this.deps.city.simTime(), recordedAt: this.now(), expectedVersion: req.expectedVersion, note: req.note, team }));
    });
  }

  transition(id: string, req: TransitionRequest, principal: Principal, idempotencyKey?: string): Promise<CommandResult<Incident>> {
    return this.command(principal, `transition:${id}`, idempotencyKey, async (actor, idem) => {
      const incident = await this.openIncident(id);
      const action = ACTION_FOR_TARGET[req.to];
      return this.act(idem, incident, () => this.desk.act(id, { action, actor, at: this.deps.city.simTime(), recordedAt: this.now(), expectedVersion: req.expectedVersion, note: req.note }));
    });
  }

  note(id: string, req: NoteRequest, principal: Principal, idempotencyKey?: string): Promise<CommandResult<Incident>> {
    return this.command(principal, `note:${id}`, idempotencyKey, async (actor, idem) => {
      const onDesk = this.desk.get(id);
      const input = { action: 'note' as const, actor, at: this.deps.city.simTime(), recordedAt: this.now(), expectedVersion: req.expectedVersion, note: req.note };
      if (onDesk) return this.act(idem, onDesk, () => this.desk.act(id, input));
      // Closed and cancelled incidents live only in storage; a note there changes nothing in the city.
      const stored = await this.deps.store.get(id);
      if (!stored) throw new DomainError('NOT_FOUND', `no incident ${id}`);
      return this.act(idem, stored, () => applyAction(stored, input), false);
    });
  }

  /** An incident reported from outside: placed, routed to its unit and district, recorded, and on the desk. */
  report(req: CreateIncidentRequest, principal: Principal, idempotencyKey?: string): Promise<CommandResult<Incident>> {
    return this.command(principal, 'report', idempotencyKey, async (actor, idem) => {
      const [lon, lat] = req.location;
      const district = this.deps.city.districtAt(lon, lat);
      if (district < 0) throw new DomainError('BAD_REQUEST', `location [${lon}, ${lat}] is not on land in any Shanghai district`);
      const now = this.deps.city.simTime();
      const incident = this.desk.report(req.category, { lon, lat, district, segment: null }, now, { description: req.description, externalRef: req.externalRef ?? null });
      const created = this.desk.takeAudit().map((a) => ({ ...a, actor, recordedAt: this.now() }));
      try {
        await this.deps.store.commit({
          incidents: [{ incident, previousVersion: null }],
          audit: created,
          idempotency: idem ? { ...idem, response: { status: 201, body: incident } } : undefined,
          meta: this.meta(),
        });
      } catch (err) {
        this.desk.discard(incident.id);
        throw err;
      }
      this.deps.city.announce({ type: 'incident', incident: { ...incident } });
      return { status: 201, body: incident };
    });
  }

  /** Runs a person's command in the queue, with the idempotency key's stored answer if it was seen before. */
  private command<T>(principal: Principal, scope: string, key: string | undefined, run: (actor: Actor, idem: IdempotencyRef | null) => Promise<{ status: number; body: T }>): Promise<CommandResult<T>> {
    return this.queue.run(async () => {
      const actor = actorOf(principal);
      const fullScope = `${actor.kind}:${actor.name}:${scope}`;
      if (key) {
        const seen = await this.deps.store.findResponse(fullScope, key);
        if (seen) return { status: seen.status, body: seen.body as T, replayed: true };
      }
      const { status, body } = await run(actor, key ? { scope: fullScope, key } : null);
      return { status, body, replayed: false };
    });
  }

  /**
   * Computes the change (on the desk, or on a stored record), writes it durably with its audit entry
   * and the idempotency answer, and publishes it. A failed write undoes nothing on disk and answers an error.
   */
  private async act(idem: IdempotencyRef | null, before: Incident, change: () => ActionResult, onDesk = true): Promise<{ status: number; body: Incident }> {
    const result = change();
    const body = result.incident;
    await this.deps.store.commit({
      incidents: [{ incident: body, previousVersion: before.version }],
      audit: [result.audit],
      idempotency: idem ? { ...idem, response: { status: 200, body } } : undefined,
      meta: this.meta(),
    });
    if (onDesk || !FINAL_STATUSES.includes(body.status)) this.deps.city.announce({ type: 'incident', incident: { ...body } });
    return { status: 200, body };
  }

  /** The simulated clock and the id counters, kept with every change so a restart never goes back before it. */
  private meta(): Record<string, string> {
    return { [META_SIM_TIME]: String(this.deps.city.simTime()), [META_COUNTERS]: JSON.stringify(this.desk.counters) };
  }

  private async openIncident(id: string): Promise<Incident> {
    const incident = this.desk.get(id);
    if (incident) return incident;
    const stored = await this.deps.store.get(id);
    if (!stored) throw new DomainError('NOT_FOUND', `no incident ${id}`);
    throw new DomainError('CONFLICT', `incident ${id} is ${stored.status}`);
  }

  private teamSlot(teamId: string): number {
    const slot = this.deps.city.assets.teams.findIndex((t) => t.id === teamId);
    if (slot < 0) throw new DomainError('BAD_REQUEST', `no team ${teamId}`);
    return slot;
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
