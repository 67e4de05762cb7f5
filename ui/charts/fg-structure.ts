import { LitElement, css, html, svg as svgTemplate } from 'lit';
import * as d3 from 'd3';
import { sankey, sankeyLinkHorizontal, sankeyJustify } from 'd3-sankey';
import { fmt, t } from '../../render/i18n.ts';
import type { Frame, SessionInfo } from '../../workers/session.ts';
import { downloadPng, downloadSvg, svgText } from './export.ts';
import type { ChartContext } from './chart-types.ts';
import { fitText, wrapText } from './text.ts';
import { ALERT_OUTLINE, LOAD_EDGES, LOAD_FILLS, ORG_TEXT } from '../../render/palette.ts';
import { CHANNEL_KEYS, loadFill, orgTree, QUEUE_ALERT, spreadLabels, tierName, type OrgNode } from './org-tree.ts';

/** One structure as the view draws it: its title, what its run is made of, and its latest frame. */
export interface StructurePanel {
  title: string;
  info: SessionInfo;
  frame?: Frame;
}

/**
 * The structures themselves: an organisation chart where each office group shows its queue
 * and how busy its staff are, and a flow diagram of where cases end up.
 */
export class FgStructure extends LitElement {
  static properties = { panels: { attribute: false }, lang: { type: String }, context: { attribute: false } };
  /** One panel per structure with a run, in column order. */
  declare panels: StructurePanel[];
  /** The language: a change re-renders the strings. */
  declare lang: string;
  /** Structures, seed, days and source for exports. */
  declare context: ChartContext | undefined;

  static styles = css`
    :host {
      display: block;
    }
    header {
      display: flex;
      gap: 0.75rem;
      align-items: baseline;
      flex-wrap: wrap;
    }
    h3 {
      margin: 1rem 0 0.25rem;
      font-size: 1rem;
      flex: 1;
    }
    p {
      margin: 0 0 0.5rem;
      color: #333;
      font-size: 0.9rem;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr));
      gap: 1rem;
    }
    .wrap {
      overflow-x: auto;
      max-width: 100%;
    }
    svg.org {
      min-width: 540px;
    }
    @media (max-width: 700px) {
      svg.org {
        width: auto;
        max-width: none;
        min-width: 0;
      }
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.9rem;
      font-size: 0.8rem;
      align-items: center;
      margin: 0.25rem 0 0.5rem;
    }
    .sw {
      display: inline-block;
      width: 1.1em;
      height: 0.9em;
      border: 1px solid #666;
      vertical-align: middle;
      margin-right: 0.3em;
    }
    .sw.alert {
      border: 2px solid #8b0000;
      background: #fff;
    }
    details {
      font-size: 0.85rem;
      margin-top: 0.25rem;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.1rem 0.5rem;
      border-bottom: 1px solid #ddd;
      text-align: right;
    }
    th:first-child {
      text-align: left;
    }
    .row.wide {
      grid-template-columns: 1fr;
    }
    figure {
      margin: 0;
      min-width: 0;
    }
    figcaption {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    svg {
      width: 100%;
      height: auto;
      display: block;
    }
    button {
      font: inherit;
      font-size: 0.8rem;
      padding: 0.15rem 0.5rem;
      border: 1px solid #767676;
      background: #fff;
      border-radius: 3px;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid #1a5fb4;
    }
  `;

  constructor() {
    super();
    this.panels = [];
  }

  private meta(kind: 'org' | 'sankey', i: number) {
    const heading = t(kind === 'org' ? 'structure.org' : 'structure.sankey');
    const note = t(kind === 'org' ? 'structure.orgNote' : 'structure.sankeyNote');
    return {
      title: `${heading} — ${this.panels[i]?.title ?? ''}`,
      lines: [note, ...(this.context?.lines ?? [])],
      source: this.context?.source ?? 'flatgov',
    };
  }

  /** The SVG a download of panel i gives (standalone, legend included). */
  exportSvgText(kind: 'org' | 'sankey', i: number): string {
    const svg = this.renderRoot.querySelectorAll<SVGSVGElement>(`svg.${kind}`)[i];
    return svgText(svg, this.meta(kind, i));
  }

  private download(kind: 'org' | 'sankey', as: 'png' | 'svg') {
    const svgs = [...this.renderRoot.querySelectorAll<SVGSVGElement>(`svg.${kind}`)];
    svgs.forEach((s, i) =>
      as === 'png' ? downloadPng(s, `${kind}-${i + 1}`, this.meta(kind, i)) : downloadSvg(s, `${kind}-${i + 1}`, this.meta(kind, i)),
    );
  }

