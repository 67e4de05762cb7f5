import { LitElement, css, html, svg as svgTemplate } from 'lit';
import * as d3 from 'd3';
import { sankey, sankeyLinkHorizontal, sankeyJustify } from 'd3-sankey';
import { fmt, nameOf, t, type MessageKey } from '../i18n.ts';
import type { Frame, SessionInfo } from '../../workers/session.ts';
import { downloadPng, downloadSvg } from './export.ts';

export interface StructurePanel {
  title: string;
  info: SessionInfo;
  frame?: Frame;
}

interface OrgNode {
  name: string;
  queue: number;
  busy: number;
  cap: number;
  children?: OrgNode[];
}

const CHANNEL_KEYS: MessageKey[] = ['channel.grid', 'channel.discovered', 'channel.hotline', 'channel.petition'];

function tierName(info: SessionInfo, i: number): string {
  const tier = info.tiers[i];
  if (tier.kind === 'departments') return t('tier.departments');
  if (tier.kind === 'centre') return t('tier.centre');
  if (tier.kind === 'hotline') return t('tier.hotline');
  return nameOf(tier);
}

/** The organisation as a tree, top down, with each office group's queue and load now. */
export function orgTree(info: SessionInfo, f?: Frame): OrgNode {
  const node = (gi: number): OrgNode => {
    const g = info.groups[gi];
    return { name: nameOf(g), queue: f?.groupQueue[gi] ?? 0, busy: f?.groupBusy[gi] ?? 0, cap: f?.groupCapacity[gi] ?? 0 };
  };
  const levels = info.groups.map((g, gi) => ({ g, gi })).filter((x) => x.g.kind === 'level');
  let chain: OrgNode | undefined;
  for (const { gi } of levels) {
    const n = node(gi);
    if (chain) n.children = [chain];
    chain = n;
  }
  const depts = info.groups.map((g, gi) => ({ g, gi })).filter((x) => x.g.kind === 'department');
  const sum = (k: 'queue' | 'busy' | 'cap', xs: OrgNode[]) => xs.reduce((a, x) => a + x[k], 0);
  const deptNodes = depts.map(({ gi }) => node(gi)).sort((a, b) => b.queue - a.queue || b.busy - a.busy);
  const shown = deptNodes.slice(0, 3);
  const rest = deptNodes.slice(3);
  if (rest.length) shown.push({ name: `+${rest.length}`, queue: sum('queue', rest), busy: sum('busy', rest), cap: sum('cap', rest) });
  const deptGroup: OrgNode = { name: t('tier.departments'), queue: sum('queue', deptNodes), busy: sum('busy', deptNodes), cap: sum('cap', deptNodes), children: shown };
  const others = info.groups.map((g, gi) => ({ g, gi })).filter((x) => x.g.kind === 'centre' || x.g.kind === 'hotline').map(({ gi }) => node(gi));
  const top: OrgNode = { ...deptGroup, children: [...(chain ? [chain] : []), ...shown, ...others] };
  return top;
}

/**
 * The structures themselves: an organisation chart where each office group shows its queue
 * and how busy its staff are, and a flow diagram of where cases end up.
 */
export class FgStructure extends LitElement {
  static properties = { panels: { attribute: false }, lang: { type: String } };
  declare panels: StructurePanel[];

  static styles = css`
    :host { display: block; }
    header { display: flex; gap: 0.75rem; align-items: baseline; flex-wrap: wrap; }
    h3 { margin: 1rem 0 0.25rem; font-size: 1rem; flex: 1; }
    p { margin: 0 0 0.5rem; color: #333; font-size: 0.9rem; }
    .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
    .row.wide { grid-template-columns: 1fr; }
    svg.org { max-height: 22rem; }
    figure { margin: 0; }
    figcaption { font-weight: 600; margin-bottom: 0.25rem; }
    svg { width: 100%; height: auto; display: block; }
    button { font: inherit; font-size: 0.8rem; padding: 0.15rem 0.5rem; border: 1px solid #767676; background: #fff; border-radius: 3px; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1a5fb4; }
  `;

  constructor() {
    super();
    this.panels = [];
  }

  private download(kind: 'org' | 'sankey', as: 'png' | 'svg') {
    const svgs = [...this.renderRoot.querySelectorAll<SVGSVGElement>(`svg.${kind}`)];
    svgs.forEach((s, i) => (as === 'png' ? downloadPng(s, `${kind}-${i + 1}`) : downloadSvg(s, `${kind}-${i + 1}`)));
  }

  render() {
    const heading = (kind: 'org' | 'sankey', title: string) => html`<header>
      <h3>${title}</h3>
      <button @click=${() => this.download(kind, 'png')} aria-label=${t('export.pngLabel', { chart: title })}>${t('export.png')}</button>
      <button @click=${() => this.download(kind, 'svg')} aria-label=${t('export.svgLabel', { chart: title })}>${t('export.svg')}</button>
    </header>`;
    return html`
      ${heading('org', t('structure.org'))}
      <p>${t('structure.orgNote')}</p>
      <div class="row wide">${this.panels.map((p) => html`<figure><figcaption>${p.title}</figcaption>${this.org(p)}</figure>`)}</div>
      ${heading('sankey', t('structure.sankey'))}
      <p>${t('structure.sankeyNote')}</p>
      <div class="row">${this.panels.map((p) => html`<figure><figcaption>${p.title}</figcaption>${this.sankey(p)}</figure>`)}</div>
    `;
  }

