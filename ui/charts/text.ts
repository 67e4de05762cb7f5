/** Text measured as the browser draws it, to fit labels in the room they have. */

export const CHART_FONT = 'system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif';

let ctx: CanvasRenderingContext2D | null | undefined;

/** Width in pixels of `text` at `size` px (an estimate where there is no canvas). */
export function textWidth(text: string, size = 11, weight = 400): number {
  if (ctx === undefined) ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!ctx) return [...text].reduce((a, ch) => a + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.58), 0);
  ctx.font = `${weight} ${size}px ${CHART_FONT}`;
  return ctx.measureText(text).width;
}

/** `text`, cut with an ellipsis if it is wider than `max` pixels. */
export function fitText(text: string, max: number, size = 11, weight = 400): string {
  if (textWidth(text, size, weight) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('')}…`, size, weight) <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** `text` broken into lines no wider than `max` pixels (at spaces, or anywhere in CJK text). */
export function wrapText(text: string, max: number, size = 11, weight = 400): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let cur = '';
  for (const tok of tokens) {
    if (cur && textWidth((cur + tok).trimEnd(), size, weight) > max) {
      lines.push(cur.trimEnd());
      cur = tok.trimStart();
    } else cur += tok;
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}
