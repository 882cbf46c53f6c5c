import { describe, expect, it } from 'vitest';
import { rainAt, rainAtEach, spawnCell, stepRainCells, type RainCell } from '../../../../mock-server/simulator/rainCells';
import { createRng } from '../../../../mock-server/simulator/rng';
import { RAIN_SCENARIOS } from '../../../../mock-server/simulator/scenarios/rainScenarios';

const cell = (over: Partial<RainCell> = {}): RainCell => ({ x: 0, y: 0, vx: 0.01, vy: 0, radiusKm: 5, peakMmH: 40, ageS: 1800, lifeS: 3600, ...over });

describe('rain cells', () => {
  it('rains hardest at the centre of a mature cell and fades with distance', () => {
    const cells = [cell()];
    expect(rainAt(cells, 0, 0)).toBeCloseTo(40, 5);
    expect(rainAt(cells, 5, 0)).toBeCloseTo(40 * Math.exp(-0.5), 5);
    expect(rainAt(cells, 20, 0)).toBe(0);
  });

  it('rains nothing at birth and grows with age', () => {
    expect(rainAt([cell({ ageS: 0 })], 0, 0)).toBe(0);
    expect(rainAt([cell({ ageS: 300 })], 0, 0)).toBeLessThan(rainAt([cell({ ageS: 1200 })], 0, 0));
  });

  it('drifts with its velocity and dies at the end of its life', () => {
    const cells = [cell({ ageS: 3590 })];
    stepRainCells(cells, 5, createRng(1), { ...RAIN_SCENARIOS.showers, spawnPerHour: 0 });
    expect(cells[0].x).toBeCloseTo(0.05);
    stepRainCells(cells, 10, createRng(1), { ...RAIN_SCENARIOS.showers, spawnPerHour: 0 });
    expect(cells).toHaveLength(0);
  });

  it('forms new cells upwind, moving downwind', () => {
    const rng = createRng(9);
    // Wind from 250° (WSW): cells move east-north-east, starting on the far side of the city.
    for (let i = 0; i < 20; i++) {
      const c = spawnCell(rng, RAIN_SCENARIOS.showers, 'upwind');
      expect(c.vx).toBeGreaterThan(0);
      const alongWind = (c.x * c.vx + c.y * c.vy) / Math.hypot(c.vx, c.vy);
      expect(alongWind).toBeCloseTo(-60, 5);
    }
  });

  it('samples many points exactly as rainAt does, one at a time', () => {
    const rng = createRng(9);
    const cells = Array.from({ length: 12 }, () => spawnCell(rng, RAIN_SCENARIOS.storm, 'anywhere'));
    stepRainCells(cells, 600, rng, RAIN_SCENARIOS.storm);
    const xy = Float64Array.from({ length: 4000 }, () => rng.range(-60, 60));
    const many = new Float64Array(2000);
    rainAtEach(cells, xy, many);
    for (let i = 0; i < 2000; i++) expect(many[i]).toBe(rainAt(cells, xy[i * 2], xy[i * 2 + 1]));
    expect(many.some((v) => v > 0)).toBe(true);
  });
});
