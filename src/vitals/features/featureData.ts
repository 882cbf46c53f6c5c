/** Counts behind the panels' headline charts, from the same live state the map draws (pure). */
import { PUMP_STATES, type PumpState } from '@/protocol/assets';
import { INCIDENT_STATUSES, type Incident, type IncidentStatus } from '@/protocol/cityEvents';
import { RAIN_BANDS, rainBandOf, type RainBand } from '@/domain/rainBands';

/** Open incidents per status along the closed loop 发现 → 派单 → 处置 → 结案 (closed ones have left the set). */
export function incidentsByStatus(incidents: Iterable<Incident>): Record<IncidentStatus, number> {
  const out = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
  for (const i of incidents) out[i.status]++;
  return out;
}

/** Rain gauges per intensity band; gauges that are not reporting are left out. */
export function gaugesByRainBand(rain: ArrayLike<number>): Record<RainBand['id'], number> {
  const out = Object.fromEntries(RAIN_BANDS.map((b) => [b.id, 0])) as Record<RainBand['id'], number>;
  for (let i = 0; i < rain.length; i++) if (Number.isFinite(rain[i])) out[rainBandOf(rain[i]).id]++;
  return out;
}

/** Pump stations per state, from the `pump.state` channel (an index into PUMP_STATES). */
export function pumpsByState(states: ArrayLike<number>): Record<PumpState, number> {
  const out = Object.fromEntries(PUMP_STATES.map((s) => [s, 0])) as Record<PumpState, number>;
  for (let i = 0; i < states.length; i++) {
    const s = PUMP_STATES[states[i]];
    if (s) out[s]++;
  }
  return out;
}