  render() {
    const heading = (kind: 'org' | 'sankey', title: string) =>
      html`<header>
        <h3>${title}</h3>
        <button @click=${() => this.download(kind, 'png')} aria-label=${t('export.pngLabel', { chart: title })}>${t('export.png')}</button>
        <button @click=${() => this.download(kind, 'svg')} aria-label=${t('export.svgLabel', { chart: title })}>${t('export.svg')}</button>
      </header>`;
    return html`
      ${heading('org', t('structure.org'))}
      <p>${t('structure.orgNote')}</p>
      <div class="legend" aria-hidden="true">
        <span>${t('structure.legendTitle')}:</span>
        ${LOAD_FILLS.map((c, k) => html`<span><span class="sw" style="background:${c}"></span>${k === 0 ? '< 25%' : k === 3 ? '≥ 75%' : `${LOAD_EDGES[k - 1] * 100}–${LOAD_EDGES[k] * 100}%`}</span>`)}
        <span><span class="sw alert"></span>${t('structure.outlineNote')}</span>
      </div>
      <div class="row wide">
        ${this.panels.map(
          (p) =>
            html`<figure>
              <figcaption>${p.title}</figcaption>
              <div class="wrap" tabindex="0" role="region" aria-label=${`${t('structure.org')}: ${p.title}`}>${this.org(p)}</div>
              <details>
                <summary>${t('structure.table')}</summary>
                ${this.orgTable(p)}
              </details>
            </figure>`,
        )}
      </div>
      ${heading('sankey', t('structure.sankey'))}
      <p>${t('structure.sankeyNote')}</p>
      <div class="row">
        ${this.panels.map(
          (p) =>
            html`<figure>
              <figcaption>${p.title}</figcaption>
              ${this.sankey(p)}
            </figure>`,
        )}
      </div>
    `;
  }

