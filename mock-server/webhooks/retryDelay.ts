/** How long to wait before attempt `attempts + 1` of a delivery: doubling from `baseMs`, at most `maxMs`. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
