/**
 * The live charts in a real browser (Debian's chromium). The first data of a run takes the
 * "Press Run" text away without drawing the chart anew.
 * Hover values: the pointer, a finger or
 * the arrow keys show, at the nearest day, each series' value as the run's data holds it (the
 * chart's data table says the same), with its unit; on a bar chart, the bar's value. Moving
 * the pointer changes only the hover marks, and exports leave them out.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openPage, setField, shots, steps, useApp } from './browser-app.ts';

useApp();

/** Run the default pair for `days` days at the fastest speed. */
async function runDays(p: Page, days: number) {
  await setField(p, '#days', String(days));
  await p.locator('#speed').selectOption('3');
  await expect.poll(() => p.locator('#run').isEnabled()).toBe(true);
  await p.locator('#run').click();
  await expect
    .poll(() => p.locator('fg-run-controls .status').textContent(), { timeout: 60_000 })
    .toMatch(new RegExp(`Finished: ${days} days|已完成`));
}

/** The chart's data table: its header cells and rows of cells, as shown. */
async function table(p: Page, chartId: string): Promise<{ head: string[]; rows: string[][] }> {
  const chart = p.locator(`fg-chart[chart-id="${chartId}"]`);
  if ((await chart.locator('details.table').getAttribute('open')) === null) await chart.locator('details.table summary').click();
  await chart.locator('table').waitFor();
  return await chart.locator('table').evaluate((t) => ({
    head: [...t.querySelectorAll('thead th')].map((c) => c.textContent!.trim()),
    rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim())),
  }));
}

/**
 * Where on the screen panel `i` of a chart puts x tick `label` (bars: the bar's label), and
 * for a number not among the ticks, where the axis puts it (from two numbered ticks).
 */
async function screenX(p: Page, chartId: string, i: number, at: number | string): Promise<{ x: number; y: number }> {
  await p.locator(`fg-chart[chart-id="${chartId}"] svg`).scrollIntoViewIfNeeded();
  return await p.locator(`fg-chart[chart-id="${chartId}"]`).evaluate(
    (el, [i, at]) => {
      const panel = el.shadowRoot!.querySelectorAll('svg g.panel')[i as number];
      const ticks = [...panel.querySelectorAll('g.tick')]
        .filter((t) => !t.closest('.y-axis'))
        .map((t) => {
          const r = t.getBoundingClientRect();
          return {
            label: t.querySelector('text')!.textContent!,
            x: r.left + r.width / 2,
            top: t.querySelector('line')!.getBoundingClientRect().top,
          };
        });
      const y = ticks[0].top - 40;
      if (typeof at === 'string') return { x: ticks.find((t) => t.label === at)!.x, y };
      const num = ticks.map((t) => ({ v: Number(t.label.replace(/[^\d.]/g, '')), x: ticks.find((u) => u === t)!.x }));
      // Tick text is centred on its tick: the line's x is the text's centre.
      const [a, b] = [num[0], num[num.length - 1]];
      return { x: a.x + ((at - a.v) * (b.x - a.x)) / (b.v - a.v), y };
    },
    [i, at] as const,
  );
}

/** A screenshot of a chart as it is on screen (a locator's screenshot would scroll and move the hover). */
async function shot(p: Page, chartId: string, file: string) {
  const box = (await p.locator(`fg-chart[chart-id="${chartId}"] svg`).boundingBox())!;
  await p.screenshot({ path: path.join(shots, file), clip: box });
}

/** What each panel's hover label says (empty where it is hidden): its heading and rows. */
function hoverLabels(p: Page, chartId: string) {
  return p
    .locator(`fg-chart[chart-id="${chartId}"]`)
    .evaluate((el) =>
      [...el.shadowRoot!.querySelectorAll('g.hover')].map((g) =>
        g.getAttribute('display') === 'none' ? [] : [...g.querySelectorAll('text')].map((t) => t.textContent!),
      ),
    );
}

describe('drawing', () => {
  it('says "Press Run to start." before a run, and the first day takes it away without drawing the chart anew', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    const chart = p.locator('fg-chart[chart-id="throughput"]');
    const empty = () =>
      chart.evaluate((el) =>
        [...el.shadowRoot!.querySelectorAll('text.empty')].map((t) => (t.getAttribute('display') === 'none' ? '' : t.textContent)),
      );
    expect(await empty()).toEqual(['Press Run to start.', 'Press Run to start.']);
    await chart.evaluate((el) => el.shadowRoot!.querySelectorAll('g.panel').forEach((g) => g.setAttribute('data-drawn-before', '')));
    await steps(p, 1);
    await expect.poll(empty).toEqual(['', '']);
    // The same panels (a drawing anew would have replaced them), now with a line each.
    expect(
      await chart.evaluate((el) => [...el.shadowRoot!.querySelectorAll('g.panel')].map((g) => g.hasAttribute('data-drawn-before'))),
    ).toEqual([true, true]);
    await p.locator('#reset').click();
    await expect.poll(empty).toEqual(['Press Run to start.', 'Press Run to start.']);
  });
});