  private orgTable(p: StructurePanel) {
    const rows: OrgNode[] = [];
    const walk = (n: OrgNode) => {
      rows.push(n);
      n.children?.forEach(walk);
    };
    walk(orgTree(p.info, p.frame));
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${t('structure.group')}</th>
          <th scope="col">${t('structure.colQueue')}</th>
          <th scope="col">${t('structure.colBusy')}</th>
          <th scope="col">${t('structure.colCap')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${r.name}</th>
              <td>${fmt(r.queue)}</td>
              <td>${fmt(r.busy)}</td>
              <td>${fmt(r.cap)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private org(p: StructurePanel) {
    const root = d3.hierarchy(orgTree(p.info, p.frame));
    const bw = 172;
    const bh = 80;
    d3.tree<OrgNode>().nodeSize([bw + 12, bh + 30])(root);
    const nodes = root.descendants() as d3.HierarchyPointNode<OrgNode>[];
    const minX = d3.min(nodes, (n) => n.x)! - bw / 2 - 4;
    const maxX = d3.max(nodes, (n) => n.x)! + bw / 2 + 4;
    const legendY = d3.max(nodes, (n) => n.y)! + bh + 16;
    const maxY = legendY + 34;
    const links = root.links() as d3.HierarchyPointLink<OrgNode>[];
    const W = maxX - minX;
    const legendText = (k: number) => (k === 0 ? '< 25%' : k === 3 ? '≥ 75%' : `${LOAD_EDGES[k - 1] * 100}–${LOAD_EDGES[k] * 100}%`);
    return svgTemplate`<svg class="org" viewBox="${minX} -4 ${W} ${maxY + 4}" width="${W}" height="${maxY + 8}"
        role="img" aria-label="${t('structure.org')}: ${p.title}" font-family="system-ui, sans-serif" font-size="11">
      <rect x="${minX}" y="-4" width="${W}" height="${maxY + 8}" fill="#fff"></rect>
      ${links.map((l) => svgTemplate`<path d="M${l.source.x},${l.source.y + bh} C${l.source.x},${l.source.y + bh + 14} ${l.target.x},${l.target.y - 14} ${l.target.x},${l.target.y}" fill="none" stroke="#767676"></path>`)}
      ${nodes.map((n) => {
        const d = n.data;
        const alert = d.queue > QUEUE_ALERT;
        const name = wrapText(d.name, bw - 10, 11, 600);
        const nameLines = name.length > 2 ? [name[0], fitText(name.slice(1).join(' '), bw - 10, 11, 600)] : name;
        const over = Math.max(0, d.busy - d.cap);
        const staff = t('structure.busyOf', { b: fmt(Math.min(d.busy, d.cap)), c: fmt(d.cap) });
        const lines = [
          t('structure.waiting', { q: fmt(d.queue) }),
          t(d.open ? 'structure.onDuty' : 'structure.onCall'),
          over > 0 ? `${staff} ${t('structure.overtime', { o: fmt(over) })}` : staff,
        ];
        const y0 = nameLines.length > 1 ? 14 : 18;
        return svgTemplate`<g transform="translate(${n.x - bw / 2},${n.y})">
          <rect width="${bw}" height="${bh}" rx="4" fill="${loadFill(d.busy, d.cap)}" stroke="${alert ? ALERT_OUTLINE : '#666'}" stroke-width="${alert ? 3 : 1}"></rect>
          ${nameLines.map((l, k) => svgTemplate`<text x="${bw / 2}" y="${y0 + 13 * k}" text-anchor="middle" font-weight="600" fill="${ORG_TEXT}">${l}</text>`)}
          ${lines.map((l, k) => svgTemplate`<text x="${bw / 2}" y="${y0 + 13 * nameLines.length + 3 + 13 * k}" text-anchor="middle" fill="#1a1a1a">${fitText(l, bw - 8, 11)}</text>`)}
        </g>`;
      })}
      <g transform="translate(${minX + 6},${legendY})" font-size="11">
        <text x="0" y="0" fill="#1a1a1a">${t('structure.legendTitle')}:</text>
        ${LOAD_FILLS.map((c, k) => svgTemplate`<rect x="${k * 78}" y="6" width="14" height="11" fill="${c}" stroke="#666"></rect><text x="${k * 78 + 18}" y="16" fill="#1a1a1a">${legendText(k)}</text>`)}
        <rect x="${4 * 78}" y="6" width="14" height="11" fill="#fff" stroke="${ALERT_OUTLINE}" stroke-width="2"></rect>
        <text x="${4 * 78 + 18}" y="16" fill="#1a1a1a">${fitText(t('structure.outlineNote'), Math.max(60, W - 4 * 78 - 30))}</text>
      </g>
    </svg>`;
  }

  private sankey(p: StructurePanel) {
    const f = p.frame;
    const T = p.info.tiers.length;
    const W = 460;
    const H = 260;
    if (!f || f.flows.every((v) => v === 0))
      return svgTemplate`<svg class="sankey" viewBox="0 0 ${W} 60" width="${W}" height="60"><text x="10" y="30" fill="#555" font-family="system-ui">${t('chart.empty')}</text></svg>`;
    const outcomes: string[] = [...Array.from({ length: T }, (_, i) => tierName(p.info, i)), t('structure.lost'), t('structure.open')];
    const used = outcomes.map((_, o) => CHANNEL_KEYS.some((_, c) => f.flows[c * (T + 2) + o] > 0));
    const nodes = [...CHANNEL_KEYS.map((k) => ({ name: t(k) })), ...outcomes.map((name) => ({ name }))];
    const links: { source: number; target: number; value: number }[] = [];
    CHANNEL_KEYS.forEach((_, c) =>
      outcomes.forEach((_, o) => {
        const v = f.flows[c * (T + 2) + o];
        if (v > 0) links.push({ source: c, target: CHANNEL_KEYS.length + o, value: v });
      }),
    );
    const keep = nodes.map((_, i) => (i < CHANNEL_KEYS.length ? links.some((l) => l.source === i) : used[i - CHANNEL_KEYS.length]));
    const index = new Map<number, number>();
    const kept = nodes.filter((_, i) => keep[i] && (index.set(i, index.size), true));
    const graph = sankey<{ name: string }, { source: number; target: number; value: number }>()
      .nodeWidth(10)
      .nodePadding(8)
      .nodeAlign(sankeyJustify)
      .extent([
        [4, 4],
        [W - 4, H - 4],
      ])({
      nodes: kept.map((n) => ({ ...n })),
      links: links.map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value })),
    });
    const palette = d3.schemeTableau10;
    return svgTemplate`<svg class="sankey" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${t('structure.sankey')}: ${p.title}"
        font-family="system-ui, sans-serif" font-size="10">
      <rect width="${W}" height="${H}" fill="#fff"></rect>
      ${graph.links.map((l) => svgTemplate`<path d="${sankeyLinkHorizontal()(l) ?? ''}" fill="none" stroke="${palette[(l.source as { index: number }).index % 10]}" stroke-opacity="0.45" stroke-width="${Math.max(1, l.width ?? 1)}"></path>`)}
      ${graph.nodes.map((n) => svgTemplate`<rect x="${n.x0}" y="${n.y0}" width="${(n.x1 ?? 0) - (n.x0 ?? 0)}" height="${Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0))}" fill="#444"></rect>`)}
      ${spreadLabels(
        graph.nodes.map((n) => {
          const left = (n.x0 ?? 0) < W / 2;
          return {
            x: left ? (n.x1 ?? 0) + 4 : (n.x0 ?? 0) - 4,
            y: ((n.y0 ?? 0) + (n.y1 ?? 0)) / 2 + 4,
            left,
            text: `${n.name} (${fmt(n.value ?? 0)})`,
          };
        }),
        13,
        H,
      ).map(
        (l) =>
          svgTemplate`<text x="${l.x}" y="${l.y}" text-anchor="${l.left ? 'start' : 'end'}" fill="#111" paint-order="stroke" stroke="#fff" stroke-width="3">${l.text}</text>`,
      )}
    </svg>`;
  }
}

customElements.define('fg-structure', FgStructure);

declare global {
  interface HTMLElementTagNameMap {
    'fg-structure': FgStructure;
  }
}
