/**
 * The living map's layout: schematic, not geographic. The city's offices (hotline, centre,
 * departments) sit in a band at the top; levels above the cells' parents in rows beneath;
 * then each unit of the cells' parent level is a box holding its cells (communities), and
 * each cell holds its grid workers. Units cover consecutive micro-grids, so a cell belongs
 * to the parent unit that holds its first micro-grid, and a grid to the cell that does.
 */
import type { SessionInfo } from '../workers/session.ts';
import { nameOf, t } from '../render/i18n.ts';

/** A group's name in the language shown (the hotline and the centre by their role). */
export function groupName(info: SessionInfo, gi: number): string {
  const g = info.groups[gi];
  if (g.kind === 'hotline') return t('tier.hotline');
  if (g.kind === 'centre') return t('tier.centre');
  return nameOf(g);
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Building extends Box {
  /** The group it stands for (SessionInfo.groups index) and its office. */
  group: number;
  office: number;
  label: string;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Every office's position (the centre of its cell, building or grid mark). */
  officeX: Float32Array;
  officeY: Float32Array;
  /** The cells (units of the cell level), their parent boxes, and the buildings. */
  cells: Box[];
  cellSize: number;
  parents: (Box & { label: string })[];
  buildings: Building[];
  /** The grid workers' marks (offices of the levels below the cells). */
  grids: { x: number; y: number }[];
  cellLevel: number;
  parentLevel: number;
}

/** The first micro-grid of unit u of a level with n units (inverse of sim/submodels/residence.ts unitOf). */
function firstMicroGrid(u: number, n: number, M: number): number {
  return Math.ceil((u * M) / n);
}

function unitHolding(mg: number, n: number, M: number): number {
  return Math.floor((mg * n) / M);
}

const BAND = 46;
const ROW = 30;
const GAP = 6;
const PAD = 4;

/** Lay out one structure at a width (CSS pixels). `name(g)` gives a group's label. */
export function mapLayout(info: SessionInfo, width: number, name: (group: number) => string = (g) => groupName(info, g)): MapLayout {
  const M = info.microGrids;
  const groups = info.groups;
  const levelGroups = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.kind === 'level');
  const cellLevel = info.cellLevel;
  const cellGroup = levelGroups[cellLevel];
  const cellsN = cellGroup.g.offices;
  const parentLevel = cellLevel + 1 < levelGroups.length ? cellLevel + 1 : -1;
  const parentsN = parentLevel >= 0 ? levelGroups[parentLevel].g.offices : 1;
  const officeX = new Float32Array(info.officeCount);
  const officeY = new Float32Array(info.officeCount);
  const buildings: Building[] = [];

  // The city band: the hotline, the centre, then the departments.
  const city = groups.map((g, i) => ({ g, i })).filter(({ g }) => g.kind !== 'level');
  const order = [
    ...city.filter(({ g }) => g.kind === 'hotline'),
    ...city.filter(({ g }) => g.kind === 'centre'),
    ...city.filter(({ g }) => g.kind === 'department'),
  ];
  const slots = order.reduce((n, { g }) => n + (g.kind === 'department' ? 1 : 5), 0);
  const slotW = slots > 0 ? (width - 2 * PAD) / slots : 0;
  let x = PAD;
  for (const { g, i } of order) {
    const w = (g.kind === 'department' ? 1 : 5) * slotW;
    const b: Building = { x: x + 1, y: 14, w: Math.max(2, w - 2), h: BAND - 18, group: i, office: g.firstOffice, label: name(i) };
    buildings.push(b);
    for (let o = g.firstOffice; o < g.firstOffice + g.offices; o++) {
      officeX[o] = b.x + b.w / 2;
      officeY[o] = b.y + b.h / 2;
    }
    x += w;
  }
  let y = BAND + GAP;

  // Levels above the cells' parents: a row of buildings each.
  for (let l = levelGroups.length - 1; l > Math.max(cellLevel, parentLevel); l--) {
    const { g, i } = levelGroups[l];
    const w = (width - 2 * PAD) / g.offices;
    for (let u = 0; u < g.offices; u++) {
      const b: Building = {
        x: PAD + u * w + 1,
        y: y + 12,
        w: Math.max(2, w - 2),
        h: ROW - 14,
        group: i,
        office: g.firstOffice + u,
        label: g.offices > 1 ? `${name(i)} ${u + 1}` : name(i),
      };
      buildings.push(b);
      officeX[b.office] = b.x + b.w / 2;
      officeY[b.office] = b.y + b.h / 2;
    }
    y += ROW + GAP;
  }

  // Cells grouped by parent unit: how many each parent holds.
  const parentOf = new Int32Array(cellsN);
  const perParent = new Int32Array(parentsN);
  for (let c = 0; c < cellsN; c++) {
    parentOf[c] = parentLevel >= 0 ? unitHolding(firstMicroGrid(c, cellsN, M), parentsN, M) : 0;
    perParent[parentOf[c]]++;
  }
  // The largest cell size at which the parent boxes, flowed in rows, fit about 0.75 × width in height.
  const target = Math.max(160, 0.75 * width);
  const header = parentLevel >= 0 ? 14 : 0;
  let size = 4;
  let rows: { start: number; end: number }[] = [];
  for (let s = 40; s >= 4; s -= 1) {
    const fit = flow(perParent, s, width - 2 * PAD, header);
    if (fit.height <= target || s === 4) {
      size = s;
      rows = fit.rows;
      break;
    }
  }
  const parents: (Box & { label: string })[] = [];
  const cells: Box[] = new Array(cellsN);
  const firstCell = new Int32Array(parentsN + 1);
  for (let c = 0; c < cellsN; c++) firstCell[parentOf[c] + 1]++;
  for (let p = 0; p < parentsN; p++) firstCell[p + 1] += firstCell[p];
  const placed = new Int32Array(parentsN);
  const cellOrder = new Int32Array(cellsN);
  for (let c = 0; c < cellsN; c++) cellOrder[firstCell[parentOf[c]] + placed[parentOf[c]]++] = c;
  for (const row of rows) {
    let px = PAD;
    let rowH = 0;
    for (let p = row.start; p < row.end; p++) {
      const n = perParent[p];
      const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
      const w = cols * size + 4;
      const h = Math.ceil(n / cols) * size + 4 + header;
      const label =
        parentLevel >= 0 ? (parentsN > 1 ? `${name(levelGroups[parentLevel].i)} ${p + 1}` : name(levelGroups[parentLevel].i)) : '';
      parents.push({ x: px, y, w, h, label });
      if (parentLevel >= 0) {
        const o = levelGroups[parentLevel].g.firstOffice + p;
        officeX[o] = px + 5;
        officeY[o] = y + 6;
        buildings.push({ x: px, y, w: 10, h: 12, group: levelGroups[parentLevel].i, office: o, label });
      }
      for (let k = 0; k < n; k++) {
        const c = cellOrder[firstCell[p] + k];
        const cx = px + 2 + (k % cols) * size;
        const cy = y + header + 2 + Math.floor(k / cols) * size;
        cells[c] = { x: cx, y: cy, w: size, h: size };
        const o = cellGroup.g.firstOffice + c;
        officeX[o] = cx + size / 2;
        officeY[o] = cy + size / 2;
      }
      px += w + GAP;
      rowH = Math.max(rowH, h);
    }
    y += rowH + GAP;
  }

  // Grid workers: marks in a ring inside their cell.
  const grids: { x: number; y: number }[] = [];
  for (let l = cellLevel - 1; l >= 0; l--) {
    const { g } = levelGroups[l];
    const inCell = new Int32Array(cellsN);
    const cellOfGrid = Int32Array.from({ length: g.offices }, (_, u) => unitHolding(firstMicroGrid(u, g.offices, M), cellsN, M));
    for (const c of cellOfGrid) inCell[c]++;
    const k = new Int32Array(cellsN);
    for (let u = 0; u < g.offices; u++) {
      const c = cellOfGrid[u];
      const box = cells[c];
      const a = (2 * Math.PI * k[c]++) / inCell[c];
      const r = box.w * 0.3;
      const gx = box.x + box.w / 2 + r * Math.cos(a);
      const gy = box.y + box.h / 2 + r * Math.sin(a);
      officeX[g.firstOffice + u] = gx;
      officeY[g.firstOffice + u] = gy;
      grids.push({ x: gx, y: gy });
    }
  }
  return { width, height: y + PAD, officeX, officeY, cells, cellSize: size, parents, buildings, grids, cellLevel, parentLevel };
}

