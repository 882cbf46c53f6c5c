import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '@/protocol/vitals';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from '@/shell/fitStage';
import { boxStyle, WALL_LAYOUT, type Box } from '@/shell/wallLayout';

/** Whether two boxes share any area (touching edges do not). */
const overlaps = (a: Box, b: Box): boolean => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

const fixed: [string, Box][] = [
  ['header', WALL_LAYOUT.header],
  ['ticker', WALL_LAYOUT.ticker],
  ['map', WALL_LAYOUT.map],
  ['layers', WALL_LAYOUT.layers],
  ['alarms', WALL_LAYOUT.alarms],
  ['incidents', WALL_LAYOUT.incidents],
  ['legend', WALL_LAYOUT.legend],
  ...DIMENSIONS.map((d): [string, Box] => [d, WALL_LAYOUT.panels[d]]),
];

describe('wall layout', () => {
  it('keeps every box on the 3840×2160 stage', () => {
    for (const [name, b] of fixed) {
      expect(b.left, name).toBeGreaterThanOrEqual(0);
      expect(b.top, name).toBeGreaterThanOrEqual(0);
      expect(b.left + b.width, name).toBeLessThanOrEqual(DESIGN_WIDTH);
      expect(b.top + b.height, name).toBeLessThanOrEqual(DESIGN_HEIGHT);
    }
  });

  it('never overlaps two boxes, the map’s clear region included', () => {
    for (let i = 0; i < fixed.length; i++) for (let j = i + 1; j < fixed.length; j++) expect(overlaps(fixed[i][1], fixed[j][1]), `${fixed[i][0]} / ${fixed[j][0]}`).toBe(false);
  });

  it('leaves the map a clear centre of at least 1900×1500', () => {
    expect(WALL_LAYOUT.map.width).toBeGreaterThanOrEqual(1900);
    expect(WALL_LAYOUT.map.height).toBeGreaterThanOrEqual(1500);
    expect(WALL_LAYOUT.map.left + WALL_LAYOUT.map.width / 2).toBe(DESIGN_WIDTH / 2);
  });

  it('floats the spotlight and the detail card side by side inside the map’s region', () => {
    const { spotlight, detail, map } = WALL_LAYOUT;
    expect(overlaps(spotlight, detail)).toBe(false);
    for (const b of [spotlight, detail]) {
      expect(b.left).toBeGreaterThanOrEqual(map.left);
      expect(b.left + b.width).toBeLessThanOrEqual(map.left + map.width);
      expect(b.top + b.height).toBeLessThanOrEqual(map.top + map.height);
    }
  });

  it('writes a box as CSS', () => {
    expect(boxStyle({ left: 1, top: 2, width: 3, height: 4 })).toEqual({ left: '1px', top: '2px', width: '3px', height: '4px' });
  });
});
