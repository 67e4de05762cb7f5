/**
 * Charts of the studies as SVG text (no DOM), for the CLI to write beside a study's table.
 */
import { BREAK_LOADS, SPANS, type BreakPoint } from '../studies/flat-breaks.ts';
import { niceTicks } from './brief.ts';

/** A chart (SVG text, no DOM): flat − thin layer against load, one line per span, with 95% intervals and the zero line. */
export function breakSvg(points: BreakPoint[]): string {
  const W = 640,
    H = 380,
    L = 70,
    R = 170,
    T = 44,
    B = 56;
  const ys = points.flatMap((p) => [p.difference.mean - p.difference.half, p.difference.mean + p.difference.half]).filter(Number.isFinite);
  const lo = Math.min(0, ...ys);
  const hi = Math.max(0, ...ys);
  const pad = (hi - lo) * 0.08 || 1;
  const y = (v: number) => T + ((hi + pad - v) / (hi - lo + 2 * pad)) * (H - T - B);
  const x = (load: number) => L + ((load - BREAK_LOADS[0]) / (BREAK_LOADS[BREAK_LOADS.length - 1] - BREAK_LOADS[0])) * (W - L - R);
  const colours = ['#1b7837', '#2166ac', '#b2182b'];
  const o: string[] = [];
  o.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
  );
  o.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  o.push(`<text x="${L}" y="20" font-size="14" font-weight="bold">Where flat breaks: flat minus a thin middle layer, equal posts</text>`);
  o.push(`<text x="${L}" y="36" fill="#555">Mean time to close, open cases counted (h); above 0 the flat structure is slower</text>`);
  for (const load of BREAK_LOADS) o.push(`<text x="${x(load)}" y="${H - B + 18}" text-anchor="middle">${load}×</text>`);
  o.push(`<text x="${(L + W - R) / 2}" y="${H - 14}" text-anchor="middle">demand (× the 0.5 problems a resident raises a year)</text>`);
  const ticks = niceTicks(lo, hi, 5);
  const digits = ticks.length > 1 && ticks[1] - ticks[0] < 1 ? 1 : 0;
  for (const v of ticks) {
    o.push(`<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#eee"/>`);
    o.push(`<text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v.toFixed(digits)}</text>`);
  }
  o.push(`<line x1="${L}" x2="${W - R}" y1="${y(0)}" y2="${y(0)}" stroke="#333"/>`);
  SPANS.forEach((n, si) => {
    const ps = points.filter((p) => p.communities === n);
    const col = colours[si % colours.length];
    o.push(
      `<polyline fill="none" stroke="${col}" stroke-width="2" points="${ps.map((p) => `${x(p.load)},${y(p.difference.mean)}`).join(' ')}"/>`,
    );
    for (const p of ps)
      o.push(
        `<line x1="${x(p.load)}" x2="${x(p.load)}" y1="${y(p.difference.mean - p.difference.half)}" y2="${y(p.difference.mean + p.difference.half)}" stroke="${col}"/>`,
      );
    o.push(`<text x="${W - R + 10}" y="${T + 20 + si * 18}" fill="${col}">${n} communities</text>`);
  });
  o.push('</svg>');
  return o.join('\n');
}