/** Flow parent boxes (n cells each, square-ish) into rows of a width; the rows and the total height. */
function flow(perParent: Int32Array, size: number, width: number, header: number) {
  const rows: { start: number; end: number }[] = [];
  let x = 0;
  let rowH = 0;
  let height = 0;
  let start = 0;
  for (let p = 0; p < perParent.length; p++) {
    const n = perParent[p];
    const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
    const w = cols * size + 4;
    const h = Math.ceil(n / cols) * size + 4 + header;
    if (w > width) return { rows, height: Infinity };
    if (x > 0 && x + w > width) {
      rows.push({ start, end: p });
      height += rowH + GAP;
      start = p;
      x = 0;
      rowH = 0;
    }
    x += w + GAP;
    rowH = Math.max(rowH, h);
  }
  rows.push({ start, end: perParent.length });
  height += rowH + GAP;
  return { rows, height };
}

/** The office's name: its group's, with its number where the group has several. */
export function officeName(info: SessionInfo, office: number, name: (group: number) => string = (g) => groupName(info, g)): string {
  const gi = info.groups.findIndex((g) => office >= g.firstOffice && office < g.firstOffice + g.offices);
  if (gi < 0) return `#${office}`;
  const g = info.groups[gi];
  return g.offices > 1 ? `${name(gi)} ${office - g.firstOffice + 1}` : name(gi);
}
