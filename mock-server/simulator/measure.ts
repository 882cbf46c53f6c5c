/**
 * Readings as the sensors report them, per channel, from the simulation state: quantised to each
 * sensor's resolution (so unchanged values compare equal) and NaN while a sensor is silent.
 */
import { PUMP_STATES } from '../../src/protocol/assets';
import { CHANNEL_IDS, type ChannelArray, type ChannelId } from '../../src/protocol/channels';
import type { CityAssets } from '../city/assets';
import { allocateReadings, type Readings } from '../pipeline/readings';
import { rainAt } from './rainCells';
import { hashNoise } from './rng';
import { isSilent } from './sensorOutages';
import { stepTraffic } from './traffic';
import { pumpFlow } from './drainage';
import { measureElevators } from './elevators';
import { sampleRain, simTime, type CitySimulation } from './citySimulation';
import { tideAt } from './waterLevels';
import { synopticAnomalyC, temperatureAt, windAt } from './weatherStations';

const q = (v: number, step: number) => Math.round(v / step) * step;
/** Tipping-bucket resolution: 0.1 mm/h; anything below reads as dry. */
const quantiseRain = (v: number) => (v < 0.1 ? 0 : Math.round(v * 10) / 10);
const OFFLINE = PUMP_STATES.indexOf('offline');

/** Traffic is a function of the current state; computed at most once per step. */
function ensureTraffic(sim: CitySimulation): void {
  if (sim.trafficStep === sim.step) return;
  const segmentRain = (sim.trafficRain ??= new Float32Array(sim.assets.roads.segmentCount));
  sampleRain(sim.cells, sim.grid.segments, segmentRain);
  stepTraffic(sim.assets.roads, sim.traffic, { timeMs: simTime(sim), rainMmH: segmentRain, closed: sim.world.closed, accidents: sim.world.accidents }, sim.seed);
  sim.trafficStep = sim.step;
}

export function measureChannel(sim: CitySimulation, id: ChannelId, out: ChannelArray): void {
  const { assets, grid: g, cells, drainage, outages, teams } = sim;
  const now = simTime(sim);
  switch (id) {
    case 'rain':
      for (let i = 0; i < out.length; i++) {
        // ±8% gauge noise, fixed per (gauge, step) so re-reading the same state gives the same value.
        const field = rainAt(cells, g.rain[i * 2], g.rain[i * 2 + 1]) * (1 + 0.08 * hashNoise(sim.seed, i, sim.step));
        out[i] = isSilent(outages.rain, i, now) ? NaN : quantiseRain(field);
      }
      return;
    case 'water':
      assets.waterGauges.forEach((gauge, i) => {
        out[i] = isSilent(outages.water, i, now) ? NaN : q(gauge.meanLevel + tideAt(gauge, now) + sim.runoff[i], 0.01);
      });
      return;
    case 'weather.temp': {
      const anomaly = synopticAnomalyC(sim.seed, now);
      assets.weatherStations.forEach((s, i) => (out[i] = q(temperatureAt(s, now, rainAt(cells, g.weather[i * 2], g.weather[i * 2 + 1]), anomaly), 0.1)));
      return;
    }
    case 'weather.wind':
      for (let i = 0; i < out.length; i++) {
        const rain = rainAt(cells, g.weather[i * 2], g.weather[i * 2 + 1]);
        out[i] = q(windAt(now, rain, hashNoise(sim.seed, 7000 + i, Math.floor(sim.step / 60))), 0.1);
      }
      return;
    case 'underpass.depth':
      for (let i = 0; i < out.length; i++) out[i] = isSilent(outages.underpass, i, now) ? NaN : Math.round(drainage.underpassDepth[i]);
      return;
    case 'waterlog.depth':
      for (let i = 0; i < out.length; i++) out[i] = isSilent(outages.waterlog, i, now) ? NaN : Math.round(drainage.waterlogDepth[i]);
      return;
    case 'pump.state':
      for (let i = 0; i < out.length; i++) out[i] = isSilent(outages.pump, i, now) ? OFFLINE : drainage.pumpState[i];
      return;
    case 'pump.level':
      for (let i = 0; i < out.length; i++) out[i] = isSilent(outages.pump, i, now) ? NaN : q(drainage.pumpLevel[i], 0.01);
      return;
    case 'pump.flow':
      for (let i = 0; i < out.length; i++) out[i] = isSilent(outages.pump, i, now) ? NaN : q(pumpFlow(drainage, assets, i), 0.1);
      return;
    case 'road.speed':
      ensureTraffic(sim);
      out.set(sim.traffic.speed);
      return;
    case 'road.index':
      ensureTraffic(sim);
      out.set(sim.traffic.index);
      return;
    case 'road.closed':
      out.set(sim.world.closed);
      return;
    case 'team.pos':
      for (let i = 0; i < teams.lon.length; i++) {
        out[i * 2] = q(teams.lon[i], 1e-5);
        out[i * 2 + 1] = q(teams.lat[i], 1e-5);
      }
      return;
    case 'team.state':
      out.set(teams.state);
      return;
    case 'truck.pos':
      for (let i = 0; i < sim.trucks.lon.length; i++) {
        // GPS to about a metre.
        out[i * 2] = q(sim.trucks.lon[i], 1e-5);
        out[i * 2 + 1] = q(sim.trucks.lat[i], 1e-5);
      }
      return;
    case 'truck.state':
      out.set(sim.trucks.state);
      return;
    case 'elevator.state':
      measureElevators(sim.elevators, now, sim.world.trappedElevators(), out as Uint8Array);
      return;
  }
}

export function measureAll(sim: CitySimulation, out: Readings): void {
  for (const id of CHANNEL_IDS) measureChannel(sim, id, out[id]);
}

/**
 * A reader for the rules and the warning office: measures a channel on first use in a step and
 * caches it, so they read exactly what the sensors would report.
 */
export function createChannelReader(assets: CityAssets): (sim: CitySimulation, id: ChannelId) => ChannelArray {
  const cache = allocateReadings(assets);
  const measuredAt = new Map<ChannelId, number>();
  return (sim, id) => {
    if (measuredAt.get(id) !== sim.step) {
      measureChannel(sim, id, cache[id]);
      measuredAt.set(id, sim.step);
    }
    return cache[id];
  };
}
