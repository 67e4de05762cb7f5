/**
 * The living map and a followed case, in the browser: the map draws every structure with its
 * followed cases as the run goes; a followed case's timeline adds up to its time to close
 * in every structure, and it is the same resident's problem in each; the page stays
 * responsive while the map runs at full speed (long tasks measured and printed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { day, openPage, shots, steps, useApp } from './browser-app.ts';

useApp();

/** Numbers in the text of a locator (thousands separators dropped). */
const num = (s: string | null) => Number((s ?? '').replace(/,/g, ''));

async function mapSummaries(p: Page): Promise<string[]> {
  return p.locator('fg-map').evaluate((el) => [...el.shadowRoot!.querySelectorAll('.summary')].map((x) => x.textContent ?? ''));
}

/** How many pixels of a panel's canvas are not white (the map is drawn). */
async function inked(p: Page, i: number): Promise<number> {
  return p.locator('fg-map').evaluate((el, i) => {
    const c = el.shadowRoot!.querySelector<HTMLCanvasElement>(`canvas[data-i="${i}"]`)!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let k = 0; k < d.length; k += 4) if (d[k + 3] > 0 && (d[k] < 240 || d[k + 1] < 240 || d[k + 2] < 240)) n++;
    return n;
  }, i);
}

async function followAndCheck(p: Page) {
  await p.locator('#follow-random').click();
  const journey = p.locator('fg-journey');
  await journey.waitFor();
  const title = (await journey.locator('#journey-title').textContent()) ?? '';
  const problem = num(/\d[\d,]*/.exec(title)?.[0] ?? '');
  expect(problem).toBeGreaterThan(0);
  // Every structure shows the problem: the same resident, raised at the same moment.
  const raised = await journey.locator('section[data-structure] > p:first-of-type').allTextContents();
  expect(raised.length).toBe(2);
  expect(raised[1].replace(/:.*/, '')).toBe(raised[0].replace(/:.*/, ''));
  return { journey, problem };
}

describe('the living map', () => {
  it('draws both structures with followed cases as the run goes, and a followed case adds up to its time to close', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await p.locator('#tab-map').click();
    await p.locator('fg-map canvas[data-i="1"]').waitFor();
    await expect.poll(async () => (await mapSummaries(p))[0]).toMatch(/^Followed cases open now: 0 /);
    await steps(p, 3);
    await expect.poll(async () => (await mapSummaries(p))[0]).toMatch(/Followed cases open now: \d+/);
    for (const i of [0, 1]) expect(await inked(p, i)).toBeGreaterThan(5000);
    const s = await mapSummaries(p);
    expect(s[1]).toMatch(/Most open cases: \S.* \d+, [\d.]+ per 1,000 residents\./);
    await p.screenshot({ path: path.join(shots, 'map-1440.png'), fullPage: true });
    // The map downloads as a PNG that stands alone: wider than both panels, taller than them with its title, legend and source.
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator('#map-png').click()]);
    expect(download.suggestedFilename()).toBe('living-map.png');
    const file = path.join(shots, 'map-download.png');
    await download.saveAs(file);
    const png = fs.readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const panelBoxes = await p
      .locator('fg-map canvas')
      .evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(w / 2).toBeGreaterThan(panelBoxes[0][0] + panelBoxes[1][0]);
    expect(h / 2).toBeGreaterThan(Math.max(panelBoxes[0][1], panelBoxes[1][1]) + 100);

    // Follow a case until it is closed in both structures; its steps add up to its time to close.
    const { journey } = await followAndCheck(p);
    for (let k = 0; k < 20; k++) {
      const outcomes = await journey.locator('.outcome').allTextContents();
      if (outcomes.every((o) => /Closed|Lost|Never reported/.test(o))) break;
      await steps(p, 1);
    }
    for (const sec of await journey.locator('section[data-structure]').all()) {
      const outcome = (await sec.locator('.outcome').textContent()) ?? '';
      const m = /(Closed|Lost) after ([\d.,]+) h/.exec(outcome);
      if (!m) continue;
      const rows = (await sec.locator('tbody td.n').allTextContents()).map(num);
      const sum = rows.reduce((a, b) => a + b, 0);
      const total = num(await sec.locator('[data-total]').textContent());
      // Each row and the total are rounded to 0.01 h; the outcome to 0.1 h.
      expect(Math.abs(total - num(m[2]))).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(sum - total)).toBeLessThanOrEqual(0.005 * rows.length + 1e-9);
    }
    await p.screenshot({ path: path.join(shots, 'map-follow-1440.png'), fullPage: true });
  });

  it('stays responsive while the map runs at full speed (long tasks printed)', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await p.locator('#tab-map').click();
    await p.locator('fg-map canvas[data-i="1"]').waitFor();
    await p.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({
        type: 'longtask',
        buffered: false,
      });
    });
    await p.keyboard.press('4');
    await p.locator('#run').click();
    await expect
      .poll(async () => num(/\d[\d,]*/.exec((await p.locator('fg-run-controls .status').textContent()) ?? '')?.[0] ?? ''), {
        timeout: 120_000,
      })
      .toBeGreaterThanOrEqual(120);
    const long = await p.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`map at Fastest to day 120: ${long.length} long tasks, longest ${Math.max(0, ...long).toFixed(0)} ms`);
    await p.screenshot({ path: path.join(shots, 'map-fastest-1440.png'), fullPage: true });
  });

  it('embeds alone: the map’s embed code opens the map with its run controls and nothing else of the app', async () => {
    const app = await openPage({ width: 1440, height: 900 });
    await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await app.locator('#tab-map').click();
    await app.locator('#map-embed').click();
    await expect.poll(() => app.locator('fg-map .embed-message').textContent()).toContain('copied');
    const code = await app.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="[^"]+\?embed=map#[^"]*" title="Living map" width="900" height="\d+"/);
    const src = /src="([^"]+)"/.exec(code)![1];
    const p = await openPage({ width: 900, height: Number(/height="(\d+)"/.exec(code)![1]) }, src.slice(src.indexOf('?')));
    expect(await p.locator('[role="tablist"]').count()).toBe(0);
    expect(await p.locator('fg-compare').count()).toBe(0);
    await p.locator('fg-map canvas[data-i="1"]').waitFor();
    // An embed runs at once, at the fastest speed.
    await expect.poll(() => day(p), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await mapSummaries(p))[1]).toMatch(/Followed cases open now: [1-9]/);
    expect(await p.locator('.embed-source').textContent()).toMatch(/flatgov .*model/);
    await p.screenshot({ path: path.join(shots, 'map-embed.png') });
  });

  it('fits a phone: the map and the followed case have no horizontal overflow', async () => {
    const p = await openPage({ width: 390, height: 844 });
    await p.locator('#tab-map').click();
    await p.locator('fg-map canvas[data-i="1"]').waitFor();
    await steps(p, 2);
    await followAndCheck(p);
    const over = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(over).toBeLessThanOrEqual(0);
    await p.screenshot({ path: path.join(shots, 'map-390.png'), fullPage: true });
  });
});
