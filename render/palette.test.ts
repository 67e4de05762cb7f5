import { describe, expect, it } from 'vitest';
import { ALERT_OUTLINE, contrast, LOAD_FILLS, ORG_TEXT, PALETTE, ROLE_COLOUR } from './palette.ts';

describe('colours the app draws with', () => {
  it('lines and marks have at least 3:1 contrast on white (WCAG 1.4.11)', () => {
    for (const c of [...PALETTE, ...Object.values(ROLE_COLOUR), ALERT_OUTLINE]) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(3);
  });
  it('org chart text has at least 4.5:1 contrast on every fill (WCAG AA)', () => {
    for (const f of LOAD_FILLS) expect(contrast(ORG_TEXT, f), f).toBeGreaterThanOrEqual(4.5);
  });
  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
