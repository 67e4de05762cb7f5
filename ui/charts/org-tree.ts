/**
 * The organisation chart's and the flow diagram's data, apart from drawing: the organisation
 * as a tree with each office group's queue and load, the fill of a box by its load, the names
 * of tiers and channels, and labels moved apart so that none overlaps the next.
 */
import { nameOf, t, type MessageKey } from '../../render/i18n.ts';
import type { Frame, SessionInfo } from '../../workers/session.ts';
import { LOAD_EDGES, LOAD_FILLS } from '../../render/palette.ts';

/** An office group (or a sum of them) in the organisation chart. */
export interface OrgNode {
  name: string;
  queue: number;
  busy: number;
  /** Staff on duty (in office hours) or on call (after hours). */
  cap: number;
  /** In office hours now (for a summed node: any of its groups). */
  open: boolean;
  children?: OrgNode[];
}

/** A queue longer than this outlines its box. */
export const QUEUE_ALERT = 20;

/** The fill of a box by the share of staff present who are busy. */
export function loadFill(busy: number, cap: number): string {
  const present = Math.max(cap, busy);
  const u = present > 0 ? busy / present : 0;
  return LOAD_FILLS[LOAD_EDGES.filter((e) => u >= e).length];
}

/** The channels cases come in by, in the flow diagram's order. */
export const CHANNEL_KEYS: MessageKey[] = ['channel.grid', 'channel.discovered', 'channel.hotline', 'channel.petition'];

/** A tier's name as the diagrams write it. */
export function tierName(info: SessionInfo, i: number): string {
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
    return {
      name: nameOf(g),
      queue: f?.groupQueue[gi] ?? 0,
      busy: f?.groupBusy[gi] ?? 0,
      cap: f?.groupCapacity[gi] ?? 0,
      open: (f?.groupOpen?.[gi] ?? 1) > 0,
    };
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
  const anyOpen = (xs: OrgNode[]) => xs.some((x) => x.open);
  if (rest.length)
    shown.push({
      name: t('structure.moreDepts', { n: rest.length }),
      queue: sum('queue', rest),
      busy: sum('busy', rest),
      cap: sum('cap', rest),
      open: anyOpen(rest),
    });
  const deptGroup: OrgNode = {
    name: t('tier.departments'),
    queue: sum('queue', deptNodes),
    busy: sum('busy', deptNodes),
    cap: sum('cap', deptNodes),
    open: anyOpen(deptNodes),
    children: shown,
  };
  const others = info.groups
    .map((g, gi) => ({ g, gi }))
    .filter((x) => x.g.kind === 'centre' || x.g.kind === 'hotline')
    .map(({ gi }) => node(gi));
  const top: OrgNode = { ...deptGroup, children: [...(chain ? [chain] : []), ...shown, ...others] };
  return top;
}

/** Labels on each side moved apart so that none overlaps the next (at least `gap` apart, inside 0…H). */
export function spreadLabels<T extends { y: number; left: boolean }>(labels: T[], gap: number, H: number): T[] {
  const out = labels.map((l) => ({ ...l }));
  for (const side of [true, false]) {
    const xs = out.filter((l) => l.left === side).sort((a, b) => a.y - b.y);
    for (let k = 1; k < xs.length; k++) if (xs[k].y - xs[k - 1].y < gap) xs[k].y = xs[k - 1].y + gap;
    const over = xs.length ? xs[xs.length - 1].y - (H - 3) : 0;
    if (over > 0) {
      xs[xs.length - 1].y -= over;
      for (let k = xs.length - 2; k >= 0; k--) if (xs[k + 1].y - xs[k].y < gap) xs[k].y = xs[k + 1].y - gap;
    }
  }
  return out;
}
