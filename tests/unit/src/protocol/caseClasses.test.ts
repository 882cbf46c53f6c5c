import { describe, expect, it } from 'vitest';
import { CASE_CLASS_NAMES, CASE_CLASSES, MAJOR_CATEGORIES, caseClassOf, caseClassText } from '@/protocol/caseClasses';
import { INCIDENT_CATEGORIES } from '@/protocol/cityEvents';

describe('GB/T 30428.2 case classes of the incident categories', () => {
  it('gives every category exactly one class, a major category of that class and a minor code under it', () => {
    for (const category of INCIDENT_CATEGORIES) {
      const c = caseClassOf(category);
      expect(CASE_CLASSES, category).toContain(c.caseClass);
      expect(MAJOR_CATEGORIES[c.caseClass], category).toContainEqual(c.major);
      expect(c.major.code, category).toMatch(/^0[1-6]$/);
      expect(c.minor.code, category).toMatch(/^\d{4}$/);
      expect(c.minor.code.slice(0, 2), category).toBe(c.major.code);
      expect(c.minor.name.length * c.minor.nameEn.length, category).toBeGreaterThan(0);
      expect(['public', 'modelled']).toContain(c.basis);
    }
  });

  it('lists the six major categories of each class with distinct codes 01–06', () => {
    for (const cls of CASE_CLASSES) expect(MAJOR_CATEGORIES[cls].map((m) => m.code)).toEqual(['01', '02', '03', '04', '05', '06']);
    expect(MAJOR_CATEGORIES.component.map((m) => m.name)).toEqual(['公用设施', '道路交通', '市容环境', '园林绿化', '房屋土地', '其他设施']);
    expect(MAJOR_CATEGORIES.event.map((m) => m.name)).toEqual(['市容环境', '宣传广告', '施工管理', '突发事件', '街面秩序', '其他事件']);
  });

  it('gives one minor category one name: categories sharing a code share its names', () => {
    const byCode = new Map<string, string>();
    for (const category of INCIDENT_CATEGORIES) {
      const c = caseClassOf(category);
      const key = `${c.caseClass}:${c.minor.code}`;
      const names = `${c.minor.name}|${c.minor.nameEn}`;
      expect(byCode.get(key) ?? names, category).toBe(names);
      byCode.set(key, names);
    }
  });

  it('classes fixtures as components and happenings as events', () => {
    expect(caseClassOf('pumpFault').caseClass).toBe('component');
    expect(caseClassOf('sensorFault').caseClass).toBe('component');
    expect(caseClassOf('litter')).toMatchObject({ caseClass: 'event', minor: { code: '0102', name: '暴露垃圾' }, basis: 'public' });
    expect(caseClassOf('waterlogging').major).toEqual({ code: '04', name: '突发事件', nameEn: 'Emergencies' });
  });

  it('writes one line in each language', () => {
    expect(caseClassText('waterlogging', false)).toBe('事件 · 04 突发事件 / 0406 道路积水');
    expect(caseClassText('waterlogging', true)).toBe('Event · 04 Emergencies / 0406 Road ponding');
    expect(caseClassText('pumpFault', false)).toBe(`${CASE_CLASS_NAMES.component.name} · 01 公用设施 / 0190 排水泵站`);
  });
});
