/**
 * The incident and work-order contract (issue 5), shared by the server (lifecycle, storage, HTTP
 * routes, socket commands) and the duty officer's console. The incident record itself is
 * `Incident` in cityEvents.ts: it travels in every frame's events, so every console and the wall
 * see each change. This module holds the commands, the audit trail and the HTTP shapes.
 */
import { z } from 'zod';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, type Incident, type IncidentStatus } from './cityEvents';

/**
 * What the `transition` command may ask for: a later status, `escalated` (a flag raised on an
 * open incident: it keeps its stage and SLA clock, and is shown as escalated until closed), or
 * `reworked` (a supervisor's failed check, 返工: the incident goes back to its team as dispatched,
 * with a note saying what failed).
 */
export const TRANSITION_TARGETS = ['accepted', 'onSite', 'resolved', 'verified', 'reworked', 'closed', 'cancelled', 'escalated'] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

/**
 * Every recorded action, in the audit trail. `verify` and `rework` are a supervisor's (监督员)
 * verdict on a resolved incident (核查, GB/T 30428): passed, or sent back.
 */
export const AUDIT_ACTIONS = ['create', 'dispatch', 'reassign', 'accept', 'arrive', 'resolve', 'verify', 'rework', 'close', 'cancel', 'escalate', 'note', 'slaBreach'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acted: a person (username and role), another city system, or the simulated city (teams, the auto-desk). */
export interface Actor {
  kind: 'user' | 'integration' | 'system';
  name: string;
  role: string;
}

export interface AuditEntry {
  /** Increasing across the whole trail (append-only). */
  seq: number;
  incidentId: string;
  action: AuditAction;
  actor: Actor;
  /** Simulated time of the action (the city's clock), epoch ms. */
  at: number;
  /** Wall-clock time it was recorded, epoch ms. */
  recordedAt: number;
  from: IncidentStatus | null;
  to: IncidentStatus;
  /** The incident's version after the action. */
  version: number;
  teamId: string | null;
  note: string | null;
}

/** Free text from people and other systems: bounded, and always shown as text, never as HTML. */
const NoteSchema = z.string().trim().min(1, 'note is empty').max(2000, 'note is longer than 2000 characters');
const VersionSchema = z.number({ error: 'expectedVersion must be a number' }).int().nonnegative();

export const DispatchRequestSchema = z
  .object({
    /** A team id from the catalogue (e.g. `TM-007`); omitted: the nearest suitable free team, or the responsible outside unit. */
    teamId: z.string().min(1).max(32).optional(),
    expectedVersion: VersionSchema,
    note: NoteSchema.optional(),
  })
  .strict();
export type DispatchRequest = z.infer<typeof DispatchRequestSchema>;

export const TransitionRequestSchema = z
  .object({
    to: z.enum(TRANSITION_TARGETS, { error: () => `to must be one of ${TRANSITION_TARGETS.join(', ')}` }),
    expectedVersion: VersionSchema,
    note: NoteSchema.optional(),
  })
  .strict()
  // The crew must know what to fix: a rework without the failed check's finding is refused.
  .refine((r) => r.to !== 'reworked' || r.note !== undefined, { message: 'a rework needs a note saying what failed the check', path: ['note'] });
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

export const NoteRequestSchema = z.object({ expectedVersion: VersionSchema.optional(), note: NoteSchema }).strict();
export type NoteRequest = z.infer<typeof NoteRequestSchema>;

/** An incident reported from outside (the 12345 hotline, another system, a dispatcher taking a call). */
export const CreateIncidentRequestSchema = z
  .object({
    category: z.enum(INCIDENT_CATEGORIES, { error: () => `category must be one of ${INCIDENT_CATEGORIES.join(', ')}` }),
    /** [lon, lat] in WGS84, inside Shanghai. */
    location: z.tuple([z.number().min(120.8).max(122.2), z.number().min(30.6).max(31.9)], { error: () => 'location must be [lon, lat] inside Shanghai' }),
    description: z.string().trim().min(1).max(2000),
    /** The caller's own reference (e.g. the 12345 ticket number). */
    externalRef: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type CreateIncidentRequest = z.infer<typeof CreateIncidentRequestSchema>;

export const IncidentListQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum([...INCIDENT_STATUSES, 'open'])).optional()),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** The HTTP view of an incident: the wire record plus `location` as [lon, lat] and ISO times. */
export interface IncidentView extends Incident {
  location: [number, number];
  createdAtIso: string;
  updatedAtIso: string;
}

/** A team that could take an incident, nearest first. */
export interface TeamSuggestion {
  teamId: string;
  name: string;
  nameEn: string;
  type: string;
  /** Straight-line distance, km. */
  distanceKm: number;
  /** Route distance and driving time with emergency lights, minutes. */
  routeKm: number;
  etaMinutes: number;
}

/** Idempotency: a retried request carries the same key and gets the first answer back. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
