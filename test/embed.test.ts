/**
 * Embeds: any chart alone (`?embed=<chart id>`, the state in the link), with its run controls,
 * source line and a link to the whole app; every chart's menu copies the iframe code; a
 * link that names no chart says so and shows the whole app.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPage, shots, useApp } from './browser-app.ts';

useApp();

const visibleCharts = (p: import('playwright-core').Page) =>
  p
    .locator('fg-compare')
    .evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('fg-chart')]
        .filter((c) => c.style.display !== 'none')
        .map((c) => c.getAttribute('chart-id')),
    );

describe('embedding a chart', () => {
  it('copies the iframe code of a chart, and that address shows the chart alone, running the same state', async () => {
    const app = await openPage({ width: 1440, height: 900 });
    await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const chart = app.locator('fg-chart[chart-id="local-resolution"]');
    await chart.locator('summary').first().click();
    await chart.locator('button.embed').click();
    await expect.poll(() => chart.locator('.embed-message').textContent()).toContain('copied');
    const code = await app.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="[^"]+\?embed=local-resolution#[^"]*" title="[^"]+" width="760" height="\d+"/);
    const src = /src="([^"]+)"/.exec(code)![1];
    const height = Number(/height="(\d+)"/.exec(code)![1]);
    expect(height).toBeGreaterThanOrEqual(480);

    // In the frame the code suggests.
    const p = await openPage({ width: 760, height }, src.slice(src.indexOf('?')));
    expect(await visibleCharts(p)).toEqual(['local-resolution']);
    expect(await p.locator('#params').count()).toBe(0);
    expect(await p.locator('[role="tablist"]').count()).toBe(0);
    // It opens on its result: running at once, as fast as it goes, to the end of the year in seconds.
    await expect.poll(() => p.locator('fg-run-controls .status').textContent(), { timeout: 60_000 }).toMatch(/Finished: 365 days/);
    // It fits the frame the code suggests: nothing to scroll, the chart whole.
    expect(await p.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const box = (await p.locator('fg-chart[chart-id="local-resolution"]').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    expect(await p.locator('.embed-source').textContent()).toMatch(/flatgov .*model/);
    expect(await p.locator('#embed-open').getAttribute('href')).not.toContain('embed=');
    await p.screenshot({ path: path.join(shots, 'embed-local-resolution.png') });
  });

  it('suggests a frame each chart fits, the tallest too', async () => {
    const app = await openPage({ width: 1440, height: 900 });
    const chart = app.locator('fg-chart[chart-id="time-to-close"]');
    const code = await chart.evaluate((el) => (el as unknown as { embedCode(): string }).embedCode());
    const src = /src="([^"]+)"/.exec(code)![1];
    const height = Number(/height="(\d+)"/.exec(code)![1]);
    const p = await openPage({ width: 760, height }, src.slice(src.indexOf('?')));
    await expect.poll(() => p.locator('fg-run-controls .status').textContent(), { timeout: 60_000 }).toMatch(/Finished: 365 days/);
    expect(await p.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
    await p.screenshot({ path: path.join(shots, 'embed-time-to-close.png') });
  }, 90_000);

  it('a link that names no chart says so and shows the whole app', async () => {
    const p = await openPage({ width: 1440, height: 900 }, '?embed=nonsense');
    await expect
      .poll(() => p.locator('#link-message').textContent())
      .toMatch(/"nonsense", which is not a chart; expected one of throughput, time-to-close/);
    expect((await visibleCharts(p)).length).toBe(8);
  });
});
