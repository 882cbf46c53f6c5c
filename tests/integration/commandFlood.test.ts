/**
 * The wall keeps moving under a flood of commands (issue 17, finding 4): 2,000 incident reports from
 * 20 integration keys, 500 in flight at a time, pile up in the work-order queue behind a job that
 * holds it (as a slow disk would) until 500 wait; once it lets go, the ticks must keep their turn
 * while the backlog is worked off (frames keep coming to a screen before the last answer), and every
 * report the server accepted must be on record. Counted in frames and answers, never in milliseconds.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../mock-server/server';
import type { WireDelta } from '../../src/protocol/events';
import { connectClient, nextEvent, type TestSocket } from '../support/socketClient';
import { startTestServer } from '../support/testServer';

const KEYS = Array.from({ length: 20 }, (_, i) => ({ name: `system${i}`, key: `flood-key-${String(i).padStart(2, '0')}-`.padEnd(32, 'x') }));
const REPORTS = 2000;
const IN_FLIGHT = 500;
/** Frames a screen must get while the flood lasts. */
const MIN_FRAMES_DURING_FLOOD = 5;
/**
 * Most answers the screen's client may get between two frames. A tick waits behind the one command
 * running, so a gap is what the server answers in one tick (tens here); before the fix the first
 * frame after the hold came only once all 500 held commands were answered.
 */
const MAX_ANSWERS_BETWEEN_FRAMES = IN_FLIGHT / 2;

/** Waits turns of the event loop until a condition holds. */
async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

let server: RunningServer;
let socket: TestSocket;

beforeAll(async () => {
  server = await startTestServer({
    tickMs: 50,
    autopilot: false,
    integrationKeys: KEYS,
    // Budgets above the flood's share per key: this test is about the queue, not the limits.
    rateLimitCommands: 10_000,
    openReportsPerKey: 10_000,
  });
  socket = connectClient(server.url);
  await nextEvent(socket, 'readings:snapshot', 30_000);
}, 60_000);

afterAll(async () => {
  socket?.close();
  await server?.close();
});

it('keeps sending frames while 2,000 reports flood the queue, and applies every report it accepted', async () => {
  const { queue } = server.workOrders;
  let release!: () => void;
  const held = queue.run(() => new Promise<void>((done) => (release = done)));
  const deltas: WireDelta[] = [];
  /** Answers the screen's client had when each frame came: the gaps say how many commands a tick waited behind. */
  const answersAtFrame: number[] = [];
  const answers: { status: number; id?: string; retryAfter: string | null }[] = [];
  let sent = 0;
  const sender = async () => {
    while (sent < REPORTS) {
      const n = sent++;
      const { key } = KEYS[n % KEYS.length];
      const res = await fetch(`${server.url}/api/incidents`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'litter', location: [121.47 + (n % 40) * 0.001, 31.23], description: `flood report ${n}` }),
      });
      const body = (await res.json()) as { id?: string };
      answers.push({ status: res.status, id: body.id, retryAfter: res.headers.get('retry-after') });
    }
  };
  const flood = Promise.all(Array.from({ length: IN_FLIGHT }, sender));
  await until(() => queue.pending > IN_FLIGHT);
  socket.on('readings:delta', (d) => {
    deltas.push(d);
    answersAtFrame.push(answers.length);
  });
  release();
  await held;
  await flood;
  const framesDuringFlood = answersAtFrame.filter((n) => n < REPORTS).length;
  const gaps = [...answersAtFrame.filter((n) => n < REPORTS), REPORTS].map((n, i, all) => n - (i === 0 ? 0 : all[i - 1]));

  expect(answers).toHaveLength(REPORTS);
  // Refused only as the limits say (with when to come back), never failed.
  for (const a of answers) {
    expect([201, 429, 503]).toContain(a.status);
    if (a.status !== 201) expect(a.retryAfter).toMatch(/^\d+$/);
  }
  const accepted = answers.filter((a) => a.status === 201).map((a) => a.id!);
  expect(accepted.length).toBeGreaterThan(REPORTS / 2);
  expect(framesDuringFlood).toBeGreaterThanOrEqual(MIN_FRAMES_DURING_FLOOD);
  // No frame waited behind the backlog: before the fix the first one came only after all 500 held commands.
  expect(Math.max(...gaps)).toBeLessThan(MAX_ANSWERS_BETWEEN_FRAMES);
  // Each frame follows the one before: none was lost to the flood.
  for (let i = 1; i < deltas.length; i++) expect(deltas[i].seq).toBe(deltas[i - 1].seq + 1);

  const missing: string[] = [];
  for (const id of accepted) if ((await server.workOrders.get(id))?.source !== 'external') missing.push(id);
  expect(missing).toEqual([]);
  expect(new Set(accepted).size).toBe(accepted.length);
}, 300_000);
