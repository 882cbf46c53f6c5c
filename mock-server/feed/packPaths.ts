/**
 * Many-vertex shapes for the catalogue's `paths` (src/protocol/assets.ts): every slot's vertices in
 * one flat Float32 lon, lat array and each slot's first vertex in a Uint32 array of count + 1 starts
 * (the last is the number of vertices) — deck.gl's binary path and polygon layout, which the map
 * draws from as it arrives. A vertex costs 8 bytes, against about 24 as JSON text.
 */
import type { WireAssetGroup } from '../../src/protocol/assets';

/** The shapes, one per slot, each as flat lon, lat pairs (a route's polyline, an area's open ring). */
export function packPaths(shapes: readonly ArrayLike<number>[]): NonNullable<WireAssetGroup['paths']> {
  const starts = new Uint32Array(shapes.length + 1);
  shapes.forEach((shape, i) => (starts[i + 1] = starts[i] + shape.length / 2));
  const coords = new Float32Array(starts[shapes.length] * 2);
  shapes.forEach((shape, i) => coords.set(shape, starts[i] * 2));
  return { starts: new Uint8Array(starts.buffer), coords: new Uint8Array(coords.buffer) };
}
