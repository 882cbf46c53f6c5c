/**
 * The incident categories a citizen may report, as Open311 GeoReport v2 services (issue 16): one
 * service per category, its code the category's own name, grouped by the unit that handles it
 * (incidents/categories.ts). Categories only the city's sensors and staff see (pump and sensor
 * faults, river levels) are not offered. Attributes ask what the desk needs to know of a report. The
 * keywords end with the service's GB/T 30428.2 class and codes (事件 · 04 突发事件 / 0406 道路积水).
 */
import { caseClassText } from '../../src/protocol/caseClasses';
import type { IncidentCategory } from '../../src/protocol/cityEvents';
import { CATEGORY_SPECS } from '../incidents/categories';

/** One value of a list attribute, as the spec's `values`. */
export interface Open311AttributeValue {
  key: string;
  name: string;
}

/** A service attribute, as the spec's service definition lists it. */
export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: Open311AttributeValue[];
}

/** A service as `GET services` lists it. */
export interface Open311Service {
  service_code: IncidentCategory;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

interface CitizenService {
  name: string;
  description: string;
  keywords: string;
  attributes: Omit<Open311Attribute, 'variable' | 'order'>[];
}

const YES_NO_UNKNOWN: Open311AttributeValue[] = [
  { key: 'yes', name: '是 Yes' },
  { key: 'no', name: '否 No' },
  { key: 'unknown', name: '不清楚 Not sure' },
];

/** The categories offered to citizens, in the order a citizen app lists them. */
const CITIZEN_SERVICES: Partial<Record<IncidentCategory, CitizenService>> = {
  waterlogging: {
    name: '道路积水 Road waterlogging',
    description: 'Standing water on a road or pavement after rain.',
    keywords: '积水, waterlogging, flooding, rain, road',
    attributes: [{
      code: 'depth', datatype: 'singlevaluelist', required: false, datatype_description: null, description: '积水多深？ How deep is the water?',
      values: [{ key: 'ankle', name: '没过脚踝 Ankle deep' }, { key: 'knee', name: '没过膝盖 Knee deep' }, { key: 'deeper', name: '更深 Deeper' }],
    }],
  },
  underpassFlooding: {
    name: '下立交积水 Underpass flooding',
    description: 'Water in a road underpass: vehicles must not drive through.',
    keywords: '下立交, underpass, flooding, tunnel',
    attributes: [{ code: 'vehicles_stuck', datatype: 'singlevaluelist', required: true, datatype_description: null, description: '有车辆被困吗？ Are vehicles stuck in the water?', values: YES_NO_UNKNOWN }],
  },
  trafficAccident: {
    name: '交通事故 Traffic accident',
    description: 'A collision or a vehicle blocking the road. In an emergency call 110 or 120 first.',
    keywords: '交通事故, accident, collision, crash',
    attributes: [{ code: 'injured', datatype: 'singlevaluelist', required: true, datatype_description: null, description: '有人受伤吗？ Is anyone injured?', values: YES_NO_UNKNOWN }],
  },
  powerOutage: {
    name: '停电 Power outage',
    description: 'No electricity in a building or a street, or street lights out.',
    keywords: '停电, power, outage, electricity, lights',
    attributes: [],
  },
  elevatorEntrapment: {
    name: '电梯困人 Elevator entrapment',
    description: 'People trapped in a lift that has stopped.',
    keywords: '电梯, elevator, lift, trapped',
    attributes: [{ code: 'people', datatype: 'number', required: false, datatype_description: 'How many people, 1 to 50', description: '被困几人？ How many people are trapped?' }],
  },
  litter: {
    name: '暴露垃圾 Exposed litter',
    description: 'Rubbish left on a street, pavement or green space.',
    keywords: '垃圾, litter, rubbish, garbage',
    attributes: [],
  },
  muckDumping: {
    name: '渣土偷倒 Muck dumping',
    description: 'Construction waste or earth dumped where it should not be.',
    keywords: '渣土, muck, dumping, construction waste',
    attributes: [{ code: 'plate', datatype: 'string', required: false, datatype_description: 'The truck\'s licence plate, e.g. 沪A12345', description: '车牌号（如看到） Licence plate, if seen' }],
  },
};

/** Service codes in the order they are listed. */
export const OPEN311_SERVICE_CODES = Object.keys(CITIZEN_SERVICES) as IncidentCategory[];

function citizenService(code: string): CitizenService | undefined {
  return Object.hasOwn(CITIZEN_SERVICES, code) ? CITIZEN_SERVICES[code as IncidentCategory] : undefined;
}

/** Whether a citizen may report this service code. */
export function isOpen311ServiceCode(code: string): code is IncidentCategory {
  return citizenService(code) !== undefined;
}

/** The service list, as `GET services` answers. */
export function open311Services(): Open311Service[] {
  return OPEN311_SERVICE_CODES.map((code) => {
    const s = citizenService(code)!;
    return { service_code: code, service_name: s.name, description: s.description, metadata: s.attributes.length > 0, type: 'realtime', keywords: `${s.keywords}, ${caseClassText(code, false)}`, group: CATEGORY_SPECS[code].unit };
  });
}

/** A service's name (the category's own name for categories not offered to citizens). */
export function open311ServiceName(code: IncidentCategory): string {
  return citizenService(code)?.name ?? code;
}

/** A service's definition (`GET services/{code}`), null for a code not offered. */
export function open311ServiceDefinition(code: string): { service_code: string; attributes: Open311Attribute[] } | null {
  const s = citizenService(code);
  if (!s) return null;
  return { service_code: code, attributes: s.attributes.map((a, i) => ({ variable: true, ...a, order: i + 1 })) };
}
