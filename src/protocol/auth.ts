/**
 * Accounts and roles, shared by the server and the app. A role is what a person may do:
 * operators watch the wall, dispatchers act on incidents, managers read summaries and reports,
 * admins manage users and the simulation. An integration key (another city system such as the
 * 12345 hotline) may only report incidents.
 */
import { z } from 'zod';

export const ROLES = ['operator', 'dispatcher', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is behind a request: a person with a role, a kiosk link (an operator who cannot act), or another system. */
export type Principal =
  | { kind: 'user'; username: string; role: Role }
  | { kind: 'kiosk'; label: string; role: 'operator' }
  | { kind: 'integration'; name: string; role: 'integration' }
  | { kind: 'anonymous'; role: 'operator' };

export type PrincipalRole = Principal['role'];

/** What each role may do; the server checks these on every route and socket event. */
export const PERMISSIONS = {
  /** Watch the live city: the socket feed, assets, vitals. */
  view: ['operator', 'dispatcher', 'manager', 'admin'],
  /**
   * Acknowledge an alarm: the people who work the live wall and the desk. Managers read reports and
   * do not act on live operations (as with incidents); an integration cannot say a person has seen it.
   * Kiosk links and anonymous demo screens carry the operator role but are refused by the service.
   */
  acknowledgeAlarms: ['operator', 'dispatcher', 'admin'],
  /** Read incidents, work orders and audit trails. */
  readIncidents: ['operator', 'dispatcher', 'manager', 'admin'],
  /** Dispatch, reassign, escalate, note, cancel, close. */
  actOnIncidents: ['dispatcher', 'admin'],
  /** Report an incident from outside (a dispatcher, or another city system with an integration key). */
  reportIncidents: ['dispatcher', 'admin', 'integration'],
  /** Send sensor readings (another city system with an integration key; an admin trying the route). */
  reportReadings: ['admin', 'integration'],
  /** Daily summaries and exports. */
  readReports: ['manager', 'admin'],
  /** Users, kiosk links, the simulation's scenario. */
  administer: ['admin'],
} as const satisfies Record<string, readonly PrincipalRole[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: PrincipalRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly PrincipalRole[]).includes(role);
}

export const LoginRequestSchema = z
  .object({
    username: z.string().trim().min(1, 'username is required').max(64),
    password: z.string().min(1, 'password is required').max(256),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export interface LoginResponse {
  token: string;
  role: Role;
  username: string;
  /** Epoch ms when the token stops working. */
  expiresAt: number;
}
