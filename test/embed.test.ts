/**
 * Embeds: any chart alone (`?embed=<chart id>`, the state in the link), with its run controls,
 * source line and a link to the whole app; every chart's menu copies the iframe code; a
 * link that names no chart says so and shows the whole app. In another site's page, at the
 * size its code suggests, a chart, the map and a story step open on their final figures
 * with nothing to scroll and no button that leads elsewhere.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openHost, openPage, shots, useApp } from './browser-app.ts';

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
    expect(height).toBeGreaterThan(400);

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

  it('a link that names no chart says so and shows the whole app', async () => {
    const p = await openPage({ width: 1440, height: 900 }, '?embed=nonsense');
    await expect
      .poll(() => p.locator('#link-message').textContent())
      .toMatch(/"nonsense", which is not a chart; expected one of throughput, time-to-close/);
    expect((await visibleCharts(p)).length).toBe(8);
  });
});

/** The embed code a button copies. */
async function copied(app: Page, click: () => Promise<void>): Promise<string> {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.evaluate(() => navigator.clipboard.writeText(''));
  await click();
  await expect.poll(() => app.evaluate(() => navigator.clipboard.readText()), { timeout: 15_000 }).toMatch(/^<iframe /);
  return app.evaluate(() => navigator.clipboard.readText());
}

/** The code in another site's page, the frame at the size it suggests: the page and the app's frame. */
async function hosted(code: string): Promise<{ host: Page; frame: Frame; width: number; height: number }> {
  const width = Number(/ width="(\d+)"/.exec(code)![1]);
  const height = Number(/ height="(\d+)"/.exec(code)![1]);
  const host = await openHost({ width: width + 40, height: height + 40 }, code.replace(' loading="lazy"', ''));
  await expect.poll(() => host.frames().length).toBe(2);
  const frame = host.frames()[1];
  await frame.locator('fg-app').waitFor();
  return { host, frame, width, height };
}

/** What the frame's page has to scroll, down and across (none: no scrollbar). */
const overflow = (f: Frame) =>
  f.evaluate(() => {
    const e = document.scrollingElement!;
    return {
      down: e.scrollHeight - e.clientHeight,
      across: e.scrollWidth - e.clientWidth,
      content: document.body.getBoundingClientRect().height,
    };
  });

/** The drawing of each chart shown: its height on screen and as laid out. */
const drawings = (f: Frame) =>
  f.locator('fg-compare').evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('fg-chart')]
      .filter((c) => c.style.display !== 'none')
      .map((c) => {
        const svg = c.shadowRoot!.querySelector('svg')!;
        return { id: c.getAttribute('chart-id'), shown: svg.getBoundingClientRect().height, laidOut: svg.viewBox.baseVal.height };
      }),
  );

/** Buttons that lead out of the embed or copy another embed: none in an embed. */
const leading = (f: Frame) =>
  f.evaluate(() => {
    const all: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('button') && /embed|leave|next|prev|finish|story-step-|show-map|story-show|tab-/.test(`${el.id} ${el.className}`))
          all.push(el.id || el.className);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return all;
  });

