import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueueRefusal, RenderQueue } from '../../../../mock-server/summary/renderQueue';

/** A fake render the test finishes by hand; it notes when it starts and when its signal aborts it. */
function controlledJob() {
  let finish!: (value: string) => void;
  let fail!: (err: Error) => void;
  const seen = { started: false, aborted: false, reason: undefined as unknown };
  const job = (signal: AbortSignal) => {
    seen.started = true;
    signal.addEventListener('abort', () => {
      seen.aborted = true;
      seen.reason = signal.reason;
      // A render that honours its signal ends soon after it (its page is closed).
      fail(new Error('page closed'));
    });
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { job, seen, finish: (v: string) => finish(v), fail: (e: Error) => fail(e) };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('RenderQueue', () => {
  it('runs at most `concurrency` jobs at once and starts the next in order as one ends', async () => {
    const q = new RenderQueue({ concurrency: 2, maxQueued: 4, deadlineMs: 60_000 });
    const jobs = [controlledJob(), controlledJob(), controlledJob(), controlledJob()];
    const results = jobs.map((j) => q.run(j.job));
    await flush();
    expect(jobs.map((j) => j.seen.started)).toEqual([true, true, false, false]);
    expect(q.stats()).toMatchObject({ running: 2, queued: 2 });
    jobs[1]!.finish('b');
    await expect(results[1]).resolves.toBe('b');
    await flush();
    expect(jobs.map((j) => j.seen.started)).toEqual([true, true, true, false]);
    jobs[0]!.finish('a');
    jobs[2]!.finish('c');
    await flush();
    jobs[3]!.finish('d');
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(q.stats()).toMatchObject({ running: 0, queued: 0, peakRunning: 2, completed: 4, refused: 0 });
  });

  it('refuses a job past the bounded queue as busy, without starting it', async () => {
    const q = new RenderQueue({ concurrency: 2, maxQueued: 1, deadlineMs: 60_000 });
    const jobs = [controlledJob(), controlledJob(), controlledJob(), controlledJob()];
    const results = jobs.map((j) => q.run(j.job));
    const refusal = await results[3]!.catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(QueueRefusal);
    expect((refusal as QueueRefusal).reason).toBe('busy');
    expect(jobs[3]!.seen.started).toBe(false);
    expect(q.stats()).toMatchObject({ running: 2, queued: 1, refused: 1 });
    await flush();
    jobs.slice(0, 2).forEach((j) => j.finish('ok'));
    await flush();
    jobs[2]!.finish('ok');
    await Promise.all(results.slice(0, 3));
  });

  it('drops a queued job whose caller went away: it never starts and the next one takes its place', async () => {
    const q = new RenderQueue({ concurrency: 1, maxQueued: 2, deadlineMs: 60_000 });
    const [a, b, c] = [controlledJob(), controlledJob(), controlledJob()];
    const caller = new AbortController();
    const ra = q.run(a.job);
    const rb = q.run(b.job, caller.signal);
    const rc = q.run(c.job);
    caller.abort();
    const refusal = (await rb.catch((e: unknown) => e)) as QueueRefusal;
    expect(refusal.reason).toBe('cancelled');
    expect(q.stats()).toMatchObject({ running: 1, queued: 1, cancelled: 1 });
    a.finish('a');
    await ra;
    await flush();
    expect(b.seen.started).toBe(false);
    expect(c.seen.started).toBe(true);
    c.finish('c');
    await expect(rc).resolves.toBe('c');
  });

  it('aborts a running job whose caller went away and frees its slot once the job has ended', async () => {
    const q = new RenderQueue({ concurrency: 1, maxQueued: 1, deadlineMs: 60_000 });
    const [a, b] = [controlledJob(), controlledJob()];
    const caller = new AbortController();
    const ra = q.run(a.job, caller.signal);
    const rb = q.run(b.job);
    await flush();
    caller.abort();
    expect(((await ra.catch((e: unknown) => e)) as QueueRefusal).reason).toBe('cancelled');
    expect(a.seen.aborted).toBe(true);
    await flush();
    expect(b.seen.started).toBe(true);
    expect(q.stats()).toMatchObject({ cancelled: 1, completed: 0, running: 1 });
    b.finish('b');
    await expect(rb).resolves.toBe('b');
  });

  it('refuses a caller that has already gone before it queues', async () => {
    const q = new RenderQueue({ concurrency: 1, maxQueued: 1, deadlineMs: 60_000 });
    const a = controlledJob();
    const refusal = (await q.run(a.job, AbortSignal.abort()).catch((e: unknown) => e)) as QueueRefusal;
    expect(refusal.reason).toBe('cancelled');
    expect(a.seen.started).toBe(false);
  });

  it('gives a running job a deadline: the caller hears at once, the job is aborted, its slot freed when it ends', async () => {
    vi.useFakeTimers();
    const q = new RenderQueue({ concurrency: 1, maxQueued: 1, deadlineMs: 5_000 });
    const [a, b] = [controlledJob(), controlledJob()];
    const ra = q.run(a.job).catch((e: unknown) => e);
    const rb = q.run(b.job);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(a.seen.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const refusal = (await ra) as QueueRefusal;
    expect(refusal.reason).toBe('deadline');
    expect(a.seen.aborted).toBe(true);
    expect(q.stats()).toMatchObject({ timedOut: 1 });
    // The deadline counts from the start of each job, not from its arrival in the queue.
    await vi.advanceTimersByTimeAsync(4_000);
    expect(b.seen.started).toBe(true);
    expect(b.seen.aborted).toBe(false);
    b.finish('b');
    await expect(rb).resolves.toBe('b');
  });

  it('passes on a job’s own failure and keeps going', async () => {
    const q = new RenderQueue({ concurrency: 1, maxQueued: 1, deadlineMs: 60_000 });
    const [a, b] = [controlledJob(), controlledJob()];
    const ra = q.run(a.job).catch((e: unknown) => e);
    const rb = q.run(b.job);
    await flush();
    a.fail(new Error('page crashed'));
    expect(((await ra) as Error).message).toBe('page crashed');
    await flush();
    b.finish('b');
    await expect(rb).resolves.toBe('b');
    expect(q.stats()).toMatchObject({ failed: 1, completed: 1 });
  });

  it('on close, refuses what waits and what comes, and aborts what runs', async () => {
    const q = new RenderQueue({ concurrency: 1, maxQueued: 1, deadlineMs: 60_000 });
    const [a, b, c] = [controlledJob(), controlledJob(), controlledJob()];
    const ra = q.run(a.job).catch((e: unknown) => e);
    const rb = q.run(b.job).catch((e: unknown) => e);
    await flush();
    const closed = q.close();
    expect(((await ra) as QueueRefusal).reason).toBe('closed');
    expect(((await rb) as QueueRefusal).reason).toBe('closed');
    expect(a.seen.aborted).toBe(true);
    expect(b.seen.started).toBe(false);
    await closed;
    expect(((await q.run(c.job).catch((e: unknown) => e)) as QueueRefusal).reason).toBe('closed');
  });

  it('estimates when to come back from how long jobs take', async () => {
    let t = 0;
    const q = new RenderQueue({ concurrency: 2, maxQueued: 4, deadlineMs: 60_000, now: () => t });
    expect(q.retryAfterSeconds()).toBeGreaterThanOrEqual(1);
    const a = controlledJob();
    const ra = q.run(a.job);
    await flush();
    t = 8_000;
    a.finish('a');
    await ra;
    // Two rounds of the queue (4 waiting / 2 at a time) and one running: about 3 jobs' time.
    expect(q.retryAfterSeconds()).toBe(24);
  });
});
