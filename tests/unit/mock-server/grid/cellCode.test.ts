import { describe, expect, it } from 'vitest';
import { formatCellCode, parseCellCode } from '../../../../mock-server/grid/cellCode';

describe('the unit cell code (GB/T 30428.1 layout: 6 + 3 + 3 + 4 digits)', () => {
  it('round-trips its parts', () => {
    const parts = { district: '310115', street: '103', community: '027', serial: 42 };
    const code = formatCellCode(parts);
    expect(code).toBe('3101151030270042');
    expect(code).toHaveLength(16);
    expect(parseCellCode(code)).toEqual(parts);
  });

  it('refuses parts that do not fit their digits', () => {
    expect(() => formatCellCode({ district: '31011', street: '103', community: '027', serial: 1 })).toThrow();
    expect(() => formatCellCode({ district: '310115', street: '1030', community: '027', serial: 1 })).toThrow();
    expect(() => formatCellCode({ district: '310115', street: '103', community: '027', serial: 0 })).toThrow();
    expect(() => formatCellCode({ district: '310115', street: '103', community: '027', serial: 10000 })).toThrow();
  });

  it('reads only 16-digit codes with a serial from 1', () => {
    expect(parseCellCode('310115103027004')).toBeNull();
    expect(parseCellCode('31011510302700421')).toBeNull();
    expect(parseCellCode('3101151030270000')).toBeNull();
    expect(parseCellCode('31011510302700a2')).toBeNull();
  });
});
