/**
 * The work-order queue's policy (issue 17, finding 4): jobs one at a time in order, the tick's lane
 * ahead of every queued command, and a turn of the event loop between jobs so the tick's timer and
 * new requests are not held off by a long run of commands.
 */
import { describe, expect, it } from 'vitest';
import { SerialQueue } from '../../../../mock-server/workorders/serialQueue';

/** A job that stays running until released, to hold the queue at a known point. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const held = {
    started: false,
    open,
    job: () => {
      held.started = true;
      return opened;
    },
  };
  return held;
}

/** Waits turns of the event loop until a condition holds (the queue starts a job on a microtask). */
async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('SerialQueue', () => {
  it('runs jobs one at a time, in the order queued, and answers each with its result or error', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      order.push(`${name}:start`);
      await Promise.resolve();
      order.push(`${name}:end`);
      running--;
      return name;
    };
    const a = queue.run(job('a'));
    const b = queue.run(() => Promise.reject(new Error('b failed')));
    const c = queue.run(job('c'));
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('b failed');
    await expect(c).resolves.toBe('c');
    expect(order).toEqual(['a:start', 'a:end', 'c:start', 'c:end']);
    expect(queue.pending).toBe(0);
  });

  it('starts a job of the first lane before every command queued ahead of it, after the one running', async () => {
    const queue = new SerialQueue();
    const order: string[] = [];
    const held = gate();
    const running = queue.run(async () => {
      await held.job();
      order.push('running');
    });
    await until(() => held.started);
    const commands = Array.from({ length: 50 }, (_, i) => queue.run(() => void order.push(`command ${i}`)));
    const tick = queue.runFirst(() => void order.push('tick'));
    expect(queue.pending).toBe(52);
    expect(queue.pendingFirst).toBe(1);
    held.open();
    await Promise.all([running, tick, ...commands]);
    expect(order.slice(0, 3)).toEqual(['running', 'tick', 'command 0']);
    expect(order).toHaveLength(52);
    expect(queue.pendingFirst).toBe(0);
  });

  it('keeps first-lane jobs in their own order', async () => {
    const queue = new SerialQueue();
    const order: number[] = [];
    const held = gate();
    const running = queue.run(held.job);
    await until(() => held.started);
    const firsts = [1, 2, 3].map((n) => queue.runFirst(() => void order.push(n)));
    held.open();
    await Promise.all([running, ...firsts]);
    expect(order).toEqual([1, 2, 3]);
  });

  it('gives the event loop a turn between queued jobs, so a timer due meanwhile runs before the backlog ends', async () => {
    const queue = new SerialQueue();
    const seen: string[] = [];
    let ran = 0;
    // Jobs that finish without ever waiting on I/O: chained by promises alone they would run back to back.
    const jobs = Array.from({ length: 200 }, () => queue.run(() => void ran++));
    setImmediate(() => seen.push(`immediate after ${ran} jobs`));
    await Promise.all(jobs);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe('immediate after 200 jobs');
  });
});
