/**
 * The desk's port to the world it dispatches into. The desk asks where the teams are and how one
 * would drive to a place, and tells the world what its decisions do there: a team sent or released,
 * a ponding site pumped out, a pump repaired, roads closed, an accident blocking a road, an elevator
 * with people trapped. The simulated city implements it over its own state
 * (simulator/simulatedWorld.ts); a real city would turn the same calls into messages to the teams'
 * terminals and the road authority.
 */
import type { AssetKind } from '../../src/protocol/assets';
import type { Route } from '../simulator/routing';

/** A place in the city where something happened. */
export interface CitySite {
  lon: number;
  lat: number;
  district: number;
  segment: number | null;
  /** The asset it happened to, when there is one and no alarm names it (an elevator with people trapped). */
  asset?: { kind: AssetKind; slot: number };
}

/** One of our teams as the desk sees it. */
export interface TeamStatus {
  /** Free to take a job. */
  available: boolean;
  lon: number;
  lat: number;
  /** The incident it works for, if any. */
  incident: string | null;
}

/** The ponding sites a pump truck can pump out. */
export type PondingKind = 'underpass' | 'waterloggingPoint';

export interface DeskWorld {
  team(slot: number): TeamStatus;
  /**
   * The route a team would drive from where it stands to a place, or null when there is none.
   * Emergency vehicles run with lights at about free-flow speed and may pass a closure to reach the
   * flooded spot, so they route on the open network, not on today's speeds and closures.
   */
  routeFor(slot: number, lon: number, lat: number): Route | null;
  sendTeam(slot: number, route: Route, incidentId: string): void;
  /** The team is free again where it stands. */
  releaseTeam(slot: number): void;
  /** A team that was working at an incident when the server stopped is back there. */
  placeTeamOnSite(slot: number, incidentId: string, lon: number, lat: number): void;
  /** A pump truck starts (true) or stops (false) pumping a ponding site. */
  pumpOut(kind: PondingKind, slot: number, working: boolean): void;
  repairPump(slot: number): void;
  /** A closure notice takes effect (true) or is lifted (false) on these road segments. */
  setRoadClosed(segments: readonly number[], closed: boolean): void;
  /** An accident blocks (true) or no longer blocks (false) a road segment. */
  setAccident(segment: number, blocked: boolean): void;
  /** An entrapment opened (true) or ended (false) at an elevator. */
  setTrapped(elevator: number, trapped: boolean): void;
  /**
   * A team's terminal reported where the team was at `t` (epoch ms); an older report than the
   * team's newest is ignored. Only a world where teams move by report has it (not the simulator's,
   * which drives its teams itself).
   */
  teamReportedAt?(slot: number, lon: number, lat: number, t: number): void;
  /**
   * A muck truck's terminal reported where it was at `t` (basemap datum); returns whether it was the
   * truck's newest. Not the desk's to move, but it lands where teams' reports land: only in a world
   * where nothing moves by itself (the simulator drives its own trucks).
   */
  truckReportedAt?(slot: number, lon: number, lat: number, t: number): boolean;
}
