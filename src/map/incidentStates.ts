/** "INC-000001:new,INC-000002:dispatched": the open incidents the map draws, for tests and the bench to read (pure). */
import { OPEN_STATUSES, type Incident } from '@/protocol/cityEvents';

export function incidentStates(incidents: Iterable<Pick<Incident, 'id' | 'status'>>): string {
  const out: string[] = [];
  for (const i of incidents) if (OPEN_STATUSES.includes(i.status)) out.push(`${i.id}:${i.status}`);
  return out.join(',');
}
