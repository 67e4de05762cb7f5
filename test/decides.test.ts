/**
 * "What decides the answer", in a real browser: the analysis that ships with the model is
 * shown as bars whose order and lengths are its Sobol total indices, as a table on request,
 * in both languages; computing it for the structures on screen runs in the workers and
 * replaces the shipped result. Screenshots go to test-output/.
 */
import { assumptions } from '../scenarios/assumptions.ts';
import { paramLabel } from '../render/assumption-labels.ts';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import shipped from '../docs/sensitivity.json' with { type: 'json' };
import type { SensitivityResult } from '../experiments/sensitivity-run.ts';
import { rankedFactors } from '../experiments/sensitivity-report.ts';
import { openPage, setField, shots, steps, useApp } from './browser-app.ts';

useApp();
const result = shipped as unknown as SensitivityResult;

const inView = (p: Page, sel: string) => p.locator(`fg-decides ${sel}`);
const barLabels = (p: Page) =>
  p
    .locator('fg-decides')
    .evaluate((el) => [...el.shadowRoot!.querySelectorAll('#decides-chart g > text:first-of-type')].map((t) => t.textContent));

describe('what decides the answer', () => {
  it('shows the shipped analysis: the assumptions ranked by total index, as a chart or a table', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await p.locator('#tab-decides').click();
    await inView(p, '#decides-chart').waitFor();
    const expected = rankedFactors(result, 0, 'total')
      .filter((f) => f.total)
      .slice(0, 10)
      .map((f) => paramLabel(f.id, 'en'));
    // Each assumption by its label in plain words, whole: never its path, never cut.
    expect(await barLabels(p)).toEqual(expected);
    expect(await inView(p, '#decides-source').textContent()).toContain(result.structures.join(', '));
    // The chart says what it shows, for screen readers too.
    expect(await inView(p, '#decides-chart').getAttribute('aria-label')).toContain(expected[0]);
    await p.screenshot({ path: path.join(shots, 'decides-1440.png'), fullPage: true });
    await inView(p, '#decides-table').click();
    await expect.poll(() => inView(p, '#decides-data tbody tr').count()).toBe(result.factors.length);
    // Another result: the ranking follows it.
    const other = result.outputs.findIndex((o, i) => i > 0 && o.difference);
    await inView(p, '#decides-output').selectOption(String(other));
    const first = paramLabel(rankedFactors(result, other, 'total')[0].id, 'en');
    await expect.poll(() => inView(p, '#decides-data tbody tr:first-child td:first-child').textContent()).toContain(first);
    expect(await inView(p, '#decides-data').textContent()).not.toMatch(/\b[a-z]+\.[a-z]+[A-Z]\w*/);
  });

  it('speaks Chinese and fits a phone', async () => {
    const p = await openPage({ width: 390, height: 844 });
    await p.keyboard.press('l');
    await p.locator('#tab-decides').click();
    await inView(p, '#decides-chart').waitFor();
    expect(await inView(p, 'h2').textContent()).toContain('什么决定结果');
    // The assumptions and their units in Chinese too.
    const labels = await barLabels(p);
    expect(labels.length).toBeGreaterThan(3);
    for (const l of labels) expect(l).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff][^a-zA-Z]*$/);
    const ranges = await p
      .locator('fg-decides')
      .evaluate((el) => [...el.shadowRoot!.querySelectorAll('#decides-chart g > text:nth-of-type(2)')].map((t) => t.textContent ?? ''));
    for (const r of ranges) expect(r).not.toMatch(/[a-zA-Z]{2,}/);
    // The structures by their Chinese names.
    expect(await inView(p, '#decides-source').textContent()).toContain('龙港2021');
    expect(await inView(p, '#decides-output').textContent()).not.toMatch(/Longgang/);
    await p.screenshot({ path: path.join(shots, 'decides-390-zh.png'), fullPage: true });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('replications can vary the assumptions too, which widens what they decide', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await setField(p, '#days', '2');
    await p.locator('#tab-replications').click();
    await setField(p, '#reps', '4');
    const costHalf = async () => {
      await p.locator('#run-reps').click();
      const row = p.locator('#reps-table tbody tr', { hasText: 'Annual administrative cost' });
      await row.waitFor({ timeout: 60_000 });
      const cell = (await row.locator('td').first().textContent()) ?? '';
      return Number(/±\s*<?([\d.,]+)/.exec(cell)![1].replace(/,/g, ''));
    };
    const plain = await costHalf();
    await p.locator('#reps-uncertain').check();
    const unsure = await costHalf();
    expect(await p.locator('#reps-uncertain-note').textContent()).toContain(`${assumptions().length} assumptions`);
    expect(unsure).toBeGreaterThan(10 * plain);
  }, 120_000);

  it('computes the analysis for the structures on screen, in the workers', async () => {
    const p = await openPage({ width: 1440, height: 900 });
    await setField(p, '#days', '1');
    await p.locator('#tab-decides').click();
    await inView(p, '#decides-chart').waitFor();
    p.on('dialog', (d) => void d.accept());
    await inView(p, '#decides-run').click();
    await inView(p, '#decides-cancel').waitFor();
    await expect
      .poll(() => inView(p, '#decides-source').textContent(), { timeout: 240_000, interval: 1000 })
      .toMatch(/Computed here for the structures you compare: .*1 days/);
    const labels = await barLabels(p);
    expect(labels.length).toBeGreaterThanOrEqual(6);
    // The result stays while its inputs do (the app re-renders as the run steps), and goes when they change.
    await steps(p, 1);
    expect(await inView(p, '#decides-source').textContent()).toMatch(/Computed here/);
    await setField(p, '#days', '2');
    await expect.poll(() => inView(p, '#decides-source').textContent()).toMatch(/Computed with the model/);
  }, 300_000);
});
