/**
 * Elevator states as the city's elevator IoT platform reports them, stateless in time (like traffic):
 * whether a car is running follows the hour and the building's use; each car has its half-monthly
 * maintenance visit (Shanghai's rule) in working hours; faults and lost connections are rare and
 * last hours; a car is "trapped" while an entrapment incident on it is open.
 */
import { ELEVATOR_STATES } from '../../src/protocol/assets';
import type { ElevatorFleet } from '../city/placeElevators';
import { hashNoise } from './rng';

const [IDLE, RUNNING, MAINTENANCE, FAULT, TRAPPED, OFFLINE] = ELEVATOR_STATES.map((_, i) => i);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Shanghai local time offset. */
const LOCAL = 8 * HOUR;
/** A car holds its run state for this long (a trip and a pause), ms. */
const TRIP_MS = 40_000;
/** Share of cars out of contact, and of faulty cars, at any moment. */
const OFFLINE_SHARE = 0.003;
const FAULT_SHARE = 0.0006;
const MAINTENANCE_DAYS = 15;
const MAINTENANCE_MS = 1.5 * HOUR;

/** Share of cars running by local hour and building use (residential peaks morning and evening). */
function runningShare(hour: number, use: number): number {
  const office = hour >= 8 && hour < 19 ? (hour === 8 || hour === 12 || hour === 18 ? 0.75 : 0.45) : 0.05;
  const residential = hour >= 7 && hour < 9 ? 0.45 : hour >= 17 && hour < 22 ? 0.4 : hour >= 23 || hour < 6 ? 0.03 : 0.18;
  const commercial = hour >= 10 && hour < 22 ? 0.55 : 0.04;
  return [residential, office, commercial, 0.35][use] ?? residential;
}

export interface ElevatorModel {
  fleet: ElevatorFleet;
  seed: number;
  /** Per car, fixed for its life: trip phase (ms), maintenance day in 15, maintenance start (ms of day). */
  phase: Float32Array;
  maintenanceDay: Uint8Array;
  maintenanceStart: Float32Array;
  /** Per car: 1 out of contact, 2 faulty, for the hour / three-hour block they were drawn for. */
  outage: Uint8Array;
  outageBlocks: { hour: number; fault: number };
}

/** Precomputes each car's fixed schedule, so a tick costs two or three hashes a car. */
export function createElevatorModel(fleet: ElevatorFleet, seed: number): ElevatorModel {
  const model: ElevatorModel = {
    fleet,
    seed,
    phase: new Float32Array(fleet.count),
    maintenanceDay: new Uint8Array(fleet.count),
    maintenanceStart: new Float32Array(fleet.count),
    outage: new Uint8Array(fleet.count),
    outageBlocks: { hour: NaN, fault: NaN },
  };
  for (let i = 0; i < fleet.count; i++) {
    // Each car's trips are offset, so the city's cars do not all change state on the same tick.
    model.phase[i] = ((hashNoise(seed, i, 0x7a1) + 1) / 2) * TRIP_MS;
    // Half-monthly maintenance: a fixed day in each 15 and a start between 09:00 and 16:00.
    model.maintenanceDay[i] = Math.floor(((hashNoise(seed, i, 0x3a1) + 1) / 2) * MAINTENANCE_DAYS);
    model.maintenanceStart[i] = 9 * HOUR + ((hashNoise(seed, i, 0x3a2) + 1) / 2) * 7 * HOUR;
  }
  return model;
}

/** Every car's state at `timeMs` into `out`; `trapped` lists the slots with an open entrapment. */
export function measureElevators(model: ElevatorModel, timeMs: number, trapped: Iterable<number>, out: Uint8Array): void {
  const { fleet, seed } = model;
  const local = timeMs + LOCAL;
  const hour = Math.floor(local / HOUR) % 24;
  const day = Math.floor(local / DAY);
  const maintenanceDay = day % MAINTENANCE_DAYS;
  const msOfDay = local - day * DAY;
  const shares = [0, 1, 2, 3].map((use) => runningShare(hour, use) * 2 - 1);
  const hourBlock = Math.floor(timeMs / HOUR);
  const faultBlock = Math.floor(timeMs / (3 * HOUR));
  // Outages change by the hour: drawn once per block, not on every tick.
  if (model.outageBlocks.hour !== hourBlock || model.outageBlocks.fault !== faultBlock) {
    for (let i = 0; i < fleet.count; i++) {
      model.outage[i] =
        hashNoise(seed, i, hourBlock + 0x5eed) > 1 - 2 * OFFLINE_SHARE ? 1 : hashNoise(seed, i + 0x2f00000, faultBlock) > 1 - 2 * FAULT_SHARE ? 2 : 0;
    }
    model.outageBlocks = { hour: hourBlock, fault: faultBlock };
  }
  for (let i = 0; i < fleet.count; i++) {
    const outage = model.outage[i];
    if (outage === 1) out[i] = OFFLINE;
    else if (outage === 2) out[i] = FAULT;
    else if (model.maintenanceDay[i] === maintenanceDay && msOfDay >= model.maintenanceStart[i] && msOfDay < model.maintenanceStart[i] + MAINTENANCE_MS) {
      out[i] = MAINTENANCE;
    } else {
      const trip = Math.floor((timeMs + model.phase[i]) / TRIP_MS);
      out[i] = hashNoise(seed, i, trip) < shares[fleet.use[i]] ? RUNNING : IDLE;
    }
  }
  for (const slot of trapped) if (slot >= 0 && slot < fleet.count) out[slot] = TRAPPED;
}
