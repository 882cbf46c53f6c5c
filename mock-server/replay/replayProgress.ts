/**
 * The replay's progress on stderr: a bar (cli-progress) on a terminal, a plain line every few seconds
 * otherwise (a log or CI keeps every line, so a bar's redraws would only be noise there).
 */
import cliProgress from 'cli-progress';

export interface ProgressState {
  sent: number;
  total: number;
  /** Recorded time of the newest reading sent, epoch ms. */
  recordedMs: number;
  accepted: number;
  refused: number;
  /** Whether accepted and refused are known (HTTP). */
  verdicts: boolean;
}

export interface ReplayProgress {
  update(state: ProgressState): void;
  stop(): void;
}

/** A recorded time to the minute, as the progress shows it. */
const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}Z`;
const n = (x: number) => x.toLocaleString('en-US');

/** The plain progress line: readings sent of the total, recorded time reached, verdicts so far. */
export function progressLine(s: ProgressState): string {
  const pct = s.total === 0 ? 100 : Math.floor((100 * s.sent) / s.total);
  const verdict = s.verdicts ? `, ${n(s.accepted)} accepted, ${n(s.refused)} refused` : '';
  return `replay: ${n(s.sent)}/${n(s.total)} readings sent (${pct}%), recorded time ${minute(s.recordedMs)}${verdict}`;
}

/** Plain lines, at most one per `everyMs` (and always the last), to `write`. */
export function lineProgress(write: (line: string) => void, everyMs = 5000, now = () => Date.now()): ReplayProgress {
  let lastAt = -Infinity;
  let last: ProgressState | undefined;
  let printed: ProgressState | undefined;
  return {
    update(state) {
      last = state;
      if (now() - lastAt < everyMs && state.sent < state.total) return;
      lastAt = now();
      printed = state;
      write(progressLine(state));
    },
    stop() {
      if (last && last !== printed) write(progressLine(last));
    },
  };
}

/** A bar on a terminal stream. */
export function barProgress(stream: NodeJS.WriteStream, total: number): ReplayProgress {
  const bar = new cliProgress.SingleBar(
    { stream, format: 'replay [{bar}] {percentage}% | {value}/{total} readings | recorded {recorded}{verdict}', hideCursor: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { recorded: '…', verdict: '' });
  return {
    update(s) {
      bar.update(s.sent, { recorded: minute(s.recordedMs), verdict: s.verdicts ? ` | ${n(s.accepted)} accepted, ${n(s.refused)} refused` : '' });
    },
    stop: () => bar.stop(),
  };
}

/** The bar where `stream` is a terminal, plain lines otherwise. */
export function progressFor(stream: NodeJS.WriteStream, total: number): ReplayProgress {
  return stream.isTTY ? barProgress(stream, total) : lineProgress((line) => stream.write(`${line}\n`));
}
