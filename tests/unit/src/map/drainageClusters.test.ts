import { describe, expect, it } from 'vitest';
import { alarmColumns, drainageAlarmKey, DrainageClusterer, NO_ALARM, rollUpAlarms, severityOfRank } from '@/map/drainageClusters';
import { SEVERITY_RANK } from '@/protocol/cityEvents';
import { alarm } from '../../../support/mapFixtures';

describe('cluster alarms', () => {
  it('names severity ranks, and "no alarm" as none', () => {
    expect(severityOfRank(SEVERITY_RANK.critical)).toBe('critical');
    expect(severityOfRank(NO_ALARM)).toBeNull();
  });

  it('turns active drainage alarms into per-slot columns and ignores the rest', () => {
    const cleared = { ...alarm('pumpStation', 1, 'critical', 'x'), state: 'cleared' as const };
    const cols = alarmColumns({ pumpStation: 3, underpass: 2, waterloggingPoint: 1 }, [
      alarm('pumpStation', 1, 'major'),
      alarm('pumpStation', 1, 'warning'),
      alarm('underpass', 0, 'critical'),
      alarm('rainGauge', 0, 'critical'),
      alarm('pumpStation', 99, 'critical'),
      cleared,
    ]);
    expect(Array.from(cols.worst.pumpStation)).toEqual([NO_ALARM, SEVERITY_RANK.major, NO_ALARM]);
    expect(Array.from(cols.count.pumpStation)).toEqual([0, 2, 0]);
    expect(Array.from(cols.worst.underpass)).toEqual([SEVERITY_RANK.critical, NO_ALARM]);
  });

  it('keys the alarm set so the index is rebuilt only when it changes', () => {
    const a = [alarm('pumpStation', 1, 'major'), alarm('underpass', 0, 'critical')];
    expect(drainageAlarmKey(a)).toBe(drainageAlarmKey([...a].reverse()));
    expect(drainageAlarmKey(a)).not.toBe(drainageAlarmKey([alarm('pumpStation', 1, 'critical'), a[1]]));
    expect(drainageAlarmKey([alarm('rainGauge', 0, 'major')])).toBe('');
  });
});

describe('drainage clusterer', () => {
  // Ten pumps and two underpasses within ~1 km, one waterlogging point 30 km away.
  const pumps = new Float32Array(20).map((_, i) => (i % 2 === 0 ? 121.47 + 0.001 * i : 31.23 + 0.0005 * i));
  const positions = {
    pumpStation: pumps,
    underpass: Float32Array.from([121.471, 31.231, 121.472, 31.232]),
    waterloggingPoint: Float32Array.from([121.8, 31.0]),
  };
  const counts = { pumpStation: 10, underpass: 2, waterloggingPoint: 1 };

  const all = new Set(['pumpStation', 'underpass', 'waterloggingPoint'] as const);

  it('shows crowded points as one cluster carrying their worst alarm and alarm count', () => {
    const c = new DrainageClusterer(positions, 60);
    c.load(all);
    const layout = c.clustersAt(9);
    const { bubbles, shown } = rollUpAlarms(layout, alarmColumns(counts, [alarm('pumpStation', 3, 'minor'), alarm('underpass', 1, 'critical'), alarm('underpass', 1, 'warning', 'u1b')]));
    expect(bubbles).toHaveLength(1);
    expect(bubbles[0]).toMatchObject({ count: 12, worst: SEVERITY_RANK.critical, alarms: 3 });
    // The lone point far away is drawn as itself; the clustered ones are not.
    expect(Array.from(shown.waterloggingPoint)).toEqual([1]);
    expect(Array.from(shown.pumpStation).every((v) => v === 0)).toBe(true);
    expect(c.expansionZoom(bubbles[0].id)).toBeGreaterThan(9);
  });

  it('records which cluster each point is in, and rolls a new alarm set up without a new layout', () => {
    const c = new DrainageClusterer(positions, 60);
    c.load(all);
    const layout = c.clustersAt(9);
    expect(Array.from(layout.memberOf.pumpStation)).toEqual(new Array(10).fill(0));
    expect(Array.from(layout.memberOf.underpass)).toEqual([0, 0]);
    expect(Array.from(layout.memberOf.waterloggingPoint)).toEqual([-1]);
    const calm = rollUpAlarms(layout, alarmColumns(counts, []));
    expect(calm.bubbles[0]).toMatchObject({ count: 12, worst: NO_ALARM, alarms: 0 });
    // An alarm on the lone point is on no cluster.
    const alarmed = rollUpAlarms(layout, alarmColumns(counts, [alarm('pumpStation', 0, 'major'), alarm('waterloggingPoint', 0, 'critical')]));
    expect(alarmed.bubbles[0]).toMatchObject({ count: 12, worst: SEVERITY_RANK.major, alarms: 1 });
    // The layout is not changed by a roll-up.
    expect(layout.bubbles[0]).toMatchObject({ worst: NO_ALARM, alarms: 0 });
  });

  it('draws alarmed clusters after calm ones, the worst last', () => {
    // Two groups 30 km apart: one cluster each.
    const twoGroups = {
      pumpStation: Float32Array.from([121.47, 31.23, 121.471, 31.231, 121.8, 31.0, 121.801, 31.001]),
      underpass: new Float32Array(0),
      waterloggingPoint: new Float32Array(0),
    };
    const c = new DrainageClusterer(twoGroups, 60);
    c.load(new Set(['pumpStation']));
    const layout = c.clustersAt(9);
    expect(layout.bubbles).toHaveLength(2);
    const n = { pumpStation: 4, underpass: 0, waterloggingPoint: 0 };
    for (const slot of [0, 2]) {
      const { bubbles } = rollUpAlarms(layout, alarmColumns(n, [alarm('pumpStation', slot, 'critical')]));
      expect(bubbles.map((b) => b.worst)).toEqual([NO_ALARM, SEVERITY_RANK.critical]);
      expect(bubbles[1].lon).toBeCloseTo(slot === 0 ? 121.4705 : 121.8005, 2);
    }
  });

  it('clusters only the kinds switched on', () => {
    const c = new DrainageClusterer(positions, 60);
    c.load(new Set(['underpass']));
    const { bubbles, shown } = rollUpAlarms(c.clustersAt(9), alarmColumns(counts, []));
    expect(bubbles).toEqual([expect.objectContaining({ count: 2, worst: NO_ALARM, alarms: 0 })]);
    expect(Array.from(shown.pumpStation).every((v) => v === 0)).toBe(true);
  });

  it('falls apart into single points at high zoom', () => {
    const c = new DrainageClusterer(positions, 60);
    c.load(all);
    const { bubbles, shown } = c.clustersAt(22);
    expect(bubbles).toHaveLength(0);
    expect(Array.from(shown.pumpStation).every((v) => v === 1)).toBe(true);
  });
});
