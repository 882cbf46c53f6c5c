/**
 * The static kinds' and the muck trucks' texts (src/protocol/kindSpecs.ts): one entry per kind and language, spread by
 * `kindMessageTree` into the paths the screens already read — the kind's name (`detail.kinds.<kind>`),
 * its switch (`layers.<layer>`), its legend heading (`legend.<section>`) and its detail-card fields
 * and codes (`detail.fields.<kind>.<field>`, `detail.codes.<kind>.<field>.<code>`).
 */
import { STATIC_KINDS, type AssetKind } from '@/protocol/assetKinds';
import { KIND_SPECS } from '@/protocol/kindSpecs';

export interface KindMessages {
  name: string;
  /** The legend's heading (says when the kind shows only zoomed in). */
  legend: string;
  fields: Record<string, string>;
  codes?: Record<string, Record<string, string>>;
  /** Units of the fields, where a word (people). */
  units?: Record<string, string>;
  /** Words of its state channel's codes (`detail.states.<state>`), where the shared ones lack them. */
  states?: Record<string, string>;
  /** Its live channels' names (`detail.channels.<channel_key>`). */
  channels?: Record<string, string>;
  /** Further legend entries of its section (`legend.<key>`). */
  legendItems?: Record<string, string>;
}

/** The kinds whose texts are declared here: the static kinds and the muck trucks (issue 15). */
export const MESSAGE_KINDS = [...STATIC_KINDS, 'muckTruck'] as const satisfies readonly AssetKind[];
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type MessageTree = { [key: string]: string | MessageTree };

export const KIND_MESSAGES: Record<'zh-CN' | 'en', Record<MessageKind, KindMessages>> = {
  'zh-CN': {
    muckTruck: {
      name: '渣土车',
      legend: '渣土车',
      fields: { site: '来源工地', disposal: '消纳场' },
      states: { loading: '装载', hauling: '运输中', unloading: '卸载', returning: '返程' },
      channels: { truck_state: '车辆状态' },
      legendItems: { truckAlarm: '偏离路线 / 违规倾倒', truckTrack: '近期轨迹', truckRoute: '核准路线（选中车辆）' },
    },
    healthSite: {
      name: '卫生服务点',
      legend: '公共卫生（放大可见）',
      fields: { category: '类别' },
      codes: { category: { communityCentre: '社区卫生服务中心', feverClinic: '发热门诊', feverSentinel: '发热哨点诊室' } },
    },
    evacuationPoint: { name: '应急疏散点', legend: '应急疏散点（放大可见）', fields: { capacity: '可容纳' }, units: { capacity: '人' } },
    videoPoint: { name: '视频监控点', legend: '视频监控（放大可见）', fields: { streamUrl: '视频流' } },
    residentialCompound: { name: '居民小区', legend: '居民小区（街道级可见）', fields: { households: '户数' }, units: { households: '户' } },
  },
  en: {
    muckTruck: {
      name: 'Muck truck',
      legend: 'Muck trucks',
      fields: { site: 'Loaded at site', disposal: 'Disposal site' },
      states: { loading: 'Loading', hauling: 'Hauling', unloading: 'Unloading', returning: 'Returning' },
      channels: { truck_state: 'Truck state' },
      legendItems: { truckAlarm: 'Off route / illegal dump', truckTrack: 'Recent track', truckRoute: 'Permitted route (selected truck)' },
    },
    healthSite: {
      name: 'Health site',
      legend: 'Public health (zoom in)',
      fields: { category: 'Category' },
      codes: { category: { communityCentre: 'community health centre', feverClinic: 'fever clinic', feverSentinel: 'fever sentinel clinic' } },
    },
    evacuationPoint: { name: 'Evacuation point', legend: 'Evacuation points (zoom in)', fields: { capacity: 'Capacity' }, units: { capacity: 'people' } },
    videoPoint: { name: 'Video point', legend: 'Video points (zoom in)', fields: { streamUrl: 'Stream' } },
    residentialCompound: { name: 'Residential compound', legend: 'Residential compounds (street zoom)', fields: { households: 'Households' }, units: { households: 'households' } },
  },
};

/** One language's static-kind texts at the paths the screens read. */
export function kindMessageTree(locale: 'zh-CN' | 'en'): MessageTree {
  const detail = { kinds: {} as MessageTree, fields: {} as MessageTree, codes: {} as MessageTree, units: {} as MessageTree, states: {} as MessageTree, channels: {} as MessageTree };
  const layers: MessageTree = {};
  const legend: MessageTree = {};
  for (const kind of MESSAGE_KINDS) {
    const m = KIND_MESSAGES[locale][kind];
    const spec = KIND_SPECS[kind];
    detail.kinds[kind] = m.name;
    detail.fields[kind] = m.fields;
    detail.codes[kind] = m.codes ?? {};
    detail.units[kind] = m.units ?? {};
    Object.assign(detail.states, m.states);
    Object.assign(detail.channels, m.channels);
    Object.assign(legend, m.legendItems);
    layers[spec.layer!] = m.name;
    legend[spec.legend!] = m.legend;
  }
  return { detail, layers, legend };
}

/** `base` with `extra` merged in, objects key by key (the message modules each hold part of `detail`, `legend`…). */
export function mergeMessages<T extends object>(base: T, extra: MessageTree): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) {
    const mine = out[key];
    out[key] = typeof value === 'object' && typeof mine === 'object' && mine !== null ? mergeMessages(mine, value) : value;
  }
  return out as T;
}
