/**
 * Teams on the road network: available at a node, en route along a planned route (moving a little
 * each step at the route's planned speed), or on site working until a time.
 */
import { TEAM_STATES } from '../../src/protocol/assets';
import type { CityAssets } from '../city/assets';
import type { RoadNetwork } from '../city/roadNetwork';
import { positionAlong, type Route } from './routing';

export const AVAILABLE = TEAM_STATES.indexOf('available');
export const EN_ROUTE = TEAM_STATES.indexOf('enRoute');
export const ON_SITE = TEAM_STATES.indexOf('onSite');

export interface TeamsState {
  state: Uint8Array;
  lon: Float64Array;
  lat: Float64Array;
  /** The node a team stands at when not moving. */
  node: Int32Array;
  route: (Route | null)[];
  progressKm: Float64Array;
  speedKmh: Float64Array;
  /** The incident a team is working for. */
  incident: (string | null)[];
}

export function createTeamsState(assets: CityAssets): TeamsState {
  const n = assets.teams.length;
  return {
    state: new Uint8Array(n).fill(AVAILABLE),
    lon: Float64Array.from(assets.teams, (t) => t.lon),
    lat: Float64Array.from(assets.teams, (t) => t.lat),
    node: Int32Array.from(assets.teams, (t) => t.baseNode),
    route: new Array(n).fill(null),
    progressKm: new Float64Array(n),
    speedKmh: new Float64Array(n),
    incident: new Array(n).fill(null),
  };
}

/** Emergency vehicles are not slower than this, whatever the traffic. */
const MIN_SPEED_KMH = 15;

export function sendTeam(teams: TeamsState, slot: number, route: Route, incidentId: string): void {
  teams.state[slot] = EN_ROUTE;
  teams.route[slot] = route;
  teams.progressKm[slot] = 0;
  teams.speedKmh[slot] = Math.max(MIN_SPEED_KMH, route.minutes > 0 ? route.lengthKm / (route.minutes / 60) : MIN_SPEED_KMH);
  teams.incident[slot] = incidentId;
}

/** Moves every team en route; returns the slots that arrived during this step. */
export function stepTeams(teams: TeamsState, net: RoadNetwork, dtS: number): number[] {
  const arrived: number[] = [];
  for (let i = 0; i < teams.state.length; i++) {
    const route = teams.route[i];
    if (teams.state[i] !== EN_ROUTE || !route) continue;
    teams.progressKm[i] = Math.min(route.lengthKm, teams.progressKm[i] + (teams.speedKmh[i] * dtS) / 3600);
    const [lon, lat] = positionAlong(net, route, teams.progressKm[i]);
    teams.lon[i] = lon;
    teams.lat[i] = lat;
    if (teams.progressKm[i] >= route.lengthKm) {
      teams.state[i] = ON_SITE;
      teams.node[i] = route.nodes[route.nodes.length - 1];
      teams.route[i] = null;
      arrived.push(i);
    }
  }
  return arrived;
}

/** A team working at an incident's site (after a restart, or placed there by report). */
export function placeOnSite(teams: TeamsState, slot: number, node: number, lon: number, lat: number, incidentId: string): void {
  teams.state[slot] = ON_SITE;
  teams.node[slot] = node;
  teams.lon[slot] = lon;
  teams.lat[slot] = lat;
  teams.route[slot] = null;
  teams.incident[slot] = incidentId;
}

/** Work done: the team is free again where it stands. */
export function releaseTeam(teams: TeamsState, slot: number): void {
  teams.state[slot] = AVAILABLE;
  teams.route[slot] = null;
  teams.incident[slot] = null;
}