describe('an embed in another site’s page, at the size its code suggests', () => {
  it('a chart: finished, its figures stated, drawn whole, nothing to scroll', async () => {
    const app = await openPage({ width: 1440, height: 900 });
    const chart = app.locator('fg-chart[chart-id="time-to-close"]');
    const code = await copied(app, async () => {
      await chart.locator('summary').first().click();
      await chart.locator('button.embed').click();
    });
    const { host, frame, height } = await hosted(code);
    await expect.poll(() => frame.locator('fg-run-controls .status').textContent(), { timeout: 60_000 }).toMatch(/Finished: 365 days/);
    // Its final figures: the median and 90th percentile under the bars, for both structures.
    await expect
      .poll(() => frame.locator('fg-chart[chart-id="time-to-close"] ul.figures li').allTextContents())
      .toEqual([expect.stringMatching(/^1\. .*90th percentile.* [\d.]+ h$/), expect.stringMatching(/^2\. .*90th percentile.* [\d.]+ h$/)]);
    const o = await overflow(frame);
    const [d] = await drawings(frame);
    console.log(`chart embed: frame ${height} px, content ${o.content.toFixed(0)} px, drawing ${d.shown.toFixed(0)} of ${d.laidOut} px`);
    expect(o.down).toBeLessThanOrEqual(1);
    expect(o.across).toBeLessThanOrEqual(1);
    // The height was measured, not guessed: the drawing is whole, and little of the frame is left empty.
    expect(d.shown).toBeGreaterThanOrEqual(d.laidOut - 1);
    expect(height - o.content).toBeLessThan(60);
    expect(await leading(frame)).toEqual([]);
    await host.screenshot({ path: path.join(shots, 'embed-host-time-to-close.png') });
  }, 120_000);

  it('the map: finished, each city drawn at the width it has, its summary, nothing to scroll', async () => {
    const app = await openPage({ width: 1440, height: 900 });
    await app.locator('#tab-map').click();
    await app.locator('fg-map canvas[data-i="1"]').waitFor();
    const code = await copied(app, () => app.locator('#map-embed').click());
    expect(code).toMatch(/\?embed=map#[^"]*" title="Living map" width="900" height="\d+"/);
    const { host, frame, height } = await hosted(code);
    await expect.poll(() => frame.locator('fg-run-controls .status').textContent(), { timeout: 60_000 }).toMatch(/Finished: 365 days/);
    await expect.poll(() => frame.locator('#map-summary-1').textContent()).toMatch(/Followed cases open now: \d+/);
    await host.waitForTimeout(500);
    const o = await overflow(frame);
    const cities = await frame.locator('fg-map').evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('canvas')].map((c) => ({
        width: c.getBoundingClientRect().width,
        room: c.parentElement!.clientWidth,
      })),
    );
    console.log(
      `map embed: frame ${height} px, content ${o.content.toFixed(0)} px, cities ${cities.map((c) => `${c.width.toFixed(0)} of ${c.room} px wide`).join(', ')}`,
    );
    expect(o.down).toBeLessThanOrEqual(1);
    expect(o.across).toBeLessThanOrEqual(1);
    // Each city nearly as wide as its panel: the frame was measured for the map, not the map squeezed into the frame.
    for (const c of cities) expect(c.width).toBeGreaterThan(0.85 * c.room);
    expect(await leading(frame)).toEqual([]);
    await host.screenshot({ path: path.join(shots, 'embed-host-map.png') });
  }, 120_000);

  for (const [step, lang] of [
    [2, 'en'],
    [4, 'zh'],
  ] as const) {
    it(`story step ${step} (${lang}): its replications' figures and verdict at once, its chart, nothing to scroll, no step buttons`, async () => {
      const app = await openPage({ width: 1440, height: 900 }, `?story=${step}`);
      await app.locator('fg-story #story-embed').waitFor();
      if (lang === 'zh') {
        await app.locator('#lang').click();
        await expect.poll(() => app.locator('#run').textContent()).toMatch(/运行/);
      }
      const code = await copied(app, () => app.locator('fg-story #story-embed').click());
      expect(code).toMatch(new RegExp(`\\?embed=story&story=${step}#[^"]*" title="${step}\\. [^"]+" width="900" height="\\d+"`));
      const { host, frame, height } = await hosted(code);
      // It runs by itself: the figures of its replications, with intervals, and what they answer.
      await frame.locator('fg-story #story-result').waitFor({ timeout: 90_000 });
      const figures = await frame.locator('fg-story td.fig').allTextContents();
      expect(figures.length).toBeGreaterThan(0);
      for (const f of figures) expect(f).toMatch(/95%/);
      expect(await frame.locator('fg-story #story-check').textContent()).toMatch(lang === 'en' ? /The runs say: / : /多次运行的结论：/);
      await host.waitForTimeout(500);
      const o = await overflow(frame);
      const drawn = await drawings(frame);
      console.log(
        `story ${step} (${lang}) embed: frame ${height} px, content ${o.content.toFixed(0)} px, ${drawn.map((d) => `${d.id} drawn ${d.shown.toFixed(0)} of ${d.laidOut} px`).join(', ')}`,
      );
      expect(o.down).toBeLessThanOrEqual(1);
      expect(o.across).toBeLessThanOrEqual(1);
      // The step's own chart alone, drawn whole.
      expect(drawn).toHaveLength(1);
      expect(drawn[0].shown).toBeGreaterThanOrEqual(0.9 * drawn[0].laidOut);
      expect(await leading(frame)).toEqual([]);
      expect(await frame.locator('fg-story input[type="radio"]').count()).toBe(0);
      await host.screenshot({ path: path.join(shots, `embed-host-story-${step}-${lang}.png`) });
    }, 180_000);
  }
});
