/**
 * Alarms as records (issue 15): every change of an alarm kept with its time and who made it, and each
 * alarm's current state in ThingsBoard's terms, active or cleared × acknowledged or not. Read with
 * `GET /api/alarms` and `GET /api/alarms/:id`, acknowledged with `POST /api/alarms/:id/ack` or the
 * `alarm:ack` socket command (docs/api.md). The schemas are the types' source.
 */
import { z } from 'zod';
import { ASSET_KINDS, type AssetKind } from './assetKinds';
import type { Alarm, AlarmTrigger, Severity } from './cityEvents';

/** What happened to an alarm: raised, made worse or milder in place, cleared, acknowledged by a person. */
export const ALARM_ACTIONS = ['raise', 'escalate', 'ease', 'clear', 'acknowledge'] as const;
export type AlarmAction = (typeof ALARM_ACTIONS)[number];

/** The history's state filter: the two axes of an alarm's state, one value of either. */
export const ALARM_STATE_FILTERS = ['active', 'cleared', 'acknowledged', 'unacknowledged'] as const;
export type AlarmStateFilter = (typeof ALARM_STATE_FILTERS)[number];

/** An alarm as stored: the live record (a NaN threshold as null, since JSON has no NaN), who acknowledged it and when. */
export interface AlarmRecord extends Omit<Alarm, 'threshold' | 'ackedAt'> {
  threshold: number | null;
  /** The city's time of the acknowledgement, epoch ms; null until acknowledged. */
  ackedAt: number | null;
  /** The username that acknowledged it. */
  ackedBy: string | null;
}

/** One line of an alarm's change log. */
export interface AlarmChange {
  seq: number;
  alarmId: string;
  action: AlarmAction;
  /** When it happened, epoch ms: the alarm's own (event) time for the rules' changes, the city's time for an acknowledgement. */
  at: number;
  /** Server wall clock when it was written. */
  recordedAt: number;
  /** Null for the rules; the username for an acknowledgement. */
  by: string | null;
  note: string | null;
  ruleId: string;
  trigger: AlarmTrigger;
  assetKind: AssetKind;
  assetId: string;
  severity: Severity;
  value: number;
  unit: string;
  threshold: number | null;
  /** Made by a reading that arrived late (a gateway's buffered upload). */
  late: boolean;
}

/** A time as epoch ms or ISO 8601. */
const Instant = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const ms = /^-?\d+$/.test(s) ? Number(s) : Date.parse(s);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be epoch milliseconds or an ISO 8601 time' });
      return z.NEVER;
    }
    return ms;
  });

export const ALARM_PAGE_MAX = 500;

/** `GET /api/alarms`: alarms active at some time in [from, to), newest raised first, a page at a time. */
export const AlarmListQuerySchema = z
  .object({
    from: Instant.optional(),
    to: Instant.optional(),
    state: z.enum(ALARM_STATE_FILTERS).optional(),
    kind: z.enum(ASSET_KINDS).optional(),
    asset: z.string().min(1).max(256).optional(),
    rule: z.string().min(1).max(256).optional(),
    limit: z.coerce.number().int().min(1).max(ALARM_PAGE_MAX).default(100),
    /** The previous page's `nextCursor`, as it was. */
    cursor: z.string().min(1).max(512).optional(),
  })
  .strict();
export type AlarmListQuery = z.infer<typeof AlarmListQuerySchema>;

export interface AlarmPage {
  alarms: AlarmRecord[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface AlarmDetail {
  alarm: AlarmRecord;
  /** Oldest first. */
  changes: AlarmChange[];
}

export const AlarmIdSchema = z.string().min(1, 'id is required').max(512);

export const AlarmAckRequestSchema = z
  .object({
    /** Plain text, shown as text. */
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type AlarmAckRequest = z.infer<typeof AlarmAckRequestSchema>;

/** The `alarm:ack` socket command: the same as the HTTP route, the alarm named in the payload. */
export const AlarmAckCommandSchema = AlarmAckRequestSchema.extend({ id: AlarmIdSchema }).strict();
export type AlarmAckCommand = z.infer<typeof AlarmAckCommandSchema>;

/** A stored record as the live alarm the engine and the frames carry (JSON's null threshold back to NaN). */
export function alarmOfRecord({ ackedBy: _by, ackedAt, threshold, ...rest }: AlarmRecord): Alarm {
  return { ...rest, threshold: threshold ?? NaN, ...(ackedAt === null ? {} : { ackedAt }) };
}
