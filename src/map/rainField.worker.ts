/** The rain field off the main thread (see rainFieldSource.ts): the gauges once, then readings in, pictures out. */
import { buildRainFieldGrid, paintRainField, type RainFieldGrid } from './rainField';
import type { RainFieldRequest } from './rainFieldSource';

let grid: RainFieldGrid | null = null;
let values = new Float32Array(0);

self.onmessage = (e: MessageEvent<RainFieldRequest>) => {
  const msg = e.data;
  if (msg.type === 'gauges') {
    grid = buildRainFieldGrid(msg.positions);
    values = new Float32Array(grid.width * grid.height);
    return;
  }
  if (!grid) return;
  const reply = paintRainField(grid, msg.rain, values);
  (self as unknown as Worker).postMessage(reply, [reply.pixels.buffer]);
};
