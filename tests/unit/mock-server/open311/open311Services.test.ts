import { describe, expect, it } from 'vitest';
import { CATEGORY_SPECS } from '../../../../mock-server/incidents/categories';
import { isOpen311ServiceCode, open311ServiceDefinition, open311Services } from '../../../../mock-server/open311/open311Services';

describe('open311Services', () => {
  it('offers the categories a citizen may report, grouped by their unit, metadata where they have attributes', () => {
    const services = open311Services();
    expect(services.map((s) => s.service_code)).not.toEqual(expect.arrayContaining(['pumpFault']));
    for (const s of services) {
      expect(s.group).toBe(CATEGORY_SPECS[s.service_code].unit);
      expect(s.metadata).toBe(open311ServiceDefinition(s.service_code)!.attributes.length > 0);
      expect(s.service_name).toMatch(/\p{Script=Han}.* [A-Z]/u);
      expect(s.keywords).toMatch(/, (事件|部件) · 0\d \p{Script=Han}+ \/ \d{4} \p{Script=Han}+$/u);
    }
    expect(services.find((s) => s.service_code === 'litter')!.keywords).toBe('垃圾, litter, rubbish, garbage, 事件 · 01 市容环境 / 0102 暴露垃圾');
  });

  it('knows only its own codes, not the object\'s inherited names', () => {
    expect(isOpen311ServiceCode('litter')).toBe(true);
    expect(isOpen311ServiceCode('sensorFault')).toBe(false);
    expect(isOpen311ServiceCode('toString')).toBe(false);
    expect(open311ServiceDefinition('constructor')).toBeNull();
  });

  it('numbers a definition\'s attributes in order, each variable', () => {
    expect(open311ServiceDefinition('underpassFlooding')!.attributes).toEqual([expect.objectContaining({ variable: true, code: 'vehicles_stuck', order: 1, required: true })]);
  });
});
