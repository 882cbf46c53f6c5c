/**
 * How each incident category is handled: its priority, the responsible unit, which of our teams
 * can take it (none: an outside unit such as the power company goes), how long the work takes, and
 * what counts as resolved. Plain data; the lifecycle and the duty officer's console act on top of it.
 */
import type { TeamType } from '../../src/protocol/assets';
import type { IncidentCategory, Priority, ResponsibleUnit, Severity } from '../../src/protocol/cityEvents';

export interface CategorySpec {
  priority: Priority;
  unit: ResponsibleUnit;
  /** Our team types that can be sent, in order of preference; empty: an outside unit handles it. */
  teamTypes: TeamType[];
  /** Travel time of an outside unit, minutes. */
  travelMinutes: [number, number];
  workMinutes: [number, number];
  /** Rule incidents whose alarm must also have cleared before the work counts as done. */
  needsAlarmCleared: boolean;
  /** What a team on site does to the city: pumps a ponding site dry, or repairs a pump. */
  effect?: 'pumpOut' | 'repairPump';
  /**
   * Closed loop without a duty officer, as in the sources (litter spotted by the AI patrol goes
   * straight to the grid worker and closes itself when cleared).
   */
  autoDispatch?: boolean;
  autoClose?: boolean;
}

/** Service levels by priority: minutes to dispatch and to resolve (from the incident's creation). */
export const SLA_MINUTES: Record<Priority, { dispatch: number; resolve: number }> = {
  1: { dispatch: 5, resolve: 60 },
  2: { dispatch: 10, resolve: 120 },
  3: { dispatch: 30, resolve: 480 },
  4: { dispatch: 60, resolve: 1440 },
};

export const CATEGORY_SPECS: Record<IncidentCategory, CategorySpec> = {
  underpassFlooding: { priority: 1, unit: 'waterAuthority', teamTypes: ['pumpTruck', 'floodTeam'], travelMinutes: [0, 0], workMinutes: [20, 40], needsAlarmCleared: true, effect: 'pumpOut' },
  waterlogging: { priority: 2, unit: 'waterAuthority', teamTypes: ['pumpTruck', 'floodTeam'], travelMinutes: [0, 0], workMinutes: [20, 40], needsAlarmCleared: true, effect: 'pumpOut' },
  highWater: { priority: 2, unit: 'waterAuthority', teamTypes: ['floodTeam'], travelMinutes: [0, 0], workMinutes: [30, 90], needsAlarmCleared: false },
  pumpFault: { priority: 2, unit: 'waterAuthority', teamTypes: ['repairCrew'], travelMinutes: [0, 0], workMinutes: [20, 60], needsAlarmCleared: false, effect: 'repairPump' },
  sensorFault: { priority: 4, unit: 'waterAuthority', teamTypes: [], travelMinutes: [30, 90], workMinutes: [10, 30], needsAlarmCleared: true },
  trafficAccident: { priority: 2, unit: 'trafficPolice', teamTypes: [], travelMinutes: [5, 15], workMinutes: [20, 50], needsAlarmCleared: false },
  powerOutage: { priority: 2, unit: 'powerCompany', teamTypes: [], travelMinutes: [10, 30], workMinutes: [30, 120], needsAlarmCleared: false },
  elevatorEntrapment: { priority: 1, unit: 'housing', teamTypes: [], travelMinutes: [10, 25], workMinutes: [10, 30], needsAlarmCleared: false },
  litter: { priority: 4, unit: 'cityAppearance', teamTypes: [], travelMinutes: [5, 15], workMinutes: [5, 15], needsAlarmCleared: false, autoDispatch: true, autoClose: true },
  muckDumping: { priority: 3, unit: 'urbanManagement', teamTypes: [], travelMinutes: [15, 40], workMinutes: [30, 90], needsAlarmCleared: false },
};

/**
 * Frozen sensors become sensor-fault incidents once they have been silent long enough to matter (the
 * frozen trigger's incident, whatever the rule: only frozen alarms open sensor-fault incidents).
 */
export const FROZEN_INCIDENT: { category: IncidentCategory; at: Severity } = { category: 'sensorFault', at: 'minor' };

/** The simulated duty desk (autopilot, or an auto-dispatch category) takes this long to dispatch, minutes. */
export const DISPATCH_DELAY_MINUTES: [number, number] = [1, 4];
/** A team or outside unit accepts a work order within this many minutes. */
export const ACCEPT_DELAY_MINUTES: [number, number] = [0.5, 2];
/** Resolved incidents are closed after this review time, minutes. */
export const CLOSE_AFTER_MINUTES = 5;
