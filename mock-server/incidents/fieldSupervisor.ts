/**
 * The simulated city's field supervisors (监督员), who check a fix before its case closes, as in
 * GB/T 30428's case flow (核查, docs/grid.md): some minutes after a crew reports an incident
 * resolved, the supervisor of its grid goes to look and either passes it (`verify`) or sends it back
 * to the same crew (`rework`, 返工) saying what is still wrong. Pure: the verdict and its time come
 * from the rng the caller passes, so a seed gives the same checks.
 */
import type { Incident, IncidentCategory } from '../../src/protocol/cityEvents';
import type { Actor } from '../../src/protocol/workOrders';

const MIN = 60_000;

/** A supervisor reaches a resolved incident this many simulated minutes after the crew's report. */
export const CHECK_DELAY_MINUTES: [number, number] = [10, 30];
/** The share of checks that fail and send the work back. */
export const CHECK_FAILURE_SHARE = 0.08;
/** After this many reworks the crew's next report passes: the model bounds how long a case can loop. */
export const MAX_REWORKS = 2;

/** What a failed check finds, per category (Chinese, English): the note the crew goes back with. */
export const CHECK_FINDINGS: Record<IncidentCategory, [string, string]> = {
  underpassFlooding: ['积水未排净', 'standing water not fully drained'],
  waterlogging: ['积水未排净', 'standing water not fully drained'],
  highWater: ['防汛设施未复位', 'flood barriers not put back'],
  pumpFault: ['水泵试运行未通过', 'the pump failed its test run'],
  sensorFault: ['传感器仍未恢复上报', 'the sensor still does not report'],
  trafficAccident: ['路面未恢复', 'road surface not restored'],
  powerOutage: ['仍有用户未复电', 'some customers still without power'],
  elevatorEntrapment: ['电梯未经检验即恢复运行', 'the elevator was restarted without inspection'],
  litter: ['垃圾未清理干净', 'litter not fully cleared'],
  muckDumping: ['渣土未清运完毕', 'dumped muck not fully removed'],
};

/** A scheduled check: when the supervisor arrives, and whether the fix passes. */
export interface SupervisorCheck {
  at: number;
  passes: boolean;
}

/** The supervisor's visit to an incident resolved at `resolvedAt` (two draws from `rng`, in this order). */
export function scheduleCheck(incident: Pick<Incident, 'reworkCount'>, resolvedAt: number, rng: { range(min: number, max: number): number; next(): number }): SupervisorCheck {
  const at = resolvedAt + rng.range(CHECK_DELAY_MINUTES[0], CHECK_DELAY_MINUTES[1]) * MIN;
  const fails = rng.next() < CHECK_FAILURE_SHARE;
  return { at, passes: !fails || incident.reworkCount >= MAX_REWORKS };
}

/** The field supervisor of the incident's responsible grid (of its district, off the grid), as an audit actor. */
export function supervisorOf(incident: Pick<Incident, 'grid' | 'district'>): Actor {
  const beat = incident.grid ? incident.grid.gridCode : `D${String(incident.district).padStart(2, '0')}`;
  return { kind: 'system', name: `supervisor:${beat}`, role: 'supervisor' };
}

/** The action a check records, with its note: a pass, or a rework saying what failed. */
export function checkVerdict(incident: Pick<Incident, 'category'>, passes: boolean): { action: 'verify' | 'rework'; note: string } {
  if (passes) return { action: 'verify', note: '核查通过 (check passed)' };
  const [zh, en] = CHECK_FINDINGS[incident.category];
  return { action: 'rework', note: `核查未通过：${zh} (check failed: ${en})` };
}
