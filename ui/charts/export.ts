/**
 * Downloads: a chart as SVG or PNG that stands alone (title, what was run, the chart with
 * its legends, and a source line), and data files.
 */
import { CHART_FONT, wrapText } from './text.ts';

/** What an exported chart says about itself, above and below the drawing. */
export interface ExportMeta {
  title: string;
  /** Lines under the title: the structures (with their changes), seed and days. */
  lines: string[];
  /** The last line: where the figure comes from. */
  source: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function text(x: number, y: number, s: string, size: number, weight = 400, fill = '#1a1a1a'): SVGTextElement {
  const el = document.createElementNS(SVG_NS, 'text');
  el.setAttribute('x', String(x));
  el.setAttribute('y', String(y));
  el.setAttribute('font-size', String(size));
  el.setAttribute('font-weight', String(weight));
  el.setAttribute('fill', fill);
  el.textContent = s;
  return el;
}

/** Remove comments (template markers) from a tree. */
function stripComments(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const found: Node[] = [];
  while (walker.nextNode()) found.push(walker.currentNode);
  for (const c of found) c.parentNode?.removeChild(c);
}

/** Remove what is only for the screen (marked `data-no-export`: the hover rule and label). */
function stripScreenOnly(root: Element): void {
  for (const el of root.querySelectorAll('[data-no-export]')) el.remove();
}

/** A new SVG: title and context lines, the chart, and the source line. */
export function standaloneSvg(svg: SVGSVGElement, meta: ExportMeta): SVGSVGElement {
  const vb = svg.viewBox.baseVal;
  const w = vb && vb.width > 0 ? vb.width : Number(svg.getAttribute('width')) || svg.clientWidth;
  const h = vb && vb.height > 0 ? vb.height : Number(svg.getAttribute('height')) || svg.clientHeight;
  const W = Math.max(w, 420);
  const pad = 12;
  const head: SVGTextElement[] = [];
  let y = pad + 16;
  head.push(text(pad, y, meta.title, 16, 700));
  y += 6;
  for (const line of meta.lines)
    for (const part of wrapText(line, W - 2 * pad, 11)) {
      y += 15;
      head.push(text(pad, y, part, 11, 400, '#333'));
    }
  const top = y + 10;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('font-family', svg.getAttribute('font-family') ?? CHART_FONT);
  const bg = document.createElementNS(SVG_NS, 'rect');
  out.append(bg);
  out.append(...head);
  const g = document.createElementNS(SVG_NS, 'g');
  g.setAttribute('transform', `translate(${(W - w) / 2 - (vb?.x ?? 0)},${top - (vb?.y ?? 0)})`);
  for (const a of ['font-family', 'font-size']) if (svg.getAttribute(a)) g.setAttribute(a, svg.getAttribute(a)!);
  for (const child of [...svg.childNodes]) g.append(child.cloneNode(true));
  out.append(g);
  let yb = top + h + 4;
  for (const part of wrapText(meta.source, W - 2 * pad, 10)) {
    yb += 14;
    out.append(text(pad, yb, part, 10, 400, '#444'));
  }
  const H = yb + pad;
  bg.setAttribute('width', String(W));
  bg.setAttribute('height', String(H));
  bg.setAttribute('fill', '#fff');
  out.setAttribute('width', String(W));
  out.setAttribute('height', String(H));
  out.setAttribute('viewBox', `0 0 ${W} ${H}`);
  stripComments(out);
  stripScreenOnly(out);
  return out;
}

export function svgText(svg: SVGSVGElement, meta?: ExportMeta): string {
  const clone = meta ? standaloneSvg(svg, meta) : (svg.cloneNode(true) as SVGSVGElement);
  clone.setAttribute('xmlns', SVG_NS);
  stripComments(clone);
  stripScreenOnly(clone);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function downloadSvg(svg: SVGSVGElement, name: string, meta?: ExportMeta): void {
  save(new Blob([svgText(svg, meta)], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Render the SVG at twice its size on a canvas and save it as PNG. */
export async function pngBlob(svg: SVGSVGElement, meta?: ExportMeta): Promise<Blob> {
  const src = svgText(svg, meta);
  const sized = meta ? standaloneSvg(svg, meta) : svg;
  const w = Number(sized.getAttribute('width')) || svg.clientWidth;
  const h = Number(sized.getAttribute('height')) || svg.clientHeight;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(src)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = 2 * w;
  canvas.height = 2 * h;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, w, h);
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'),
  );
}

export async function downloadPng(svg: SVGSVGElement, name: string, meta?: ExportMeta): Promise<void> {
  save(await pngBlob(svg, meta), `${name}.png`);
}

export function downloadText(text: string, name: string, type: string): void {
  save(new Blob([text], { type }), name);
}

/** An iframe that shows one part of the app alone (`?embed=<id>`, the state from the link), to paste into a page. */
export function embedIframe(id: string, title: string, width = 760, height = 480, query: Record<string, string> = {}): string {
  const more = Object.entries(query)
    .map(([k, v]) => `&${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('');
  const src = `${location.origin}${location.pathname}?embed=${encodeURIComponent(id)}${more}${location.hash}`;
  return `<iframe src="${src.replace(/"/g, '%22')}" title="${title.replace(/"/g, '&quot;')}" width="${width}" height="${height}" style="border:0" loading="lazy"></iframe>`;
}

/** Copy embed code to the clipboard; what to tell the user (the code itself when there is no clipboard). */
export async function copyEmbedCode(code: string, copied: string, fallback: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(code);
    return copied;
  } catch {
    return `${fallback} ${code}`;
  }
}

/** A legend entry of a canvas figure: a dot (filled, or a ring) and its text. */
export interface CanvasKey {
  colour: string;
  ring?: boolean;
  /** A colour scale drawn as a bar (low to high) instead of a dot. */
  ramp?: string[];
  text: string;
}

const RAMP_W = 44;
const keyWidth = (ctx: CanvasRenderingContext2D, k: CanvasKey) => (k.ramp ? RAMP_W + 6 : 16) + ctx.measureText(k.text).width + 14;

/**
 * Canvases (one per structure) as one PNG that stands alone: the title and what was run,
 * each canvas under its caption side by side, the legend, and the source line.
 */
export async function canvasFigure(
  panels: { caption: string; canvas: HTMLCanvasElement }[],
  keys: CanvasKey[],
  meta: ExportMeta,
): Promise<Blob> {
  const pad = 14;
  const gap = 16;
  const cssW = panels.map((p) => p.canvas.clientWidth || p.canvas.width / 2);
  const cssH = panels.map((p) => p.canvas.clientHeight || p.canvas.height / 2);
  const W = Math.max(480, cssW.reduce((a, b) => a + b, 0) + gap * (panels.length - 1) + 2 * pad);
  const measure = document.createElement('canvas').getContext('2d')!;
  const wrap = (s: string, size: number) => {
    measure.font = `${size}px ${CHART_FONT}`;
    const out: string[] = [];
    let line = '';
    for (const word of s.split(/(?<=\s)|(?=[\u3000-\u9fff])/)) {
      if (line && measure.measureText(line + word).width > W - 2 * pad) {
        out.push(line.trimEnd());
        line = word.trimStart();
      } else line += word;
    }
    if (line) out.push(line.trimEnd());
    return out;
  };
  const head = [
    ...wrap(meta.title, 16).map((l) => ({ l, size: 16, weight: 700 })),
    ...meta.lines.flatMap((x) => wrap(x, 12).map((l) => ({ l, size: 12, weight: 400 }))),
  ];
  const foot = wrap(meta.source, 11);
  const keyRows: CanvasKey[][] = [[]];
  let x = 0;
  measure.font = `12px ${CHART_FONT}`;
  for (const k of keys) {
    const w = keyWidth(measure, k);
    if (x + w > W - 2 * pad && keyRows[keyRows.length - 1].length) {
      keyRows.push([]);
      x = 0;
    }
    keyRows[keyRows.length - 1].push(k);
    x += w;
  }
  const headH = head.reduce((a, h) => a + h.size + 5, 0);
  const H = pad + headH + 8 + 18 + Math.max(...cssH) + 10 + keyRows.length * 18 + 6 + foot.length * 15 + pad;
  const canvas = document.createElement('canvas');
  canvas.width = 2 * W;
  canvas.height = 2 * H;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(2, 2);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#1a1a1a';
  ctx.textBaseline = 'top';
  let y = pad;
  for (const h of head) {
    ctx.font = `${h.weight} ${h.size}px ${CHART_FONT}`;
    ctx.fillText(h.l, pad, y);
    y += h.size + 5;
  }
  y += 8;
  let px = pad;
  panels.forEach((p, i) => {
    ctx.font = `700 13px ${CHART_FONT}`;
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(p.caption, px, y, cssW[i]);
    ctx.drawImage(p.canvas, px, y + 18, cssW[i], cssH[i]);
    px += cssW[i] + gap;
  });
  y += 18 + Math.max(...cssH) + 10;
  ctx.font = `12px ${CHART_FONT}`;
  for (const row of keyRows) {
    let kx = pad;
    for (const k of row) {
      if (k.ramp) {
        const g = ctx.createLinearGradient(kx, 0, kx + RAMP_W, 0);
        k.ramp.forEach((c, i) => g.addColorStop(i / Math.max(1, k.ramp!.length - 1), c));
        ctx.fillStyle = g;
        ctx.fillRect(kx, y + 2, RAMP_W, 10);
        ctx.strokeStyle = '#999';
        ctx.lineWidth = 1;
        ctx.strokeRect(kx + 0.5, y + 2.5, RAMP_W - 1, 9);
        ctx.fillStyle = '#1a1a1a';
        ctx.fillText(k.text, kx + RAMP_W + 6, y);
        kx += keyWidth(ctx, k);
        continue;
      }
      ctx.beginPath();
      ctx.arc(kx + 5, y + 7, 4, 0, 2 * Math.PI);
      if (k.ring) {
        ctx.strokeStyle = k.colour;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      } else {
        ctx.fillStyle = k.colour;
        ctx.fill();
      }
      ctx.fillStyle = '#1a1a1a';
      ctx.fillText(k.text, kx + 14, y);
      kx += keyWidth(ctx, k);
    }
    y += 18;
  }
  y += 6;
  ctx.font = `11px ${CHART_FONT}`;
  ctx.fillStyle = '#333';
  for (const l of foot) {
    ctx.fillText(l, pad, y);
    y += 15;
  }
  return await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'),
  );
}

export async function downloadCanvasFigure(
  panels: { caption: string; canvas: HTMLCanvasElement }[],
  keys: CanvasKey[],
  meta: ExportMeta,
  name: string,
): Promise<void> {
  save(await canvasFigure(panels, keys, meta), `${name}.png`);
}
