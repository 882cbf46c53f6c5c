/**
 * Alarms, incidents, road closures and weather warnings as the client holds them: the active sets from the snapshot,
 * kept current by the changes in each delta. Small (hundreds), so plain Maps behind a version counter.
 */
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import { FINAL_STATUSES, SEVERITY_RANK, type Alarm, type CityEvent, type CityEventState, type Closure, type Incident } from '@/protocol/cityEvents';
import type { WeatherWarning } from '@/protocol/weatherWarnings';

export const useCityEventsStore = defineStore('cityEvents', () => {
  const alarms = shallowRef(markRaw(new Map<string, Alarm>()));
  const incidents = shallowRef(markRaw(new Map<string, Incident>()));
  const closures = shallowRef(markRaw(new Map<string, Closure>()));
  const warnings = shallowRef(markRaw(new Map<string, WeatherWarning>()));
  const version = ref(0);
  /**
   * The `version` at which each collection last changed (plain, not reactive): the map redraws its
   * incidents only when incidents change, not whenever an alarm somewhere is raised.
   */
  const changedAt = markRaw({ alarms: 0, incidents: 0, closures: 0, warnings: 0 });
  /**
   * Alarms raised or escalated since the last take, oldest first, for the spotlight (an underpass
   * alarm usually starts as a warning and escalates to critical when the road closes).
   */
  const raised = shallowRef<Alarm[]>([]);

  function replace(state: CityEventState) {
    alarms.value = markRaw(new Map(state.alarms.map((a) => [a.id, a])));
    incidents.value = markRaw(new Map(state.incidents.map((i) => [i.id, i])));
    closures.value = markRaw(new Map(state.closures.map((c) => [c.id, c])));
    warnings.value = markRaw(new Map(state.warnings.map((w) => [w.id, w])));
    version.value++;
    Object.assign(changedAt, { alarms: version.value, incidents: version.value, closures: version.value, warnings: version.value });
  }

  function apply(events: readonly CityEvent[]) {
    if (events.length === 0) return;
    const fresh: Alarm[] = [];
    const next = version.value + 1;
    for (const e of events) {
      changedAt[e.type === 'alarm' ? 'alarms' : e.type === 'incident' ? 'incidents' : e.type === 'closure' ? 'closures' : 'warnings'] = next;
      if (e.type === 'alarm') {
        const before = alarms.value.get(e.alarm.id);
        if (e.alarm.state === 'cleared') alarms.value.delete(e.alarm.id);
        else alarms.value.set(e.alarm.id, e.alarm);
        const worse = !before || SEVERITY_RANK[e.alarm.severity] < SEVERITY_RANK[before.severity];
        if (worse && e.alarm.state === 'active') fresh.push(e.alarm);
      } else if (e.type === 'incident') {
        if (FINAL_STATUSES.includes(e.incident.status)) incidents.value.delete(e.incident.id);
        else incidents.value.set(e.incident.id, e.incident);
      } else if (e.type === 'closure') {
        if (e.closure.state === 'lifted') closures.value.delete(e.closure.id);
        else closures.value.set(e.closure.id, e.closure);
      } else if (e.warning.state === 'cancelled' || e.warning.expiresAt <= e.warning.issuedAt) warnings.value.delete(e.warning.id);
      else warnings.value.set(e.warning.id, e.warning);
    }
    if (fresh.length) raised.value = [...raised.value, ...fresh];
    version.value = next;
  }

  /** Hands over the newly raised alarms and forgets them. */
  function takeRaised(): Alarm[] {
    const out = raised.value;
    if (out.length > 0) raised.value = [];
    return out;
  }

  return { alarms, incidents, closures, warnings, version, changedAt, raised, replace, apply, takeRaised };
});
