/**
 * Moving rain cells: Gaussian blobs of intensity that drift with the wind, grow and decay.
 * Pure functions over a mutable state array; the only randomness is the Rng passed in.
 */
import type { Rng } from './rng';
import type { RainScenario } from './scenarios/rainScenarios';

export interface RainCell {
  /** Centre on the local km grid (see city/localProjection). */
  x: number;
  y: number;
  /** Drift, km per second. */
  vx: number;
  vy: number;
  radiusKm: number;
  peakMmH: number;
  ageS: number;
  lifeS: number;
}

/** Cells live in a box around the city; the city spans about ±65 km from People's Square. */
const DOMAIN_HALF_KM = 75;
/** Upwind distance at which new cells form. */
const SPAWN_UPWIND_KM = 60;

function pickKind(rng: Rng, scenario: RainScenario) {
  let r = rng.next();
  for (const kind of scenario.kinds) {
    if (r < kind.share) return kind;
    r -= kind.share;
  }
  return scenario.kinds[scenario.kinds.length - 1];
}

/** A new cell with its parameters drawn from the scenario; `placement` says where it starts. */
export function spawnCell(rng: Rng, scenario: RainScenario, placement: 'upwind' | 'anywhere'): RainCell {
  const kind = pickKind(rng, scenario);
  // Blow towards (from + 180°); ±20° of spread per cell.
  const towards = ((scenario.windFromDeg + 180 + rng.range(-20, 20)) * Math.PI) / 180;
  const speed = rng.range(scenario.windKmH[0], scenario.windKmH[1]) / 3600;
  const dirX = Math.sin(towards);
  const dirY = Math.cos(towards);
  const lifeS = rng.range(scenario.lifeHours[0], scenario.lifeHours[1]) * 3600;
  const across = rng.range(-DOMAIN_HALF_KM, DOMAIN_HALF_KM);
  const along = placement === 'upwind' ? -SPAWN_UPWIND_KM : rng.range(-DOMAIN_HALF_KM, DOMAIN_HALF_KM) * 0.8;
  return {
    x: dirX * along + dirY * across,
    y: dirY * along - dirX * across,
    vx: dirX * speed,
    vy: dirY * speed,
    radiusKm: rng.range(kind.radiusKm[0], kind.radiusKm[1]),
    peakMmH: rng.range(kind.peakMmH[0], kind.peakMmH[1]),
    ageS: placement === 'anywhere' ? rng.range(0.2, 0.6) * lifeS : 0,
    lifeS,
  };
}

/**
 * Advances every cell by dt seconds, drops dead or departed ones, and maybe forms one new cell.
 * Draws exactly one number per step (plus a cell's parameters when one forms), so the stream
 * stays aligned however the steps are grouped into ticks.
 */
export function stepRainCells(cells: RainCell[], dtS: number, rng: Rng, scenario: RainScenario): void {
  for (const c of cells) {
    c.x += c.vx * dtS;
    c.y += c.vy * dtS;
    c.ageS += dtS;
  }
  for (let i = cells.length - 1; i >= 0; i--) {
    const c = cells[i];
    const gone = Math.abs(c.x) > DOMAIN_HALF_KM * 1.4 || Math.abs(c.y) > DOMAIN_HALF_KM * 1.4;
    if (c.ageS >= c.lifeS || gone) cells.splice(i, 1);
  }
  if (rng.next() < (scenario.spawnPerHour * dtS) / 3600) cells.push(spawnCell(rng, scenario, 'upwind'));
}

/** Life-cycle envelope: grows, matures, decays (0 at birth and death, 1 at mid-life). */
function envelope(c: RainCell): number {
  const u = c.ageS / c.lifeS;
  return u <= 0 || u >= 1 ? 0 : Math.sin(Math.PI * u) ** 0.7;
}

/**
 * rainAt at every x,y pair of a km-grid position list, with each cell's envelope and radius worked out
 * once rather than per point (a power per pair dominated the stress city's 50,000 road segments).
 * Same arithmetic as rainAt, so the same numbers.
 */
export function rainAtEach(cells: readonly RainCell[], xy: Float64Array, out: Float64Array | Float32Array): void {
  const n = cells.length;
  const k = new Float64Array(n * 5);
  for (let j = 0; j < n; j++) {
    const c = cells[j];
    const r2 = c.radiusKm * c.radiusKm;
    k.set([c.x, c.y, 9 * r2, 2 * r2, c.peakMmH * envelope(c)], j * 5);
  }
  for (let i = 0; i < out.length; i++) {
    const x = xy[i * 2];
    const y = xy[i * 2 + 1];
    let total = 0;
    for (let j = 0; j < n * 5; j += 5) {
      const dx = x - k[j];
      const dy = y - k[j + 1];
      const d2 = dx * dx + dy * dy;
      if (d2 > k[j + 2]) continue;
      total += k[j + 4] * Math.exp(-d2 / k[j + 3]);
    }
    out[i] = total;
  }
}

/** Rain intensity (mm/h) at a point of the local grid. */
export function rainAt(cells: readonly RainCell[], x: number, y: number): number {
  let total = 0;
  for (const c of cells) {
    const dx = x - c.x;
    const dy = y - c.y;
    const r2 = c.radiusKm * c.radiusKm;
    const d2 = dx * dx + dy * dy;
    if (d2 > 9 * r2) continue; // beyond 3σ the contribution is below 1%
    total += c.peakMmH * envelope(c) * Math.exp(-d2 / (2 * r2));
  }
  return total;
}
