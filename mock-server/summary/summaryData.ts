/**
 * Loads what a day's summary needs from storage — the day's minutes, the seven days before, the
 * day's flood totals, closures, the incidents opened that day and their audit trails, the cases
 * created or acted on that day for the evaluation — and builds it. Answers null when the day has no
 * recorded minute (the route says 404).
 */
import { shanghaiDayStart, type DailySummary } from '../../src/protocol/summary';
import type { IndicatorSpec } from '../../src/protocol/vitals';
import type { CityAssets } from '../city/assets';
import type { HistoryStore } from '../storage/stores';
import { departmentOf } from './caseEvaluation';
import { buildDailySummary } from './dailySummary';

const DAY = 86_400_000;

export interface SummarySource {
  history: HistoryStore;
  assets: CityAssets;
  indicators: readonly IndicatorSpec[];
}

export async function loadDailySummary(source: SummarySource, date: string, now: number): Promise<DailySummary | null> {
  const from = shanghaiDayStart(date);
  if (from === null) throw new RangeError(`not a date: ${date}`);
  const to = from + DAY;
  const { history, assets, indicators } = source;
  const minutes = await history.minutes(from, to);
  if (!minutes.length) return null;
  const previousDays = [];
  for (let k = 1; k <= 7; k++) previousDays.push(await history.minutes(from - k * DAY, from - (k - 1) * DAY));
  const incidents = await history.incidentsCreated(from, to);
  const day = await history.casesOfDay(from, to);
  const teamTypes = assets.teams.map((t) => t.type);
  return buildDailySummary({
    date,
    from,
    to,
    now,
    indicators,
    minutes,
    previousDays,
    floodDay: await history.floodDay(date),
    closures: await history.closures(from, to),
    incidents,
    audit: await history.auditOfIncidentsCreated(from, to),
    cases: day.incidents.map((i) => ({ id: i.id, createdAt: i.createdAt, resolveDueAt: i.resolveDueAt, grid: i.grid, department: departmentOf(i, teamTypes) })),
    caseSteps: day.audit,
    districts: assets.districts,
    rainGauges: assets.rainGauges,
    waterGauges: assets.waterGauges,
    underpasses: assets.underpasses,
  });
}
