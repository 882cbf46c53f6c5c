/**
 * The socket.io contract shared by mock-server and src: `Server<ClientToServerEvents, ServerToClientEvents>`
 * on the server, `Socket<ServerToClientEvents, ClientToServerEvents>` in the browser.
 *
 * Flow on every (re)connect: `city:catalog` (static; skipped when the client holds its version) →
 * `readings:snapshot` (every channel, full) → `readings:delta` each tick with `seq` = previous + 1. A client that sees a gap calls `readings:resync`.
 */
import { z } from 'zod';
import type { BinaryChunk } from './binary';
import type { PackedCatalog } from './catalogPacking';
import { AlarmAckCommandSchema, type AlarmAckCommand, type AlarmRecord } from './alarmRecords';
import type { CityEvent, CityEventState, Incident } from './cityEvents';
import { CHANNEL_IDS, type ChannelId } from './channels';
import { DispatchRequestSchema, NoteRequestSchema, TransitionRequestSchema } from './workOrders';
import type { VitalsFrame } from './vitals';

/** Server's view of the live feed, shared by snapshot and delta. */
export interface FrameStamp {
  /** Increments by one per published frame; a snapshot carries the seq of the state it holds. */
  seq: number;
  /** Simulated (or ingested) time of the readings, epoch ms. */
  simTime: number;
  /** Server wall-clock time when the frame was published, epoch ms. */
  sentAt: number;
}

export interface WireSnapshot extends FrameStamp {
  catalogVersion: string;
  /** How often deltas come; clients call the feed stale after a few missed intervals. */
  tickMs: number;
  simSpeed: number;
  /** Every channel's full frame (channelCodec), packed into one buffer (channelFrame). */
  channels: BinaryChunk;
  /** Active alarms, closures and weather warnings, open incidents. */
  events: CityEventState;
  vitals: VitalsFrame;
  /** When each slot fed from outside was measured (readingTimesCodec); absent when none is. */
  readingTimes?: BinaryChunk;
}

export interface WireDelta extends FrameStamp {
  /**
   * The seq of the state this delta applies to: seq - 1 for a regular frame; earlier for a catch-up
   * frame that coalesces everything a busy client missed (its events are all the missed ones).
   */
  baseSeq?: number;
  /** The channels with a changed slot, packed into one buffer (channelFrame); null when none changed. */
  channels: BinaryChunk | null;
  /** Alarm, incident, closure and warning changes since the previous frame, in the order they happened. */
  events: CityEvent[];
  /** Every indicator, every frame (a few dozen numbers). */
  vitals: VitalsFrame;
  /**
   * When the slots fed from outside whose reading changed since `baseSeq` were measured
   * (readingTimesCodec); absent when none changed. Every other slot is as the client last heard it.
   */
  readingTimes?: BinaryChunk;
}

export const ERROR_CODES = ['BAD_REQUEST', 'UNKNOWN_EVENT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHORIZED', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

/** Every acknowledgement has this shape. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };

export const ResyncRequestSchema = z
  .object({
    /** The last seq the client applied, for the server's log of gaps. */
    lastSeq: z.number().int().nonnegative().optional(),
  })
  .strict();
export type ResyncRequest = z.infer<typeof ResyncRequestSchema>;

const IncidentRef = {
  id: z.string().regex(/^INC-\d{6,}$/, 'id must look like INC-000123'),
  /** A retried command carries the same key and gets the first answer back. */
  idempotencyKey: z.string().regex(/^[\x21-\x7e]{8,128}$/, 'idempotencyKey must be 8–128 printable ASCII characters').optional(),
};
export const IncidentDispatchCommandSchema = DispatchRequestSchema.extend(IncidentRef).strict();
export const IncidentTransitionCommandSchema = TransitionRequestSchema.extend(IncidentRef).strict();
export const IncidentNoteCommandSchema = NoteRequestSchema.extend(IncidentRef).strict();
export type IncidentDispatchCommand = z.infer<typeof IncidentDispatchCommandSchema>;
export type IncidentTransitionCommand = z.infer<typeof IncidentTransitionCommandSchema>;
export type IncidentNoteCommand = z.infer<typeof IncidentNoteCommandSchema>;

export const ViewSubscribeSchema = z
  .object({
    /** The live channels this view draws (null: all of them). */
    channels: z.array(z.enum(CHANNEL_IDS as [ChannelId, ...ChannelId[]])).max(64).nullable(),
  })
  .strict();
export type ViewSubscribe = z.infer<typeof ViewSubscribeSchema>;

export interface ServerToClientEvents {
  /** The catalogue with its binary columns in one attachment (catalogPacking.ts); unpackCatalog reads it. */
  'city:catalog': (catalog: PackedCatalog) => void;
  'readings:snapshot': (snapshot: WireSnapshot) => void;
  'readings:delta': (delta: WireDelta) => void;
  /** Sent when a client emits something the server cannot take and gave no ack to answer on. */
  'server:error': (error: ProtocolError & { event: string }) => void;
}

export interface ClientToServerEvents {
  'readings:resync': (request: ResyncRequest, ack: (result: Ack<WireSnapshot>) => void) => void;
  /** Receive only some channels (a console that draws no road speeds gets none); answered with a fresh snapshot of them. */
  'view:subscribe': (request: ViewSubscribe, ack: (result: Ack<WireSnapshot>) => void) => void;
  /** The same commands as the HTTP API's, for the console (answered on the ack). */
  'incident:dispatch': (command: IncidentDispatchCommand, ack: (result: Ack<Incident>) => void) => void;
  'incident:transition': (command: IncidentTransitionCommand, ack: (result: Ack<Incident>) => void) => void;
  'incident:note': (command: IncidentNoteCommand, ack: (result: Ack<Incident>) => void) => void;
  /** Acknowledge an alarm, as `POST /api/alarms/:id/ack`; answered with the stored record. */
  'alarm:ack': (command: AlarmAckCommand, ack: (result: Ack<AlarmRecord>) => void) => void;
}

/** Inbound event names with their payload schemas; the server rejects any other event. */
export const CLIENT_EVENT_SCHEMAS = {
  'readings:resync': ResyncRequestSchema,
  'view:subscribe': ViewSubscribeSchema,
  'incident:dispatch': IncidentDispatchCommandSchema,
  'incident:transition': IncidentTransitionCommandSchema,
  'incident:note': IncidentNoteCommandSchema,
  'alarm:ack': AlarmAckCommandSchema,
} as const satisfies Record<keyof ClientToServerEvents, z.ZodType>;
