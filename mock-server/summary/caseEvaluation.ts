/**
 * Evaluation (综合评价, GB/T 30428) of one day's case handling, per street, per unit cell and per
 * handling department, from the cases and their audit steps (docs/grid.md, "Evaluation"). Pure: the
 * caller loads the day's cases — those created that day and those acted on that day — with all
 * their steps (summaryData.ts).
 */
import type { TeamType } from '../../src/protocol/assets';
import type { Incident, IncidentGridPlace } from '../../src/protocol/cityEvents';
import type { CaseEvaluation, Department, EvaluationFigures } from '../../src/protocol/caseEvaluation';

/** What the evaluation reads of an incident. */
export interface EvaluatedCase {
  id: string;
  createdAt: number;
  resolveDueAt: number;
  grid?: IncidentGridPlace | null;
  department: Department;
}

/**
 * The department that handled a case: the kind of our team on its work order, else the unit
 * responsible (an outside one, or ours while nothing was dispatched).
 */
export function departmentOf(incident: Pick<Incident, 'teamSlot' | 'unit'>, teamTypes: readonly TeamType[]): Department {
  return (incident.teamSlot === null ? undefined : teamTypes[incident.teamSlot]) ?? incident.unit;
}

/** What it reads of an audit entry; `from` is the status the action started from. */
export interface CaseStep {
  seq: number;
  incidentId: string;
  action: string;
  at: number;
  from: string | null;
}

export interface EvaluationInput {
  /** The day, [from, to), epoch ms. */
  from: number;
  to: number;
  /** The city's now: a day in progress is evaluated up to it. */
  now: number;
  cases: readonly EvaluatedCase[];
  steps: readonly CaseStep[];
}

/** One case's standing on the day. */
interface Standing {
  registered: boolean;
  due: boolean;
  onTime: boolean;
  handled: boolean;
  rework: boolean;
  closed: boolean;
}

/**
 * A passing check (核查): `verify`, or — on cases kept before the case flow had a check — a close
 * straight from resolved, which was the supervisor's acceptance then.
 */
const isPass = (s: CaseStep) => s.action === 'verify' || (s.action === 'close' && s.from === 'resolved');

function standingOf(c: EvaluatedCase, steps: readonly CaseStep[], { from, to, now }: EvaluationInput): Standing {
  // What happened by the day's end, or by now on the day in progress (an action at this very instant included).
  const happened = (t: number) => t < to && t <= now;
  const dayEnd = Math.min(to, now);
  const until = steps.filter((s) => happened(s.at));
  const today = until.filter((s) => s.at >= from);
  const registered = c.createdAt >= from && happened(c.createdAt);
  const closed = today.some((s) => s.action === 'close');
  const cancelled = until.some((s) => s.action === 'cancel');
  const due = registered && !cancelled && (c.resolveDueAt <= dayEnd || closed);
  let onTime = false;
  const passAt = until.findLastIndex(isPass);
  if (due && passAt >= 0) {
    // The fix the passing check accepted is the last resolve before it; reworked ones before it do not count.
    const resolve = until.slice(0, passAt).findLast((s) => s.action === 'resolve');
    onTime = resolve !== undefined && resolve.at <= c.resolveDueAt;
  }
  return { registered, due, onTime, handled: today.some(isPass), rework: today.some((s) => s.action === 'rework'), closed };
}

/** Tallies standings; the rates' numerators are the due cases closed and the checked cases sent back. */
class Tally {
  registered = 0;
  due = 0;
  onTime = 0;
  handled = 0;
  rework = 0;
  closed = 0;
  private dueClosed = 0;
  private checked = 0;

  add(s: Standing): void {
    this.registered += +s.registered;
    this.due += +s.due;
    this.onTime += +s.onTime;
    this.handled += +s.handled;
    this.rework += +s.rework;
    this.closed += +s.closed;
    this.dueClosed += +(s.due && s.closed);
    this.checked += +(s.handled || s.rework);
  }

  figures(): EvaluationFigures {
    const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
    const { registered, due, onTime, handled, rework, closed } = this;
    return {
      registered,
      due,
      onTime,
      handled,
      rework,
      closed,
      onTimeRate: ratio(onTime, due),
      closureRate: ratio(this.dueClosed, due),
      reworkRate: ratio(rework, this.checked),
    };
  }
}

const tallyIn = <K>(map: Map<K, Tally>, key: K): Tally => {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Tally()));
  return t;
};

/** Worst on-time rate first, no rate (nothing due) last; then the most registered, then the key. */
function worstFirst<T extends EvaluationFigures>(key: (x: T) => string) {
  return (a: T, b: T) => (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) || b.registered - a.registered || key(a).localeCompare(key(b));
}

/** The day's evaluation: the city, each street and cell with cases, each department with cases. */
export function evaluateCases(input: EvaluationInput): CaseEvaluation {
  const stepsOf = new Map<string, CaseStep[]>();
  for (const s of [...input.steps].sort((a, b) => a.at - b.at || a.seq - b.seq)) {
    const list = stepsOf.get(s.incidentId);
    if (list) list.push(s);
    else stepsOf.set(s.incidentId, [s]);
  }
  const city = new Tally();
  const streets = new Map<string, Tally>();
  const cells = new Map<string, Tally>();
  const departments = new Map<Department, Tally>();
  const places = new Map<string, IncidentGridPlace>();
  for (const c of input.cases) {
    const s = standingOf(c, stepsOf.get(c.id) ?? [], input);
    if (!Object.values(s).some(Boolean)) continue;
    city.add(s);
    tallyIn(departments, c.department).add(s);
    if (!c.grid) continue;
    tallyIn(streets, c.grid.streetCode).add(s);
    tallyIn(cells, c.grid.cellCode).add(s);
    places.set(c.grid.cellCode, c.grid);
    places.set(c.grid.streetCode, c.grid);
  }
  return {
    city: city.figures(),
    streets: [...streets]
      .map(([streetCode, t]) => ({ streetCode, name: places.get(streetCode)!.streetName, nameEn: places.get(streetCode)!.streetNameEn, ...t.figures() }))
      .sort(worstFirst((x) => x.streetCode)),
    cells: [...cells]
      .map(([cellCode, t]) => {
        const p = places.get(cellCode)!;
        return { cellCode, streetCode: p.streetCode, streetName: p.streetName, streetNameEn: p.streetNameEn, ...t.figures() };
      })
      .sort((a, b) => b.registered - a.registered || b.due - a.due || a.cellCode.localeCompare(b.cellCode)),
    departments: [...departments].map(([department, t]) => ({ department, ...t.figures() })).sort(worstFirst((x) => x.department)),
  };
}
