import { describe, expect, it } from 'vitest';
import { mapLayout, officeName } from './map-layout.ts';
import { SimSession } from '../workers/session.ts';
import { loadPreset, PRESET_IDS } from '../scenarios/presets.ts';
import { unitOf } from '../sim/submodels/residence.ts';

const inside = (x: number, y: number, b: { x: number; y: number; w: number; h: number }) =>
  x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;

describe('the living map layout (schematic)', () => {
  for (const id of PRESET_IDS) {
    it(`${id}: every office is placed on the map, each community inside its unit's box and each grid worker inside the community that holds its grid`, () => {
      const info = new SimSession(loadPreset(id), 1, 1440, 10).info;
      for (const width of [320, 700]) {
        const L = mapLayout(info, width, (g) => info.groups[g].name);
        expect(L.width).toBe(width);
        for (let o = 0; o < info.officeCount; o++) {
          expect(L.officeX[o], `office ${o} x`).toBeGreaterThan(0);
          expect(L.officeX[o]).toBeLessThanOrEqual(width);
          expect(L.officeY[o], `office ${o} y`).toBeGreaterThan(0);
          expect(L.officeY[o]).toBeLessThanOrEqual(L.height);
        }
        const levels = info.groups.filter((g) => g.kind === 'level');
        const cells = levels[info.cellLevel];
        expect(L.cells.length).toBe(cells.offices);
        // A community's residents live in the unit whose box holds it (checked with the engine's own rule);
        // with no level above the communities, one box holds them all.
        const M = info.microGrids;
        const parentUnits = levels[info.cellLevel + 1]?.offices ?? 1;
        for (let r = 0; r < info.residents; r += 997) {
          const c = unitOf(r, M, cells.offices);
          const u = unitOf(r, M, parentUnits);
          const box = L.parents[u];
          const cell = L.cells[c];
          // The cell holding most of the resident's unit sits in the unit's box (a unit boundary can cut a community).
          if (u === Math.floor((Math.ceil((c * M) / cells.offices) * parentUnits) / M)) {
            expect(inside(cell.x + cell.w / 2, cell.y + cell.h / 2, box), `${id}: community ${c} in unit ${u}`).toBe(true);
          }
        }
        // Grid workers are marks inside a community's cell.
        const grid = levels[0];
        for (let g = 0; g < grid.offices; g += 7) {
          const o = grid.firstOffice + g;
          expect(
            L.cells.some((c) => inside(L.officeX[o], L.officeY[o], c)),
            `${id}: grid ${g}`,
          ).toBe(true);
        }
        // The page's height stays within reach: the map is not taller than about its width.
        expect(L.height).toBeLessThan(Math.max(260, 1.2 * width) + 120);
      }
      // An office of a level with several is named by its number (the fifth, or the last of fewer).
      const many = info.groups.filter((g) => g.kind === 'level').reduce((a, g) => (g.offices > a.offices ? g : a));
      const k = Math.min(5, many.offices);
      expect(officeName(info, many.firstOffice + k - 1, (g) => info.groups[g].name)).toBe(`${many.name} ${k}`);
    });
  }
});
