/**
 * A concurrency limit with a bounded queue, a deadline per job and cancel by the caller (issue 17,
 * finding 2): at most `concurrency` jobs run, at most `maxQueued` wait, the rest are refused at once.
 * Each running job gets an AbortSignal that fires on its deadline, when its caller goes away or when
 * the queue closes; the caller is answered at once, and the job's slot is freed only when the job
 * itself has ended, so what it holds (a Chromium page) is never more than `concurrency` at a time.
 * Jobs must honour their signal. No I/O; the clock is injected.
 */

/** Why a job was not run to its end: queue full, past its deadline, its caller gone, or the queue closed. */
export type RefusalReason = 'busy' | 'deadline' | 'cancelled' | 'closed';

export class QueueRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'QueueRefusal';
  }
}

export interface RenderQueueOptions {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs waiting behind them; one more is refused as busy. */
  maxQueued: number;
  /** Each job's time from its start, ms. */
  deadlineMs: number;
  /** Wall clock, ms (for the duration behind Retry-After). */
  now?: () => number;
}

/** What the queue holds now and what became of the jobs so far. */
export interface RenderQueueStats {
  running: number;
  queued: number;
  peakRunning: number;
  completed: number;
  failed: number;
  refused: number;
  cancelled: number;
  timedOut: number;
}

/** The work itself; it stops soon after `signal` aborts. */
export type Job<T> = (signal: AbortSignal) => Promise<T>;

interface Waiting {
  start(): void;
  refuse(refusal: QueueRefusal): void;
}

/** Until a job has finished, a guess at how long one takes, ms. */
const ASSUMED_JOB_MS = 10_000;

export class RenderQueue {
  private readonly waiting: Waiting[] = [];
  private readonly runningJobs = new Set<{ abort(refusal: QueueRefusal): void; ended: Promise<unknown> }>();
  private readonly counts = { peakRunning: 0, completed: 0, failed: 0, refused: 0, cancelled: 0, timedOut: 0 };
  private meanJobMs: number | null = null;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly options: RenderQueueOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Runs `job` when a slot is free; rejects with a QueueRefusal when it is refused, timed out, cancelled or closed. */
  run<T>(job: Job<T>, caller?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new QueueRefusal('closed', 'the server is shutting down'));
    if (caller?.aborted) {
      this.counts.cancelled++;
      return Promise.reject(new QueueRefusal('cancelled', 'the caller went away'));
    }
    return new Promise<T>((resolve, reject) => {
      const entry: Waiting = {
        start: () => {
          caller?.removeEventListener('abort', dropWaiting);
          this.start(job, caller, resolve, reject);
        },
        refuse: (refusal) => {
          caller?.removeEventListener('abort', dropWaiting);
          reject(refusal);
        },
      };
      const dropWaiting = () => {
        const at = this.waiting.indexOf(entry);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        this.counts.cancelled++;
        entry.refuse(new QueueRefusal('cancelled', 'the caller went away'));
      };
      if (this.runningJobs.size < this.options.concurrency) return entry.start();
      if (this.waiting.length >= this.options.maxQueued) {
        this.counts.refused++;
        return reject(new QueueRefusal('busy', `busy: ${this.runningJobs.size} running and ${this.waiting.length} waiting`));
      }
      caller?.addEventListener('abort', dropWaiting, { once: true });
      this.waiting.push(entry);
    });
  }

  private start<T>(job: Job<T>, caller: AbortSignal | undefined, resolve: (value: T) => void, reject: (err: unknown) => void): void {
    const controller = new AbortController();
    const startedAt = this.now();
    let answered = false;
    // The first outcome answers the caller and is the one counted; a job's later end only frees its slot.
    const answer = (outcome: 'completed' | 'failed' | 'cancelled' | 'timedOut', settle: () => void) => {
      if (answered) return;
      answered = true;
      this.counts[outcome]++;
      settle();
    };
    const abort = (refusal: QueueRefusal) => {
      answer(refusal.reason === 'deadline' ? 'timedOut' : 'cancelled', () => reject(refusal));
      controller.abort(refusal);
    };
    const onCallerGone = () => abort(new QueueRefusal('cancelled', 'the caller went away'));
    const timer = setTimeout(() => abort(new QueueRefusal('deadline', `not done within ${Math.round(this.options.deadlineMs / 1000)} s`)), this.options.deadlineMs);
    caller?.addEventListener('abort', onCallerGone, { once: true });
    const ended = Promise.resolve()
      .then(() => job(controller.signal))
      .then(
        (value) => {
          this.noteDuration(this.now() - startedAt);
          answer('completed', () => resolve(value));
        },
        (err: unknown) => answer('failed', () => reject(err)),
      )
      .finally(() => {
        clearTimeout(timer);
        caller?.removeEventListener('abort', onCallerGone);
        this.runningJobs.delete(running);
        this.waiting.shift()?.start();
      });
    const running = { abort, ended };
    this.runningJobs.add(running);
    this.counts.peakRunning = Math.max(this.counts.peakRunning, this.runningJobs.size);
  }

  private noteDuration(ms: number): void {
    // A moving mean: recent renders say more about the machine's load than old ones.
    this.meanJobMs = this.meanJobMs === null ? ms : 0.8 * this.meanJobMs + 0.2 * ms;
  }

  /** Seconds until a full queue has likely drained: what a refused caller is told to wait (Retry-After). */
  retryAfterSeconds(): number {
    const rounds = this.options.maxQueued / this.options.concurrency + 1;
    return Math.max(1, Math.ceil(((this.meanJobMs ?? ASSUMED_JOB_MS) * rounds) / 1000));
  }

  stats(): RenderQueueStats {
    return { running: this.runningJobs.size, queued: this.waiting.length, ...this.counts };
  }

  /** Refuses what waits and what comes, aborts what runs, and resolves when the running jobs have ended. */
  async close(): Promise<void> {
    this.closed = true;
    const refusal = new QueueRefusal('closed', 'the server is shutting down');
    for (const entry of this.waiting.splice(0)) entry.refuse(refusal);
    const running = [...this.runningJobs];
    for (const job of running) job.abort(refusal);
    await Promise.all(running.map((job) => job.ended));
  }
}
