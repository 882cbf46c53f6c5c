import { describe, expect, it } from 'vitest';
import { fixedDigitsFormat } from '@/i18n/fixedDigits';

describe('fixed-digit number formats', () => {
  it('keeps exactly the digits asked for, grouped for the locale', () => {
    expect(fixedDigitsFormat('zh-CN', 1).format(12345.678)).toBe('12,345.7');
    expect(fixedDigitsFormat('en', 2).format(3)).toBe('3.00');
    expect(fixedDigitsFormat('en', 0).format(1418.6)).toBe('1,419');
    expect(fixedDigitsFormat('de-DE', 1).format(1234.56)).toBe('1.234,6');
  });

  it('builds one formatter per locale and digit count and reuses it', () => {
    const a = fixedDigitsFormat('zh-CN', 2);
    expect(fixedDigitsFormat('zh-CN', 2)).toBe(a);
    expect(fixedDigitsFormat('zh-CN', 1)).not.toBe(a);
    expect(fixedDigitsFormat('en', 2)).not.toBe(a);
  });
});
