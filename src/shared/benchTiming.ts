/**
 * Main-thread timing for `npm run bench`: with `?bench=1` in the URL, `timed` records a
 * performance.measure entry named `cityops:<name>` that the bench collects. Off by default, because
 * measure entries accumulate in the page's buffer.
 */
const enabled = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('bench');

export function timed<T>(name: string, work: () => T): T {
  if (!enabled) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(`cityops:${name}`, { start, end: performance.now() });
  }
}
