/**
 * What a recording's reader (FloodNet, USGS WaterML, SenML) hands the replay: each recorded sensor's
 * readings on their recorded time, in the recording's own unit, and a count of what it could not
 * read and why, so nothing in the file is dropped without being counted.
 */

/** One recorded value, before it is mapped to an asset of ours (replayMap.ts). */
export interface RecordedReading {
  /** The recording's own id of the sensor or site (`BK-carroll-st-4th-av-0ery00`, `01491000`). */
  sourceId: string;
  /** What it measured, in the recording's terms (`depth`; a USGS parameter code such as `00065`; empty where the format has none). */
  parameter: string;
  /** When it was measured, epoch ms (as recorded, before the replay shifts it). */
  tMs: number;
  v: number;
  /** The recording's unit (`in`, `ft`, a SenML `u`); absent: the unit of the measure it is mapped to. */
  unit?: string;
}

/** A reader's result: the readings in time order, and what it skipped (reason → count). */
export interface RecordedSeries {
  readings: RecordedReading[];
  skipped: Map<string, number>;
  /** Facts about the file worth telling (an empty response, its sites); printed before the replay. */
  notes: string[];
}

/** Counts one more skipped value under its reason. */
export function countSkipped(skipped: Map<string, number>, reason: string, n = 1): void {
  skipped.set(reason, (skipped.get(reason) ?? 0) + n);
}

/** Sorts readings by time, keeping the file's order among equal times (Array.prototype.sort is stable). */
export function inTimeOrder(readings: RecordedReading[]): RecordedReading[] {
  return readings.sort((a, b) => a.tMs - b.tMs);
}

/** A file the reader cannot read at all (not its format, a column missing); the message says what and where. */
export class RecordingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordingError';
  }
}
