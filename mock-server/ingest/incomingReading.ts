/**
 * A reading from outside the city's own simulator, as every ingest path (HTTP, MQTT, SensorThings,
 * replay) hands it to the ingest gate (ingestGate.ts) after parsing its own payload shape: which
 * asset, which measure, when it was measured, and the value in the measure's own unit.
 */

/** One reading, parsed but not yet checked against the catalogue. */
export interface IncomingReading {
  /** Asset kind as the protocol names it (`waterGauge`); checked by the gate. */
  kind: string;
  assetId: string;
  /** The measure's short name (`level`, `depth`, `state`; ingestChannels.ts); absent: the kind's first. */
  measure?: string;
  /** When it was measured, epoch ms (event time, not arrival time). */
  tMs: number;
  /** The value, already converted to the measure's own unit (a state as its code). */
  v: number;
}

/** A position report (`positions/<kind>/<assetId>`): where a moving asset was at a time. */
export interface IncomingPosition {
  kind: string;
  assetId: string;
  tMs: number;
  lon: number;
  lat: number;
}

/** Why one reading of a batch was refused; `index` is its place in the batch as sent. */
export interface RejectedReading {
  index: number;
  reason: string;
}

/** The gate's answer to one batch: one bad reading does not sink the rest. */
export interface IngestVerdict {
  accepted: number;
  /** Readings already applied (same asset, measure and time): counted, applied once. */
  duplicates: number;
  rejected: RejectedReading[];
}

/**
 * Where parsed readings go: the ingest gate checks each against the catalogue and the clock, keeps
 * the accepted ones durably, and answers once they are kept. `source` names the integration (for
 * counts and logs), e.g. the integration key's name.
 */
export interface ReadingSink {
  accept(batch: readonly ParsedReading[], source: string): Promise<IngestVerdict>;
}

/**
 * One entry of a batch as a payload parser leaves it: a reading, or why that entry could not be read
 * (a string for a number, a SenML record without a name). The gate reports the latter as rejected at
 * the entry's index, so a parser never drops an entry silently.
 */
export type ParsedReading = IncomingReading | { error: string };

/** One entry of a batch of positions as a payload parser leaves it (the same rule as ParsedReading). */
export type ParsedPosition = IncomingPosition | { error: string };

/** Where parsed positions go (`positions/<kind>/<assetId>` over MQTT), answered like readings. */
export interface PositionSink {
  accept(batch: readonly ParsedPosition[], source: string): Promise<IngestVerdict>;
}
