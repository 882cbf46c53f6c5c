/**
 * The two classes of city-management case of GB/T 30428.2 (数字化城市管理信息系统 第2部分：管理部件和事件):
 * 部件 (components: the city's fixtures, a manhole cover, a lamp, a pump station) and 事件 (events:
 * what happens to the city's order and environment, litter, a flooded road, an accident), each in
 * a major category (大类, 2 digits) and a minor category (小类, the major's digits + 2).
 *
 * Every incident category of the product maps to one class and one minor category; an incident's
 * class is derived from its category (`caseClassOf`), never stored. The standard's own text was not
 * at hand: the major categories are its public description; minor codes are `public` where public
 * lists agree on them and `modelled` otherwise (docs/grid.md says which, and why). A category with
 * no minor in the public lists takes a local extension code from 90 up in its major, as cities'
 * extended lists (扩展部件/扩展事件) do.
 */
import type { IncidentCategory } from './cityEvents';

export const CASE_CLASSES = ['component', 'event'] as const;
/** 部件 (`component`) or 事件 (`event`). */
export type CaseClass = (typeof CASE_CLASSES)[number];

export interface CaseCategoryName {
  /** 2 digits for a major category, 4 (the major's + 2) for a minor one. */
  code: string;
  name: string;
  nameEn: string;
}

/** The class's own name, as the standard writes it and in English. */
export const CASE_CLASS_NAMES: Record<CaseClass, { name: string; nameEn: string }> = {
  component: { name: '部件', nameEn: 'Component' },
  event: { name: '事件', nameEn: 'Event' },
};

/** The major categories (大类) of each class, per GB/T 30428.2's public description. */
export const MAJOR_CATEGORIES: Record<CaseClass, readonly CaseCategoryName[]> = {
  component: [
    { code: '01', name: '公用设施', nameEn: 'Public utilities' },
    { code: '02', name: '道路交通', nameEn: 'Roads and traffic' },
    { code: '03', name: '市容环境', nameEn: 'City appearance' },
    { code: '04', name: '园林绿化', nameEn: 'Parks and greenery' },
    { code: '05', name: '房屋土地', nameEn: 'Buildings and land' },
    { code: '06', name: '其他设施', nameEn: 'Other facilities' },
  ],
  event: [
    { code: '01', name: '市容环境', nameEn: 'City appearance' },
    { code: '02', name: '宣传广告', nameEn: 'Publicity and advertising' },
    { code: '03', name: '施工管理', nameEn: 'Construction management' },
    { code: '04', name: '突发事件', nameEn: 'Emergencies' },
    { code: '05', name: '街面秩序', nameEn: 'Street order' },
    { code: '06', name: '其他事件', nameEn: 'Other events' },
  ],
};

export interface CaseClassOf {
  caseClass: CaseClass;
  major: CaseCategoryName;
  minor: CaseCategoryName;
  /** `public`: the minor code agrees across public lists; `modelled`: chosen here (docs/grid.md). */
  basis: 'public' | 'modelled';
}

type MinorSpec = { caseClass: CaseClass; minor: CaseCategoryName; basis: CaseClassOf['basis'] };

/** Each product category's minor category; its major is the minor code's first two digits. */
const MINOR_OF: Record<IncidentCategory, MinorSpec> = {
  // A flooded underpass is road ponding (道路积水), listed among the emergencies.
  underpassFlooding: { caseClass: 'event', minor: { code: '0406', name: '道路积水', nameEn: 'Road ponding' }, basis: 'modelled' },
  waterlogging: { caseClass: 'event', minor: { code: '0406', name: '道路积水', nameEn: 'Road ponding' }, basis: 'modelled' },
  highWater: { caseClass: 'event', minor: { code: '0490', name: '河道高水位', nameEn: 'High river water' }, basis: 'modelled' },
  trafficAccident: { caseClass: 'event', minor: { code: '0491', name: '交通事故', nameEn: 'Traffic accident' }, basis: 'modelled' },
  elevatorEntrapment: { caseClass: 'event', minor: { code: '0492', name: '电梯困人', nameEn: 'People trapped in a lift' }, basis: 'modelled' },
  litter: { caseClass: 'event', minor: { code: '0102', name: '暴露垃圾', nameEn: 'Exposed refuse' }, basis: 'public' },
  // Muck trucks tipping off their permitted site: unlicensed muck disposal, a construction matter.
  muckDumping: { caseClass: 'event', minor: { code: '0303', name: '无证消纳渣土', nameEn: 'Unlicensed muck disposal' }, basis: 'modelled' },
  pumpFault: { caseClass: 'component', minor: { code: '0190', name: '排水泵站', nameEn: 'Drainage pump station' }, basis: 'modelled' },
  // An outage is a fault of the power facilities (电力设施) in the street.
  powerOutage: { caseClass: 'component', minor: { code: '0116', name: '电力设施', nameEn: 'Power facilities' }, basis: 'modelled' },
  sensorFault: { caseClass: 'component', minor: { code: '0690', name: '监测传感器', nameEn: 'Monitoring sensor' }, basis: 'modelled' },
};

/** The class, major and minor category of an incident of this category. */
export function caseClassOf(category: IncidentCategory): CaseClassOf {
  const { caseClass, minor, basis } = MINOR_OF[category];
  const major = MAJOR_CATEGORIES[caseClass].find((m) => m.code === minor.code.slice(0, 2));
  if (!major) throw new Error(`${category}: minor ${minor.code} has no major category in ${caseClass}`);
  return { caseClass, major, minor, basis };
}

/** One line naming a case's class and categories: "事件 · 04 突发事件 / 0406 道路积水". */
export function caseClassText(category: IncidentCategory, english: boolean): string {
  const c = caseClassOf(category);
  const name = (n: { name: string; nameEn: string }) => (english ? n.nameEn : n.name);
  return `${name(CASE_CLASS_NAMES[c.caseClass])} · ${c.major.code} ${name(c.major)} / ${c.minor.code} ${name(c.minor)}`;
}
