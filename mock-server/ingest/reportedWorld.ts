/**
 * The desk's port to a city with no simulator. Nothing moves by itself here: a team sent to an
 * incident is en route until a person marks it arrived (the console's `arrive`), muck trucks are where
 * their terminals last said, pump trucks and
 * repairs are the crews' own business, and the closures the desk issues are held for the road.closed
 * channel. Routes are planned on the city's road network as the simulated desk plans them.
 */
import type { CityAssets } from '../city/assets';
import type { DeskWorld, TeamStatus } from '../incidents/deskWorld';
import { routerFor, type Route, type Router } from '../simulator/routing';
import { AVAILABLE, createTeamsState, placeOnSite, releaseTeam, sendTeam, type TeamsState } from '../simulator/teams';

export class ReportedWorld implements DeskWorld {
  readonly teams: TeamsState;
  /** 1 = held closed by a closure notice, per road segment. */
  readonly closed: Uint8Array;
  private readonly router: Router;
  /** When each team last reported its position (−Infinity: never). */
  private readonly reportedAt: Float64Array;
  /** Each muck truck's newest reported position (NaN until it reports) and when it was. */
  readonly trucks: { lon: Float64Array; lat: Float64Array; at: Float64Array };

  constructor(assets: CityAssets) {
    this.teams = createTeamsState(assets);
    this.closed = new Uint8Array(assets.roads.segmentCount);
    this.router = routerFor(assets.roads);
    this.reportedAt = new Float64Array(assets.teams.length).fill(-Infinity);
    const trucks = assets.muckTrucks.length;
    this.trucks = { lon: new Float64Array(trucks).fill(NaN), lat: new Float64Array(trucks).fill(NaN), at: new Float64Array(trucks).fill(-Infinity) };
  }

  truckReportedAt(slot: number, lon: number, lat: number, t: number): boolean {
    const { trucks } = this;
    if (t <= trucks.at[slot]) return false;
    trucks.at[slot] = t;
    trucks.lon[slot] = lon;
    trucks.lat[slot] = lat;
    return true;
  }

  teamReportedAt(slot: number, lon: number, lat: number, t: number): void {
    if (t <= this.reportedAt[slot]) return;
    this.reportedAt[slot] = t;
    this.teams.lon[slot] = lon;
    this.teams.lat[slot] = lat;
  }

  team(slot: number): TeamStatus {
    const { teams } = this;
    return { available: teams.state[slot] === AVAILABLE, lon: teams.lon[slot], lat: teams.lat[slot], incident: teams.incident[slot] };
  }

  routeFor(slot: number, lon: number, lat: number): Route | null {
    return this.router.route(this.router.nearestNode(this.teams.lon[slot], this.teams.lat[slot]), this.router.nearestNode(lon, lat));
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

  /** Pump trucks are sent by the crews; nothing here pumps. */
  pumpOut(): void {}

  /** A repair shows when the station reports running again. */
  repairPump(): void {}

  setRoadClosed(segments: readonly number[], closed: boolean): void {
    for (const s of segments) this.closed[s] = closed ? 1 : 0;
  }

  /** Accidents are reported incidents; traffic speeds come from the road sensors. */
  setAccident(): void {}

  /** An entrapment shows when the lift reports it. */
  setTrapped(): void {}
}
