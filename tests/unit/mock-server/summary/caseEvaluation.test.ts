/**
 * The evaluation figures against a scripted day with known answers: two streets, three cells, a case
 * sent back once, one late, one still open (sent back) at the day's end, one cancelled, one carried
 * over from the day before, one off the grid, one due only tomorrow.
 */
import { describe, expect, it } from 'vitest';
import { departmentOf, evaluateCases, type CaseStep, type EvaluatedCase } from '../../../../mock-server/summary/caseEvaluation';
import type { IncidentGridPlace } from '../../../../src/protocol/cityEvents';

const FROM = Date.parse('2026-07-15T00:00:00+08:00');
const TO = FROM + 86_400_000;
const at = (hhmm: string, day = '2026-07-15') => Date.parse(`${day}T${hhmm}:00+08:00`);
const yesterday = (hhmm: string) => at(hhmm, '2026-07-14');

const place = (street: string, serial: string, name: string, nameEn: string): IncidentGridPlace => ({
  cellCode: `${street}001${serial}`,
  gridCode: `${street}001`,
  streetCode: street,
  streetName: name,
  streetNameEn: nameEn,
});
const C1A = place('310101001', '0001', '黄浦区街道01', 'Huangpu street 01');
const C1B = place('310101001', '0002', '黄浦区街道01', 'Huangpu street 01');
const C2 = place('310101002', '0001', '黄浦区街道02', 'Huangpu street 02');

const cases: EvaluatedCase[] = [];
const steps: CaseStep[] = [];
let seq = 0;
function scripted(id: string, c: Omit<EvaluatedCase, 'id' | 'createdAt'>, trail: [action: string, at: number, from: string | null][]) {
  cases.push({ id, createdAt: trail[0][1], ...c });
  for (const [action, t, from] of trail) steps.push({ seq: ++seq, incidentId: id, action, at: t, from });
}

// A: on time, checked and closed.
scripted('A', { resolveDueAt: at('10:00'), grid: C1A, department: 'floodTeam' }, [
  ['create', at('08:00'), null], ['dispatch', at('08:05'), 'new'], ['accept', at('08:07'), 'dispatched'], ['arrive', at('08:30'), 'accepted'],
  ['resolve', at('09:00'), 'onSite'], ['verify', at('09:10'), 'resolved'], ['close', at('09:15'), 'verified'],
]);
// B: sent back once; the fix the check accepted (10:50) came before the deadline (11:00).
scripted('B', { resolveDueAt: at('11:00'), grid: C1A, department: 'pumpTruck' }, [
  ['create', at('09:00'), null], ['dispatch', at('09:02'), 'new'], ['resolve', at('10:00'), 'onSite'], ['rework', at('10:10'), 'resolved'],
  ['resolve', at('10:50'), 'onSite'], ['verify', at('11:05'), 'resolved'], ['close', at('11:10'), 'verified'],
]);
// C: late — fixed after its deadline.
scripted('C', { resolveDueAt: at('13:00'), grid: C1B, department: 'trafficPolice' }, [
  ['create', at('12:00'), null], ['dispatch', at('12:03'), 'new'], ['resolve', at('13:30'), 'onSite'], ['verify', at('13:40'), 'resolved'], ['close', at('13:45'), 'verified'],
]);
// D: due at 23:00, fixed late, sent back, still open at the day's end.
scripted('D', { resolveDueAt: at('23:00'), grid: C2, department: 'floodTeam' }, [
  ['create', at('22:00'), null], ['dispatch', at('22:05'), 'new'], ['resolve', at('23:30'), 'onSite'], ['rework', at('23:40'), 'resolved'],
]);
// E: cancelled before its deadline.
scripted('E', { resolveDueAt: at('16:00'), grid: C2, department: 'housing' }, [['create', at('14:00'), null], ['cancel', at('14:30'), 'new']]);
// F: registered yesterday, checked and closed today.
scripted('F', { resolveDueAt: yesterday('22:00'), grid: C2, department: 'repairCrew' }, [
  ['create', yesterday('20:00'), null], ['resolve', yesterday('21:30'), 'onSite'], ['verify', at('00:30'), 'resolved'], ['close', at('00:40'), 'verified'],
]);
// G: off the grid (on water): the city and its department count it, no street or cell.
scripted('G', { resolveDueAt: at('17:00'), grid: null, department: 'powerCompany' }, [
  ['create', at('15:00'), null], ['resolve', at('16:00'), 'onSite'], ['verify', at('16:10'), 'resolved'], ['close', at('16:20'), 'verified'],
]);
// H: due only tomorrow, untouched.
scripted('H', { resolveDueAt: at('04:00', '2026-07-16'), grid: C1B, department: 'waterAuthority' }, [['create', at('20:00'), null]]);

const figures = (registered: number, due: number, onTime: number, handled: number, rework: number, closed: number, onTimeRate: number | null, closureRate: number | null, reworkRate: number | null) =>
  ({ registered, due, onTime, handled, rework, closed, onTimeRate, closureRate, reworkRate });

