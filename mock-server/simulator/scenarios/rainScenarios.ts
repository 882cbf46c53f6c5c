/**
 * Rain scenarios: how often rain cells form, how strong and wide they are, and where the wind takes them.
 * Shanghai's summer showers mostly arrive from the west and south-west and cross the city in hours.
 */
export interface CellKind {
  /** Share of new cells of this kind. */
  share: number;
  radiusKm: [number, number];
  peakMmH: [number, number];
}

export interface RainScenario {
  id: string;
  /** New cells per hour over the whole domain. */
  spawnPerHour: number;
  /** Cells already raining when the simulation starts, so a fresh start shows weather at once. */
  initialCells: number;
  /** Direction the wind comes from, degrees clockwise from north. */
  windFromDeg: number;
  windKmH: [number, number];
  lifeHours: [number, number];
  kinds: CellKind[];
}

export const RAIN_SCENARIOS = {
  /** Scattered convective showers with some wider light rain: the default demo weather. */
  showers: {
    id: 'showers',
    spawnPerHour: 3,
    initialCells: 8,
    windFromDeg: 250,
    windKmH: [25, 40],
    lifeHours: [1.5, 3.5],
    kinds: [
      { share: 0.65, radiusKm: [3, 8], peakMmH: [20, 75] },
      { share: 0.35, radiusKm: [8, 16], peakMmH: [1.5, 8] },
    ],
  },
  /**
   * A summer rainstorm: a train of strong convective cells crossing the city, the kind that floods
   * underpasses (cf. the brief's 43 mm/h peaks and "double yellow" thunder and wind warnings).
   */
  storm: {
    id: 'storm',
    spawnPerHour: 5,
    initialCells: 9,
    windFromDeg: 240,
    windKmH: [30, 50],
    lifeHours: [1.5, 3],
    kinds: [
      { share: 0.75, radiusKm: [4, 9], peakMmH: [40, 95] },
      { share: 0.25, radiusKm: [15, 25], peakMmH: [5, 15] },
    ],
  },
  /** Dry weather with the odd drizzle: the baseline for comparisons. */
  calm: {
    id: 'calm',
    spawnPerHour: 0.3,
    initialCells: 1,
    windFromDeg: 90,
    windKmH: [10, 20],
    lifeHours: [1, 2],
    kinds: [{ share: 1, radiusKm: [10, 20], peakMmH: [0.5, 2] }],
  },
} as const satisfies Record<string, RainScenario>;

export type RainScenarioId = keyof typeof RAIN_SCENARIOS;
export const RAIN_SCENARIO_IDS = Object.keys(RAIN_SCENARIOS) as RainScenarioId[];
