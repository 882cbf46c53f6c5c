/** A CAP alert as the product keeps it: the parts the warnings use, geometry as [lon, lat]. */
import type { CapVersion } from './capSchema';

/** `sender,identifier,sent`: how CAP names an earlier alert in `references`. */
export interface CapReference {
  sender: string;
  identifier: string;
  sent: string;
}

export interface CapCircle {
  center: [number, number];
  radiusKm: number;
}

export interface CapArea {
  areaDesc: string;
  /** Closed rings of [lon, lat] (CAP writes `lat,lon`; swapped here to GeoJSON's order). */
  polygons: [number, number][][];
  circles: CapCircle[];
}

export interface CapInfo {
  language: string;
  categories: string[];
  event: string;
  urgency: string;
  severity: string;
  certainty: string;
  headline: string | null;
  description: string | null;
  instruction: string | null;
  senderName: string | null;
  effective: string | null;
  onset: string | null;
  expires: string | null;
  areas: CapArea[];
}

export interface CapAlert {
  version: CapVersion;
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msgType: string;
  scope: string;
  references: CapReference[];
  info: CapInfo[];
}

/** The key CAP uses to name an alert (and what `references` entries hold). */
export const capKeyOf = (a: CapReference): string => `${a.sender},${a.identifier},${a.sent}`;

/**
 * When the alert stops being in force: the latest `expires` of its infos, or null when an info has
 * none (CAP then leaves it in force until updated or cancelled).
 */
export function capExpiresMs(alert: CapAlert): number | null {
  if (alert.info.length === 0 || alert.info.some((i) => i.expires === null)) return null;
  return Math.max(...alert.info.map((i) => Date.parse(i.expires!)));
}