describe('evaluateCases on a scripted day', () => {
  const day = evaluateCases({ from: FROM, to: TO, now: TO + 3_600_000, cases, steps: [...steps].reverse() });

  it('counts the city: registered, due, on time, handled, sent back, closed, and the rates', () => {
    // registered A B C D E G H; due A B C D G; on time A B G; handled A B C F G; sent back B D; closed A B C F G;
    // closed among due A B C G; checked (passed or sent back) A B C D F G.
    expect(day.city).toEqual(figures(7, 5, 3, 5, 2, 5, 3 / 5, 4 / 5, 2 / 6));
  });

  it('ranks the streets worst on-time rate first', () => {
    expect(day.streets).toEqual([
      { streetCode: '310101002', name: '黄浦区街道02', nameEn: 'Huangpu street 02', ...figures(2, 1, 0, 1, 1, 1, 0, 0, 1 / 2) },
      { streetCode: '310101001', name: '黄浦区街道01', nameEn: 'Huangpu street 01', ...figures(4, 3, 2, 3, 1, 3, 2 / 3, 1, 1 / 3) },
    ]);
  });

  it('lists the cells with cases, busiest first', () => {
    expect(day.cells).toEqual([
      { cellCode: C1A.cellCode, streetCode: '310101001', streetName: '黄浦区街道01', streetNameEn: 'Huangpu street 01', ...figures(2, 2, 2, 2, 1, 2, 1, 1, 1 / 2) },
      { cellCode: C1B.cellCode, streetCode: '310101001', streetName: '黄浦区街道01', streetNameEn: 'Huangpu street 01', ...figures(2, 1, 0, 1, 0, 1, 0, 1, 0) },
      { cellCode: C2.cellCode, streetCode: '310101002', streetName: '黄浦区街道02', streetNameEn: 'Huangpu street 02', ...figures(2, 1, 0, 1, 1, 1, 0, 0, 1 / 2) },
    ]);
  });

  it('evaluates each handling department, worst first, those with nothing due last', () => {
    expect(day.departments).toEqual([
      { department: 'trafficPolice', ...figures(1, 1, 0, 1, 0, 1, 0, 1, 0) },
      { department: 'floodTeam', ...figures(2, 2, 1, 1, 1, 1, 1 / 2, 1 / 2, 1 / 2) },
      { department: 'powerCompany', ...figures(1, 1, 1, 1, 0, 1, 1, 1, 0) },
      { department: 'pumpTruck', ...figures(1, 1, 1, 1, 1, 1, 1, 1, 1) },
      { department: 'housing', ...figures(1, 0, 0, 0, 0, 0, null, null, null) },
      { department: 'waterAuthority', ...figures(1, 0, 0, 0, 0, 0, null, null, null) },
      { department: 'repairCrew', ...figures(0, 0, 0, 1, 0, 1, null, null, 0) },
    ]);
  });

  it('evaluates a day in progress up to the city’s now', () => {
    // At 13:35: C is due (13:00) and fixed (13:30) but not yet checked; nothing after now counts.
    const noon = evaluateCases({ from: FROM, to: TO, now: at('13:35'), cases, steps });
    expect(noon.city).toEqual(figures(3, 3, 2, 3, 1, 3, 2 / 3, 2 / 3, 1 / 3));
  });

  it('counts an action taken at the very instant the day in progress is read', () => {
    const atC = evaluateCases({ from: FROM, to: TO, now: at('13:45'), cases, steps });
    // C's close (13:45) counts; the city's closed: A, B, C and F.
    expect(atC.city.closed).toBe(4);
    expect(evaluateCases({ from: FROM, to: TO, now: at('12:00'), cases, steps }).city.registered).toBe(3);
  });

  it('takes a close straight from resolved, on cases kept before the check existed, as the passing check', () => {
    const legacy = evaluateCases({
      from: FROM,
      to: TO,
      now: TO,
      cases: [{ id: 'L', createdAt: at('06:00'), resolveDueAt: at('07:00'), grid: C1A, department: 'waterAuthority' }],
      steps: [
        { seq: 1, incidentId: 'L', action: 'create', at: at('06:00'), from: null },
        { seq: 2, incidentId: 'L', action: 'resolve', at: at('06:50'), from: 'onSite' },
        { seq: 3, incidentId: 'L', action: 'close', at: at('06:55'), from: 'resolved' },
      ],
    });
    expect(legacy.city).toEqual(figures(1, 1, 1, 1, 0, 1, 1, 1, 0));
  });

  it('is empty on a day without cases', () => {
    expect(evaluateCases({ from: FROM, to: TO, now: TO, cases: [], steps: [] })).toEqual({ city: figures(0, 0, 0, 0, 0, 0, null, null, null), streets: [], cells: [], departments: [] });
  });
});

describe('departmentOf', () => {
  it('is the kind of our team on the work order, else the unit responsible', () => {
    const types = ['floodTeam', 'pumpTruck', 'repairCrew'] as const;
    expect(departmentOf({ teamSlot: 1, unit: 'waterAuthority' }, types)).toBe('pumpTruck');
    expect(departmentOf({ teamSlot: null, unit: 'waterAuthority' }, types)).toBe('waterAuthority');
    expect(departmentOf({ teamSlot: null, unit: 'trafficPolice' }, types)).toBe('trafficPolice');
  });
});
