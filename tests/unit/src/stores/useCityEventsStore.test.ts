import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { alarm, closure, incident } from '../../../support/mapFixtures';

describe('city events store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('records which collection each change touched, so the map redraws only what changed', () => {
    const events = useCityEventsStore();
    events.replace({ alarms: [], incidents: [incident('i1', 2)], closures: [], warnings: [] });
    expect(events.changedAt).toEqual({ alarms: 1, incidents: 1, closures: 1, warnings: 1 });

    events.apply([{ type: 'alarm', alarm: alarm('pumpStation', 3, 'major') }]);
    expect(events.version).toBe(2);
    expect(events.changedAt).toMatchObject({ alarms: 2, incidents: 1, closures: 1 });

    events.apply([
      { type: 'incident', incident: { ...incident('i1', 2), status: 'dispatched' } },
      { type: 'closure', closure: closure('c1', [4, 5]) },
    ]);
    expect(events.version).toBe(3);
    expect(events.changedAt).toMatchObject({ alarms: 2, incidents: 3, closures: 3 });
    expect(events.incidents.get('i1')?.status).toBe('dispatched');

    // Nothing in a delta: no version, nothing changed.
    events.apply([]);
    expect(events.version).toBe(3);
  });
});