  private org(p: StructurePanel) {
    const root = d3.hierarchy(orgTree(p.info, p.frame));
    const bw = 118;
    const bh = 40;
    d3.tree<OrgNode>().nodeSize([bw + 10, bh + 28])(root);
    const nodes = root.descendants() as d3.HierarchyPointNode<OrgNode>[];
    const minX = d3.min(nodes, (n) => n.x)! - bw / 2 - 4;
    const maxX = d3.max(nodes, (n) => n.x)! + bw / 2 + 4;
    const maxY = d3.max(nodes, (n) => n.y)! + bh + 4;
    const color = d3.scaleSequential(d3.interpolateYlOrRd).domain([0, 1]);
    const links = root.links() as d3.HierarchyPointLink<OrgNode>[];
    return svgTemplate`<svg class="org" viewBox="${minX} -4 ${maxX - minX} ${maxY + 4}" width="${maxX - minX}" height="${maxY + 8}"
        role="img" aria-label="${t('structure.org')}: ${p.title}" font-family="system-ui, sans-serif" font-size="10">
      <rect x="${minX}" y="-4" width="${maxX - minX}" height="${maxY + 8}" fill="#fff"></rect>
      ${links.map((l) => svgTemplate`<path d="M${l.source.x},${l.source.y + bh} C${l.source.x},${l.source.y + bh + 14} ${l.target.x},${l.target.y - 14} ${l.target.x},${l.target.y}" fill="none" stroke="#999"></path>`)}
      ${nodes.map((n) => {
        const d = n.data;
        const u = d.cap > 0 ? Math.min(1, d.busy / d.cap) : d.busy > 0 ? 1 : 0;
        const fill = color(u * 0.85);
        const dark = u > 0.6;
        return svgTemplate`<g transform="translate(${n.x - bw / 2},${n.y})">
          <rect width="${bw}" height="${bh}" rx="4" fill="${fill}" stroke="${d.queue > 20 ? '#b00' : '#666'}" stroke-width="${d.queue > 20 ? 2 : 1}"></rect>
          <text x="${bw / 2}" y="15" text-anchor="middle" font-weight="600" fill="${dark ? '#fff' : '#111'}">${d.name.length > 20 ? `${d.name.slice(0, 19)}…` : d.name}</text>
          <text x="${bw / 2}" y="31" text-anchor="middle" fill="${dark ? '#fff' : '#222'}">${t('structure.queue', { q: fmt(d.queue) })} · ${t('structure.busy', { b: fmt(d.busy), c: fmt(d.cap) })}</text>
        </g>`;
      })}
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
    const nodes = [
      ...CHANNEL_KEYS.map((k) => ({ name: t(k) })),
      ...outcomes.map((name) => ({ name })),
    ];
    const links: { source: number; target: number; value: number }[] = [];
    CHANNEL_KEYS.forEach((_, c) => outcomes.forEach((_, o) => {
      const v = f.flows[c * (T + 2) + o];
      if (v > 0) links.push({ source: c, target: CHANNEL_KEYS.length + o, value: v });
    }));
    const keep = nodes.map((_, i) => (i < CHANNEL_KEYS.length ? links.some((l) => l.source === i) : used[i - CHANNEL_KEYS.length]));
    const index = new Map<number, number>();
    const kept = nodes.filter((_, i) => keep[i] && (index.set(i, index.size), true));
    const graph = sankey<{ name: string }, { source: number; target: number; value: number }>()
      .nodeWidth(10).nodePadding(8).nodeAlign(sankeyJustify).extent([[4, 4], [W - 4, H - 4]])({
        nodes: kept.map((n) => ({ ...n })),
        links: links.map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value })),
      });
    const palette = d3.schemeTableau10;
    return svgTemplate`<svg class="sankey" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${t('structure.sankey')}: ${p.title}"
        font-family="system-ui, sans-serif" font-size="10">
      <rect width="${W}" height="${H}" fill="#fff"></rect>
      ${graph.links.map((l) => svgTemplate`<path d="${sankeyLinkHorizontal()(l) ?? ''}" fill="none" stroke="${palette[(l.source as { index: number }).index % 10]}" stroke-opacity="0.45" stroke-width="${Math.max(1, l.width ?? 1)}"></path>`)}
      ${graph.nodes.map((n) => {
        const left = (n.x0 ?? 0) < W / 2;
        return svgTemplate`<g>
          <rect x="${n.x0}" y="${n.y0}" width="${(n.x1 ?? 0) - (n.x0 ?? 0)}" height="${Math.max(1, (n.y1 ?? 0) - (n.y0 ?? 0))}" fill="#444"></rect>
          <text x="${left ? (n.x1 ?? 0) + 4 : (n.x0 ?? 0) - 4}" y="${((n.y0 ?? 0) + (n.y1 ?? 0)) / 2 + 3}" text-anchor="${left ? 'start' : 'end'}" fill="#111">${n.name} (${fmt(n.value ?? 0)})</text>
        </g>`;
      })}
    </svg>`;
  }
}

customElements.define('fg-structure', FgStructure);

declare global {
  interface HTMLElementTagNameMap {
    'fg-structure': FgStructure;
  }
}
