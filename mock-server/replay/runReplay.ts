/**
 * Plays a replay plan to a sender: waits until readings are due, sends what is due in one batch (at
 * most one send per `minIntervalMs`, so a fast replay of many sensors makes a few large requests, not
 * thousands of tiny ones), waits for each answer before the next send, and tallies the verdicts.
 */
import { MAX_BATCH_ENTRIES } from '../ingest/readingPayload';
import { batchEnd, type BatchLimits, type ReplayPlan } from './replayPlan';
import { SendError, type ReplaySender } from './replaySender';
import type { ReplayProgress } from './replayProgress';
import { addSend, newTally, type ReplayTally } from './replayTally';

/** Bodies stay well under the server's 1 MiB limit and the 200 KB a proxy in front of it may allow. */
export const DEFAULT_LIMITS: BatchLimits = { maxEntries: MAX_BATCH_ENTRIES, maxBytes: 150_000 };

export interface RunDeps {
  sender: ReplaySender;
  progress?: ReplayProgress;
  /** Wall clock, epoch ms. */
  now?: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  limits?: BatchLimits;
  /** The shortest time between two sends while readings are due in real time. */
  minIntervalMs?: number;
  /** Aborted: stop before the next send (Ctrl-C), keeping the count so far. */
  signal?: AbortSignal;
}

export interface RunResult {
  tally: ReplayTally;
  /** Why the replay stopped before its end; absent when everything was sent. */
  stopped?: string;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function runReplay(plan: ReplayPlan, deps: RunDeps): Promise<RunResult> {
  const { sender, progress, now = Date.now, sleep = abortableSleep, limits = DEFAULT_LIMITS, minIntervalMs = 250, signal } = deps;
  const { readings } = plan;
  const tally = newTally(sender.verdicts);
  const start = now();
  let lastSend = -Infinity;
  let i = 0;
  let stopped: string | undefined;
  while (i < readings.length) {
    const wakeAt = Math.max(readings[i].dueMs, lastSend + minIntervalMs);
    const wait = wakeAt - (now() - start);
    if (wait > 0 && !signal?.aborted) await sleep(wait, signal);
    if (signal?.aborted) {
      stopped = 'interrupted';
      break;
    }
    const elapsed = now() - start;
    const end = batchEnd(readings, i, elapsed, limits);
    lastSend = elapsed;
    try {
      addSend(tally, end - i, await sender.send(readings.slice(i, end)));
    } catch (err) {
      if (!(err instanceof SendError)) throw err;
      stopped = err.message;
      break;
    }
    i = end;
    progress?.update({ sent: tally.sent, total: readings.length, recordedMs: readings[i - 1].recordedMs, accepted: tally.accepted, refused: tally.refused, verdicts: tally.verdicts });
  }
  progress?.stop();
  return stopped === undefined ? { tally } : { tally, stopped };
}