describe('hover values', () => {
  it("show each line's value at the nearest day, as the data table has it, in every panel, without redrawing the chart; bars give their value; exports leave them out", async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await runDays(p, 30);
    const tab = await table(p, 'throughput');
    expect(tab.head).toEqual([
      'day',
      '1. Traditional county: Cases closed in the interval',
      '1. Traditional county: Open cases',
      '2. Longgang 2021: Cases closed in the interval',
      '2. Longgang 2021: Open cases',
    ]);
    // Only the hover marks may change while the pointer moves.
    await p.locator('fg-chart[chart-id="throughput"]').evaluate((el) => {
      const w = window as unknown as { mutated: string[] };
      w.mutated = [];
      new MutationObserver((records) =>
        records.forEach((r) => {
          const t = r.target instanceof Element ? r.target : r.target.parentElement!;
          // The hover marks are made on first use, above the rest.
          const added =
            [...r.addedNodes].every((n) => n instanceof Element && n.classList.contains('hover-layer')) && r.removedNodes.length === 0;
          if (!t.closest('.hover-layer') && !(r.type === 'childList' && added))
            w.mutated.push(`${t.tagName}.${t.getAttribute('class') ?? ''} ${r.attributeName ?? r.type}`);
        }),
      ).observe(el.shadowRoot!.querySelector('svg')!, { subtree: true, attributes: true, childList: true, characterData: true });
    });
    for (const [row, panel] of [
      [2, 0],
      [1, 1],
      [4, 0],
    ] as const) {
      const [d, ...cells] = tab.rows[row];
      const at = await screenX(p, 'throughput', panel, Number(d) + 0.3); // nearer this day than the next
      await p.mouse.move(at.x, at.y);
      // Every panel shows the same day, each with its own structure's values.
      await expect
        .poll(() => hoverLabels(p, 'throughput'))
        .toEqual([
          [`day ${d}`, `Cases closed in the interval: ${cells[0]} cases`, `Open cases: ${cells[1]} cases`],
          [`day ${d}`, `Cases closed in the interval: ${cells[2]} cases`, `Open cases: ${cells[3]} cases`],
        ]);
    }
    // The rule stands at the day the label names, on the day's point of the line.
    const rule = await p.locator('fg-chart[chart-id="throughput"]').evaluate((el) => {
      const g = el.shadowRoot!.querySelector('g.hover')!;
      const r = g.querySelector('line')!.getBoundingClientRect();
      return r.left;
    });
    expect(Math.abs(rule - (await screenX(p, 'throughput', 0, Number(tab.rows[4][0]))).x)).toBeLessThan(1.5);
    expect(await p.evaluate(() => (window as unknown as { mutated: string[] }).mutated)).toEqual([]);
    await shot(p, 'throughput', '17-hover-line.png');
    // Exports have no hover marks, though the label is on screen.
    const svg = await p
      .locator('fg-chart[chart-id="throughput"]')
      .evaluate((el) => (el as unknown as { exportSvgText(): string }).exportSvgText());
    expect(svg).toContain('Cases closed in the interval');
    expect(svg).not.toContain('hover');
    expect(svg).not.toContain(`Cases closed in the interval: ${tab.rows[4][1]}`);
    // Leaving the chart takes the label away.
    await p.mouse.move(5, 5);
    await expect.poll(() => hoverLabels(p, 'throughput')).toEqual([[], []]);

    // A percentage chart says its values as percentages.
    const sla = await table(p, 'service-targets');
    const at = await screenX(p, 'service-targets', 1, Number(sla.rows[3][0]));
    await p.mouse.move(at.x, at.y);
    await expect
      .poll(async () => (await hoverLabels(p, 'service-targets'))[1][1])
      .toBe(`Accepted within 30 min (non-field): ${sla.rows[3][5]}`);
    expect(sla.rows[3][5]).toMatch(/^\d+\.\d%$/);

    // A bar: the number of cases in its class, as the table has it.
    const bars = await table(p, 'time-to-close');
    const k = bars.rows.findIndex((r) => r[0] === '≤24');
    const bar = await screenX(p, 'time-to-close', 1, '≤24');
    await p.mouse.move(bar.x, bar.y);
    await expect
      .poll(() => hoverLabels(p, 'time-to-close'))
      .toEqual([
        ['hours to close: ≤24', `cases closed, by hours to close: ${bars.rows[k][1]} cases`],
        ['hours to close: ≤24', `cases closed, by hours to close: ${bars.rows[k][2]} cases`],
      ]);
    await shot(p, 'time-to-close', '18-hover-bars.png');
    const barSvg = await p
      .locator('fg-chart[chart-id="time-to-close"]')
      .evaluate((el) => (el as unknown as { exportSvgText(): string }).exportSvgText());
    expect(barSvg).not.toContain('hover');
    expect(barSvg).not.toContain('hours to close: ≤24');
  });

  it('answer the arrow keys on a focused chart and announce the values, in English and Chinese', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await runDays(p, 30);
    const tab = await table(p, 'throughput');
    const svg = p.locator('fg-chart[chart-id="throughput"] svg');
    const live = p.locator('fg-chart[chart-id="throughput"] .live');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    await svg.focus();
    await p.keyboard.press('Home');
    await p.keyboard.press('Shift+ArrowRight'); // seven points on: the table's second row
    const said = (r: string[]) =>
      `day ${r[0]}. 1. Traditional county: Cases closed in the interval ${r[1]} cases, Open cases ${r[2]} cases. 2. Longgang 2021: Cases closed in the interval ${r[3]} cases, Open cases ${r[4]} cases.`;
    await expect.poll(() => live.textContent()).toBe(said(tab.rows[1]));
    await p.keyboard.press('End');
    await expect.poll(() => live.textContent()).toBe(said(tab.rows[tab.rows.length - 1]));
    await p.keyboard.press('ArrowRight'); // already at the end: stays
    await expect.poll(() => live.textContent()).toBe(said(tab.rows[tab.rows.length - 1]));
    await p.keyboard.press('Escape');
    await expect.poll(() => hoverLabels(p, 'throughput')).toEqual([[], []]);
    // The bar chart steps through its classes.
    const bars = p.locator('fg-chart[chart-id="time-to-close"]');
    await bars.locator('svg').focus();
    await p.keyboard.press('ArrowRight');
    await expect
      .poll(() => bars.locator('.live').textContent())
      .toMatch(/^hours to close: ≤0\.5\. 1\. Traditional county: cases closed, by hours to close [\d,]+ cases\./);

    await p.locator('#lang').click();
    await expect.poll(() => p.locator('#run').textContent()).toMatch(/运行/);
    const zh = await table(p, 'throughput');
    await svg.focus();
    await p.keyboard.press('End');
    const last = zh.rows[zh.rows.length - 1];
    await expect
      .poll(() => live.textContent())
      .toMatch(new RegExp(`^第 ${last[0]} 天。1\\. [^：]+：\\S+ ${last[1]} 件，\\S+ ${last[2]} 件。2\\. `));
    const labels = await hoverLabels(p, 'throughput');
    expect(labels[0][0]).toBe(`第 ${last[0]} 天`);
    expect(labels[0][1]).toMatch(new RegExp(`：${last[1]} 件$`));
  });

  it('show the value a finger taps on a phone (390 × 844), inside the chart', async () => {
    const p = await openPage({ width: 390, height: 844 }, '', { hasTouch: true });
    await runDays(p, 20);
    const tab = await table(p, 'throughput');
    const chart = p.locator('fg-chart[chart-id="throughput"]');
    await chart.scrollIntoViewIfNeeded();
    // Near the right edge of the lower panel: the label goes to the left of the rule.
    const d = tab.rows[tab.rows.length - 1][0];
    const at = await screenX(p, 'throughput', 1, Number(d));
    await p.touchscreen.tap(at.x - 2, at.y);
    const row = tab.rows[tab.rows.length - 1];
    await expect
      .poll(() => hoverLabels(p, 'throughput'))
      .toEqual([
        [`day ${d}`, `Cases closed in the interval: ${row[1]} cases`, `Open cases: ${row[2]} cases`],
        [`day ${d}`, `Cases closed in the interval: ${row[3]} cases`, `Open cases: ${row[4]} cases`],
      ]);
    const inside = await chart.evaluate((el) => {
      const svg = el.shadowRoot!.querySelector('svg')!.getBoundingClientRect();
      return [...el.shadowRoot!.querySelectorAll('g.hover rect:last-of-type')].map((b) => {
        const r = b.getBoundingClientRect();
        return r.left >= svg.left && r.right <= svg.right && r.top >= svg.top && r.bottom <= svg.bottom && r.right <= 390;
      });
    });
    expect(inside).toEqual([true, true]);
    await shot(p, 'throughput', '19-hover-phone.png');
    // The value stays after the finger lifts; a tap on the first day moves it there.
    const first = await screenX(p, 'throughput', 0, Number(tab.rows[0][0]));
    await p.touchscreen.tap(first.x, first.y);
    await expect.poll(async () => (await hoverLabels(p, 'throughput'))[0][0]).toBe(`day ${tab.rows[0][0]}`);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
