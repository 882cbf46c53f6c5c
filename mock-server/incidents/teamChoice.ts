/**
 * Which of our teams can take an incident: free teams of a suitable type, nearest first, with their
 * routes (the duty officer's suggestions), and the checks on a team the officer picked by hand.
 */
import { TEAM_TYPES } from '../../src/protocol/assets';
import type { Incident } from '../../src/protocol/cityEvents';
import type { CityAssets } from '../city/assets';
import { DomainError } from '../domainError';
import type { Route } from '../simulator/routing';
import { CATEGORY_SPECS } from './categories';
import type { DeskWorld } from './deskWorld';

/** Suggestions are routed for this many of the nearest suitable free teams. */
export const ROUTED_CANDIDATES = 6;

/** A team that could go, with its route. */
export interface TeamOption {
  slot: number;
  distanceKm: number;
  route: Route;
}

/** Free teams that can take the incident, preferred type first, then quickest by road (empty for outside units). */
export function teamOptions(assets: CityAssets, world: DeskWorld, incident: Incident, limit = ROUTED_CANDIDATES): TeamOption[] {
  const spec = CATEGORY_SPECS[incident.category];
  const types = new Set(spec.teamTypes.map((t) => TEAM_TYPES.indexOf(t)));
  const near: { slot: number; distanceKm: number; rank: number }[] = [];
  assets.teams.forEach((team, slot) => {
    if (!types.has(TEAM_TYPES.indexOf(team.type))) return;
    const status = world.team(slot);
    if (!status.available) return;
    const distanceKm = Math.hypot((status.lon - incident.lon) * 95.3, (status.lat - incident.lat) * 111.2);
    near.push({ slot, distanceKm, rank: spec.teamTypes.indexOf(team.type) });
  });
  near.sort((a, b) => a.rank - b.rank || a.distanceKm - b.distanceKm);
  const out: (TeamOption & { rank: number })[] = [];
  for (const c of near.slice(0, Math.max(limit, ROUTED_CANDIDATES))) {
    const route = world.routeFor(c.slot, incident.lon, incident.lat);
    if (route) out.push({ slot: c.slot, distanceKm: c.distanceKm, route, rank: c.rank });
  }
  // The preferred team type first, then the quickest to arrive by road (not the nearest as the crow flies).
  return out.sort((a, b) => a.rank - b.rank || a.route.minutes - b.route.minutes).map((o) => ({ slot: o.slot, distanceKm: o.distanceKm, route: o.route }));
}

/**
 * The team a dispatch sends: `wanted` undefined picks the best option, null sends an outside unit,
 * a slot sends that team if it suits the category, is free and can get there. Refusals are DomainErrors.
 */
export function chooseTeam(assets: CityAssets, world: DeskWorld, incident: Incident, wanted: number | null | undefined): TeamOption | null {
  const spec = CATEGORY_SPECS[incident.category];
  if (wanted === null || spec.teamTypes.length === 0) {
    if (wanted !== undefined && wanted !== null) throw new DomainError('BAD_REQUEST', `${incident.category} is handled by ${incident.unit}, not by our teams`);
    return null;
  }
  if (wanted === undefined) {
    const best = teamOptions(assets, world, incident, 1)[0];
    if (!best) throw new DomainError('CONFLICT', `no free team of type ${spec.teamTypes.join(' or ')} can reach incident ${incident.id} now`);
    return best;
  }
  const team = assets.teams[wanted];
  if (!spec.teamTypes.includes(team.type)) throw new DomainError('BAD_REQUEST', `team ${team.id} is a ${team.type}; ${incident.category} needs ${spec.teamTypes.join(' or ')}`);
  const status = world.team(wanted);
  if (!status.available) throw new DomainError('CONFLICT', `team ${team.id} is busy with ${status.incident ?? 'another job'}`);
  const route = world.routeFor(wanted, incident.lon, incident.lat);
  if (!route) throw new DomainError('CONFLICT', `team ${team.id} has no route to incident ${incident.id}`);
  return { slot: wanted, distanceKm: 0, route };
}
