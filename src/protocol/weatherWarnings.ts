/**
 * Weather warnings as the warning office issues them (CAP 1.2-like: event, level, area, times).
 * Shanghai issues its own signals; the simulator plays the office so the screen has them to show,
 * and an ingest adapter for real CAP feeds can produce the same records.
 */
export const WARNING_EVENTS = ['rainstorm', 'thunderstorm', 'gale', 'heat'] as const;
export type WarningEvent = (typeof WARNING_EVENTS)[number];

/** Chinese warning signal colours, least to most severe. */
export const WARNING_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** A CAP alert's area as the wall draws it: closed rings of [lon, lat], and circles (km). */
export interface WarningArea {
  areaDesc: string;
  /** The same area as the alert's English info describes it, where it has one. */
  areaDescEn?: string;
  polygons: [number, number][][];
  circles: { center: [number, number]; radiusKm: number }[];
}

export interface WeatherWarning {
  id: string;
  /** `other`: a CAP alert whose event is none of the office's; `eventText` names it. */
  event: WarningEvent | 'other';
  level: WarningLevel;
  /** District indices covered; empty = the whole city. */
  districts: number[];
  issuedAt: number;
  /** Simulated/ingest time it lapses unless renewed or upgraded. */
  expiresAt: number;
  state: 'active' | 'cancelled';
  /** Free text from the issuer, shown as text. */
  headline: string;
  headlineEn: string;
  source: 'simulator' | 'cap';
  /** CAP only: the event as the issuer named it (e.g. 暴雨橙色预警, Severe Thunderstorm Warning). */
  eventText?: string;
  /** CAP only: the event as the alert's English info names it (e.g. Orange Rainstorm Warning), where it has one. */
  eventTextEn?: string;
  /** CAP only: the areas it covers (its `districts` stay empty), shown as text and drawn on the map. */
  areas?: WarningArea[];
  /** CAP only: who issued it (the info's senderName, else the alert's sender), shown with its areas on the map. */
  sender?: string;
  /** CAP only: when it takes effect (the info's effective, else when it was sent), on the same clock as `issuedAt`. */
  effectiveAt?: number;
}

/** An area's description in the screen's language: the English info's where the alert had one. */
export const areaDescIn = (area: WarningArea, english: boolean): string => (english ? (area.areaDescEn ?? area.areaDesc) : area.areaDesc);

/** A CAP warning's own event text in the screen's language, if the issuer gave one. */
export const eventTextIn = (w: WeatherWarning, english: boolean): string | undefined => (english ? (w.eventTextEn ?? w.eventText) : w.eventText);
