/**
 * The desk's world port over the simulated city: teams move on the simulated roads, pump trucks
 * drain the simulated ponding sites, repaired pumps restart, and closures, accidents and entrapments
 * are held here for traffic and the sensors to read (road.closed, road speeds, elevator.state).
 */
import type { CityAssets } from '../city/assets';
import type { DeskWorld, PondingKind, TeamStatus } from '../incidents/deskWorld';
import { PUMP_TRUCK_CM_MIN, repairPump, type DrainageState } from './drainage';
import type { Route, Router } from './routing';
import { AVAILABLE, placeOnSite, releaseTeam, sendTeam, type TeamsState } from './teams';

export class SimulatedWorld implements DeskWorld {
  /** 1 = held closed by a closure notice, per road segment. */
  readonly closed: Uint8Array;
  /** 1 = an accident on the segment. */
  readonly accidents: Uint8Array;
  /** Open entrapments per elevator slot. */
  private readonly trapped = new Map<number, number>();

  constructor(
    assets: CityAssets,
    private readonly teams: TeamsState,
    private readonly drainage: DrainageState,
    private readonly router: Router,
  ) {
    this.closed = new Uint8Array(assets.roads.segmentCount);
    this.accidents = new Uint8Array(assets.roads.segmentCount);
  }

  team(slot: number): TeamStatus {
    const { teams } = this;
    return { available: teams.state[slot] === AVAILABLE, lon: teams.lon[slot], lat: teams.lat[slot], incident: teams.incident[slot] };
  }

  routeFor(slot: number, lon: number, lat: number): Route | null {
    return this.router.route(this.teams.node[slot], this.router.nearestNode(lon, lat));
  }

  sendTeam(slot: number, route: Route, incidentId: string): void {
    sendTeam(this.teams, slot, route, incidentId);
  }

  releaseTeam(slot: number): void {
    releaseTeam(this.teams, slot);
  }

  placeTeamOnSite(slot: number, incidentId: string, lon: number, lat: number): void {
    placeOnSite(this.teams, slot, this.router.nearestNode(lon, lat), lon, lat, incidentId);
  }

  pumpOut(kind: PondingKind, slot: number, working: boolean): void {
    const assist = kind === 'underpass' ? this.drainage.underpassAssist : this.drainage.waterlogAssist;
    assist[slot] = working ? PUMP_TRUCK_CM_MIN : 0;
  }

  repairPump(slot: number): void {
    repairPump(this.drainage, slot);
  }

  setRoadClosed(segments: readonly number[], closed: boolean): void {
    for (const s of segments) this.closed[s] = closed ? 1 : 0;
  }

  setAccident(segment: number, blocked: boolean): void {
    this.accidents[segment] = blocked ? 1 : 0;
  }

  setTrapped(elevator: number, trapped: boolean): void {
    const n = (this.trapped.get(elevator) ?? 0) + (trapped ? 1 : -1);
    if (n > 0) this.trapped.set(elevator, n);
    else this.trapped.delete(elevator);
  }

  /** Slots of the elevators with an open entrapment (their status reads "trapped"). */
  trappedElevators(): Iterable<number> {
    return this.trapped.keys();
  }
}
