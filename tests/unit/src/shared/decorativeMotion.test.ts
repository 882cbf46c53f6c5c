// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { holdDecorativeMotion } from '@/shared/decorativeMotion';

describe('decorative motion', () => {
  it('is held for the page once asked, for the stylesheet to read', () => {
    expect(document.documentElement.dataset.motion).toBeUndefined();
    holdDecorativeMotion();
    expect(document.documentElement.dataset.motion).toBe('still');
  });
});
