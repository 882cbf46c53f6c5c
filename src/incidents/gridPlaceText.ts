/** How screens name an incident's place in the unit grid (GB/T 30428): its street, in the language shown. */
import type { IncidentGridPlace } from '@/protocol/cityEvents';

/** The street's name; the modelled names already carry their district's ("浦东新区镇05"). */
export function streetNameOf(place: IncidentGridPlace, english: boolean): string {
  return english ? place.streetNameEn : place.streetName;
}

/** Street and cell code, as the console's incident card shows them. */
export function gridPlaceText(place: IncidentGridPlace, english: boolean): string {
  return `${streetNameOf(place, english)} · ${place.cellCode}`;
}
