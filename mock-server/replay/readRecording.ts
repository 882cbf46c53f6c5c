/** The recording formats the replay reads, and the reader for each. */
import { readFloodNet } from './floodnetReader';
import { RecordingError, type RecordedSeries } from './recordedReading';
import { readSenmlPack } from './senmlReader';
import { readUsgsWaterMl } from './usgsReader';

export const REPLAY_FORMATS = ['floodnet', 'usgs', 'senml'] as const;
export type ReplayFormat = (typeof REPLAY_FORMATS)[number];

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new RecordingError(`not JSON: ${(err as Error).message}`);
  }
}

/** Reads a recording's text in its format (`nowMs`: what a SenML pack's relative times count from); throws RecordingError when it cannot. */
export function readRecording(format: ReplayFormat, text: string, nowMs: number): RecordedSeries {
  switch (format) {
    case 'floodnet':
      return readFloodNet(text);
    case 'usgs':
      return readUsgsWaterMl(json(text));
    case 'senml':
      return readSenmlPack(json(text), nowMs);
  }
}
