// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { useAlarmSpotlight } from '@/alarms/useAlarmSpotlight';
import type { Alarm } from '@/protocol/cityEvents';
import { useCityEventsStore } from '@/stores/useCityEventsStore';
import { useMapViewStore } from '@/stores/useMapViewStore';

const alarm = (id: string, severity: Alarm['severity']) =>
  ({ id, severity, state: 'active', trigger: 'threshold', raisedAt: 0, lon: 121.5, lat: 31.2, assetKind: 'underpass', slot: 0 }) as Alarm;

describe('alarm spotlight', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('shows a new critical alarm, flies the map there, then returns to the whole city', async () => {
    const scope = effectScope();
    const spot = scope.run(() => useAlarmSpotlight())!;
    const events = useCityEventsStore();
    const mapView = useMapViewStore();
    events.apply([{ type: 'alarm', alarm: alarm('minor', 'major') }]);
    await nextTick();
    expect(spot.current.value).toBeNull();
    events.apply([{ type: 'alarm', alarm: alarm('a1', 'critical') }]);
    await nextTick();
    expect(spot.current.value?.id).toBe('a1');
    expect(mapView.focus).toMatchObject({ lon: 121.5, lat: 31.2 });
    // Taking the queue empties it without triggering itself again.
    expect(events.raised).toEqual([]);
    const overview = mapView.overview;
    vi.advanceTimersByTime(10_001);
    expect(spot.current.value).toBeNull();
    expect(mapView.overview).toBe(overview + 1);
    scope.stop();
  });
});

describe('alarm spotlight and acknowledgement', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('takes an alarm acknowledged on any screen off the popup at once, and skips a waiting one acknowledged meanwhile', async () => {
    const scope = effectScope();
    const spot = scope.run(() => useAlarmSpotlight())!;
    const events = useCityEventsStore();
    events.apply([{ type: 'alarm', alarm: { ...alarm('a1', 'critical'), acknowledged: false } }]);
    await nextTick();
    events.apply([
      { type: 'alarm', alarm: { ...alarm('a2', 'critical'), raisedAt: -1, acknowledged: false } },
      { type: 'alarm', alarm: { ...alarm('a3', 'critical'), raisedAt: -2, acknowledged: false } },
    ]);
    await nextTick();
    expect(spot.current.value?.id).toBe('a1');
    expect(spot.waiting.value).toBe(2);
    // Another screen acknowledges a2 (waiting) and then a1 (shown): the frame carries both.
    events.apply([{ type: 'alarm', alarm: { ...alarm('a2', 'critical'), raisedAt: -1, acknowledged: true } }]);
    await nextTick();
    expect(spot.current.value?.id).toBe('a1');
    events.apply([{ type: 'alarm', alarm: { ...alarm('a1', 'critical'), acknowledged: true } }]);
    await nextTick();
    expect(spot.current.value?.id).toBe('a3');
    expect(spot.waiting.value).toBe(0);
    // An alarm that arrives acknowledged (a screen that reconnects) is never spotlit.
    events.apply([{ type: 'alarm', alarm: { ...alarm('a4', 'critical'), acknowledged: true } }]);
    await nextTick();
    vi.advanceTimersByTime(10_001);
    expect(spot.current.value).toBeNull();
    scope.stop();
  });
});

describe('events store: raised alarms', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('counts an escalation to a worse severity as raised, an easing not', () => {
    const events = useCityEventsStore();
    events.apply([{ type: 'alarm', alarm: alarm('u1', 'warning') }]);
    expect(events.takeRaised().map((a) => a.severity)).toEqual(['warning']);
    events.apply([{ type: 'alarm', alarm: alarm('u1', 'critical') }]);
    expect(events.takeRaised().map((a) => a.severity)).toEqual(['critical']);
    events.apply([{ type: 'alarm', alarm: alarm('u1', 'warning') }]);
    expect(events.takeRaised()).toEqual([]);
  });
});
