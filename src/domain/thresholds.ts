/**
 * The city's flood and rain lines, written once: the alarm rules, the live catalogue, the vital
 * signs, the map's colours and its tooltips all read them from here (shared/BRIEF.md's thresholds).
 * Pure constants, shared by the client and the server.
 */

/**
 * Underpass water depth, cm. Shanghai's underpass LED signs show yellow "积水 缓慢通行" (water,
 * drive slowly) from 5 cm and red "禁止通行" (closed) from 25 cm.
 */
export const UNDERPASS_THRESHOLDS_CM = { warning: 5, closed: 25 } as const;

/**
 * Standing water on a waterlogging-prone point, cm: a warning from 10 cm; road lanes are designed
 * for at most 15 cm, so 15 cm and over is a major waterlogging.
 */
export const WATERLOGGING_THRESHOLDS_CM = { warning: 10, major: 15 } as const;

/**
 * Hourly rain intensity, mm/h: the China Meteorological Administration's hourly grades (moderate
 * from 2.5, heavy from 8, rainstorm from 16), the ~36 mm/h that Shanghai's older districts drain,
 * and 70 mm/h and over as extreme.
 */
export const RAIN_GRADES_MM_H = { moderate: 2.5, heavy: 8, rainstorm: 16, overDrainage: 36, extreme: 70 } as const;
