/**
 * Seeded randomness for the simulator. Everything random in the city comes from here, so the same
 * seed gives the same city and the same readings.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  /** An independent stream, so adding draws to one part of the model does not shift another. */
  fork(): Rng;
}

export function createRng(seed: number): Rng {
  return wrap(xoroshiro128plus(seed | 0));
}

function wrap(gen: JumpableRandomGenerator): Rng {
  const rng: Rng = {
    next: () => uniformFloat64(gen),
    range: (min, max) => min + (max - min) * uniformFloat64(gen),
    int: (min, max) => min + Math.floor((max - min + 1) * uniformFloat64(gen)),
    fork: () => {
      // The child starts 2^64 draws ahead; the parent then jumps past it, so forks never overlap.
      const child = gen.clone();
      child.jump();
      gen.jump();
      gen.jump();
      return wrap(child);
    },
  };
  return rng;
}

/**
 * Stateless noise in [-1, 1) for (seed, a, b): lets a measurement add sensor noise without consuming
 * the simulation's random stream, so readings do not depend on how often they are taken.
 */
export function hashNoise(seed: number, a: number, b: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(b ^ 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return (h >>> 0) / 2 ** 31 - 1;
}
