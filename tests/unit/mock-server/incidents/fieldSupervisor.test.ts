import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES } from '@/protocol/cityEvents';
import { CHECK_DELAY_MINUTES, CHECK_FAILURE_SHARE, CHECK_FINDINGS, checkVerdict, MAX_REWORKS, scheduleCheck, supervisorOf } from '../../../../mock-server/incidents/fieldSupervisor';
import { createRng } from '../../../../mock-server/simulator/rng';

const MIN = 60_000;

describe('the field supervisor’s check (核查)', () => {
  it('comes 10–30 simulated minutes after the report, and fails about one check in twelve, the same for a seed', () => {
    const rng = createRng(7);
    const checks = Array.from({ length: 10_000 }, () => scheduleCheck({ reworkCount: 0 }, 1_000 * MIN, rng));
    expect(CHECK_DELAY_MINUTES).toEqual([10, 30]);
    for (const c of checks) {
      expect(c.at).toBeGreaterThanOrEqual(1_010 * MIN);
      expect(c.at).toBeLessThan(1_030 * MIN);
    }
    const failed = checks.filter((c) => !c.passes).length / checks.length;
    expect(CHECK_FAILURE_SHARE).toBe(0.08);
    expect(failed).toBeGreaterThan(0.06);
    expect(failed).toBeLessThan(0.1);
    const again = createRng(7);
    expect(Array.from({ length: 100 }, () => scheduleCheck({ reworkCount: 0 }, 1_000 * MIN, again))).toEqual(checks.slice(0, 100));
  });

  it('passes a crew’s report after the second rework, so a case cannot loop for ever', () => {
    const failing = { range: (min: number) => min, next: () => 0 };
    expect(scheduleCheck({ reworkCount: 0 }, 0, failing)).toEqual({ at: 10 * MIN, passes: false });
    expect(scheduleCheck({ reworkCount: MAX_REWORKS - 1 }, 0, failing).passes).toBe(false);
    expect(scheduleCheck({ reworkCount: MAX_REWORKS }, 0, failing).passes).toBe(true);
  });

  it('is signed by the supervisor of the responsible grid, or of the district off the grid', () => {
    const grid = { cellCode: '3101010010010001', gridCode: '310101001001', streetCode: '310101001', streetName: '南京东路街道', streetNameEn: 'Nanjing East Road' };
    expect(supervisorOf({ grid, district: 0 })).toEqual({ kind: 'system', name: 'supervisor:310101001001', role: 'supervisor' });
    expect(supervisorOf({ grid: null, district: 3 }).name).toBe('supervisor:D03');
    expect(supervisorOf({ district: 12 }).name).toBe('supervisor:D12');
  });

  it('passes with a verify, or sends the work back saying what failed, per category', () => {
    expect(checkVerdict({ category: 'waterlogging' }, true)).toEqual({ action: 'verify', note: '核查通过 (check passed)' });
    expect(checkVerdict({ category: 'waterlogging' }, false)).toEqual({ action: 'rework', note: '核查未通过：积水未排净 (check failed: standing water not fully drained)' });
    expect(checkVerdict({ category: 'trafficAccident' }, false).note).toContain('路面未恢复');
    for (const category of INCIDENT_CATEGORIES) {
      const [zh, en] = CHECK_FINDINGS[category];
      expect(zh.length, category).toBeGreaterThan(0);
      expect(checkVerdict({ category }, false).note).toContain(en);
    }
  });
});
