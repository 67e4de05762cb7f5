/**
 * Colours for lines and marks: each has at least 3:1 contrast on white (WCAG 2.1, 1.4.11
 * non-text contrast), and they stay apart for the common forms of colour blindness.
 */
export const PALETTE = ['#1a5fb4', '#c64600', '#26783c', '#a51d2d', '#6b3fa0', '#7a5230', '#0b7285', '#b5176b', '#5e5c64'] as const;

/** Fixed colours by role, so a tier keeps its colour in every panel. */
export const ROLE_COLOUR = { departments: '#0b7285', centre: '#b5176b', hotline: '#7a5230' } as const;

/** Org chart fills by the share of staff present who are busy: light, so dark text reads on all (WCAG AA). */
export const LOAD_FILLS = ['#f6f6f6', '#fde9a9', '#fdc57a', '#f99a5c'] as const;
export const LOAD_EDGES = [0.25, 0.5, 0.75];
/** Text on the org chart, and the outline of a box with a long queue. */
export const ORG_TEXT = '#111111';
export const ALERT_OUTLINE = '#8b0000';

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const c = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/** Contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
